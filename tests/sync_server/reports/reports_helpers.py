"""Helpers of the report tests (a uniquely named module, importable from the test files)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

from sync_server.models.reports import ReleasedGapRow, ReportFactRow

PASSWORD = "ein-langes-testpasswort"


def case_fact(office_id: str, key: str, **values: Any) -> ReportFactRow:
    opened = values.pop("case_opened", dt.date(2026, 2, 1))
    defaults: dict[str, Any] = {
        "office_id": office_id, "key": key, "fact_kind": "case",
        "month": opened.strftime("%Y-%m"), "municipality": "minden",
        "fields_of_action": [], "target_group": [], "referrals": {}, "prechecks": {},
        "case_opened": opened, "device_id": "d", "deleted": False,
    }
    return ReportFactRow(**{**defaults, **values})


def month_fact(office_id: str, key: str, month: str, **values: Any) -> ReportFactRow:
    defaults: dict[str, Any] = {
        "office_id": office_id, "key": key, "fact_kind": "consultation_month", "month": month,
        "municipality": "minden", "fields_of_action": [], "target_group": [],
        "referrals": {}, "prechecks": {}, "device_id": "d", "deleted": False,
    }
    return ReportFactRow(**{**defaults, **values})


def gap_row(office_id: str, key: str, **values: Any) -> ReleasedGapRow:
    defaults: dict[str, Any] = {
        "office_id": office_id, "key": key, "category": "housing_market",
        "field_of_action": "housing", "municipality": "minden",
        "description": "Wohnungsbesichtigungen scheitern ohne Sprachmittlung.",
        "case_count": 7, "released_on": dt.date(2026, 3, 1), "device_id": "d",
    }
    return ReleasedGapRow(**{**defaults, **values})


def login(client: TestClient, name: str, password: str = PASSWORD) -> Any:
    page = client.get("/dashboard/anmelden")
    csrf = _hidden(page.text, "csrf")
    return client.post("/dashboard/anmelden", data={"name": name, "password": password,
                                                    "csrf": csrf}, follow_redirects=False)


def _hidden(html: str, name: str) -> str:
    marker = f'name="{name}" value="'
    start = html.index(marker) + len(marker)
    return html[start:html.index('"', start)]


def csrf_of(html: str) -> str:
    return _hidden(html, "csrf")

"""Helpers of the report tests (a uniquely named module, importable from the test files)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from fastapi.testclient import TestClient

from sync_server.models.reports import ReleasedGapRow, ReportFactRow

PASSWORD = "ein-langes-testpasswort"


def _record_key(key: str, kind: str, month: str) -> int:
    """A stand-in record key (the upload service derives the real one under its secret)."""
    return int.from_bytes(hashlib.sha256(f"{key}|{kind}|{month}".encode()).digest()[:4], "big")


def case_fact(office_id: str, key: str, **values: Any) -> ReportFactRow:
    opened = values.pop("case_opened", dt.date(2026, 2, 1))
    defaults: dict[str, Any] = {
        "office_id": office_id, "key": key, "fact_kind": "case",
        "month": opened.strftime("%Y-%m"), "municipality": "minden",
        "fields_of_action": [], "target_group": [], "referrals": {}, "prechecks": {},
        "case_opened": opened, "deleted": False,
        "record_key": _record_key(key, "case", opened.strftime("%Y-%m")),
    }
    return ReportFactRow(**{**defaults, **values})


def month_fact(office_id: str, key: str, month: str, **values: Any) -> ReportFactRow:
    defaults: dict[str, Any] = {
        "office_id": office_id, "key": key, "fact_kind": "consultation_month", "month": month,
        "municipality": "minden", "fields_of_action": [], "target_group": [],
        "referrals": {}, "prechecks": {}, "deleted": False,
        "record_key": _record_key(key, "consultation_month", month),
    }
    return ReportFactRow(**{**defaults, **values})


def gap_row(office_id: str, key: str, **values: Any) -> ReleasedGapRow:
    defaults: dict[str, Any] = {
        "office_id": office_id, "key": key, "category": "housing_market",
        "field_of_action": "housing", "municipality": "minden",
        "description": "Wohnungsbesichtigungen scheitern ohne Sprachmittlung.",
        "case_count": 7, "released_on": dt.date(2026, 3, 1),
    }
    return ReleasedGapRow(**{**defaults, **values})


def near(shown: object, truth: int) -> bool:
    """Whether a published count is the true one give or take the p-table's largest noise."""
    from sync_server.reports.perturbation import load_ptable

    value = int(str(shown).replace(".", ""))
    return abs(value - truth) <= load_ptable().max_deviation


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

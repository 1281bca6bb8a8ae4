"""An enrolled device tries to poison the reports through the real upload API: every attempt
is answered 4xx, and afterwards every page and export still answers 200 and is clean."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy.orm import Session, sessionmaker

from sync_server.reports.views import VIEWS
from sync_server.services import devices
from tests.sync_server.reports.reports_helpers import login

PERIOD = "von=2026-01&bis=2026-12"
KEY = "a1b2c3d4" * 8


def _case(key: str, **fields: object) -> dict[str, Any]:
    return {"key": key, "fact_kind": "case", "municipality": "rahden", "month": "2026-02",
            "case_opened": "2026-02-01", "age_band": "27-44", "gender": "female",
            "status_category": "toleration", **fields}


def _month(key: str, **fields: object) -> dict[str, Any]:
    return {"key": key, "fact_kind": "consultation_month", "municipality": "rahden",
            "month": "2026-03", "consultations": 2, "minutes": 90,
            "referrals": {"jobcenter:sent": 1}, **fields}


POISON = {
    "negative referral count": _month(KEY, referrals={"jobcenter:sent": -40}),
    "negative pre-check count": _case(KEY, prechecks={"stag_10:met": -7}),
    "formula as a municipality": _case(KEY, municipality='=HYPERLINK("https://example.invalid")'),
    "formula as an agency": _month(KEY, referrals={"=cmd|' /C calc'!A0:sent": 1}),
    "markup as a status": _case(KEY, status_category="<img src='/etc/passwd'/>"),
    "markup as an agency": _month(KEY, referrals={"<a href='//example.invalid'>x</a>:sent": 1}),
    "control character in a field": _month(KEY, fields_of_action=["housing\x07"]),
    "another office's municipality": _case(KEY, municipality="minden"),
}
POISON_GAPS = {
    "control characters in a gap": "Klingel\x07 und\x0b Escape\x1b",
}
TRACES = ("HYPERLINK", "cmd|", "<img", "example.invalid", "\x07", "\x0b", "\x1b", "-40", "-7")


@pytest.fixture
def rahden_device(sessions: sessionmaker[Session]) -> dict[str, str]:
    """A device of a second office that serves Rahden only."""
    with sessions() as session, session.begin():
        office = devices.create_office(session, name="KIM Rahden", municipalities=["rahden"],
                                       actor="test")
        issued = devices.issue_enrollment_code(session, office_id=office.id,
                                               ttl=dt.timedelta(hours=1), actor="test")
    with sessions() as session, session.begin():
        token = devices.enroll(session, code=issued.code, device_name="Laptop R",
                               app_version="1.0").token
    return {"Authorization": f"Bearer {token}"}


def _clean_exports(client: TestClient) -> None:
    for view in VIEWS:
        page = client.get(f"/dashboard/bericht/{view.slug}?{PERIOD}")
        assert page.status_code == 200, view.slug
        assert not any(trace in page.text for trace in TRACES), view.slug
    board = client.get("/dashboard/fehlstellen")
    assert board.status_code == 200 and not any(t in board.text for t in TRACES)
    answers = {f: client.get(f"/dashboard/export?format={f}&{PERIOD}") for f in
               ("csv", "xlsx", "pdf")}
    assert {f: a.status_code for f, a in answers.items()} == dict.fromkeys(answers, 200)
    text = answers["csv"].content.decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]
    workbook = load_workbook(io.BytesIO(answers["xlsx"].content))
    cells += [str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row
              if c.value is not None]
    cells += [subprocess.run(["pdftotext", "-", "-"], input=answers["pdf"].content,
                             capture_output=True, check=True).stdout.decode()]
    assert not any(trace in cell for cell in cells for trace in TRACES)
    assert "Rahden" in text, "the honest facts are counted"


def test_every_poisoning_attempt_is_refused_and_the_reports_stay_clean(
    client: TestClient, rahden_device: dict[str, str], make_user: Any
) -> None:
    honest = [_case(f"{n:064x}") for n in range(6)] + [_month(f"{n:064x}") for n in range(6)]
    assert client.put("/v1/report-facts", json={"facts": honest},
                      headers=rahden_device).status_code == 200
    for what, poison in POISON.items():
        answer = client.put("/v1/report-facts", json={"facts": [poison]}, headers=rahden_device)
        assert answer.status_code == 422, what
        assert [r["index"] for r in answer.json()["refused"]] == [0], what
    for what, description in POISON_GAPS.items():
        gap = {"key": KEY, "category": "housing_market", "field_of_action": "housing",
               "municipality": "rahden", "description": description, "case_count": 6,
               "released_on": "2026-03-01"}
        answer = client.put("/v1/structural-gaps", json={"gaps": [gap]}, headers=rahden_device)
        assert answer.status_code == 422, what
    make_user("koordination")
    login(client, "koordination")
    _clean_exports(client)

"""The steering group's report on the real ASGI app: for a calendar period, as PDF (read
back with pdftotext) and XLSX, with the topics, their perturbed counts, states and measures,
and no office's text beyond the released descriptions of the topics' gaps; titles with markup
or a formula come out as plain text."""

from __future__ import annotations

import datetime as dt
import html
import io
import subprocess
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select, update

from sync_server.models import AuditEntry, ReleasedGapRow
from sync_server.services import devices
from tests.sync_server.reports.reports_helpers import csrf_of, gap_row, login

MARKUP = "<img src='/etc/passwd'>"
FORMULA = '=HYPERLINK("x")'
YEAR = dt.date.today().year


@pytest.fixture
def coordinator(client: TestClient, make_user: Any) -> TestClient:
    make_user("koordination")
    assert login(client, "koordination").status_code == 303
    return client


@pytest.fixture
def steering(coordinator: TestClient, add: Any, office_id: str, sessions: Any) -> dict[str, Any]:
    """Two offices' gaps in a topic titled with markup, assigned and with two measures; a
    gap in a topic titled with a formula that is not solvable locally; a gap withdrawn after
    it was grouped, and one in no topic."""
    with sessions() as session, session.begin():
        rahden = devices.create_office(session, name="KIM Rahden", actor="test",
                                       municipalities=["rahden"]).id
    add(gap_row(office_id, "gap-minden-pseudonym", case_count=12,
                description="Kitaplätze fehlen während der Kurse."),
        gap_row(rahden, "gap-rahden-pseudonym", municipality="rahden", case_count=9,
                description="Kein Kinderbetreuungsangebot im Kurs."),
        gap_row(office_id, "gap-hille-pseudonym", municipality="hille", case_count=6,
                description="Keine Fachärzte mit Dolmetschdienst."),
        gap_row(office_id, "gap-withdrawn-pseudonym", case_count=8,
                description="Später zurückgezogene Beschreibung."),
        gap_row(office_id, "gap-free-pseudonym", case_count=8,
                description="Fehlstelle ohne Thema."))
    csrf = csrf_of(coordinator.get("/dashboard/themen").text)

    def post(path: str, **data: Any) -> str:
        answer = coordinator.post(path, data={"csrf": csrf, **data}, follow_redirects=False)
        assert answer.status_code == 303, answer.text.split("<h1", 1)[-1][:400]
        return str(answer.headers["location"])

    first = post("/dashboard/themen", title=MARKUP, field="german", gap=[
        f"{office_id}:gap-minden-pseudonym", f"{rahden}:gap-rahden-pseudonym",
        f"{office_id}:gap-withdrawn-pseudonym"]).rsplit("/", 1)[1]
    group = post("/dashboard/projektgruppen", name="PG Sprache", field="german",
                 members="VHS, Kita-Träger").rsplit("/", 1)[1]
    post(f"/dashboard/themen/{first}/projektgruppe", group=group)
    post(f"/dashboard/themen/{first}/massnahmen", action="Kinderbetreuung parallel zum Kurs",
         responsible="VHS Minden", due_on=f"{YEAR}-06-30", status="in_progress", outcome="")
    post(f"/dashboard/themen/{first}/massnahmen", action="Bedarf der Kurse erheben",
         responsible="Kommunales Integrationszentrum", due_on=f"{YEAR}-03-31", status="done",
         outcome="Bedarf für 40 Plätze ermittelt.")
    second = post("/dashboard/themen", title=FORMULA, field="health_family",
                  gap=[f"{office_id}:gap-hille-pseudonym"]).rsplit("/", 1)[1]
    post(f"/dashboard/themen/{second}/massnahmen", action="Dolmetschpool für Praxen",
         responsible="Gesundheitsamt", due_on="", status="not_solvable_locally",
         outcome="Finanzierung nur durch das Land möglich.")
    with sessions() as session, session.begin():
        session.execute(update(ReleasedGapRow).where(
            ReleasedGapRow.key == "gap-withdrawn-pseudonym").values(withdrawn=True))
    return {"first": first, "second": second}


def _cases(client: TestClient, topic_id: str) -> str:
    page = client.get(f"/dashboard/themen/{topic_id}").text
    return html.unescape(page.split("<dt>Fälle", 1)[1].split("<dd>", 1)[1].split("</dd>", 1)[0])


def _download(client: TestClient, format: str, period: str = "") -> bytes:
    answer = client.get(f"/dashboard/lenkungsgruppe?format={format}{period}")
    assert answer.status_code == 200, answer.text[:500]
    assert answer.headers["content-disposition"].startswith(
        f'attachment; filename="kim-lenkungsgruppe_{YEAR}-01-01_{YEAR}-12-31.')
    return answer.content


def test_the_pdf_holds_topics_counts_and_measures_and_no_other_text(
    coordinator: TestClient, steering: dict[str, Any], sessions: Any,
) -> None:
    assert 'action="/dashboard/lenkungsgruppe"' in coordinator.get("/dashboard/themen").text
    pdf = _download(coordinator, "pdf", f"&von={YEAR}-01&bis={YEAR}-12")
    assert b"/Subtype /Image" not in pdf and b"/URI" not in pdf
    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                                   check=True).stdout.decode().split())
    # Each topic under its field of action, its title as text, its count as on its page (the
    # sum of its gaps' perturbed counts), its state and its project group.
    first, second = (_cases(coordinator, steering[n]) for n in ("first", "second"))
    assert ("Erlernen der deutschen Sprache Thema und freigegebene Fehlstellen Kommunen Fälle "
            f"Stand Projektgruppe {MARKUP} Minden, Rahden {first} in Bearbeitung "
            "PG Sprache") in text
    assert f"{FORMULA} Hille {second} vor Ort nicht lösbar (an das Land) keine" in text
    # The released descriptions of the topics' gaps, and no other text of an office.
    assert "– Kitaplätze fehlen während der Kurse. (Minden," in text
    assert "Kein Kinderbetreuungsangebot im Kurs." in text
    assert "Später zurückgezogene" not in text and "Fehlstelle ohne Thema" not in text
    # The measure due, the two completed (today), what is not solvable locally.
    due = text.split("Fällige Maßnahmen", 1)[1].split("Abgeschlossene Maßnahmen", 1)[0]
    done = text.split("Abgeschlossene Maßnahmen", 1)[1].split("Vor Ort nicht", 1)[0]
    land = text.split("Vor Ort nicht lösbar (an das Land)")[-1]
    assert "Kinderbetreuung parallel zum Kurs VHS Minden" in due and "Bedarf" not in due
    assert "Bedarf der Kurse erheben" in done and "Dolmetschpool für Praxen" in done
    assert "Bedarf für 40 Plätze ermittelt." in done
    assert dt.date.today().strftime("%d.%m.%Y") in done
    assert FORMULA in land and "Finanzierung nur durch das Land möglich." in land
    assert "Kinderbetreuung" not in land
    assert "Themen: vor Ort nicht lösbar (an das Land) 1" in text

    # A period that is no calendar period is refused in words, as on the report pages.
    refused = coordinator.get(
        f"/dashboard/lenkungsgruppe?format=pdf&von={YEAR}-01&bis={YEAR}-05")
    assert refused.status_code == 400 and "Kalender" in refused.text
    # The download is in the audit log, the refusal is not.
    with sessions() as session:
        entries = [(e.actor, e.detail["format"], e.detail["covers"]) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action == "steering_report.export"))]
    assert entries == [("user:koordination", "pdf",
                        f"Januar {YEAR} bis Dezember {YEAR}, ganzer Kreis")]


def test_the_xlsx_holds_the_same_and_no_formula(
    coordinator: TestClient, steering: dict[str, Any],
) -> None:
    workbook = load_workbook(io.BytesIO(_download(coordinator, "xlsx")))
    assert workbook.sheetnames == ["Hinweise", "Kennzahlen", "Themen", "Maßnahmen",
                                   "Nicht vor Ort lösbar"]
    values = []
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    values.append(cell.value)
    assert not [v for v in values if v.startswith(("=", "+", "-", "@"))]
    topics = [[c.value for c in row] for row in workbook["Themen"].iter_rows(min_row=2)]
    first, second = (_cases(coordinator, steering[n]) for n in ("first", "second"))
    assert topics[0][:6] == ["Erlernen der deutschen Sprache", MARKUP, "Minden, Rahden", first,
                             "in Bearbeitung", "PG Sprache"]
    assert topics[1][:5] == ["Gesundheit und Familie", "'" + FORMULA, "Hille", second,
                             "vor Ort nicht lösbar (an das Land)"]
    assert "Kitaplätze fehlen während der Kurse." in topics[0][6]
    assert "Später zurückgezogene" not in " ".join(values)
    measures = [c.value for row in workbook["Maßnahmen"].iter_rows() for c in row]
    assert "Kinderbetreuung parallel zum Kurs" in measures
    assert "Dolmetschpool für Praxen" in measures
    land = [c.value for row in workbook["Nicht vor Ort lösbar"].iter_rows() for c in row]
    assert "Finanzierung nur durch das Land möglich." in land

"""Report pages, filters, the gaps board and the exports through the real ASGI app."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.sync_server.reports.reports_helpers import (
    case_fact,
    csrf_of,
    gap_row,
    login,
    month_fact,
    near,
)


@pytest.fixture
def coordinator(client: TestClient, make_user: Any) -> TestClient:
    make_user("koordination")
    login(client, "koordination")
    return client


@pytest.fixture
def facts(add: Any, office_id: str) -> None:
    rows = [case_fact(office_id, f"minden-{n:02d}-pseudonym", fields_of_action=["housing"])
            for n in range(23)]
    rows += [case_fact(office_id, f"hille-{n:02d}-pseudonym", municipality="hille")
             for n in range(2)]
    rows += [case_fact(office_id, f"rahden-{n:02d}-pseudonym", municipality="rahden")
             for n in range(7)]
    rows += [month_fact(office_id, f"minden-{n:02d}-pseudonym", "2026-03", consultations=3,
                        minutes=120, fields_of_action=["housing"]) for n in range(23)]
    add(*rows)


PERIOD = "von=2026-01-01&bis=2026-12-31"


@pytest.mark.usefixtures("facts")
def test_pages_show_tables_with_captions_charts_and_suppression(coordinator: TestClient) -> None:
    page = coordinator.get(f"/dashboard/bericht/kommunen?{PERIOD}")
    assert page.status_code == 200
    html = page.text
    assert '<caption id="cap-faelle_kommune">Aktive, neue und abgeschlossene Fälle' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in html
    assert "<desc id=" in html
    assert "<td>&lt;5</td>" in html  # Hille's 2
    assert "<td>2</td>" not in html
    overview = coordinator.get(f"/dashboard/bericht/uebersicht?{PERIOD}")
    shown = overview.text.split('<span class="value">', 1)[1].split("<", 1)[0]
    assert near(shown, 32)
    assert "Cell-Key-Methode" in overview.text and "nicht immer genau die Summe" in html
    trends = coordinator.get(f"/dashboard/bericht/verlauf?{PERIOD}")
    assert "<polyline" in trends.text


@pytest.mark.usefixtures("facts")
def test_municipality_filter(coordinator: TestClient) -> None:
    page = coordinator.get(f"/dashboard/bericht/kommunen?{PERIOD}&kommune=Rahden")
    assert page.status_code == 200
    assert "Minden</th>" not in page.text and "Rahden</th>" in page.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("von=31.02.2026", "ist kein gültiges Datum"),
        ("von=gestern", "ist kein gültiges Datum"),
        ("von=2026-05-01&bis=2026-01-01", "liegt nach seinem Ende"),
        ("kommune=Gotham", "Die Kommune „Gotham“ ist nicht bekannt."),
        # Answered 500 on main: the month's end overflowed before the range was checked.
        ("von=9999-01&bis=9999-12", "zwischen 2000 und 2100"),
        ("von=0001-01&bis=0001-12", "zwischen 2000 und 2100"),
    ],
)
def test_bad_filters_get_a_clear_german_message(
    coordinator: TestClient, query: str, message: str
) -> None:
    page = coordinator.get(f"/dashboard/bericht/kommunen?{query}")
    assert page.status_code == 400
    assert message in page.text and 'role="alert"' in page.text
    export = coordinator.get(f"/dashboard/export?format=csv&{query}")
    assert export.status_code == 400 and message in export.text


def test_unknown_view_and_format(coordinator: TestClient) -> None:
    assert coordinator.get("/dashboard/bericht/geheim").status_code == 404
    assert coordinator.get("/dashboard/export?format=exe").status_code == 400


@pytest.mark.usefixtures("facts")
def test_exports_hide_and_perturb_like_the_pages(coordinator: TestClient) -> None:
    response = coordinator.get(f"/dashboard/export?format=csv&{PERIOD}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    cell = {(r[4], r[5], r[6]): r[7] for r in rows[1:]}
    assert cell[("Fälle nach Kommune", "Hille", "Aktive Fälle")] == "<5"
    assert near(cell[("Fälle nach Kommune", "Rahden", "Aktive Fälle")], 7)
    assert near(cell[("Fälle nach Kommune", "Summe", "Aktive Fälle")], 32)

    workbook = load_workbook(io.BytesIO(coordinator.get(
        f"/dashboard/export?format=xlsx&{PERIOD}").content))
    sheet = workbook["Nach Kommune"]
    values: dict[tuple[str, int], object] = {}
    for row in sheet.iter_rows(values_only=True):  # the first table: cases by municipality
        for i, v in enumerate(row):
            values.setdefault((row[0], i), v)
    assert values[("Hille", 1)] == "<5"
    assert isinstance(values[("Minden", 1)], int) and near(values[("Minden", 1)], 23)
    assert sheet._charts, "native Excel chart expected"
    assert "Hinweise" in workbook.sheetnames

    pdf = coordinator.get(f"/dashboard/export?format=pdf&{PERIOD}")
    assert pdf.content.startswith(b"%PDF")


def test_gaps_board_ranks_filters_and_keeps_a_status(
    coordinator: TestClient, add: Any, office_id: str
) -> None:
    add(
        gap_row(office_id, "gap-one-pseudonym-key", case_count=1,
                description="Sprachkurse mit Kinderbetreuung fehlen."),
        gap_row(office_id, "gap-two-pseudonym-key", case_count=12, field_of_action="work",
                description="Anerkennung ausländischer Abschlüsse dauert zu lange."),
        gap_row(office_id, "gap-gone-pseudonym-key", withdrawn=True,
                description="Zurückgezogene Beschreibung."),
    )
    page = coordinator.get("/dashboard/fehlstellen")
    html = page.text
    assert html.index("Anerkennung") < html.index("Sprachkurse")
    assert "Zurückgezogene" not in html
    assert "<td>&lt;5</td>" in html
    filtered = coordinator.get("/dashboard/fehlstellen?handlungsfeld=work")
    assert "Sprachkurse" not in filtered.text and "Anerkennung" in filtered.text
    bad = coordinator.get("/dashboard/fehlstellen?handlungsfeld=Zauberei")
    assert bad.status_code == 400 and "ist nicht bekannt" in bad.text
    saved = coordinator.post("/dashboard/fehlstellen/status", data={
        "csrf": csrf_of(html), "office_id": office_id, "key": "gap-two-pseudonym-key",
        "status": "project_group"})
    assert saved.status_code == 200
    assert 'value="project_group" selected' in saved.text
    unknown = coordinator.post("/dashboard/fehlstellen/status", data={
        "csrf": csrf_of(html), "office_id": office_id, "key": "no-such-gap-key-0000",
        "status": "resolved"})
    assert unknown.status_code == 400


def test_facts_dates_out_of_the_period_do_not_count(
    coordinator: TestClient, add: Any, office_id: str
) -> None:
    add(*[case_fact(office_id, f"old-{n:02d}-pseudonym-key", case_opened=dt.date(2020, 1, 1),
                    case_closed=dt.date(2020, 6, 1)) for n in range(9)])
    page = coordinator.get(f"/dashboard/bericht/uebersicht?{PERIOD}")
    assert '<span class="value">0</span> <span class="label">Aktive Fälle' in page.text

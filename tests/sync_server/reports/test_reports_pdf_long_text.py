"""Long stored text in the PDF report: a released gap's description of 4,000 characters (the
most a device may send) and longer texts a database may hold wrap inside their cells and
split across pages, through the dashboard and ``kim-server report export``; the PDF is read
back with pdftotext."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sync_server.cli import main
from tests.sync_server.reports.reports_helpers import case_fact, gap_row, login

#: 4,000 characters of words, numbered so that the text read back shows none is lost.
DESCRIPTION = " ".join(f"Wohnungsbesichtigung{n:03d}" for n in range(200))[:4000]
#: One word far longer than a cell is wide.
UNBROKEN = "Sprachkursanmeldung" * 400


def _text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    shown = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                           check=True).stdout.decode()
    return "".join(shown.split())


def _assert_complete(text: str) -> None:
    """Every word of the long description, and every part of the unbroken texts, is
    on some page (a row split across pages repeats the header between its parts)."""
    for word in DESCRIPTION.split():
        assert word in text
    assert text.count("x") >= 64 and text.count("y") >= 64
    assert text.count("Sprachkursanmeldung") >= 390


@pytest.fixture
def long_gaps(add: Any, office_id: str) -> None:
    add(*[case_fact(office_id, f"minden-{n:02d}-pseudonym") for n in range(8)],
        gap_row(office_id, "gap-long-pseudonym", description=DESCRIPTION),
        gap_row(office_id, "gap-unbroken-pseudonym", description=UNBROKEN,
                municipality="x" * 64, category="y" * 64, case_count=9))


@pytest.mark.usefixtures("long_gaps")
def test_dashboard_pdf_wraps_long_gap_texts_across_pages(
    client: TestClient, make_user: Any
) -> None:
    make_user("koordination")
    login(client, "koordination")
    answer = client.get("/dashboard/export?format=pdf&von=2026-01&bis=2026-12")
    assert answer.status_code == 200, answer.text[:300]
    _assert_complete(_text(answer.content))


@pytest.mark.usefixtures("long_gaps")
def test_cli_pdf_export_wraps_long_gap_texts(
    db_url: str, engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bericht.pdf"
    assert main(["--db", db_url, "report", "export", "--format", "pdf", "--out", str(out),
                 "--from", "2026-01", "--to", "2026-12"]) == 0, capsys.readouterr().err
    _assert_complete(_text(out.read_bytes()))

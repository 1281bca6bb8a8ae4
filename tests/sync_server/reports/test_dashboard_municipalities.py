"""A coordinator limited to some municipalities (``kim-server user add|edit --municipality``)
sees, on every page and in every export of the real ASGI app, only those: no row, no gap, no
total of another, and the totals are theirs together, not the Kreis's."""

from __future__ import annotations

import csv
import io
import subprocess
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from sync_server.cli import main
from sync_server.reports.views import VIEWS
from tests.sync_server.reports.reports_helpers import (
    PASSWORD,
    case_fact,
    csrf_of,
    gap_row,
    login,
    month_fact,
    near,
)

PERIOD = "von=2026-01&bis=2026-12"
CASES = {"minden": 30, "hille": 12, "rahden": 25}
SEEN = CASES["minden"] + CASES["hille"]
SECRET = "Rahden"


@pytest.fixture
def kreis(add: Any, office_id: str) -> None:
    rows: list[Any] = []
    for municipality, count in CASES.items():
        for n in range(count):
            key = f"{municipality}-{n:03d}-pseudonym"
            rows.append(case_fact(office_id, key, municipality=municipality,
                                  fields_of_action=["housing"], age_band="27-44"))
            rows.append(month_fact(office_id, key, "2026-03", municipality=municipality,
                                   consultations=2, minutes=45, referrals={"jobcenter:sent": 1}))
    rows += [
        gap_row(office_id, "gap-minden-pseudonym", municipality="minden",
                description="Kitaplätze fehlen während der Sprachkurse."),
        gap_row(office_id, "gap-rahden-pseudonym", municipality="rahden",
                description="Nur dort gibt es keinen Bus zur Ausländerbehörde."),
    ]
    add(*rows)


@pytest.fixture
def limited(db_url: str, engine: Any, client: TestClient, kreis: None,
            monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setenv("KIM_PASSWORD", PASSWORD)
    assert main(["--db", db_url, "user", "add", "--name", "minden-hille", "--role",
                 "coordinator", "--municipality", "Minden", "--municipality", "hille"]) == 0
    assert login(client, "minden-hille").status_code == 303
    return client


def _csv_rows(client: TestClient, query: str = PERIOD) -> list[dict[str, str]]:
    answer = client.get(f"/dashboard/export?format=csv&{query}")
    assert answer.status_code == 200, answer.text[:300]
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))


def _value(rows: list[dict[str, str]], table: str, row: str, column: str) -> int:
    values = [r["Wert"] for r in rows
              if (r["Tabelle"], r["Zeile"], r["Spalte"]) == (table, row, column)]
    assert len(set(values)) == 1, (table, row, column, values)
    return int(values[0].replace(".", ""))


def test_every_page_shows_only_the_coordinators_municipalities(limited: TestClient) -> None:
    for view in VIEWS:
        for query in (PERIOD, f"{PERIOD}&kommune=minden"):
            page = limited.get(f"/dashboard/bericht/{view.slug}?{query}")
            assert page.status_code == 200, (view.slug, page.text[:300])
            assert SECRET not in page.text and "rahden" not in page.text, view.slug
    overview = limited.get(f"/dashboard/bericht/kommunen?{PERIOD}")
    assert "Minden" in overview.text and "Hille" in overview.text
    assert "Kommunen Hille, Minden" in overview.text and "ganzer Kreis" not in overview.text
    assert "Alle Ihre Kommunen" in overview.text
    board = limited.get("/dashboard/fehlstellen")
    assert board.status_code == 200
    assert "Kitaplätze fehlen" in board.text and "keinen Bus" not in board.text
    assert SECRET not in board.text


@pytest.mark.parametrize("route", [
    f"/dashboard/bericht/uebersicht?{PERIOD}&kommune=rahden",
    f"/dashboard/bericht/kommunen?{PERIOD}&kommune=Rahden",
    f"/dashboard/export?format=csv&{PERIOD}&kommune=rahden",
    f"/dashboard/export?format=xlsx&{PERIOD}&kommune=rahden",
    f"/dashboard/export?format=pdf&{PERIOD}&kommune=rahden",
    "/dashboard/fehlstellen?kommune=rahden",
])
def test_another_municipality_is_refused_in_words(limited: TestClient, route: str) -> None:
    answer = limited.get(route)
    assert answer.status_code == 400
    assert "ist für Ihr Konto nicht freigegeben" in answer.text
    assert "keinen Bus" not in answer.text


def test_the_totals_are_the_coordinators_not_the_kreis(limited: TestClient) -> None:
    rows = _csv_rows(limited)
    assert {r["Kommune"] for r in rows} == {"Kommunen Hille, Minden"}
    active = _value(rows, "Fälle nach Kommune", "Summe", "Aktive Fälle")
    assert near(active, SEEN) and not near(active, SEEN + CASES["rahden"])
    assert {r["Zeile"] for r in rows if r["Tabelle"] == "Fälle nach Kommune"} == {
        "Minden", "Hille", "Summe"}
    # The same cell in every view that shows a count of the cases together.
    for row in rows:
        if row["Spalte"] == "Aktive Fälle" and row["Zeile"] in ("Summe", "Gesamt"):
            assert not near(int(row["Wert"].replace(".", "")), SEEN + CASES["rahden"]), row


def test_every_export_leaves_the_others_out(limited: TestClient) -> None:
    assert all(SECRET not in value and "keinen Bus" not in value
               for row in _csv_rows(limited) for value in row.values())
    xlsx = limited.get(f"/dashboard/export?format=xlsx&{PERIOD}")
    assert xlsx.status_code == 200
    book = load_workbook(io.BytesIO(xlsx.content))
    texts = [str(cell.value) for sheet in book.worksheets for line in sheet.iter_rows()
             for cell in line if cell.value is not None]
    assert any("Minden" in t for t in texts)
    assert not any(SECRET in t or "keinen Bus" in t for t in texts)
    pdf = limited.get(f"/dashboard/export?format=pdf&{PERIOD}")
    assert pdf.status_code == 200
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert "Minden" in text and SECRET not in text and "keinen Bus" not in text


def test_a_gap_of_another_municipality_cannot_be_changed(
    limited: TestClient, office_id: str,
) -> None:
    board = limited.get("/dashboard/fehlstellen")
    answer = limited.post("/dashboard/fehlstellen/status", data={
        "office_id": office_id, "key": "gap-rahden-pseudonym", "status": "resolved",
        "csrf": csrf_of(board.text)})
    assert answer.status_code == 400 and "Nicht gespeichert" in answer.text
    done = limited.post("/dashboard/fehlstellen/status", data={
        "office_id": office_id, "key": "gap-minden-pseudonym", "status": "resolved",
        "csrf": csrf_of(board.text)}, follow_redirects=False)
    assert done.status_code == 303


def test_the_limit_is_lifted_and_set_again_from_the_next_page_on(
    limited: TestClient, db_url: str, capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", db_url, "user", "edit", "--name", "minden-hille",
                 "--all-municipalities"]) == 0
    assert "zeigt jetzt: ganzer Kreis" in capsys.readouterr().out
    rows = _csv_rows(limited)
    assert near(_value(rows, "Fälle nach Kommune", "Summe", "Aktive Fälle"),
                SEEN + CASES["rahden"])
    assert SECRET in limited.get(f"/dashboard/bericht/kommunen?{PERIOD}").text
    assert main(["--db", db_url, "user", "edit", "--name", "minden-hille",
                 "--municipality", "Rahden"]) == 0
    assert "zeigt jetzt: Rahden" in capsys.readouterr().out
    assert "Kitaplätze" not in limited.get("/dashboard/fehlstellen").text


def test_only_coordinators_are_limited_and_only_to_known_municipalities(
    db_url: str, engine: Any, make_user: Any, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sync_server.dashboard.models import Role

    make_user("it", role=Role.ADMIN)
    make_user("lena")
    assert main(["--db", db_url, "user", "edit", "--name", "it", "--municipality",
                 "Minden"]) == 2
    assert "Nur Koordinationskonten" in capsys.readouterr().err
    assert main(["--db", db_url, "user", "edit", "--name", "lena", "--municipality",
                 "Berlin"]) == 2
    assert "Die Kommune „Berlin“ ist nicht bekannt." in capsys.readouterr().err
    monkeypatch.setenv("KIM_PASSWORD", PASSWORD)
    assert main(["--db", db_url, "user", "add", "--name", "neu", "--role", "admin",
                 "--municipality", "Minden"]) == 2
    assert "Nur Koordinationskonten" in capsys.readouterr().err


def test_the_cli_export_for_a_coordinator_is_the_dashboards(
    limited: TestClient, db_url: str, tmp_path: Any, capsys: pytest.CaptureFixture[str],
) -> None:
    """``kim-server report export --user`` writes what the account downloads on the
    dashboard: byte for byte in the CSV, without the other municipalities in every format."""
    export = ["--db", db_url, "report", "export", "--from", "2026-01", "--to", "2026-12",
              "--user", "minden-hille"]
    for fmt in ("csv", "xlsx", "pdf"):
        assert main([*export, "--format", fmt, "--out", str(tmp_path / f"b.{fmt}")]) == 0
        assert "Kommunen Hille, Minden, wie für das Konto minden-hille." in capsys.readouterr().out
    dashboard = limited.get(f"/dashboard/export?format=csv&{PERIOD}")
    assert (tmp_path / "b.csv").read_bytes() == dashboard.content
    book = load_workbook(tmp_path / "b.xlsx")
    assert not any(SECRET in str(cell.value) or "keinen Bus" in str(cell.value)
                   for sheet in book.worksheets for line in sheet.iter_rows() for cell in line)
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")
    assert "Minden" in text and SECRET not in text and "keinen Bus" not in text


def test_the_cli_export_refuses_what_the_dashboard_refuses(
    limited: TestClient, db_url: str, make_user: Any, tmp_path: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sync_server.dashboard.models import Role

    make_user("it", role=Role.ADMIN)
    out = tmp_path / "b.csv"
    export = ["--db", db_url, "report", "export", "--format", "csv", "--out", str(out)]
    for extra, message in [
        (["--user", "minden-hille", "--municipality", "Rahden"],
         "Die Kommune „Rahden“ ist für das Konto minden-hille nicht freigegeben."),
        (["--user", "it"], "Das Konto it ist ein Admin-Konto und sieht keine Auswertungen."),
        (["--user", "niemand"], "Ein Konto „niemand“ gibt es nicht."),
    ]:
        assert main([*export, *extra]) == 2
        assert message in capsys.readouterr().err and not out.exists()
    assert main(["--db", db_url, "user", "disable", "--name", "minden-hille"]) == 0
    assert main([*export, "--user", "minden-hille"]) == 2
    assert "Das Konto minden-hille ist deaktiviert." in capsys.readouterr().err
    assert not out.exists()
    assert main([*export]) == 0
    assert "ganzer Kreis" in capsys.readouterr().out and SECRET in out.read_text("utf-8-sig")


def test_every_export_is_in_the_audit_log(
    limited: TestClient, db_url: str, sessions: Any, tmp_path: Any,
) -> None:
    """Who took which figures off the server: a download on the dashboard and the CLI's export,
    for an account and for the operators; a refused export leaves no entry."""
    from sqlalchemy import select

    from sync_server.models import AuditEntry
    from sync_server.services.audit import cli_actor

    assert limited.get(f"/dashboard/export?format=csv&{PERIOD}&kommune=minden").status_code \
        == 200
    assert limited.get(f"/dashboard/export?format=csv&{PERIOD}&kommune=rahden").status_code \
        == 400
    export = ["--db", db_url, "report", "export", "--from", "2026-01", "--to", "2026-03",
              "--format", "xlsx", "--out", str(tmp_path / "b.xlsx")]
    assert main([*export, "--user", "minden-hille"]) == 0
    assert main(export) == 0
    assert main([*export, "--user", "minden-hille", "--municipality", "Rahden"]) == 2
    with sessions() as session:
        entries = [(e.actor, e.detail) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action == "report.export")
            .order_by(AuditEntry.id))]
    year, quarter = {"from": "2026-01-01", "to": "2026-12-31"}, {
        "from": "2026-01-01", "to": "2026-03-31"}
    assert entries == [
        ("user:minden-hille", {"format": "csv", **year, "municipality": "minden",
                               "account": "minden-hille", "covers":
                               "Januar 2026 bis Dezember 2026, Minden"}),
        (cli_actor(), {"format": "xlsx", **quarter, "municipality": None,
                       "account": "minden-hille", "covers":
                       "Januar 2026 bis März 2026, Kommunen Hille, Minden"}),
        (cli_actor(), {"format": "xlsx", **quarter, "municipality": None, "account": None,
                       "covers": "Januar 2026 bis März 2026, ganzer Kreis"}),
    ]

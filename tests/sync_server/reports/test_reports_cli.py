"""``kim-server user add`` and ``kim-server report export``, run in-process on a real file."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync_server.cli import main
from sync_server.dashboard.models import DashboardUser
from tests.sync_server.reports.reports_helpers import PASSWORD, case_fact, near


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """The CLI's code paths do not depend on the engine (the report queries are tested on
    both); it runs here on a SQLite file."""
    return f"sqlite:///{tmp_path / 'server.db'}"


@pytest.fixture
def sqlite_only(db_url: str) -> str:
    return db_url


def test_user_add_takes_the_password_from_the_environment(
    sqlite_only: str, engine: Any, sessions: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KIM_PASSWORD", PASSWORD)
    monkeypatch.setenv("KIM_SERVER_SECRET_KEY", "s" * 64)
    assert main(["--db", sqlite_only, "user", "add", "--name", "lena", "--role",
                 "coordinator", "--totp"]) == 0
    out = capsys.readouterr().out
    assert "Konto lena (coordinator, ganzer Kreis) angelegt." in out and "otpauth://totp/" in out
    with sessions() as session:
        user = session.scalars(select(DashboardUser)).one()
        assert user.role == "coordinator" and user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash and user.totp_secret


@pytest.mark.parametrize(
    ("argv", "password", "message"),
    [
        (["--name", "kurz", "--role", "admin"], "zu-kurz", "mindestens 12 Zeichen"),
        (["--name", "   ", "--role", "admin"], PASSWORD, "1 bis 100 Zeichen"),
    ],
)
def test_user_add_refuses_bad_input(
    sqlite_only: str, engine: Any, sessions: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    argv: list[str], password: str, message: str,
) -> None:
    monkeypatch.setenv("KIM_PASSWORD", password)
    assert main(["--db", sqlite_only, "user", "add", *argv]) == 2
    assert message in capsys.readouterr().err
    with sessions() as session:
        assert session.scalars(select(DashboardUser)).all() == []


def test_user_add_twice_and_on_an_uninitialised_database(
    sqlite_only: str, engine: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("KIM_PASSWORD", PASSWORD)
    add = ["user", "add", "--name", "lena", "--role", "admin"]
    assert main(["--db", sqlite_only, *add]) == 0
    assert main(["--db", sqlite_only, *add]) == 2
    assert "gibt es schon" in capsys.readouterr().err
    assert main(["--db", f"sqlite:///{tmp_path / 'leer.db'}", *add]) == 2
    assert "kim-server init" in capsys.readouterr().err


def test_report_export_writes_each_format(
    sqlite_only: str, engine: Any, add: Any, office_id: str, tmp_path: Path
) -> None:
    add(*[case_fact(office_id, f"case-{n:02d}-pseudonym-key") for n in range(12)],
        case_fact(office_id, "hille-00-pseudonym-key", municipality="hille"))
    for fmt in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"bericht.{fmt}"
        assert main(["--db", sqlite_only, "report", "export", "--format", fmt, "--out",
                     str(out), "--from", "2026-01", "--to", "2026-03"]) == 0
        assert out.stat().st_size > 0 and not out.with_name(out.name + ".part").exists()
    workbook = load_workbook(io.BytesIO((tmp_path / "bericht.xlsx").read_bytes()))
    assert near(workbook["Übersicht"]["B4"].value, 13)
    csv_text = (tmp_path / "bericht.csv").read_text(encoding="utf-8-sig")
    assert "Hille;Aktive Fälle;<5" in csv_text
    assert (tmp_path / "bericht.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--from", "2026-13"], "kein gültiges Datum"),
        (["--municipality", "Atlantis"], "Die Kommune „Atlantis“ ist nicht bekannt."),
        (["--from", "2026-06", "--to", "2026-01"], "liegt nach seinem Ende"),
        (["--from", "2026-01", "--to", "2026-05"], "ein Quartal oder ein Kalenderjahr"),
        (["--from", "9999-01", "--to", "9999-12"], "zwischen 2000 und 2100"),  # a traceback
    ],
)
def test_report_export_refuses_bad_filters_and_writes_nothing(
    sqlite_only: str, engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    extra: list[str], message: str,
) -> None:
    out = tmp_path / "bericht.xlsx"
    assert main(["--db", sqlite_only, "report", "export", "--format", "xlsx", "--out",
                 str(out), *extra]) == 2
    assert message in capsys.readouterr().err and not out.exists()


def test_report_export_to_a_missing_folder(
    sqlite_only: str, engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fehlt" / "bericht.csv"
    assert main(["--db", sqlite_only, "report", "export", "--format", "csv", "--out",
                 str(out)]) == 2
    assert "kann nicht geschrieben werden" in capsys.readouterr().err


def test_every_format_defaults_to_the_current_calendar_year_and_help_says_so(
    sqlite_only: str, engine: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    year = dt.date.today().year
    for fmt in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"bericht.{fmt}"
        assert main(["--db", sqlite_only, "report", "export", "--format", fmt, "--out",
                     str(out)]) == 0
    pdf = subprocess.run(["pdftotext", str(tmp_path / "bericht.pdf"), "-"], capture_output=True,
                         text=True, check=True).stdout
    assert f"Zeitraum und Gebiet: Januar {year} bis Dezember {year}" in " ".join(pdf.split())
    workbook = load_workbook(tmp_path / "bericht.xlsx")
    notes = [str(c.value) for row in workbook["Hinweise"].iter_rows() for c in row if c.value]
    assert any(f"Januar {year} bis Dezember {year}" in n for n in notes)
    csv_text = (tmp_path / "bericht.csv").read_text(encoding="utf-8-sig")
    assert f"{year}-01-01;{year}-12-31;" in csv_text
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["report", "export", "--help"])
    assert "laufende Kalenderjahr" in " ".join(capsys.readouterr().out.split())

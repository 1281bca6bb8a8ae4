"""kim-desktop export-office: the office's cases for the Land's Datenbank KIM, checked against
its own schema file, with no name when pseudonymised, names only with a warning, logged."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from tests.cli.test_audit_cli import _log
from tests.cli.test_clients_cli import _run, data_dir

__all__ = ["data_dir"]

PERIOD = ("--from", "01.01.2000", "--to", dt.date.today().strftime("%d.%m.%Y"))


def _valid(value: str, kind: str) -> bool:
    if value == "":
        return True
    if kind == "integer":
        return value.isdigit()
    if kind == "date":
        return bool(dt.date.fromisoformat(value))
    if kind == "yearmonth":
        return bool(dt.date.fromisoformat(f"{value}-01")) and len(value) == 7
    return kind == "string"


def _names(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    _, out, _ = _run(data_dir, capsys, "clients", "--json")
    return [part.strip() for row in json.loads(out) for part in row["name"].split(",")]


def test_the_csv_follows_its_schema_and_names_no_one(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    names = _names(data_dir, capsys)
    code, _, err = _run(data_dir, capsys, "export-office", *PERIOD, "--format", "csv",
                          "--out", str(tmp_path))
    assert code == 0, err
    assert "Achtung" not in err
    schema = json.loads((tmp_path / "datenbank-kim.schema.json").read_text(encoding="utf-8"))
    text = (tmp_path / "datenbank-kim.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    fields = schema["fields"]
    assert schema["pseudonymised"] is True
    assert rows[0] == [f["name"] for f in fields] and len(rows) > 10
    for row in rows[1:]:
        assert len(row) == len(fields)
        assert all(_valid(value, f["type"]) for value, f in zip(row, fields, strict=True)), row
    assert not [n for n in names if n and n in text]
    assert "nachname" not in rows[0] and "geburtsdatum" not in rows[0]
    assert len({row[1] for row in rows[1:]}) == len(rows) - 1  # the case is the key
    logged = _log(data_dir, capsys, "--action", "export")
    assert [logged[0][3], logged[0][4]] == ["Export für die Datenbank KIM", "office"]
    assert logged[0][5].startswith(f"csv {len(rows) - 1} pseudonymisiert")


def test_the_json_holds_the_same_rows_and_names_only_on_purpose(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    names = _names(data_dir, capsys)
    code, _, err = _run(data_dir, capsys, "export-office", *PERIOD, "--format", "json",
                        "--out", str(tmp_path))
    assert code == 0, err
    text = (tmp_path / "datenbank-kim.json").read_text(encoding="utf-8")
    exported = json.loads(text)
    names_of_fields = [f["name"] for f in exported["schema"]["fields"]]
    assert all(list(row) == names_of_fields for row in exported["rows"])
    assert exported["schema"]["linkable"] is False and exported["schema"]["k"] == 5
    assert not [n for n in names if n and n in text]
    named = tmp_path / "named"
    named.mkdir()
    code, _, err = _run(data_dir, capsys, "export-office", *PERIOD, "--format", "json",
                        "--out", str(named), "--with-names")
    assert code == 0 and "nicht verschlüsselt" in err
    with_names = json.loads((named / "datenbank-kim.json").read_text(encoding="utf-8"))
    assert with_names["schema"]["pseudonymised"] is False
    assert {row["nachname"] for row in with_names["rows"]} <= set(names)
    assert len(with_names["rows"]) == len(exported["rows"])
    logged = _log(data_dir, capsys, "--action", "export")
    assert "mit Namen" in logged[0][5]
    per_person = [row for row in logged if row[3] == "Person" and "mit Namen" in row[5]]
    assert sorted(row[4] for row in per_person) == sorted(
        {row["person"] for row in with_names["rows"]})  # on main: the office's event alone


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "02.01.2026", "--to", "01.01.2026", "--format", "csv"], "„Bis“"),
    (["--from", "01.01.2026", "--to", "31.02.2026", "--format", "csv"], "kein gültiges Datum"),
    # reproduced on main: an OverflowError, a traceback
    (["--from", "01.01.2020", "--to", "31.12.9999", "--format", "json"],
     "Zeitraum außerhalb des möglichen Bereichs"),
])
def test_bad_periods_get_a_german_answer(data_dir: Path, capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = _run(data_dir, capsys, "export-office", *args, "--out", str(out))
    assert code == 2 and message in err, err
    assert list(out.iterdir()) == []

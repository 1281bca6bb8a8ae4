"""Every read path of the CLI is in the audit log, and the office admin reads the log there."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from kim_desktop.core.models import AuditEvent
from kim_desktop.core.vault import Vault
from tests.cli.test_clients_cli import PASSWORD, _run, data_dir

__all__ = ["data_dir"]


def _log(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[list[str]]:
    code, out, err = _run(data_dir, capsys, "audit", *args)
    assert code == 0, err
    return list(csv.reader(io.StringIO(out), delimiter=";"))[1:]


def test_listing_clients_is_logged_per_person_by_id(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = _run(data_dir, capsys, "clients", "--json", "--limit", "5")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 5
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, vault.session() as s:
        logged_ids = s.scalars(select(AuditEvent.record_id).where(AuditEvent.action == "list"))
        assert sorted(logged_ids) == sorted(row["id"] for row in listed)
    shown = _log(data_dir, capsys, "--action", "list")
    assert sorted(row[4] for row in shown) == sorted(row["id"] for row in listed)
    assert {(row[1], row[2], row[3], row[5]) for row in shown} == {
        ("anna", "in einer Liste gezeigt", "Person", "cli clients")}
    one = listed[2]["id"]
    _run(data_dir, capsys, "export", "--client", one, "--format", "json",
         "--out", str(tmp_path / "a.json"))
    about_one = _log(data_dir, capsys, "--client", one)
    assert [row[2] for row in about_one][:2] == ["exportiert", "in einer Liste gezeigt"]
    out_file = tmp_path / "protokoll.csv"
    code, _, _ = _run(data_dir, capsys, "audit", "--format", "csv", "--out", str(out_file))
    exported = out_file.read_text(encoding="utf-8-sig")
    assert code == 0 and one in exported
    for row in listed:
        assert row["name"].split(",")[0] not in exported
    logged = _log(data_dir, capsys, "--action", "export")
    first = logged[0]
    assert [first[3], first[4], first[5].split()[0]] == ["Protokoll", "office", "csv"]


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "31.02.2026"], "--from: „31.02.2026“ ist kein gültiges Datum"),
    (["--from", "02.01.2026", "--to", "01.01.2026"], "„Bis“"),
    (["--action", "read"], "„Aktion“"),
    (["--format", "csv"], "--format und --out gehören zusammen"),
    (["--format", "pdf", "--out", "/nirgends/p.pdf"], "Den Ordner für die Ausgabedatei"),
    # reproduced on main: an OverflowError and a ValueError, each a traceback
    (["--to", "31.12.9999"], "Zeitraum außerhalb des möglichen Bereichs"),
    (["--from", "01.01.0001"], "Zeitraum außerhalb des möglichen Bereichs"),
])
def test_bad_filters_get_a_german_answer(data_dir: Path, capsys: pytest.CaptureFixture[str],
                                         args: list[str], message: str) -> None:
    code, out, err = _run(data_dir, capsys, "audit", *args)
    assert code == 2 and out == "" and message in err, err


def test_the_phase_history_is_logged_as_a_view(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reproduced on main: ``phase --client`` printed every step with its reason and its
    author, and the log had nothing of it."""
    _, out, _ = _run(data_dir, capsys, "clients", "--json")
    client_id = next(row["id"] for row in json.loads(out) if row["phase"])
    for extra in ([], ["--json"]):
        code, out, err = _run(data_dir, capsys, "phase", "--client", client_id, *extra)
        assert code == 0 and out, err
    viewed = _log(data_dir, capsys, "--client", client_id, "--action", "view")
    assert [(row[1], row[4], row[5]) for row in viewed] == [("anna", client_id, "cli phase")] * 2
    code, out, err = _run(data_dir, capsys, "phase", "--client", "nobody")
    assert code == 2 and out == "" and "nicht gefunden" in err

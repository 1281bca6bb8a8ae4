"""Erasure requests from the command line, in the program's two steps: a case manager
requests with a reason, only the office admin lists, confirms (erases) or declines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from kim_desktop.cli import main
from kim_desktop.core import services, vault_header
from kim_desktop.core.models import Attachment, AuditEvent, Client, ErasureRequest
from kim_desktop.core.vault import Vault

PASSWORD = "Lange Nacht im Kreishaus"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> Path:
    """Office admin anna, case manager ben, 5 demo people; Argon2id at minimum cost."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setattr(vault_header, "DEFAULT_ARGON2",
                        vault_header.Argon2Params(memory_kib=8, iterations=1, lanes=1))
    monkeypatch.setenv("KIM_PASSWORD", PASSWORD)
    monkeypatch.setenv("KIM_NEW_PASSWORD", PASSWORD)
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "init", "--user", "anna"]) == 0
    assert main(["--data-dir", str(folder), "demo-data", "--clients", "5", "--seed", "3"]) == 0
    assert main(["--data-dir", str(folder), "useradd", "--user", "ben", "--admin", "anna"]) == 0
    capsys.readouterr()
    return folder


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _client_ids(data_dir: Path) -> list[str]:
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, \
            vault.session() as session:
        return list(session.scalars(select(Client.id).order_by(Client.id)))


def _client(data_dir: Path, client_id: str) -> Client:
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, \
            vault.session() as session:
        client = session.get(Client, client_id)
        assert client is not None
        session.expunge(client)
        return client


def test_a_request_waits_for_the_office_admin_who_confirms_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    client_id = _client_ids(data_dir)[0]
    code, out, _ = _run(data_dir, capsys, "erasure-request", "--client", client_id,
                        "--reason", "Widerspruch der Person", "--user", "ben")
    assert code == 0 and "Löschung beantragt" in out
    code, _, err = _run(data_dir, capsys, "erasure-request", "--client", client_id,
                        "--reason", "noch einmal", "--user", "ben")
    assert code == 2 and "schon beantragt" in err
    # The case manager neither sees the requests nor erases.
    code, out, err = _run(data_dir, capsys, "erasure-requests", "--user", "ben")
    assert code == 2 and "nur die Büroleitung" in err and out == ""
    code, out, _ = _run(data_dir, capsys, "erasure-requests", "--json", "--user", "anna")
    [waiting] = json.loads(out)
    assert code == 0
    assert (waiting["client"], waiting["requested_by"], waiting["reason"]) == (
        client_id, "ben", "Widerspruch der Person")
    assert waiting["name"] == _client(data_dir, client_id).display_name
    code, _, err = _run(data_dir, capsys, "erasure-confirm", "--request", waiting["id"],
                        "--yes", "--user", "ben")
    assert code == 2 and "nur die Büroleitung" in err
    code, _, err = _run(data_dir, capsys, "erasure-confirm", "--request", waiting["id"],
                        "--user", "anna")
    assert code == 2 and "--yes" in err
    assert _client(data_dir, client_id).erased_at is None

    archive = tmp_path / "archiv.json"
    code, out, _ = _run(data_dir, capsys, "erasure-confirm", "--request", waiting["id"],
                        "--yes", "--archive", str(archive), "--user", "anna")
    assert code == 0 and "gelöscht" in out
    assert json.loads(archive.read_text(encoding="utf-8"))["client"]["id"] == client_id
    erased = _client(data_dir, client_id)
    assert erased.erased_at is not None and erased.last_name == ""
    code, out, err = _run(data_dir, capsys, "erasure-requests", "--user", "anna")
    assert code == 0 and out == "" and "0 offene Löschanträge" in err
    code, _, err = _run(data_dir, capsys, "erasure-confirm", "--request", waiting["id"],
                        "--yes", "--user", "anna")
    assert code == 2 and err.startswith("Fehler: ") and "Traceback" not in err
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, \
            vault.session() as session:
        listed = session.scalars(select(AuditEvent.user).where(
            AuditEvent.action == "list", AuditEvent.record_id == client_id,
            AuditEvent.detail == "cli erasure-requests")).all()
    assert listed == ["anna"]  # the listing that showed the name is logged


def test_the_office_admin_declines_with_a_reason_and_nothing_is_erased(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    client_id = _client_ids(data_dir)[1]
    code, _, err = _run(data_dir, capsys, "erasure-request", "--client", client_id,
                        "--reason", "  ", "--user", "ben")
    assert code == 2 and "Grund" in err
    assert _run(data_dir, capsys, "erasure-request", "--client", client_id, "--reason",
                "Fall beendet", "--user", "ben")[0] == 0
    code, out, err = _run(data_dir, capsys, "erasure-requests", "--user", "anna")
    assert code == 0 and "Fall beendet" in out and "von ben" in out
    assert "1 offener Löschantrag" in err
    request_id = out.split()[0]
    code, _, err = _run(data_dir, capsys, "erasure-decline", "--request", request_id,
                        "--reason", "Aufbewahrungsfrist läuft noch", "--user", "ben")
    assert code == 2 and "nur die Büroleitung" in err
    code, out, _ = _run(data_dir, capsys, "erasure-decline", "--request", request_id,
                        "--reason", "Aufbewahrungsfrist läuft noch", "--user", "anna")
    assert code == 0 and "abgelehnt" in out
    code, _, err = _run(data_dir, capsys, "erasure-confirm", "--request", request_id,
                        "--yes", "--user", "anna")
    assert code == 2 and "schon entschieden" in err
    assert _client(data_dir, client_id).erased_at is None
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, \
            vault.session() as session:
        request = session.get(ErasureRequest, request_id)
        assert request is not None
        assert (request.state, request.decided_by, request.decline_reason) == (
            "declined", "anna", "Aufbewahrungsfrist läuft noch")
    code, _, err = _run(data_dir, capsys, "erasure-confirm", "--request", "unbekannt",
                        "--yes", "--user", "anna")
    assert code == 2 and "Einen Löschantrag mit der Id unbekannt gibt es nicht" in err
    code, _, err = _run(data_dir, capsys, "erasure-request", "--client", "unbekannt",
                        "--reason", "Widerspruch", "--user", "ben")
    assert code == 2 and "Eine Person mit der Id unbekannt gibt es nicht" in err


def test_no_erasure_with_an_archive_copy_while_a_file_has_not_arrived(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Reproduced on main: the archive copy lacked the file the sync had not fetched yet, and
    erasure-confirm and the deletion run erased the person, the file with them everywhere."""
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, \
            vault.session() as session:
        client_id = services.create_client(session, data=services.ClientData(
            last_name="Blob", first_name="Bea", municipality_code="minden")).ids[0]
        attachment_id = services.add_attachment(
            session, client_id=client_id, filename="Zeugnis.pdf", content=b"%PDF-1.4 x").ids[0]
        session.execute(update(Attachment).where(Attachment.id == attachment_id)
                        .values(content=None))  # as when the sync has not fetched it yet
        session.commit()
    assert _run(data_dir, capsys, "erasure-request", "--client", client_id, "--reason",
                "Widerspruch", "--user", "ben")[0] == 0
    _, out, _ = _run(data_dir, capsys, "erasure-requests", "--json", "--user", "anna")
    [request] = json.loads(out)
    archive = tmp_path / "archiv.json"
    code, _, err = _run(data_dir, capsys, "erasure-confirm", "--request", request["id"],
                        "--yes", "--archive", str(archive), "--user", "anna")
    assert code == 2 and "„Zeugnis.pdf“" in err and "erst abgleichen" in err
    assert not archive.exists() and _client(data_dir, client_id).erased_at is None

    (data_dir / "data_protection.local.json").write_text(
        json.dumps({"retention_years_after_closure": 0, "retention_years_without_case": 0}),
        encoding="utf-8")
    folder = tmp_path / "archive"
    folder.mkdir()
    code, _, err = _run(data_dir, capsys, "deletion-run", "--erase", "--yes", "--archive-dir",
                        str(folder), "--user", "anna")
    assert code == 1 and "Traceback" not in err
    assert f"{client_id}: " in err and "„Zeugnis.pdf“" in err
    assert "1 Person nicht gelöscht" in err
    erased = {path.stem for path in folder.iterdir()}
    assert erased and client_id not in erased
    assert _client(data_dir, client_id).erased_at is None


def test_texts_stored_before_are_printed_without_escapes(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reason stored before such characters were refused cleared the admin's terminal
    (ESC [2J) and turned the line (U+202E) in erasure-requests; names the same in clients."""
    client_id = _client_ids(data_dir)[0]
    assert _run(data_dir, capsys, "erasure-request", "--client", client_id, "--reason",
                "Widerspruch", "--user", "ben")[0] == 0
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as vault, \
            vault.session() as session:
        session.execute(update(ErasureRequest).values(
            reason="Grund \x1b[2J\x1b[31mROT\x1b[0m \a \u202eevil\nzweite Zeile"))
        session.execute(update(Client).where(Client.id == client_id).values(
            last_name="Kar\u202etal\x1b[2J"))
        session.commit()
    code, out, _ = _run(data_dir, capsys, "erasure-requests", "--user", "anna")
    assert code == 0 and "Grund [2J[31mROT[0m  evil zweite Zeile" in out
    code, out, _ = _run(data_dir, capsys, "clients", "--user", "anna")
    assert code == 0 and "Kartal[2J" in out
    for printed in (out, _run(data_dir, capsys, "erasure-requests", "--user", "anna")[1]):
        assert not {"\x1b", "\a", "\u202e"} & set(printed)

"""Online backup and restore: a round trip, and damaged backups refused before any change."""

from __future__ import annotations

import io
import sqlite3
import tarfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kim_desktop.core.models import AuditEvent, Client
from kim_desktop.core.services.retention import erase_client
from kim_desktop.core.vault import BackupInvalid, Vault, VaultError, VaultInUse
from tests.core.conftest import new_client

from .support import OTHER_PASSWORD, PASSWORD, assert_no_plaintext, count, fill, snapshot


@pytest.fixture
def backup_file(tmp_path: Path, vault: Vault) -> Path:
    fill(vault, 500)
    out = tmp_path / "sicherung.kimbackup"
    vault.backup(out)
    return out


def _members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]


def test_round_trip_restores_the_state_at_backup_time(
    data_dir: Path, vault: Vault, backup_file: Path
):
    fill(vault, 200)
    assert count(vault) == 700
    vault.add_user(name="bert", role="case_manager", password=OTHER_PASSWORD)  # type: ignore[arg-type]
    with pytest.raises(VaultInUse):
        Vault.restore(data_dir, source=backup_file)
    vault.close()
    old = snapshot(data_dir)
    Vault.restore(data_dir, source=backup_file)
    previous = data_dir / "before-restore"
    assert snapshot(previous) == {k: v for k, v in old.items() if k in {"kim.db", "vault.json"}}
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as restored:
        assert count(restored) == 500
        assert [u.name for u in restored.users()] == ["anna"]
        assert restored.check() == []


def test_restore_into_an_empty_folder(tmp_path: Path, backup_file: Path):
    target = tmp_path / "new-machine"
    Vault.restore(target, source=backup_file)
    with Vault.unlock(target, user="anna", password=PASSWORD) as restored:
        assert count(restored) == 500
    assert not (target / "before-restore").exists()


def test_backup_is_encrypted_and_complete(tmp_path: Path, backup_file: Path):
    members = _members(backup_file)
    assert set(members) == {"manifest.json", "vault.json", "kim.db"}
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    (unpacked / "kim.db").write_bytes(members["kim.db"])
    assert_no_plaintext(unpacked)
    plain = sqlite3.connect(unpacked / "kim.db")
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()


def _rewrite(archive: Path, change: dict[str, bytes]) -> None:
    members = {**_members(archive), **change}
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    archive.write_bytes(buffer.getvalue())


@pytest.mark.parametrize("damage", ["truncate", "flip-db", "drop-header", "not-a-tar"])
def test_a_damaged_backup_changes_nothing(
    data_dir: Path, vault: Vault, backup_file: Path, damage: str
):
    vault.close()
    if damage == "truncate":
        # cut into the members, not just the tar's zero padding (its size varies with the schema)
        data = backup_file.read_bytes()
        backup_file.write_bytes(data[: len(data) // 2])
    elif damage == "flip-db":
        database = bytearray(_members(backup_file)["kim.db"])
        database[len(database) // 2] ^= 0x01
        _rewrite(backup_file, {"kim.db": bytes(database)})
    elif damage == "drop-header":
        _rewrite(backup_file, {"vault.json": b"{}"})
    else:
        backup_file.write_bytes(b"hello")
    before = snapshot(data_dir)
    with pytest.raises(BackupInvalid) as raised:
        Vault.restore(data_dir, source=backup_file)
    assert "nichts verändert" in str(raised.value)
    assert snapshot(data_dir) == before


def test_missing_backup_file_and_missing_target_folder(tmp_path: Path, vault: Vault):
    with pytest.raises(VaultError) as raised:
        Vault.restore(tmp_path / "other", source=tmp_path / "nowhere.kimbackup")
    assert "gibt es nicht" in str(raised.value)
    with pytest.raises(VaultError):
        vault.backup(tmp_path / "no-such-folder" / "b.kimbackup")


def test_restore_of_a_missing_file_creates_nothing(tmp_path: Path):
    target = tmp_path / "new-machine"
    with pytest.raises(VaultError):
        Vault.restore(target, source=tmp_path / "nowhere.kimbackup")
    assert not target.exists()


def test_a_restore_does_not_bring_back_an_erased_person(
    data_dir: Path, vault: Vault, tmp_path: Path
):
    """Reproduced on main: a backup from before an erasure brought the person back in full,
    and nothing on the machine remembered the erasure."""
    with vault.session() as session:
        client_id = new_client(session, last_name="Abu Radan")
    out = tmp_path / "vor-der-loeschung.kimbackup"
    vault.backup(out)
    with vault.session() as session:
        erase_client(session, client_id=client_id, confirm=True)
    vault.close()
    Vault.restore(data_dir, source=out)
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as restored:
        with restored.session() as session:
            client = session.get(Client, client_id)
            assert client is not None and client.erased_at is not None
            assert client.last_name == ""
            assert session.scalar(select(func.count()).select_from(AuditEvent).where(
                AuditEvent.action == "erase", AuditEvent.record_id == client_id)) == 1
        assert restored.erased_again == 1
    assert (data_dir / "erased-ids").stat().st_mode & 0o777 == 0o600
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        assert again.erased_again == 0

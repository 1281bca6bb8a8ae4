"""File modes, the header's MAC and Argon2 bounds, version 1 headers, and renewing the data
key: after a rekey an old ``vault.json`` and an old password open nothing."""

from __future__ import annotations

import json
import os
import shutil
import stat
import tarfile
from dataclasses import replace
from pathlib import Path

import pytest
import sqlcipher3

from kim_desktop.core import stored_secrets
from kim_desktop.core import vault_header as headers
from kim_desktop.core.errors import InvalidRecoveryKey, PermissionDenied, VaultCorrupt, VaultError
from kim_desktop.core.storage import DATABASE_NAME, connect_raw
from kim_desktop.core.vault import REKEY_BACKUP_NAME, Role, Vault

from .support import OTHER_PASSWORD, PASSWORD, count, fill, snapshot


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _opens(database: Path, key: bytes | bytearray) -> bool:
    try:
        connection = connect_raw(str(database), key)
    except sqlcipher3.dbapi2.DatabaseError:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return True
    except sqlcipher3.dbapi2.DatabaseError:
        return False
    finally:
        connection.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_data_folder_is_0700_and_every_file_0600_whatever_existed_before(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    vault, _recovery = Vault.create(data_dir, admin="anna", password=PASSWORD)
    fill(vault, 20)
    vault.backup(tmp_path / "backup.tar")
    assert _mode(tmp_path / "backup.tar") == 0o600
    vault.close()
    data_dir.chmod(0o755)
    for path in data_dir.iterdir():
        path.chmod(0o644)
    (data_dir / "settings.ini").write_text("[x]\n", encoding="utf-8")
    (data_dir / "settings.ini").chmod(0o644)
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        fill(again, 5)
        names = {path.name for path in data_dir.iterdir()}
        assert {DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm",
                headers.HEADER_NAME, "kim.lock", "settings.ini"} <= names
        assert _mode(data_dir) == 0o700
        assert {path.name: _mode(path) for path in data_dir.iterdir()} == {
            name: 0o600 for name in names}
    Vault.restore(data_dir, source=tmp_path / "backup.tar")
    assert _mode(data_dir / "before-restore") == 0o700
    assert all(_mode(path) == 0o600 for path in data_dir.rglob("*") if path.is_file())


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_links_in_the_data_folder_are_left_alone_and_their_targets_untouched(
    tmp_path: Path, data_dir: Path, vault: Vault
) -> None:
    vault.close()
    outside = tmp_path / "outside"
    outside.mkdir()
    outside.chmod(0o755)
    document = outside / "letter.txt"
    document.write_text("x", encoding="utf-8")
    document.chmod(0o644)
    (data_dir / "to-file").symlink_to(document)
    (data_dir / "to-folder").symlink_to(outside)
    (data_dir / "sub").mkdir()
    (data_dir / "sub" / "deeper").symlink_to(outside)
    (data_dir / "dangling").symlink_to(tmp_path / "gone")
    with Vault.unlock(data_dir, user="anna", password=PASSWORD):
        pass
    Vault.restore(data_dir, source=_backup_of(tmp_path, data_dir))
    assert _mode(outside) == 0o755 and _mode(document) == 0o644
    assert (data_dir / "to-file").is_symlink() and (data_dir / "to-folder").is_symlink()
    assert _mode(data_dir / "sub") == 0o700


def _backup_of(tmp_path: Path, data_dir: Path) -> Path:
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        again.backup(tmp_path / "links-backup.tar")
    return tmp_path / "links-backup.tar"


def test_a_header_changed_without_the_data_key_is_refused(data_dir: Path, vault: Vault) -> None:
    vault.add_user(name="bert", role=Role.CASE_MANAGER, password=OTHER_PASSWORD)
    vault.close()
    path = data_dir / headers.HEADER_NAME
    document = json.loads(path.read_text(encoding="utf-8"))
    document["users"] = [u for u in document["users"] if u["name"] != "bert"]
    body = {k: v for k, v in document.items() if k not in ("checksum", "mac")}
    document["checksum"] = headers._checksum(body)  # a careful forger fixes the checksum
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(VaultCorrupt) as refused:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    assert "verändert" in str(refused.value)


@pytest.mark.parametrize(("field", "value"), [
    ("memory_kib", 64 * 1024 * 1024), ("iterations", 100_000), ("lanes", 1000),
])
def test_argon2_parameters_beyond_bounds_are_refused_before_deriving(
    data_dir: Path, vault: Vault, field: str, value: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.close()
    path = data_dir / headers.HEADER_NAME
    document = json.loads(path.read_text(encoding="utf-8"))
    document["users"][0]["kdf"][field] = value
    body = {k: v for k, v in document.items() if k not in ("checksum", "mac")}
    document["checksum"] = headers._checksum(body)
    path.write_text(json.dumps(document), encoding="utf-8")

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Argon2id ran")

    monkeypatch.setattr(headers.Argon2id, "__init__", never)
    with pytest.raises(VaultCorrupt) as refused:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    assert "unzulässig" in str(refused.value)


def test_rekey_makes_an_old_header_and_password_useless(
    data_dir: Path, created: tuple[Vault, str]
) -> None:
    vault, recovery_key = created
    fill(vault, 30)
    vault.add_user(name="bert", role=Role.CASE_MANAGER, password=OTHER_PASSWORD)
    old_header = (data_dir / headers.HEADER_NAME).read_bytes()
    backup = vault.rekey(recovery_key=recovery_key)
    assert backup == data_dir / REKEY_BACKUP_NAME and backup.is_file()
    assert vault.check() == [] and count(vault) == 30
    vault.close()

    old = headers.decode(old_header)
    old_key = headers.open_for_user(old.vault_id, old.user("anna"), PASSWORD)  # type: ignore[arg-type]
    assert old_key is not None
    assert not _opens(data_dir / DATABASE_NAME, old_key)
    with tarfile.open(backup) as tar:  # the backup in the folder is under the new key too
        member = tar.extractfile(DATABASE_NAME)
        assert member is not None
        (data_dir.parent / "from-backup.db").write_bytes(member.read())
    assert not _opens(data_dir.parent / "from-backup.db", old_key)

    # Every password and the recovery key stay valid; the old header opens nothing.
    for user, password in (("anna", PASSWORD), ("bert", OTHER_PASSWORD)):
        with Vault.unlock(data_dir, user=user, password=password) as again:
            assert count(again) == 30
    current = (data_dir / headers.HEADER_NAME).read_bytes()
    (data_dir / headers.HEADER_NAME).write_bytes(old_header)
    with pytest.raises(VaultCorrupt):
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    (data_dir / headers.HEADER_NAME).write_bytes(current)
    assert not list(data_dir.glob(".vault.json.*"))
    Vault.reset_password(data_dir, user="bert", recovery_key=recovery_key,
                         new_password="Wolken ziehen über Lübbecke")
    with Vault.unlock(data_dir, user="bert", password="Wolken ziehen über Lübbecke") as again:
        assert count(again) == 30


def test_an_old_header_put_back_after_a_rekey_is_named_as_such_not_as_damage(
    data_dir: Path, vault: Vault, recovery_key: str
) -> None:
    fill(vault, 10)
    old_header = (data_dir / headers.HEADER_NAME).read_bytes()
    vault.rekey(recovery_key=recovery_key)
    vault.close()
    (data_dir / headers.HEADER_NAME).write_bytes(old_header)
    before = snapshot(data_dir)
    with pytest.raises(VaultCorrupt) as refused:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    message = str(refused.value)
    assert "früheren Schlüssel" in message and "nicht beschädigt" in message
    assert "aktuelle vault.json zurücklegen" in message
    assert snapshot(data_dir) == before


def test_a_database_damaged_under_its_own_header_is_still_damage(
    data_dir: Path, vault: Vault, recovery_key: str
) -> None:
    fill(vault, 10)
    vault.rekey(recovery_key=recovery_key)
    vault.close()
    database = data_dir / DATABASE_NAME
    data = database.read_bytes()
    database.write_bytes(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
    with pytest.raises(VaultCorrupt) as refused:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    assert "kim.db ist beschädigt" in str(refused.value)


def test_a_reset_by_recovery_key_renews_the_data_key(
    data_dir: Path, created: tuple[Vault, str]
) -> None:
    vault, recovery_key = created
    fill(vault, 10)
    vault.close()
    old_header = (data_dir / headers.HEADER_NAME).read_bytes()
    assert Vault.reset_password(data_dir, user="anna", recovery_key=recovery_key,
                                new_password=OTHER_PASSWORD)
    old = headers.decode(old_header)
    old_key = headers.open_for_user(old.vault_id, old.user("anna"), PASSWORD)  # type: ignore[arg-type]
    assert old_key is not None and not _opens(data_dir / DATABASE_NAME, old_key)
    with Vault.unlock(data_dir, user="anna", password=OTHER_PASSWORD) as again:
        assert count(again) == 10


def test_only_the_office_admin_renews_the_key(
    data_dir: Path, vault: Vault, recovery_key: str
) -> None:
    vault.add_user(name="bert", role=Role.CASE_MANAGER, password=OTHER_PASSWORD)
    vault.close()
    with Vault.unlock(data_dir, user="bert", password=OTHER_PASSWORD) as as_bert, \
            pytest.raises(PermissionDenied):
        as_bert.rekey(recovery_key=recovery_key)


def test_an_interrupted_rekey_is_finished_at_the_next_unlock(
    data_dir: Path, vault: Vault, monkeypatch: pytest.MonkeyPatch, recovery_key: str
) -> None:
    from kim_desktop.core import vault as vault_module

    fill(vault, 10)

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt  # the power goes after the header, before the pages

    monkeypatch.setattr(vault_module, "rekey_database", crash)
    with pytest.raises(KeyboardInterrupt):
        vault.rekey(recovery_key=recovery_key)
    vault.close()
    monkeypatch.undo()
    assert (data_dir / "vault.rekey").exists()
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        assert count(again) == 10 and again.check() == []
    assert not (data_dir / "vault.rekey").exists()


def _version_1(data_dir: Path, recovery_key: str, password: str) -> None:
    """Rewrite the header as a version 1 program wrote it (the data key sealed directly)."""
    from kim_desktop.core.recovery_key import parse_recovery_key

    header = headers.read(data_dir)
    entry = header.user("anna")
    assert entry is not None
    key = headers.open_for_user(header.vault_id, entry, password)
    assert key is not None
    salt = os.urandom(16)
    wrap = headers._password_key(password, salt, entry.argon2)
    user = headers._seal(wrap, key, headers._aead_user(header.vault_id, "anna", entry.role, 1),
                         salt)
    recovery_salt = os.urandom(16)
    recovery_wrap = headers._hkdf(parse_recovery_key(recovery_key), b"kim-vault recovery wrap",
                                  salt=recovery_salt)
    recovery = headers._seal(recovery_wrap, key, headers._aead_recovery(header.vault_id, 1),
                             recovery_salt)
    body = {
        "format": headers.FORMAT, "version": 1, "vault_id": header.vault_id,
        "users": [{"name": "anna", "role": entry.role,
                   "kdf": {"algorithm": "argon2id", "memory_kib": entry.argon2.memory_kib,
                           "iterations": entry.argon2.iterations,
                           "lanes": entry.argon2.lanes},
                   "key": headers._sealed_to_json(user)}],
        "recovery": {"kdf": {"algorithm": "hkdf-sha256"},
                     "key": headers._sealed_to_json(recovery)},
    }
    (data_dir / headers.HEADER_NAME).write_text(
        json.dumps({**body, "checksum": headers._checksum(body)}), encoding="utf-8")


def test_a_version_1_header_migrates_and_then_rekeys_with_the_recovery_key(
    data_dir: Path, created: tuple[Vault, str]
) -> None:
    vault, recovery_key = created
    fill(vault, 5)
    vault.close()
    _version_1(data_dir, recovery_key, PASSWORD)
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        migrated = headers.read(data_dir)
        assert migrated.mac is not None and migrated.legacy_users == []
        assert migrated.recovery.public_key is None
        with pytest.raises(VaultError) as needs:
            again.rekey()
        assert "Wiederherstellungsschlüssel" in str(needs.value)
        again.rekey(recovery_key=recovery_key)
        assert count(again) == 5
    assert headers.read(data_dir).recovery.public_key is not None
    shutil.rmtree(data_dir / "before-restore", ignore_errors=True)
    Vault.reset_password(data_dir, user="anna", recovery_key=recovery_key,
                         new_password=OTHER_PASSWORD)
    with Vault.unlock(data_dir, user="anna", password=OTHER_PASSWORD) as again:
        assert count(again) == 5


def _store_secret(vault: Vault, secret: bytes) -> None:
    with vault.session() as session:
        stored_secrets.store(session, "probe", secret)
        session.commit()


def _stored_secret(vault: Vault) -> bytes | None:
    with vault.session() as session:
        opened = stored_secrets.load(session, "probe")
        return None if opened is None else bytes(opened)


def test_stored_secrets_survive_a_rekey_and_are_zeroed_at_lock(
    data_dir: Path, vault: Vault, recovery_key: str
) -> None:
    secret = os.urandom(32)
    _store_secret(vault, secret)
    with vault.session() as session:
        opened = stored_secrets.load(session, "probe")
    assert opened == secret
    vault.rekey(recovery_key=recovery_key)
    assert _stored_secret(vault) == secret
    vault.lock()
    assert opened == bytes(32)
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        assert _stored_secret(again) == secret


def test_a_rekey_interrupted_before_its_stored_secrets_were_resealed_finishes_them(
    data_dir: Path, vault: Vault, monkeypatch: pytest.MonkeyPatch, recovery_key: str
) -> None:
    from kim_desktop.core import vault as vault_module

    secret = os.urandom(32)
    _store_secret(vault, secret)

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt  # the power goes after the pages, before the secrets

    monkeypatch.setattr(vault_module.stored_secrets, "reseal", crash)
    with pytest.raises(KeyboardInterrupt):
        vault.rekey(recovery_key=recovery_key)
    vault.close()
    monkeypatch.undo()
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        assert _stored_secret(again) == secret
    assert not (data_dir / "vault.rekey").exists()


def test_a_recovery_entry_swapped_by_a_case_manager_stops_the_rekey(
    data_dir: Path, created: tuple[Vault, str]
) -> None:
    """Breaker 17, B5: a case manager holds the data key, so they can write a header whose MAC
    passes with the recovery entry sealed to a secret of their own; "Schlüssel erneuern" then
    sealed the new data key to it, and the printed sheet opened nothing. The rekey now proves
    the recovery entry with the typed sheet first."""
    vault, recovery_key = created
    vault.add_user(name="bert", role=Role.CASE_MANAGER, password=OTHER_PASSWORD)
    vault.close()
    header = headers.read(data_dir)
    key = headers.open_for_user(header.vault_id, header.user("bert"), OTHER_PASSWORD)
    assert key is not None
    insider = os.urandom(32)
    headers.write(data_dir, replace(
        header, recovery=headers.seal_for_recovery(header.vault_id, insider, key)), key)
    forged = (data_dir / headers.HEADER_NAME).read_bytes()
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as admin:
        with pytest.raises(VaultError) as without_sheet:
            admin.rekey(recovery_key=recovery_key)
        assert "Wiederherstellungsschlüssel" in str(without_sheet.value)
        with pytest.raises(InvalidRecoveryKey) as refused:
            admin.rekey(recovery_key=recovery_key)
        assert "verändert" in str(refused.value)
    assert (data_dir / headers.HEADER_NAME).read_bytes() == forged
    assert headers.open_for_recovery(headers.read(data_dir), insider) is not None
    assert not (data_dir / REKEY_BACKUP_NAME).exists()

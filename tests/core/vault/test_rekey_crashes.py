"""A rekey cut off anywhere ("Schlüssel erneuern", or the one after a reset by recovery key)
is finished at the next unlock, and leaves nothing in the data folder that the old header and
an old password open: not the backup taken first, not ``before-restore/``, no scratch folder.

Each crash point is one a breaker reached by ``kill -9`` on a real rekey.
"""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from kim_desktop.core import vault as vault_module
from kim_desktop.core import vault_header as headers
from kim_desktop.core.backup import PREVIOUS_FOLDER
from kim_desktop.core.storage import DATABASE_NAME
from kim_desktop.core.vault import PENDING_REKEY_NAME, REKEY_BACKUP_NAME, Vault

from .support import PASSWORD, count, fill
from .test_vault_keys import _opens


def _old_key(header_bytes: bytes) -> bytes:
    old = headers.decode(header_bytes)
    entry = old.user("anna")
    assert entry is not None
    key = headers.open_for_user(old.vault_id, entry, PASSWORD)
    assert key is not None
    return bytes(key)


def _openable_with(folder: Path, key: bytes) -> list[str]:
    """Every database in ``folder`` (also inside tar backups) that ``key`` opens."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and path.name.endswith(".db") and _opens(path, key):
            found.append(str(path.relative_to(folder)))
        if path.is_file() and tarfile.is_tarfile(path):
            with tarfile.open(path) as tar:
                member = tar.extractfile(DATABASE_NAME)
                if member is not None:
                    copy = folder.parent / "extracted.db"
                    copy.write_bytes(member.read())
                    if _opens(copy, key):
                        found.append(str(path.relative_to(folder)))
                    copy.unlink()
    return found


def _crash_at(monkeypatch: pytest.MonkeyPatch, target: object, name: str,
              after_calls: int = 0) -> None:
    """The power goes when ``target.name`` is called for the ``after_calls + 1``-th time."""
    original = getattr(target, name)
    calls = {"n": 0}

    def crash(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] > after_calls:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(target, name, crash)


@pytest.mark.parametrize("crash_point", [
    "after the header, before the pages",
    "after the pages, while the new backup is written",
])
def test_a_rekey_cut_off_leaves_nothing_the_old_password_opens(
    data_dir: Path, vault: Vault, monkeypatch: pytest.MonkeyPatch, crash_point: str,
    recovery_key: str,
) -> None:
    fill(vault, 10)
    old_key = _old_key((data_dir / headers.HEADER_NAME).read_bytes())
    if crash_point.startswith("after the header"):
        _crash_at(monkeypatch, vault_module, "rekey_database")
    else:
        _crash_at(monkeypatch, vault_module.Vault, "backup", after_calls=1)
    with pytest.raises(KeyboardInterrupt):
        vault.rekey(recovery_key=recovery_key)
    vault.close()
    monkeypatch.undo()
    # What a kill leaves of a backup in writing: its scratch folder.
    scratch = data_dir / ".kim-backup-x1y2z3"
    scratch.mkdir()
    (scratch / DATABASE_NAME).write_bytes(b"\0" * 4096)

    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        assert count(again) == 10 and again.check() == []
    assert not (data_dir / PENDING_REKEY_NAME).exists()
    assert (data_dir / REKEY_BACKUP_NAME).is_file()
    assert not scratch.exists()
    assert _openable_with(data_dir, old_key) == []


def test_a_rekey_cut_off_before_its_new_header_is_done_at_the_next_unlock(
    data_dir: Path, vault: Vault, monkeypatch: pytest.MonkeyPatch, recovery_key: str
) -> None:
    """Before, the next unlock dropped it without a word: the old header and password still
    opened everything, and the admin believed the key renewed."""
    fill(vault, 10)
    old_key = _old_key((data_dir / headers.HEADER_NAME).read_bytes())
    _crash_at(monkeypatch, vault_module.headers, "write")
    with pytest.raises(KeyboardInterrupt):
        vault.rekey(recovery_key=recovery_key)
    vault.close()
    monkeypatch.undo()
    assert (data_dir / PENDING_REKEY_NAME).exists()

    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        assert count(again) == 10 and again.check() == []
    assert not (data_dir / PENDING_REKEY_NAME).exists()
    assert _openable_with(data_dir, old_key) == []


def test_a_rekey_removes_the_files_a_restore_put_aside(
    data_dir: Path, vault: Vault, tmp_path: Path, recovery_key: str
) -> None:
    """``before-restore/`` holds the database and header of before a restore: under the old
    key, and opened by the old password for as long as it stays."""
    fill(vault, 5)
    backup = tmp_path / "backup.tar"
    vault.backup(backup)
    vault.close()
    Vault.restore(data_dir, source=backup)
    assert (data_dir / PREVIOUS_FOLDER / DATABASE_NAME).is_file()
    old_key = _old_key((data_dir / headers.HEADER_NAME).read_bytes())

    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as again:
        again.rekey(recovery_key=recovery_key)
        assert count(again) == 5
    assert not (data_dir / PREVIOUS_FOLDER).exists()
    assert _openable_with(data_dir, old_key) == []

"""What lies on disk: nothing readable, and damaged files are named, never overwritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kim_desktop.core.vault import Vault, VaultCorrupt

from .support import PASSWORD, assert_no_plaintext, fill, snapshot


def test_no_file_in_the_data_folder_holds_plaintext(data_dir: Path, vault: Vault):
    fill(vault)
    assert (data_dir / "kim.db-wal").exists()
    assert_no_plaintext(data_dir)
    vault.close()
    assert_no_plaintext(data_dir)


def test_plain_sqlite_cannot_read_the_database(data_dir: Path, vault: Vault):
    fill(vault, 10)
    vault.close()
    plain = sqlite3.connect(data_dir / "kim.db")
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT name FROM sqlite_master").fetchall()
    plain.close()


def test_pragmas_and_the_single_connection(vault: Vault):
    with vault.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2
        assert pragma("temp_store") == 2
        assert str(pragma("cipher_memory_security")) == "0"
        assert pragma("cipher_hmac_algorithm") == "HMAC_SHA256"
        first = connection.connection.driver_connection
    for _ in range(2):
        with vault.session() as session:
            assert session.connection().connection.driver_connection is first


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "empty":
        path.write_bytes(b"")
    elif how == "half":
        path.write_bytes(data[: len(data) // 2 // 4096 * 4096])
    elif how == "odd":
        path.write_bytes(data[:-100])
    elif how == "garbage":
        path.write_bytes(b"\x00not json at all")
    elif how == "flip-first-page":
        path.write_bytes(data[:100] + bytes([data[100] ^ 0xFF]) + data[101:])
    elif how == "flip":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :])
    else:
        raise AssertionError(how)


@pytest.mark.parametrize(
    ("name", "how"),
    [
        ("kim.db", "empty"),
        ("kim.db", "half"),
        ("kim.db", "odd"),
        ("kim.db", "flip-first-page"),
        ("vault.json", "empty"),
        ("vault.json", "half"),
        ("vault.json", "garbage"),
        ("vault.json", "flip"),
    ],
)
def test_damaged_files_are_reported_and_left_alone(
    data_dir: Path, vault: Vault, name: str, how: str
):
    fill(vault)
    vault.close()
    _damage(data_dir / name, how)
    before = snapshot(data_dir)
    with pytest.raises(VaultCorrupt) as raised:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    assert "Sicherung zurückspielen" in str(raised.value)
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("missing", ["kim.db", "vault.json"])
def test_a_missing_half_of_the_vault_is_reported(data_dir: Path, vault: Vault, missing: str):
    vault.close()
    (data_dir / missing).unlink()
    assert Vault.exists(data_dir)
    with pytest.raises(VaultCorrupt) as raised:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    assert missing in str(raised.value)


def test_check_finds_a_damaged_page_that_unlock_does_not_read(data_dir: Path, vault: Vault):
    fill(vault)
    assert vault.check() == []
    vault.close()
    _damage(data_dir / "kim.db", "flip")
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as damaged:
        problems = damaged.check()
    assert problems
    assert all(isinstance(p, str) and p for p in problems)

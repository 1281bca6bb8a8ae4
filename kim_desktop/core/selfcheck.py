"""The storage half of ``kim-desktop selftest``: SQLCipher really encrypts, reads and writes."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


class SelfCheckError(Exception):
    """The installation is broken in a way the self-test found."""


def _open(path: Path, key: bytes) -> sqlcipher3.Connection:
    connection = sqlcipher3.connect(str(path))
    connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return connection


def check_encrypted_database(path: Path, key: bytes) -> None:
    """Create an encrypted database with a raw key, write a row, reopen and read it back."""
    with _open(path, key) as connection:
        connection.execute("CREATE TABLE selftest (id INTEGER PRIMARY KEY, value TEXT)")
        connection.execute("INSERT INTO selftest (value) VALUES ('probe')")
    connection.close()
    if path.read_bytes()[:16] == _PLAIN_SQLITE_HEADER:
        raise SelfCheckError("die Datenbank wurde unverschlüsselt geschrieben")
    connection = _open(path, key)
    try:
        rows = connection.execute("SELECT value FROM selftest").fetchall()
    finally:
        connection.close()
    if rows != [("probe",)]:
        raise SelfCheckError("der geschriebene Datensatz wurde nicht wiedergefunden")

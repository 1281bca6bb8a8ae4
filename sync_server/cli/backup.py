"""``kim-server backup ZIEL``: an online backup of a SQLite server database.

SQLite's backup API copies a consistent snapshot while the server keeps running: a sync
that commits during the copy is either wholly in the backup or not at all. The copy is
written under a temporary name, checked (integrity and schema) and only then renamed, so a
file with the target name is always a complete backup. PostgreSQL is backed up with
``pg_dump`` (``installer/server/backup.sh`` does both; see docs/it-guide.md).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from sync_server.cli._common import CliError, settings


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "backup",
        parents=[common],
        help="SQLite-Datenbank im laufenden Betrieb sichern (PostgreSQL: pg_dump)",
    )
    parser.add_argument("target", type=Path, metavar="ZIEL", help="neue Sicherungsdatei")
    parser.set_defaults(handler=run)


def sqlite_file(db_url: str) -> Path:
    """The database file of a SQLite URL; a German :class:`CliError` for anything else."""
    try:
        url = make_url(db_url)
    except ArgumentError:
        raise CliError("Die Datenbank-URL ist ungültig.") from None
    if url.get_backend_name() != "sqlite":
        raise CliError(
            "`kim-server backup` sichert SQLite-Datenbanken. PostgreSQL wird mit pg_dump "
            "gesichert: installer/server/backup.sh (siehe IT-Handbuch)."
        )
    if not url.database or url.database == ":memory:":
        raise CliError("Die SQLite-URL nennt keine Datei.")
    path = Path(url.database)
    if not path.is_file():
        raise CliError(f"Die Datenbankdatei {path} wurde nicht gefunden.", exit_code=1)
    return path


def run(args: argparse.Namespace) -> int:
    source = sqlite_file(settings(args).db_url)
    target: Path = args.target
    if target.exists():
        raise CliError(f"{target} existiert bereits und wird nicht überschrieben.")
    if not target.parent.is_dir():
        raise CliError(f"Der Ordner {target.parent} existiert nicht.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        _copy(source, partial)
        _verify(partial)
        _fsync(partial)
        os.replace(partial, target)
    except sqlite3.Error as error:
        raise CliError(
            f"Die Sicherung ist fehlgeschlagen ({type(error).__name__}); es wurde keine "
            "Sicherungsdatei geschrieben.",
            exit_code=1,
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    print(f"Sicherung geschrieben: {target}")
    return 0


def _copy(source: Path, target: Path) -> None:
    old_umask = os.umask(0o077)
    try:
        with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
            live.backup(copy)
            # A backup is a single file: leave WAL mode so no -wal/-shm is needed beside it.
            copy.execute("PRAGMA journal_mode = DELETE")
        live.close()
        copy.close()
    finally:
        os.umask(old_umask)


def _verify(path: Path) -> None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (result,) = connection.execute("PRAGMA integrity_check").fetchone()
        has_schema = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()[0]
    finally:
        connection.close()
    if result != "ok":
        raise sqlite3.DatabaseError("integrity check failed")
    if not has_schema:
        raise CliError(
            "Die Datenbank ist keine eingerichtete KIM-Server-Datenbank (erst `kim-server init`).",
            exit_code=1,
        )


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())

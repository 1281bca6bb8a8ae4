"""The storage half of ``kim-desktop selftest``: a real vault in a temporary folder.

It goes through the same code as an office's first start: create the vault (which runs every
Alembic migration), write a record, lock, unlock with the password, read the record back, and
confirm the file on disk is not readable as plain SQLite.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from sqlalchemy import select

from kim_desktop.core import migrate
from kim_desktop.core.db import new_id
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.storage import DATABASE_NAME
from kim_desktop.core.vault import Vault

_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
_USER = "selbsttest"


class SelfCheckError(Exception):
    """The installation is broken in a way the self-test found."""


def check_vault(data_dir: Path) -> None:
    """Create, migrate, write, reopen and read a vault in ``data_dir`` (which must be new)."""
    password = secrets.token_urlsafe(24)
    record_id = new_id()
    vault, _recovery_key = Vault.create(data_dir, admin=_USER, password=password)
    with vault:
        with vault.engine.connect() as connection:
            if migrate.current_revisions(connection) != migrate.head_revisions():
                raise SelfCheckError("die Datenbank wurde nicht bis zur neuesten Version migriert")
        with vault.session() as session, session.begin():
            session.add(OutboxEntry(kind="selftest", record_id=record_id, version=1))
    if (data_dir / DATABASE_NAME).read_bytes()[:16] == _PLAIN_SQLITE_HEADER:
        raise SelfCheckError("die Datenbank wurde unverschlüsselt geschrieben")
    with Vault.unlock(data_dir, user=_USER, password=password) as vault:
        with vault.session() as session:
            found = session.scalars(select(OutboxEntry.record_id)).all()
        problems = vault.check()
    if found != [record_id]:
        raise SelfCheckError("der geschriebene Datensatz wurde nicht wiedergefunden")
    if problems:
        raise SelfCheckError("die Integritätsprüfung meldet Fehler: " + "; ".join(problems))

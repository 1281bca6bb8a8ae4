"""Constants and helpers shared by the vault tests (fixtures are in conftest.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from sqlalchemy import func, insert, select

from kim_desktop.core.db import Base
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.vault import Vault

PASSWORD = "Kaffee morgens im Rathaus"
OTHER_PASSWORD = "Tee am Abend in Espelkamp"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) by relative path, with its SHA-256."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


MARKER = "Zeynep-Okonkwo-Lindqvist"
ROWS = 3000


def fill(vault: Vault, rows: int = ROWS) -> None:
    now = dt.datetime.now(dt.UTC)
    with vault.session() as session:
        session.execute(
            insert(OutboxEntry),
            [
                {"kind": f"{MARKER}-{i}", "record_id": f"{i:036d}", "version": 1, "created_at": now}
                for i in range(rows)
            ],
        )
        session.commit()


def count(vault: Vault) -> int:
    with vault.session() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry)) or 0


def assert_no_plaintext(folder: Path) -> None:
    needles = [b"CREATE TABLE", b"SQLite format 3", MARKER.encode(), b"alembic_version"]
    needles += [table.encode() for table in Base.metadata.tables]
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found = [n for n in needles if n in data]
            assert found == [], f"{path.name} contains {found}"

"""Alembic, run programmatically on the open, keyed connection of a vault.

A vault is migrated in place each time it is opened: :func:`upgrade` brings it to every head
inside the caller's transaction. A new revision is a new file in ``migrations/versions``,
named and numbered like the others, with ``down_revision`` set to the previous head. See
docs/vault.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

if TYPE_CHECKING:
    from alembic.config import Config

    from kim_desktop.core.stored_secrets import SecretBox

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

#: Where revisions are looked for; tests may add a folder of their own.
VERSION_LOCATIONS: tuple[Path, ...] = (MIGRATIONS / "versions",)


def alembic_config(connection: Connection | None = None, secrets: SecretBox | None = None
                   ) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option(
        "version_locations", " ".join(str(location) for location in VERSION_LOCATIONS)
    )
    config.set_main_option("path_separator", "space")
    if connection is not None:
        config.attributes["connection"] = connection
    if secrets is not None:
        config.attributes["secrets"] = secrets
    return config


def head_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(connection: Connection) -> set[str]:
    from alembic.runtime.migration import MigrationContext

    return set(MigrationContext.configure(connection).get_current_heads())


def upgrade(connection: Connection, revision: str = "heads", *,
            secrets: SecretBox | None = None) -> None:
    """Apply pending revisions up to ``revision`` inside the connection's transaction.

    ``secrets`` is the open vault's box, for a revision that seals or opens a stored secret.
    """
    from alembic import command

    command.upgrade(alembic_config(connection, secrets), revision)


_REVISION = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*\"([^\"]+)\"\s*$", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=\n]*)?=\s*(None|\"[^\"]+\")\s*$",
                            re.MULTILINE)


def declared_heads() -> set[str] | None:
    """The heads as the revision files declare them, read without importing Alembic (a third
    of a second at every start); ``None`` when a file declares its revisions in a way this
    reading does not follow, so that Alembic decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for location in VERSION_LOCATIONS:
        for path in location.glob("[!_]*.py"):  # as Alembic, not __init__.py
            text = path.read_text(encoding="utf-8")
            revision, down = _REVISION.findall(text), _DOWN_REVISION.findall(text)
            if len(revision) != 1 or len(down) != 1:
                return None
            revisions.add(revision[0])
            if down[0] != "None":
                parents.add(down[0].strip('"'))
    return revisions - parents or None


def is_current(connection: Connection) -> bool:
    """True when the database already stands at every head: then opening it needs no
    Alembic at all."""
    heads = declared_heads()
    if heads is None or connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).first() is None:
        return False
    stored = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
    return {row[0] for row in stored} == heads


class ForeignKeyViolation(Exception):
    """A revision left rows pointing at rows that do not exist."""


def upgrade_database(engine: Engine, *, secrets: SecretBox | None = None) -> None:
    """Bring the database to every head in one transaction, the way SQLite alters tables.

    Batch revisions rebuild a table by copy, drop and rename. With foreign keys on, dropping a
    parent table first deletes its rows, which would cascade into (or be refused by) every
    child table. So foreign keys are switched off around the transaction, as SQLite's own
    procedure for schema changes says, and ``foreign_key_check`` must come back empty before
    the transaction commits.
    """
    with engine.connect() as connection:
        if is_current(connection):
            return
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
    finally:
        raw.close()
    try:
        with engine.begin() as connection:
            upgrade(connection, secrets=secrets)
            if connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise ForeignKeyViolation("a migration broke a foreign key")
    finally:
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
        finally:
            raw.close()

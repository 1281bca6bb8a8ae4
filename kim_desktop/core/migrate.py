"""Alembic, run programmatically on the open, keyed connection of a vault.

A vault is migrated in place each time it is opened: :func:`upgrade` brings it to every head
inside the caller's transaction. A new revision is a new file in ``migrations/versions``,
named and numbered like the others, with ``down_revision`` set to the previous head. See
docs/vault.md.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, MetaData

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

#: Where revisions are looked for; tests may add a folder of their own.
VERSION_LOCATIONS: tuple[Path, ...] = (MIGRATIONS / "versions",)


def target_metadata() -> MetaData:
    """The metadata of every desktop table (import model modules here as they are added)."""
    # Registering imports: the case-management tables and the sync client's (0003).
    import kim_desktop.core.models
    import kim_desktop.sync.state  # noqa: F401
    from kim_desktop.core import db

    return db.Base.metadata


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option(
        "version_locations", " ".join(str(location) for location in VERSION_LOCATIONS)
    )
    config.set_main_option("path_separator", "space")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revisions() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(connection: Connection) -> set[str]:
    return set(MigrationContext.configure(connection).get_current_heads())


def upgrade(connection: Connection, revision: str = "heads") -> None:
    """Apply pending revisions up to ``revision`` inside the connection's transaction."""
    command.upgrade(alembic_config(connection), revision)


class ForeignKeyViolation(Exception):
    """A revision left rows pointing at rows that do not exist."""


def upgrade_database(engine: Engine) -> None:
    """Bring the database to every head in one transaction, the way SQLite alters tables.

    Batch revisions rebuild a table by copy, drop and rename. With foreign keys on, dropping a
    parent table first deletes its rows, which would cascade into (or be refused by) every
    child table. So foreign keys are switched off around the transaction, as SQLite's own
    procedure for schema changes says, and ``foreign_key_check`` must come back empty before
    the transaction commits.
    """
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
    finally:
        raw.close()
    try:
        with engine.begin() as connection:
            upgrade(connection)
            if connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                raise ForeignKeyViolation("a migration broke a foreign key")
    finally:
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
        finally:
            raw.close()

"""Database access: the declarative base, engines for SQLite and PostgreSQL, migrations.

The same SQLAlchemy code runs on a SQLite file (default; WAL, foreign keys, a long busy
timeout so concurrent writers queue instead of failing) and on PostgreSQL through psycopg 3.
Schemas change only through the Alembic revisions in ``sync_server/migrations``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from kim_protocol.timestamps import UTCDateTime
from kim_protocol.timestamps import utcnow as utcnow  # re-exported for the server modules

MIGRATIONS = Path(__file__).resolve().parent / "migrations"




class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime()}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """An engine for ``url``; creates the folder of a SQLite file if needed."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # No pre-ping (a round trip per request): after a database restart the first request per
    # worker fails with 503 ``unavailable``, SQLAlchemy drops the stale pool, the client retries.
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One session, one transaction: committed on success, rolled back on any error."""
    with factory() as session, session.begin():
        yield session


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Brings the schema to ``revision`` through Alembic (idempotent)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

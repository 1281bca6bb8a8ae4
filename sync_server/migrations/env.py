"""Alembic environment of the sync server.

Run through :func:`sync_server.db.upgrade`, which passes an open connection in
``config.attributes["connection"]``; ``sqlalchemy.url`` is the fallback for the alembic CLI.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import sync_server.dashboard.models
import sync_server.models
import sync_server.steering.models  # noqa: F401  (these register every table on the metadata)
from sync_server.db import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()

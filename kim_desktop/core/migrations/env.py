"""Alembic environment of the desktop database.

Migrations run only on an open vault: :func:`kim_desktop.core.migrate.upgrade` passes the
keyed SQLCipher connection in ``config.attributes["connection"]``, already inside a
transaction, so all pending revisions apply together or not at all. Tables are altered in
batch mode (copy and rename), the way SQLite needs it.
"""

from __future__ import annotations

from alembic import context

from kim_desktop.core.migrate import target_metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("desktop migrations run on an open vault through kim_desktop.core.migrate")

context.configure(
    connection=connection,
    target_metadata=target_metadata(),
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()

"""Alembic environment of the desktop database.

Migrations run only on an open vault: :func:`kim_desktop.core.migrate.upgrade` passes the
keyed SQLCipher connection in ``config.attributes["connection"]``, already inside a
transaction, so all pending revisions apply together or not at all. Tables are altered in
batch mode (copy and rename), the way SQLite needs it. Revisions are written by hand; the test
comparing the head schema with the models (:func:`kim_desktop.schema.metadata`) keeps them
in step.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("desktop migrations run on an open vault through kim_desktop.core.migrate")

context.configure(
    connection=connection,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()

"""The cell key method: a record key per report fact and key sums in the running totals.

* ``server_secrets``: the server's secret for record keys, 256 random bits made here; it
  never leaves the database (docs/reporting.md §3 says why it is no setting).
* ``report_facts.record_key``: HMAC of the fact's identity under that secret, 32 bits, filled
  for the facts already present.
* ``key_sum`` in the three rollups, kept by new triggers; the rollups are rebuilt.

Revision ID: 0009_cell_keys
Revises: 0008_key_check_renewal
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from sync_server.reports import item_rollups, rollups
from sync_server.reports.perturbation import record_key

revision: str = "0009_cell_keys"
down_revision: str | None = "0008_key_check_renewal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLLUPS = ("report_case_rollup", "report_contact_rollup", "report_item_rollup")


def _drop_triggers(postgres: bool) -> None:
    for statement in (
        *(rollups.POSTGRES_DROP if postgres else rollups.SQLITE_DROP),
        *(item_rollups.POSTGRES_DROP if postgres else item_rollups.SQLITE_DROP),
    ):
        op.execute(statement)


def _rebuild(dialect: str, *, keys: bool) -> None:
    postgres = dialect == "postgresql"
    for table in ROLLUPS:
        op.execute(f"DELETE FROM {table}")
    for statement in (
        *rollups.backfill(dialect, keys=keys), *item_rollups.backfill(dialect, keys=keys),
        *(rollups.postgres_triggers(keys=keys) if postgres
          else rollups.sqlite_triggers(keys=keys)),
        *(item_rollups.postgres_triggers(keys=keys) if postgres
          else item_rollups.sqlite_triggers(keys=keys)),
    ):
        op.execute(statement)


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    secrets_table = op.create_table(
        "server_secrets",
        sa.Column("name", sa.String(length=32), primary_key=True),
        sa.Column("value", sa.String(length=128), nullable=False),
    )
    secret = secrets.token_bytes(32)
    op.bulk_insert(secrets_table, [{"name": "record_key", "value": secret.hex()}])
    _drop_triggers(dialect == "postgresql")
    op.add_column("report_facts", sa.Column("record_key", sa.BigInteger(), nullable=False,
                                            server_default="0"))
    facts = bind.execute(sa.text(
        "SELECT id, key, fact_kind, month FROM report_facts")).all()
    if facts:
        bind.execute(
            sa.text("UPDATE report_facts SET record_key = :record_key WHERE id = :id"),
            [{"id": row[0], "record_key": record_key(secret, row[1], row[2], row[3])}
             for row in facts],
        )
    for table in ROLLUPS:
        op.add_column(table, sa.Column("key_sum", sa.BigInteger(), nullable=False,
                                       server_default="0"))
    _rebuild(dialect, keys=True)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    _drop_triggers(dialect == "postgresql")
    for table in ROLLUPS:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("key_sum")
    with op.batch_alter_table("report_facts") as batch_op:
        batch_op.drop_column("record_key")
    op.drop_table("server_secrets")
    _rebuild(dialect, keys=False)

"""Report facts and released gaps keep no device and no time of their upload.

A device id and an update time beside a fact let a server that also keeps its request logs
link the fact's key to the records that device pushed at that moment (docs/reporting.md §1,
"Facts that cannot be linked"). The office stays: it is what arrival checks and replacement
need.

Revision ID: 0011_unlinkable_facts
Revises: 0010_blobs
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_unlinkable_facts"
down_revision: str | None = "0010_blobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("report_facts", "released_gaps")


def upgrade() -> None:
    # Plain ALTER TABLE (SQLite 3.35 and later, PostgreSQL): a batch copy of report_facts
    # would drop the rollup triggers on it.
    for table in TABLES:
        op.drop_column(table, "device_id")
        op.drop_column(table, "updated_at")


def downgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("device_id", sa.String(length=36), nullable=False,
                                       server_default=""))
        op.add_column(table, sa.Column("updated_at", sa.DateTime(), nullable=False,
                                       server_default=sa.text("CURRENT_TIMESTAMP")))

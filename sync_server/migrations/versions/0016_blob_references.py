"""Records name the blob of their content, and blobs keep when they were last used, so that
blobs no record uses any more are pruned (docs/server.md, "Pruning of blobs").

Blobs already stored count as used now: the records that name them were pushed before the
server learnt names, and the retention gives their devices time to push anew.

Revision ID: 0016_blob_references
Revises: 0015_coordinator_accounts
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_blob_references"
down_revision: str | None = "0015_coordinator_accounts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("records", sa.Column("blob_id", sa.String(64), nullable=True))
    op.create_index("ix_records_blob", "records", ["office_id", "blob_id"],
                    sqlite_where=sa.text("blob_id IS NOT NULL"),
                    postgresql_where=sa.text("blob_id IS NOT NULL"))
    op.add_column("blobs", sa.Column("last_used_at", sa.DateTime(), nullable=True))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # naive UTC, as the columns keep it
    op.execute(sa.text("UPDATE blobs SET last_used_at = :now").bindparams(now=now))
    with op.batch_alter_table("blobs") as batch:
        batch.alter_column("last_used_at", existing_type=sa.DateTime(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("blobs") as batch:
        batch.drop_column("last_used_at")
    op.drop_index("ix_records_blob", table_name="records")
    op.drop_column("records", "blob_id")

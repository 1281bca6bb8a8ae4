"""Attachments travel as blobs: the record names its blob (``attachment.blob_id``), and the
sync keeps which blobs the server has complete and the chunks of downloads under way
(kim_desktop/sync/state.py, SyncBlobSent and SyncBlobChunk).

Revision ID: 0010_attachment_blobs
Revises: 0009_german_level_dates
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_attachment_blobs"
down_revision: str | Sequence[str] | None = "0009_german_level_dates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.add_column(sa.Column("blob_id", sa.String(64), nullable=True))
    op.create_table(
        "sync_blob_sent",
        sa.Column("blob_id", sa.String(64), primary_key=True),
    )
    op.create_table(
        "sync_blob_chunk",
        sa.Column("blob_id", sa.String(64), primary_key=True),
        sa.Column("chunk_index", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_blob_chunk")
    op.drop_table("sync_blob_sent")
    with op.batch_alter_table("attachment") as batch:
        batch.drop_column("blob_id")

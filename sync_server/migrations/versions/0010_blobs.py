"""Blobs: attachments' content in sealed chunks, apart from the records.

Revision ID: 0010_blobs
Revises: 0009_cell_keys
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_blobs"
down_revision: str | None = "0009_cell_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("office_id", sa.String(36), sa.ForeignKey("offices.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("blob_id", sa.String(64), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("stored", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "blob_chunks",
        sa.Column("office_id", sa.String(36), primary_key=True),
        sa.Column("blob_id", sa.String(64), primary_key=True),
        sa.Column("chunk_index", sa.Integer(), primary_key=True),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["office_id", "blob_id"], ["blobs.office_id", "blobs.blob_id"],
                                ondelete="CASCADE"),
    )


def downgrade() -> None:
    op.drop_table("blob_chunks")
    op.drop_table("blobs")

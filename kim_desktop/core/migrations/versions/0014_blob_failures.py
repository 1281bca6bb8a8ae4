"""Blobs are addressed by the digests of their chunks, and a blob that did not arrive keeps
its reason (kim_desktop/sync/state.py, SyncBlobFailure).

The blobs the server confirmed before were addressed otherwise and are gone from it (server
migration ``0013_blob_manifests``): forgetting them makes every pending attachment seal its
blob anew under its new id before its record goes.

Revision ID: 0014_blob_failures
Revises: 0013_report_schedule
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_blob_failures"
down_revision: str | Sequence[str] | None = "0013_report_schedule"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DELETE FROM sync_blob_sent")
    op.create_table(
        "sync_blob_failure",
        sa.Column("blob_id", sa.String(64), primary_key=True),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("failed_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_blob_failure")

"""Sync epochs: each device's current epoch, and the epochs it showed before.

A desktop starts a new epoch when its vault was restored from a backup or now lives in another
place (another machine, folder or file: a copy). Two epochs of one device that keep
alternating are two machines with one identity; the later one is told to enroll anew
(docs/server.md, "Restored and copied vaults").

Revision ID: 0014_device_epochs
Revises: 0013_blob_manifests
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_device_epochs"
down_revision: str | None = "0013_blob_manifests"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("epoch_started_at", "copy_detected_at")


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.String(length=32), nullable=True))
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.DateTime(), nullable=True))
    op.create_table(
        "device_epochs",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("epoch", sa.String(length=32), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("device_id", "epoch"),
    )


def downgrade() -> None:
    op.drop_table("device_epochs")
    with op.batch_alter_table("devices") as batch_op:
        for name in ("epoch", *COLUMNS):
            batch_op.drop_column(name)

"""The vault's sync epoch, the place it began in, and the sequence number from which the
server may know this device's numbers better than the vault (kim_desktop/sync/epoch.py).

Revision ID: 0016_sync_epoch
Revises: 0015_erasure_requests
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_sync_epoch"
down_revision: str | Sequence[str] | None = "0015_erasure_requests"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("epoch_place", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("epoch_from_seq", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        for name in ("epoch_from_seq", "epoch_place", "epoch"):
            batch_op.drop_column(name)

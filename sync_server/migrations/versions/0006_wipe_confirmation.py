"""The wipe order's course: when it was ordered, begun and finished on the device.

Revision ID: 0006_wipe_confirmation
Revises: 0005_office_municipalities
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_wipe_confirmation"
down_revision: str | None = "0005_office_municipalities"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("wipe_ordered_at", "wipe_started_at", "wiped_at")


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.DateTime(), nullable=True))
    op.execute("UPDATE devices SET wipe_ordered_at = revoked_at WHERE wipe_ordered")


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        for name in COLUMNS:
            batch_op.drop_column(name)

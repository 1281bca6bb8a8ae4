"""Records that open but do not apply go to the quarantine with their payload; fields unknown
to this version are kept with the shadow base (kim_desktop/sync/state.py).

Revision ID: 0006_sync_apply_quarantine
Revises: 0005_sync_quarantine
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_sync_apply_quarantine"
down_revision: str | Sequence[str] | None = "0005_sync_quarantine"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("sync_quarantine", sa.Column("payload", sa.Text(), nullable=True))
    op.add_column("sync_base", sa.Column("extra", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_base") as batch_op:
        batch_op.drop_column("extra")
    with op.batch_alter_table("sync_quarantine") as batch_op:
        batch_op.drop_column("payload")

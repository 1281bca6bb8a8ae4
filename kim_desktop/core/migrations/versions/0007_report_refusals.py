"""Report facts and gaps the server refused: marked in the upload bookkeeping, so they are not
sent again until they change and the sync status can count them.

Revision ID: 0007_report_refusals
Revises: 0006_sync_apply_quarantine
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_report_refusals"
down_revision: str | Sequence[str] | None = "0006_sync_apply_quarantine"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("report_upload") as batch_op:
        batch_op.add_column(
            sa.Column("refused", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("report_upload") as batch_op:
        batch_op.drop_column("refused")

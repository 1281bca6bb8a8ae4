"""When this device next sends its report facts: once a day at a random time, apart from the
pushes of the records they come from (docs/reporting.md §1).

Revision ID: 0013_report_schedule
Revises: 0012_vault_secrets
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_report_schedule"
down_revision: str | Sequence[str] | None = "0012_vault_secrets"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.add_column(sa.Column("reports_due_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.drop_column("reports_due_at")

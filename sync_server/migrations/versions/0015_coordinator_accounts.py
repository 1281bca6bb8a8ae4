"""Dashboard accounts can be disabled and limited to municipalities.

``dashboard_users.disabled_at``: set by ``kim-server user disable``; such an account logs in no
more, and its sessions are gone. ``dashboard_user_municipalities``: the municipalities a
coordinator may see; none means the whole Kreis (docs/server.md, "Coordinators").

Revision ID: 0015_coordinator_accounts
Revises: 0014_device_epochs
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_coordinator_accounts"
down_revision: str | None = "0014_device_epochs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dashboard_users") as batch_op:
        batch_op.add_column(sa.Column("disabled_at", sa.DateTime(), nullable=True))
    op.create_table(
        "dashboard_user_municipalities",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("municipality", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["dashboard_users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "municipality"),
    )


def downgrade() -> None:
    op.drop_table("dashboard_user_municipalities")
    with op.batch_alter_table("dashboard_users") as batch_op:
        batch_op.drop_column("disabled_at")

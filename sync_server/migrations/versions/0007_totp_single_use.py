"""TOTP codes are single use, and TOTP secrets are stored encrypted (longer column).

``dashboard_users.totp_last_step`` is the time step of the last code accepted; a code of that
step or an earlier one is refused. Plaintext secrets stay readable until they are sealed
under ``KIM_SERVER_SECRET_KEY`` (``kim-server init`` and every login do it).

Revision ID: 0007_totp_single_use
Revises: 0006_wipe_confirmation
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_totp_single_use"
down_revision: str | None = "0006_wipe_confirmation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dashboard_users") as batch_op:
        batch_op.alter_column("totp_secret", existing_type=sa.String(64),
                              type_=sa.String(200), existing_nullable=True)
        batch_op.add_column(sa.Column("totp_last_step", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dashboard_users") as batch_op:
        batch_op.drop_column("totp_last_step")
        batch_op.alter_column("totp_secret", existing_type=sa.String(200),
                              type_=sa.String(64), existing_nullable=True)

"""The office key's check value may be replaced once, by its current form (devices derive
separate subkeys for encryption and for the check value since; see kim_desktop/sync/crypto.py).

Revision ID: 0008_key_check_renewal
Revises: 0007_totp_single_use
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_key_check_renewal"
down_revision: str | None = "0007_totp_single_use"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        batch_op.add_column(
            sa.Column("key_check_renewed", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        batch_op.drop_column("key_check_renewed")

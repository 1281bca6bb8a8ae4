"""Storage per office: the bytes of ciphertext it stores, against its quota.

Revision ID: 0004_office_storage
Revises: 0003_pruned_seq
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_office_storage"
down_revision: str | None = "0003_pruned_seq"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        batch_op.add_column(
            sa.Column("stored_bytes", sa.BigInteger(), nullable=False, server_default="0")
        )
    op.execute(
        "UPDATE offices SET stored_bytes = (SELECT COALESCE(SUM(LENGTH(records.ciphertext)), 0)"
        " FROM records WHERE records.office_id = offices.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        batch_op.drop_column("stored_bytes")

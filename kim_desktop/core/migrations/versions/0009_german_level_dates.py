"""The day each German level was shown (kim_desktop/core/models/client.py): the pre-check
facts of the client file record the level per skill with its date.

Revision ID: 0009_german_level_dates
Revises: 0008_sync_trust
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_german_level_dates"
down_revision: str | Sequence[str] | None = "0008_sync_trust"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("client") as batch_op:
        batch_op.add_column(sa.Column("german_oral_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("german_written_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("client") as batch_op:
        batch_op.drop_column("german_written_on")
        batch_op.drop_column("german_oral_on")

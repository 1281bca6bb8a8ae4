"""A digest of each applied push operation, so that a repeated (device, seq) is answered
``duplicate`` only when it carries the same change.

A device restored from a backup, or a copy of one, may send a sequence number again with other
content; without the digest the server answered ``duplicate`` and the change was lost. Rows of
before this revision have no digest and are answered as before.

Revision ID: 0012_applied_digest
Revises: 0011_unlinkable_facts
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_applied_digest"
down_revision: str | None = "0011_unlinkable_facts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("applied_ops", sa.Column("digest", sa.LargeBinary(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("applied_ops") as batch_op:
        batch_op.drop_column("digest")

"""Drafts of interrupted forms (kim_desktop/core/drafts.py): kept in the encrypted database
over the idle lock and a crash, never synced.

Revision ID: 0011_form_drafts
Revises: 0010_attachment_blobs
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_form_drafts"
down_revision: str | Sequence[str] | None = "0010_attachment_blobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "form_draft",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user", sa.String(length=100), nullable=False),
        sa.Column("form", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.JSON(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_form_draft_user", "form_draft", ["user"])


def downgrade() -> None:
    op.drop_index("ix_form_draft_user", table_name="form_draft")
    op.drop_table("form_draft")

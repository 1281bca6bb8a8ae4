"""Report pseudonyms: the office report secret, one salt per case, the upload bookkeeping.

Revision ID: 0004_reporting
Revises: 0003_sync_client
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_reporting"
down_revision: str | Sequence[str] | None = "0003_sync_client"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "report_secret", *_synced_columns(),
        sa.Column("secret", sa.String(64), nullable=False),
    )
    op.create_table(
        "report_pseudonym", *_synced_columns(),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
    )
    op.create_index("ix_report_pseudonym_case", "report_pseudonym", ["case_id"])
    op.create_table(
        "report_upload",
        sa.Column("upload_id", sa.String(200), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=True),
        sa.Column("digest", sa.String(64), nullable=False),
    )
    op.create_index("ix_report_upload_case", "report_upload", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_report_upload_case", table_name="report_upload")
    op.drop_table("report_upload")
    op.drop_index("ix_report_pseudonym_case", table_name="report_pseudonym")
    op.drop_table("report_pseudonym")
    op.drop_table("report_secret")

"""Coordinator dashboard: users, sessions, gap status; covering indexes for the reports.

Revision ID: 0002_dashboard
Revises: 0001_sync
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_dashboard"
down_revision: str | None = "0001_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dashboard_users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("totp_secret", sa.String(length=64), nullable=True),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "dashboard_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["dashboard_users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_dashboard_sessions_expires_at", "dashboard_sessions", ["expires_at"])
    op.create_table(
        "gap_status",
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("gap_key", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("office_id", "gap_key"),
    )
    # Case facts by municipality with opening/closing dates: the overview's case counts are
    # answered from this index alone, already in GROUP BY order.
    op.create_index(
        "ix_report_facts_case", "report_facts",
        ["fact_kind", "deleted", "municipality", "case_opened", "case_closed"],
    )
    # Consultation-month facts: the overview's contact sums and distinct cases, index only.
    op.create_index(
        "ix_report_facts_contact", "report_facts",
        ["fact_kind", "deleted", "municipality", "month", "consultations", "minutes", "key"],
    )
    # The gaps board: ranked by case count.
    op.create_index("ix_released_gaps_rank", "released_gaps", ["withdrawn", "case_count"])


def downgrade() -> None:
    op.drop_index("ix_released_gaps_rank", table_name="released_gaps")
    op.drop_index("ix_report_facts_contact", table_name="report_facts")
    op.drop_index("ix_report_facts_case", table_name="report_facts")
    op.drop_table("gap_status")
    op.drop_index("ix_dashboard_sessions_expires_at", table_name="dashboard_sessions")
    op.drop_table("dashboard_sessions")
    op.drop_table("dashboard_users")

"""Coordinator dashboard: users, sessions, gap status; covering indexes for the reports.

Revision ID: 0002_dashboard
Revises: 0001_sync
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from sync_server.reports import item_rollups, rollups

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
    # Case facts active in a period (the views grouped by a fact's own columns).
    op.create_index(
        "ix_report_facts_case", "report_facts",
        ["fact_kind", "deleted", "case_opened", "case_closed", "municipality"],
    )
    # Consultation-month facts of a period: contacts by field of action, referrals.
    op.create_index(
        "ix_report_facts_contact", "report_facts",
        ["fact_kind", "month", "deleted", "municipality", "key"],
    )
    # Running sums for the overview, kept exact by triggers (sync_server/reports/rollups.py).
    op.create_table(
        "report_case_rollup",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("opened", sa.String(7), primary_key=True),
        sa.Column("closed", sa.String(7), primary_key=True),
        sa.Column("cases", sa.Integer(), nullable=False),
    )
    op.create_table(
        "report_contact_rollup",
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("consultations", sa.BigInteger(), nullable=False),
        sa.Column("minutes", sa.BigInteger(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
    )
    op.create_table(
        "report_item_rollup",
        sa.Column("dimension", sa.String(16), primary_key=True),
        sa.Column("item", sa.String(128), primary_key=True),
        sa.Column("municipality", sa.String(64), primary_key=True),
        sa.Column("opened", sa.String(7), primary_key=True),
        sa.Column("closed", sa.String(7), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("facts", sa.Integer(), nullable=False),
        sa.Column("sum1", sa.BigInteger(), nullable=False),
        sa.Column("sum2", sa.BigInteger(), nullable=False),
    )
    dialect = op.get_bind().dialect.name
    postgres = dialect == "postgresql"
    for statement in [
        *rollups.BACKFILL[dialect], rollups.CONTACT_BACKFILL, *item_rollups.backfill(dialect),
        *(rollups.POSTGRES_TRIGGERS if postgres else rollups.SQLITE_TRIGGERS),
        *(item_rollups.postgres_triggers() if postgres else item_rollups.sqlite_triggers()),
    ]:
        op.execute(statement)
    # The gaps board: ranked by case count.
    op.create_index("ix_released_gaps_rank", "released_gaps", ["withdrawn", "case_count"])


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    postgres = dialect == "postgresql"
    for statement in [
        *(rollups.POSTGRES_DROP if postgres else rollups.SQLITE_DROP),
        *(item_rollups.POSTGRES_DROP if postgres else item_rollups.SQLITE_DROP),
    ]:
        op.execute(statement)
    op.drop_table("report_item_rollup")
    op.drop_table("report_contact_rollup")
    op.drop_table("report_case_rollup")
    op.drop_index("ix_released_gaps_rank", table_name="released_gaps")
    op.drop_index("ix_report_facts_contact", table_name="report_facts")
    op.drop_index("ix_report_facts_case", table_name="report_facts")
    op.drop_table("gap_status")
    op.drop_index("ix_dashboard_sessions_expires_at", table_name="dashboard_sessions")
    op.drop_table("dashboard_sessions")
    op.drop_table("dashboard_users")

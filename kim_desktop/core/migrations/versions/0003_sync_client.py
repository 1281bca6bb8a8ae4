"""The sync client's tables: enrollment and secrets, shadow bases, operations in flight,
conflicts, rejected operations and parked records (kim_desktop/sync/state.py).

Revision ID: 0003_sync_client
Revises: 0002_case_management
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_sync_client"
down_revision: str | Sequence[str] | None = "0002_case_management"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("server_url", sa.String(500), nullable=False),
        sa.Column("ca_file", sa.String(1000), nullable=True),
        sa.Column("office_id", sa.String(64), nullable=False),
        sa.Column("office_name", sa.String(200), nullable=False),
        sa.Column("municipality", sa.String(100), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("device_name", sa.String(100), nullable=False),
        sa.Column("device_token", sa.String(500), nullable=False),
        sa.Column("office_key", sa.LargeBinary(), nullable=True),
        sa.Column("key_check", sa.LargeBinary(), nullable=True),
        sa.Column("key_check_pending", sa.Boolean(), nullable=False),
        sa.Column("pull_cursor", sa.Integer(), nullable=False),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("revoked", sa.String(500), nullable=True),
    )
    op.create_table(
        "sync_base",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
    )
    op.create_table(
        "sync_inflight",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False, unique=True),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False, unique=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("local_payload", sa.Text(), nullable=False),
        sa.Column("remote_payload", sa.Text(), nullable=False),
        sa.Column("base_payload", sa.Text(), nullable=False),
        sa.Column("remote_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "sync_rejected",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_sync_rejected_record_id", "sync_rejected", ["record_id"])
    op.create_table(
        "sync_parked",
        sa.Column("record_id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    for table in ("sync_parked", "sync_rejected", "sync_conflict", "sync_inflight",
                  "sync_base", "sync_state"):
        op.drop_table(table)

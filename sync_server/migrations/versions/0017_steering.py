"""Baustein I: topics grouping released gaps, project groups, measures and their history
(docs/reporting.md §8).

Revision ID: 0017_steering
Revises: 0016_blob_references
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_steering"
down_revision: str | None = "0016_blob_references"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tracked() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("deleted_by", sa.String(100), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "project_groups",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("field_of_action", sa.String(64), nullable=False),
        sa.Column("members", sa.Text(), nullable=False),
        *_tracked(),
    )
    op.create_table(
        "topics",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("field_of_action", sa.String(64), nullable=False),
        sa.Column("project_group_id", sa.Integer(), sa.ForeignKey("project_groups.id"),
                  nullable=True),
        *_tracked(),
    )
    op.create_index("ix_topics_project_group", "topics", ["project_group_id"])
    op.create_table(
        "topic_municipalities",
        sa.Column("topic_id", sa.Integer(), sa.ForeignKey("topics.id"), primary_key=True),
        sa.Column("municipality", sa.String(64), primary_key=True),
    )
    op.create_table(
        "topic_gaps",
        sa.Column("office_id", sa.String(36), primary_key=True),
        sa.Column("gap_key", sa.String(128), primary_key=True),
        sa.Column("topic_id", sa.Integer(), sa.ForeignKey("topics.id"), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(100), nullable=False),
    )
    op.create_index("ix_topic_gaps_topic", "topic_gaps", ["topic_id"])
    op.create_table(
        "measures",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("topic_id", sa.Integer(), sa.ForeignKey("topics.id"), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        *_tracked(),
    )
    op.create_index("ix_measures_topic", "measures", ["topic_id"])
    op.create_table(
        "steering_history",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
    )
    op.create_index("ix_steering_history_topic", "steering_history", ["topic_id"])
    op.create_index("ix_steering_history_entity", "steering_history", ["entity", "entity_id"])


def downgrade() -> None:
    op.drop_table("steering_history")
    op.drop_table("measures")
    op.drop_table("topic_gaps")
    op.drop_table("topic_municipalities")
    op.drop_table("topics")
    op.drop_table("project_groups")

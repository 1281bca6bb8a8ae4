"""The case-management tables of kim_desktop/core/models (clients to audit events).

References between records are plain id columns without foreign keys: the sync may apply a
child before its parent. One open case per client is a service rule, not a constraint, so
that cases opened offline on two devices both sync.

Revision ID: 0002_case_management
Revises: 0001_initial
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0002_case_management"
down_revision: str | Sequence[str] | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table("attachment",
    sa.Column("client_id", sa.String(length=36), nullable=False),
    sa.Column("case_id", sa.String(length=36), nullable=True),
    sa.Column("filename", sa.String(length=255), nullable=False),
    sa.Column("media_type", sa.String(length=100), nullable=False),
    sa.Column("size", sa.Integer(), nullable=False),
    sa.Column("sha256", sa.String(length=64), nullable=False),
    sa.Column("description", sa.Text(), nullable=False),
    sa.Column("content", sa.LargeBinary(), nullable=True),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index("ix_attachment_client", ["client_id"], unique=False)

    op.create_table("audit_event",
    sa.Column("at", sa.DateTime(), nullable=False),
    sa.Column("user", sa.String(length=100), nullable=False),
    sa.Column("action", sa.String(length=20), nullable=False),
    sa.Column("record_kind", sa.String(length=64), nullable=False),
    sa.Column("record_id", sa.String(length=36), nullable=False),
    sa.Column("detail", sa.String(length=200), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_record", ["record_kind", "record_id"], unique=False)

    op.create_table("case_phase_change",
    sa.Column("case_id", sa.String(length=36), nullable=False),
    sa.Column("event", sa.String(length=16), nullable=False),
    sa.Column("from_phase", sa.String(length=20), nullable=True),
    sa.Column("to_phase", sa.String(length=20), nullable=False),
    sa.Column("changed_on", sa.Date(), nullable=False),
    sa.Column("reason", sa.Text(), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("case_phase_change", schema=None) as batch_op:
        batch_op.create_index("ix_case_phase_change_case", ["case_id", "changed_on"], unique=False)

    op.create_table("case_record",
    sa.Column("client_id", sa.String(length=36), nullable=False),
    sa.Column("responsible_user", sa.String(length=100), nullable=False),
    sa.Column("phase", sa.String(length=20), nullable=False),
    sa.Column("target_group_criteria", sa.JSON(), nullable=False),
    sa.Column("opened_on", sa.Date(), nullable=False),
    sa.Column("open_reason", sa.Text(), nullable=False),
    sa.Column("closed_on", sa.Date(), nullable=True),
    sa.Column("closure_reason_code", sa.String(length=40), nullable=True),
    sa.Column("closure_note", sa.Text(), nullable=False),
    sa.Column("reopened_on", sa.Date(), nullable=True),
    sa.Column("reopen_reason", sa.Text(), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("case_record", schema=None) as batch_op:
        batch_op.create_index(
            "ix_case_open_by_client", ["client_id", "opened_on", "id", "phase", "responsible_user"],
            unique=False, sqlite_where=sa.text("closed_on IS NULL AND deleted_at IS NULL"),
            postgresql_where=sa.text("closed_on IS NULL AND deleted_at IS NULL"),
        )

    op.create_table("client",
    sa.Column("first_name", sa.String(length=100), nullable=False),
    sa.Column("last_name", sa.String(length=100), nullable=False),
    sa.Column("birth_name", sa.String(length=100), nullable=False),
    sa.Column("birth_date", sa.Date(), nullable=True),
    sa.Column("gender", sa.String(length=16), nullable=False),
    sa.Column("nationalities", sa.JSON(), nullable=False),
    sa.Column("languages", sa.JSON(), nullable=False),
    sa.Column("interpreter_needed", sa.Boolean(), nullable=False),
    sa.Column("phone", sa.String(length=50), nullable=False),
    sa.Column("email", sa.String(length=200), nullable=False),
    sa.Column("street", sa.String(length=200), nullable=False),
    sa.Column("postal_code", sa.String(length=10), nullable=False),
    sa.Column("town", sa.String(length=100), nullable=False),
    sa.Column("municipality_code", sa.String(length=40), nullable=False),
    sa.Column("entry_date", sa.Date(), nullable=True),
    sa.Column("search_key", sa.String(length=400), nullable=False),
    sa.Column("phonetic_key", sa.String(length=400), nullable=False),
    sa.Column("school_years_successful", sa.Integer(), nullable=True),
    sa.Column("qualification", sa.String(length=20), nullable=True),
    sa.Column("german_oral", sa.String(length=4), nullable=True),
    sa.Column("german_written", sa.String(length=4), nullable=True),
    sa.Column("naturalisation_test_passed", sa.Boolean(), nullable=True),
    sa.Column("livelihood_own_share", sa.Float(), nullable=True),
    sa.Column("passport", sa.Boolean(), nullable=True),
    sa.Column("convictions_above_threshold", sa.Boolean(), nullable=True),
    sa.Column("erased_at", sa.DateTime(), nullable=True),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.create_index("ix_client_birth_date", ["birth_date"], unique=False)
        batch_op.create_index(
            "ix_client_caseload",
            ["last_name", "first_name", "id", "deleted_at", "municipality_code", "birth_date",
             "search_key", "phonetic_key"],
            unique=False,
        )

    op.create_table("consent",
    sa.Column("client_id", sa.String(length=36), nullable=False),
    sa.Column("kind", sa.String(length=30), nullable=False),
    sa.Column("purpose", sa.Text(), nullable=False),
    sa.Column("recipient_agency_code", sa.String(length=60), nullable=True),
    sa.Column("granted_on", sa.Date(), nullable=False),
    sa.Column("expires_on", sa.Date(), nullable=True),
    sa.Column("withdrawn_on", sa.Date(), nullable=True),
    sa.Column("form_language", sa.String(length=10), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.create_index(
            "ix_consent_client_kind",
            ["client_id", "kind", "recipient_agency_code", "deleted_at", "granted_on",
             "expires_on", "withdrawn_on"],
            unique=False,
        )

    op.create_table("consultation",
    sa.Column("client_id", sa.String(length=36), nullable=False),
    sa.Column("case_id", sa.String(length=36), nullable=True),
    sa.Column("held_at", sa.DateTime(), nullable=False),
    sa.Column("duration_minutes", sa.Integer(), nullable=False),
    sa.Column("mode_code", sa.String(length=30), nullable=False),
    sa.Column("interpreter_used", sa.Boolean(), nullable=False),
    sa.Column("interpreter_language", sa.String(length=10), nullable=True),
    sa.Column("fields_of_action", sa.JSON(), nullable=False),
    sa.Column("notes", sa.Text(), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.create_index("ix_consultation_client_held", ["client_id", "held_at"], unique=False)
        batch_op.create_index(
            "ix_consultation_held",
            ["held_at", "deleted_at", "created_by", "duration_minutes", "fields_of_action"],
            unique=False,
        )

    op.create_table("follow_up",
    sa.Column("client_id", sa.String(length=36), nullable=False),
    sa.Column("case_id", sa.String(length=36), nullable=True),
    sa.Column("consultation_id", sa.String(length=36), nullable=True),
    sa.Column("assigned_user", sa.String(length=100), nullable=False),
    sa.Column("due_on", sa.Date(), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("done_on", sa.Date(), nullable=True),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index("ix_follow_up_client_open", ["client_id", "done_on", "deleted_at", "due_on"], unique=False)
        batch_op.create_index("ix_follow_up_due", ["due_on"], unique=False)

    op.create_table("goal",
    sa.Column("case_id", sa.String(length=36), nullable=False),
    sa.Column("field_of_action_code", sa.String(length=40), nullable=False),
    sa.Column("description", sa.Text(), nullable=False),
    sa.Column("agreed_on", sa.Date(), nullable=False),
    sa.Column("due_on", sa.Date(), nullable=True),
    sa.Column("status", sa.String(length=20), nullable=False),
    sa.Column("outcome", sa.Text(), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index("ix_goal_case", ["case_id"], unique=False)

    op.create_table("household_member",
    sa.Column("client_id", sa.String(length=36), nullable=False),
    sa.Column("relation", sa.String(length=16), nullable=False),
    sa.Column("first_name", sa.String(length=100), nullable=False),
    sa.Column("birth_date", sa.Date(), nullable=True),
    sa.Column("unmarried", sa.Boolean(), nullable=True),
    sa.Column("attends_school", sa.Boolean(), nullable=True),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_household_member_client_id"), ["client_id"], unique=False)

    op.create_table("measure",
    sa.Column("goal_id", sa.String(length=36), nullable=False),
    sa.Column("description", sa.Text(), nullable=False),
    sa.Column("responsible", sa.String(length=20), nullable=False),
    sa.Column("partner_agency_code", sa.String(length=60), nullable=True),
    sa.Column("due_on", sa.Date(), nullable=True),
    sa.Column("status", sa.String(length=20), nullable=False),
    sa.Column("outcome", sa.Text(), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.create_index("ix_measure_goal", ["goal_id"], unique=False)

    op.create_table("needs_assessment",
    sa.Column("case_id", sa.String(length=36), nullable=False),
    sa.Column("field_of_action_code", sa.String(length=40), nullable=False),
    sa.Column("assessed_on", sa.Date(), nullable=False),
    sa.Column("level", sa.String(length=10), nullable=False),
    sa.Column("strengths", sa.Text(), nullable=False),
    sa.Column("notes", sa.Text(), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("needs_assessment", schema=None) as batch_op:
        batch_op.create_index("ix_needs_case_field", ["case_id", "field_of_action_code", "level", "deleted_at"], unique=False)

    op.create_table("referral",
    sa.Column("client_id", sa.String(length=36), nullable=False),
    sa.Column("case_id", sa.String(length=36), nullable=True),
    sa.Column("agency_code", sa.String(length=60), nullable=False),
    sa.Column("field_of_action_code", sa.String(length=40), nullable=True),
    sa.Column("purpose", sa.Text(), nullable=False),
    sa.Column("state", sa.String(length=12), nullable=False),
    sa.Column("planned_on", sa.Date(), nullable=False),
    sa.Column("sent_on", sa.Date(), nullable=True),
    sa.Column("answered_on", sa.Date(), nullable=True),
    sa.Column("completed_on", sa.Date(), nullable=True),
    sa.Column("waiver_id", sa.String(length=36), nullable=True),
    sa.Column("override_reason", sa.Text(), nullable=False),
    sa.Column("decline_reason", sa.Text(), nullable=False),
    sa.Column("outcome", sa.Text(), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index("ix_referral_client", ["client_id"], unique=False)

    op.create_table("residence_status_period",
    sa.Column("client_id", sa.String(length=36), nullable=False),
    sa.Column("status_code", sa.String(length=60), nullable=False),
    sa.Column("legal_basis", sa.String(length=100), nullable=False),
    sa.Column("valid_from", sa.Date(), nullable=False),
    sa.Column("valid_to", sa.Date(), nullable=True),
    sa.Column("note", sa.Text(), nullable=False),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )
    with op.batch_alter_table("residence_status_period", schema=None) as batch_op:
        batch_op.create_index("ix_residence_status_client_from", ["client_id", "valid_from"], unique=False)

    op.create_table("structural_gap",
    sa.Column("category_code", sa.String(length=40), nullable=False),
    sa.Column("field_of_action_code", sa.String(length=40), nullable=False),
    sa.Column("municipality_code", sa.String(length=40), nullable=False),
    sa.Column("description", sa.Text(), nullable=False),
    sa.Column("observed_on", sa.Date(), nullable=False),
    sa.Column("case_ids", sa.JSON(), nullable=False),
    sa.Column("released_at", sa.DateTime(), nullable=True),
    sa.Column("released_by", sa.String(length=100), nullable=True),
    sa.Column("id", sa.String(length=36), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(length=100), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.Column("updated_by", sa.String(length=100), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("deleted_at", sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint("id")
    )


def downgrade() -> None:
    op.drop_table("structural_gap")
    with op.batch_alter_table("residence_status_period", schema=None) as batch_op:
        batch_op.drop_index("ix_residence_status_client_from")

    op.drop_table("residence_status_period")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index("ix_referral_client")

    op.drop_table("referral")
    with op.batch_alter_table("needs_assessment", schema=None) as batch_op:
        batch_op.drop_index("ix_needs_case_field")

    op.drop_table("needs_assessment")
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_index("ix_measure_goal")

    op.drop_table("measure")
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_member_client_id"))

    op.drop_table("household_member")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index("ix_goal_case")

    op.drop_table("goal")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_due")
        batch_op.drop_index("ix_follow_up_client_open")

    op.drop_table("follow_up")
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_index("ix_consultation_held")
        batch_op.drop_index("ix_consultation_client_held")

    op.drop_table("consultation")
    with op.batch_alter_table("consent", schema=None) as batch_op:
        batch_op.drop_index("ix_consent_client_kind")

    op.drop_table("consent")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_index("ix_client_caseload")
        batch_op.drop_index("ix_client_birth_date")

    op.drop_table("client")
    with op.batch_alter_table("case_record", schema=None) as batch_op:
        batch_op.drop_index("ix_case_open_by_client")

    op.drop_table("case_record")
    with op.batch_alter_table("case_phase_change", schema=None) as batch_op:
        batch_op.drop_index("ix_case_phase_change_case")

    op.drop_table("case_phase_change")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_record")

    op.drop_table("audit_event")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index("ix_attachment_client")

    op.drop_table("attachment")

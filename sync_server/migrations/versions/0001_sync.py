"""Sync server schema: offices, devices, enrollment codes, audit, records, applied ops,
report facts and released gaps.

Revision ID: 0001_sync
Revises:
Create Date: 2026-11-25 11:47:08.741840
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001_sync'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('admin_audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('admin_audit', schema=None) as batch_op:
        batch_op.create_index('ix_admin_audit_at', ['at'], unique=False)

    op.create_table('offices',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('municipality', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('key_check', sa.String(length=200), nullable=True),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('devices',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('app_version', sa.String(length=40), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.Column('wipe_ordered', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_hash')
    )
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.create_index('ix_devices_office', ['office_id'], unique=False)

    op.create_table('enrollment_codes',
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.Column('used_by_device_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('code_hash')
    )
    with op.batch_alter_table('enrollment_codes', schema=None) as batch_op:
        batch_op.create_index('ix_enrollment_codes_office', ['office_id'], unique=False)

    op.create_table('records',
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('ciphertext', sa.LargeBinary(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('office_id', 'kind', 'record_id')
    )
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.create_index('ux_records_office_seq', ['office_id', 'server_seq'], unique=True)

    op.create_table('released_gaps',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=128), nullable=False),
    sa.Column('category', sa.String(length=64), nullable=False),
    sa.Column('field_of_action', sa.String(length=64), nullable=False),
    sa.Column('municipality', sa.String(length=64), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('case_count', sa.Integer(), nullable=False),
    sa.Column('released_on', sa.Date(), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('office_id', 'key', name='ux_released_gaps_key')
    )
    op.create_table('report_facts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('key', sa.String(length=128), nullable=False),
    sa.Column('fact_kind', sa.String(length=32), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('municipality', sa.String(length=64), nullable=False),
    sa.Column('fields_of_action', sa.JSON(), nullable=False),
    sa.Column('target_group', sa.JSON(), nullable=False),
    sa.Column('age_band', sa.String(length=16), nullable=True),
    sa.Column('gender', sa.String(length=16), nullable=True),
    sa.Column('status_category', sa.String(length=64), nullable=True),
    sa.Column('phase', sa.String(length=32), nullable=True),
    sa.Column('case_opened', sa.Date(), nullable=True),
    sa.Column('case_closed', sa.Date(), nullable=True),
    sa.Column('closure_reason', sa.String(length=64), nullable=True),
    sa.Column('referrals', sa.JSON(), nullable=False),
    sa.Column('goals_total', sa.Integer(), nullable=False),
    sa.Column('goals_reached', sa.Integer(), nullable=False),
    sa.Column('consultations', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('prechecks', sa.JSON(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('office_id', 'key', 'fact_kind', 'month', name='ux_report_facts_key')
    )
    with op.batch_alter_table('report_facts', schema=None) as batch_op:
        batch_op.create_index('ix_report_facts_month_kind', ['month', 'fact_kind'], unique=False)

    op.create_table('applied_ops',
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('kind', sa.String(length=64), nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('applied_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('device_id', 'seq')
    )


def downgrade() -> None:
    op.drop_table('applied_ops')
    with op.batch_alter_table('report_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_report_facts_month_kind')

    op.drop_table('report_facts')
    op.drop_table('released_gaps')
    with op.batch_alter_table('records', schema=None) as batch_op:
        batch_op.drop_index('ux_records_office_seq')

    op.drop_table('records')
    with op.batch_alter_table('enrollment_codes', schema=None) as batch_op:
        batch_op.drop_index('ix_enrollment_codes_office')

    op.drop_table('enrollment_codes')
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_index('ix_devices_office')

    op.drop_table('devices')
    op.drop_table('offices')
    with op.batch_alter_table('admin_audit', schema=None) as batch_op:
        batch_op.drop_index('ix_admin_audit_at')

    op.drop_table('admin_audit')

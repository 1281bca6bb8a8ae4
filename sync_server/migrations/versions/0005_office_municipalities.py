"""The municipalities each office serves; its devices' report facts may name only these.

Filled from ``offices.municipality`` where that is a municipality's code or name.

Revision ID: 0005_office_municipalities
Revises: 0004_office_storage
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kim_protocol.catalogs import default_catalogs

revision: str = "0005_office_municipalities"
down_revision: str | None = "0004_office_storage"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "office_municipalities",
        sa.Column("office_id", sa.String(length=36), nullable=False),
        sa.Column("municipality", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["offices.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("office_id", "municipality"),
    )
    codes = {}
    for entry in default_catalogs().municipalities:
        codes[entry.code.casefold()] = codes[entry.label.casefold()] = entry.code
    offices = op.get_bind().execute(sa.text("SELECT id, municipality FROM offices"))
    rows = [
        {"office_id": office_id, "municipality": codes[name.strip().casefold()]}
        for office_id, name in offices
        if name.strip().casefold() in codes
    ]
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table("office_municipalities")

"""The sync server's TLS trust is kept inside the vault: the provisioned CA certificate or the
pin on the server's key (kim_desktop/sync/state.py, SyncState.ca_pem and .pin_sha256).

Before, the state held only the path of a CA file outside the vault. Its content is copied in
where the file is still readable; then the path goes.

Revision ID: 0008_sync_trust
Revises: 0007_report_refusals
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0008_sync_trust"
down_revision: str | Sequence[str] | None = "0007_report_refusals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _read_pem(path: str) -> str | None:
    try:
        text = Path(path).read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        return None
    return text if "-----BEGIN CERTIFICATE-----" in text else None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("ca_pem", sa.Text(), nullable=True))
        batch.add_column(sa.Column("pin_sha256", sa.String(64), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, ca_file FROM sync_state WHERE ca_file IS NOT NULL")
    ).all()
    for state_id, path in rows:
        connection.execute(
            sa.text("UPDATE sync_state SET ca_pem = :pem WHERE id = :id"),
            {"pem": _read_pem(path), "id": state_id},
        )
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("ca_file")


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("ca_file", sa.String(1000), nullable=True))
        batch.drop_column("pin_sha256")
        batch.drop_column("ca_pem")

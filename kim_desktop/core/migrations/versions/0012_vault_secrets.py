"""The office key leaves ``sync_state`` for ``vault_secret``, sealed under a subkey of the data
key (kim_desktop/core/stored_secrets.py), so that no decrypted page SQLite frees holds it.

The vault passes its :class:`~kim_desktop.core.stored_secrets.SecretBox` to the migration in
``config.attributes["secrets"]``; a state without an office key needs none.

Revision ID: 0012_vault_secrets
Revises: 0011_form_drafts
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

from kim_desktop.core.errors import VaultLocked
from kim_desktop.core.key_memory import wipe
from kim_desktop.core.stored_secrets import SecretBox

revision: str = "0012_vault_secrets"
down_revision: str | Sequence[str] | None = "0011_form_drafts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OFFICE_KEY = "office_key"


def _box() -> SecretBox:
    box = context.config.attributes.get("secrets")
    if not isinstance(box, SecretBox):
        raise VaultLocked("locked")
    return box


def upgrade() -> None:
    op.create_table(
        "vault_secret",
        sa.Column("name", sa.String(length=64), primary_key=True),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
    )
    connection = op.get_bind()
    office_key = connection.execute(sa.text(
        "SELECT office_key FROM sync_state WHERE office_key IS NOT NULL")).scalar()
    if office_key is not None:
        connection.execute(sa.text("INSERT INTO vault_secret (name, sealed) VALUES (:n, :s)"),
                           {"n": OFFICE_KEY, "s": _box().seal(OFFICE_KEY, office_key)})
        wipe(office_key)
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.drop_column("office_key")


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch_op:
        batch_op.add_column(sa.Column("office_key", sa.LargeBinary(), nullable=True))
    connection = op.get_bind()
    sealed = connection.execute(sa.text(
        "SELECT sealed FROM vault_secret WHERE name = :n"), {"n": OFFICE_KEY}).scalar()
    if sealed is not None:
        office_key = _box().open(OFFICE_KEY, sealed)
        connection.execute(sa.text("UPDATE sync_state SET office_key = :k"),
                           {"k": bytes(office_key)})
        wipe(office_key)
    op.drop_table("vault_secret")

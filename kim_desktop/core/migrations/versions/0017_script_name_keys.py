"""Search keys of names in Cyrillic, Greek or Arabic letters (kim_desktop/core/names.py,
key_words): such a name had an empty key, so it was neither found nor asked about when entered
again. Every person's keys are computed again; those of Latin names stay as they were.

Revision ID: 0017_script_name_keys
Revises: 0016_sync_epoch
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kim_desktop.core.names import search_keys

revision: str = "0017_script_name_keys"
down_revision: str | Sequence[str] | None = "0016_sync_epoch"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, first_name, last_name, birth_name, search_key, phonetic_key FROM client"))
    changed = []
    for row in rows:
        keys = search_keys(row.first_name or "", row.last_name or "", row.birth_name or "")
        if keys != (row.search_key, row.phonetic_key):
            changed.append({"id": row.id, "search_key": keys[0], "phonetic_key": keys[1]})
    if changed:
        connection.execute(sa.text(
            "UPDATE client SET search_key = :search_key, phonetic_key = :phonetic_key "
            "WHERE id = :id"), changed)


def downgrade() -> None:
    """The keys stay: the older code reads them as it reads a Latin name's."""

"""Blobs are addressed by their manifest: the SHA-256 digests of their sealed chunks.

The blobs stored before could not be checked by the server: a device could upload any bytes
under another's blob id first and block it. They go, with their bytes taken off the offices'
storage; the devices of this version seal their chunks anew and upload them under the new ids
(docs/server.md, "Blobs").

Revision ID: 0013_blob_manifests
Revises: 0012_applied_digest
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_blob_manifests"
down_revision: str | None = "0012_applied_digest"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "UPDATE offices SET stored_bytes = stored_bytes - (SELECT coalesce(sum(length("
        "blob_chunks.ciphertext)), 0) FROM blob_chunks WHERE blob_chunks.office_id = offices.id)"
    )
    op.execute("DELETE FROM blob_chunks")
    op.execute("DELETE FROM blobs")
    with op.batch_alter_table("blobs") as batch:
        batch.add_column(sa.Column("manifest", sa.LargeBinary(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("blobs") as batch:
        batch.drop_column("manifest")

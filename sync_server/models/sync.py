"""The ciphertext records, the idempotency log of pushes, and the blobs of attachments."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from sync_server.db import Base, utcnow


class SyncRecord(Base):
    """The current version of one record of an office: ciphertext the server cannot read."""

    __tablename__ = "records"
    __table_args__ = (
        # Pull: records of an office after a cursor, in sequence order.
        Index("ux_records_office_seq", "office_id", "server_seq", unique=True),
        # Pruning of blobs: whether a record uses a blob. Partial, so records without one
        # (nearly all) cost the index nothing.
        Index("ix_records_blob", "office_id", "blob_id",
              sqlite_where=text("blob_id IS NOT NULL"),
              postgresql_where=text("blob_id IS NOT NULL")),
    )

    office_id: Mapped[str] = mapped_column(
        ForeignKey("offices.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(default=False)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    device_id: Mapped[str] = mapped_column(String(36))
    server_seq: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: The blob this version's content lies in (an attachment's), as its push named it; a
    #: tombstone keeps it, so the blob stays for the retention after the deletion.
    blob_id: Mapped[str | None] = mapped_column(String(64), default=None)


class AppliedOperation(Base):
    """A push operation the server applied, so a retried (device, seq) answers "duplicate"."""

    __tablename__ = "applied_ops"

    device_id: Mapped[str] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    server_seq: Mapped[int] = mapped_column(BigInteger)
    applied_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: SHA-256 of the operation as sent (``sync_server.services.sync.operation_digest``): a
    #: repeat is ``duplicate`` only with the same digest. None for rows of before 0012.
    digest: Mapped[bytes | None] = mapped_column(LargeBinary(32))


class Blob(Base):
    """An attachment's content as the office's devices sealed it, in chunks (ciphertext only).

    ``blob_id`` is the SHA-256 of ``manifest``, the SHA-256 digests of the sealed chunks one
    after another (``count`` of them); a chunk is stored only when it hashes to its digest. The
    blob is complete once it stores all ``count``."""

    __tablename__ = "blobs"

    office_id: Mapped[str] = mapped_column(
        ForeignKey("offices.id", ondelete="CASCADE"), primary_key=True
    )
    blob_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    manifest: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    #: When a device last announced it, sent a chunk of it or pushed a record naming it:
    #: a blob no record uses is pruned once this is older than the retention.
    last_used_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class BlobChunk(Base):
    """One sealed chunk of a blob."""

    __tablename__ = "blob_chunks"
    __table_args__ = (
        ForeignKeyConstraint(
            ["office_id", "blob_id"], ["blobs.office_id", "blobs.blob_id"], ondelete="CASCADE"
        ),
    )

    office_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    blob_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    index: Mapped[int] = mapped_column("chunk_index", Integer, primary_key=True)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)

"""The ciphertext records and the idempotency log of pushes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from sync_server.db import Base, utcnow


class SyncRecord(Base):
    """The current version of one record of an office: ciphertext the server cannot read."""

    __tablename__ = "records"
    __table_args__ = (
        # Pull: records of an office after a cursor, in sequence order.
        Index("ux_records_office_seq", "office_id", "server_seq", unique=True),
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

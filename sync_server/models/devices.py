"""Offices, their devices, one-time enrollment codes and the admin audit log."""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from sync_server.db import Base, utcnow


def new_id() -> str:
    return str(uuid.uuid4())


class Office(Base):
    """One case management office; all its devices share one office key and one sequence."""

    __tablename__ = "offices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: Check value of the office key, set once by the office's first device, then immutable
    #: (IT may reset it: ``kim-server office reset-key-check``).
    key_check: Mapped[str | None] = mapped_column(String(200))
    #: True when the check value is of the current form and never replaced: set by a device of
    #: a version with the key subkeys, or renewed from the old form (allowed once).
    key_check_renewed: Mapped[bool] = mapped_column(default=False, server_default=false())
    #: The office's pull sequence: last server_seq handed out. Pushes allocate from it under a
    #: row lock, so sequence order equals commit order within an office.
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    #: Bytes of ciphertext the office stores (records and blobs), against its quota; kept up
    #: to date by every push under the same row lock.
    stored_bytes: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class OfficeMunicipality(Base):
    """A municipality an office serves: its devices' facts and gaps may name only these."""

    __tablename__ = "office_municipalities"

    office_id: Mapped[str] = mapped_column(
        ForeignKey("offices.id", ondelete="CASCADE"), primary_key=True
    )
    #: A code of the municipalities catalog.
    municipality: Mapped[str] = mapped_column(String(64), primary_key=True)


class Device(Base):
    __tablename__ = "devices"
    __table_args__ = (
        # Device list per office (CLI) and the reports' per-office views.
        Index("ix_devices_office", "office_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    office_id: Mapped[str] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    app_version: Mapped[str] = mapped_column(String(40))
    #: sha256 hex of the bearer token; the token itself is never stored.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]
    wipe_ordered: Mapped[bool] = mapped_column(default=False)
    #: When the wipe was ordered; when the device said it begins (before it deletes its
    #: token); when it said it is done (after deleting its data). See docs/server.md.
    wipe_ordered_at: Mapped[dt.datetime | None]
    wipe_started_at: Mapped[dt.datetime | None]
    wiped_at: Mapped[dt.datetime | None]
    #: The highest push sequence number of this device whose ``applied_ops`` row was pruned
    #: (``sync_server.services.sync.prune_applied``); 0 while none was.
    pruned_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    #: The sync epoch the device's vault last showed (``DeviceEpoch``); None for a device of
    #: a version before epochs. When it began (a restore, or the vault in a new place), and
    #: when a copy of the vault was found using this identity.
    epoch: Mapped[str | None] = mapped_column(String(32))
    epoch_started_at: Mapped[dt.datetime | None]
    copy_detected_at: Mapped[dt.datetime | None]


class EpochState(StrEnum):
    CURRENT = "current"
    #: Superseded by a later epoch (the vault was restored or moved).
    PAST = "past"
    #: Began after an epoch that came back: a copy, told to enroll anew.
    COPY = "copy"


class DeviceEpoch(Base):
    """An epoch a device's vault showed: one per restore or new place, numbered in order.

    Kept for the last :data:`sync_server.services.epochs.KEPT_EPOCHS` epochs of a device."""

    __tablename__ = "device_epochs"

    device_id: Mapped[str] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    epoch: Mapped[str] = mapped_column(String(32), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(8))
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class EnrollmentCode(Base):
    """A one-time code that lets one new device join an office."""

    __tablename__ = "enrollment_codes"
    __table_args__ = (Index("ix_enrollment_codes_office", "office_id"),)

    #: sha256 hex of the normalised code.
    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    office_id: Mapped[str] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
    used_by_device_id: Mapped[str | None] = mapped_column(String(36))


class AuditEntry(Base):
    """One admin action (office added, code issued, device revoked, user added, ...)."""

    __tablename__ = "admin_audit"
    __table_args__ = (Index("ix_admin_audit_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: Who acted: e.g. ``cli:<os user>`` or ``user:<name>``.
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(64))
    office_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

"""Attachments, structural gaps and the audit log."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from kim_desktop.core.db import Base, SyncedRecord
from kim_desktop.core.fields import Choice, Kind, field


class Attachment(SyncedRecord, Base):
    """A document kept inside the encrypted database. ``content`` is loaded only on access.
    It does not travel in the record's sync payload but as a blob of its own (``blob_id``,
    set by the sync); a pulled attachment has no content until its blob has arrived."""

    __tablename__ = "attachment"
    __table_args__ = (Index("ix_attachment_client", "client_id"),)

    client_id: Mapped[str] = mapped_column(String(36), info=field("Person", Kind.RECORD))
    case_id: Mapped[str | None] = mapped_column(
        String(36), default=None, info=field("Fall", Kind.RECORD))
    filename: Mapped[str] = mapped_column(String(255), info=field("Dateiname", required=True))
    media_type: Mapped[str] = mapped_column(String(100), info=field("Dateityp"))
    size: Mapped[int] = mapped_column(Integer, info=field("Größe (Bytes)", Kind.NUMBER))
    sha256: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(
        Text, default="", info=field("Beschreibung", Kind.TEXT, limit=2000))
    content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, default=None))
    blob_id: Mapped[str | None] = mapped_column(String(64), default=None)


class StructuralGap(SyncedRecord, Base):
    """A structural gap (strukturelle Fehlstelle) seen in single cases. Only the anonymised
    ``description`` leaves the office, and only once released (``released_at``)."""

    __tablename__ = "structural_gap"

    category_code: Mapped[str] = mapped_column(
        String(40), info=field("Kategorie", Kind.CATALOG, catalog="structural_gap_categories",
                               required=True))
    field_of_action_code: Mapped[str] = mapped_column(
        String(40), info=field("Handlungsfeld", Kind.CATALOG, catalog="fields_of_action",
                               required=True))
    municipality_code: Mapped[str] = mapped_column(
        String(40), info=field("Kommune", Kind.CATALOG, catalog="municipalities",
                               required=True))
    observed_on: Mapped[dt.date] = mapped_column(
        Date, info=field("Beobachtet am", Kind.DATE, required=True, past=True))
    description: Mapped[str] = mapped_column(
        Text, info=field("Beschreibung (anonym)", Kind.TEXT, limit=4000, required=True))
    case_ids: Mapped[list[str]] = mapped_column(
        JSON, default=list, info=field("Verknüpfte Fälle", Kind.RECORD))
    released_at: Mapped[dt.datetime | None] = mapped_column(
        default=None, info=field("Freigegeben am", Kind.MOMENT))
    released_by: Mapped[str | None] = mapped_column(
        String(100), default=None, info=field("Freigegeben von"))


class AuditEvent(SyncedRecord, Base):
    """Who did what to which record, and when: append-only, never updated or deleted.

    It syncs (as an encrypted payload like every record) because the office, not the laptop,
    is the controller: it must answer who viewed, changed or exported a person's data across
    all its machines (Art. 5(2) and 15 GDPR), and a lost or wiped laptop must not take that
    trail with it. It names records by kind and id and users by name, never a client's
    personal data, so it survives the client's erasure.
    """

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_record", "record_kind", "record_id"),)

    at: Mapped[dt.datetime] = mapped_column()
    user: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    record_kind: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36))
    #: Codes or counts only (e.g. the export format), never personal data.
    detail: Mapped[str] = mapped_column(String(200), default="")


class ErasureRequestState(Choice):
    OPEN = "open", "offen"
    DECLINED = "declined", "abgelehnt"


class ErasureRequest(SyncedRecord, Base):
    """A case manager's request that the office admin erase a person (Art. 17 GDPR), with
    its reason. It waits on the admin's start page until the admin approves it (the person is
    erased, and this request with them: its reason may name them) or declines it with a
    reason of their own, which the person's file then shows. It syncs, because the admin
    may work on another machine of the office."""

    __tablename__ = "erasure_request"
    # the admin's start page reads the open requests; a person's file reads theirs
    __table_args__ = (Index("ix_erasure_request_state", "state", "client_id"),)

    client_id: Mapped[str] = mapped_column(String(36), info=field("Person", Kind.RECORD))
    reason: Mapped[str] = mapped_column(
        Text, default="", info=field("Grund der Löschung", Kind.TEXT, limit=2000, required=True))
    #: ``open``, then ``declined`` (granted requests are erased with the person)
    state: Mapped[str] = mapped_column(
        String(16), default=ErasureRequestState.OPEN,
        info=field("Stand", Kind.CHOICE, choices=ErasureRequestState, required=True))
    decided_by: Mapped[str] = mapped_column(
        String(100), default="", info=field("Entschieden von"))
    decided_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Entschieden am", Kind.DATE))
    decline_reason: Mapped[str] = mapped_column(
        Text, default="",
        info=field("Grund der Ablehnung", Kind.TEXT, limit=2000, required=True))

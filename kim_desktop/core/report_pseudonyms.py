"""The records behind report pseudonyms (see docs/reporting.md, "Pseudonyms and erasure").

* :class:`ReportSecret`: the office's report secret, a random 256-bit key. It syncs like any
  record (end-to-end encrypted), so every device of the office derives the same keys.
* :class:`ReportPseudonym`: one random 256-bit salt per case. A fact's key is
  ``HMAC-SHA256(secret, salt)``; neither the case's id nor anything else recorded about the
  person goes into it. Erasing the client blanks the salt and tombstones the record, so the
  key can never be computed again, from anything.
* :class:`ReportUpload`: local only (never synced). What this device last uploaded per fact,
  so each sync sends only changed facts and can withdraw facts that no longer exist.

Two devices may each create a secret or a salt before they have synced; then several
records exist and the one with the smallest id wins on every device (no sync conflict). The
facts uploaded under the losing key are withdrawn by the device that sent them.
"""

from __future__ import annotations

from sqlalchemy import Index, String, false
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord


class ReportSecret(SyncedRecord, Base):
    __tablename__ = "report_secret"

    #: 64 hex digits; blank only on a tombstone.
    secret: Mapped[str] = mapped_column(String(64), default="")


class ReportPseudonym(SyncedRecord, Base):
    __tablename__ = "report_pseudonym"
    __table_args__ = (Index("ix_report_pseudonym_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(String(36))
    #: 64 hex digits; blanked when the client is erased.
    salt: Mapped[str] = mapped_column(String(64), default="")


class ReportUpload(Base):
    """One fact or gap as this device last sent it (local bookkeeping, not synced)."""

    __tablename__ = "report_upload"
    __table_args__ = (Index("ix_report_upload_case", "case_id"),)

    #: "fact|<key>|<kind>|<month>" or "gap|<key>".
    upload_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    #: The case (or gap) it belongs to; the rows of an erased client's cases are deleted.
    case_id: Mapped[str | None] = mapped_column(String(36), default=None)
    #: SHA-256 of the sent JSON; empty once withdrawn.
    digest: Mapped[str] = mapped_column(String(64))
    #: The server refused it in this state (sent again once it changes).
    refused: Mapped[bool] = mapped_column(default=False, server_default=false())

"""The sync client's own tables, inside the encrypted vault database.

They are not synced records: they describe this device's view of the server.

* ``sync_state``: one row; the enrollment (server, office, device), the device token, the
  office key's check value, the pull cursor, the next push sequence number and the sync
  epoch. The office key itself is a stored secret of the vault (:func:`load_office_key`),
  sealed once more under a subkey of the data key, so no page SQLite caches holds it in the
  clear.
* ``sync_base``: per record, the server version this device last saw and a shadow copy of that
  version's payload, the common ancestor of three-way merges.
* ``sync_inflight``: sealed operations with their sequence number, persisted before they are
  sent, so a retry after any failure resends the very same operation.
* ``sync_conflict``: fields both sides changed, kept for the user to decide.
* ``sync_rejected``: operations the server refused, put aside visibly.
* ``sync_parked``: pulled records whose parent record has not arrived yet.
* ``sync_quarantine``: pulled record versions that did not open, parse or apply, kept to be
  tried again on later syncs.
* ``sync_blob_sent``: blobs the server has complete, so attachments naming them may be pushed.
* ``sync_blob_chunk``: the opened chunks of blobs being downloaded, until all have arrived.
* ``sync_blob_failure``: blobs that did not arrive, with the reason, until they do.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from kim_desktop.core import stored_secrets
from kim_desktop.core.db import Base, new_id, utcnow
from kim_desktop.core.provisioning import ServerTrust

STATE_ID = 1


class SyncState(Base):
    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=STATE_ID)
    server_url: Mapped[str] = mapped_column(String(500))
    #: The TLS trust from provisioning, kept here rather than as a path to a file outside the
    #: vault: the CA certificates (PEM) to verify the server against, or the SHA-256 (hex) of
    #: the server key's SubjectPublicKeyInfo. Neither: the system's trusted roots.
    ca_pem: Mapped[str | None] = mapped_column(Text, default=None)
    pin_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    office_id: Mapped[str] = mapped_column(String(64))
    office_name: Mapped[str] = mapped_column(String(200), default="")
    municipality: Mapped[str] = mapped_column(String(100), default="")
    device_id: Mapped[str] = mapped_column(String(64))
    device_name: Mapped[str] = mapped_column(String(100), default="")
    device_token: Mapped[str] = mapped_column(String(500))
    key_check: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    #: True from creating the office key until the server has its check value.
    key_check_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    pull_cursor: Mapped[int] = mapped_column(Integer, default=0)
    next_seq: Mapped[int] = mapped_column(Integer, default=1)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(String(500), default=None)
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Set when the server revoked this device; the German reason for the user.
    revoked: Mapped[str | None] = mapped_column(String(500), default=None)
    #: The first sync from then on sends the report facts (UTC; None: the next sync). Drawn
    #: anew each day (kim_desktop/sync/report_facts.py, ``next_report_time``).
    reports_due_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    #: The sync epoch this vault shows the server, and the place (machine, file, restore) it
    #: began in; a vault in another place begins a new one (kim_desktop/sync/epoch.py).
    epoch: Mapped[str | None] = mapped_column(String(32), default=None)
    epoch_place: Mapped[str | None] = mapped_column(String(64), default=None)
    #: Set when a new epoch began: this vault's first number in it. The server may have
    #: applied numbers from here on from the vault's other life; before the next push the
    #: client asks it (``GET /v1/acknowledged``) and clears this.
    epoch_from_seq: Mapped[int | None] = mapped_column(Integer, default=None)

    def trust(self) -> ServerTrust | None:
        """How this device trusts the server's certificate (None: the system's roots)."""
        if self.pin_sha256:
            return ServerTrust("pin", None, self.pin_sha256)
        if self.ca_pem:
            return ServerTrust("trust", self.ca_pem, None)
        return None


class SyncBase(Base):
    __tablename__ = "sync_base"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    #: JSON of the payload's fields this version does not know (a newer version's), merged
    #: into the payload when this device sends the record; None when there are none.
    extra: Mapped[str | None] = mapped_column(Text, default=None)


class SyncInflight(Base):
    __tablename__ = "sync_inflight"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), unique=True)
    base_version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)
    payload: Mapped[str] = mapped_column(Text)


class SyncConflict(Base):
    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), unique=True)
    #: JSON list of the fields both sides changed differently.
    fields: Mapped[str] = mapped_column(Text)
    local_payload: Mapped[str] = mapped_column(Text)
    remote_payload: Mapped[str] = mapped_column(Text)
    base_payload: Mapped[str] = mapped_column(Text)
    remote_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncRejected(Base):
    __tablename__ = "sync_rejected"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    base_version: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500))
    payload: Mapped[str] = mapped_column(Text)
    rejected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SyncParked(Base):
    __tablename__ = "sync_parked"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)


class SyncQuarantine(Base):
    """A pulled record version that did not open under the office key or did not parse, or
    that opened but could not be applied.

    The sync moves on past it; each later sync tries it again, and a newer version that
    applies replaces it. A version that did not open keeps its ciphertext only; one that
    opened keeps its payload (in this encrypted database, as ``sync_parked`` does) and no
    ciphertext.
    """

    __tablename__ = "sync_quarantine"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    #: As it came over the wire (URL-safe base64 of nonce, ciphertext and tag).
    ciphertext: Mapped[str] = mapped_column(Text)
    #: Why it was put aside: "decrypt" (does not open), "format" (unknown encoding), "parse"
    #: (does not fit the columns), or, for a version that opened, "kind" (unknown kind),
    #: "missing" (a required field missing) or "constraint" (a value the database refused).
    reason: Mapped[str] = mapped_column(String(20))
    first_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    #: The payload's JSON of a version that opened but could not be applied; None otherwise.
    payload: Mapped[str | None] = mapped_column(Text, default=None)


class SyncBlobSent(Base):
    """A blob the server confirmed complete: attachments naming it may be pushed."""

    __tablename__ = "sync_blob_sent"

    blob_id: Mapped[str] = mapped_column(String(64), primary_key=True)


class SyncBlobChunk(Base):
    """One opened chunk of a blob being downloaded; a cut download goes on from these."""

    __tablename__ = "sync_blob_chunk"

    blob_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    index: Mapped[int] = mapped_column("chunk_index", Integer, primary_key=True,
                                       autoincrement=False)
    content: Mapped[bytes] = mapped_column(LargeBinary)


#: Why a blob did not arrive (``sync_blob_failure.reason``).
BLOB_MISSING, BLOB_DAMAGED, BLOB_MISMATCH = "missing", "damaged", "mismatch"


class SyncBlobFailure(Base):
    """A blob pulled attachments wait for that did not arrive at the last try: the server
    does not have it complete (``missing``), its copy does not open (``damaged``), or it is
    not the file its record describes (``mismatch``). Every sync tries again."""

    __tablename__ = "sync_blob_failure"

    blob_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    reason: Mapped[str] = mapped_column(String(20))
    failed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


SYNC_TABLES = [
    SyncState.__table__, SyncBase.__table__, SyncInflight.__table__, SyncConflict.__table__,
    SyncRejected.__table__, SyncParked.__table__, SyncQuarantine.__table__,
    SyncBlobSent.__table__, SyncBlobChunk.__table__, SyncBlobFailure.__table__,
]


def load_state(session: Session) -> SyncState | None:
    return session.get(SyncState, STATE_ID)


#: The office key's name among the vault's stored secrets. It is missing until the office
#: recovery key was entered (a joining device) or created (the first).
OFFICE_KEY = "office_key"


def load_office_key(session: Session) -> bytearray | None:
    """The office key, until the vault locks (then its bytes are zeros), or None."""
    return stored_secrets.load(session, OFFICE_KEY)


def has_office_key(session: Session) -> bool:
    return stored_secrets.exists(session, OFFICE_KEY)


def store_office_key(session: Session, office_key: bytes | bytearray | None) -> None:
    """Keep ``office_key`` (None: destroy it) in the session's transaction."""
    stored_secrets.store(session, OFFICE_KEY, office_key)

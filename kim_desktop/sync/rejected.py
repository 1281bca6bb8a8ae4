"""Changes the server refused: said in words, sent again, or discarded.

A refused change stays in ``sync_rejected`` with the server's reason and the payload that was
sent; the local record keeps its content. Sending it again puts the record back in the outbox,
so the next sync seals its current content under a fresh sequence number. Discarding it gives
up this computer's change: the record returns to the office's version (the shadow base), or,
when the server never had it, is removed here. A discard is written to the audit log, which
travels to the office like every record.
"""

from __future__ import annotations

import json

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS, utcnow
from kim_desktop.core.models import AuditEvent
from kim_desktop.core.outbox import OutboxEntry, queue_again
from kim_desktop.core.services._base import current_user, with_id
from kim_desktop.sync import messages
from kim_desktop.sync.http import DEVICE_COPIED, SyncError
from kim_desktop.sync.payloads import values_of
from kim_desktop.sync.state import SyncBase, SyncInflight, SyncRejected

#: The audit action of a discarded refused change.
DISCARD_ACTION = "sync_discard"

#: The server's reason codes (the text before the first colon), in words.
_REASONS = {
    "too_large": messages.REJECTED_TOO_LARGE,
    "body_too_large": messages.REJECTED_TOO_LARGE,
    "compression_ratio": messages.REJECTED_TOO_LARGE,
    "invalid_request": messages.REJECTED_INVALID,
    "invalid_value": messages.REJECTED_INVALID,
    "bad_ciphertext": messages.REJECTED_DAMAGED,
    "seq_reused": messages.REJECTED_NUMBER,
    "blob_too_large": messages.REJECTED_BLOB_TOO_LARGE,
    "chunk_too_large": messages.REJECTED_BLOB_TOO_LARGE,
    DEVICE_COPIED: messages.REJECTED_COPIED,
}


class RejectedError(SyncError):
    """A refused change that cannot be sent again or discarded (German message)."""


def reason_in_words(reason: str) -> str:
    """The German sentence for a stored reason (``code: server's text``)."""
    code, _, detail = reason.partition(":")
    template = _REASONS.get(code.strip())
    if template is not None:
        return template
    return messages.REJECTED_OTHER.format(detail=(detail or reason).strip())


def _row(session: Session, rejected_id: int) -> SyncRejected:
    row = session.get(SyncRejected, rejected_id)
    if row is None:
        raise RejectedError(messages.REJECTED_GONE)
    return row


def send_again(session: Session, *, rejected_id: int) -> None:
    """Puts the refused change's record back in the outbox; the next sync sends its current
    content under a fresh sequence number. Commits."""
    row = _row(session, rejected_id)
    model = RECORD_KINDS.get(row.kind)
    record = session.get(model, row.record_id) if model is not None else None
    session.delete(row)
    if record is not None:
        queue_again(session, kind=row.kind, record_id=row.record_id, version=record.version)
    session.commit()


def discard(session: Session, *, rejected_id: int) -> None:
    """Gives up this computer's refused change: the record returns to the office's version,
    or is removed here when the server never had it; every refused change of the record goes,
    and the audit log says so. Commits."""
    row = _row(session, rejected_id)
    kind, record_id, code = row.kind, row.record_id, row.reason.partition(":")[0].strip()
    if session.scalar(select(SyncInflight.seq).where(SyncInflight.record_id == record_id)):
        raise RejectedError(messages.REJECTED_BUSY)
    model = RECORD_KINDS.get(kind)
    base = session.get(SyncBase, record_id)
    session.info["applying_remote"] = True
    try:
        if model is not None:
            table = model.__table__  # type: ignore[attr-defined]
            if base is None:
                session.execute(delete(table).where(table.c.id == record_id))
            else:
                values = values_of(kind, json.loads(base.payload))
                values["version"] = base.version
                session.execute(update(table).where(table.c.id == record_id).values(values))
        session.execute(delete(OutboxEntry).where(OutboxEntry.record_id == record_id))
        session.execute(delete(SyncRejected).where(SyncRejected.record_id == record_id))
        session.flush()
    finally:
        session.info["applying_remote"] = False
    event = AuditEvent(at=utcnow(), user=current_user(session), action=DISCARD_ACTION,
                       record_kind=kind, record_id=record_id, detail=code)
    with_id(event)
    session.add(event)
    session.commit()

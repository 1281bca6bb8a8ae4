"""What the desktop program shows about the sync: last sync, pending, rejected, conflicts,
pulled records that did not open, and attachments whose content is still on its way.

The status is read at every start and after every change, so this module stays light: it
imports neither the wire models (pydantic) nor the HTTP client.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kim_desktop.core.models import Attachment
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.report_pseudonyms import ReportUpload
from kim_desktop.sync import messages
from kim_desktop.sync.state import (
    BLOB_DAMAGED,
    BLOB_MISMATCH,
    BLOB_MISSING,
    SyncBlobFailure,
    SyncConflict,
    SyncInflight,
    SyncQuarantine,
    SyncRejected,
    has_office_key,
    load_state,
)

#: A blob's failure (``sync_blob_failure.reason``) in words.
BLOB_FAILURES = {
    BLOB_MISSING: messages.BLOB_MISSING,
    BLOB_DAMAGED: messages.BLOB_DAMAGED,
    BLOB_MISMATCH: messages.BLOB_MISMATCH,
}


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    last_sync: dt.datetime | None
    #: Records with local changes not yet acknowledged by the server.
    pending: int
    rejected: int
    conflicts: int
    #: Pulled record versions put aside because they do not open or parse; retried each sync.
    quarantined: int
    online: bool
    #: German message of the last failure, None after a successful sync.
    last_error: str | None
    #: German reason when the device was revoked; it no longer syncs.
    revoked: str | None
    #: Report facts and gaps the server refused (an unknown code, a foreign municipality).
    reports_refused: int = 0
    #: Pulled attachments whose content (their blob) has not arrived yet.
    loading: int = 0
    #: Of those, the ones whose blob did not arrive at the last try (a reason is kept:
    #: :func:`blob_failures`); every sync tries again.
    not_arriving: int = 0
    #: Records with a change of this device's own that waits for an update of the program: the
    #: server holds a newer version of them that this version put aside (it does not open or
    #: apply here), and the change is merged with it once it does. Nothing of it is lost.
    waiting_for_update: int = 0


@dataclass(frozen=True)
class RejectedChange:
    id: int
    kind: str
    record_id: str
    reason: str
    rejected_at: dt.datetime
    payload: dict[str, Any]


def sync_status(session: Session) -> SyncStatus:
    state = load_state(session)
    return SyncStatus(
        enrolled=state is not None and has_office_key(session),
        last_sync=state.last_sync_at if state else None,
        pending=pending_count(session),
        rejected=int(session.scalar(select(func.count()).select_from(SyncRejected)) or 0),
        conflicts=int(session.scalar(select(func.count()).select_from(SyncConflict)) or 0),
        quarantined=int(session.scalar(select(func.count()).select_from(SyncQuarantine)) or 0),
        online=bool(state and state.online),
        last_error=state.last_error if state else None,
        revoked=state.revoked if state else None,
        reports_refused=int(session.scalar(
            select(func.count()).select_from(ReportUpload).where(ReportUpload.refused.is_(True))
        ) or 0),
        loading=int(session.scalar(
            select(func.count()).select_from(Attachment)
            .where(Attachment.content.is_(None), Attachment.blob_id.is_not(None),
                   Attachment.deleted_at.is_(None))
        ) or 0),
        not_arriving=int(session.scalar(
            select(func.count()).select_from(Attachment)
            .join(SyncBlobFailure, SyncBlobFailure.blob_id == Attachment.blob_id)
            .where(Attachment.content.is_(None), Attachment.deleted_at.is_(None))
        ) or 0),
        waiting_for_update=int(session.scalar(
            select(func.count(func.distinct(OutboxEntry.record_id)))
            .where(OutboxEntry.record_id.in_(select(SyncQuarantine.record_id)))
        ) or 0),
    )


def blob_failures(session: Session, attachment_ids: Collection[str]) -> dict[str, str]:
    """Why the content of these pulled attachments did not arrive, in German words, for those
    whose blob failed at the last try."""
    rows = session.execute(
        select(Attachment.id, SyncBlobFailure.reason)
        .join(SyncBlobFailure, SyncBlobFailure.blob_id == Attachment.blob_id)
        .where(Attachment.id.in_(list(attachment_ids)), Attachment.content.is_(None))
    ).all()  # fmt: skip
    return {row.id: BLOB_FAILURES.get(row.reason, messages.BLOB_DAMAGED) for row in rows}


def pending_count(session: Session) -> int:
    """Records with local changes the server has not acknowledged yet."""
    outbox = session.scalar(select(func.count(func.distinct(OutboxEntry.record_id)))) or 0
    inflight = session.scalar(select(func.count()).select_from(SyncInflight)) or 0
    return int(outbox) + int(inflight)


def rejected_changes(session: Session) -> list[RejectedChange]:
    """Changes the server refused, oldest first, so the user can see and redo them."""
    return [
        RejectedChange(row.id, row.kind, row.record_id, row.reason, row.rejected_at,
                       json.loads(row.payload))
        for row in session.scalars(select(SyncRejected).order_by(SyncRejected.id))
    ]

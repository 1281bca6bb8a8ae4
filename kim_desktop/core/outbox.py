"""The transactional outbox: every local change, queued in the edit's own transaction.

A flush hook stamps each new or changed :class:`~kim_desktop.core.db.SyncedRecord` (time,
user, version) and writes one :class:`OutboxEntry` for it in the same transaction as the edit,
so the sync can never miss a change and a crash can never leave a change without its entry.
The sync client reads and empties the outbox; it never writes a record's stamps itself.

The hook reads two keys of ``Session.info``:

* ``"user"``: the name of the local user who makes the change (required for local edits);
* ``"applying_remote"``: set by the sync client while it applies pulled records; then the
  records keep the version and stamps they came with and no outbox entry is written.

Importing :mod:`kim_desktop.core.models` (which every session of a vault does) registers the
hook.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Integer, String, event, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kim_desktop.core.db import Base, SyncedRecord, new_id, utcnow


class OutboxEntry(Base):
    """One local change waiting to be pushed. Written in the edit's own transaction."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


_STAMP_COLUMNS = frozenset({"created_at", "created_by", "updated_at", "updated_by", "version"})


def _has_real_changes(session: Session, record: SyncedRecord) -> bool:
    """True when a non-stamp column really changed. Setting an expired attribute counts as a
    change, since its old value is unknown; sessions use ``expire_on_commit=False``."""
    state = inspect(record)
    for attr in state.mapper.column_attrs:
        if attr.key in _STAMP_COLUMNS:
            continue
        if state.attrs[attr.key].history.has_changes():
            return True
    return False


@event.listens_for(Session, "before_flush")
def _stamp_and_queue(session: Session, flush_context: Any, instances: Any) -> None:
    if session.info.get("applying_remote"):
        return
    user = session.info.get("user")
    changed: list[SyncedRecord] = []
    now = utcnow()
    for record in session.new:
        if isinstance(record, SyncedRecord):
            if user is None:
                raise RuntimeError("a local edit needs session.info['user']")
            record.created_at = record.updated_at = now
            record.created_by = record.updated_by = user
            record.version = 1
            changed.append(record)
    for record in session.dirty:
        if isinstance(record, SyncedRecord) and _has_real_changes(session, record):
            if user is None:
                raise RuntimeError("a local edit needs session.info['user']")
            record.updated_at = now
            record.updated_by = user
            record.version = (record.version or 0) + 1
            changed.append(record)
    for record in session.deleted:
        if isinstance(record, SyncedRecord):
            raise RuntimeError("synced records are never hard-deleted; set deleted_at instead")
    for record in changed:
        if record.id is None:
            record.id = new_id()
        # The table name, not ``record.kind``: a model may have a column called ``kind``.
        kind = type(record).__tablename__  # type: ignore[attr-defined]
        session.add(OutboxEntry(kind=kind, record_id=record.id, version=record.version))


def queue_again(session: Session, *, kind: str, record_id: str, version: int) -> None:
    """Put a record back in the outbox unless it already waits there: after the server refused
    its push as a conflict, or after a merge or a conflict decision changed it locally."""
    waiting = session.scalars(
        select(OutboxEntry.seq).where(OutboxEntry.record_id == record_id).limit(1)
    ).first()
    if waiting is None:
        session.add(OutboxEntry(kind=kind, record_id=record_id, version=version))

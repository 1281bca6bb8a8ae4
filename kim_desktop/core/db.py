"""The declarative base every desktop table builds on, and the transactional outbox.

Every synced record carries a UUID, created/updated time and user, a version counter and a
tombstone (``deleted_at``) instead of a hard delete. A flush hook stamps these and writes one
:class:`OutboxEntry` per changed record in the same transaction as the edit, so the sync can
never miss a change and a crash can never leave a change without its outbox entry.

The hook reads two keys of ``Session.info``:

* ``"user"``: the name of the local user who makes the change (required for local edits);
* ``"applying_remote"``: set by the sync client while it applies pulled records; then the
  records keep the version and stamps they came with and no outbox entry is written.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any, ClassVar

from sqlalchemy import DateTime, Integer, String, event, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.types import Date

from kim_desktop.core.timestamps import UTCDateTime
from kim_desktop.core.timestamps import utcnow as utcnow  # re-exported for the domain modules


def new_id() -> str:
    return str(uuid.uuid4())



class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime()}


#: Every synced record class by its kind (its table name), for the sync client.
RECORD_KINDS: dict[str, type[SyncedRecord]] = {}


class SyncedRecord:
    """Mixin for every record that syncs. Subclasses must also derive from :class:`Base`."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        tablename = cls.__dict__.get("__tablename__")
        if tablename:
            RECORD_KINDS[tablename] = cls

    @property
    def kind(self) -> str:
        return str(self.__tablename__)  # type: ignore[attr-defined]

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


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


def record_to_payload(record: SyncedRecord) -> dict[str, Any]:
    """All column values of a record as JSON-ready values (dates as ISO strings)."""
    payload: dict[str, Any] = {}
    for attr in inspect(type(record)).column_attrs:
        value = getattr(record, attr.key)
        if isinstance(value, dt.datetime | dt.date):
            value = value.isoformat()
        elif isinstance(value, enum.Enum):
            value = value.value
        payload[attr.key] = value
    return payload


def payload_to_values(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The reverse of :func:`record_to_payload`: typed values for the columns of ``kind``.

    Keys the local schema does not know (a newer peer's columns) are dropped.
    """
    mapper = inspect(RECORD_KINDS[kind])
    values: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        if attr.key not in payload:
            continue
        value = payload[attr.key]
        column_type = attr.columns[0].type
        if value is not None:
            if isinstance(column_type, UTCDateTime | DateTime):
                parsed = dt.datetime.fromisoformat(value)
                value = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
            elif isinstance(column_type, Date):
                value = dt.date.fromisoformat(value)
        values[attr.key] = value
    return values

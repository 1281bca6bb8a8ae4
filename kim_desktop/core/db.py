"""The declarative base every desktop table builds on, and the mixin of synced records.

Every synced record carries a UUID, created/updated time and user, a version counter and a
tombstone (``deleted_at``) instead of a hard delete. :mod:`kim_desktop.core.outbox` stamps
them and queues each change for the sync.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any, ClassVar

from sqlalchemy import Integer, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kim_protocol.timestamps import UTCDateTime
from kim_protocol.timestamps import utcnow as utcnow  # re-exported for the domain modules


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

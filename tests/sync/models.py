"""Small synced models of the sync tests only: a parent and a child with a real foreign key,
which the case-management models (plain id columns) do not exercise."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord


class SyncTestParent(SyncedRecord, Base):
    __tablename__ = "test_sync_parent"

    name: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    born_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    blob: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)


class SyncTestChild(SyncedRecord, Base):
    __tablename__ = "test_sync_child"

    parent_id: Mapped[str] = mapped_column(ForeignKey("test_sync_parent.id"))
    label: Mapped[str] = mapped_column(String(100), default="")

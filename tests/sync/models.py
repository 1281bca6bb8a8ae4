"""Small synced models of the sync tests only: a parent and a child with a real foreign key,
which the case-management models (plain id columns) do not exercise. They live on their own
metadata, so the desktop schema (and its migration check) never sees them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord


class TestBase(DeclarativeBase):
    type_annotation_map = Base.type_annotation_map


class SyncTestParent(SyncedRecord, TestBase):
    __tablename__ = "test_sync_parent"

    name: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    born_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    blob: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)


class SyncTestChild(SyncedRecord, TestBase):
    __tablename__ = "test_sync_child"

    parent_id: Mapped[str] = mapped_column(ForeignKey("test_sync_parent.id"))
    label: Mapped[str] = mapped_column(String(100), default="")

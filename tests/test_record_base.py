"""The synced-record base: stamps, versions and the transactional outbox."""

from __future__ import annotations

import pytest
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kim_desktop.core.db import RECORD_KINDS, Base, SyncedRecord, utcnow
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.sync.payloads import payload_of, values_of


class Widget(SyncedRecord, Base):
    __tablename__ = "test_widget"
    label: Mapped[str] = mapped_column(String(50))


@pytest.fixture
def session():
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[Widget.__table__, OutboxEntry.__table__])
    with Session(engine, info={"user": "anna"}, expire_on_commit=False) as session:
        yield session


def test_insert_stamps_and_queues_one_outbox_entry(session: Session) -> None:
    widget = Widget(label="a")
    session.add(widget)
    session.commit()
    assert (widget.version, widget.created_by, widget.updated_by) == (1, "anna", "anna")
    entries = session.scalars(select(OutboxEntry)).all()
    assert [(e.kind, e.record_id, e.version) for e in entries] == [("test_widget", widget.id, 1)]


def test_update_bumps_version_only_on_real_change(session: Session) -> None:
    widget = Widget(label="a")
    session.add(widget)
    session.commit()
    widget.label = "a"
    session.commit()
    assert widget.version == 1
    widget.label = "b"
    session.commit()
    assert widget.version == 2
    assert len(session.scalars(select(OutboxEntry)).all()) == 2


def test_hard_delete_is_refused_and_tombstone_is_a_change(session: Session) -> None:
    widget = Widget(label="a")
    session.add(widget)
    session.commit()
    session.delete(widget)
    with pytest.raises(RuntimeError):
        session.flush()
    session.rollback()
    widget.deleted_at = utcnow()
    session.commit()
    assert widget.is_deleted and widget.version == 2


def test_remote_apply_writes_no_outbox(session: Session) -> None:
    session.info["applying_remote"] = True
    session.add(Widget(label="x", version=7, created_by="bob", updated_by="bob"))
    session.commit()
    assert session.scalars(select(OutboxEntry)).all() == []
    assert session.scalars(select(Widget)).one().version == 7


def test_local_edit_without_user_is_refused() -> None:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine, tables=[Widget.__table__, OutboxEntry.__table__])
    with Session(engine) as session:
        session.add(Widget(label="a"))
        with pytest.raises(RuntimeError):
            session.flush()


def test_payload_round_trip(session: Session) -> None:
    widget = Widget(label="ü")
    session.add(widget)
    session.commit()
    payload = payload_of(widget)
    values = values_of("test_widget", {**payload, "unknown_future_column": 1})
    assert values["label"] == "ü"
    assert values["created_at"] == widget.created_at
    assert "unknown_future_column" not in values
    assert RECORD_KINDS["test_widget"] is Widget

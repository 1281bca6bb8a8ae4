"""Applying pulled records locally: parents after children, merges, conflicts, resolutions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.db import new_id, utcnow
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.sync.apply import Incoming, apply_incoming
from kim_desktop.sync.conflicts import ConflictError, list_conflicts, resolve_conflict
from kim_desktop.sync.payloads import payload_of
from kim_desktop.sync.state import SyncBase, SyncParked
from kim_protocol.payload import payload_json
from tests.sync.models import SyncTestChild, SyncTestParent

Factory = Callable[[str], Callable[[], Session]]


def _payload(**values: Any) -> dict[str, Any]:
    now = utcnow().isoformat()
    return {"created_at": now, "updated_at": now, "created_by": "bob", "updated_by": "bob",
            "deleted_at": None, **values}


def _apply(session: Session, records: list[Incoming]) -> Any:
    session.info["applying_remote"] = True
    outcome = apply_incoming(session, records)
    session.commit()
    session.info["applying_remote"] = False
    return outcome


def test_child_before_parent_in_one_page(local_db: Factory) -> None:
    parent_id, child_id = new_id(), new_id()
    with local_db("a")() as session:
        _apply(session, [
            Incoming("test_sync_child", child_id, 1,
                     _payload(id=child_id, parent_id=parent_id, label="k")),
            Incoming("test_sync_parent", parent_id, 1,
                     _payload(id=parent_id, name="Eltern", born_on="1980-02-03")),
        ])
        child = session.get(SyncTestChild, child_id)
        parent = session.get(SyncTestParent, parent_id)
        assert child is not None and parent is not None
        assert parent.born_on == dt.date(1980, 2, 3)
        assert session.scalars(select(OutboxEntry)).all() == []


def test_child_before_parent_across_pages_is_parked_then_applied(local_db: Factory) -> None:
    parent_id, child_id = new_id(), new_id()
    with local_db("a")() as session:
        outcome = _apply(session, [Incoming(
            "test_sync_child", child_id, 1, _payload(id=child_id, parent_id=parent_id)
        )])
        assert outcome.parked == 1
        assert session.get(SyncTestChild, child_id) is None
        assert session.get(SyncParked, child_id) is not None
        _apply(session, [Incoming("test_sync_parent", parent_id, 1,
                                  _payload(id=parent_id, name="P"))])
        assert session.get(SyncTestChild, child_id) is not None
        assert session.scalars(select(SyncParked)).all() == []
        assert session.get(SyncBase, child_id).version == 1  # type: ignore[union-attr]


def test_old_versions_are_skipped_and_binary_fields_survive(local_db: Factory) -> None:
    record_id = new_id()
    with local_db("a")() as session:
        _apply(session, [Incoming("test_sync_parent", record_id, 2,
                                  _payload(id=record_id, name="neu", blob="AAEC"))])
        _apply(session, [Incoming("test_sync_parent", record_id, 1,
                                  _payload(id=record_id, name="alt"))])
        row = session.get(SyncTestParent, record_id)
        assert row is not None and (row.name, row.version, row.blob) == ("neu", 2, b"\x00\x01\x02")


def _synced(session: Session, record: Any) -> Any:
    """``record`` saved, as if pushed and acknowledged at version 1: no outbox, a base."""
    session.add(record)
    session.commit()
    session.execute(OutboxEntry.__table__.delete())
    session.add(SyncBase(record_id=record.id, kind=record.kind, version=1,
                         payload=payload_json(payload_of(record))))
    session.commit()
    return record


def _local_edit_on_synced_base(session: Session) -> SyncTestParent:
    record: SyncTestParent = _synced(
        session, SyncTestParent(name="Alt", notes="n0", born_on=dt.date(1990, 1, 1)))
    return record


def test_pending_local_change_merges_non_overlapping_fields(local_db: Factory) -> None:
    with local_db("a")() as session:
        record = _local_edit_on_synced_base(session)
        remote = {**payload_of(record), "notes": "von B"}
        record.name = "Neu lokal"
        session.commit()
        outcome = _apply(session, [Incoming(record.kind, record.id, 2, remote)])
        session.refresh(record)
        assert (outcome.merged, outcome.conflicts) == (1, 0)
        assert (record.name, record.notes, record.version) == ("Neu lokal", "von B", 2)
        assert session.scalars(select(OutboxEntry.record_id)).all() == [record.id]
        assert session.get(SyncBase, record.id).version == 2  # type: ignore[union-attr]


def test_overlap_becomes_a_conflict_resolved_field_by_field(local_db: Factory) -> None:
    with local_db("a")() as session:
        record = _local_edit_on_synced_base(session)
        remote = {**payload_of(record), "name": "Name B", "notes": "Notiz B",
                  "born_on": "1991-01-01"}
        record.name, record.notes = "Name A", "Notiz A"
        session.commit()
        outcome = _apply(session, [Incoming(record.kind, record.id, 2, remote)])
        assert outcome.conflicts == 1
        session.refresh(record)
        assert (record.name, record.notes, record.born_on) == (
            "Name A", "Notiz A", dt.date(1991, 1, 1))
        [conflict] = list_conflicts(session)
        assert conflict.fields == ["name", "notes"]
        assert (conflict.local["name"], conflict.remote["name"], conflict.base["name"]) == (
            "Name A", "Name B", "Alt")
        with pytest.raises(ConflictError):
            resolve_conflict(session, conflict_id=conflict.id, choices={"name": "remote"})
        resolved = resolve_conflict(session, conflict_id=conflict.id,
                                    choices={"name": "remote", "notes": "Beides zusammen"})
        assert resolved.record_id == record.id
        session.refresh(record)
        assert (record.name, record.notes) == ("Name B", "Beides zusammen")
        assert list_conflicts(session) == []
        assert session.scalars(select(OutboxEntry.record_id)).first() == record.id
        with pytest.raises(ConflictError):
            resolve_conflict(session, conflict_id=conflict.id, choices={})


def test_a_name_conflict_offers_the_names_and_recomputes_the_search_keys(
    local_db: Factory,
) -> None:
    from kim_desktop.core.models import Client
    from kim_desktop.core.names import search_keys

    with local_db("a")() as session:
        first, last = "Olena", "Kovalenko"
        client = Client(first_name=first, last_name=last, municipality_code="rahden")
        client.search_key, client.phonetic_key = search_keys(first, last)
        _synced(session, client)
        remote_keys = search_keys(first, "Kowalenko")
        remote = {**payload_of(client), "last_name": "Kowalenko",
                  "search_key": remote_keys[0], "phonetic_key": remote_keys[1]}
        client.last_name = "Kovalenko-Schmidt"
        client.search_key, client.phonetic_key = search_keys(first, client.last_name)
        session.commit()
        assert _apply(session, [Incoming(client.kind, client.id, 2, remote)]).conflicts == 1
        [conflict] = list_conflicts(session)
        assert conflict.fields == ["last_name"]  # the keys follow the name chosen
        resolve_conflict(session, conflict_id=conflict.id, choices={"last_name": "remote"})
        session.refresh(client)
        assert client.last_name == "Kowalenko"
        assert (client.search_key, client.phonetic_key) == remote_keys


def test_an_audit_event_is_applied_once_and_never_rewritten_or_deleted(
    local_db: Factory,
) -> None:
    """Reproduced on main: a later version of an event (from any device: all hold the office
    key) rewrote who did what, and a tombstone removed it from the office's log."""
    from kim_desktop.core.models import AuditEvent

    with local_db("a")() as session:
        event = _synced(session, AuditEvent(at=utcnow(), user="demo", action="export",
                                            record_kind="office", record_id="office",
                                            detail="csv 28"))
        said = payload_of(event)
        forged = {**said, "user": "praktikant", "action": "view", "detail": ""}
        removed = {**said, "deleted_at": utcnow().isoformat()}
        for version, payload in ((2, forged), (3, removed)):
            outcome = _apply(session, [Incoming("audit_event", event.id, version, payload)])
            assert outcome.applied == 0
            assert [(item.version, reason) for item, reason in outcome.faults] == [
                (version, "append_only")]
        session.expire_all()
        row = session.get(AuditEvent, event.id)
        assert row is not None and row.deleted_at is None
        assert (row.user, row.action, row.detail) == ("demo", "export", "csv 28")
        # the same event again, unchanged, is no rewrite
        assert _apply(session, [Incoming("audit_event", event.id, 2, said)]).faults == []


def test_an_erasure_from_another_device_deletes_the_drafts_about_the_person(
    local_db: Factory,
) -> None:
    """Reproduced on main: a draft typed here about a person stayed in this vault after the
    person's erasure on another device arrived by sync."""
    from kim_desktop.core.drafts import Draft, save_draft
    from kim_desktop.core.models import Client

    with local_db("a")() as session:
        session.info["user"] = "anna"
        client = _synced(session, Client(first_name="Amal", last_name="Radan",
                                         municipality_code="rahden"))
        save_draft(session, draft_id=new_id(), form="follow_up",
                   subject={"client_id": client.id, "record_id": ""}, values=["GEHEIM"])
        now = utcnow().isoformat()
        erased = {**payload_of(client), "first_name": "", "last_name": "",
                  "deleted_at": now, "erased_at": now}
        _apply(session, [Incoming(client.kind, client.id, 2, erased)])
        assert session.scalars(select(Draft)).all() == []

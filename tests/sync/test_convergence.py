"""Two devices of one office converge through a real server; another office sees nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.models import Client, Consultation
from kim_desktop.core.services import ClientData, create_client
from kim_desktop.sync.client import SyncClient
from kim_desktop.sync.conflicts import list_conflicts, resolve_conflict
from kim_desktop.sync.state import load_state
from kim_desktop.sync.status import sync_status
from tests.sync.conftest import Office


def _clients(session: Session) -> dict[str, tuple[str, str, int]]:
    return {c.id: (c.first_name, c.last_name, c.version)
            for c in session.scalars(select(Client))}


def test_two_devices_converge_and_another_office_sees_nothing(office: Office) -> None:
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    with a_db() as session:
        client_id = create_client(session, data=ClientData(
            first_name="Testa", last_name="Beispiel", municipality_code="minden",
            birth_date=dt.date(1990, 5, 17))).ids[0]
        session.add(Consultation(
            client_id=client_id, held_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC),
            duration_minutes=30, mode_code="in_person", notes="Notiz"))
        session.commit()
        pending = sync_status(session).pending
    assert pending >= 2
    result = a.run()
    assert (result.pushed, result.offline) == (pending, False)
    assert b.run().pulled == pending
    with b_db() as session:
        assert _clients(session) == {client_id: ("Testa", "Beispiel", 1)}
        client = session.get(Client, client_id)
        assert client is not None
        client.first_name = "Testa-Maria"
        session.commit()
    assert b.run().pushed == 1
    assert a.run().pulled == 1
    with a_db() as session, b_db() as other:
        assert _clients(session) == _clients(other) == {client_id: ("Testa-Maria", "Beispiel", 2)}
        status = sync_status(session)
        assert (status.pending, status.conflicts, status.online, status.last_error) == (
            0, 0, True, None)
        assert status.last_sync is not None

    stranger_db, stranger = office.other_office().device("c")
    result = stranger.run()
    assert (result.pulled, result.offline) == (0, False)
    with stranger_db() as session:
        assert _clients(session) == {}


def _one_consultation_on_both(a_db: Callable[[], Session], a: SyncClient,
                              b: SyncClient) -> str:
    """A consultation made on device a and synced to b; its id."""
    with a_db() as session:
        record = Consultation(client_id="00000000-0000-4000-8000-000000000009",
                              held_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
                              duration_minutes=30, mode_code="phone", notes="Anfang")
        session.add(record)
        session.commit()
        record_id = record.id
    a.run()
    b.run()
    return record_id


def test_concurrent_edits_merge_and_conflicts_are_kept_then_resolved(office: Office) -> None:
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    record_id = _one_consultation_on_both(a_db, a, b)
    with a_db() as session:
        mine = session.get(Consultation, record_id)
        assert mine is not None
        mine.notes, mine.duration_minutes = "Notiz von A", 45
        session.commit()
    with b_db() as session:
        theirs = session.get(Consultation, record_id)
        assert theirs is not None
        theirs.notes, theirs.mode_code = "Notiz von B", "video"
        session.commit()
    assert a.run().pushed == 1
    result = b.run()
    assert (result.pushed, result.conflicts) == (0, 1)
    with b_db() as session:
        [conflict] = list_conflicts(session)
        assert conflict.fields == ["notes"]
        assert (conflict.local["notes"], conflict.remote["notes"]) == ("Notiz von B",
                                                                      "Notiz von A")
        merged = session.get(Consultation, record_id)
        assert merged is not None
        assert (merged.duration_minutes, merged.mode_code) == (45, "video")
        resolve_conflict(session, conflict_id=conflict.id,
                         choices={"notes": "Notiz von A und B"})
    assert b.run().pushed == 1
    a.run()
    with a_db() as session, b_db() as other:
        for side in (session, other):
            row = side.get(Consultation, record_id)
            assert row is not None
            assert (row.notes, row.duration_minutes, row.mode_code, row.version) == (
                "Notiz von A und B", 45, "video", 3)
        assert list_conflicts(other) == [] and sync_status(other).pending == 0


def test_a_push_conflict_waits_for_the_pull_while_later_groups_go_on(office: Office) -> None:
    """A record answered "conflict" goes back to the outbox; later groups of the same push
    must not pick it up again (it would conflict again and again), the pull merges it first."""
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    record_id = _one_consultation_on_both(a_db, a, b)
    for sessions, notes in ((a_db, "Notiz von A"), (b_db, "Notiz von B")):
        with sessions() as session:
            row = session.get(Consultation, record_id)
            assert row is not None
            row.notes = notes
            session.commit()
    assert a.run().pushed == 1
    with b_db() as session:
        session.add_all(Consultation(
            client_id="00000000-0000-4000-8000-000000000009",
            held_at=dt.datetime(2026, 2, day, tzinfo=dt.UTC), duration_minutes=30,
            mode_code="phone", notes=f"neu {day}") for day in range(2, 9))
        session.commit()
    b.batch_size, b.batches_per_transaction = 2, 1
    result = b.run()
    assert (result.pushed, result.conflicts, result.offline) == (7, 1, False)
    with b_db() as session:
        [conflict] = list_conflicts(session)
        assert conflict.record_id == record_id
        assert sync_status(session).pending == 1  # held back until the conflict is resolved
        state = load_state(session)
        assert state is not None
        assert state.next_seq == 1 + 8  # eight operations sealed: the conflict not twice

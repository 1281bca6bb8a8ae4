"""Changes the server refuses as a whole batch: found by splitting, put aside with the reason,
the others sent; listed, sent again or discarded (with an audit entry), never lost."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.models import AuditEvent, Consultation
from kim_desktop.sync import messages
from kim_desktop.sync.rejected import DISCARD_ACTION, discard, reason_in_words, send_again
from kim_desktop.sync.state import SyncRejected
from kim_desktop.sync.status import rejected_changes, sync_status
from tests.server.conftest import Admin, ServerProcess
from tests.sync.conftest import Office
from tests.sync.helpers import START, add_consultations, settled, snapshot


def _consultation(sessions: Callable[[], Session], *, record_id: str | None = None,
                  notes: str = "kurz") -> str:
    with sessions() as session:
        row = Consultation(client_id="00000000-0000-4000-8000-000000000001", held_at=START,
                           duration_minutes=30, mode_code="phone", notes=notes,
                           fields_of_action=["work"])
        if record_id is not None:
            row.id = record_id
        session.add(row)
        session.commit()
        return row.id


def test_a_refused_operation_is_put_aside_and_the_others_go(office: Office) -> None:
    """Reproduced on main: one operation the server found invalid (here a record id from an
    import that is not a lower-case UUID) refused the whole batch, every sync again: nothing
    else went out."""
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    a.batch_size = 16
    good = add_consultations(a_db, 30, random.Random(3))
    odd = _consultation(a_db, record_id="IMPORT-0815-AUS-ALTDATEN")
    good += add_consultations(a_db, 10, random.Random(4))
    result = a.run()
    assert (result.pushed, result.rejected) == (40, 1)
    with a_db() as session:
        status = sync_status(session)
        (change,) = rejected_changes(session)
    assert (status.pending, status.rejected, status.last_error) == (0, 1, None)
    assert change.record_id == odd and change.kind == "consultation"
    assert reason_in_words(change.reason) == messages.REJECTED_INVALID
    b.run()
    assert set(snapshot(b_db)) == set(good)

    # Discarding a change the server never had removes the record here, in the audit log.
    with a_db() as session:
        discard(session, rejected_id=change.id)
    with a_db() as session:
        assert session.get(Consultation, odd) is None
        assert rejected_changes(session) == []
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == DISCARD_ACTION)).one()
        assert (event.record_kind, event.record_id, event.detail, event.user) == (
            "consultation", odd, "invalid_request", "anna")
    assert a.run().pushed == 1  # the audit entry travels to the office
    b.run()
    assert snapshot(a_db) == snapshot(b_db)


def test_a_change_too_large_for_the_server_waits_aside_until_sent_again(
    server_db_url: str, local_db: Callable[[str], Callable[[], Session]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KIM_SERVER_MAX_REQUEST_BYTES", str(128 * 1024))
    server = ServerProcess(server_db_url)
    server.start()
    admin = Admin(server_db_url)
    try:
        office = Office(server, admin, admin.office(), local_db)
        (a_db, a), (b_db, b) = office.device("a"), office.device("b")
        synced = _consultation(a_db, notes="Stand des Büros")
        a.run()
        big_notes = secrets.token_hex(150_000)  # random: it does not compress
        big = _consultation(a_db, notes=big_notes)
        with a_db() as session:
            session.get(Consultation, synced).notes = secrets.token_hex(150_000)  # type: ignore[union-attr]
            session.commit()
        others = add_consultations(a_db, 20, random.Random(7))
        result = a.run()
        assert (result.pushed, result.rejected) == (20, 2)
        with a_db() as session:
            reasons = {c.record_id: reason_in_words(c.reason) for c in rejected_changes(session)}
        assert reasons == {big: messages.REJECTED_TOO_LARGE,
                           synced: messages.REJECTED_TOO_LARGE}
        b.run()
        assert set(snapshot(b_db)) == {synced, *others}
        assert snapshot(b_db)[synced]["notes"] == "Stand des Büros"

        # The rejected edit of a record the office has: discarding returns it to that version.
        with a_db() as session:
            row = session.scalars(select(SyncRejected).where(
                SyncRejected.record_id == synced)).one()
            discard(session, rejected_id=row.id)
        with a_db() as session:
            assert session.get(Consultation, synced).notes == "Stand des Büros"  # type: ignore[union-attr]

        # IT raises the limit; sent again, the big one arrives.
        server.stop()
        monkeypatch.setenv("KIM_SERVER_MAX_REQUEST_BYTES", str(16 * 1024 * 1024))
        server.start()
        with a_db() as session:
            (change,) = rejected_changes(session)
            send_again(session, rejected_id=change.id)
            assert sync_status(session).pending == 2  # the record and the discard's audit entry
        result = a.run()
        assert (result.pushed, result.rejected) == (2, 0)  # the record and the audit entry
        b.run()
        assert snapshot(b_db)[big]["notes"] == big_notes
        assert settled(a_db) and snapshot(a_db) == snapshot(b_db)
        with a_db() as session:
            assert rejected_changes(session) == []
    finally:
        server.stop()
        admin.engine.dispose()


def test_an_acknowledged_later_push_supersedes_a_refused_one(office: Office) -> None:
    a_db, a = office.device("a")
    record_id = _consultation(a_db)
    with a_db() as session:
        session.add(SyncRejected(seq=0, kind="consultation", record_id=record_id,
                                 base_version=0, reason="too_large: zu groß", payload="{}",
                                 rejected_at=dt.datetime.now(dt.UTC)))
        session.commit()
    assert a.run().pushed == 1
    with a_db() as session:
        assert rejected_changes(session) == []

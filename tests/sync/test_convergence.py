"""Two devices of one office converge through a real server; another office sees nothing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.models import Client, Consultation
from kim_desktop.core.services import ClientData, create_client
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

"""What the desktop program sees: offline as a normal state, rejected changes put aside,
revocation and the wipe order, and a device that is not enrolled."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from kim_desktop.sync.client import NotEnrolledError, SyncClient
from kim_desktop.sync.http import RevokedError
from kim_desktop.sync.state import SyncState, has_office_key, load_state
from kim_desktop.sync.status import rejected_changes, sync_status
from tests.sync.conftest import FAST_RETRY, Office
from tests.sync.helpers import add_consultations, snapshot


def test_no_network_is_a_state_not_an_error(office: Office) -> None:
    sessions, client = office.device("a")
    ids = add_consultations(sessions, 3, random.Random(1))
    office.server.stop()
    result = client.run()
    assert result.offline and result.pushed == 0
    with sessions() as session:
        status = sync_status(session)
    assert (status.online, status.pending) == (False, 3)
    assert status.last_error is not None and "Keine Verbindung" in status.last_error
    office.server.start()
    assert client.run().pushed == 3
    with sessions() as session:
        status = sync_status(session)
    assert (status.online, status.pending, status.last_error) == (True, 0, None)
    assert set(snapshot(sessions)) == set(ids)


def test_a_sequence_number_used_before_is_renumbered_not_put_aside(office: Office) -> None:
    """A vault that numbers its changes again from 1 (as a restored old backup does) loses
    none of them: the server answers ``seq_stale``, the device renumbers above what the
    server has, and both changes arrive."""
    sessions, client = office.device("a")
    other_sessions, other = office.device("b")
    add_consultations(sessions, 1, random.Random(2))
    client.run()
    with sessions() as session:
        session.execute(update(SyncState).values(next_seq=1))
        session.commit()
    reused, fresh = add_consultations(sessions, 2, random.Random(3))
    result = client.run()
    assert (result.rejected, result.pushed) == (0, 2)
    with sessions() as session:
        status = sync_status(session)
        assert rejected_changes(session) == []
        assert load_state(session).next_seq == 4  # type: ignore[union-attr]
    assert (status.rejected, status.pending) == (0, 0)
    other.run()
    assert {reused, fresh} <= set(snapshot(other_sessions))
    assert snapshot(other_sessions) == snapshot(sessions)


def test_revoked_device_stops_and_wipe_order_destroys_secrets(office: Office) -> None:
    sessions, client = office.device("a")
    wiped_sessions, _wiped = office.device("b")
    with sessions() as session:
        device_id = load_state(session).device_id  # type: ignore[union-attr]
    office.admin.revoke(device_id)
    with pytest.raises(RevokedError) as raised:
        client.run()
    assert "gesperrt" in str(raised.value) and not raised.value.wipe
    with sessions() as session:
        assert sync_status(session).revoked
    with pytest.raises(RevokedError):
        client.run()  # refused locally from now on

    events: list[str] = []
    with wiped_sessions() as session:
        office.admin.revoke(load_state(session).device_id, wipe=True)  # type: ignore[union-attr]
    doomed = SyncClient(wiped_sessions, retry=FAST_RETRY,
                        on_wipe=lambda message: events.append(f"told: {message}"),
                        destroy=lambda: events.append("destroyed"))
    with pytest.raises(RevokedError) as raised:
        doomed.run()
    assert raised.value.wipe
    assert [e.split(":")[0] for e in events] == ["told", "destroyed"]
    with wiped_sessions() as session:
        state = load_state(session)
        assert state is not None and not has_office_key(session) and state.device_token == ""


def test_not_enrolled_device_gets_a_clear_message(
    local_db: Callable[[str], Callable[[], Session]]
) -> None:
    with pytest.raises(NotEnrolledError, match="nicht für die Synchronisation angemeldet"):
        SyncClient(local_db("x")).run()

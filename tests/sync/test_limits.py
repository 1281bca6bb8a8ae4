"""The server's storage quota as a device meets it: nothing pending is lost, the pull goes on,
the status says why, and the changes go once IT made room."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from kim_desktop.sync import messages
from kim_desktop.sync.status import sync_status
from tests.server.conftest import Admin, ServerProcess
from tests.sync.conftest import Office
from tests.sync.helpers import add_consultations, settled, snapshot


def test_a_full_office_holds_changes_back_and_still_pulls(
    server_db_url: str, local_db: Callable[[str], Callable[[], Session]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(14)
    monkeypatch.setenv("KIM_SERVER_OFFICE_QUOTA_BYTES", str(16 * 1024))
    server = ServerProcess(server_db_url)
    server.start()
    admin = Admin(server_db_url)
    try:
        office = Office(server, admin, admin.office(), local_db)
        (a_db, a), (b_db, b) = office.device("a"), office.device("b")
        theirs = add_consultations(b_db, 5, rng)
        assert b.run().pushed == 5
        mine = add_consultations(a_db, 100, rng)
        result = a.run()
        assert result.held_back == messages.QUOTA_EXCEEDED
        assert result.pushed == 0 and result.pulled == 5
        with a_db() as session:
            status = sync_status(session)
        assert status.pending == 100 and status.last_error == messages.QUOTA_EXCEEDED
        assert set(snapshot(a_db)) == set(theirs) | set(mine)

        server.stop()
        monkeypatch.setenv("KIM_SERVER_OFFICE_QUOTA_BYTES", str(1024 * 1024))
        server.start()
        result = a.run()
        assert result.held_back is None and result.pushed == 100
        with a_db() as session:
            assert sync_status(session).last_error is None
        b.run()
        assert settled(a_db) and snapshot(a_db) == snapshot(b_db)
    finally:
        server.stop()
        admin.engine.dispose()

"""The server never sees a name: after a sync of demo data, no client's name, birth date or
note text is anywhere in the server's SQLite file or in a pg_dump of its PostgreSQL database."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.models import Client, Consultation
from tests.sync.conftest import Office
from tests.sync.helpers import snapshot


def _secrets(office_device: Office) -> tuple[list[bytes], dict[str, dict]]:
    sessions, client = office_device.device("a")
    with sessions() as session:
        generate_demo_data(session, clients=25, seed=5, consultations_per_client=3)
        people = session.scalars(select(Client)).all()
        notes = [c.notes for c in session.scalars(select(Consultation)) if len(c.notes) >= 16]
        needles = {value for person in people
                   for value in (person.first_name, person.last_name, person.birth_name)
                   if len(value) >= 6}
        needles |= {person.birth_date.isoformat() for person in people if person.birth_date}
        needles |= {note[:16] for note in notes}
    assert len(needles) > 40 and notes, "the demo data should give names, dates and notes"
    result = client.run()
    assert result.pushed > 100 and not result.offline
    return [needle.encode() for needle in needles], snapshot(sessions)


def _server_bytes(office: Office) -> bytes:
    url = make_url(office.server.db_url)
    if url.get_backend_name() == "sqlite":
        database = Path(str(url.database))
        return b"".join(path.read_bytes() for path in
                        (database, database.with_name(database.name + "-wal"))
                        if path.exists())
    dump = subprocess.run(
        ["pg_dump", "-h", url.host or "127.0.0.1", "-p", str(url.port or 5432),
         "-U", url.username or "postgres", "--no-owner", str(url.database)],
        capture_output=True, check=True, timeout=120,
    )
    return dump.stdout


@pytest.mark.slow
def test_server_holds_no_plaintext(office: Office) -> None:
    needles, state = _secrets(office)
    plaintext = json.dumps(state, ensure_ascii=False).encode()
    assert all(needle in plaintext for needle in needles), "the check must be able to fail"
    other_sessions, other = office.device("b")
    assert other.run().pulled == len(state)
    assert snapshot(other_sessions) == state
    raw = _server_bytes(office)
    assert len(raw) > 10_000
    leaked = [needle for needle in needles if needle in raw]
    assert leaked == []

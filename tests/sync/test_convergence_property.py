"""Hypothesis: several devices, random edits (overlapping ones too), random partial syncs.
After conflicts are resolved and everyone syncs, all devices hold identical records and no
created record is missing anywhere."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim_desktop.core.db import new_id, utcnow
from kim_desktop.core.models import Consultation
from kim_desktop.sync.client import Progress, SyncClient
from kim_desktop.sync.conflicts import list_conflicts, resolve_conflict
from tests.server.conftest import Admin, ServerProcess
from tests.sync.conftest import Office, local_engine, session_factory
from tests.sync.helpers import START, settled, snapshot

pytestmark = pytest.mark.slow

DEVICES = 3
FIELDS = {"notes": st.text(alphabet="abcdefg ", max_size=12),
          "duration_minutes": st.integers(5, 240),
          "mode_code": st.sampled_from(["in_person", "phone", "video"])}

create = st.tuples(st.just("create"), st.integers(0, DEVICES - 1))
edit = st.tuples(st.just("edit"), st.integers(0, DEVICES - 1), st.integers(0, 50),
                 st.sampled_from(sorted(FIELDS)).flatmap(
                     lambda field: st.tuples(st.just(field), FIELDS[field])))
delete = st.tuples(st.just("delete"), st.integers(0, DEVICES - 1), st.integers(0, 50))
sync = st.tuples(st.just("sync"), st.integers(0, DEVICES - 1), st.integers(0, 4))
actions = st.lists(st.one_of(create, edit, delete, sync), min_size=4, max_size=25)


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ServerProcess,
                                                                            Admin]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'server.db'}"
    server = ServerProcess(url)
    server.start()
    admin = Admin(url)
    yield server, admin
    server.stop()
    admin.engine.dispose()


_counter = itertools.count()


def _partial_run(client: SyncClient, steps: int) -> None:
    """A sync that stops after ``steps`` batches or pages (0: a full sync)."""
    cancel = threading.Event()
    seen = itertools.count(1)

    def progress(_progress: Progress) -> None:
        if steps and next(seen) >= steps:
            cancel.set()

    client.run(progress=progress, cancel=cancel)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plan=actions)
def test_devices_converge(shared_server: tuple[ServerProcess, Admin], tmp_path: Path,
                          plan: list[tuple[Any, ...]]) -> None:
    server, admin = shared_server
    run = next(_counter)
    office = Office(server, admin, admin.office(),
                    lambda name: session_factory(local_engine(tmp_path / f"{run}-{name}.db")))
    devices = [office.device(f"d{i}") for i in range(DEVICES)]
    for _sessions, client in devices:
        client.batch_size, client.page_size = 3, 2
    created: list[str] = []
    for action in plan:
        sessions, client = devices[action[1]]
        if action[0] == "create":
            with sessions() as session:
                record = Consultation(id=new_id(), client_id=new_id(), held_at=START,
                                      duration_minutes=30, mode_code="phone")
                session.add(record)
                session.commit()
                created.append(record.id)
        elif action[0] in ("edit", "delete") and created:
            with sessions() as session:
                record = session.get(Consultation, created[action[2] % len(created)])
                if record is None:
                    continue
                if action[0] == "delete":
                    record.deleted_at = record.deleted_at or utcnow()
                else:
                    field, value = action[3]
                    setattr(record, field, value)
                session.commit()
        elif action[0] == "sync":
            _partial_run(client, action[2])
    for _round in range(8):
        for sessions, client in devices:
            with sessions() as session:
                for conflict in list_conflicts(session):
                    resolve_conflict(session, conflict_id=conflict.id,
                                     choices={name: "local" for name in conflict.fields})
            client.run()
        if all(settled(s) for s, _ in devices) and not any(
            list_conflicts(s()) for s, _ in devices
        ):
            break
    for _sessions, client in devices:
        client.run()
    states = [snapshot(sessions) for sessions, _client in devices]
    assert states[0] == states[1] == states[2]
    assert set(states[0]) >= set(created)

"""Faults during a sync: none may lose or double an acknowledged change, and the cursor only
moves forward. The client is killed at random points, the server is killed mid-push, a
response is dropped after the server committed, and batches arrive twice or out of order."""

from __future__ import annotations

import multiprocessing
import random
import threading

import pytest

from kim_desktop.sync.client import SyncClient
from kim_desktop.sync.http import SyncHttp
from kim_desktop.sync.push import apply_results, prepare_batch, to_request
from kim_desktop.sync.state import load_office_key, load_state
from tests.sync.conftest import FAST_RETRY, Office, local_engine, session_factory
from tests.sync.helpers import (
    add_consultations,
    cursor,
    db_path,
    edit_notes,
    server_counts,
    settled,
    snapshot,
)
from tests.sync.proxy import DroppingProxy

pytestmark = pytest.mark.slow


def _sync_in_child(path: str) -> None:
    engine = local_engine(path)  # type: ignore[arg-type]
    SyncClient(session_factory(engine), retry=FAST_RETRY, batch_size=7, page_size=5).run()


def _converge(office: Office, *clients: SyncClient) -> None:
    for client in (*clients, *clients):
        result = client.run()
        assert not result.offline and not result.cancelled


def test_client_killed_at_random_points(office: Office) -> None:
    rng = random.Random(20261125)
    devices = {name: office.device(name) for name in ("a", "b")}
    own: dict[str, list[str]] = {name: [] for name in devices}
    last_cursor = {name: 0 for name in devices}
    fork = multiprocessing.get_context("fork")
    kills = runs = 0
    # Until 20 runs were killed mid-sync, whatever the machine's speed; the bound only keeps a
    # machine so fast that no kill lands from running forever.
    while (kills < 20 or runs < 40) and runs < 200:
        runs += 1
        name = rng.choice(sorted(devices))
        sessions, _client = devices[name]
        own[name] += add_consultations(sessions, rng.randrange(0, 12), rng)
        if own[name]:
            edit_notes(sessions, own[name], rng, rng.randrange(0, 5))
        child = fork.Process(target=_sync_in_child, args=(db_path(sessions),))
        child.start()
        child.join(rng.uniform(0.0, 0.35))
        if child.is_alive():
            child.kill()
            kills += 1
        child.join()
        now = cursor(sessions)
        assert now >= last_cursor[name], "the pull cursor moved backwards"
        last_cursor[name] = now
    assert kills >= 20, f"only {kills} of {runs} runs were killed mid-sync"
    (a_db, a), (b_db, b) = devices["a"], devices["b"]
    _converge(office, a, b)
    assert settled(a_db) and settled(b_db)
    mine = snapshot(a_db)
    assert mine == snapshot(b_db)
    assert set(mine) >= set(own["a"]) | set(own["b"])
    records, versions, ops = server_counts(office.admin, office.office_id)
    consultations = len(own["a"]) + len(own["b"])
    assert records == len(mine) >= consultations
    assert versions == ops


def test_server_killed_mid_push(office: Office) -> None:
    rng = random.Random(7)
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    ids = add_consultations(a_db, 1500, rng)
    killed = threading.Event()

    def kill_soon(progress: object) -> None:
        if not killed.is_set():
            killed.set()
            threading.Timer(rng.uniform(0.0, 0.05), office.server.kill).start()

    # 30 transactions of one batch each: the kill lands with most of them still to send, on a
    # machine of any speed.
    a.batch_size = 50
    a.batches_per_transaction = 1
    result = a.run(progress=kill_soon)
    assert result.offline and 0 < result.pushed < 1500
    with a_db() as session:
        state = load_state(session)
        assert state is not None and not state.online
    office.server.start()
    _converge(office, a, b)
    assert settled(a_db)
    assert snapshot(a_db) == snapshot(b_db)
    assert set(snapshot(b_db)) >= set(ids)
    records, versions, ops = server_counts(office.admin, office.office_id)
    assert (records, versions, ops) == (len(snapshot(a_db)),) * 3


def test_response_dropped_after_the_server_committed(office: Office) -> None:
    rng = random.Random(11)
    proxy = DroppingProxy(office.server.port)
    try:
        a_db, a = office.device("a", url=proxy.url)
        b_db, b = office.device("b")
        ids = add_consultations(a_db, 600, rng)
        a.batch_size = 100
        proxy.drop_responses(path=b"/v1/push", count=3)
        result = a.run()
        assert proxy.dropped == 3
        assert (result.pushed, result.offline) == (600, False)
        b.run()
        assert snapshot(a_db) == snapshot(b_db)
        assert set(snapshot(b_db)) >= set(ids)
        records, versions, ops = server_counts(office.admin, office.office_id)
        assert (records, versions, ops) == (len(ids),) * 3
    finally:
        proxy.close()


def test_batches_duplicated_and_reordered(office: Office) -> None:
    rng = random.Random(3)
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    ids = add_consultations(a_db, 40, rng)
    with a_db() as session:
        office_key = load_office_key(session)
        assert office_key is not None
        batch = prepare_batch(session, office_key, limit=40)
        state = load_state(session)
        assert state is not None
    http = SyncHttp(state.server_url, token=state.device_token)
    try:
        first, second = batch[:20], batch[20:]
        for part in (second, first, second, first):
            statuses = {r.status.value for r in http.push(to_request(part)).results}
            assert statuses <= {"applied", "duplicate"}
        response = http.push(to_request(batch))
    finally:
        http.close()
    assert {r.status.value for r in response.results} == {"duplicate"}
    with a_db() as session:
        assert apply_results(session, batch, response).acknowledged == 40
    _converge(office, a, b)
    assert snapshot(a_db) == snapshot(b_db)
    assert set(snapshot(b_db)) == set(ids)
    assert server_counts(office.admin, office.office_id) == (40, 40, 40)

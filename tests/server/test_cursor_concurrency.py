"""The pull cursor under concurrent pushes of one office, on PostgreSQL with several workers.

If a push could commit after a later-numbered one, a puller that already moved its cursor past
the higher number would never see the lower one. The office row lock makes sequence order
commit order; this test drives it hard and checks that the puller gets every record once.
"""

from __future__ import annotations

import threading

import httpx
import pytest

from tests.server.conftest import Admin, Device, Servers, enroll_with, op

PUSHERS = 6
BATCHES = 25
BATCH_SIZE = 8


@pytest.mark.postgres
@pytest.mark.slow
def test_puller_sees_every_record_exactly_once(pg_only_url: str, servers: Servers) -> None:
    admin = Admin(pg_only_url)
    server = servers.start(pg_only_url, workers=3)
    office = admin.office()
    with httpx.Client(base_url=server.url, timeout=60) as http:
        pushers = [enroll_with(http, admin.code(office)) for _ in range(PUSHERS)]
        puller = enroll_with(http, admin.code(office))
    pushed: list[str] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(PUSHERS + 1)
    done = threading.Event()

    def push_all(device: Device) -> None:
        with httpx.Client(base_url=server.url, timeout=60) as http:
            start.wait()
            for batch in range(BATCHES):
                ops = [op(batch * BATCH_SIZE + n + 1) for n in range(BATCH_SIZE)]
                response = http.post("/v1/push", json={"operations": ops}, headers=device.headers)
                statuses = {r["status"] for r in response.json()["results"]}
                with lock:
                    if statuses != {"applied"}:
                        errors.append(response.text)
                    pushed.extend(o["record_id"] for o in ops)

    pulled: list[dict] = []

    def pull_continuously() -> None:
        cursor = 0
        with httpx.Client(base_url=server.url, timeout=60) as http:
            start.wait()
            while True:
                finished = done.is_set()  # read before the pull: a final full pass follows
                page = http.get(f"/v1/pull?since={cursor}&limit=37", headers=puller.headers)
                body = page.json()
                pulled.extend(body["records"])
                assert body["next_cursor"] >= cursor
                cursor = body["next_cursor"]
                if finished and not body["more"]:
                    return

    threads = [threading.Thread(target=push_all, args=(d,)) for d in pushers]
    reader = threading.Thread(target=pull_continuously)
    for thread in [*threads, reader]:
        thread.start()
    for thread in threads:
        thread.join(300)
    done.set()
    reader.join(300)
    admin.engine.dispose()
    assert errors == []
    assert len(pushed) == PUSHERS * BATCHES * BATCH_SIZE
    seqs = [r["server_seq"] for r in pulled]
    assert seqs == sorted(set(seqs)), "the cursor went back or a record came twice"
    assert seqs == list(range(1, len(pushed) + 1))
    ids = [r["record_id"] for r in pulled]
    assert len(ids) == len(set(ids)) and set(ids) == set(pushed)

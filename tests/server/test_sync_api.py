"""Push and pull through the real ASGI app: versions, idempotency, conflicts, isolation."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from kim_protocol import wire
from sync_server.models import AppliedOperation, Office, SyncRecord
from tests.server.conftest import Admin, Device, op


def push(client: TestClient, device: Device, *ops: dict) -> list[dict]:
    response = client.post("/v1/push", json={"operations": list(ops)}, headers=device.headers)
    assert response.status_code == 200, response.text
    return wire.PushResponse.model_validate(response.json()).model_dump(mode="json")["results"]


def pull_all(client: TestClient, device: Device, since: int = 0, limit: int = 500) -> list[dict]:
    records: list[dict] = []
    while True:
        response = client.get(f"/v1/pull?since={since}&limit={limit}", headers=device.headers)
        assert response.status_code == 200, response.text
        page = wire.PullResponse.model_validate(response.json())
        records += [r.model_dump(mode="json") for r in page.records]
        assert page.next_cursor >= since
        since = page.next_cursor
        if not page.more:
            return records


def test_two_devices_of_an_office_exchange_ciphertext_and_tombstones(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    office = admin.office()
    anna, ben = enroll(office), enroll(office)
    record = str(uuid.uuid4())
    first = op(1, record)
    [created] = push(client, anna, first)
    assert created == {
        "seq": 1, "status": "applied", "version": 1, "server_seq": 1, "reason": None
    }  # fmt: skip
    [seen] = pull_all(client, ben)
    assert seen["ciphertext"] == first["ciphertext"]
    assert (seen["version"], seen["device_id"], seen["deleted"]) == (1, anna.device_id, False)
    [deleted] = push(client, ben, op(1, record, base=1, deleted=True))
    assert (deleted["status"], deleted["version"], deleted["server_seq"]) == ("applied", 2, 2)
    [tombstone] = pull_all(client, anna, since=1)
    assert tombstone["deleted"] is True and tombstone["device_id"] == ben.device_id
    assert [r["record_id"] for r in pull_all(client, anna)] == [record]


def test_a_retried_batch_is_answered_duplicate_and_written_once(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    ops = [op(seq) for seq in range(1, 6)]
    first = push(client, device, *ops)
    again = push(client, device, *ops)
    assert [r["status"] for r in first] == ["applied"] * 5
    assert [r["status"] for r in again] == ["duplicate"] * 5
    assert [(r["version"], r["server_seq"]) for r in again] == [
        (r["version"], r["server_seq"]) for r in first
    ]
    # the same batch reordered, with one new operation, after a lost reply
    mixed = push(client, device, ops[3], op(6), ops[0])
    assert [r["status"] for r in mixed] == ["duplicate", "applied", "duplicate"]
    with admin.sessions() as session:
        assert session.scalar(select(func.count()).select_from(SyncRecord)) == 6
        assert session.scalar(select(func.count()).select_from(AppliedOperation)) == 6
        assert session.scalar(select(Office.last_seq)) == 6


def test_stale_base_version_is_a_conflict_never_an_overwrite(
    client: TestClient, enroll: Callable[..., Device], admin: Admin
) -> None:
    office = admin.office()
    anna, ben = enroll(office), enroll(office)
    record = str(uuid.uuid4())
    push(client, anna, op(1, record))
    [anna_edit] = push(client, anna, op(2, record, base=1))
    ben_edit = op(1, record, base=1)
    [conflict] = push(client, ben, ben_edit)
    assert anna_edit["status"] == "applied"
    assert (conflict["status"], conflict["version"]) == ("conflict", 2)
    assert conflict["reason"].startswith("conflict")
    new_again = push(client, ben, op(2, record, base=0))
    assert new_again[0]["status"] == "conflict"
    [latest] = pull_all(client, ben)
    assert latest["version"] == 2 and latest["device_id"] == anna.device_id
    # after pulling, ben's resolution is based on version 2 and is applied as version 3
    [resolved] = push(client, ben, op(3, record, base=2))
    assert (resolved["status"], resolved["version"]) == ("applied", 3)


def test_bad_operations_are_rejected_one_by_one(
    client: TestClient, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    record = str(uuid.uuid4())
    results = push(
        client,
        device,
        op(1, record),
        op(2, ciphertext="A" * 17),  # decodes to 12 bytes: no room for nonce and tag
        op(1, str(uuid.uuid4())),  # seq 1 again, another record
        op(3),
    )
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected", "applied"]
    assert results[1]["reason"].startswith("bad_ciphertext")
    assert results[2]["reason"].startswith("seq_stale")
    assert [r["server_seq"] for r in pull_all(client, device)] == [1, 2]


def test_an_audit_event_is_never_changed_or_deleted_on_the_server(
    client: TestClient, enroll: Callable[..., Device]
) -> None:
    """Reproduced on main: any device of the office could push a later version or a tombstone
    of an audit event, and every device pulled the rewritten log."""
    device = enroll()
    event = str(uuid.uuid4())
    first, rewrite, removal, new_tombstone = push(
        client, device,
        op(1, event, kind="audit_event"),
        op(2, event, base=1, kind="audit_event"),
        op(3, event, base=1, kind="audit_event", deleted=True),
        op(4, kind="audit_event", deleted=True),
    )
    assert (first["status"], first["version"]) == ("applied", 1)
    for refused in (rewrite, removal, new_tombstone):
        assert refused["status"] == "rejected" and refused["reason"].startswith("append_only")
    assert [(r["record_id"], r["version"]) for r in pull_all(client, device)] == [(event, 1)]


def test_a_sequence_number_sent_again_with_another_change_is_stale_not_duplicate(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    """A device restored from a backup numbers its next change as one it had sent before the
    restore; only the very same operation is a duplicate."""
    device = enroll()
    record = str(uuid.uuid4())
    sent = op(1, record)
    push(client, device, sent)
    again = push(client, device, sent, {**sent, "ciphertext": op(1)["ciphertext"]},
                 {**sent, "deleted": True}, {**sent, "base_version": 1})
    assert [r["status"] for r in again] == ["duplicate", "rejected", "rejected", "rejected"]
    assert all(r["reason"].startswith("seq_stale") for r in again[1:])
    assert all(r["version"] is None and r["server_seq"] is None for r in again[1:])
    [record_row] = pull_all(client, device)
    assert (record_row["version"], record_row["ciphertext"]) == (1, sent["ciphertext"])
    with admin.sessions() as session:
        assert session.scalar(select(func.count()).select_from(AppliedOperation)) == 1


def test_pull_pages_by_cursor_without_gaps_or_repeats(
    client: TestClient, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    for start in range(1, 301, 100):
        push(client, device, *[op(seq) for seq in range(start, start + 100)])
    pages = []
    since = 0
    while True:
        page = client.get(f"/v1/pull?since={since}&limit=70", headers=device.headers).json()
        pages.append(page)
        since = page["next_cursor"]
        if not page["more"]:
            break
    assert [len(p["records"]) for p in pages] == [70, 70, 70, 70, 20]
    seqs = [r["server_seq"] for p in pages for r in p["records"]]
    assert seqs == list(range(1, 301))
    empty = client.get("/v1/pull?since=300", headers=device.headers).json()
    assert empty == {"records": [], "next_cursor": 300, "more": False}


def test_an_office_never_sees_or_touches_another_office(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    minden = enroll(admin.office("KIM Minden", "Minden"))
    rahden = enroll(admin.office("KIM Rahden", "Rahden"))
    record = str(uuid.uuid4())
    push(client, minden, op(1, record), op(2))
    assert pull_all(client, rahden) == []
    # the same record id in another office is another record: no conflict, no overwrite
    [own] = push(client, rahden, op(1, record))
    assert (own["status"], own["version"], own["server_seq"]) == ("applied", 1, 1)
    minden_view = pull_all(client, minden)
    assert len(minden_view) == 2
    assert all(r["device_id"] == minden.device_id for r in minden_view)


def test_ciphertext_is_stored_as_the_bytes_sent(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    raw = bytes(range(256)) * 4
    encoded = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    push(client, device, op(1, ciphertext=encoded))
    with admin.sessions() as session:
        assert session.scalar(select(SyncRecord.ciphertext)) == raw
    assert pull_all(client, device)[0]["ciphertext"] == encoded

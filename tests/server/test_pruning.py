"""Pruning of ``applied_ops``: old rows go, and a resent old operation is still never applied
twice; pruning of blobs no record uses any more (through the ASGI app, ``kim-server prune``, on
SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from kim_protocol import wire
from sync_server.db import transaction, utcnow
from sync_server.models import AppliedOperation, AuditEntry, Blob, Device, Office, SyncRecord
from sync_server.services import blobs, sync
from tests.server.conftest import Admin, op
from tests.server.conftest import Device as Enrolled
from tests.server.test_blobs_api import Blob as ChunkedBlob
from tests.server.test_blobs_api import announce, put, stored_bytes
from tests.server.test_cli import kim_server
from tests.server.test_sync_api import push


def age_applied_ops(admin: Admin, device: Enrolled, seqs: list[int], days: int) -> None:
    with transaction(admin.sessions) as session:
        session.execute(
            update(AppliedOperation)
            .where(AppliedOperation.device_id == device.device_id, AppliedOperation.seq.in_(seqs))
            .values(applied_at=utcnow() - dt.timedelta(days=days))
        )


def state(admin: Admin) -> tuple[int, int, list[tuple[str, int]]]:
    """Records, applied_ops rows, and (record id, version) of every record."""
    with admin.sessions() as session:
        return (
            session.scalar(select(func.count()).select_from(SyncRecord)) or 0,
            session.scalar(select(func.count()).select_from(AppliedOperation)) or 0,
            sorted(map(tuple, session.execute(select(SyncRecord.record_id, SyncRecord.version)))),
        )


def test_a_resent_operation_is_never_applied_twice_after_its_row_was_pruned(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled]
) -> None:
    office = admin.office()
    anna, ben = enroll(office), enroll(office)
    kept, changed_later, recent = (str(uuid.uuid4()) for _ in range(3))
    old_ops = [op(1, kept), op(2, changed_later)]
    first = push(client, anna, *old_ops)
    recent_op = op(3, recent)
    [recent_result] = push(client, anna, recent_op)
    age_applied_ops(admin, anna, [1, 2], days=100)

    with transaction(admin.sessions) as session:
        pruned = sync.prune_expired(session, days=90, actor="test")
    assert (pruned.rows, pruned.devices) == (2, 1)
    with admin.sessions() as session:
        assert session.scalar(select(Device.pruned_seq).where(Device.id == anna.device_id)) == 2
        assert session.scalars(select(AuditEntry.action)).all()[-1] == "applied_ops.prune"
    # Ben changes one of the records whose row is gone.
    [ben_change] = push(client, ben, op(1, changed_later, base=1))
    assert ben_change["status"] == "applied"
    before = state(admin)
    with admin.sessions() as session:
        last_seq = session.scalar(select(Office.last_seq).where(Office.id == office))

    # Anna never got the answers and sends the same operations again.
    again = push(client, anna, *old_ops, recent_op)

    assert again[0] == {**first[0], "status": "duplicate"}  # the record still proves it
    assert (again[1]["status"], again[1]["version"]) == ("conflict", 2)  # Ben's is current
    assert again[2] == {**recent_result, "status": "duplicate"}  # its row is still there
    assert state(admin) == before
    with admin.sessions() as session:
        assert session.scalar(select(Office.last_seq).where(Office.id == office)) == last_seq


def test_another_change_under_a_pruned_seq_is_never_taken_for_the_one_applied(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled]
) -> None:
    """A restored device edits a record again under the number of its lost edit, whose row
    was pruned: the record's ciphertext shows it is another change, so it is judged as new
    (here: a conflict with the lost edit's version), never answered "duplicate"."""
    device = enroll()
    record = str(uuid.uuid4())
    push(client, device, op(1, record))
    push(client, device, op(2, record, base=1))
    age_applied_ops(admin, device, [1, 2], days=100)
    with transaction(admin.sessions) as session:
        sync.prune_expired(session, days=90, actor="test")
    [restored_edit] = push(client, device, op(2, record, base=1))
    assert (restored_edit["status"], restored_edit["version"]) == ("conflict", 2)


def test_an_operation_at_or_below_the_pruned_seq_never_applied_before_is_applied(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled]
) -> None:
    """A record still at the operation's base version proves it was never applied (an applied
    operation moves the version past its base), so applying it now is its first time."""
    device = enroll()
    push(client, device, op(1), op(5))
    age_applied_ops(admin, device, [1, 5], days=100)
    with transaction(admin.sessions) as session:
        sync.prune_expired(session, days=90, actor="test")
    [late] = push(client, device, op(3))
    assert (late["status"], late["version"]) == ("applied", 1)
    assert state(admin)[:2] == (3, 1)


def test_pruning_keeps_recent_rows_and_never_lowers_the_pruned_seq(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled]
) -> None:
    device = enroll()
    push(client, device, *(op(seq) for seq in range(1, 6)))
    age_applied_ops(admin, device, [1, 2, 3, 4, 5], days=100)
    with transaction(admin.sessions) as session:
        assert sync.prune_expired(session, days=90, actor="test").rows == 5
    push(client, device, op(6))
    with transaction(admin.sessions) as session:
        # A prune with a longer retention finds nothing; the mark stays where it was.
        assert sync.prune_expired(session, days=365, actor="test").rows == 0
        assert sync.prune_expired(session, days=90, actor="test").rows == 0
    with admin.sessions() as session:
        assert session.scalar(select(Device.pruned_seq)) == 5
        assert session.scalars(select(AppliedOperation.seq)).all() == [6]


def test_prune_command(db_url: str, client: TestClient, admin: Admin,
                       enroll: Callable[..., Enrolled]) -> None:  # fmt: skip
    device = enroll()
    push(client, device, op(1), op(2))
    age_applied_ops(admin, device, [1], days=40)
    kept = kim_server("prune", "--json", db=db_url)
    assert kept.returncode == 0, kept.stderr
    assert json.loads(kept.stdout) == {"days": 90, "rows": 0, "devices": 0, "blob_days": 30,
                                       "blobs": 0, "blob_bytes": 0}
    pruned = kim_server("prune", "--days", "30", db=db_url)
    assert pruned.returncode == 0, pruned.stderr
    assert "1 Einträge älter als 30 Tage gelöscht (1 Geräte)" in pruned.stdout
    for days in ("2", "99999999"):
        refused = kim_server("prune", "--days", days, db=db_url)
        assert refused.returncode == 2
        assert "zwischen 7 und 3650" in refused.stderr and "Traceback" not in refused.stderr
    not_a_number = kim_server("prune", "--days", "viele", db=db_url)
    assert not_a_number.returncode == 2 and "Traceback" not in not_a_number.stderr
    assert state(admin)[1] == 1


def age_blobs(admin: Admin, days: int) -> None:
    with admin.engine.begin() as connection:
        connection.execute(update(Blob).values(last_used_at=utcnow() - dt.timedelta(days=days)))


def blob_ids(admin: Admin) -> set[str]:
    with admin.sessions() as session:
        return set(session.scalars(select(Blob.blob_id)))


def upload(client: TestClient, device: Enrolled, blob: ChunkedBlob, *,
           chunks: int | None = None) -> None:
    assert announce(client, device, blob).status_code == 200
    for index in range(len(blob.chunks) if chunks is None else chunks):
        assert put(client, device, blob, index).status_code == 200


def test_blobs_no_record_uses_go_after_the_retention_and_their_bytes_with_them(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled]
) -> None:
    device = enroll()
    live, deleted, deleted_lately, unclaimed = (ChunkedBlob(100 + n) for n in range(4))
    incomplete = ChunkedBlob(wire.SEALED_CHUNK_BYTES, 50)
    fresh = ChunkedBlob(wire.SEALED_CHUNK_BYTES, 60)
    for blob in (live, deleted, deleted_lately, unclaimed):
        upload(client, device, blob)
    upload(client, device, incomplete, chunks=1)
    ids = {blob.id: str(uuid.uuid4()) for blob in (live, deleted, deleted_lately)}
    assert [r["status"] for r in push(client, device, *(
        op(seq, ids[blob.id], kind="attachment", blob_id=blob.id)
        for seq, blob in enumerate((live, deleted, deleted_lately), start=1)))] == ["applied"] * 3
    push(client, device, op(4, ids[deleted.id], base=1, kind="attachment", deleted=True,
                            blob_id=deleted.id),
         op(5, ids[deleted_lately.id], base=1, kind="attachment", deleted=True,
            blob_id=deleted_lately.id))
    age_blobs(admin, days=40)
    with admin.engine.begin() as connection:
        connection.execute(update(SyncRecord).where(SyncRecord.record_id == ids[deleted.id])
                           .values(updated_at=utcnow() - dt.timedelta(days=40)))
    upload(client, device, fresh, chunks=1)
    before = stored_bytes(admin, device.office_id)

    with transaction(admin.sessions) as session:
        pruned = blobs.prune_expired(session, days=30, actor="test")
    gone = (deleted, incomplete, unclaimed)
    assert pruned == blobs.PrunedBlobs(
        blobs=3, bytes=sum(len(blob.manifest) for blob in gone) + sum(
            len(c) for c in deleted.chunks + unclaimed.chunks + incomplete.chunks[:1]))
    # Kept: a live record's (however old), a tombstone's within the retention, a fresh upload.
    assert blob_ids(admin) == {live.id, deleted_lately.id, fresh.id}
    assert stored_bytes(admin, device.office_id) == before - pruned.bytes
    with admin.sessions() as session:
        assert session.scalars(select(AuditEntry.action)).all()[-1] == "blobs.prune"
    assert client.get(f"/v1/blobs/{live.id}/chunks/0", headers=device.headers).content == \
        live.chunks[0]
    # A device that had found a pruned blob complete pushes its record: refused, so it uploads
    # the blob again instead of naming one that is gone.
    [missing] = push(client, device, op(6, kind="attachment", blob_id=unclaimed.id))
    assert missing["status"] == "rejected" and missing["reason"].startswith("blob_missing")
    with transaction(admin.sessions) as session:
        assert blobs.prune_expired(session, days=30, actor="test").blobs == 0


def test_a_blob_found_or_named_again_is_used_again(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled]
) -> None:
    device = enroll()
    announced, named = ChunkedBlob(200), ChunkedBlob(300)
    upload(client, device, announced)
    upload(client, device, named)
    age_blobs(admin, days=40)
    # Another device found it complete (it is about to push a record naming it) ...
    assert announce(client, enroll(device.office_id), announced).json()["complete"]
    # ... or a push named it.
    assert push(client, device, op(1, kind="attachment", blob_id=named.id))[0]["status"] == \
        "applied"
    with transaction(admin.sessions) as session:
        assert blobs.prune_expired(session, days=30, actor="test").blobs == 0
    assert blob_ids(admin) == {announced.id, named.id}

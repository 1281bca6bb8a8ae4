"""Pruning of ``applied_ops``: old rows go, and a resent old operation is still never applied
twice (through the ASGI app, ``kim-server prune``, on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from sync_server.db import transaction, utcnow
from sync_server.models import AppliedOperation, AuditEntry, Device, Office, SyncRecord
from sync_server.services import sync
from tests.server.conftest import Admin, op
from tests.server.conftest import Device as Enrolled
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
    assert json.loads(kept.stdout) == {"days": 90, "rows": 0, "devices": 0}
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

"""Push and pull of ciphertext records: the heart of sync API v1.

**Why pulls never skip a change.** Every push starts by updating its office's row
(``UPDATE offices SET last_seq = last_seq + n ... RETURNING``). On PostgreSQL that takes the row
lock until commit, so the pushes of one office run one after another and each allocates its
``server_seq`` values only after the previous push has committed: within an office, sequence
order is commit order. A pull (one statement, one snapshot) therefore always sees a gap-free
prefix of the office's sequence, and its cursor can never step over a change that commits later.
On SQLite the same statement takes the database's write lock, which serialises writers anyway.
Pushes of different offices never wait for each other on PostgreSQL.

**Idempotency.** Every applied operation is kept in ``applied_ops`` under (device, seq) in the
same transaction as the record, with the SHA-256 of the operation as sent
(:func:`operation_digest`), so a retried batch answers "duplicate" with the original result.
A (device, seq) that comes again with other content is no retry: a device restored from a
backup, or a copied one, reuses the number for a new change. It is answered ``rejected`` with
the code ``seq_stale`` and nothing is stored, so the device sends the change again under a
fresh number instead of losing it. Conflicts and rejections are not kept: they are answered
again from the current state.

**Pruning.** :func:`prune_applied` deletes the rows older than the retention (90 days by
default, far beyond any retry: a device resends an unanswered batch at its next sync) and keeps
per device the highest pruned sequence number (``devices.pruned_seq``). An operation at or below
it without a row is answered from the record (:func:`_pruned_answer`), and can never be applied
twice.

**Blobs.** An operation may name the blob its record's content lies in (an attachment's). A
live record's blob must be complete in the office, or the operation is rejected with
``blob_missing`` (the device uploads it again and resends); the record keeps the name, and the
blob its last use, so :func:`sync_server.services.blobs.prune_unused` knows which blobs no
record uses any more.
"""

from __future__ import annotations

import binascii
import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from kim_protocol import wire
from sync_server.db import utcnow
from sync_server.models import AppliedOperation, Blob, Device, Office, SyncRecord
from sync_server.services import audit

#: 12-byte nonce and 16-byte tag: nothing shorter can be AES-GCM ciphertext.
MIN_CIPHERTEXT_BYTES = 28

Status = wire.OperationStatus
OFFICES: Table = Office.__table__  # type: ignore[assignment]
DEVICES: Table = Device.__table__  # type: ignore[assignment]
RECORDS: Table = SyncRecord.__table__  # type: ignore[assignment]
APPLIED: Table = AppliedOperation.__table__  # type: ignore[assignment]
BLOBS: Table = Blob.__table__  # type: ignore[assignment]
UPDATED_COLUMNS = ("version", "deleted", "ciphertext", "device_id", "server_seq", "updated_at",
                   "blob_id")
BLOB_MISSING = "blob_missing"


def decode_base64(value: str) -> bytes | None:
    try:
        return wire.b64decode(value)
    except (binascii.Error, ValueError):
        return None


# The hot path's statements, built once: building one per call cost more CPU than running it.
_RESERVE_SEQS = (
    update(OFFICES)
    .where(OFFICES.c.id == bindparam("office_id"))
    .values(last_seq=OFFICES.c.last_seq + bindparam("count"))
    .returning(OFFICES.c.last_seq, OFFICES.c.stored_bytes)
)
_SETTLE_OFFICE = (
    update(OFFICES)
    .where(OFFICES.c.id == bindparam("office_id"))
    .values(last_seq=bindparam("new_last_seq"),
            stored_bytes=OFFICES.c.stored_bytes + bindparam("grown"))
)  # fmt: skip
_APPLIED_OF_DEVICE = select(
    APPLIED.c.seq, APPLIED.c.kind, APPLIED.c.record_id, APPLIED.c.version, APPLIED.c.server_seq,
    APPLIED.c.digest,
).where(
    APPLIED.c.device_id == bindparam("device_id"),
    APPLIED.c.seq.in_(bindparam("seqs", expanding=True)),
)
# Two plain IN lists, not a row-value IN: SQLite answers the latter by scanning every record of
# the office (121 ms per batch at 100,000 records), the former through the primary key. The
# cross product it may return is filtered in Python.
_CURRENT_RECORDS = select(
    RECORDS.c.kind, RECORDS.c.record_id, RECORDS.c.version, RECORDS.c.device_id,
    RECORDS.c.server_seq, func.length(RECORDS.c.ciphertext).label("size"),
).where(
    RECORDS.c.office_id == bindparam("office_id"),
    RECORDS.c.kind.in_(bindparam("kinds", expanding=True)),
    RECORDS.c.record_id.in_(bindparam("record_ids", expanding=True)),
)  # fmt: skip
_CIPHERTEXT = select(RECORDS.c.ciphertext).where(
    RECORDS.c.office_id == bindparam("office_id"),
    RECORDS.c.kind == bindparam("kind"),
    RECORDS.c.record_id == bindparam("record_id"),
)
_UPDATE_RECORD = (
    update(RECORDS)
    .where(
        RECORDS.c.office_id == bindparam("b_office_id"),
        RECORDS.c.kind == bindparam("b_kind"),
        RECORDS.c.record_id == bindparam("b_record_id"),
    )
    .values({name: bindparam(name) for name in UPDATED_COLUMNS})
)
_INSERT_RECORD = insert(RECORDS)
_INSERT_APPLIED = insert(APPLIED)
_PAGE = (
    select(
        RECORDS.c.server_seq, RECORDS.c.kind, RECORDS.c.record_id, RECORDS.c.version,
        RECORDS.c.deleted, RECORDS.c.ciphertext, RECORDS.c.device_id,
    )
    .where(RECORDS.c.office_id == bindparam("office_id"),
           RECORDS.c.server_seq > bindparam("since"))
    .order_by(RECORDS.c.server_seq)
    .limit(bindparam("limit"))
)  # fmt: skip


def operation_digest(op: wire.PushOperation) -> bytes:
    """SHA-256 of an operation as the device sent it: a retry sends the very same bytes (the
    device keeps them in ``sync_inflight``), a new change under a reused number does not."""
    head = f"{op.kind}|{op.record_id}|{op.base_version}|{int(op.deleted)}|".encode()
    return hashlib.sha256(head + op.ciphertext.encode("ascii")).digest()


@dataclass(frozen=True)
class PushLimits:
    """What one push may store (``Settings.max_operation_bytes``, ``office_quota_bytes``)."""

    max_operation_bytes: int = 2 * 1024 * 1024
    office_quota_bytes: int = 20 * 1024**3


#: The kind of the office's audit log, which is append-only: the kind travels in clear (and is
#: bound to the ciphertext), so the server refuses any later version or deletion of an event.
AUDIT_KIND = "audit_event"


class QuotaExceeded(Exception):
    """The push would grow the office's storage beyond its quota; nothing of it was applied."""


def push(
    connection: Connection, *, device_id: str, office_id: str, pruned_seq: int = 0,
    operations: list[wire.PushOperation], limits: PushLimits = PushLimits(),
) -> list[wire.OperationResult]:
    """Applies a batch in the caller's transaction; one result per operation, in order.

    ``pruned_seq`` is the device's highest sequence number whose ``applied_ops`` row was pruned
    (:func:`prune_applied`). An operation whose ciphertext exceeds ``limits`` is rejected
    (``too_large``) on its own; a batch that would grow the office's storage beyond its quota
    raises :class:`QuotaExceeded`, and the caller rolls back. Core statements on Core tables,
    not the ORM: a push is the server's hottest path.
    """
    # First statement of the transaction: the office row lock (see the module docstring). It
    # reserves a number for every operation at once; the usual push applies them all and needs
    # no second update. Under the lock nobody else allocates, so unused numbers are handed back
    # at the end and the sequence keeps no gaps.
    reserved, stored_bytes = connection.execute(
        _RESERVE_SEQS, {"office_id": office_id, "count": len(operations)}
    ).one()
    last_seq = reserved - len(operations)
    applied: dict[int, Any] = {
        row.seq: row
        for row in connection.execute(
            _APPLIED_OF_DEVICE, {"device_id": device_id, "seqs": [op.seq for op in operations]}
        )
    }
    keys = {(op.kind, op.record_id) for op in operations}
    lookup = {
        "office_id": office_id,
        "kinds": sorted({kind for kind, _ in keys}),
        "record_ids": sorted({record_id for _, record_id in keys}),
    }
    existing = {
        (row.kind, row.record_id): row
        for row in connection.execute(_CURRENT_RECORDS, lookup)
        if (row.kind, row.record_id) in keys
    }
    versions = {key: row.version for key, row in existing.items()}
    sizes = {key: row.size or 0 for key, row in existing.items()}
    grown = 0
    now = utcnow()
    complete_blobs = _use_blobs(connection, office_id, operations, now)
    changed: dict[tuple[str, str], dict[str, Any]] = {}  # the latest state per record
    new_applied: list[dict[str, Any]] = []
    results: list[wire.OperationResult] = []
    for op in operations:
        key = (op.kind, op.record_id)
        digest = operation_digest(op)
        done = applied.get(op.seq)
        if done is None and op.seq <= pruned_seq:
            done = _pruned_answer(connection, office_id, op, device_id, existing.get(key))
        if done is not None:
            results.append(_repeated(op, done, digest))
            continue
        if op.kind == AUDIT_KIND and (op.base_version or op.deleted):
            results.append(
                wire.OperationResult(
                    seq=op.seq, status=Status.REJECTED,
                    reason="append_only: ein Protokolleintrag wird nie geändert oder gelöscht",
                )
            )  # fmt: skip
            continue
        current = versions.get(key, 0)
        if op.base_version != current:
            results.append(
                wire.OperationResult(
                    seq=op.seq, status=Status.CONFLICT, version=current,
                    reason="conflict: der Datensatz wurde inzwischen geändert",
                )
            )  # fmt: skip
            continue
        ciphertext = decode_base64(op.ciphertext)
        if ciphertext is None or len(ciphertext) < MIN_CIPHERTEXT_BYTES:
            results.append(
                wire.OperationResult(
                    seq=op.seq, status=Status.REJECTED,
                    reason="bad_ciphertext: der verschlüsselte Inhalt ist unvollständig",
                )
            )  # fmt: skip
            continue
        if len(ciphertext) > limits.max_operation_bytes:
            results.append(
                wire.OperationResult(
                    seq=op.seq, status=Status.REJECTED,
                    reason="too_large: der verschlüsselte Inhalt ist zu groß für den Server",
                )
            )  # fmt: skip
            continue
        if op.blob_id is not None and not op.deleted and op.blob_id not in complete_blobs:
            results.append(
                wire.OperationResult(
                    seq=op.seq, status=Status.REJECTED,
                    reason=f"{BLOB_MISSING}: der Inhalt des Anhangs liegt nicht vollständig "
                           "auf dem Server",
                )
            )  # fmt: skip
            continue
        grown += len(ciphertext) - sizes.get(key, 0)
        sizes[key] = len(ciphertext)
        last_seq += 1
        versions[key] = version = current + 1
        changed[key] = {
            "b_kind": op.kind, "b_record_id": op.record_id, "version": version,
            "deleted": op.deleted, "ciphertext": ciphertext, "device_id": device_id,
            "server_seq": last_seq, "updated_at": now, "blob_id": op.blob_id,
        }  # fmt: skip
        row = {"device_id": device_id, "seq": op.seq, "kind": op.kind,
               "record_id": op.record_id, "version": version, "server_seq": last_seq,
               "applied_at": now, "digest": digest}  # fmt: skip
        new_applied.append(row)
        applied[op.seq] = _AppliedRow(**{k: row[k] for k in _AppliedRow._fields})
        results.append(
            wire.OperationResult(
                seq=op.seq, status=Status.APPLIED, version=version, server_seq=last_seq
            )
        )
    if grown > 0 and stored_bytes + grown > limits.office_quota_bytes:
        raise QuotaExceeded
    if new_applied:
        _write(connection, office_id, changed, existing)
        connection.execute(_INSERT_APPLIED, new_applied)
    if last_seq != reserved or grown:
        connection.execute(
            _SETTLE_OFFICE, {"office_id": office_id, "new_last_seq": last_seq, "grown": grown}
        )
    return results


def _use_blobs(connection: Connection, office_id: str, operations: list[wire.PushOperation],
               now: dt.datetime) -> set[str]:
    """The blobs the operations name that are complete in the office, each marked used now;
    nothing to do (and no statement) for a batch without blobs, as nearly all are."""
    named = {op.blob_id for op in operations if op.blob_id is not None}
    if not named:
        return set()
    where = (BLOBS.c.office_id == office_id, BLOBS.c.blob_id.in_(sorted(named)))
    connection.execute(update(BLOBS).where(*where).values(last_used_at=now))
    return set(connection.scalars(
        select(BLOBS.c.blob_id).where(*where, BLOBS.c.completed_at.is_not(None))))


def _pruned_answer(connection: Connection, office_id: str, op: wire.PushOperation,
                   device_id: str, record: Any) -> _AppliedRow | None:
    """What ``applied_ops`` would say about an operation whose row was pruned, if the record
    still proves it: this device wrote its current version, the one after the operation's
    base, with this very ciphertext. A device never has two operations on one record in
    flight, so that version came from this operation. Otherwise None, and the operation is
    judged like a new one. That can never apply it twice: once applied, the record's version
    moved past the operation's base, so it is answered "conflict" and the device merges its
    change with the current version.
    """
    if (
        record is None
        or record.device_id != device_id
        or record.version != op.base_version + 1
    ):
        return None
    stored = connection.execute(
        _CIPHERTEXT, {"office_id": office_id, "kind": op.kind, "record_id": op.record_id}
    ).scalar_one()
    if decode_base64(op.ciphertext) != stored:
        return None
    return _AppliedRow(op.seq, op.kind, op.record_id, record.version, record.server_seq, None)


class _AppliedRow(NamedTuple):
    seq: int
    kind: str
    record_id: str
    version: int
    server_seq: int
    digest: bytes | None


SEQ_STALE = "seq_stale"


def _repeated(op: wire.PushOperation, done: Any, digest: bytes) -> wire.OperationResult:
    """The answer to a (device, seq) the server has applied before: ``duplicate`` for the same
    change, ``seq_stale`` for another one (a row without a digest is older than digests: the
    same record counts as the same change there, as it did then)."""
    same_record = (done.kind, done.record_id) == (op.kind, op.record_id)
    if not same_record or (done.digest is not None and bytes(done.digest) != digest):
        return wire.OperationResult(
            seq=op.seq, status=Status.REJECTED,
            reason=f"{SEQ_STALE}: diese Sequenznummer hat der Server schon für eine andere "
                   "Änderung vergeben",
        )  # fmt: skip
    return wire.OperationResult(
        seq=op.seq, status=Status.DUPLICATE, version=done.version, server_seq=done.server_seq
    )


def _write(
    connection: Connection,
    office_id: str,
    changed: dict[tuple[str, str], dict[str, Any]],
    existing: dict[tuple[str, str], Any],
) -> None:
    updates = [{**row, "b_office_id": office_id} for key, row in changed.items() if key in existing]
    inserts = [
        {"office_id": office_id, "kind": row.pop("b_kind"), "record_id": row.pop("b_record_id"),
         **row}
        for key, row in changed.items() if key not in existing
    ]  # fmt: skip
    if updates:
        connection.execute(_UPDATE_RECORD, updates)
    if inserts:
        connection.execute(_INSERT_RECORD, inserts)


def pull(connection: Connection, *, office_id: str, since: int, limit: int) -> wire.PullResponse:
    """The office's records after ``since`` in sequence order, tombstones included."""
    rows = connection.execute(
        _PAGE, {"office_id": office_id, "since": since, "limit": limit + 1}
    ).all()
    more = len(rows) > limit
    records = [
        {**row._asdict(), "ciphertext": wire.b64encode(row.ciphertext)} for row in rows[:limit]
    ]
    next_cursor = records[-1]["server_seq"] if records else since
    # One validation in pydantic's core is cheaper than building the models in Python.
    return wire.PullResponse.model_validate(
        {"records": records, "next_cursor": next_cursor, "more": more}
    )


def acknowledged(connection: Connection, *, device_id: str, pruned_seq: int,
                 from_seq: int) -> wire.Acknowledged:
    """The highest sequence number applied for the device (pruned rows count through
    ``pruned_seq``) and the lowest office sequence of its operations from ``from_seq`` on."""
    highest, first = connection.execute(
        select(
            func.max(APPLIED.c.seq),
            select(func.min(APPLIED.c.server_seq))
            .where(APPLIED.c.device_id == device_id, APPLIED.c.seq >= from_seq)
            .scalar_subquery(),
        ).where(APPLIED.c.device_id == device_id)
    ).one()
    return wire.Acknowledged(highest_seq=max(highest or 0, pruned_seq), first_server_seq=first)


@dataclass(frozen=True)
class Pruned:
    rows: int
    devices: int


def prune_applied(connection: Connection, *, older_than: dt.datetime) -> Pruned:
    """Deletes the ``applied_ops`` rows applied before ``older_than``, in the caller's
    transaction. First raises each affected device's ``pruned_seq`` to the highest sequence
    number among its rows that go, so a resent operation at or below it is still recognised.
    """
    highest = connection.execute(
        select(APPLIED.c.device_id, func.max(APPLIED.c.seq))
        .where(APPLIED.c.applied_at < older_than)
        .group_by(APPLIED.c.device_id)
    ).all()
    if not highest:
        return Pruned(rows=0, devices=0)
    connection.execute(
        update(DEVICES)
        .where(DEVICES.c.id == bindparam("b_id"), DEVICES.c.pruned_seq < bindparam("b_seq"))
        .values(pruned_seq=bindparam("b_seq")),
        [{"b_id": device_id, "b_seq": seq} for device_id, seq in highest],
    )
    deleted = connection.execute(delete(APPLIED).where(APPLIED.c.applied_at < older_than))
    return Pruned(rows=deleted.rowcount, devices=len(highest))


def prune_expired(session: Session, *, days: int, actor: str) -> Pruned:
    """:func:`prune_applied` for the rows older than ``days``, in the session's transaction,
    with an entry in the admin audit log when any went (``kim-server prune`` and ``serve``)."""
    pruned = prune_applied(session.connection(), older_than=utcnow() - dt.timedelta(days=days))
    if pruned.rows:
        audit.record(
            session,
            actor=actor,
            action="applied_ops.prune",
            detail={"days": days, "rows": pruned.rows, "devices": pruned.devices},
        )
    return pruned

"""Push and pull of ciphertext records: the heart of sync API v1.

**Why pulls never skip a change.** Every push starts by updating its office's row
(``UPDATE offices SET last_seq = last_seq ... RETURNING``). On PostgreSQL that takes the row lock
until commit, so the pushes of one office run one after another and each allocates its
``server_seq`` values only after the previous push has committed: within an office, sequence
order is commit order. A pull (one statement, one snapshot) therefore always sees a gap-free
prefix of the office's sequence, and its cursor can never step over a change that commits later.
On SQLite the same statement takes the database's write lock, which serialises writers anyway.
Pushes of different offices never wait for each other on PostgreSQL.

**Idempotency.** Every applied operation is kept in ``applied_ops`` under (device, seq) in the
same transaction as the record, so a retried batch answers "duplicate" with the original result.
Conflicts and rejections are not kept: they are answered again from the current state.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from sqlalchemy import select, tuple_, update
from sqlalchemy.orm import Session

from kim_desktop.sync import wire
from sync_server.db import utcnow
from sync_server.models import AppliedOperation, Office, SyncRecord

#: 12-byte nonce and 16-byte tag: nothing shorter can be AES-GCM ciphertext.
MIN_CIPHERTEXT_BYTES = 28

Status = wire.OperationStatus


def decode_base64(value: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        return None


def encode_base64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass
class _Batch:
    """The rows a batch touches, loaded in two queries instead of one per operation."""

    applied: dict[int, AppliedOperation]
    records: dict[tuple[str, str], SyncRecord]


def _load(
    session: Session, device_id: str, office_id: str, ops: list[wire.PushOperation]
) -> _Batch:
    seqs = {op.seq for op in ops}
    applied = session.scalars(
        select(AppliedOperation).where(
            AppliedOperation.device_id == device_id, AppliedOperation.seq.in_(seqs)
        )
    )
    keys = {(op.kind, op.record_id) for op in ops}
    records = session.scalars(
        select(SyncRecord).where(
            SyncRecord.office_id == office_id,
            tuple_(SyncRecord.kind, SyncRecord.record_id).in_(keys),
        )
    )
    return _Batch(
        applied={row.seq: row for row in applied},
        records={(row.kind, row.record_id): row for row in records},
    )


def push(
    session: Session, *, device_id: str, office_id: str, operations: list[wire.PushOperation]
) -> list[wire.OperationResult]:
    """Applies a batch in the caller's transaction; one result per operation, in order."""
    # First statement of the transaction: the office row lock (see the module docstring).
    last_seq = session.execute(
        update(Office)
        .where(Office.id == office_id)
        .values(last_seq=Office.last_seq)
        .returning(Office.last_seq)
    ).scalar_one()
    batch = _load(session, device_id, office_id, operations)
    now = utcnow()
    results: list[wire.OperationResult] = []
    for op in operations:
        key = (op.kind, op.record_id)
        done = batch.applied.get(op.seq)
        if done is not None:
            if (done.kind, done.record_id) != key:
                results.append(
                    wire.OperationResult(
                        seq=op.seq,
                        status=Status.REJECTED,
                        reason="seq_reused: diese Sequenznummer gehört zu einem anderen Datensatz",
                    )
                )
            else:
                results.append(
                    wire.OperationResult(
                        seq=op.seq,
                        status=Status.DUPLICATE,
                        version=done.version,
                        server_seq=done.server_seq,
                    )
                )
            continue
        record = batch.records.get(key)
        current = record.version if record is not None else 0
        if op.base_version != current:
            results.append(
                wire.OperationResult(
                    seq=op.seq,
                    status=Status.CONFLICT,
                    version=current,
                    reason="conflict: der Datensatz wurde inzwischen geändert",
                )
            )
            continue
        ciphertext = decode_base64(op.ciphertext)
        if ciphertext is None or len(ciphertext) < MIN_CIPHERTEXT_BYTES:
            results.append(
                wire.OperationResult(
                    seq=op.seq,
                    status=Status.REJECTED,
                    reason="bad_ciphertext: der verschlüsselte Inhalt ist unvollständig",
                )
            )
            continue
        last_seq += 1
        version = current + 1
        if record is None:
            record = SyncRecord(office_id=office_id, kind=op.kind, record_id=op.record_id)
            session.add(record)
            batch.records[key] = record
        record.version = version
        record.deleted = op.deleted
        record.ciphertext = ciphertext
        record.device_id = device_id
        record.server_seq = last_seq
        record.updated_at = now
        done = AppliedOperation(
            device_id=device_id,
            seq=op.seq,
            kind=op.kind,
            record_id=op.record_id,
            version=version,
            server_seq=last_seq,
            applied_at=now,
        )
        session.add(done)
        batch.applied[op.seq] = done
        results.append(
            wire.OperationResult(
                seq=op.seq, status=Status.APPLIED, version=version, server_seq=last_seq
            )
        )
    session.execute(update(Office).where(Office.id == office_id).values(last_seq=last_seq))
    session.flush()
    return results


def pull(session: Session, *, office_id: str, since: int, limit: int) -> wire.PullResponse:
    """The office's records after ``since`` in sequence order, tombstones included."""
    rows = session.execute(
        select(
            SyncRecord.server_seq,
            SyncRecord.kind,
            SyncRecord.record_id,
            SyncRecord.version,
            SyncRecord.deleted,
            SyncRecord.ciphertext,
            SyncRecord.device_id,
        )
        .where(SyncRecord.office_id == office_id, SyncRecord.server_seq > since)
        .order_by(SyncRecord.server_seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    records = [
        wire.PulledRecord(
            server_seq=row.server_seq,
            kind=row.kind,
            record_id=row.record_id,
            version=row.version,
            deleted=row.deleted,
            ciphertext=encode_base64(row.ciphertext),
            device_id=row.device_id,
        )
        for row in rows[:limit]
    ]
    return wire.PullResponse(
        records=records, next_cursor=records[-1].server_seq if records else since, more=more
    )

"""Pushing the outbox: coalesce, seal, persist with a sequence number, then send.

An operation is written to ``sync_inflight`` with its sequence number and its exact ciphertext
in the same transaction that consumes its outbox entries, before anything is sent. Whatever
fails afterwards (the process, the network, the server), the next attempt sends the very same
operations again, and the server answers ``duplicate`` for those it already applied.

The client seals a group of several batches in one transaction and records the answers to the
group before in the same transaction (:func:`seal_batch`, :func:`record_answers`): each commit
writes every index page it touched, and larger transactions touch fewer pages per operation.
Recording answers needs no durability of its own: an answer lost with a power cut leaves its
operations in flight, and sending them again earns ``duplicate`` with the same version.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.core.outbox import queue_again
from kim_desktop.sync.apply import (
    BASES_TABLE,
    CONFLICTS_TABLE,
    OUTBOX_TABLE,
    base_extras,
    chunks,
    known_versions,
    record_table,
)
from kim_desktop.sync.crypto import OfficeKey, seal_json
from kim_desktop.sync.payloads import payloads_of
from kim_desktop.sync.state import (
    SyncBlobSent,
    SyncInflight,
    SyncRejected,
    SyncState,
)
from kim_protocol import wire
from kim_protocol.payload import payload_json
from kim_protocol.wire import b64encode

_INFLIGHT: Table = SyncInflight.__table__  # type: ignore[assignment]
_REJECTED: Table = SyncRejected.__table__  # type: ignore[assignment]
#: The server's reason code for an attachment whose blob it does not have complete.
BLOB_MISSING = "blob_missing"


def lock_for_write(session: Session) -> SyncState:
    """Starts the transaction with a write, so SQLite takes its write lock before any read and
    no concurrent local edit can slip between what is read and what is written."""
    session.execute(update(SyncState).values(next_seq=SyncState.next_seq))
    state = session.get(SyncState, 1)
    assert state is not None
    return state


def _coalesced_outbox(session: Session, limit: int, hold: Collection[str]) -> dict[str, str]:
    """Up to ``limit`` distinct records with pending changes, oldest change first; records in
    flight, with an open conflict, or in ``hold`` wait."""
    connection = session.connection()
    held = set(connection.scalars(select(CONFLICTS_TABLE.c.record_id)))
    held.update(connection.scalars(select(_INFLIGHT.c.record_id)))
    held.update(hold)
    picked: dict[str, str] = {}
    after = 0
    outbox = OUTBOX_TABLE.c
    while len(picked) < limit:
        rows = connection.execute(
            select(outbox.seq, outbox.record_id, outbox.kind)
            .where(outbox.seq > after).order_by(outbox.seq)
            .limit(limit - len(picked) + len(held))
        ).all()
        if not rows:
            break
        for seq, record_id, kind in rows:
            after = seq
            if kind in RECORD_KINDS and record_id not in held and record_id not in picked:
                picked[record_id] = kind
                if len(picked) >= limit:
                    break
    return picked


@dataclass(frozen=True)
class Operation:
    """One sealed operation, as persisted in ``sync_inflight`` before it is sent."""

    seq: int
    kind: str
    record_id: str
    base_version: int
    deleted: bool
    sealed: bytes
    payload: str


_INFLIGHT_COLUMNS = [SyncInflight.seq, SyncInflight.kind, SyncInflight.record_id,
                     SyncInflight.base_version, SyncInflight.deleted, SyncInflight.sealed,
                     SyncInflight.payload]


def prepare_batch(session: Session, office_key: OfficeKey, *,
                  limit: int = wire.MAX_PUSH_OPERATIONS, after_seq: int = 0) -> list[Operation]:
    """:func:`seal_batch` in a transaction of its own; commits the batch before returning it."""
    state = lock_for_write(session)
    batch = seal_batch(session, state, office_key, limit=limit, after_seq=after_seq)
    session.commit()
    return batch


def seal_batch(session: Session, state: SyncState, office_key: OfficeKey, *, limit: int,
               after_seq: int = 0, hold: Collection[str] = ()) -> list[Operation]:
    """The operations to send next: those in flight after ``after_seq`` (left by an earlier
    run), else a new batch from the outbox, sealed and written to ``sync_inflight``.
    ``after_seq`` is the last sequence number of a batch still on its way, so the next one can
    be sealed meanwhile; records in ``hold`` stay in the outbox.

    Call it after :func:`lock_for_write`, and commit before sending the batch.
    """
    connection = session.connection()
    inflight = [Operation(**row._asdict()) for row in connection.execute(
        select(*_INFLIGHT_COLUMNS).where(SyncInflight.seq > after_seq)
        .order_by(SyncInflight.seq).limit(limit)
    )]
    if inflight:
        return inflight
    picked = _coalesced_outbox(session, limit, hold)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for record_id, kind in picked.items():
        by_kind[kind].append(record_id)
    payloads: dict[str, dict[str, Any]] = {}
    for kind, ids in by_kind.items():
        for part in chunks(ids):
            payloads.update(payloads_of(session, kind, part))
    bases = known_versions(session, list(picked))
    # A newer version's fields this one does not know go back with the change, unchanged.
    extras = base_extras(session, list(bases))
    batch = []
    next_seq = state.next_seq
    for record_id, kind in picked.items():
        payload = payloads.get(record_id)
        if payload is None:
            continue
        if record_id in extras:
            payload = {**extras[record_id], **payload}
        base_version = bases.get(record_id, 0)
        if kind == "audit_event" and base_version:
            # The office has this event already, and its log is append-only: the server
            # refuses every later version, and an unchanged one says nothing new.
            continue
        text = payload_json(payload)
        sealed = seal_json(office_key, office_id=state.office_id, kind=kind,
                           record_id=record_id, version=base_version + 1, text=text)
        batch.append(Operation(next_seq, kind, record_id, base_version,
                               payload["deleted_at"] is not None, sealed, text))
        next_seq += 1
    if batch:
        connection.execute(insert(_INFLIGHT), [vars(op) for op in batch])
    state.next_seq = next_seq
    for part in chunks(list(picked)):
        connection.execute(delete(OUTBOX_TABLE).where(OUTBOX_TABLE.c.record_id.in_(part)))
    return batch


def renumber(session: Session, acknowledged: wire.Acknowledged) -> None:
    """After the server said what it acknowledged for this device: the next operation is
    numbered above the server's highest, and the pull goes back to just before the first of
    this device's operations it never heard of, so that they come back here."""
    state = lock_for_write(session)
    state.next_seq = max(state.next_seq, acknowledged.highest_seq + 1)
    if acknowledged.first_server_seq is not None:
        state.pull_cursor = min(state.pull_cursor, acknowledged.first_server_seq - 1)
    state.epoch_from_seq = None
    session.commit()


def blob_of(op: Operation) -> str | None:
    """The blob an operation's record keeps its content in: an attachment's ``blob_id``."""
    if op.kind != "attachment":
        return None
    blob_id = json.loads(op.payload).get("blob_id")
    return blob_id if isinstance(blob_id, str) else None


def to_request(batch: list[Operation], epoch: str | None = None) -> wire.PushRequest:
    """The request for a batch, built without validation: every field comes from this device's
    own columns, typed as the wire wants them, and validating the ciphertext's base64 pattern
    would cost more than sealing it. An attachment names its blob, so that the server keeps
    the blob while a record uses it."""
    return wire.PushRequest.model_construct(epoch=epoch, operations=[
        wire.PushOperation.model_construct(
            seq=op.seq, kind=op.kind, record_id=op.record_id, base_version=op.base_version,
            deleted=op.deleted, ciphertext=b64encode(op.sealed), blob_id=blob_of(op))
        for op in batch
    ])


@dataclass
class PushOutcome:
    acknowledged: int = 0
    conflicts: int = 0
    rejected: int = 0
    #: Ids of the records answered "conflict": back in the outbox, they wait for the pull.
    conflicted: list[str] = field(default_factory=list)
    #: Sequence numbers the server had applied before for another change (``seq_stale``):
    #: their records are back in the outbox, to go again under fresh numbers.
    stale: list[int] = field(default_factory=list)


def apply_results(session: Session, batch: list[Operation],
                  response: wire.PushResponse) -> PushOutcome:
    """:func:`record_answers` in a transaction of its own."""
    lock_for_write(session)
    outcome = record_answers(session, batch, response)
    session.commit()
    return outcome


def record_answers(session: Session, batch: list[Operation],
                   response: wire.PushResponse) -> PushOutcome:
    """Records the server's answer per operation; call it after :func:`lock_for_write`.

    Applied or duplicate: the server version becomes the record's base. Conflict: the change
    goes back to the outbox and the next pull merges it (``PushOutcome.conflicted`` names
    them). Rejected for a stale sequence number (a restored or copied vault numbered it as
    one the server applied before): back to the outbox as well, to be sealed again under a
    fresh number once the client knows the server's highest (``PushOutcome.stale``).
    Rejected otherwise: put aside, never retried. An operation without an answer stays in
    flight and is resent.
    """
    outcome = PushOutcome()
    by_seq = {op.seq: op for op in batch}
    acknowledged: list[tuple[Operation, int]] = []
    answered: list[int] = []
    for result in response.results:
        op = by_seq.pop(result.seq, None)
        if op is None:
            continue
        if result.status in (wire.OperationStatus.APPLIED, wire.OperationStatus.DUPLICATE):
            if result.version is None:
                by_seq[op.seq] = op
                continue
            acknowledged.append((op, result.version))
        elif result.status == wire.OperationStatus.CONFLICT:
            queue_again(session, kind=op.kind, record_id=op.record_id,
                        version=op.base_version + 1)
            outcome.conflicts += 1
            outcome.conflicted.append(op.record_id)
        elif reason_code(result.reason) == BLOB_MISSING:
            # Its blob is gone from the server (pruned while this device waited to push):
            # uploaded again at the next sync, then the record goes.
            session.execute(delete(SyncBlobSent).where(SyncBlobSent.blob_id == blob_of(op)))
            queue_again(session, kind=op.kind, record_id=op.record_id,
                        version=op.base_version + 1)
        elif reason_code(result.reason) in wire.SEQ_STALE_CODES:
            queue_again(session, kind=op.kind, record_id=op.record_id,
                        version=op.base_version + 1)
            outcome.stale.append(op.seq)
        else:
            session.add(SyncRejected(
                seq=op.seq, kind=op.kind, record_id=op.record_id, base_version=op.base_version,
                reason=(result.reason or "abgelehnt")[:500], payload=op.payload,
            ))
            outcome.rejected += 1
        answered.append(op.seq)
    connection = session.connection()
    for part in chunks(answered):
        connection.execute(delete(_INFLIGHT).where(_INFLIGHT.c.seq.in_(part)))
    _record_bases(session, acknowledged)
    _drop_superseded_rejections(session, acknowledged)
    outcome.acknowledged = len(acknowledged)
    return outcome


def reason_code(reason: str | None) -> str:
    """The stable code a server's reason starts with (``code: German text``)."""
    return (reason or "").partition(":")[0].strip()


def _drop_superseded_rejections(session: Session,
                                acknowledged: list[tuple[Operation, int]]) -> None:
    """A change the server refused is superseded once a later push of the same record was
    acknowledged: a payload carries the whole record, so the refused change went with it."""
    connection = session.connection()
    if not acknowledged or connection.execute(select(_REJECTED.c.id).limit(1)).first() is None:
        return
    connection.execute(
        delete(_REJECTED).where(_REJECTED.c.record_id == bindparam("b_record_id"),
                                _REJECTED.c.seq < bindparam("b_seq")),
        [{"b_record_id": op.record_id, "b_seq": op.seq} for op, _version in acknowledged])


def _record_bases(session: Session, acknowledged: list[tuple[Operation, int]]) -> None:
    if not acknowledged:
        return
    ids = [op.record_id for op, _ in acknowledged]
    connection = session.connection()
    have = set(known_versions(session, ids))
    still_pending: set[str] = set()
    for part in chunks(ids):
        still_pending.update(connection.scalars(
            select(OUTBOX_TABLE.c.record_id).where(OUTBOX_TABLE.c.record_id.in_(part))
        ))
    rows = [{"record_id": op.record_id, "kind": op.kind, "version": version,
             "payload": op.payload} for op, version in acknowledged]
    updates = [row for row in rows if row["record_id"] in have]
    inserts = [row for row in rows if row["record_id"] not in have]
    if updates:
        connection.execute(
            update(BASES_TABLE).where(BASES_TABLE.c.record_id == bindparam("b_record_id"))
            .values(kind=bindparam("kind"), version=bindparam("version"),
                    payload=bindparam("payload")),
            [{**row, "b_record_id": row["record_id"]} for row in updates],
        )
    if inserts:
        connection.execute(insert(BASES_TABLE), inserts)
    by_kind: dict[str, list[dict[str, object]]] = defaultdict(list)
    for op, version in acknowledged:
        # The local row keeps its content; its version becomes the server's, so every device
        # ends with the same version number for the same content.
        if op.record_id not in still_pending and op.kind in RECORD_KINDS:
            by_kind[op.kind].append({"b_id": op.record_id, "version": version})
    for kind, values in by_kind.items():
        table = record_table(kind)
        connection.execute(update(table).where(table.c.id == bindparam("b_id"))
                           .values(version=bindparam("version")), values)

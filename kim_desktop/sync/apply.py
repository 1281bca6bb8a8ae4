"""Applying pulled records to the local database, generic over every synced record kind.

The caller runs this inside one transaction with ``Session.info["applying_remote"] = True``
and stores the new pull cursor in the same transaction, so a page is applied entirely or not at
all. Rules:

* a version this device already has (``sync_base``) is skipped: re-pulling a page is harmless;
* a record with pending local changes (outbox, in flight, or an open conflict) is never
  overwritten: it is merged three-way against the shadow base; overlapping fields become a
  conflict record;
* except a record of an erased person: the erasure overrides every local change, and the
  record is stored blanked (kim_desktop/sync/erasure.py);
* a record whose parent has not arrived yet is parked and applied once the parent is there;
  within a page, foreign keys are checked at commit, and kinds are applied parents first;
* a record that opened but cannot be applied (a kind this version does not know, a required
  field missing, a value the database refuses, a change or deletion of an audit event this
  device has: the log is append-only) is not applied and is named in
  ``ApplyOutcome.faults`` with its reason; everything else is. The caller puts it into the
  quarantine (kim_desktop/sync/pull.py), and later syncs try it again;
* fields this version does not know are kept with the shadow base (``sync_base.extra``), so
  a change made here sends them back unchanged (kim_desktop/sync/push.py).

Bulk statements go to the session's connection as Core statements: the ORM's execution layer
costs more than the statement itself at a thousand records per page.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, delete, insert, select, text, update
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    ProgrammingError,
    StatementError,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.ddl import sort_tables

from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.core.drafts import discard_drafts_about
from kim_desktop.core.outbox import OutboxEntry, queue_again
from kim_desktop.sync.erasure import override_erased, push_tombstones
from kim_desktop.sync.merge import three_way_merge
from kim_desktop.sync.payloads import payload_of, required_fields, unknown_fields, values_of
from kim_desktop.sync.state import (
    SyncBase,
    SyncConflict,
    SyncInflight,
    SyncParked,
)
from kim_protocol.payload import payload_json

#: Ids per IN list: a whole group of pages or batches in one statement. Fewer statements
#: matter beyond their own cost: each hands the GIL to the pull worker and waits to get it
#: back. SQLite takes up to 32,766 parameters per statement (since 3.32).
_CHUNK = 5000
BASES_TABLE: Table = SyncBase.__table__  # type: ignore[assignment]
OUTBOX_TABLE: Table = OutboxEntry.__table__  # type: ignore[assignment]
INFLIGHT_TABLE: Table = SyncInflight.__table__  # type: ignore[assignment]
CONFLICTS_TABLE: Table = SyncConflict.__table__  # type: ignore[assignment]
PARKED_TABLE: Table = SyncParked.__table__  # type: ignore[assignment]
_Item = TypeVar("_Item")


@dataclass(frozen=True)
class Incoming:
    kind: str
    record_id: str
    version: int
    payload: dict[str, Any]
    #: The payload's JSON text as it arrived, kept as the shadow base without encoding it again.
    text: str | None = None
    #: The payload's column values (:func:`~kim_desktop.sync.payloads.values_of`), when the
    #: caller converted them already to check that they fit.
    values: dict[str, Any] | None = None


#: Why a record that opened was not applied (``SyncQuarantine.reason``).
FAULT_KIND = "kind"  # a kind this version does not know
FAULT_MISSING = "missing"  # a required field missing or empty
FAULT_CONSTRAINT = "constraint"  # the database refused a value
FAULT_APPEND_ONLY = "append_only"  # would change or delete an audit event this device has

#: What an audit event says; a later version may not change any of it.
_AUDIT_FIELDS = ("at", "user", "action", "record_kind", "record_id", "detail")


@dataclass
class ApplyOutcome:
    applied: int = 0
    merged: int = 0
    conflicts: int = 0
    parked: int = 0
    #: Pulled versions put aside because they did not open (kim_desktop/sync/pull.py).
    quarantined: int = 0
    changed_kinds: set[str] = field(default_factory=set)
    #: Records that opened but could not be applied, with the reason (``FAULT_*``).
    faults: list[tuple[Incoming, str]] = field(default_factory=list)

    def add(self, other: ApplyOutcome) -> None:
        self.applied += other.applied
        self.merged += other.merged
        self.conflicts += other.conflicts
        self.parked += other.parked
        self.quarantined += other.quarantined
        self.changed_kinds |= other.changed_kinds
        self.faults += other.faults


def _record_fault(error: Exception) -> bool:
    """Whether ``error`` is about the record being written (a value the database refuses),
    not about the database itself (locked, full, damaged): only the former is put aside."""
    if isinstance(error, IntegrityError | DataError | ProgrammingError | InterfaceError):
        return True
    if isinstance(error, DBAPIError):
        return False
    return isinstance(error, StatementError | ValueError | TypeError)


def chunks(items: Sequence[_Item], size: int = _CHUNK) -> Iterator[Sequence[_Item]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def record_table(kind: str) -> Table:
    table = RECORD_KINDS[kind].__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def _kind_order() -> dict[str, int]:
    """Every kind's place when parents come before children."""
    tables = [record_table(kind) for kind in RECORD_KINDS]
    return {table.name: index for index, table in enumerate(sort_tables(tables))}


def _existing_ids(session: Session, table: Table, column: str, ids: Iterable[str]) -> set[str]:
    wanted = sorted(set(ids))
    found: set[str] = set()
    col = table.c[column]
    connection = session.connection()
    for part in chunks(wanted):
        found.update(connection.execute(select(col).where(col.in_(part))).scalars())
    return found


def _pending_ids(session: Session, ids: Sequence[str]) -> set[str]:
    pending: set[str] = set()
    connection = session.connection()
    for part in chunks(ids):
        for table in (OUTBOX_TABLE, INFLIGHT_TABLE, CONFLICTS_TABLE):
            column = table.c.record_id
            pending.update(connection.execute(select(column).where(column.in_(part))).scalars())
    return pending


def _unresolved_parents(session: Session, records: list[Incoming]) -> set[str]:
    """Ids of records whose foreign keys point at rows neither present nor arriving."""
    arriving: dict[str, set[str]] = defaultdict(set)
    for record in records:
        arriving[record.kind].add(record.record_id)
    candidates = {record.record_id: record for record in records}
    parked: set[str] = set()
    known: dict[tuple[str, str], set[str]] = {}
    tables: dict[str, Table] = {}
    changed = True
    while changed:
        changed = False
        wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
        refs: list[tuple[Incoming, str, str, str]] = []
        for record in candidates.values():
            for fk in record_table(record.kind).foreign_keys:
                value = record.payload.get(fk.parent.key)
                if value is None:
                    continue
                target = (fk.column.table.name, fk.column.key)
                tables[target[0]] = fk.column.table
                refs.append((record, target[0], target[1], value))
                if value not in arriving.get(target[0], ()):
                    wanted[target].add(value)
        for target, values in wanted.items():
            missing = values - known.get(target, set())
            if missing:
                known.setdefault(target, set()).update(
                    _existing_ids(session, tables[target[0]], target[1], missing)
                )
        for record, table_name, _column, value in refs:
            if record.record_id not in candidates:
                continue
            present = value in arriving.get(table_name, ()) or value in known.get(
                (table_name, _column), set()
            )
            if not present:
                del candidates[record.record_id]
                arriving[record.kind].discard(record.record_id)
                parked.add(record.record_id)
                changed = True
    return parked


def _upsert_bases(session: Session, records: Sequence[Incoming], have: Container[str]) -> None:
    """Stores each record as its new shadow base; ``have`` holds the ids that have one."""
    rows = [
        {"record_id": r.record_id, "kind": r.kind, "version": r.version,
         "payload": r.text if r.text is not None else payload_json(r.payload),
         "extra": _extra_json(r)}
        for r in records
    ]
    updates = [row for row in rows if row["record_id"] in have]
    inserts = [row for row in rows if row["record_id"] not in have]
    connection = session.connection()
    if updates:
        connection.execute(
            update(BASES_TABLE).where(BASES_TABLE.c.record_id == bindparam("b_record_id"))
            .values(kind=bindparam("kind"), version=bindparam("version"),
                    payload=bindparam("payload"), extra=bindparam("extra")),
            [{**row, "b_record_id": row["record_id"]} for row in updates],
        )
    if inserts:
        connection.execute(insert(BASES_TABLE), inserts)


def _extra_json(record: Incoming) -> str | None:
    """The fields of a remote version this version does not know, as JSON (None: none)."""
    extra = unknown_fields(record.kind, record.payload)
    return payload_json(extra) if extra else None


def base_extras(session: Session, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The fields unknown to this version that the shadow bases of ``ids`` carry, by id;
    only records that have any are named (usually none)."""
    extras: dict[str, dict[str, Any]] = {}
    connection = session.connection()
    column = BASES_TABLE.c.extra
    for part in chunks(ids):
        for record_id, extra in connection.execute(
            select(BASES_TABLE.c.record_id, column)
            .where(BASES_TABLE.c.record_id.in_(part), column.is_not(None))
        ):
            extras[record_id] = json.loads(extra)
    return extras


def _overwrite(session: Session, records: Sequence[Incoming]) -> None:
    """Writes remote versions of records without pending local changes, in bulk."""
    by_kind: dict[str, list[Incoming]] = defaultdict(list)
    for record in records:
        by_kind[record.kind].append(record)
    for kind, items in by_kind.items():
        table = record_table(kind)
        have = _existing_ids(session, table, "id", [r.record_id for r in items])
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for record in items:
            values = dict(record.values) if record.values is not None \
                else values_of(kind, record.payload)
            values["id"] = record.record_id
            values["version"] = record.version
            (updates if record.record_id in have else inserts).append(values)
        # Core statements, not the ORM's bulk paths: attribute keys are the column names.
        connection = session.connection()
        for rows in _by_columns(inserts).values():
            connection.execute(insert(table), rows)
        for columns, rows in _by_columns(updates).items():
            connection.execute(
                update(table).where(table.c.id == bindparam("b_id"))
                .values({name: bindparam(name) for name in columns if name != "id"}),
                [{**row, "b_id": row["id"]} for row in rows],
            )


def _by_columns(rows: list[dict[str, Any]]) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Rows grouped by the columns they set (a newer or older peer may send fewer)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(row)].append(row)
    return groups


def _merge_one(session: Session, record: Incoming, outcome: ApplyOutcome) -> None:
    """A remote version of a record with pending local changes: merge, never overwrite."""
    model = RECORD_KINDS[record.kind]
    local_row = session.get(model, record.record_id)
    base_row = session.get(SyncBase, record.record_id)
    base = json.loads(base_row.payload) if base_row else {}
    if local_row is None:
        _overwrite(session, [record])
        return
    # Fields this version does not know are unchanged here: the local side keeps the base's.
    local = {**base_extras(session, [record.record_id]).get(record.record_id, {}),
             **payload_of(local_row)}
    merged, overlapping = three_way_merge(base, local, record.payload)
    values = values_of(record.kind, merged)
    values["id"] = record.record_id
    values["version"] = record.version
    session.execute(update(model), [values])
    session.expire(local_row)
    conflict = session.scalars(
        select(SyncConflict).where(SyncConflict.record_id == record.record_id)
    ).one_or_none()
    if conflict is not None:
        fields = sorted(set(json.loads(conflict.fields)) | set(overlapping))
        conflict.fields = json.dumps(fields)
        conflict.remote_payload = payload_json(record.payload)
        conflict.remote_version = record.version
        conflict.local_payload = payload_json(merged)
        outcome.conflicts += 1 if overlapping else 0
    elif overlapping:
        session.add(SyncConflict(
            kind=record.kind, record_id=record.record_id, fields=json.dumps(overlapping),
            local_payload=payload_json(local), remote_payload=payload_json(record.payload),
            base_payload=payload_json(base), remote_version=record.version,
        ))
        outcome.conflicts += 1
    if not session.scalars(
        select(SyncInflight.seq).where(SyncInflight.record_id == record.record_id)
    ).first():
        # The merged record differs from the remote version: it must be pushed on top of it.
        queue_again(session, kind=record.kind, record_id=record.record_id,
                    version=record.version)
    outcome.merged += 1


def _park(session: Session, records: Sequence[Incoming]) -> None:
    for record in records:
        session.merge(SyncParked(record_id=record.record_id, kind=record.kind,
                                 version=record.version, payload=payload_json(record.payload)))


def apply_incoming(session: Session, incoming: Iterable[Incoming], *,
                   bases: dict[str, int] | None = None) -> ApplyOutcome:
    """Applies remote record versions; see the module docstring for the rules.

    ``bases`` may hold :func:`known_versions` of (at least) the incoming ids, when the caller
    has just read them.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
    latest: dict[str, Incoming] = {}
    for record in incoming:
        if record.record_id not in latest or latest[record.record_id].version < record.version:
            latest[record.record_id] = record
    records = list(latest.values())
    outcome = ApplyOutcome()
    try:
        # All at once, as usual: one savepoint for the lot.
        with session.begin_nested():
            _apply(session, records, outcome, bases)
            _unpark(session, outcome, _apply)
    except Exception as error:
        if not _record_fault(error):
            raise
        # Some record's value was refused: one by one, to find it and apply the others.
        outcome = ApplyOutcome()
        _apply_each(session, records, outcome, bases)
        _unpark(session, outcome, _apply_each)
    return outcome


def _apply_each(session: Session, records: list[Incoming], outcome: ApplyOutcome,
                bases: dict[str, int] | None = None) -> None:
    """:func:`_apply` record by record, each in a savepoint of its own, parents first: a
    record the database refuses becomes a fault, and the others are applied."""
    order = _kind_order()
    for record in sorted(records, key=lambda r: order.get(r.kind, 0)):
        single = ApplyOutcome()
        try:
            with session.begin_nested():
                _apply(session, [record], single, bases)
        except Exception as error:
            if not _record_fault(error):
                raise
            outcome.faults.append((record, FAULT_CONSTRAINT))
            continue
        outcome.add(single)


def known_versions(session: Session, ids: Sequence[str]) -> dict[str, int]:
    """The server version this device has of each record (its base), by id."""
    bases: dict[str, int] = {}
    connection = session.connection()
    for part in chunks(ids):
        bases.update(connection.execute(
            select(BASES_TABLE.c.record_id, BASES_TABLE.c.version)
            .where(BASES_TABLE.c.record_id.in_(part))
        ).all())
    return bases


def _apply(session: Session, records: list[Incoming], outcome: ApplyOutcome,
           bases: dict[str, int] | None = None) -> None:
    if bases is None:
        bases = known_versions(session, [record.record_id for record in records])
    fresh = [r for r in records if bases.get(r.record_id, 0) < r.version]
    faults = _faults(session, fresh)
    outcome.faults += [(r, faults[r.record_id]) for r in fresh if r.record_id in faults]
    known = [r for r in fresh if r.record_id not in faults]
    orphans = _unresolved_parents(session, known)
    to_park = [r for r in known if r.record_id in orphans]
    _park(session, to_park)
    outcome.parked += len(to_park)
    ready = [r for r in known if r.record_id not in orphans]
    connection = session.connection()
    for part in chunks([r.record_id for r in ready]):
        connection.execute(delete(PARKED_TABLE).where(PARKED_TABLE.c.record_id.in_(part)))
    order = _kind_order()
    ready.sort(key=lambda r: order.get(r.kind, 0))
    erasures = override_erased(session, ready)
    ready = erasures.records
    pending = _pending_ids(session, [r.record_id for r in ready]) - erasures.ids
    plain = [r for r in ready if r.record_id not in pending]
    erased = [r.record_id for r in ready if r.kind == "client" and r.payload.get("erased_at")]
    if erasures.ids:
        _delete_securely(session)
    files = _file_digests(session, [r.record_id for r in ready if r.kind == "attachment"])
    _overwrite(session, plain)
    for record in ready:
        if record.record_id in pending:
            _merge_one(session, record, outcome)
    _drop_replaced_files(session, files)
    # erased on another device: what was typed about them here goes too
    discard_drafts_about(session, client_ids=erased)
    _upsert_bases(session, ready, bases)
    push_tombstones(session, erasures.to_push)
    outcome.applied += len(plain)
    outcome.changed_kinds.update(r.kind for r in ready)


def _delete_securely(session: Session) -> None:
    """An erasure from another device overwrites freed pages here too, as it did there, so
    the erased text does not linger in the file."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete = ON"))


def _file_digests(session: Session, ids: Sequence[str]) -> dict[str, str]:
    """The SHA-256 the attachments ``ids`` that hold their file here name, by id."""
    table = record_table("attachment")
    digests: dict[str, str] = {}
    for part in chunks(ids):
        digests.update((row.id, row.sha256) for row in session.connection().execute(
            select(table.c.id, table.c.sha256)
            .where(table.c.id.in_(part), table.c.content.is_not(None))))
    return digests


def _drop_replaced_files(session: Session, digests: dict[str, str]) -> None:
    """Drops the file of each attachment whose new version names another one, or none (an
    erasure): the bytes kept would not be the file the record names, and an erased person's
    documents must not stay on this device. The blob brings the new file, if there is one."""
    table = record_table("attachment")
    connection = session.connection()
    replaced = [row.id for part in chunks(list(digests)) for row in
                connection.execute(select(table.c.id, table.c.sha256)
                                   .where(table.c.id.in_(part)))
                if row.sha256 != digests[row.id]]
    for part in chunks(replaced):
        connection.execute(update(table).where(table.c.id.in_(part)).values(content=None))


def _faults(session: Session, records: list[Incoming]) -> dict[str, str]:
    """Records that cannot be applied as they are, found before writing anything: a kind this
    version does not know, an empty required field, or a required field missing from a
    record that is new here (an existing record keeps its value of a missing field)."""
    faults: dict[str, str] = {}
    lacking: dict[str, list[str]] = defaultdict(list)
    for record in records:
        if record.kind not in RECORD_KINDS:
            faults[record.record_id] = FAULT_KIND
            continue
        required = required_fields(record.kind)
        if any(record.payload.get(key, "") is None for key in required.not_null):
            faults[record.record_id] = FAULT_MISSING
        elif not required.without_default <= record.payload.keys():
            lacking[record.kind].append(record.record_id)
    for kind, ids in lacking.items():
        existing = _existing_ids(session, record_table(kind), "id", ids)
        faults.update((record_id, FAULT_MISSING) for record_id in ids
                      if record_id not in existing)
    faults.update(_audit_rewrites(session, [r for r in records if r.kind == "audit_event"
                                            and r.record_id not in faults]))
    return faults


def _audit_rewrites(session: Session, records: list[Incoming]) -> dict[str, str]:
    """Audit events that a version would delete or rewrite: the log is append-only, and every
    enrolled device holds the office key, so any of them could otherwise forge or remove the
    trail of the others. Only the first version this device gets is applied; a later one that
    repeats it unchanged is harmless."""
    if not records:
        return {}
    table = record_table("audit_event")
    connection = session.connection()
    have = {row.id: row for part in chunks([r.record_id for r in records])
            for row in connection.execute(select(table).where(table.c.id.in_(part)))}
    faults: dict[str, str] = {}
    for record in records:
        row = have.get(record.record_id)
        if record.payload.get("deleted_at") is not None:
            faults[record.record_id] = FAULT_APPEND_ONLY
        elif row is not None:
            values = record.values if record.values is not None \
                else values_of(record.kind, record.payload)
            if any(values.get(key) != getattr(row, key) for key in _AUDIT_FIELDS):
                faults[record.record_id] = FAULT_APPEND_ONLY
    return faults


def _unpark(session: Session, outcome: ApplyOutcome,
            apply: Callable[[Session, list[Incoming], ApplyOutcome], None]) -> None:
    """Retries parked records whose parents may have arrived, through ``apply``; stops when
    nothing moves."""
    while True:
        parked = session.scalars(
            select(SyncParked).where(SyncParked.kind.in_(list(RECORD_KINDS)))
        ).all()
        if not parked:
            return
        records = [Incoming(p.kind, p.record_id, p.version, json.loads(p.payload)) for p in parked]
        orphans = _unresolved_parents(session, records)
        ready = [r for r in records if r.record_id not in orphans]
        if not ready:
            return
        session.execute(delete(SyncParked).where(
            SyncParked.record_id.in_([r.record_id for r in ready])
        ))
        outcome.parked -= min(outcome.parked, len(ready))
        apply(session, ready, outcome)

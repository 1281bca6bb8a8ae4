"""An erasure overrides everything of the person on every device (Art. 17 GDPR).

An erasure made on one device reaches the others by the pull. What a device holds of the
person there must not survive it: a local edit not yet sent, an open conflict (which keeps
both versions of the record), or a record made there, offline, after the person was erased
elsewhere. So, while a pull is applied (kim_desktop/sync/apply.py):

* a person's erasure arriving drops the pending local changes and the conflicts of the person
  and all their records, and blanks their records here as :func:`erase_client` does; a record
  the office has with its content (a shadow base that is no tombstone) is queued, so that its
  tombstone replaces that content on the server and the other devices;
* every arriving record of an erased person (erased here or arriving so) is stored blanked,
  never merged with a local change; if it still carried content, its tombstone is queued to be
  pushed in its place, carrying nothing of the person.

A change in flight is left to its answer: the server has the erasure's newer version, so it
answers "conflict", and the record goes again as the tombstone it now is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS, utcnow
from kim_desktop.core.erased_ids import note_erased
from kim_desktop.core.outbox import OutboxEntry, queue_again
from kim_desktop.core.services.retention import blank_record, blank_values, records_of
from kim_desktop.sync.payloads import known_fields
from kim_desktop.sync.state import SyncBase, SyncConflict

#: Kinds that belong to a person through their case; a measure does through its goal.
_BY_CASE = frozenset({"case_phase_change", "needs_assessment", "goal"})
_OUTBOX: Table = OutboxEntry.__table__  # type: ignore[assignment]
_CONFLICTS: Table = SyncConflict.__table__  # type: ignore[assignment]
_BASES: Table = SyncBase.__table__  # type: ignore[assignment]
#: Ids per IN list (SQLite takes 32,766 parameters per statement).
_CHUNK = 5000


class Arriving(Protocol):
    """A pulled record version (:class:`kim_desktop.sync.apply.Incoming`)."""

    @property
    def kind(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def payload(self) -> dict[str, Any]: ...


_Record = TypeVar("_Record", bound=Arriving)


@dataclass
class ErasedRecords(Generic[_Record]):
    """What :func:`override_erased` made of a group of arriving records."""

    #: The group, with each record of an erased person replaced by its blanked tombstone.
    records: list[_Record]
    #: Ids of those records: stored as they are now, never merged with a local change.
    ids: set[str] = field(default_factory=set)
    #: Those among them that arrived with content: their tombstone goes out in its place.
    to_push: list[_Record] = field(default_factory=list)


def _table(kind: str) -> Table:
    table = RECORD_KINDS[kind].__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def _parts(ids: Iterable[str]) -> Iterator[list[str]]:
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), _CHUNK):
        yield wanted[start:start + _CHUNK]


def _lookup(session: Session, kind: str, column: str, ids: Iterable[str]) -> dict[str, str]:
    """``column`` of the local records ``ids`` of ``kind``, by id."""
    table = _table(kind)
    return {row[0]: row[1] for part in _parts(ids) for row in session.connection().execute(
        select(table.c.id, table.c[column]).where(table.c.id.in_(part)))
        if row[1] is not None}


def _owners(session: Session, records: Sequence[Arriving]) -> dict[str, str]:
    """The person each record belongs to, by record id (a person's own record: themselves);
    links to cases and goals are looked up among the arriving records, then here."""
    case_client = {r.record_id: r.payload["client_id"] for r in records
                   if r.kind == "case_record" and r.payload.get("client_id")}
    goal_case = {r.record_id: r.payload["case_id"] for r in records
                 if r.kind == "goal" and r.payload.get("case_id")}
    goal_case.update(_lookup(session, "goal", "case_id", {
        r.payload["goal_id"] for r in records
        if r.kind == "measure" and r.payload.get("goal_id") not in (None, *goal_case)}))
    case_ids = {r.payload.get("case_id") for r in records if r.kind in _BY_CASE}
    case_ids |= {goal_case.get(r.payload.get("goal_id", "")) for r in records
                 if r.kind == "measure"}
    case_client.update(_lookup(session, "case_record", "client_id",
                               {c for c in case_ids if c and c not in case_client}))
    owners: dict[str, str] = {}
    for record in records:
        owner: str | None
        if record.kind == "client":
            owner = record.record_id
        elif record.payload.get("client_id"):
            owner = record.payload["client_id"]
        elif record.kind in _BY_CASE:
            owner = case_client.get(record.payload.get("case_id") or "")
        elif record.kind == "measure":
            owner = case_client.get(goal_case.get(record.payload.get("goal_id") or "") or "")
        else:
            owner = None
        if owner is not None:
            owners[record.record_id] = owner
    return owners


def is_tombstone(kind: str, payload: dict[str, Any]) -> bool:
    """Whether a payload is an erased record's tombstone: deleted, and nothing of the person
    left in any field an erasure empties."""
    if payload.get("deleted_at") is None:
        return False
    blank = blank_values(RECORD_KINDS[kind])
    return all(payload.get(key) in (None, value) for key, value in blank.items()
               if not isinstance(value, bytes))


def _blanked(record: _Record, erased_at: str | None, now: str) -> _Record:
    """``record`` as an erasure leaves it: fields this version does not know go too (they may
    name the person)."""
    known = known_fields(record.kind)
    payload = {key: value for key, value in record.payload.items() if key in known}
    payload.update((key, value) for key, value in blank_values(RECORD_KINDS[record.kind]).items()
                   if not isinstance(value, bytes))
    payload["deleted_at"] = record.payload.get("deleted_at") or now
    if record.kind == "client":
        payload["erased_at"] = record.payload.get("erased_at") or erased_at or now
    replaced: _Record = dataclasses.replace(  # type: ignore[type-var]
        record, payload=payload, text=None, values=None)
    return replaced


def _drop_pending(session: Session, ids: Iterable[str]) -> None:
    """Drops the local changes waiting to be sent and the open conflicts of ``ids``."""
    connection = session.connection()
    for part in _parts(ids):
        for table in (_OUTBOX, _CONFLICTS):
            connection.execute(delete(table).where(table.c.record_id.in_(part)))


def _erase_here(session: Session, client_ids: Iterable[str], arriving: set[str],
                now: dt.datetime) -> None:
    """Blanks the records of persons whose erasure arrives that the group does not bring;
    queues those the office has with content, so their tombstone reaches it."""
    local = [record for client_id in client_ids for record in records_of(session, client_id)
             if record.id not in arriving]
    _drop_pending(session, [record.id for record in local])
    bases: dict[str, Any] = {}
    connection = session.connection()
    for part in _parts(record.id for record in local):
        bases.update((row.record_id, row) for row in connection.execute(
            select(_BASES.c.record_id, _BASES.c.kind, _BASES.c.version, _BASES.c.payload)
            .where(_BASES.c.record_id.in_(part))))
    for record in local:
        blank_record(record, record.deleted_at or now)
        base = bases.get(record.id)
        if base is not None and not is_tombstone(base.kind, json.loads(base.payload)):
            queue_again(session, kind=base.kind, record_id=record.id, version=base.version)
    session.flush()


def override_erased(session: Session, records: list[_Record]) -> ErasedRecords[_Record]:
    """Applies the rules of the module docstring to a group of arriving records (``Incoming``)
    before they are written; returns the group to write."""
    owners = _owners(session, records)
    if not owners:
        return ErasedRecords(records)
    client = _table("client")
    erased: dict[str, str | None] = {
        row.id: row.erased_at.isoformat() for part in _parts(owners.values())
        for row in session.connection().execute(
            select(client.c.id, client.c.erased_at)
            .where(client.c.id.in_(part), client.c.erased_at.is_not(None)))}
    arriving_erasures = {r.record_id for r in records
                         if r.kind == "client" and r.payload.get("erased_at")}
    newly = arriving_erasures - set(erased)
    erased.update(dict.fromkeys(newly))
    owned = [r for r in records if owners.get(r.record_id) in erased]
    if not owned:
        return ErasedRecords(records)
    now = utcnow()
    _erase_here(session, newly, {r.record_id for r in owned}, now)
    for client_id in newly:
        note_erased(session, client_id)
    result: ErasedRecords[_Record] = ErasedRecords([], {r.record_id for r in owned})
    _drop_pending(session, result.ids)
    for record in records:
        if record.record_id not in result.ids:
            result.records.append(record)
            continue
        blanked = _blanked(record, erased[owners[record.record_id]], now.isoformat())
        result.records.append(blanked)
        if not is_tombstone(record.kind, record.payload):
            result.to_push.append(blanked)
    return result


def push_tombstones(session: Session, records: Sequence[Arriving]) -> None:
    """Queues the tombstones of records that arrived with an erased person's content."""
    for record in records:
        queue_again(session, kind=record.kind, record_id=record.record_id,
                    version=record.version)

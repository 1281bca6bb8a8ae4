"""Pulling: open the records of fetched pages, apply a group of pages with its cursor, and put
aside what does not open.

The client fetches pages on a worker thread and opens them there (:func:`open_page`) while the
database thread applies the group fetched before (:func:`apply_group`). A group of whole pages is
one local transaction together with the cursor after its last page: every page is applied
entirely or not at all, and a killed sync pulls again from the last committed cursor. A group
holds several pages because a commit writes every index page the transaction touched, and with
random record ids a thousand records touch nearly a thousand pages of each index, five thousand
not five times as many (bench/sync.py: 55 µs of commit per record in groups of one page of a
thousand, 19 µs in groups of five).

A record version that does not open under the office key, or does not parse, does not stop the
sync. It goes to ``sync_quarantine`` (its ciphertext only), the cursor moves past it, the status
counts it, and every later sync tries it again (:func:`retry_quarantined`): after the office
recovery key was entered again, or after an update that knows a newer encoding, it opens. A newer
version of the record that opens replaces it.

A record version that opens but cannot be applied (a kind this version does not know, a
required field missing, a value the database refuses: as a newer version or a buggy peer could
send it) goes there as well, with its payload and the reason
(:data:`~kim_desktop.sync.apply.FAULT_KIND` and the others); the rest of its group is applied and
the cursor moves on. Later syncs try it again, and after an update that knows it, it applies.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.sync.apply import (
    FAULT_KIND,
    ApplyOutcome,
    Incoming,
    apply_incoming,
    known_versions,
)
from kim_desktop.sync.crypto import OfficeKey, PayloadError, open_json, parse_payload
from kim_desktop.sync.payloads import values_of
from kim_desktop.sync.push import lock_for_write
from kim_desktop.sync.state import SyncParked, SyncQuarantine, SyncState
from kim_protocol import wire
from kim_protocol.payload import payload_json
from kim_protocol.wire import b64decode

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fetched:
    """One pulled page and what the worker made of it."""

    page: wire.PullResponse
    #: Records of other devices, opened, by id. This device's own records (mostly echoes of
    #: its pushes) are left sealed: the database thread opens only those it does not have.
    opened: dict[str, Incoming]
    #: Records that did not open or parse: the reason (:class:`PayloadError`) by id.
    failed: dict[str, str]


def open_record(state: SyncState, office_key: OfficeKey, *, kind: str, record_id: str,
                version: int, ciphertext: str) -> Incoming:
    """The opened record version; raises :class:`PayloadError` when it does not open, or when
    its values do not fit the local columns of its kind."""
    try:
        sealed = b64decode(ciphertext)
    except ValueError as error:
        raise PayloadError("ciphertext is not base64") from error
    text = open_json(office_key, office_id=state.office_id, kind=kind,
                     record_id=record_id, version=version, sealed=sealed)
    payload = parse_payload(text)
    values = None
    if kind in RECORD_KINDS:
        try:
            values = values_of(kind, payload)
        except (ValueError, TypeError) as error:
            raise PayloadError("payload does not fit the record's columns", "parse") from error
    return Incoming(kind, record_id, version, payload, text, values)


def open_page(state: SyncState, office_key: OfficeKey, page: wire.PullResponse) -> Fetched:
    """Opens the page's records of other devices; run on the worker that fetched the page."""
    opened: dict[str, Incoming] = {}
    failed: dict[str, str] = {}
    for record in page.records:
        if record.device_id == state.device_id:
            continue
        try:
            opened[record.record_id] = _open(state, office_key, record)
        except PayloadError as error:
            failed[record.record_id] = error.reason
    return Fetched(page, opened, failed)


def _open(state: SyncState, office_key: OfficeKey, record: wire.PulledRecord) -> Incoming:
    return open_record(state, office_key, kind=record.kind, record_id=record.record_id,
                       version=record.version, ciphertext=record.ciphertext)


def apply_group(session: Session, state: SyncState, office_key: OfficeKey,
                group: list[Fetched], quarantined: set[str]) -> ApplyOutcome:
    """Applies a group of fetched pages and stores the cursor after the last, in one
    transaction. Versions this device has are skipped unopened; ``quarantined`` holds the ids
    in ``sync_quarantine`` (usually none), so that a version that opens replaces its entry."""
    session.info["applying_remote"] = True
    try:
        current = lock_for_write(session)
        records = [record for fetched in group for record in fetched.page.records]
        bases = known_versions(session, [record.record_id for record in records])
        incoming: list[Incoming] = []
        failures: list[tuple[wire.PulledRecord, str]] = []
        for fetched in group:
            for record in fetched.page.records:
                if bases.get(record.record_id, 0) >= record.version:
                    continue
                item = fetched.opened.get(record.record_id)
                reason = fetched.failed.get(record.record_id)
                if item is None and reason is None:
                    try:
                        item = _open(state, office_key, record)
                    except PayloadError as error:
                        reason = error.reason
                if item is not None:
                    incoming.append(item)
                elif reason is not None:
                    failures.append((record, reason))
        outcome = apply_incoming(session, incoming, bases=bases)
        faulted = {item.record_id for item, _reason in outcome.faults}
        for item in incoming:
            if item.record_id in quarantined and item.record_id not in faulted:
                session.execute(delete(SyncQuarantine).where(
                    SyncQuarantine.record_id == item.record_id,
                    SyncQuarantine.version <= item.version,
                ))
        outcome.quarantined = _quarantine(session, failures) + _quarantine_faults(
            session, outcome.faults)
        quarantined.update(record.record_id for record, _reason in failures)
        quarantined.update(faulted)
        current.pull_cursor = group[-1].page.next_cursor
        session.commit()
    finally:
        session.info["applying_remote"] = False
    return outcome


def _quarantine(session: Session, failures: list[tuple[wire.PulledRecord, str]]) -> int:
    """Puts record versions aside (a newer failing version replaces an older one)."""
    for record, reason in failures:
        row = session.get(SyncQuarantine, record.record_id)
        if row is None:
            session.add(SyncQuarantine(record_id=record.record_id, kind=record.kind,
                                       version=record.version, deleted=record.deleted,
                                       ciphertext=record.ciphertext, reason=reason))
        elif row.version <= record.version:
            row.kind, row.version, row.deleted = record.kind, record.version, record.deleted
            row.ciphertext, row.reason = record.ciphertext, reason
            row.attempts += 1
    if failures:
        # Counts and reasons only: never a payload, and no record id either.
        reasons = Counter(reason for _record, reason in failures)
        log.warning("pulled records put aside, they do not open: %s", dict(reasons))
    return len(failures)


def _quarantine_faults(session: Session, faults: list[tuple[Incoming, str]]) -> int:
    """Puts aside record versions that opened but could not be applied, with their payload
    (a newer failing version replaces an older one)."""
    for item, reason in faults:
        text = item.text if item.text is not None else payload_json(item.payload)
        deleted = item.payload.get("deleted_at") is not None
        row = session.get(SyncQuarantine, item.record_id)
        if row is None:
            session.add(SyncQuarantine(record_id=item.record_id, kind=item.kind,
                                       version=item.version, deleted=deleted, ciphertext="",
                                       reason=reason, payload=text))
        elif row.version <= item.version:
            row.kind, row.version, row.deleted = item.kind, item.version, deleted
            row.ciphertext, row.reason, row.payload = "", reason, text
            row.attempts += 1
    if faults:
        reasons = Counter(reason for _item, reason in faults)
        log.warning("pulled records put aside, they do not apply: %s", dict(reasons))
    return len(faults)


def _move_unknown_parked(session: Session) -> None:
    """Records of kinds this version does not know that an earlier version parked go to the
    quarantine, where they are counted and tried again like every record put aside."""
    parked = session.scalars(
        select(SyncParked).where(SyncParked.kind.not_in(list(RECORD_KINDS)))
    ).all()
    for row in parked:
        if session.get(SyncQuarantine, row.record_id) is None:
            session.add(SyncQuarantine(
                record_id=row.record_id, kind=row.kind, version=row.version, deleted=False,
                ciphertext="", reason=FAULT_KIND, payload=row.payload))
        session.delete(row)
    session.flush()


def retry_quarantined(session: Session, state: SyncState, office_key: OfficeKey
                      ) -> ApplyOutcome:
    """Tries every quarantined record version again; those that open and apply now are
    applied, those this device has meanwhile superseded are dropped. One transaction."""
    _move_unknown_parked(session)
    rows = session.scalars(select(SyncQuarantine)).all()
    outcome = ApplyOutcome()
    if not rows:
        session.commit()
        return outcome
    session.info["applying_remote"] = True
    try:
        lock_for_write(session)
        bases = known_versions(session, [row.record_id for row in rows])
        incoming: list[Incoming] = []
        by_id = {row.record_id: row for row in rows}
        for row in rows:
            if bases.get(row.record_id, 0) >= row.version:
                session.delete(row)
                continue
            try:
                incoming.append(_reopen(state, office_key, row))
            except PayloadError as error:
                row.reason = error.reason
                row.attempts += 1
        outcome = apply_incoming(session, incoming, bases=bases)
        faults = {item.record_id: reason for item, reason in outcome.faults}
        for item in incoming:
            row = by_id[item.record_id]
            if item.record_id in faults:
                row.reason = faults[item.record_id]
                row.attempts += 1
            else:
                session.delete(row)
        outcome.faults = []
        session.commit()
    finally:
        session.info["applying_remote"] = False
    return outcome


def _reopen(state: SyncState, office_key: OfficeKey, row: SyncQuarantine) -> Incoming:
    """The record version put aside: from its payload when it opened before, else opened
    from its ciphertext."""
    if row.payload is None:
        return open_record(state, office_key, kind=row.kind, record_id=row.record_id,
                           version=row.version, ciphertext=row.ciphertext)
    payload = parse_payload(row.payload)
    values = None
    if row.kind in RECORD_KINDS:
        try:
            values = values_of(row.kind, payload)
        except (ValueError, TypeError) as error:
            raise PayloadError("payload does not fit the record's columns", "parse") from error
    return Incoming(row.kind, row.record_id, row.version, payload, row.payload, values)


def quarantined_ids(session: Session) -> set[str]:
    return set(session.scalars(select(SyncQuarantine.record_id)))

"""Retention and erasure (Art. 17 GDPR).

After a client's last case is closed the data is kept for the retention period (default in
``resources/data_protection.json``; the data protection officer decides, an office overrides
it in its data folder). :func:`due_for_erasure` lists who is due; the deletion run offers an
archive export of each and then calls :func:`erase_if_still_due`, which checks again that the
person is due. Erasing blanks every name, text, list and document of the client and all their
records and marks them deleted: the rows stay as tombstones so the sync removes them everywhere
too; every user's drafts about them are deleted. Audit events stay; they name no one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Boolean, LargeBinary, String, Text, func, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import text as sql_text

from kim_desktop.core.catalogs import catalogs_for
from kim_desktop.core.db import SyncedRecord, utcnow
from kim_desktop.core.drafts import discard_drafts_about
from kim_desktop.core.erased_ids import note_erased
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import (
    Attachment,
    Case,
    CasePhaseChange,
    Client,
    Consent,
    Consultation,
    ErasureRequest,
    FollowUp,
    Goal,
    HouseholdMember,
    Measure,
    NeedsAssessment,
    Referral,
    ResidenceStatusPeriod,
)
from kim_desktop.core.services._base import (
    Change,
    add_years,
    audit,
    live_client,
    require_admin,
    today,
    write,
)
from kim_desktop.core.services.export import client_export
from kim_protocol.catalogs import RetentionSettings

#: Columns an erasure keeps: identity, stamps, and the links that let the sync find records.
_KEPT = frozenset({
    "id", "created_at", "created_by", "updated_at", "updated_by", "version", "deleted_at",
    "erased_at", "client_id", "case_id", "goal_id", "consultation_id", "waiver_id",
})


#: The person's records whose creation or edit is activity that restarts the period without a
#: case. Not the erasure request: asking for the erasure must not postpone it.
_ACTIVITY: tuple[Any, ...] = (HouseholdMember, ResidenceStatusPeriod, Consent, Consultation,
                              Referral, FollowUp, Attachment)

#: The detail of the export event an archive copy before an erasure is logged with.
ARCHIVE_DETAIL = "Archivkopie"

#: The rules of the retention period, by code.
AFTER_CLOSURE = "after_closure"
WITHOUT_CASE = "without_case"


@dataclass(frozen=True)
class ErasureCandidate:
    """A person due for erasure: since when, under which rule (:data:`AFTER_CLOSURE` or
    :data:`WITHOUT_CASE`), and whether that rule requires an archive copy first."""

    client_id: str
    name: str
    last_case_closed_on: dt.date | None
    due_since: dt.date
    rule: str = AFTER_CLOSURE
    archive_required: bool = False


def due_for_erasure(
    session: Session, *, on: dt.date | None = None, retention: RetentionSettings | None = None,
    client_ids: Collection[str] | None = None,
) -> list[ErasureCandidate]:
    """Clients without an open case whose retention period has ended on ``on`` (today);
    with ``client_ids``, only those of them.

    With closed cases the period runs from the last closure; without any case from the last
    activity with the shorter ``years_without_case``: the latest creation or edit of the
    person or of any of their records, or consultation. No one is due while an open follow-up
    of theirs lies ahead. One query per table, whatever the number of persons.
    """
    day = on or today()
    settings = retention or catalogs_for(session).retention
    wanted = list(client_ids) if client_ids is not None else None

    def among(column: Any) -> list[Any]:
        return [] if wanted is None else [column.in_(wanted)]

    case_rows = session.execute(
        select(Case.client_id, func.max(Case.closed_on), func.count(),
               func.count(Case.closed_on))
        .where(Case.deleted_at.is_(None), *among(Case.client_id)).group_by(Case.client_id)
    ).all()
    cases = {client_id: (last, total, closed) for client_id, last, total, closed in case_rows}
    activity: dict[str, dt.datetime] = {}

    def active(rows: Any) -> None:
        for client_id, *moments in rows:
            latest = max(filter(None, [activity.get(client_id), *moments]))
            activity[client_id] = latest

    for model in _ACTIVITY:
        active(session.execute(
            select(model.client_id, func.max(model.updated_at))
            .where(model.deleted_at.is_(None), *among(model.client_id))
            .group_by(model.client_id)))
    # a consultation may be entered ahead of the day it is held
    active(session.execute(
        select(Consultation.client_id, func.max(Consultation.held_at))
        .where(Consultation.deleted_at.is_(None), *among(Consultation.client_id))
        .group_by(Consultation.client_id)))
    awaited = set(session.scalars(
        select(FollowUp.client_id).distinct()
        .where(FollowUp.deleted_at.is_(None), FollowUp.done_on.is_(None),
               FollowUp.due_on >= day, *among(FollowUp.client_id))))
    due: list[ErasureCandidate] = []
    for client in session.scalars(
            select(Client).where(Client.deleted_at.is_(None), *among(Client.id))):
        last_closed, total, closed = cases.get(client.id, (None, 0, 0))
        if (total and closed < total) or client.id in awaited:
            continue
        if total and last_closed is not None:
            due_since = add_years(last_closed, settings.years_after_closure)
            rule, archive = AFTER_CLOSURE, settings.archive_after_closure
        else:
            last = max(filter(None, [client.created_at, client.updated_at,
                                     activity.get(client.id)]))
            due_since = add_years(last.date(), settings.years_without_case)
            rule, archive = WITHOUT_CASE, settings.archive_without_case
        if due_since <= day:
            due.append(ErasureCandidate(client.id, client.display_name, last_closed, due_since,
                                        rule, archive))
    return sorted(due, key=lambda c: c.due_since)


def blank_values(model: type[Any]) -> dict[str, Any]:
    """What an erasure leaves in each column of ``model`` it empties: no name, text, list or
    document; identity, stamps and links (:data:`_KEPT`) are not named."""
    values: dict[str, Any] = {}
    for attr in inspect(model).column_attrs:
        if attr.key in _KEPT:
            continue
        column = attr.columns[0]
        if isinstance(column.type, JSON):
            values[attr.key] = []
        elif column.nullable:
            values[attr.key] = None
        elif isinstance(column.type, String | Text):
            values[attr.key] = ""
        elif isinstance(column.type, Boolean):
            values[attr.key] = False
        elif isinstance(column.type, LargeBinary):
            values[attr.key] = b""
    return values


def blank_record(record: SyncedRecord, now: dt.datetime) -> None:
    """Empties every name, text, list and document of ``record`` and marks it deleted: the
    tombstone keeps only its identity, stamps and links, which the sync needs."""
    for key, value in blank_values(type(record)).items():
        setattr(record, key, value)
    record.deleted_at = now


def records_of(session: Session, client_id: str) -> list[Any]:
    records: list[Any] = []
    by_client: tuple[Any, ...] = (HouseholdMember, ResidenceStatusPeriod, Consent, Consultation,
                                  Referral, FollowUp, Attachment, Case, ErasureRequest)
    for model in by_client:
        records += session.scalars(select(model).where(model.client_id == client_id)).all()
    case_ids = list(session.scalars(select(Case.id).where(Case.client_id == client_id)))
    by_case: tuple[Any, ...] = (CasePhaseChange, NeedsAssessment, Goal)
    for model in by_case:
        records += session.scalars(select(model).where(model.case_id.in_(case_ids))).all()
    goal_ids = select(Goal.id).where(Goal.case_id.in_(case_ids))
    records += session.scalars(select(Measure).where(Measure.goal_id.in_(goal_ids))).all()
    return records


def _secure_delete(session: Session) -> None:
    """Overwrite freed pages, so that erased text does not linger in the file."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(sql_text("PRAGMA secure_delete = ON"))
        session.commit()


def _erase(session: Session, client: Client,
           archive: Callable[[dict[str, Any]], None] | None) -> None:
    """Blanks the client and their records in the current transaction, after ``archive``.

    The archive step is refused while a file of the person has not arrived on this machine
    (the sync fetches contents apart from records): the copy would lack it, and the erasure's
    tombstone removes it on every machine."""
    if archive is not None:
        missing = session.scalars(
            select(Attachment.filename).where(
                Attachment.client_id == client.id, Attachment.deleted_at.is_(None),
                Attachment.content.is_(None)).order_by(Attachment.filename)).all()
        if missing:
            raise DomainError("archive_incomplete",
                              files=", ".join(f"„{name}“" for name in missing))
        archive(client_export(session, client_id=client.id))
        # a full plaintext copy now exists outside the vault: who made it stays on record
        audit(session, action="export", record=client, detail=ARCHIVE_DETAIL)
    discard_drafts_about(session, client_ids=[client.id])
    now = utcnow()
    records = records_of(session, client.id)
    for record in records:
        blank_record(record, now)
    blank_record(client, now)
    client.erased_at = now
    audit(session, action="erase", record=client, detail=f"{len(records)} records")
    note_erased(session, client.id)


def erase_client(
    session: Session,
    *,
    client_id: str,
    confirm: bool,
    archive: Callable[[dict[str, Any]], None] | None = None,
) -> Change:
    """Erases one client and everything recorded about them (an Art. 17 request or a due
    retention period); only the office admin does. ``confirm`` must be True. ``archive``
    receives the full Art. 15 export first (see
    :func:`~kim_desktop.core.services.export.client_export`), logged as an export before the
    erasure; if it raises, nothing is erased."""
    require_admin(session)
    if not confirm:
        raise DomainError("confirmation_required")
    _secure_delete(session)
    with write(session):
        _erase(session, live_client(session, client_id), archive)
    return Change("client", (client_id,), "erased", client_id)


def erase_if_still_due(
    session: Session,
    *,
    candidate: ErasureCandidate,
    archive: Callable[[dict[str, Any]], None] | None = None,
) -> Change | None:
    """Erases a person the deletion run listed as due, as :func:`erase_client` does, if they
    are still due under the same rule; None, and nothing erased or archived, if not.

    The check runs in the erasing transaction: between the list and the erasure a colleague
    or a sync may have opened a new case or recorded a consultation.
    """
    require_admin(session)
    _secure_delete(session)
    with write(session):
        still = due_for_erasure(session, client_ids=[candidate.client_id])
        if not still or still[0].rule != candidate.rule:
            return None
        _erase(session, live_client(session, candidate.client_id), archive)
    return Change("client", (candidate.client_id,), "erased", candidate.client_id)


def erase_again(session: Session, *, client_ids: Collection[str]) -> int:
    """Erases again those of ``client_ids`` whom the database holds unerased, as
    :func:`erase_client` did: persons erased before whom a restored backup brought back
    (kim_desktop/core/erased_ids.py). The erasure was decided then, so no admin is needed now.
    Returns how many were erased again."""
    wanted = sorted(client_ids)
    if not wanted:
        return 0
    back = [client for part in range(0, len(wanted), 5000) for client in session.scalars(
        select(Client).where(Client.id.in_(wanted[part:part + 5000]),
                             Client.erased_at.is_(None)))]
    if not back:
        return 0
    _secure_delete(session)
    with write(session):
        for client in back:
            _erase(session, client, None)
    return len(back)

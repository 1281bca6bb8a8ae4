"""The caseload: the client table of the main window, filtered and searched.

Name search is tolerant of spelling and transliteration (see :mod:`kim_desktop.core.names`):
each word typed must match a name word, either as a substring of the normalised name or by
its phonetic skeleton. A word like ``17.05.1990`` filters by birth date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for
from kim_desktop.core.models import (
    Case,
    Client,
    Consent,
    ConsentKind,
    FollowUp,
    NeedLevel,
    NeedsAssessment,
)
from kim_desktop.core.names import normalise, phonetic

EXPIRING_WITHIN = dt.timedelta(days=30)
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class ConsentState(StrEnum):
    """The state of the client's consent to data processing, for the caseload column."""

    NONE = "none"
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class CaseloadFilter:
    """What the caseload shows. ``phase`` filters the open case's phase; ``"none"`` means
    clients without an open case. ``field_of_action_code``: the open case has a need above
    ``none`` in that field. ``follow_ups_due_by``: an open follow-up due on or before."""

    text: str = ""
    birth_date: dt.date | None = None
    municipality_code: str | None = None
    phase: str | None = None
    field_of_action_code: str | None = None
    follow_ups_due_by: dt.date | None = None
    responsible_user: str | None = None
    limit: int = 500


@dataclass(frozen=True)
class CaseloadRow:
    client_id: str
    name: str
    age: int | None
    municipality_code: str
    municipality: str
    case_id: str | None
    phase: str | None
    next_follow_up: dt.date | None
    consent_state: ConsentState


def age_on(birth_date: dt.date | None, day: dt.date) -> int | None:
    if birth_date is None:
        return None
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def _text_conditions(query_text: str) -> tuple[list[object], dt.date | None]:
    conditions: list[object] = []
    birth_date = None
    for raw in query_text.split():
        match = _GERMAN_DATE.match(raw)
        if match:
            try:
                birth_date = dt.date(int(match[3]), int(match[2]), int(match[1]))
                continue
            except ValueError:
                pass
        for word in normalise(raw).split():
            options = [Client.search_key.contains(word)]
            if len(word) >= 3:
                options.append(Client.phonetic_key.contains(f" {phonetic(word)} "))
            conditions.append(or_(*options))
    return conditions, birth_date


def _query(flt: CaseloadFilter) -> Select:
    open_case = and_(Case.client_id == Client.id, Case.closed_on.is_(None),
                     Case.deleted_at.is_(None))
    query = (
        select(Client.id, Client.last_name, Client.first_name, Client.birth_date,
               Client.municipality_code, Case.id, Case.phase)
        .outerjoin(Case, open_case)
        .where(Client.deleted_at.is_(None))
    )
    conditions, birth_date = _text_conditions(flt.text)
    query = query.where(*conditions)  # type: ignore[arg-type]
    if birth_date or flt.birth_date:
        query = query.where(Client.birth_date == (flt.birth_date or birth_date))
    if flt.municipality_code:
        query = query.where(Client.municipality_code == flt.municipality_code)
    if flt.phase == "none":
        query = query.where(Case.id.is_(None))
    elif flt.phase:
        query = query.where(Case.phase == flt.phase)
    if flt.responsible_user:
        query = query.where(Case.responsible_user == flt.responsible_user)
    if flt.field_of_action_code:
        query = query.where(exists().where(
            NeedsAssessment.case_id == Case.id,
            NeedsAssessment.field_of_action_code == flt.field_of_action_code,
            NeedsAssessment.level != NeedLevel.NONE,
            NeedsAssessment.deleted_at.is_(None),
        ))
    if flt.follow_ups_due_by:
        query = query.where(exists().where(
            FollowUp.client_id == Client.id,
            FollowUp.done_on.is_(None),
            FollowUp.deleted_at.is_(None),
            FollowUp.due_on <= flt.follow_ups_due_by,
        ))
    return query.order_by(Client.last_name, Client.first_name, Client.id).limit(flt.limit)


def consent_state(consents: list[Consent], day: dt.date) -> ConsentState:
    """The state of a client's data-processing consents on ``day``."""
    live = [c for c in consents if c.deleted_at is None]
    valid = [c for c in live if c.is_valid_on(day)]
    if valid:
        if all(c.expires_on is not None and c.expires_on - day <= EXPIRING_WITHIN for c in valid):
            return ConsentState.EXPIRING
        return ConsentState.VALID
    if not live:
        return ConsentState.NONE
    latest = max(live, key=lambda c: c.granted_on)
    return ConsentState.WITHDRAWN if latest.withdrawn_on else ConsentState.EXPIRED


def caseload(
    session: Session, *, filter: CaseloadFilter | None = None, today: dt.date | None = None
) -> list[CaseloadRow]:
    """The rows of the caseload table, sorted by name, at most ``filter.limit``."""
    flt = filter or CaseloadFilter()
    day = today or dt.date.today()
    rows = session.execute(_query(flt)).all()
    ids = [row[0] for row in rows]
    next_follow_up: dict[str, dt.date] = {}
    consents: dict[str, list[Consent]] = defaultdict(list)
    if ids:
        next_follow_up = dict(session.execute(
            select(FollowUp.client_id, func.min(FollowUp.due_on))
            .where(FollowUp.client_id.in_(ids), FollowUp.done_on.is_(None),
                   FollowUp.deleted_at.is_(None))
            .group_by(FollowUp.client_id)
        ).all())
        for consent in session.scalars(select(Consent).where(
            Consent.client_id.in_(ids), Consent.kind == ConsentKind.DATA_PROCESSING,
            Consent.deleted_at.is_(None),
        )):
            consents[consent.client_id].append(consent)
    municipalities = catalogs_for(session).municipalities
    return [
        CaseloadRow(
            client_id=client_id,
            name=f"{last}, {first}" if first else last,
            age=age_on(birth_date, day),
            municipality_code=municipality,
            municipality=municipalities.label(municipality),
            case_id=case_id,
            phase=phase,
            next_follow_up=next_follow_up.get(client_id),
            consent_state=consent_state(consents.get(client_id, []), day),
        )
        for client_id, last, first, birth_date, municipality, case_id, phase in map(tuple, rows)
    ]

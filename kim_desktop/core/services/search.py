"""The caseload: the client table of the main window, filtered and searched.

Name search is tolerant of spelling and transliteration (see :mod:`kim_desktop.core.names`):
each word typed must match a name word, either as a substring of the normalised name or by
its phonetic skeleton. A word like ``17.05.1990`` filters by birth date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Date,
    Select,
    String,
    and_,
    case,
    exists,
    func,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session, aliased

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
from kim_desktop.core.names import key_words, phonetic

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
    birth_date: dt.date | None = None


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
        for word in key_words(raw):
            options = [Client.search_key.contains(word)]
            if len(word) >= 3:
                options.append(Client.phonetic_key.contains(f" {phonetic(word)} "))
            conditions.append(or_(*options))
    return conditions, birth_date


def _query(flt: CaseloadFilter, day: dt.date) -> Select[Any]:
    # Three correlated subqueries, evaluated per output row only, each answered from a
    # covering index: the open case, the next follow-up, the consent state. Values are packed
    # into one string per subquery because each subquery costs a probe per row.
    open_case = (  # "<case id>|<phase>" of the open case (the oldest, should a sync bring two)
        select(Case.id + "|" + Case.phase)
        .where(Case.client_id == Client.id, Case.closed_on.is_(None), Case.deleted_at.is_(None))
        .order_by(Case.opened_on, Case.id).limit(1)
        .scalar_subquery()
    )
    next_follow_up = (
        select(func.min(FollowUp.due_on))
        .where(FollowUp.client_id == Client.id, FollowUp.done_on.is_(None),
               FollowUp.deleted_at.is_(None))
        .scalar_subquery()
    )
    valid_today = and_(
        Consent.granted_on <= day,
        or_(Consent.expires_on.is_(None), Consent.expires_on > day),
        or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > day),
    )
    consent = (  # "<latest expiry of a valid consent>|<granted day><1 if withdrawn>" or NULL
        select(
            type_coerce(func.coalesce(func.max(case((valid_today, func.coalesce(
                type_coerce(Consent.expires_on, String), dt.date.max.isoformat())))), ""),
                String)
            + "|"
            + func.max(type_coerce(Consent.granted_on, String)
                       + case((Consent.withdrawn_on.is_(None), "0"), else_="1"))
        )
        .where(Consent.client_id == Client.id, Consent.kind == ConsentKind.DATA_PROCESSING,
               Consent.deleted_at.is_(None))
        .scalar_subquery()
    )
    query = (
        select(Client.id, Client.last_name, Client.first_name, Client.birth_date,
               Client.municipality_code, open_case, type_coerce(next_follow_up, Date), consent)
        .where(Client.deleted_at.is_(None))
    )
    conditions, birth_date = _text_conditions(flt.text)
    query = query.where(*conditions)  # type: ignore[arg-type]
    if birth_date or flt.birth_date:
        query = query.where(Client.birth_date == (flt.birth_date or birth_date))
    if flt.municipality_code:
        query = query.where(Client.municipality_code == flt.municipality_code)
    # case conditions as EXISTS per client, so SQLite keeps walking clients in name order
    live_open_case = [Case.client_id == Client.id, Case.closed_on.is_(None),
                      Case.deleted_at.is_(None)]
    if flt.phase == "none":
        query = query.where(~exists().where(*live_open_case))
    elif flt.phase:
        query = query.where(exists().where(*live_open_case, Case.phase == flt.phase))
    if flt.responsible_user:
        query = query.where(exists().where(
            *live_open_case, Case.responsible_user == flt.responsible_user))
    if flt.field_of_action_code:
        newer = aliased(NeedsAssessment)
        query = query.where(exists().where(
            *live_open_case,
            exists().where(
                NeedsAssessment.case_id == Case.id,
                NeedsAssessment.field_of_action_code == flt.field_of_action_code,
                NeedsAssessment.level != NeedLevel.NONE,
                NeedsAssessment.deleted_at.is_(None),
                # only the field's current assessment counts: a later one supersedes it
                ~exists().where(
                    newer.case_id == Case.id,
                    newer.field_of_action_code == flt.field_of_action_code,
                    newer.deleted_at.is_(None),
                    or_(newer.assessed_on > NeedsAssessment.assessed_on,
                        and_(newer.assessed_on == NeedsAssessment.assessed_on,
                             newer.created_at > NeedsAssessment.created_at)),
                ),
            ),
        ))
    if flt.follow_ups_due_by:
        query = query.where(exists().where(
            FollowUp.client_id == Client.id,
            FollowUp.done_on.is_(None),
            FollowUp.deleted_at.is_(None),
            FollowUp.due_on <= flt.follow_ups_due_by,
        ))
    return query.order_by(Client.last_name, Client.first_name, Client.id).limit(flt.limit)


def consent_state(packed: str | None, day: dt.date) -> ConsentState:
    """The consent column from the packed consent subquery of :func:`_query`: the latest
    expiry among the consents valid on ``day``, and whether the most recent consent (by day
    granted) was withdrawn."""
    if not packed:
        return ConsentState.NONE
    valid_until, latest = packed.split("|")
    if valid_until:
        if dt.date.fromisoformat(valid_until) - day <= EXPIRING_WITHIN:
            return ConsentState.EXPIRING
        return ConsentState.VALID
    return ConsentState.WITHDRAWN if latest.endswith("1") else ConsentState.EXPIRED


def caseload(
    session: Session, *, filter: CaseloadFilter | None = None, today: dt.date | None = None
) -> list[CaseloadRow]:
    """The rows of the caseload table, sorted by name, at most ``filter.limit``."""
    flt = filter or CaseloadFilter()
    day = today or dt.date.today()
    municipalities = catalogs_for(session).municipalities
    rows = []
    for (client_id, last, first, birth_date, municipality, open_case, follow_up,
         consent) in session.execute(_query(flt, day)).all():
        case_id, phase = open_case.split("|", 1) if open_case else (None, None)
        rows.append(CaseloadRow(
            client_id=client_id,
            name=f"{last}, {first}" if first else last,
            age=age_on(birth_date, day),
            municipality_code=municipality,
            municipality=municipalities.label(municipality),
            case_id=case_id,
            phase=phase,
            next_follow_up=follow_up,
            consent_state=consent_state(consent, day),
            birth_date=birth_date,
        ))
    return rows

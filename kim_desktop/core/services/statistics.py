"""The case manager's own figures: open cases by phase, consultations by field of action
and by month. (Coordinators get their reports from the sync server, not from here.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.orm import Session

from kim_desktop.core.models import Case, Consultation


@dataclass(frozen=True)
class OwnStatistics:
    open_cases_by_phase: dict[str, int]
    #: Consultations in the period touching each field of action (one may touch several).
    consultations_by_field: dict[str, int]
    #: ``"YYYY-MM"`` → consultations / minutes / cases opened / cases closed in that month.
    consultations_by_month: dict[str, int]
    minutes_by_month: dict[str, int]
    cases_opened_by_month: dict[str, int]
    cases_closed_by_month: dict[str, int]


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def own_statistics(
    session: Session, *, start: dt.date, end: dt.date, user: str | None = None
) -> OwnStatistics:
    """Figures for ``start`` ≤ day ≤ ``end``; with ``user``, only that user's cases and the
    consultations they recorded."""
    after, before = _moment(start), _moment(end + dt.timedelta(days=1))
    case_filter: list[ColumnElement[bool]] = [Case.deleted_at.is_(None)]
    consultation_filter: list[ColumnElement[bool]] = [
        Consultation.deleted_at.is_(None), Consultation.held_at >= after,
        Consultation.held_at < before,
    ]
    if user:
        case_filter.append(Case.responsible_user == user)
        consultation_filter.append(Consultation.created_by == user)
    by_phase = session.execute(
        select(Case.phase, func.count()).where(*case_filter, Case.closed_on.is_(None))
        .group_by(Case.phase)
    ).all()
    month = func.strftime("%Y-%m", Consultation.held_at)
    by_month = session.execute(
        select(month, func.count(), func.sum(Consultation.duration_minutes))
        .where(*consultation_filter).group_by(month)
    ).all()
    by_field = session.execute(
        text(
            "SELECT j.value, count(*) FROM consultation, json_each(consultation.fields_of_action)"
            " AS j WHERE consultation.deleted_at IS NULL AND consultation.held_at >= :after"
            " AND consultation.held_at < :before AND (:user IS NULL OR consultation.created_by"
            " = :user) GROUP BY j.value"
        ),
        # a raw statement: pass the naive UTC values the column stores
        {"after": after.replace(tzinfo=None), "before": before.replace(tzinfo=None),
         "user": user},
    ).all()
    opened_month = func.strftime("%Y-%m", Case.opened_on)
    opened = session.execute(
        select(opened_month, func.count())
        .where(*case_filter, Case.opened_on >= start, Case.opened_on <= end)
        .group_by(opened_month)
    ).all()
    closed_month = func.strftime("%Y-%m", Case.closed_on)
    closed = session.execute(
        select(closed_month, func.count())
        .where(*case_filter, Case.closed_on >= start, Case.closed_on <= end)
        .group_by(closed_month)
    ).all()
    return OwnStatistics(
        open_cases_by_phase={str(p): int(n) for p, n in by_phase},
        consultations_by_field={str(f): int(n) for f, n in by_field},
        consultations_by_month={str(m): int(n) for m, n, _ in by_month},
        minutes_by_month={str(m): int(minutes or 0) for m, _, minutes in by_month},
        cases_opened_by_month={str(m): int(n) for m, n in opened},
        cases_closed_by_month={str(m): int(n) for m, n in closed},
    )

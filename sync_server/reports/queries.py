"""Aggregations for the reports: the only code that reads the report data.

Every function returns raw counts; :mod:`sync_server.reports.views` turns them into suppressed
tables. They read the running sums that triggers keep beside ``report_facts``
(:mod:`~sync_server.reports.rollups`, :mod:`~sync_server.reports.item_rollups`), so their cost
does not grow with the number of facts; the gaps board reads ``released_gaps``.

Semantics, per filter (whole months ``first_month``..``last_month``, optional municipality):

* a case counts as active when opened in or before the last month and not closed before the
  first; new when opened in the period; closed when closed in the period;
* consultations count in their month; "cases with contact" of one month is exact (one
  consultation-month fact per case and month), across months only its lower bound (the most
  in any one month) is known, which is what suppression needs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from sync_server.models.reports import ReleasedGapRow
from sync_server.reports import item_rollups, rollups
from sync_server.reports.filters import ReportFilter


@dataclass(frozen=True)
class CaseCounts:
    active: int = 0
    new: int = 0
    closed: int = 0


@dataclass(frozen=True)
class ContactCounts:
    consultations: int = 0
    minutes: int = 0
    #: Distinct cases behind the consultations: the contributors for suppression.
    cases: int = 0


@dataclass(frozen=True)
class GapEntry:
    office_id: str
    key: str
    category: str
    field_of_action: str
    municipality: str
    description: str
    case_count: int
    released_on: str


def _case_rollup_sums(flt: ReportFilter) -> list[ColumnElement[int]]:
    """active, new, closed: sums over the case rollup (months as 'YYYY-MM' text)."""
    R = rollups.case_rollup.c
    first, last = flt.first_month, flt.last_month
    return [
        func.coalesce(func.sum(case((or_(R.closed == "", R.closed >= first), R.cases),
                                    else_=0)), 0),
        func.coalesce(func.sum(case((R.opened >= first, R.cases), else_=0)), 0),
        func.coalesce(func.sum(case((and_(R.closed >= first, R.closed <= last), R.cases),
                                    else_=0)), 0),
    ]


def _rollup_where(table: Any, flt: ReportFilter) -> list[ColumnElement[bool]]:
    return [table.c.municipality == flt.municipality] if flt.municipality else []


def case_counts_by_municipality(session: Session, flt: ReportFilter) -> dict[str, CaseCounts]:
    R = rollups.case_rollup
    statement = (
        select(R.c.municipality, *_case_rollup_sums(flt))
        .where(R.c.opened <= flt.last_month, R.c.cases != 0, *_rollup_where(R, flt))
        .group_by(R.c.municipality)
    )
    return {
        m: CaseCounts(int(a), int(n), int(c))
        for m, a, n, c in session.execute(statement)
        if a or n or c
    }


def contacts_by_municipality(session: Session, flt: ReportFilter) -> dict[str, ContactCounts]:
    """Sums per municipality. ``cases`` is the most cases with contact in any one month of the
    period: a lower bound of the distinct cases, so suppression errs on the safe side."""
    R = rollups.contact_rollup
    statement = (
        select(R.c.municipality, func.sum(R.c.consultations), func.sum(R.c.minutes),
               func.max(R.c.cases))
        .where(R.c.month >= flt.first_month, R.c.month <= flt.last_month, R.c.cases > 0,
               *_rollup_where(R, flt))
        .group_by(R.c.municipality)
    )
    return {
        m: ContactCounts(int(n), int(minutes), int(cases))
        for m, n, minutes, cases in session.execute(statement)
    }


def cases_by_month(session: Session, flt: ReportFilter) -> dict[str, tuple[int, int]]:
    """(new, closed) per month of the period."""
    R = rollups.case_rollup
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for month, count in session.execute(
        select(R.c.opened, func.sum(R.c.cases))
        .where(R.c.opened >= flt.first_month, R.c.opened <= flt.last_month,
               *_rollup_where(R, flt))
        .group_by(R.c.opened)
    ):
        out[month][0] = int(count)
    for month, count in session.execute(
        select(R.c.closed, func.sum(R.c.cases))
        .where(R.c.closed >= flt.first_month, R.c.closed <= flt.last_month,
               *_rollup_where(R, flt))
        .group_by(R.c.closed)
    ):
        out[month][1] = int(count)
    return {month: (new, closed) for month, (new, closed) in out.items()}


def contacts_by_month(session: Session, flt: ReportFilter) -> dict[str, ContactCounts]:
    R = rollups.contact_rollup
    statement = (
        select(R.c.month, func.sum(R.c.consultations), func.sum(R.c.minutes),
               func.sum(R.c.cases))
        .where(R.c.month >= flt.first_month, R.c.month <= flt.last_month, R.c.cases > 0,
               *_rollup_where(R, flt))
        .group_by(R.c.month)
    )
    # Within one month each case has one fact, so the sum is the distinct case count.
    return {
        m: ContactCounts(int(n), int(minutes), int(cases))
        for m, n, minutes, cases in session.execute(statement)
    }


ITEMS = item_rollups.item_rollup.c


def _items_where(flt: ReportFilter, dimension: str) -> list[ColumnElement[bool]]:
    return [
        ITEMS.dimension == dimension, ITEMS.facts != 0,
        *_rollup_where(item_rollups.item_rollup, flt),
    ]


def _active_items(flt: ReportFilter, dimension: str) -> list[ColumnElement[bool]]:
    return [
        *_items_where(flt, dimension),
        ITEMS.opened <= flt.last_month,
        or_(ITEMS.closed == "", ITEMS.closed >= flt.first_month),
    ]


def _month_items(flt: ReportFilter, dimension: str) -> list[ColumnElement[bool]]:
    return [*_items_where(flt, dimension), ITEMS.month >= flt.first_month,
            ITEMS.month <= flt.last_month]


def _active_counts(session: Session, flt: ReportFilter, dimension: str) -> dict[str, int]:
    statement = (
        select(ITEMS.item, func.sum(ITEMS.facts))
        .where(*_active_items(flt, dimension))
        .group_by(ITEMS.item)
    )
    return {str(item): int(n) for item, n in session.execute(statement) if n}


def active_cases_by_field(session: Session, flt: ReportFilter) -> dict[str, int]:
    return _active_counts(session, flt, "field_case")


def contacts_by_field(session: Session, flt: ReportFilter) -> dict[str, ContactCounts]:
    """Sums per field; ``cases`` is the most cases with contact in one month (a lower bound
    of the distinct cases, as for the municipalities)."""
    per_month = (
        select(ITEMS.item.label("item"), ITEMS.month.label("month"),
               func.sum(ITEMS.sum1).label("consultations"), func.sum(ITEMS.sum2).label("minutes"),
               func.sum(ITEMS.facts).label("cases"))
        .where(*_month_items(flt, "field_month"))
        .group_by(ITEMS.item, ITEMS.month)
        .subquery()
    )
    statement = select(
        per_month.c.item, func.sum(per_month.c.consultations), func.sum(per_month.c.minutes),
        func.max(per_month.c.cases),
    ).group_by(per_month.c.item)
    return {
        str(field): ContactCounts(int(n), int(minutes), int(cases))
        for field, n, minutes, cases in session.execute(statement)
    }


ITEM_DIMENSIONS = {"age_band": "age", "gender": "gender", "status_category": "status"}


def active_cases_by(session: Session, flt: ReportFilter, column: str) -> dict[str, int]:
    """Active cases grouped by age_band, gender or status_category."""
    return _active_counts(session, flt, ITEM_DIMENSIONS[column])


def active_cases_by_target_group(session: Session, flt: ReportFilter) -> dict[str, int]:
    return _active_counts(session, flt, "target")


def closures_by_reason(session: Session, flt: ReportFilter) -> dict[str, int]:
    statement = (
        select(ITEMS.item, func.sum(ITEMS.facts))
        .where(*_items_where(flt, "closure"), ITEMS.closed >= flt.first_month,
               ITEMS.closed <= flt.last_month)
        .group_by(ITEMS.item)
    )
    return {str(reason): int(n) for reason, n in session.execute(statement) if n}


def goals(session: Session, flt: ReportFilter) -> tuple[int, int, int]:
    """(goals agreed, goals reached, cases with goals) of the cases active in the period."""
    row = session.execute(
        select(func.coalesce(func.sum(ITEMS.sum1), 0), func.coalesce(func.sum(ITEMS.sum2), 0),
               func.coalesce(func.sum(ITEMS.facts), 0))
        .where(*_active_items(flt, "goals"))
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def _pairs(rows: Any) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for key, total in rows:
        if not total:
            continue
        first, _, second = str(key).partition(":")
        out[(first, second or "unknown")] = out.get((first, second or "unknown"), 0) + int(total)
    return out


def referrals(session: Session, flt: ReportFilter) -> dict[tuple[str, str], int]:
    """(agency category, state) -> referrals made in the period's months."""
    return _pairs(session.execute(
        select(ITEMS.item, func.sum(ITEMS.sum1))
        .where(*_month_items(flt, "referral"))
        .group_by(ITEMS.item)
    ))


def prechecks(session: Session, flt: ReportFilter) -> dict[tuple[str, str], int]:
    """(rule, status) -> clients, over the cases active in the period."""
    return _pairs(session.execute(
        select(ITEMS.item, func.sum(ITEMS.sum1)).where(*_active_items(flt, "precheck"))
        .group_by(ITEMS.item)
    ))


def gaps(
    session: Session, *, municipality: str | None, field_of_action: str | None
) -> list[GapEntry]:
    """Released, not withdrawn gaps, ranked by how many cases they were seen in."""
    G = ReleasedGapRow
    statement = select(G).where(G.withdrawn == false())
    if municipality:
        statement = statement.where(G.municipality == municipality)
    if field_of_action:
        statement = statement.where(G.field_of_action == field_of_action)
    statement = statement.order_by(G.case_count.desc(), G.released_on.desc(), G.id)
    return [
        GapEntry(
            g.office_id, g.key, g.category, g.field_of_action, g.municipality, g.description,
            g.case_count, g.released_on.isoformat(),
        )
        for g in session.scalars(statement)
    ]

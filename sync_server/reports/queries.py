"""Aggregations over the report facts: the only code that reads ``report_facts`` for reports.

Every function returns raw counts; :mod:`sync_server.reports.views` turns them into suppressed
tables. Scalar dimensions are grouped in SQL over covering indexes (revision 0002_dashboard);
list and dict columns (fields of action, referrals, pre-checks) are unnested in SQL with the
dialect's JSON table functions, so no fact row travels to Python.

Semantics, per filter (period ``start``..``end``, optional municipality):

* a *case* fact counts as active when opened on or before ``end`` and not closed before
  ``start``; new when opened in the period; closed when closed in the period;
* *consultation_month* facts count when their month lies in the period; a case "with
  contact" is a distinct key among them (case and month facts share the case's key).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    case,
    cast,
    distinct,
    false,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import SQLCoreOperations
from sqlalchemy.sql.selectable import TableValuedAlias

from kim_desktop.sync.wire import FactKind
from sync_server.models.reports import ReleasedGapRow, ReportFactRow
from sync_server.reports import rollups
from sync_server.reports.filters import ReportFilter

F = ReportFactRow


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


def _where_municipality(flt: ReportFilter) -> list[ColumnElement[bool]]:
    return [F.municipality == flt.municipality] if flt.municipality else []


def _case_conditions(flt: ReportFilter) -> list[ColumnElement[bool]]:
    # Each condition is a prefix of ix_report_facts_case (fact_kind, deleted, case_opened).
    return [
        F.fact_kind == FactKind.CASE.value,
        F.deleted == false(),
        F.case_opened <= flt.end,
        *_where_municipality(flt),
    ]


def _active(flt: ReportFilter) -> ColumnElement[bool]:
    return or_(F.case_closed.is_(None), F.case_closed >= flt.start)


def _month_conditions(flt: ReportFilter) -> list[ColumnElement[bool]]:
    # Prefix of ix_report_facts_contact (fact_kind, month, ...).
    return [
        F.fact_kind == FactKind.CONSULTATION_MONTH.value,
        F.month >= flt.first_month,
        F.month <= flt.last_month,
        F.deleted == false(),
        *_where_municipality(flt),
    ]


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


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


def _array_elements(session: Session, column: SQLCoreOperations[Any]) -> TableValuedAlias:
    if session.get_bind().dialect.name == "postgresql":
        return func.json_array_elements_text(column).table_valued("value")
    return func.json_each(column).table_valued("value")


def _object_items(session: Session, column: SQLCoreOperations[Any]) -> TableValuedAlias:
    if session.get_bind().dialect.name == "postgresql":
        return func.json_each_text(column).table_valued("key", "value")
    return func.json_each(column).table_valued("key", "value")


def active_cases_by_field(session: Session, flt: ReportFilter) -> dict[str, int]:
    items = _array_elements(session, F.fields_of_action)
    statement = (
        select(items.c.value, func.count())
        .select_from(F)
        .join(items, F.fields_of_action.is_not(None))
        .where(*_case_conditions(flt), _active(flt))
        .group_by(items.c.value)
    )
    return {str(field): int(count) for field, count in session.execute(statement)}


def contacts_by_field(session: Session, flt: ReportFilter) -> dict[str, ContactCounts]:
    items = _array_elements(session, F.fields_of_action)
    statement = (
        select(
            items.c.value,
            func.sum(F.consultations),
            func.sum(F.minutes),
            func.count(distinct(F.key)),
        )
        .select_from(F)
        .join(items, F.fields_of_action.is_not(None))
        .where(*_month_conditions(flt), F.consultations > 0)
        .group_by(items.c.value)
    )
    return {
        str(field): ContactCounts(int(n), int(minutes), int(cases))
        for field, n, minutes, cases in session.execute(statement)
    }


def active_cases_by(session: Session, flt: ReportFilter, column: str) -> dict[str, int]:
    """Active cases grouped by a scalar column (age_band, gender, status_category, phase)."""
    attribute = getattr(F, column)
    statement = (
        select(attribute, func.count())
        .where(*_case_conditions(flt), _active(flt))
        .group_by(attribute)
    )
    return {str(value or "unknown"): int(count) for value, count in session.execute(statement)}


def active_cases_by_target_group(session: Session, flt: ReportFilter) -> dict[str, int]:
    items = _array_elements(session, F.target_group)
    statement = (
        select(items.c.value, func.count())
        .select_from(F)
        .join(items, F.target_group.is_not(None))
        .where(*_case_conditions(flt), _active(flt))
        .group_by(items.c.value)
    )
    return {str(value): int(count) for value, count in session.execute(statement)}


def closures_by_reason(session: Session, flt: ReportFilter) -> dict[str, int]:
    statement = (
        select(F.closure_reason, func.count())
        .where(*_case_conditions(flt), F.case_closed >= flt.start, F.case_closed <= flt.end)
        .group_by(F.closure_reason)
    )
    return {str(reason or "other"): int(count) for reason, count in session.execute(statement)}


def goals(session: Session, flt: ReportFilter) -> tuple[int, int, int]:
    """(goals agreed, goals reached, cases with goals) of the cases active in the period."""
    row = session.execute(
        select(
            func.coalesce(func.sum(F.goals_total), 0),
            func.coalesce(func.sum(F.goals_reached), 0),
            _flag(F.goals_total > 0),
        ).where(*_case_conditions(flt), _active(flt))
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def _dict_sums(
    session: Session, column: SQLCoreOperations[Any], conditions: list[ColumnElement[bool]]
) -> dict[tuple[str, str], int]:
    items = _object_items(session, column)
    statement = (
        select(items.c.key, func.sum(cast(items.c.value, Integer)))
        .select_from(F)
        .join(items, column.is_not(None))
        .where(*conditions)
        .group_by(items.c.key)
    )
    out: dict[tuple[str, str], int] = {}
    for key, total in session.execute(statement):
        first, _, second = str(key).partition(":")
        out[(first, second or "unknown")] = int(total or 0)
    return out


def referrals(session: Session, flt: ReportFilter) -> dict[tuple[str, str], int]:
    """(agency category, outcome) -> referrals made in the period's months."""
    return _dict_sums(session, F.referrals, _month_conditions(flt))


def prechecks(session: Session, flt: ReportFilter) -> dict[tuple[str, str], int]:
    """(rule, status) -> clients, over the cases active in the period."""
    return _dict_sums(session, F.prechecks, [*_case_conditions(flt), _active(flt)])


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


def known_municipalities(session: Session) -> set[str]:
    return {m for (m,) in session.execute(select(F.municipality).distinct())}

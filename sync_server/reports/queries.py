"""Aggregations for the reports: the only code that reads the report data.

Every function returns true counts and sums with their cell keys (:mod:`.cells`);
:mod:`sync_server.reports.views` publishes them. They read the running sums that triggers keep
beside ``report_facts`` (:mod:`~sync_server.reports.rollups`,
:mod:`~sync_server.reports.item_rollups`), so their cost does not grow with the number of
facts; the gaps board reads ``released_gaps``.

Semantics, per filter (whole months ``first_month``..``last_month``, optional municipality):

* a case counts as active when opened in or before the last month and not closed before the
  first; new when opened in the period; closed when closed in the period;
* consultations count in their month. The persons behind a sum over several months are not
  known exactly (a case has one fact per month): the most in any one month is a lower bound,
  which is what hiding needs. Totals are computed from the data, as cells of their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import Session

from sync_server.models.reports import ReleasedGapRow
from sync_server.reports import item_rollups, rollups
from sync_server.reports.cells import Count, Sum
from sync_server.reports.filters import ReportFilter


@dataclass(frozen=True)
class CaseCounts:
    active: Count = field(default_factory=Count)
    new: Count = field(default_factory=Count)
    closed: Count = field(default_factory=Count)

    def __add__(self, other: CaseCounts) -> CaseCounts:
        return CaseCounts(self.active + other.active, self.new + other.new,
                          self.closed + other.closed)


@dataclass(frozen=True)
class Contacts:
    """Consultations and minutes of a cell, and the case-months with contact behind them (in
    one month: the cases with contact)."""

    consultations: Sum = field(default_factory=Sum)
    minutes: Sum = field(default_factory=Sum)
    cases: Count = field(default_factory=Count)


@dataclass
class _ContactParts:
    """Rows of a cell, per month: consultations, minutes, cases, keys."""

    months: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0] * 4))

    def add(self, month: str, *values: Any) -> None:
        row = self.months[month]
        for index, value in enumerate(values):
            row[index] += int(value)

    def contacts(self) -> Contacts:
        consultations = sum(r[0] for r in self.months.values())
        minutes = sum(r[1] for r in self.months.values())
        records = sum(r[2] for r in self.months.values())
        key = sum(r[3] for r in self.months.values())
        persons = max((r[2] for r in self.months.values()), default=0)
        return Contacts(Sum(consultations, records, persons, key),
                        Sum(minutes, records, persons, key), Count(records, key))


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
    """active, new, closed: sums of cases and keys over the case rollup (months as text)."""
    R = rollups.case_rollup.c
    first, last = flt.first_month, flt.last_month
    conditions = [
        or_(R.closed == "", R.closed >= first),
        R.opened >= first,
        and_(R.closed >= first, R.closed <= last),
    ]
    return [
        func.coalesce(func.sum(case((condition, column), else_=0)), 0)
        for condition in conditions for column in (R.cases, R.key_sum)
    ]


def _rollup_where(table: Any, flt: ReportFilter) -> list[ColumnElement[bool]]:
    if flt.municipality:
        return [table.c.municipality == flt.municipality]
    if flt.allowed is not None:
        return [table.c.municipality.in_(sorted(flt.allowed))]
    return []


def case_counts_by_municipality(session: Session, flt: ReportFilter) -> dict[str, CaseCounts]:
    R = rollups.case_rollup
    statement = (
        select(R.c.municipality, *_case_rollup_sums(flt))
        .where(R.c.opened <= flt.last_month, R.c.cases != 0, *_rollup_where(R, flt))
        .group_by(R.c.municipality)
    )
    out = {}
    for m, active, active_keys, new, new_keys, closed, closed_keys in session.execute(statement):
        if active or new or closed:
            out[m] = CaseCounts(Count(int(active), int(active_keys)),
                                Count(int(new), int(new_keys)),
                                Count(int(closed), int(closed_keys)))
    return out


def _contact_rows(session: Session, flt: ReportFilter) -> Any:
    R = rollups.contact_rollup
    return session.execute(
        select(R.c.municipality, R.c.month, R.c.consultations, R.c.minutes, R.c.cases,
               R.c.key_sum)
        .where(R.c.month >= flt.first_month, R.c.month <= flt.last_month, R.c.cases > 0,
               *_rollup_where(R, flt))
    )


def contacts_by_municipality(
    session: Session, flt: ReportFilter
) -> tuple[dict[str, Contacts], Contacts]:
    """Per municipality, and for all of them together."""
    parts: dict[str, _ContactParts] = defaultdict(_ContactParts)
    total = _ContactParts()
    for m, month, consultations, minutes, cases, keys in _contact_rows(session, flt):
        parts[m].add(month, consultations, minutes, cases, keys)
        total.add(month, consultations, minutes, cases, keys)
    return {m: p.contacts() for m, p in parts.items()}, total.contacts()


def contacts_by_month(
    session: Session, flt: ReportFilter
) -> tuple[dict[str, Contacts], Contacts]:
    """Per month (``cases`` is then exact: one fact per case and month), and the period."""
    parts: dict[str, _ContactParts] = defaultdict(_ContactParts)
    total = _ContactParts()
    for _m, month, consultations, minutes, cases, keys in _contact_rows(session, flt):
        parts[month].add(month, consultations, minutes, cases, keys)
        total.add(month, consultations, minutes, cases, keys)
    return {month: p.contacts() for month, p in parts.items()}, total.contacts()


def cases_by_month(session: Session, flt: ReportFilter) -> dict[str, tuple[Count, Count]]:
    """(new, closed) per month of the period."""
    R = rollups.case_rollup
    out: dict[str, list[Count]] = defaultdict(lambda: [Count(), Count()])
    for index, column in enumerate((R.c.opened, R.c.closed)):
        for month, count, keys in session.execute(
            select(column, func.sum(R.c.cases), func.sum(R.c.key_sum))
            .where(column >= flt.first_month, column <= flt.last_month,
                   *_rollup_where(R, flt))
            .group_by(column)
        ):
            out[month][index] = Count(int(count), int(keys))
    return {month: (new, closed) for month, (new, closed) in out.items()}


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


def _counts(rows: Iterable[Any]) -> dict[str, Count]:
    return {str(item): Count(int(n), int(keys)) for item, n, keys in rows if n}


def _active_counts(session: Session, flt: ReportFilter, dimension: str) -> dict[str, Count]:
    return _counts(session.execute(
        select(ITEMS.item, func.sum(ITEMS.facts), func.sum(ITEMS.key_sum))
        .where(*_active_items(flt, dimension))
        .group_by(ITEMS.item)
    ))


def active_cases_by_field(session: Session, flt: ReportFilter) -> dict[str, Count]:
    return _active_counts(session, flt, "field_case")


def contacts_by_field(session: Session, flt: ReportFilter) -> dict[str, Contacts]:
    parts: dict[str, _ContactParts] = defaultdict(_ContactParts)
    for item, month, consultations, minutes, cases, keys in session.execute(
        select(ITEMS.item, ITEMS.month, func.sum(ITEMS.sum1), func.sum(ITEMS.sum2),
               func.sum(ITEMS.facts), func.sum(ITEMS.key_sum))
        .where(*_month_items(flt, "field_month"))
        .group_by(ITEMS.item, ITEMS.month)
    ):
        parts[str(item)].add(month, consultations, minutes, cases, keys)
    return {item: p.contacts() for item, p in parts.items()}


ITEM_DIMENSIONS = {"age_band": "age", "gender": "gender", "status_category": "status"}


def active_cases_by(session: Session, flt: ReportFilter, column: str) -> dict[str, Count]:
    """Active cases grouped by age_band, gender or status_category."""
    return _active_counts(session, flt, ITEM_DIMENSIONS[column])


def active_cases_by_target_group(session: Session, flt: ReportFilter) -> dict[str, Count]:
    return _active_counts(session, flt, "target")


def closures_by_reason(session: Session, flt: ReportFilter) -> dict[str, Count]:
    return _counts(session.execute(
        select(ITEMS.item, func.sum(ITEMS.facts), func.sum(ITEMS.key_sum))
        .where(*_items_where(flt, "closure"), ITEMS.closed >= flt.first_month,
               ITEMS.closed <= flt.last_month)
        .group_by(ITEMS.item)
    ))


def goals(session: Session, flt: ReportFilter) -> tuple[Count, Sum, Sum]:
    """Cases with goals, goals agreed and goals reached, of the cases active in the period."""
    agreed, reached, cases, keys = (int(v) for v in session.execute(
        select(func.coalesce(func.sum(ITEMS.sum1), 0), func.coalesce(func.sum(ITEMS.sum2), 0),
               func.coalesce(func.sum(ITEMS.facts), 0), func.coalesce(func.sum(ITEMS.key_sum), 0))
        .where(*_active_items(flt, "goals"))
    ).one())
    return (Count(cases, keys), Sum(agreed, cases, cases, keys), Sum(reached, cases, cases, keys))


def _pair(item: object) -> tuple[str, str]:
    first, _, second = str(item).partition(":")
    return first, second or "unknown"


@dataclass(frozen=True)
class SumTable:
    """Sums by (row, column) with row, column and grand totals, each a cell of its own."""

    cells: dict[tuple[str, str], Sum]
    rows: dict[str, Sum]
    columns: dict[str, Sum]
    grand: Sum


def _sum_table(parts: Iterable[tuple[str, str, str, int, int, int]]) -> SumTable:
    """From (row, column, month, total, facts, keys): the persons behind any group are at
    least the most facts of one (row, column, month), a safe lower bound when a fact counts in
    several columns."""
    groups: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row, column, _month, total, facts, keys in parts:
        for group in (("cell", row, column), ("row", row), ("column", column), ("grand",)):
            values = groups[group]
            values[0] += total
            values[1] += facts
            values[2] = max(values[2], facts)
            values[3] += keys
    return SumTable(
        cells={(g[1], g[2]): Sum(*v) for g, v in groups.items() if g[0] == "cell"},
        rows={g[1]: Sum(*v) for g, v in groups.items() if g[0] == "row"},
        columns={g[1]: Sum(*v) for g, v in groups.items() if g[0] == "column"},
        grand=Sum(*groups[("grand",)]) if ("grand",) in groups else Sum(),
    )


def referrals(session: Session, flt: ReportFilter) -> SumTable:
    """Referrals by (agency category, state) made in the period's months."""
    return _sum_table(
        (*_pair(item), month, int(total), int(facts), int(keys))
        for item, month, total, facts, keys in session.execute(
            select(ITEMS.item, ITEMS.month, func.sum(ITEMS.sum1), func.sum(ITEMS.facts),
                   func.sum(ITEMS.key_sum))
            .where(*_month_items(flt, "referral"))
            .group_by(ITEMS.item, ITEMS.month)
        )
        if total
    )


def prechecks(session: Session, flt: ReportFilter) -> dict[tuple[str, str], Count]:
    """(rule, status) -> clients, over the cases active in the period (each fact with a
    result counts once: arrival admits exactly 1)."""
    return {
        _pair(item): count
        for item, count in _counts(session.execute(
            select(ITEMS.item, func.sum(ITEMS.facts), func.sum(ITEMS.key_sum))
            .where(*_active_items(flt, "precheck"))
            .group_by(ITEMS.item)
        )).items()
    }


def gaps(
    session: Session, *, municipality: str | None, field_of_action: str | None,
    allowed: frozenset[str] | None = None,
) -> list[GapEntry]:
    """Released, not withdrawn gaps, newest first; of ``allowed`` municipalities only, when
    given. Ranking them by their count is :class:`~sync_server.reports.gap_counts.GapCounts`'
    (by the published one)."""
    G = ReleasedGapRow
    statement = select(G).where(G.withdrawn == false())
    if municipality:
        statement = statement.where(G.municipality == municipality)
    if allowed is not None:
        statement = statement.where(G.municipality.in_(sorted(allowed)))
    if field_of_action:
        statement = statement.where(G.field_of_action == field_of_action)
    statement = statement.order_by(G.released_on.desc(), G.id)
    return [
        GapEntry(
            g.office_id, g.key, g.category, g.field_of_action, g.municipality, g.description,
            g.case_count, g.released_on.isoformat(),
        )
        for g in session.scalars(statement)
    ]

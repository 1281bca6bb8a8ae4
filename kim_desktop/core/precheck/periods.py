"""Uninterrupted residence periods, counted the way §§ 25a, 25b AufenthG and § 10 StAG count.

Definitions (documented in docs/precheck.md):
- A period's ``end`` is its last day. Evaluating "on day D" looks at the completed days
  before D, so a stay that began on 10 January 2020 has lasted three years on 10 January 2023
  (§§ 187 Abs. 2, 188 Abs. 2 BGB).
- A *gap* is a run of days that no period covers. A gap of at most ``max_gap_days`` days
  (90 for "three months" in the AufenthG rules) does not break the chain, at most
  ``max_tolerated_gaps`` times; the gap's own days never count. A longer gap breaks it.
- Each status falls into one category per rule: ``counts``; ``not_counted`` (the stay
  continues but the days do not count – § 60b Abs. 5 Satz 1 AufenthG says § 60b periods are
  "nicht angerechnet", not that they interrupt); ``interrupts``; or ``unknown`` (whether the
  days count cannot be told, so the walk stops and the result can only be "unknown").
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from kim_desktop.core.precheck.dates import ONE_DAY, add_months, required_days
from kim_desktop.core.precheck.facts import ResidencePeriod
from kim_desktop.core.precheck.legal_basis import matches

COUNTS = "counts"
NOT_COUNTED = "not_counted"
INTERRUPTS = "interrupts"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class StatusPolicy:
    categories: dict[str, str]
    max_gap_days: int
    max_tolerated_gaps: int
    recognised_statuses: frozenset[str] = frozenset()
    recognition_bases: tuple[str, ...] = ()

    def category(self, periods: Sequence[ResidencePeriod], index: int) -> str:
        period = periods[index]
        if period.status.value in self.recognised_statuses and any(
            matches(later.legal_basis, list(self.recognition_bases))
            for later in periods[index + 1 :]
        ):
            return COUNTS
        return self.categories[period.status.value]


@dataclass(frozen=True)
class Segment:
    start: date
    end: date
    counts: bool

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Chain:
    """The uninterrupted stay that reaches up to the day before the evaluation day."""

    segments: tuple[Segment, ...]
    tolerated_gaps: tuple[int, ...]
    uncertain: bool

    @property
    def counted_days(self) -> int:
        return sum(segment.days for segment in self.segments if segment.counts)

    @property
    def not_counted_days(self) -> int:
        return sum(segment.days for segment in self.segments if not segment.counts)


def chain_before(periods: Sequence[ResidencePeriod], day: date, policy: StatusPolicy) -> Chain:
    """Walks back from the day before ``day`` until the stay is interrupted."""
    last = day - ONE_DAY
    cursor = last
    segments: list[Segment] = []
    gaps: list[int] = []
    uncertain = False
    for index in range(len(periods) - 1, -1, -1):
        period = periods[index]
        if period.start > last:
            continue
        end = last if period.end is None or period.end > last else period.end
        gap = (cursor - end).days
        if gap > 0:
            if gap > policy.max_gap_days or len(gaps) >= policy.max_tolerated_gaps:
                break
            gaps.append(gap)
        category = policy.category(periods, index)
        if category == INTERRUPTS:
            break
        if category == UNKNOWN:
            uncertain = True
            break
        segments.append(Segment(period.start, end, category == COUNTS))
        cursor = period.start - ONE_DAY
    return Chain(tuple(reversed(segments)), tuple(reversed(gaps)), uncertain)


def is_complete(chain: Chain, day: date, months: int) -> bool:
    return chain.counted_days >= required_days(day, months)


def first_complete_day(chain: Chain, months: int) -> date | None:
    """The first day on which the counted days of ``chain`` reach ``months``, if they do."""
    counted = 0
    for segment in chain.segments:
        if not segment.counts:
            continue

        def complete(candidate: date, base: int = counted, start: date = segment.start) -> bool:
            return base + (candidate - start).days >= required_days(candidate, months)

        limit = segment.end + ONE_DAY
        if complete(limit):
            missing = required_days(segment.start, months) - counted
            candidate = segment.start + timedelta(days=missing)
            candidate = min(max(candidate, segment.start), limit)
            while candidate > segment.start and complete(candidate - ONE_DAY):
                candidate -= ONE_DAY
            while not complete(candidate):
                candidate += ONE_DAY
            return candidate
        counted += segment.days
    return None


def projection_horizon(periods: Sequence[ResidencePeriod], as_of: date, months: int) -> date:
    """How far ahead a projection may look: while the last status lasts, at most a bit more
    than the required time; never past the end of the last recorded status."""
    ends = [period.end for period in periods]
    if None in ends:
        return add_months(as_of, months) + timedelta(days=400)
    last_end = max(end for end in ends if end is not None)
    return last_end + ONE_DAY


def first_complete_after(
    periods: Sequence[ResidencePeriod], policy: StatusPolicy, months: int, as_of: date
) -> date | None:
    """The first day after ``as_of`` (up to the projection horizon) on which the stay is
    complete, or None.

    Future period boundaries split the time ahead into intervals in which the chain keeps its
    shape (the same periods and gaps, only the last one growing), so each interval is solved
    like the past and the first day found is checked by a real evaluation on that day.
    """
    horizon = projection_horizon(periods, as_of, months)
    limit = timedelta(days=policy.max_gap_days + 2)
    boundaries = {as_of + ONE_DAY, horizon + ONE_DAY}
    for period in periods:
        boundaries.update((period.start, period.start + ONE_DAY))
        if period.end is not None:
            boundaries.update((period.end + ONE_DAY, period.end + 2 * ONE_DAY, period.end + limit))
    ordered = sorted(day for day in boundaries if as_of < day <= horizon + ONE_DAY)
    for low, high in itertools.pairwise(ordered):
        last = high - ONE_DAY
        found = first_complete_day(chain_before(periods, last, policy), months)
        if found is None or found > last:
            continue
        candidate = max(found, low)
        for _ in range(3):  # leap days can shift the required length by a day
            if candidate > last:
                break
            if is_complete(chain_before(periods, candidate, policy), candidate, months):
                return candidate
            candidate += ONE_DAY
    return None

"""The number of cases behind released structural gaps, as every page and export publishes
it (docs/reporting.md §3 and §8).

A released gap comes from the device as a bare count, with no record keys behind it. The
server gives each gap a record key of its own, ``HMAC(server secret, "gap" | office | gap
key)``, and perturbs the gap's count with it once, by the p-table: that perturbed value is the
gap's, wherever the gap is counted. A gap shows it, or "<5" when it is under the threshold.
A set of gaps (a topic) counts the sum of its gaps' perturbed values, "<5" when that sum is
small: grouping a gap with other partners, again and again, adds the same value each time, so
no difference of two topics' figures is a fresh look at a gap that could be averaged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from sync_server.reports.cells import Cell
from sync_server.reports.perturbation import load_ptable, record_key
from sync_server.services.reports import record_key_secret


class Gap(Protocol):
    @property
    def office_id(self) -> str: ...
    @property
    def key(self) -> str: ...
    @property
    def case_count(self) -> int: ...


G = TypeVar("G", bound=Gap)


class GapCounts:
    """The published counts of gaps and of sets of them, under one threshold."""

    def __init__(self, session: Session, *, threshold: int) -> None:
        self._secret = record_key_secret(session)
        self._table = load_ptable()
        self.threshold = threshold

    def _perturbed(self, gap: Gap) -> int:
        if gap.case_count <= 0:
            return 0
        key = record_key(self._secret, "gap", gap.office_id, gap.key)
        return gap.case_count + self._table.deviation(gap.case_count, key)

    def cell(self, gaps: Iterable[Gap]) -> Cell:
        """The published count of ``gaps`` together (of one gap, given one)."""
        members = list(gaps)
        if sum(max(0, g.case_count) for g in members) <= 0:
            return Cell(0)
        total = sum(self._perturbed(g) for g in members)
        return Cell(0, hidden=True) if total < self.threshold else Cell(total)

    def display(self, gap: Gap) -> str:
        return self.cell([gap]).display(self.threshold)

    def ranked(self, gaps: Sequence[G]) -> list[G]:
        """``gaps`` by their published count, largest first, then the hidden ones, then those
        of no case; otherwise in the given order. Ranking by the true count would tell the
        order of the hidden gaps."""
        def rank(gap: G) -> tuple[int, int]:
            cell = self.cell([gap])
            return (1, 0) if cell.hidden else (0 if cell.value else 2, -cell.value)

        return sorted(gaps, key=rank)

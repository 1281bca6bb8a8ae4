"""What every published figure is made of: a true count or sum with its cell key, turned into
a perturbed, possibly hidden :class:`Cell` (docs/reporting.md §3).

* :class:`Count`: persons (cases) in a cell and the sum of their record keys. Published as
  ``n + v`` with ``v`` from the p-table (:mod:`~sync_server.reports.perturbation`); a count
  that is not zero but whose perturbed value is under the threshold shows as "<5". Zero stays
  zero: it singles out nobody.
* :class:`Sum`: events or minutes (consultations, minutes, referrals, goals) with the number of
  facts behind them, a lower bound of the distinct persons, and their keys. Hidden when fewer
  persons than the threshold stand behind them, whatever the sum, and when the sum itself is
  under the threshold (each person behind it adds at least one); otherwise published with
  noise of the size of one mean contribution, and hidden when that is under the threshold.

A :class:`Cell` holds only the published value: the true one never reaches a renderer.
"""

from __future__ import annotations

from dataclasses import dataclass

from sync_server.reports.perturbation import PTable, load_ptable, measure_key

DEFAULT_THRESHOLD = 5


@dataclass(frozen=True)
class Count:
    n: int = 0
    key: int = 0

    def __add__(self, other: Count) -> Count:
        """The count of two disjoint sets of persons."""
        return Count(self.n + other.n, self.key + other.key)


@dataclass(frozen=True)
class Sum:
    total: int = 0
    #: Facts contributing (a case, or a case and month).
    records: int = 0
    #: At least this many distinct persons stand behind the sum.
    persons: int = 0
    key: int = 0


Entry = Count | Sum


@dataclass(frozen=True)
class Cell:
    """One published entry: its perturbed value, or hidden (then ``value`` is 0)."""

    value: int
    hidden: bool = False

    def display(self, threshold: int = DEFAULT_THRESHOLD, *, grouped: bool = False) -> str:
        """The text a person sees; ``grouped`` adds German thousands separators (pages, PDF),
        plain digits otherwise (CSV, for other programs)."""
        if self.hidden:
            return f"<{threshold}"
        return f"{self.value:,}".replace(",", ".") if grouped else str(self.value)

    @property
    def public_value(self) -> int | None:
        """The value when it is shown, else None (for charts and spreadsheets)."""
        return None if self.hidden else self.value


def publish(entry: Entry, measure: str, *, threshold: int, ptable: PTable | None = None) -> Cell:
    """The cell a person may see for ``entry``; ``measure`` names the column's quantity (the
    noise of each sum is drawn with a key of its own)."""
    table = ptable or load_ptable()
    if isinstance(entry, Count):
        if entry.n <= 0:
            return Cell(0)
        value = entry.n + table.deviation(entry.n, entry.key)
        return Cell(0, hidden=True) if value < threshold else Cell(value)
    if entry.total <= 0 or entry.records <= 0:
        return Cell(0)
    # Each person behind a sum adds at least one to it: a sum under the threshold has fewer
    # persons behind it than the threshold, however many cases were counted with it.
    if min(entry.persons, entry.total) < threshold:
        return Cell(0, hidden=True)
    # The symmetric row: noise of at most D mean contributions, mean 0.
    deviation = table.deviation(table.max_deviation, measure_key(entry.key, measure))
    value = entry.total + round(entry.total * deviation / entry.records)
    # As for counts: a perturbed sum under the threshold is hidden, never shown as "2".
    return Cell(0, hidden=True) if value < threshold else Cell(value)

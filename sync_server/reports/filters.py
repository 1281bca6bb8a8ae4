"""The report filter (period and municipality) and its parsing with German messages.

Periods are calendar months, quarters or years, nothing in between: two periods that differ by
a month (January–May and January–April) would each be a cell of their own with noise of its
own, and many such pairs would let anyone average the noise of one month away
(docs/reporting.md, "What the tests attack").
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass


class FilterError(ValueError):
    """A filter value a person typed that we cannot use; the message is German."""


MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
               "September", "Oktober", "November", "Dezember")


def _month_end(day: dt.date) -> dt.date:
    """The last day of ``day``'s month, December 9999 included."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


@dataclass(frozen=True)
class ReportFilter:
    """Whole months: facts carry dates to the month only (docs/reporting.md), so a period
    always runs from the first day of its first month to the last day of its last month."""

    start: dt.date
    end: dt.date
    #: A municipality code (catalog), or None for the whole Kreis.
    municipality: str | None = None
    #: The municipalities the reader may see (a coordinator limited to some); None: all. With
    #: it, "the whole Kreis" means these together, and no figure counts any other.
    allowed: frozenset[str] | None = None

    @property
    def first_month(self) -> str:
        return self.start.strftime("%Y-%m")

    @property
    def last_month(self) -> str:
        return self.end.strftime("%Y-%m")

    def months(self) -> list[str]:
        months = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def area(self, label: Callable[[str], str], order: Iterable[str] = ()) -> str | None:
        """What the figures cover in words: the municipality, the allowed ones (in
        ``order``, the catalog's), or None for the whole Kreis."""
        if self.municipality:
            return label(self.municipality)
        if self.allowed:
            ordered = [c for c in order if c in self.allowed]
            codes = ordered + sorted(self.allowed - set(ordered))
            return "Kommunen " + ", ".join(label(code) for code in codes)
        return None

    def describe(self, municipality_label: str | None = None) -> str:
        where = municipality_label or "ganzer Kreis"
        first = f"{MONTH_NAMES[self.start.month - 1]} {self.start.year}"
        last = f"{MONTH_NAMES[self.end.month - 1]} {self.end.year}"
        period = first if first == last else f"{first} bis {last}"
        return f"{period}, {where}"


def _parse_date(raw: str, *, end_of_month: bool, what: str) -> dt.date:
    text = raw.strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    try:
        first = dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        raise FilterError(
            f"„{raw}“ ist kein gültiges Datum für {what}. "
            "Bitte TT.MM.JJJJ, JJJJ-MM-TT oder JJJJ-MM angeben."
        ) from None
    return _month_end(first) if end_of_month else first


def default_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The current calendar year."""
    return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)


def is_calendar_period(first: dt.date, last: dt.date) -> bool:
    """Whether the whole months ``first``..``last`` are one calendar month, quarter or year."""
    return first.year == last.year and (
        first.month == last.month
        or (first.month % 3 == 1 and last.month == first.month + 2)
        or (first.month, last.month) == (1, 12)
    )


def parse_filter(
    *,
    start: str | None,
    end: str | None,
    municipality: str | None,
    municipalities: Iterable[tuple[str, str]],
    today: dt.date,
    allowed: frozenset[str] | None = None,
    whose: str = "Ihr Konto",
) -> ReportFilter:
    """A filter from what a person typed. ``municipalities`` are (code, label) pairs; either
    the code or the label (any case) is accepted. ``allowed``: the reader's municipalities
    (None: all); another one is refused as not for ``whose`` account."""
    default_start, default_end = default_period(today)
    first = _parse_date(start, end_of_month=False, what="„von“") if start else default_start
    last = _parse_date(end, end_of_month=True, what="„bis“") if end else default_end
    if first > last:
        raise FilterError("Der Beginn des Zeitraums liegt nach seinem Ende.")
    if first.year < 2000 or last.year > 2100:
        raise FilterError("Der Zeitraum muss zwischen 2000 und 2100 liegen.")
    if not is_calendar_period(first, last):
        raise FilterError(
            "Bitte einen Kalendermonat, ein Quartal oder ein Kalenderjahr wählen (zum Beispiel "
            "von 2026-04 bis 2026-06). Zeiträume, die sich nur um einzelne Monate "
            "unterscheiden, ließen sich voneinander abziehen."
        )
    code = None
    if municipality and municipality.strip():
        wanted = municipality.strip().casefold()
        for candidate_code, label in municipalities:
            if wanted in (candidate_code.casefold(), label.casefold()):
                code = candidate_code
                break
        else:
            raise FilterError(
                f"Die Kommune „{municipality.strip()}“ ist nicht bekannt. "
                "Bitte eine Kommune des Kreises aus der Liste wählen."
            )
        if allowed is not None and code not in allowed:
            raise FilterError(
                f"Die Kommune „{municipality.strip()}“ ist für {whose} nicht freigegeben. "
                "Bitte eine Kommune aus der Liste wählen."
            )
    return ReportFilter(first.replace(day=1), _month_end(last), code, allowed)

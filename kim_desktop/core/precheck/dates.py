"""Calendar arithmetic for legal periods, without third-party date libraries."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

ONE_DAY = timedelta(days=1)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(text: str) -> date:
    """Parses exactly ``YYYY-MM-DD``; raises ValueError for anything else."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(text)
    return date.fromisoformat(text)


def add_months(day: date, months: int) -> date:
    """Adds calendar months; a day missing in the target month becomes its last day
    (31 March plus one month is 30 April)."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


@lru_cache(maxsize=8192)
def period_complete_on(start: date, months: int) -> date:
    """The first day on which a period of ``months`` that began on ``start`` is complete.

    § 187 Abs. 2 BGB counts the first day fully, so by § 188 Abs. 2 the period ends with the
    day before the day of the same number; where that day does not exist, it ends with the
    last day of the month (§ 188 Abs. 3) and is complete on the first of the next month.
    """
    month_index = start.year * 12 + start.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    if start.day <= calendar.monthrange(year, month)[1]:
        return date(year, month, start.day)
    return date(year, month, 1) + timedelta(days=calendar.monthrange(year, month)[1])


def birthday(birth_date: date, age: int) -> date:
    """The first day on which a person has completed ``age`` years of life.

    The day of birth counts (§ 187 Abs. 2 Satz 2 BGB), so someone born on 3 May completes
    a year at the end of 2 May; someone born on 29 February, in a common year at the end
    of 28 February, and is older from 1 March.
    """
    return period_complete_on(birth_date, 12 * age)


@lru_cache(maxsize=8192)  # a batch evaluates the same few days again and again
def required_days(day: date, months: int) -> int:
    """How many days before ``day`` a stay must have begun to be complete on ``day``."""
    start = add_months(day, -months)
    while period_complete_on(start + ONE_DAY, months) <= day:
        start += ONE_DAY
    while period_complete_on(start, months) > day:
        start -= ONE_DAY
    return (day - start).days

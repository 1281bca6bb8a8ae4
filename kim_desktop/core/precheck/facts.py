"""A client's facts for the pre-checks, and their strict parsing from the JSON contract.

Every field may be ``None``: a missing key means "not known", and the rules answer
"unknown" where they need it. Anything present but malformed is an error naming the field,
because guessing would turn a typing mistake into a wrong legal pre-check.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from kim_desktop.core.precheck.dates import parse_iso_date

LANGUAGE_LEVELS = ("none", "A1", "A2", "B1", "B2", "C1", "C2")
MAX_PERIODS = 500


class ResidenceStatus(StrEnum):
    ASYLUM_PERMIT = "asylum_permit"
    TOLERATION = "toleration"
    TOLERATION_UNCLEAR_IDENTITY = "toleration_unclear_identity"
    RESIDENCE_PERMIT = "residence_permit"
    SETTLEMENT_PERMIT = "settlement_permit"
    EU_FREEDOM_OF_MOVEMENT = "eu_freedom_of_movement"
    NATURALISED = "naturalised"
    UNKNOWN = "unknown"


class Qualification(StrEnum):
    NONE = "none"
    SCHOOL_LEAVING = "school_leaving"
    VOCATIONAL = "vocational"


class FactsError(ValueError):
    """Facts that cannot be evaluated; ``field`` names the offending key (JSON path)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"Feld „{field}“: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class ResidencePeriod:
    """One stretch of one residence status; ``end`` is its last day, ``None`` while it lasts."""

    status: ResidenceStatus
    start: date
    end: date | None = None
    legal_basis: str | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Facts:
    birth_date: date | None = None
    residence_periods: tuple[ResidencePeriod, ...] | None = None
    minor_children_in_household: int | None = None
    school_years_successful: float | None = None
    qualification: Qualification | None = None
    german_oral: str | None = None
    german_written: str | None = None
    naturalisation_test_passed: bool | None = None
    livelihood_own_share: float | None = None
    passport: bool | None = None
    convictions_above_threshold: bool | None = None
    school_age_children_attend_school: bool | None = None

    def __post_init__(self) -> None:
        if self.residence_periods is not None:
            ordered = check_periods(self.residence_periods)
            object.__setattr__(self, "residence_periods", ordered)

    def status_on(self, day: date) -> ResidencePeriod | None:
        for period in self.residence_periods or ():
            if period.covers(day):
                return period
        return None


def check_periods(periods: Sequence[ResidencePeriod]) -> tuple[ResidencePeriod, ...]:
    """Returns the periods in time order; inverted or overlapping periods are errors."""
    if len(periods) > MAX_PERIODS:
        raise FactsError("residence_periods", f"mehr als {MAX_PERIODS} Zeiträume")
    for index, period in enumerate(periods):
        if period.end is not None and period.end < period.start:
            raise FactsError(
                f"residence_periods[{index}]", "„to“ liegt vor „from“ (umgekehrter Zeitraum)"
            )
    indexed = sorted(enumerate(periods), key=lambda item: item[1].start)
    for (first_index, first), (second_index, second) in itertools.pairwise(indexed):
        if first.end is None or second.start <= first.end:
            raise FactsError(
                f"residence_periods[{second_index}]",
                f"überschneidet sich mit residence_periods[{first_index}]; "
                "jeder Tag darf nur einen Aufenthaltsstatus haben",
            )
    return tuple(period for _, period in indexed)


_PERIOD_KEYS = {"status", "from", "to", "legal_basis"}


def parse_facts(data: Any) -> Facts:
    """Builds Facts from the decoded JSON of the contract; raises FactsError naming the field."""
    if not isinstance(data, Mapping):
        raise FactsError("(Wurzel)", "erwartet wird ein JSON-Objekt { … }")
    known = set(_FIELDS) | {"residence_periods"}
    for key in data:
        if key not in known:
            raise FactsError(str(key), "unbekanntes Feld")
    values: dict[str, Any] = {}
    for key, parse in _FIELDS.items():
        if key in data and data[key] is not None:
            values[key] = parse(key, data[key])
    if data.get("residence_periods") is not None:
        values["residence_periods"] = _periods(data["residence_periods"])
    return Facts(**values)


def _periods(raw: Any) -> tuple[ResidencePeriod, ...] | None:
    if not isinstance(raw, list):
        raise FactsError("residence_periods", "erwartet wird eine Liste von Zeiträumen")
    if not raw:
        return None
    periods = []
    for index, item in enumerate(raw):
        field = f"residence_periods[{index}]"
        if not isinstance(item, Mapping):
            raise FactsError(field, "erwartet wird ein Objekt mit „status“, „from“ und „to“")
        for key in item:
            if key not in _PERIOD_KEYS:
                raise FactsError(f"{field}.{key}", "unbekanntes Feld")
        for key in ("status", "from"):
            if item.get(key) is None:
                raise FactsError(f"{field}.{key}", "Pflichtangabe fehlt")
        if "to" not in item:
            raise FactsError(f"{field}.to", "Pflichtangabe fehlt (null, solange er andauert)")
        status = _enum(f"{field}.status", item["status"], ResidenceStatus)
        start = _date(f"{field}.from", item["from"])
        end = None if item["to"] is None else _date(f"{field}.to", item["to"])
        legal_basis = item.get("legal_basis")
        if legal_basis is not None and (not isinstance(legal_basis, str) or len(legal_basis) > 200):
            raise FactsError(f"{field}.legal_basis", "erwartet wird ein kurzer Text")
        periods.append(ResidencePeriod(status, start, end, legal_basis or None))
    return tuple(periods)


def _date(field: str, value: Any) -> date:
    if not isinstance(value, str):
        raise FactsError(field, "erwartet wird ein Datum als Text JJJJ-MM-TT")
    try:
        return parse_iso_date(value)
    except ValueError:
        raise FactsError(field, "kein gültiges Datum (erwartet JJJJ-MM-TT)") from None


def _enum(field: str, value: Any, kind: type[StrEnum]) -> Any:
    allowed = [member.value for member in kind]
    if not isinstance(value, str) or value not in allowed:
        raise FactsError(field, f"unbekannter Wert; erlaubt: {', '.join(allowed)}")
    return kind(value)


def _level(field: str, value: Any) -> str:
    if not isinstance(value, str) or value not in LANGUAGE_LEVELS:
        raise FactsError(field, f"unbekanntes Sprachniveau; erlaubt: {', '.join(LANGUAGE_LEVELS)}")
    return value


def _bool(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise FactsError(field, "erwartet wird true oder false")
    return value


def _count(field: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 50:
        raise FactsError(field, "erwartet wird eine ganze Zahl von 0 bis 50")
    return value


def _years(field: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 30:
        raise FactsError(field, "erwartet wird eine Zahl von 0 bis 30")
    return float(value)


def _share(field: str, value: Any) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or math.isnan(value)
        or not 0 <= value <= 1
    ):
        raise FactsError(field, "erwartet wird ein Anteil von 0 bis 1 (z. B. 0.6)")
    return float(value)


_FIELDS: dict[str, Any] = {
    "birth_date": _date,
    "minor_children_in_household": _count,
    "school_years_successful": _years,
    "qualification": lambda field, value: _enum(field, value, Qualification),
    "german_oral": _level,
    "german_written": _level,
    "naturalisation_test_passed": _bool,
    "livelihood_own_share": _share,
    "passport": _bool,
    "convictions_above_threshold": _bool,
    "school_age_children_attend_school": _bool,
}

"""The schema of the rule files: which kinds of condition exist, their parameters and the
placeholders each German template may use. The loader (rules.py) checks every file against it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kim_desktop.core.precheck.facts import LANGUAGE_LEVELS, ResidenceStatus

Check = Callable[[Any], bool]

STATUSES = {status.value for status in ResidenceStatus}


def list_of(check: Check) -> Check:
    return lambda value: isinstance(value, list) and all(check(item) for item in value)


def is_text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def is_share(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1


is_status: Check = lambda value: value in STATUSES  # noqa: E731
is_level: Check = lambda value: value in LANGUAGE_LEVELS  # noqa: E731
is_bool: Check = lambda value: isinstance(value, bool)  # noqa: E731
BOOL_FACTS = ("naturalisation_test_passed", "passport", "convictions_above_threshold")


@dataclass(frozen=True)
class KindSchema:
    required: Mapping[str, tuple[Check, str]]
    optional: Mapping[str, tuple[Check, str]]
    explanations: Mapping[str, frozenset[str]]
    warnings: Mapping[str, frozenset[str]]
    time_based: bool = False
    #: Templates a file may add, needed only with certain parameters.
    optional_explanations: Mapping[str, frozenset[str]] = field(default_factory=dict)


def _fields(*names: str) -> frozenset[str]:
    return frozenset(names)


TEXTS = (list_of(is_text), "eine Liste von Texten")
SCHEMAS: dict[str, KindSchema] = {
    "current_status": KindSchema(
        required={"met_statuses": (list_of(is_status), "eine Liste von Status")},
        optional={
            "met_legal_bases": TEXTS,
            "excluded_legal_bases": TEXTS,
            "basis_required_for": (list_of(is_status), "eine Liste von Status"),
        },
        explanations={
            "met": _fields("status"),
            "not_met": _fields("status"),
            "excluded": _fields("status"),
            "basis_missing": _fields("status"),
            "unknown": _fields(),
            "no_status": _fields(),
        },
        warnings={},
    ),
    "duration": KindSchema(
        required={
            "routes": (lambda v: isinstance(v, list) and len(v) > 0, "eine Liste von Wegen"),
            "statuses": (lambda v: isinstance(v, dict), "eine Tabelle"),
            "max_gap_days": (is_int, "eine ganze Zahl"),
            "max_tolerated_gaps": (is_int, "eine ganze Zahl"),
        },
        optional={
            "count_if_recognised": (lambda v: isinstance(v, dict), "eine Tabelle"),
            "waived_for_legal_bases": TEXTS,
        },
        explanations={
            "met": _fields("route", "date"),
            "not_yet": _fields("route", "date", "counted"),
            "not_met": _fields("counted"),
            "unknown_history": _fields("counted"),
            "unknown_route": _fields("route", "date", "open"),
        },
        warnings={"gap_tolerated": _fields("days", "max_days"), "not_counted": _fields("days")},
        time_based=True,
        optional_explanations={"waived": _fields("status", "date")},
    ),
    "age": KindSchema(
        required={
            "min_age": (is_int, "eine ganze Zahl"),
            "application_before_age": (is_int, "eine ganze Zahl"),
            "warn_within_months": (is_int, "eine ganze Zahl"),
        },
        optional={},
        explanations={
            "met": _fields("last_day"),
            "too_young": _fields("date"),
            "too_old": _fields("last_day"),
            "unknown": _fields(),
        },
        warnings={"deadline": _fields("last_day", "months"), "too_late": _fields("last_day")},
        time_based=True,
    ),
    "language": KindSchema(
        required={
            "facts": (
                list_of(lambda v: v in ("german_oral", "german_written")),
                "eine Liste aus german_oral und german_written",
            ),
            "min_level": (is_level, "ein Sprachniveau"),
        },
        optional={},
        explanations={
            "met": _fields("level"),
            "not_met": _fields("level"),
            "unknown": _fields("level"),
        },
        warnings={},
    ),
    "flag": KindSchema(
        required={
            "fact": (lambda v: v in BOOL_FACTS, f"eines von {', '.join(BOOL_FACTS)}"),
            "expected": (is_bool, "true oder false"),
        },
        optional={"on_mismatch": (lambda v: v in ("not_met", "unknown"), "not_met oder unknown")},
        explanations={"met": _fields(), "mismatch": _fields(), "unknown": _fields()},
        warnings={},
    ),
    "share": KindSchema(
        required={
            "min": (is_share, "ein Anteil von 0 bis 1"),
            "strict": (is_bool, "true oder false"),
        },
        optional={},
        explanations={
            "met": _fields("percent"),
            "not_met": _fields("percent"),
            "unknown": _fields("percent"),
        },
        warnings={},
    ),
    "school": KindSchema(
        required={
            "min_school_years": (is_int, "eine ganze Zahl"),
            "qualifications": (
                list_of(lambda v: v in ("school_leaving", "vocational")),
                "eine Liste aus school_leaving und vocational",
            ),
        },
        optional={},
        explanations={
            "met": _fields("years"),
            "not_met": _fields("years"),
            "unknown": _fields("years"),
        },
        warnings={},
    ),
    "children_school": KindSchema(
        required={},
        optional={},
        explanations={
            "met": _fields(),
            "no_children": _fields(),
            "not_met": _fields(),
            "unknown": _fields(),
        },
        warnings={},
    ),
}

STATUS_CATEGORIES = ("counts", "not_counted", "interrupts", "unknown")
ROUTE_KEYS = {
    "id",
    "months",
    "label",
    "minor_child",
    "german_min",
    "livelihood_share_min",
    "open_question",
    "manual_check",
}

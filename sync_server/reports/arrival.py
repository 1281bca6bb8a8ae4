"""Every report fact and released gap is checked on arrival, one by one.

A device is trusted with nothing (docs/reporting.md): each code must be in the server's catalogs
(:mod:`kim_protocol.catalogs`, :mod:`kim_protocol.report_codes`), a municipality must be one
the device's office serves, counts are whole numbers (strict: no bool, string or float) within
bounds, at least 1 where none would mean nothing (a referral slot, a pre-check), minutes come
with consultations, and a gap's text holds no control character. An item that fails is
refused with a stable code and its index; the others are stored. Messages name the field,
never echo the value: it may be anything.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from kim_protocol import report_codes, wire
from kim_protocol.catalogs import Catalogs
from kim_protocol.export_text import without_invisible

#: Upper bounds of one fact's counts: far above any real case, low enough that no device can
#: swamp a sum (and every sum stays inside its column).
MAX_CONSULTATIONS = 1000
MAX_MINUTES = 31 * 24 * 60
MAX_REFERRALS = 1000
MAX_GOALS = 1000
#: A gap's linked cases: above the whole caseload of a real office (a few hundred), low enough
#: that one device cannot put a made-up gap of 100,000 cases at the top of the board.
MAX_GAP_CASES = 1000
#: Keys are HMAC values in hex on the desktop; any other character has no business there.
KEY = re.compile(r"^[A-Za-z0-9_-]{16,128}$")
#: Control characters a gap text may not hold (line breaks and tabs may), and the
#: non-characters, which no XML file (a spreadsheet) may hold.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


class Refused(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Codes:
    """What a fact or gap of one office may name."""

    municipalities: frozenset[str]
    fields_of_action: frozenset[str]
    target_group: frozenset[str]
    status_categories: frozenset[str]
    closure_reasons: frozenset[str]
    agency_categories: frozenset[str]
    gap_categories: frozenset[str]
    precheck_rules: frozenset[str]

    @classmethod
    def for_office(cls, catalogs: Catalogs, municipalities: Iterable[str]) -> Codes:
        return cls(
            municipalities=frozenset(municipalities),
            fields_of_action=frozenset(catalogs.fields_of_action.codes()),
            target_group=frozenset(catalogs.target_group_criteria.codes()),
            status_categories=frozenset({
                str(e.get("category")) for e in catalogs.residence_statuses
            } | {report_codes.UNKNOWN}),
            closure_reasons=frozenset(catalogs.closure_reasons.codes()),
            agency_categories=frozenset(
                c["code"] for c in catalogs.partner_agencies.meta.get("categories", [])
            ),
            gap_categories=frozenset(catalogs.structural_gap_categories.codes()),
            precheck_rules=report_codes.precheck_rules(),
        )


def _shape(model: type[wire.ReportFact] | type[wire.ReleasedGap], raw: Any, what: str) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        fields = sorted({".".join(str(p) for p in e.get("loc", ())) or what
                         for e in error.errors()})[:5]
        raise Refused(f"invalid_{what}", f"Ungültige Angabe (Felder: {', '.join(fields)}).") \
            from None


def _code(value: str | None, allowed: frozenset[str], field: str, *,
          optional: bool = True) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise Refused("unknown_code", f"Unbekannter Code im Feld „{field}“.")


def _count(value: int, bound: int, field: str, *, low: int = 0) -> None:
    if not low <= value <= bound:
        allowed = f"{low} sein" if low == bound else f"zwischen {low} und {bound} liegen"
        raise Refused("count_out_of_range", f"Die Zahl im Feld „{field}“ muss {allowed}.")


def _pairs(counts: dict[str, int], first: frozenset[str], second: frozenset[str], field: str,
           bound: int, *, low: int = 0) -> None:
    for slot, count in counts.items():
        left, separator, right = slot.partition(":")
        if not separator or left not in first or right not in second:
            raise Refused("unknown_code", f"Unbekannter Code im Feld „{field}“.")
        _count(count, bound, field, low=low)


def _municipality(value: str, codes: Codes, *, allow_unknown: bool) -> None:
    if value in codes.municipalities or (allow_unknown and value == report_codes.UNKNOWN):
        return
    raise Refused("foreign_municipality",
                  "Diese Kommune betreut das Büro des Geräts nicht; Angaben zu ihr nimmt der "
                  "Server von diesem Gerät nicht an.")


def _key(key: str) -> None:
    if not KEY.match(key):
        raise Refused("invalid_key", "Der Schlüssel hat ein ungültiges Format.")


def check_fact(raw: Any, codes: Codes, *, today: dt.date) -> wire.ReportFact:
    """The fact, when it may be stored; raises :class:`Refused` otherwise."""
    fact: wire.ReportFact = _shape(wire.ReportFact, raw, "fact")
    _key(fact.key)
    # From 2000, as the reports' periods, to next month (a device's clock may run ahead).
    latest = (today.replace(day=28) + dt.timedelta(days=4)).strftime("%Y-%m")
    if not "2000-01" <= fact.month <= latest:
        raise Refused("invalid_date", "Der Monat der Angabe liegt außerhalb des möglichen "
                      "Bereichs.")
    if fact.deleted:
        # A withdrawal: nothing of it is ever counted, so it keeps only what identifies it.
        return wire.ReportFact(key=fact.key, fact_kind=fact.fact_kind,
                               municipality=report_codes.UNKNOWN, month=fact.month,
                               deleted=True)
    _municipality(fact.municipality, codes, allow_unknown=True)
    for field in fact.fields_of_action:
        _code(field, codes.fields_of_action, "fields_of_action")
    if fact.fact_kind is wire.FactKind.CASE:
        _check_case(fact, codes)
    else:
        _check_month(fact, codes)
    return fact


def _check_case(fact: wire.ReportFact, codes: Codes) -> None:
    for criterion in fact.target_group:
        _code(criterion, codes.target_group, "target_group")
    _code(fact.age_band, report_codes.AGE_BAND_CODES, "age_band")
    _code(fact.gender, report_codes.GENDERS, "gender")
    _code(fact.status_category, codes.status_categories, "status_category")
    _code(fact.phase, report_codes.PHASES, "phase")
    _code(fact.closure_reason, codes.closure_reasons, "closure_reason")
    # One client, one result per rule: each pre-check counts exactly once.
    _pairs(fact.prechecks, codes.precheck_rules, report_codes.PRECHECK_STATUSES, "prechecks", 1,
           low=1)
    _count(fact.goals_total, MAX_GOALS, "goals_total")
    _count(fact.goals_reached, fact.goals_total, "goals_reached")
    opened, closed = fact.case_opened, fact.case_closed
    if opened is None or fact.month != f"{opened.year:04d}-{opened.month:02d}":
        raise Refused("inconsistent_fact",
                      "Ein Fall braucht ein Eröffnungsdatum im Monat der Angabe.")
    if closed is not None and closed.replace(day=1) < opened.replace(day=1):
        raise Refused("inconsistent_fact", "Ein Fall kann nicht vor seiner Eröffnung enden.")
    if fact.consultations or fact.minutes or fact.referrals:
        raise Refused("inconsistent_fact",
                      "Beratungen und Vermittlungen gehören in die Angabe des Monats.")


def _check_month(fact: wire.ReportFact, codes: Codes) -> None:
    _count(fact.consultations, MAX_CONSULTATIONS, "consultations")
    _count(fact.minutes, MAX_MINUTES, "minutes")
    if fact.minutes and not fact.consultations:
        raise Refused("inconsistent_fact", "Minuten gehören zu Beratungskontakten.")
    _pairs(fact.referrals, codes.agency_categories, report_codes.REFERRAL_STATES, "referrals",
           MAX_REFERRALS, low=1)
    case_fields = (fact.target_group, fact.age_band, fact.gender, fact.status_category,
                   fact.phase, fact.case_opened, fact.case_closed, fact.closure_reason,
                   fact.prechecks, fact.goals_total, fact.goals_reached)
    if any(case_fields):
        raise Refused("inconsistent_fact",
                      "Merkmale des Falls gehören in die Angabe des Falls, nicht des Monats.")


def check_gap(raw: Any, codes: Codes, *, today: dt.date) -> wire.ReleasedGap:
    """The gap, when it may be stored; raises :class:`Refused` otherwise."""
    gap: wire.ReleasedGap = _shape(wire.ReleasedGap, raw, "gap")
    _key(gap.key)
    _code(gap.category, codes.gap_categories, "category", optional=False)
    _code(gap.field_of_action, codes.fields_of_action, "field_of_action", optional=False)
    _municipality(gap.municipality, codes, allow_unknown=False)
    # 0 is meaningful: a gap released without a linked case (the desktop allows it).
    _count(gap.case_count, MAX_GAP_CASES, "case_count")
    # Invisible characters (soft hyphens, joiners, bidi marks) show nothing: the text is
    # stored as it reads, so that no export keeps a name split by them.
    description = without_invisible(gap.description)
    if CONTROL.search(description) or not description.strip():
        raise Refused("invalid_text",
                      "Die Beschreibung ist leer oder enthält Steuerzeichen.")
    if not dt.date(2000, 1, 1) <= gap.released_on <= today + dt.timedelta(days=1):
        raise Refused("invalid_date", "Das Freigabedatum liegt außerhalb des möglichen Bereichs.")
    return gap.model_copy(update={"description": description})

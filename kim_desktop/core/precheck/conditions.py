"""The evaluators of the simple condition kinds (rule_schema.SCHEMAS) and their shared parts.

Each evaluator reads its parameters and German templates from the rule data and returns an
Outcome. Only the facts' meaning lives here, never a number or a sentence of the law.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kim_desktop.core.precheck.dates import ONE_DAY, add_months, birthday
from kim_desktop.core.precheck.facts import (
    LANGUAGE_LEVELS,
    Facts,
    ResidencePeriod,
    ResidenceStatus,
)
from kim_desktop.core.precheck.legal_basis import matches
from kim_desktop.core.precheck.report import PrecheckWarning, Status
from kim_desktop.core.precheck.rules import ConditionSpec
from kim_desktop.core.precheck.texts import WITH_LEGAL_BASIS, Text

STATUS_LABELS = {
    ResidenceStatus.ASYLUM_PERMIT: "Aufenthaltsgestattung",
    ResidenceStatus.TOLERATION: "Duldung",
    ResidenceStatus.TOLERATION_UNCLEAR_IDENTITY: "Duldung für Personen mit ungeklärter Identität",
    ResidenceStatus.RESIDENCE_PERMIT: "Aufenthaltserlaubnis",
    ResidenceStatus.SETTLEMENT_PERMIT: "Niederlassungserlaubnis oder Daueraufenthalt",
    ResidenceStatus.EU_FREEDOM_OF_MOVEMENT: "Freizügigkeit nach EU-Recht",
    ResidenceStatus.NATURALISED: "eingebürgert",
    ResidenceStatus.UNKNOWN: "unbekannt",
}


@dataclass(frozen=True)
class Outcome:
    status: Status
    explanation: str
    eligible_from: date | None = None
    warnings: tuple[PrecheckWarning, ...] = ()
    deadline: date | None = None
    extras: dict[str, date] = field(default_factory=dict)


def say(spec: ConditionSpec, key: str, **values: object) -> Text:
    return Text(spec.explanations[key], **values)


def warn(
    spec: ConditionSpec, key: str, due: date | None = None, **values: object
) -> PrecheckWarning:
    return PrecheckWarning(f"{spec.id}.{key}", Text(spec.warnings[key], **values), due)


def status_text(period: ResidencePeriod) -> Text:
    """The period's status by name, with its legal basis when one is recorded."""
    label = Text(STATUS_LABELS[period.status])
    if period.legal_basis:
        return Text(WITH_LEGAL_BASIS, status=label, legal_basis=period.legal_basis)
    return label


# --- kinds --------------------------------------------------------------------------------


def current_status(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    params = spec.params
    period = facts.status_on(as_of)
    if period is None:
        return Outcome("unknown", say(spec, "no_status"))
    if period.status is ResidenceStatus.UNKNOWN:
        return Outcome("unknown", say(spec, "unknown"))
    label = status_text(period)
    if matches(period.legal_basis, params.get("met_legal_bases", [])):
        return Outcome("met", say(spec, "met", status=label))
    if period.status.value not in params["met_statuses"]:
        return Outcome("not_met", say(spec, "not_met", status=label))
    if matches(period.legal_basis, params.get("excluded_legal_bases", [])):
        return Outcome("not_met", say(spec, "excluded", status=label))
    if period.status.value in params.get("basis_required_for", []) and not period.legal_basis:
        return Outcome("unknown", say(spec, "basis_missing", status=label))
    return Outcome("met", say(spec, "met", status=label))


def level_status(values: list[str | None], minimum: str) -> Status:
    wanted = LANGUAGE_LEVELS.index(minimum)
    if any(value is not None and LANGUAGE_LEVELS.index(value) < wanted for value in values):
        return "not_met"
    if any(value is None for value in values):
        return "unknown"
    return "met"


def language(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    values = [getattr(facts, name) for name in spec.params["facts"]]
    level = spec.params["min_level"]
    status = level_status(values, level)
    return Outcome(status, say(spec, status, level=level))


def flag(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    value = getattr(facts, spec.params["fact"])
    if value is None:
        return Outcome("unknown", say(spec, "unknown"))
    if value is spec.params["expected"]:
        return Outcome("met", say(spec, "met"))
    return Outcome(spec.params.get("on_mismatch", "not_met"), say(spec, "mismatch"))


def share_status(value: float | None, minimum: float, strict: bool) -> Status:
    if value is None:
        return "unknown"
    return "met" if (value > minimum if strict else value >= minimum) else "not_met"


def share(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    minimum = spec.params["min"]
    status = share_status(facts.livelihood_own_share, minimum, spec.params["strict"])
    return Outcome(status, say(spec, status, percent=f"{minimum * 100:g}"))


def school(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    years = spec.params["min_school_years"]
    school_ok = (
        None if facts.school_years_successful is None else (facts.school_years_successful >= years)
    )
    qualification_ok = (
        None
        if facts.qualification is None
        else (facts.qualification.value in spec.params["qualifications"])
    )
    if school_ok or qualification_ok:
        status: Status = "met"
    elif school_ok is None or qualification_ok is None:
        status = "unknown"
    else:
        status = "not_met"
    return Outcome(status, say(spec, status, years=years))


def children_school(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    if facts.minor_children_in_household == 0:
        return Outcome("met", say(spec, "no_children"))
    attends = facts.school_age_children_attend_school
    if attends is None:
        return Outcome("unknown", say(spec, "unknown"))
    return Outcome("met", say(spec, "met")) if attends else Outcome("not_met", say(spec, "not_met"))


def age(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    if facts.birth_date is None:
        return Outcome("unknown", say(spec, "unknown"))
    old_enough = birthday(facts.birth_date, spec.params["min_age"])
    too_late = birthday(facts.birth_date, spec.params["application_before_age"])
    last_day = too_late - ONE_DAY
    if as_of >= too_late:
        return Outcome(
            "not_met",
            say(spec, "too_old", last_day=last_day),
            deadline=too_late,
            extras={"last_day": last_day},
        )
    warnings = []
    months = spec.params["warn_within_months"]
    if as_of >= add_months(too_late, -months):
        warnings.append(
            warn(spec, "deadline", too_late - ONE_DAY, last_day=last_day, months=months)
        )
    if as_of < old_enough:
        return Outcome(
            "not_met",
            say(spec, "too_young", date=old_enough),
            eligible_from=old_enough,
            warnings=tuple(warnings),
            deadline=too_late,
            extras={"last_day": last_day},
        )
    return Outcome(
        "met",
        say(spec, "met", last_day=last_day),
        eligible_from=old_enough,
        warnings=tuple(warnings),
        deadline=too_late,
        extras={"last_day": last_day},
    )

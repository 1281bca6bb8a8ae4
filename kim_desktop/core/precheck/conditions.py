"""One evaluator per condition kind of the rule files; the kinds are listed in rules.SCHEMAS.

Each evaluator reads its parameters and German templates from the rule data and returns an
Outcome. Only the facts' meaning lives here, never a number or a sentence of the law.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from kim_desktop.core.precheck.dates import ONE_DAY, add_months, birthday
from kim_desktop.core.precheck.facts import LANGUAGE_LEVELS, Facts, ResidenceStatus
from kim_desktop.core.precheck.legal_basis import matches
from kim_desktop.core.precheck.periods import (
    StatusPolicy,
    chain_before,
    first_complete_day,
    is_complete,
    projection_horizon,
)
from kim_desktop.core.precheck.report import PrecheckWarning, Status
from kim_desktop.core.precheck.rules import ConditionSpec

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
    extras: dict[str, str] = field(default_factory=dict)


def _say(spec: ConditionSpec, key: str, **values: object) -> str:
    return spec.explanations[key].format(**values)


def _warn(
    spec: ConditionSpec, key: str, due: date | None = None, **values: object
) -> PrecheckWarning:
    return PrecheckWarning(f"{spec.id}.{key}", spec.warnings[key].format(**values), due)


def _german_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


# --- kinds --------------------------------------------------------------------------------


def current_status(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    params = spec.params
    period = facts.status_on(as_of)
    if period is None:
        return Outcome("unknown", _say(spec, "no_status"))
    if period.status is ResidenceStatus.UNKNOWN:
        return Outcome("unknown", _say(spec, "unknown"))
    label = STATUS_LABELS[period.status]
    if period.legal_basis:
        label = f"{label} ({period.legal_basis})"
    if matches(period.legal_basis, params.get("met_legal_bases", [])):
        return Outcome("met", _say(spec, "met", status=label))
    if period.status.value not in params["met_statuses"]:
        return Outcome("not_met", _say(spec, "not_met", status=label))
    if matches(period.legal_basis, params.get("excluded_legal_bases", [])):
        return Outcome("not_met", _say(spec, "excluded", status=label))
    if period.status.value in params.get("basis_required_for", []) and not period.legal_basis:
        return Outcome("unknown", _say(spec, "basis_missing", status=label))
    return Outcome("met", _say(spec, "met", status=label))


def _level_status(values: list[str | None], minimum: str) -> Status:
    wanted = LANGUAGE_LEVELS.index(minimum)
    if any(value is not None and LANGUAGE_LEVELS.index(value) < wanted for value in values):
        return "not_met"
    if any(value is None for value in values):
        return "unknown"
    return "met"


def language(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    values = [getattr(facts, name) for name in spec.params["facts"]]
    level = spec.params["min_level"]
    status = _level_status(values, level)
    return Outcome(status, _say(spec, status, level=level))


def flag(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    value = getattr(facts, spec.params["fact"])
    if value is None:
        return Outcome("unknown", _say(spec, "unknown"))
    if value is spec.params["expected"]:
        return Outcome("met", _say(spec, "met"))
    return Outcome(spec.params.get("on_mismatch", "not_met"), _say(spec, "mismatch"))


def _share_status(value: float | None, minimum: float, strict: bool) -> Status:
    if value is None:
        return "unknown"
    return "met" if (value > minimum if strict else value >= minimum) else "not_met"


def share(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    minimum = spec.params["min"]
    status = _share_status(facts.livelihood_own_share, minimum, spec.params["strict"])
    return Outcome(status, _say(spec, status, percent=f"{minimum * 100:g}"))


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
    return Outcome(status, _say(spec, status, years=years))


def children_school(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    if facts.minor_children_in_household == 0:
        return Outcome("met", _say(spec, "no_children"))
    attends = facts.school_age_children_attend_school
    if attends is None:
        return Outcome("unknown", _say(spec, "unknown"))
    return (
        Outcome("met", _say(spec, "met")) if attends else Outcome("not_met", _say(spec, "not_met"))
    )


def age(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    if facts.birth_date is None:
        return Outcome("unknown", _say(spec, "unknown"))
    old_enough = birthday(facts.birth_date, spec.params["min_age"])
    too_late = birthday(facts.birth_date, spec.params["application_before_age"])
    last_day = _german_date(too_late - ONE_DAY)
    if as_of >= too_late:
        return Outcome(
            "not_met",
            _say(spec, "too_old", last_day=last_day),
            deadline=too_late,
            extras={"last_day": last_day},
        )
    warnings = []
    months = spec.params["warn_within_months"]
    if as_of >= add_months(too_late, -months):
        warnings.append(
            _warn(spec, "deadline", too_late - ONE_DAY, last_day=last_day, months=months)
        )
    if as_of < old_enough:
        return Outcome(
            "not_met",
            _say(spec, "too_young", date=_german_date(old_enough)),
            eligible_from=old_enough,
            warnings=tuple(warnings),
            deadline=too_late,
            extras={"last_day": last_day},
        )
    return Outcome(
        "met",
        _say(spec, "met", last_day=last_day),
        eligible_from=old_enough,
        warnings=tuple(warnings),
        deadline=too_late,
        extras={"last_day": last_day},
    )


@dataclass(frozen=True)
class _RouteResult:
    route: dict[str, object]
    timing: Status
    since: date | None
    requirements: Status


def _route_requirements(route: dict[str, object], facts: Facts) -> Status:
    statuses: list[Status] = []
    if route.get("minor_child"):
        children = facts.minor_children_in_household
        statuses.append("unknown" if children is None else "met" if children > 0 else "not_met")
    if "german_min" in route:
        statuses.append(
            _level_status([facts.german_oral, facts.german_written], str(route["german_min"]))
        )
    if "livelihood_share_min" in route:
        minimum = float(route["livelihood_share_min"])  # type: ignore[arg-type]
        statuses.append(_share_status(facts.livelihood_own_share, minimum, strict=False))
    if "manual_check" in route:
        statuses.append("unknown")
    return _combine(statuses)


def _combine(statuses: list[Status]) -> Status:
    if "not_met" in statuses:
        return "not_met"
    if "unknown" in statuses:
        return "unknown"
    return "met"


def _counted_text(days: int) -> str:
    years = f"{days / 365.25:.1f}".replace(".", ",")
    return f"{days} Tage (rund {years} Jahre)"


def duration(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    params = spec.params
    periods = facts.residence_periods
    if periods is None:
        return Outcome("unknown", _say(spec, "unknown_history", counted=_counted_text(0)))
    categories = {
        status: category for category, statuses in params["statuses"].items() for status in statuses
    }
    recognised = params.get("count_if_recognised", {})
    policy = StatusPolicy(
        categories=categories,
        max_gap_days=params["max_gap_days"],
        max_tolerated_gaps=params["max_tolerated_gaps"],
        recognised_statuses=frozenset(recognised.get("statuses", [])),
        recognition_bases=tuple(recognised.get("legal_bases", [])),
    )
    now = chain_before(periods, as_of, policy)
    routes: list[_RouteResult] = []
    for route in params["routes"]:
        months = int(route["months"])
        requirements = _route_requirements(route, facts)
        if is_complete(now, as_of, months):
            routes.append(_RouteResult(route, "met", first_complete_day(now, months), requirements))
            continue
        if now.uncertain:
            routes.append(_RouteResult(route, "unknown", None, requirements))
            continue
        horizon = projection_horizon(periods, as_of, months)
        since = None
        if horizon > as_of:
            since = first_complete_day(chain_before(periods, horizon, policy), months)
            if since is not None and (since <= as_of or since > horizon):
                since = None
        routes.append(_RouteResult(route, "not_met", since, requirements))
    warnings = [
        _warn(spec, "gap_tolerated", days=gap, max_days=params["max_gap_days"])
        for gap in now.tolerated_gaps
    ]
    if now.not_counted_days:
        warnings.append(_warn(spec, "not_counted", days=now.not_counted_days))
    counted = _counted_text(now.counted_days)
    possible = [r for r in routes if r.requirements != "not_met" and r.since is not None]
    eligible_from = min((r.since for r in possible if r.since), default=None)

    met = [r for r in routes if r.timing == "met" and r.requirements == "met"]
    if met:
        best = min(met, key=lambda r: r.since or as_of)
        text = _say(spec, "met", route=best.route["label"], date=_german_date(best.since or as_of))
        return Outcome("met", text, best.since, tuple(warnings))
    open_routes = [r for r in possible if r.requirements == "unknown"]
    if open_routes:
        best = min(open_routes, key=lambda r: r.since or as_of)
        if best.timing == "met":
            text = _say(
                spec,
                "unknown_route",
                route=best.route["label"],
                date=_german_date(best.since or as_of),
                open=best.route.get("open_question", ""),
            )
            return Outcome("unknown", text, eligible_from, tuple(warnings))
    if now.uncertain:
        return Outcome(
            "unknown", _say(spec, "unknown_history", counted=counted), None, tuple(warnings)
        )
    if possible:
        best = min(possible, key=lambda r: r.since or as_of)
        text = _say(
            spec,
            "not_yet",
            route=best.route["label"],
            date=_german_date(best.since or as_of),
            counted=counted,
        )
        return Outcome("not_met", text, eligible_from, tuple(warnings))
    return Outcome("not_met", _say(spec, "not_met", counted=counted), None, tuple(warnings))


EVALUATORS: dict[str, Callable[[ConditionSpec, Facts, date], Outcome]] = {
    "current_status": current_status,
    "duration": duration,
    "age": age,
    "language": language,
    "flag": flag,
    "share": share,
    "school": school,
    "children_school": children_school,
}

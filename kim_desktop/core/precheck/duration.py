"""The ``duration`` kind: uninterrupted stays with one or more routes (6 or 4 years, 5 or 3).

A route is met when its counted time is complete and its own requirements (a minor child,
a language level, a share of livelihood, a manual check) are met. The condition's date is
the earliest among routes not known to fail. See docs/precheck.md, "How periods are counted".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kim_desktop.core.precheck.conditions import (
    Outcome,
    level_status,
    say,
    share_status,
    status_text,
    warn,
)
from kim_desktop.core.precheck.facts import Facts
from kim_desktop.core.precheck.legal_basis import matches
from kim_desktop.core.precheck.periods import (
    StatusPolicy,
    chain_before,
    first_complete_after,
    first_complete_day,
    is_complete,
)
from kim_desktop.core.precheck.report import Status
from kim_desktop.core.precheck.rules import ConditionSpec
from kim_desktop.core.precheck.texts import COUNTED, Text


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
            level_status([facts.german_oral, facts.german_written], str(route["german_min"]))
        )
    if "livelihood_share_min" in route:
        minimum = float(route["livelihood_share_min"])  # type: ignore[arg-type]
        statuses.append(share_status(facts.livelihood_own_share, minimum, strict=False))
    if "manual_check" in route:
        statuses.append("unknown")
    return _combine(statuses)


def _combine(statuses: list[Status]) -> Status:
    if "not_met" in statuses:
        return "not_met"
    if "unknown" in statuses:
        return "unknown"
    return "met"


def _counted_text(days: int) -> Text:
    return Text(COUNTED, days=days, years=round(days / 365.25, 1))


def duration(spec: ConditionSpec, facts: Facts, as_of: date) -> Outcome:
    params = spec.params
    periods = facts.residence_periods
    current = facts.status_on(as_of)
    if current is not None and matches(
        current.legal_basis, params.get("waived_for_legal_bases", [])
    ):
        text = say(spec, "waived", status=status_text(current), date=current.start)
        return Outcome("met", text, current.start)
    if periods is None:
        return Outcome("unknown", say(spec, "unknown_history", counted=_counted_text(0)))
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
        if now.uncertain or requirements == "not_met":
            # No date is needed for a route that cannot be taken.
            routes.append(
                _RouteResult(route, "unknown" if now.uncertain else "not_met", None, requirements)
            )
            continue
        since = first_complete_after(periods, policy, months, as_of)
        routes.append(_RouteResult(route, "not_met", since, requirements))
    warnings = [
        warn(spec, "gap_tolerated", days=gap, max_days=params["max_gap_days"])
        for gap in now.tolerated_gaps
    ]
    if now.not_counted_days:
        warnings.append(warn(spec, "not_counted", days=now.not_counted_days))
    counted = _counted_text(now.counted_days)
    possible = [r for r in routes if r.requirements != "not_met" and r.since is not None]
    eligible_from = min((r.since for r in possible if r.since), default=None)

    met = [r for r in routes if r.timing == "met" and r.requirements == "met"]
    if met:
        best = min(met, key=lambda r: r.since or as_of)
        text = say(spec, "met", route=Text(str(best.route["label"])), date=best.since or as_of)
        return Outcome("met", text, best.since, tuple(warnings))
    open_routes = [r for r in possible if r.requirements == "unknown"]
    if open_routes:
        best = min(open_routes, key=lambda r: r.since or as_of)
        if best.timing == "met":
            text = say(
                spec,
                "unknown_route",
                route=Text(str(best.route["label"])),
                date=best.since or as_of,
                open=Text(str(best.route.get("open_question", ""))),
            )
            return Outcome("unknown", text, eligible_from, tuple(warnings))
    if now.uncertain:
        return Outcome(
            "unknown", say(spec, "unknown_history", counted=counted), None, tuple(warnings)
        )
    if possible:
        best = min(possible, key=lambda r: r.since or as_of)
        text = say(
            spec,
            "not_yet",
            route=Text(str(best.route["label"])),
            date=best.since or as_of,
            counted=counted,
        )
        return Outcome("not_met", text, eligible_from, tuple(warnings))
    return Outcome("not_met", say(spec, "not_met", counted=counted), None, tuple(warnings))

"""Evaluates every rule's version in force on the evaluation day against a client's facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from kim_desktop.core.precheck import conditions
from kim_desktop.core.precheck.conditions import Outcome
from kim_desktop.core.precheck.duration import duration
from kim_desktop.core.precheck.facts import Facts
from kim_desktop.core.precheck.legal_basis import matches
from kim_desktop.core.precheck.report import (
    ConditionResult,
    PrecheckReport,
    PrecheckWarning,
    RuleResult,
    Status,
)
from kim_desktop.core.precheck.rules import RULE_IDS, RULES_DIR, ConditionSpec, Rule, load_rules
from kim_desktop.core.precheck.texts import NO_VERSION, Text

Evaluator = Callable[[ConditionSpec, Facts, date], Outcome]
EVALUATORS: dict[str, Evaluator] = {
    "current_status": conditions.current_status,
    "duration": duration,
    "age": conditions.age,
    "language": conditions.language,
    "flag": conditions.flag,
    "share": conditions.share,
    "school": conditions.school,
    "children_school": conditions.children_school,
}


def evaluate(facts: Facts, *, as_of: date, rules_dir: Path = RULES_DIR) -> PrecheckReport:
    """The pre-check of §§ 25a, 25b AufenthG and § 10 StAG as of ``as_of``.

    Raises RuleError when a rule file is broken; facts are already valid (see parse_facts).
    """
    rules = load_rules(rules_dir)
    return PrecheckReport(
        as_of=as_of,
        results=tuple(evaluate_rule(rules[rule_id], facts, as_of=as_of) for rule_id in RULE_IDS),
    )


def evaluate_rule(rule: Rule, facts: Facts, *, as_of: date) -> RuleResult:
    version = rule.version_on(as_of)
    if version is None:
        return RuleResult(
            rule=rule.id,
            title=rule.title,
            authority=rule.authority,
            status="unknown",
            eligible_from=None,
            rule_version=None,
            legal_basis=None,
            source_url=None,
            amended_by=None,
            conditions=(),
            not_checked=(),
            warnings=(
                PrecheckWarning(
                    "no_rule_version", Text(NO_VERSION, date=rule.versions[0].valid_from)
                ),
            ),
        )
    conditions: list[ConditionResult] = []
    warnings: list[PrecheckWarning] = []
    deadlines: list[tuple[date, Outcome, str]] = []
    time_dates: list[date | None] = []
    for spec in version.conditions:
        outcome = EVALUATORS[spec.kind](spec, facts, as_of)
        conditions.append(
            ConditionResult(
                id=spec.id,
                title=spec.title,
                status=outcome.status,
                explanation=outcome.explanation,
                legal_basis=spec.legal_basis,
                time_based=spec.time_based,
                eligible_from=outcome.eligible_from,
            )
        )
        warnings.extend(outcome.warnings)
        if spec.time_based:
            time_dates.append(outcome.eligible_from)
        if outcome.deadline is not None:
            deadlines.append((outcome.deadline, outcome, spec.warnings["too_late"]))
    eligible_from = (
        None
        if not time_dates or None in time_dates
        else max(day for day in time_dates if day is not None)
    )
    for deadline, outcome, too_late in deadlines:
        if eligible_from is not None and eligible_from >= deadline:
            eligible_from = None
            warnings.append(
                PrecheckWarning(
                    "too_late", Text(too_late, last_day=outcome.extras["last_day"]), None
                )
            )
    periods = facts.residence_periods or ()
    for note in version.notes:
        if not note.when_legal_basis or any(
            matches(period.legal_basis, list(note.when_legal_basis)) for period in periods
        ):
            warnings.append(PrecheckWarning(note.id, Text(note.text)))
    return RuleResult(
        rule=rule.id,
        title=rule.title,
        authority=rule.authority,
        status=_overall([condition.status for condition in conditions]),
        eligible_from=eligible_from,
        rule_version=version.id,
        legal_basis=version.legal_basis,
        source_url=version.source_url,
        amended_by=version.amended_by,
        conditions=tuple(conditions),
        warnings=tuple(warnings),
        not_checked=version.not_checked,
    )


def _overall(statuses: list[Status]) -> Status:
    if "not_met" in statuses:
        return "not_met"
    if "unknown" in statuses:
        return "unknown"
    return "met"

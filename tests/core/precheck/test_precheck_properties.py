"""Properties over random residence histories: the projected date is the day the condition
is really met, and the evaluation never fails on valid facts."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim_desktop.core.precheck import (
    Facts,
    ResidencePeriod,
    ResidenceStatus,
    evaluate,
)

# (rule, condition) pairs with one route and no requirements, so "met" depends on time alone.
SINGLE_ROUTE = [("aufenthg_25a", "stay_3_years"), ("stag_10", "lawful_residence")]
#: From these days on the rule version in force has exactly that one route.
SAME_VERSION_FROM = {"aufenthg_25a": date(2022, 12, 31), "stag_10": date(2025, 10, 30)}
FIRST_DAY = date(2016, 1, 1)
LASTING = [
    ResidenceStatus.TOLERATION,
    ResidenceStatus.RESIDENCE_PERMIT,
    ResidenceStatus.SETTLEMENT_PERMIT,
]


@st.composite
def histories(draw: st.DrawFn) -> tuple[Facts, date]:
    """1 to 4 periods with gaps around the 90-day limit; the last one is often open and of a
    status that counts, so that projections into the future are common."""
    start = FIRST_DAY + timedelta(days=draw(st.integers(0, 3600)))
    count = draw(st.integers(1, 4))
    periods = []
    for index in range(count):
        final = index == count - 1
        statuses = LASTING if final and draw(st.booleans()) else list(ResidenceStatus)
        status = draw(st.sampled_from(statuses))
        end = (
            None
            if final and draw(st.integers(0, 3))
            else start + timedelta(days=draw(st.integers(1, 1200)))
        )
        periods.append(ResidencePeriod(status, start, end))
        if end is None:
            break
        start = end + timedelta(days=draw(st.sampled_from([1, 1, 2, 60, 90, 91, 92, 200])))
    as_of = date(2025, 10, 30) + timedelta(days=draw(st.integers(0, 800)))
    return Facts(residence_periods=tuple(periods), minor_children_in_household=0), as_of


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_projected_day_is_the_first_day_met(history: tuple[Facts, date]) -> None:
    facts, as_of = history
    report = evaluate(facts, as_of=as_of)
    for rule, condition_id in SINGLE_ROUTE:
        condition = report.result(rule).condition(condition_id)
        day = condition.eligible_from
        if condition.status == "met":
            assert day is not None and day <= as_of
            if day >= SAME_VERSION_FROM[rule]:
                then = evaluate(facts, as_of=day).result(rule).condition(condition_id)
                assert then.status == "met"
        elif day is not None:
            assert condition.status == "not_met" and day > as_of
            at_day = evaluate(facts, as_of=day).result(rule).condition(condition_id)
            before = evaluate(facts, as_of=day - timedelta(days=1)).result(rule)
            assert at_day.status == "met"
            assert before.condition(condition_id).status != "met"


@settings(max_examples=150, deadline=None)
@given(histories(), st.integers(0, 40), st.sampled_from([None, "A1", "B1", "C2"]))
def test_every_rule_gives_an_answer(history: tuple[Facts, date], age: int, level) -> None:
    facts, as_of = history
    facts = Facts(
        birth_date=date(1990, 1, 1) + timedelta(days=365 * age),
        residence_periods=facts.residence_periods,
        german_oral=level,
        german_written=level,
    )
    report = evaluate(facts, as_of=as_of)
    for result in report.results:
        assert result.status in {"met", "not_met", "unknown"}
        assert all("{" not in condition.explanation for condition in result.conditions)
        if result.status == "met":
            assert result.eligible_from is not None and result.eligible_from <= as_of

"""parse_facts and Facts: the typed side of the contract."""

from __future__ import annotations

from datetime import date

import pytest

from kim_desktop.core.precheck import (
    Facts,
    FactsError,
    Qualification,
    ResidencePeriod,
    ResidenceStatus,
    parse_facts,
)

from .precheck_builders import period, person


def test_parse_gives_typed_facts_in_time_order() -> None:
    facts = parse_facts(
        person(
            residence_periods=[
                period("toleration", "2020-01-01", None, "§ 60a AufenthG"),
                period("asylum_permit", "2017-05-01", "2019-12-31"),
            ],
            qualification="vocational",
        )
    )
    assert facts.birth_date == date(2001, 5, 3)
    assert facts.qualification is Qualification.VOCATIONAL
    assert facts.residence_periods == (
        ResidencePeriod(ResidenceStatus.ASYLUM_PERMIT, date(2017, 5, 1), date(2019, 12, 31)),
        ResidencePeriod(ResidenceStatus.TOLERATION, date(2020, 1, 1), None, "§ 60a AufenthG"),
    )


def test_missing_and_null_mean_unknown() -> None:
    facts = parse_facts({"passport": None, "residence_periods": []})
    assert facts == Facts()


def test_error_names_the_field() -> None:
    with pytest.raises(FactsError) as caught:
        parse_facts(person(residence_periods=[period("toleration", "2019-01-10", "2018-01-01")]))
    assert caught.value.field == "residence_periods[0]"
    assert "umgekehrt" in str(caught.value)


def test_facts_built_in_code_are_checked_too() -> None:
    with pytest.raises(FactsError, match="überschneidet"):
        Facts(
            residence_periods=(
                ResidencePeriod(ResidenceStatus.TOLERATION, date(2019, 1, 1), None),
                ResidencePeriod(ResidenceStatus.RESIDENCE_PERMIT, date(2020, 1, 1), None),
            )
        )


def test_adjacent_periods_are_fine() -> None:
    facts = parse_facts(
        person(
            residence_periods=[
                period("asylum_permit", "2017-05-01", "2019-12-31"),
                period("toleration", "2020-01-01", None),
            ]
        )
    )
    assert facts.status_on(date(2019, 12, 31)).status is ResidenceStatus.ASYLUM_PERMIT
    assert facts.status_on(date(2020, 1, 1)).status is ResidenceStatus.TOLERATION

"""From the client file to facts, and the list of clients becoming eligible (domain records
written through the domain services, on the fresh database of tests/core/conftest.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.orm import Session

from kim_desktop.core.errors import DomainError
from kim_desktop.core.precheck import Qualification, ResidencePeriod, ResidenceStatus, evaluate
from kim_desktop.core.precheck.bridge import (
    clients_becoming_eligible,
    facts_from_client,
    precheck_statuses,
)
from kim_desktop.core.services import (
    ClientData,
    add_household_member,
    add_residence_period,
    create_client,
)
from kim_desktop.core.services.retention import erase_client

AS_OF = dt.date(2026, 11, 24)
D = dt.date


def client(
    session: Session, periods: list[tuple[str, dt.date, dt.date | None]], **facts: Any
) -> str:
    values: dict[str, Any] = {
        "last_name": "Beispiel",
        "first_name": "Testa",
        "municipality_code": "minden",
        "birth_date": D(1990, 5, 17),
        "german_oral": "A2",
        "german_written": "A1",
        "livelihood_own_share": 0.6,
        "passport": True,
        "convictions_above_threshold": False,
    }
    values.update(facts)
    client_id = create_client(session, data=ClientData(**values)).ids[0]
    for code, start, end in periods:
        add_residence_period(
            session, client_id=client_id, status_code=code, valid_from=start, valid_to=end
        )
    return client_id


def child(session: Session, client_id: str, **values: Any) -> None:
    add_household_member(
        session, client_id=client_id, relation="child", first_name="Kind", **values
    )


def test_facts_from_the_client_file(session: Session) -> None:
    client_id = client(
        session,
        [
            ("asylum_permit", D(2018, 1, 1), D(2019, 12, 31)),
            ("toleration_60a", D(2020, 1, 1), None),
        ],
        school_years_successful=3,
        qualification="school_leaving",
        naturalisation_test_passed=False,
    )
    child(session, client_id, birth_date=D(2015, 3, 1), unmarried=True, attends_school=True)
    facts = facts_from_client(session, client_id, as_of=AS_OF)
    assert facts.birth_date == D(1990, 5, 17)
    assert facts.residence_periods == (
        ResidencePeriod(
            ResidenceStatus.ASYLUM_PERMIT, D(2018, 1, 1), D(2019, 12, 31), "§ 55 AsylG"
        ),
        ResidencePeriod(ResidenceStatus.TOLERATION, D(2020, 1, 1), None, "§ 60a AufenthG"),
    )
    assert facts.minor_children_in_household == 1
    assert facts.school_age_children_attend_school is True
    assert facts.qualification is Qualification.SCHOOL_LEAVING
    assert (facts.german_oral, facts.german_written) == ("A2", "A1")
    assert facts.school_years_successful == 3
    assert facts.naturalisation_test_passed is False


def test_fiction_certificate_continues_the_previous_title(session: Session) -> None:
    client_id = client(
        session,
        [("rp_25_2_refugee", D(2019, 3, 1), D(2024, 5, 31)), ("fiction_81_4", D(2024, 6, 1), None)],
    )
    periods = facts_from_client(session, client_id, as_of=AS_OF).residence_periods
    assert periods is not None
    assert periods[1].status is ResidenceStatus.RESIDENCE_PERMIT
    assert periods[1].legal_basis == periods[0].legal_basis == "§ 25 Abs. 2 Satz 1 Alt. 1 AufenthG"


def test_expiry_in_the_future_is_not_the_end_of_the_status(session: Session) -> None:
    client_id = client(session, [("toleration_60a", D(2020, 1, 1), D(2027, 3, 31))])
    assert facts_from_client(session, client_id, as_of=AS_OF).residence_periods == (
        ResidencePeriod(ResidenceStatus.TOLERATION, D(2020, 1, 1), None, "§ 60a AufenthG"),
    )
    ended = client(session, [("toleration_60a", D(2020, 1, 1), D(2025, 3, 31))])
    periods = facts_from_client(session, ended, as_of=AS_OF).residence_periods
    assert periods is not None and periods[0].end == D(2025, 3, 31)


@pytest.mark.parametrize(
    ("children", "minors", "attending"),
    [
        ([], 0, True),
        ([{"birth_date": D(2000, 1, 1), "unmarried": True}], 0, True),
        ([{"birth_date": D(2010, 1, 1), "unmarried": False, "attends_school": True}], 0, True),
        ([{"birth_date": D(2010, 1, 1), "unmarried": None, "attends_school": True}], None, True),
        ([{"birth_date": None, "unmarried": True}], None, None),
        ([{"birth_date": D(2023, 1, 1), "unmarried": True}], 1, True),
        (
            [
                {"birth_date": D(2012, 1, 1), "unmarried": True, "attends_school": False},
                {"birth_date": None},
            ],
            1,
            False,
        ),
    ],
    ids=[
        "none",
        "adult",
        "married",
        "marriage unknown",
        "age unknown",
        "toddler",
        "one not at school",
    ],
)
def test_minor_unmarried_children_and_school(session: Session, children, minors, attending) -> None:
    client_id = client(session, [("toleration_60a", D(2020, 1, 1), None)])
    for values in children:
        child(session, client_id, **values)
    facts = facts_from_client(session, client_id, as_of=AS_OF)
    assert facts.minor_children_in_household == minors
    assert facts.school_age_children_attend_school is attending


def test_missing_and_erased_clients_are_refused(session: Session) -> None:
    with pytest.raises(DomainError):
        facts_from_client(session, "00000000-0000-0000-0000-000000000000")
    client_id = client(session, [])
    session.info["role"] = "office_admin"  # only the office admin erases
    erase_client(session, client_id=client_id, confirm=True)
    with pytest.raises(DomainError):
        facts_from_client(session, client_id)


def test_clients_becoming_eligible(session: Session) -> None:
    soon = client(session, [("toleration_60a", D(2021, 2, 1), None)])
    convicted = client(
        session, [("toleration_60a", D(2021, 2, 1), None)], convictions_above_threshold=True
    )
    later = client(session, [("toleration_60a", D(2021, 8, 1), None)])
    already = client(session, [("toleration_60a", D(2019, 1, 1), None)])
    erased = client(session, [("toleration_60a", D(2021, 2, 1), None)])
    session.info["role"] = "office_admin"  # only the office admin erases
    erase_client(session, client_id=erased, confirm=True)

    three = clients_becoming_eligible(session, within_months=3, as_of=AS_OF)
    assert [(e.client_id, e.rule, e.eligible_from) for e in three] == [
        (soon, "aufenthg_25b", D(2027, 2, 1))
    ]
    assert three[0].status == "not_met"
    assert three[0].missing == ("stay_6_or_4_years",)
    assert three[0].unknown == ()
    assert three[0].rule_version == "aufenthg_25b/2022-12-31"

    # Facts not recorded do not keep someone off the list; they are named apart.
    unasked = client(session, [("toleration_60a", D(2021, 2, 1), None)], german_oral=None,
                     passport=None)
    [found] = [e for e in clients_becoming_eligible(session, within_months=3, as_of=AS_OF)
               if e.client_id == unasked]
    assert found.missing == ("stay_6_or_4_years",)
    assert found.unknown == ("german_a2_oral", "passport")
    erase_client(session, client_id=unasked, confirm=True)

    year = clients_becoming_eligible(session, within_months=12, as_of=AS_OF)
    assert [(e.client_id, e.eligible_from) for e in year] == [
        (soon, D(2027, 2, 1)),
        (later, D(2027, 8, 1)),
    ]
    with_now = clients_becoming_eligible(
        session, within_months=3, as_of=AS_OF, include_already_eligible=True
    )
    assert [(e.client_id, e.status) for e in with_now] == [(already, "met"), (soon, "not_met")]
    assert convicted not in {e.client_id for e in with_now}


@pytest.mark.parametrize("months", [-1, 121])
def test_months_out_of_range_are_refused(session: Session, months: int) -> None:
    with pytest.raises(DomainError) as raised:
        clients_becoming_eligible(session, within_months=months, as_of=AS_OF)
    assert raised.value.code == "out_of_range"


def test_catalog_legal_bases_drive_the_naturalisation_check(session: Session) -> None:
    """The catalog's legal bases are what § 55 Abs. 3 AsylG and § 10 Abs. 1 Nr. 2 StAG read."""
    recognised = client(
        session,
        [
            ("asylum_permit", D(2019, 3, 1), D(2021, 2, 28)),
            ("rp_25_2_refugee", D(2021, 3, 1), None),
        ],
        german_oral="B1",
        german_written="B1",
        naturalisation_test_passed=True,
        livelihood_own_share=1.0,
    )
    excluded = client(session, [("rp_25_5", D(2015, 1, 1), None)])
    stag = evaluate(facts_from_client(session, recognised, as_of=AS_OF), as_of=AS_OF)
    assert stag.result("stag_10").status == "met"
    assert stag.result("stag_10").eligible_from == D(2024, 3, 1)
    other = evaluate(facts_from_client(session, excluded, as_of=AS_OF), as_of=AS_OF)
    assert other.result("stag_10").condition("residence_title").status == "not_met"


def test_precheck_statuses_for_the_report_facts(session: Session) -> None:
    settled = client(session, [("toleration_60a", D(2019, 1, 1), None)])
    newcomer = client(session, [("asylum_permit", D(2025, 1, 1), None)], passport=None)
    erased = client(session, [("toleration_60a", D(2019, 1, 1), None)])
    session.info["role"] = "office_admin"  # only the office admin erases
    erase_client(session, client_id=erased, confirm=True)
    statuses = precheck_statuses(session, as_of=AS_OF)
    assert set(statuses) == {settled, newcomer}
    assert statuses[settled] == {
        "aufenthg_25a": "not_met",
        "aufenthg_25b": "met",
        "stag_10": "not_met",
    }
    assert statuses[newcomer]["aufenthg_25b"] == "not_met"

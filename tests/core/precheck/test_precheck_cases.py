"""The boundaries of issue 7, one row each: the evaluation through the public API.

Expected dates are worked out by hand from the law's counting (docs/precheck.md), not
copied from the program's output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from kim_desktop.core.precheck import evaluate, parse_facts

from .precheck_builders import period, person

TOL = "toleration"


def tolerated_since(start: str) -> list[dict[str, Any]]:
    return [period(TOL, start, None)]


@dataclass(frozen=True)
class Case:
    name: str
    facts: dict[str, Any]
    as_of: str
    rule: str
    status: str
    eligible_from: str | None = None
    conditions: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    rule_version: str | None = "current"


GAP_START = [period(TOL, "2020-01-01", "2022-03-31")]
CHILD = {"minor_children_in_household": 1}
NO_CHILD = {"minor_children_in_household": 0}
NATURALISATION = {
    "german_oral": "C1",
    "german_written": "C1",
    "livelihood_own_share": 1.0,
    "residence_periods": [period("residence_permit", "2022-08-01", None, "§ 25 Abs. 2 AufenthG")],
}

CASES = [
    # --- § 25a: the 27th birthday (born 2001-05-03; 27 years are completed at the end of
    # 2028-05-02, § 187 Abs. 2 Satz 2 BGB) -----------------------------------------------
    Case(
        "25a day before 27th birthday",
        person(),
        "2028-05-02",
        "aufenthg_25a",
        "met",
        "2022-01-10",
        {"age_limit": "met"},
        ("age_limit.deadline",),
    ),
    Case(
        "25a on 27th birthday",
        person(),
        "2028-05-03",
        "aufenthg_25a",
        "not_met",
        None,
        {"age_limit": "not_met", "stay_3_years": "met"},
    ),
    Case(
        "25a deadline warning starts 12 months before",
        person(),
        "2027-05-03",
        "aufenthg_25a",
        "met",
        "2022-01-10",
        {},
        ("age_limit.deadline",),
    ),
    Case(
        "25a no deadline warning 12 months and a day before",
        person(),
        "2027-05-02",
        "aufenthg_25a",
        "met",
        "2022-01-10",
        {},
        (),
    ),
    Case(
        "25a born 29 February: last day is 28 February",
        person(birth_date="2000-02-29"),
        "2027-02-28",
        "aufenthg_25a",
        "met",
        "2022-01-10",
        {"age_limit": "met"},
        ("age_limit.deadline",),
    ),
    Case(
        "25a born 29 February: too late on 1 March",
        person(birth_date="2000-02-29"),
        "2027-03-01",
        "aufenthg_25a",
        "not_met",
        None,
        {"age_limit": "not_met"},
    ),
    Case(
        "25a under 14: eligible from the 14th birthday",
        person(birth_date="2014-03-01", residence_periods=tolerated_since("2020-01-01")),
        "2026-11-24",
        "aufenthg_25a",
        "not_met",
        "2028-03-01",
        {"age_limit": "not_met"},
    ),
    Case(
        "25a three years reached only after the 27th birthday",
        person(birth_date="2000-01-01", residence_periods=tolerated_since("2024-06-01")),
        "2026-11-24",
        "aufenthg_25a",
        "not_met",
        None,
        {"stay_3_years": "not_met"},
        ("too_late", "age_limit.deadline"),
    ),
    Case(
        "25a three years: day before",
        person(residence_periods=tolerated_since("2023-11-24")),
        "2026-11-23",
        "aufenthg_25a",
        "not_met",
        "2026-11-24",
        {"stay_3_years": "not_met"},
    ),
    Case(
        "25a three years: the day",
        person(residence_periods=tolerated_since("2023-11-24")),
        "2026-11-24",
        "aufenthg_25a",
        "met",
        "2026-11-24",
        {"stay_3_years": "met"},
    ),
    Case(
        "25a asylum permit counts for the stay but not for the 12 months toleration",
        person(
            residence_periods=[
                period("asylum_permit", "2021-01-01", "2026-05-31"),
                period(TOL, "2026-06-01", None),
            ]
        ),
        "2026-11-24",
        "aufenthg_25a",
        "not_met",
        "2027-06-01",
        {"stay_3_years": "met", "toleration_12_months": "not_met"},
    ),
    Case(
        "25a school: vocational qualification instead of school years",
        person(school_years_successful=1, qualification="vocational"),
        "2026-11-24",
        "aufenthg_25a",
        "met",
        "2022-01-10",
        {"school_or_qualification": "met"},
    ),
    Case(
        "25a school: two years and no qualification",
        person(school_years_successful=2, qualification="none"),
        "2026-11-24",
        "aufenthg_25a",
        "not_met",
        "2022-01-10",
        {"school_or_qualification": "not_met"},
    ),
    Case(
        "25a school: two years, qualification unknown",
        person(school_years_successful=2, qualification=...),
        "2026-11-24",
        "aufenthg_25a",
        "unknown",
        "2022-01-10",
        {"school_or_qualification": "unknown"},
    ),
    Case(
        "25a no rule version before 2022-12-31",
        person(),
        "2022-12-30",
        "aufenthg_25a",
        "unknown",
        None,
        {},
        ("no_rule_version",),
        rule_version=None,
    ),
    # --- § 25b: 6 years, or 4 with a minor unmarried child --------------------------------
    Case(
        "25b 5 years 10 months with a child: 4-year route",
        person(residence_periods=tolerated_since("2021-01-10"), **CHILD),
        "2026-11-24",
        "aufenthg_25b",
        "met",
        "2025-01-10",
        {"stay_6_or_4_years": "met"},
    ),
    Case(
        "25b 5 years 10 months without a child: 6 years needed",
        person(residence_periods=tolerated_since("2021-01-10"), **NO_CHILD),
        "2026-11-24",
        "aufenthg_25b",
        "not_met",
        "2027-01-10",
        {"stay_6_or_4_years": "not_met"},
    ),
    Case(
        "25b child not known: 4-year route open",
        person(
            residence_periods=tolerated_since("2021-01-10"),
            minor_children_in_household=...,
            school_age_children_attend_school=...,
        ),
        "2026-11-24",
        "aufenthg_25b",
        "unknown",
        "2025-01-10",
        {"stay_6_or_4_years": "unknown", "children_attend_school": "unknown"},
    ),
    Case(
        "25b 6 years: day before",
        person(residence_periods=tolerated_since("2020-11-24")),
        "2026-11-23",
        "aufenthg_25b",
        "not_met",
        "2026-11-24",
    ),
    Case(
        "25b 6 years: the day",
        person(residence_periods=tolerated_since("2020-11-24")),
        "2026-11-24",
        "aufenthg_25b",
        "met",
        "2026-11-24",
    ),
    Case(
        "25b 4 years with a child: day before",
        person(residence_periods=tolerated_since("2022-11-24"), **CHILD),
        "2026-11-23",
        "aufenthg_25b",
        "not_met",
        "2026-11-24",
    ),
    Case(
        "25b 4 years with a child: the day",
        person(residence_periods=tolerated_since("2022-11-24"), **CHILD),
        "2026-11-24",
        "aufenthg_25b",
        "met",
        "2026-11-24",
    ),
    # Gaps: 2022-04-01 .. 2022-06-29 is 90 days, up to 2022-06-30 it is 91 days. The gap's
    # days do not count, so 4 years from 2020-01-01 are complete 90 days later than
    # 2024-01-01, on 2024-03-31.
    Case(
        "25b gap of 90 days is harmless",
        person(residence_periods=[*GAP_START, period(TOL, "2022-06-30", None)], **CHILD),
        "2024-06-01",
        "aufenthg_25b",
        "met",
        "2024-03-31",
        {"stay_6_or_4_years": "met"},
        ("stay_6_or_4_years.gap_tolerated",),
    ),
    Case(
        "25b gap of 91 days breaks the stay",
        person(residence_periods=[*GAP_START, period(TOL, "2022-07-01", None)], **CHILD),
        "2024-06-01",
        "aufenthg_25b",
        "not_met",
        "2026-07-01",
        {"stay_6_or_4_years": "not_met"},
    ),
    # Two gaps of 30 days (2021-02-01..03-02, 2022-02-01..03-02): only the later one is
    # tolerated, so the stay runs from 2021-03-03; 4 years plus the 30 gap days: 2025-04-02.
    Case(
        "25b only one short interruption is harmless",
        person(
            residence_periods=[
                period(TOL, "2020-01-01", "2021-01-31"),
                period(TOL, "2021-03-03", "2022-01-31"),
                period(TOL, "2022-03-03", None),
            ],
            **CHILD,
        ),
        "2024-06-01",
        "aufenthg_25b",
        "not_met",
        "2025-04-02",
    ),
    # § 60b: 2021 (365 days) does not count, but does not interrupt either: 6 years from
    # 2019-01-01 are complete on 2025-01-01 + 365 days = 2026-01-01.
    Case(
        "25b § 60b period is not counted but does not interrupt",
        person(
            residence_periods=[
                period(TOL, "2019-01-01", "2020-12-31"),
                period("toleration_unclear_identity", "2021-01-01", "2021-12-31"),
                period(TOL, "2022-01-01", None),
            ]
        ),
        "2026-11-24",
        "aufenthg_25b",
        "met",
        "2026-01-01",
        {"stay_6_or_4_years": "met"},
        ("stay_6_or_4_years.not_counted",),
    ),
    Case(
        "25b current § 60b toleration is not enough",
        person(
            residence_periods=[
                period(TOL, "2018-01-01", "2025-12-31"),
                period("toleration_unclear_identity", "2026-01-01", None),
            ]
        ),
        "2026-11-24",
        "aufenthg_25b",
        "not_met",
        "2024-01-01",
        {"toleration_status": "not_met", "stay_6_or_4_years": "met"},
    ),
    # 12 months of toleration: six months before and ten after a § 60b half year; 12 counted
    # months from 2025-01-01 end 184 days (the § 60b days) after 2026-01-01.
    Case(
        "25a § 60b months do not count towards the 12 months",
        person(
            residence_periods=[
                period("asylum_permit", "2022-01-01", "2024-12-31"),
                period(TOL, "2025-01-01", "2025-06-30"),
                period("toleration_unclear_identity", "2025-07-01", "2025-12-31"),
                period(TOL, "2026-01-01", None),
            ]
        ),
        "2026-11-24",
        "aufenthg_25a",
        "met",
        "2026-07-04",
        {"toleration_12_months": "met", "stay_3_years": "met"},
    ),
    Case(
        "25b unknown status inside the window",
        person(
            residence_periods=[
                period("unknown", "2019-01-01", "2022-12-31"),
                period(TOL, "2023-01-01", None),
            ]
        ),
        "2026-11-24",
        "aufenthg_25b",
        "unknown",
        None,
        {"stay_6_or_4_years": "unknown"},
    ),
    Case(
        "25b livelihood exactly half is not 'mostly'",
        person(livelihood_own_share=0.5),
        "2026-11-24",
        "aufenthg_25b",
        "not_met",
        "2025-01-10",
        {"livelihood_mostly_own_work": "not_met"},
    ),
    Case(
        "25b livelihood 51 percent",
        person(livelihood_own_share=0.51),
        "2026-11-24",
        "aufenthg_25b",
        "met",
        "2025-01-10",
        {"livelihood_mostly_own_work": "met"},
    ),
    Case(
        "25b conviction above threshold",
        person(convictions_above_threshold=True),
        "2026-11-24",
        "aufenthg_25b",
        "not_met",
        "2025-01-10",
        {"no_convictions": "not_met"},
    ),
    Case(
        "25b oral German A1",
        person(german_oral="A1"),
        "2026-11-24",
        "aufenthg_25b",
        "not_met",
        "2025-01-10",
        {"german_a2_oral": "not_met"},
    ),
    Case(
        "25b children do not attend school",
        person(school_age_children_attend_school=False, **CHILD),
        "2026-11-24",
        "aufenthg_25b",
        "not_met",
        "2023-01-10",
        {"children_attend_school": "not_met"},
    ),
    Case(
        "25b § 104c holder: transitional note",
        person(
            residence_periods=[
                period(TOL, "2017-01-01", "2023-06-30"),
                period("residence_permit", "2023-07-01", None, "§ 104c AufenthG"),
            ]
        ),
        "2024-06-01",
        "aufenthg_25b",
        "met",
        "2023-01-01",
        {"toleration_status": "met"},
        ("transitional_104c",),
    ),
    Case(
        "25a § 104c holder: twelve months of toleration waived",
        person(
            residence_periods=[
                period(TOL, "2019-01-10", "2023-06-30"),
                period("residence_permit", "2023-07-01", None, "§ 104c AufenthG"),
            ]
        ),
        "2024-06-01",
        "aufenthg_25a",
        "met",
        "2023-07-01",
        {"toleration_status": "met", "toleration_12_months": "met", "stay_3_years": "met"},
        ("transitional_104c",),
    ),
    # Recorded future: a 60-day gap in 2025. Until then the 2022 gap is the one tolerated:
    # 365 days of 2021/22 plus 731 days from 2022-07-31 make three years on 2024-07-31.
    Case(
        "25a projection before a later recorded interruption",
        person(
            residence_periods=[
                period(TOL, "2021-06-01", "2022-05-31"),
                period(TOL, "2022-07-31", "2025-03-31"),
                period(TOL, "2025-05-31", None),
            ]
        ),
        "2024-06-01",
        "aufenthg_25a",
        "not_met",
        "2024-07-31",
        {"stay_3_years": "not_met"},
        ("stay_3_years.gap_tolerated",),
    ),
    # --- § 10 StAG: 5 years; the 3-year route until 2025-10-29 --------------------------
    Case(
        "StAG 10 before 2025-10-30: 3-year route still open",
        person(**NATURALISATION),
        "2025-10-29",
        "stag_10",
        "unknown",
        "2025-08-01",
        {"lawful_residence": "unknown"},
        rule_version="stag_10/2024-06-27",
    ),
    Case(
        "StAG 10 from 2025-10-30: five years needed",
        person(**NATURALISATION),
        "2025-10-30",
        "stag_10",
        "not_met",
        "2027-08-01",
        {"lawful_residence": "not_met"},
        ("three_year_route_abolished",),
        rule_version="stag_10/2025-10-30",
    ),
    Case(
        "StAG 10 3-year route needs C1",
        person(**{**NATURALISATION, "german_written": "B2"}),
        "2025-10-29",
        "stag_10",
        "not_met",
        "2027-08-01",
        {"lawful_residence": "not_met", "german_b1": "met"},
        rule_version="stag_10/2024-06-27",
    ),
    Case(
        "StAG 10 no rule version before 2024-06-27",
        person(**NATURALISATION),
        "2024-06-26",
        "stag_10",
        "unknown",
        None,
        {},
        ("no_rule_version",),
        rule_version=None,
    ),
    Case(
        "StAG 10 five years met",
        person(residence_periods=[period("settlement_permit", "2020-01-15", None)]),
        "2026-11-24",
        "stag_10",
        "met",
        "2025-01-15",
        {"residence_title": "met"},
    ),
    Case(
        "StAG 10 B1 written missing",
        person(
            residence_periods=[period("settlement_permit", "2020-01-15", None)], german_written="A2"
        ),
        "2026-11-24",
        "stag_10",
        "not_met",
        "2025-01-15",
        {"german_b1": "not_met"},
    ),
    Case(
        "StAG 10 asylum period counts after recognition (§ 55 Abs. 3 AsylG)",
        person(
            residence_periods=[
                period("asylum_permit", "2019-03-01", "2021-02-28"),
                period("residence_permit", "2021-03-01", None, "§ 25 Abs. 2 AufenthG"),
            ]
        ),
        "2026-11-24",
        "stag_10",
        "met",
        "2024-03-01",
        {"lawful_residence": "met"},
    ),
    Case(
        "StAG 10 asylum period without recognition is open",
        person(
            residence_periods=[
                period("asylum_permit", "2019-03-01", "2021-02-28"),
                period("residence_permit", "2021-03-01", None, "§ 25 Abs. 3 AufenthG"),
            ]
        ),
        "2025-11-24",
        "stag_10",
        "not_met",
        None,
        {"lawful_residence": "unknown", "residence_title": "not_met"},
    ),
    Case(
        "StAG 10 toleration interrupts lawful residence",
        person(
            residence_periods=[
                period("residence_permit", "2015-01-01", "2022-12-31", "§ 16b AufenthG"),
                period(TOL, "2023-01-01", "2023-06-30"),
                period("residence_permit", "2023-07-01", None, "§ 25b AufenthG"),
            ]
        ),
        "2026-11-24",
        "stag_10",
        "not_met",
        "2028-07-01",
        {"lawful_residence": "not_met", "residence_title": "met"},
    ),
    Case(
        "StAG 10 residence permit without legal basis",
        person(residence_periods=[period("residence_permit", "2020-01-15", None)]),
        "2026-11-24",
        "stag_10",
        "unknown",
        "2025-01-15",
        {"residence_title": "unknown"},
    ),
    Case(
        "StAG 10 naturalisation test not passed",
        person(
            residence_periods=[period("settlement_permit", "2020-01-15", None)],
            naturalisation_test_passed=False,
        ),
        "2026-11-24",
        "stag_10",
        "not_met",
        "2025-01-15",
        {"naturalisation_test": "not_met"},
    ),
    Case(
        "StAG 10 conviction above threshold",
        person(
            residence_periods=[period("settlement_permit", "2020-01-15", None)],
            convictions_above_threshold=True,
        ),
        "2026-11-24",
        "stag_10",
        "not_met",
        "2025-01-15",
        {"no_convictions": "not_met"},
    ),
    Case(
        "StAG 10 no passport: identity to be checked",
        person(residence_periods=[period("settlement_permit", "2020-01-15", None)], passport=False),
        "2026-11-24",
        "stag_10",
        "unknown",
        "2025-01-15",
        {"identity": "unknown"},
    ),
    # --- nothing known ------------------------------------------------------------------
    Case("nothing known: 25a unknown", {}, "2026-11-24", "aufenthg_25a", "unknown"),
    Case("nothing known: 25b unknown", {}, "2026-11-24", "aufenthg_25b", "unknown"),
    Case("nothing known: StAG 10 unknown", {}, "2026-11-24", "stag_10", "unknown"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_precheck_case(case: Case) -> None:
    report = evaluate(parse_facts(case.facts), as_of=date.fromisoformat(case.as_of))
    result = report.result(case.rule)
    assert result.status == case.status
    assert result.eligible_from == (
        None if case.eligible_from is None else date.fromisoformat(case.eligible_from)
    )
    for condition_id, status in case.conditions.items():
        assert result.condition(condition_id).status == status, condition_id
    warning_ids = {warning.id for warning in result.warnings}
    assert set(case.warnings) <= warning_ids
    if "age_limit.deadline" not in case.warnings:
        assert "age_limit.deadline" not in warning_ids
    if case.rule_version is None:
        assert result.rule_version is None
    elif case.rule_version != "current":
        assert result.rule_version == case.rule_version
    for condition in result.conditions:
        assert condition.explanation.strip()
        assert "{" not in condition.explanation


def test_table_covers_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30

"""From the case records to pre-check facts, and the clients who will soon be eligible.

How the records become facts (docs/precheck.md, "From the client file"):
- Residence periods map through the residence-status catalog to the engine's statuses; a
  Fiktionsbescheinigung takes the status and legal basis of the period before it.
- A ``valid_to`` after the evaluation day is a permit's expiry, not the end of the status: the
  current status is assumed to continue (as the engine's projection does for open periods).
- Minor children: household members with relation ``child`` who are under 18 on the
  evaluation day and not known to be married. An empty household means none; a child with an
  unknown birth date or marital status makes the count unknown unless another child is known.
- School attendance: children from 6 to under 18 (school age in NRW); all attending is
  True, any not attending is False, any unknown is None; no school-age child is True.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import Client, HouseholdMember, HouseholdRelation
from kim_desktop.core.models import ResidenceStatusPeriod as PeriodRecord
from kim_desktop.core.precheck.dates import add_months, birthday
from kim_desktop.core.precheck.engine import evaluate_rule
from kim_desktop.core.precheck.facts import (
    LANGUAGE_LEVELS,
    Facts,
    FactsError,
    Qualification,
    ResidencePeriod,
    ResidenceStatus,
)
from kim_desktop.core.precheck.report import RuleResult, Status
from kim_desktop.core.precheck.rules import RULE_IDS, RULES_DIR, load_rules
from kim_protocol.catalogs import Catalogs

ADULT_AGE = 18
SCHOOL_AGE = 6
MAX_MONTHS = 120
Grouped = TypeVar("Grouped", PeriodRecord, HouseholdMember)


def facts_from_client(session: Session, client_id: str, *, as_of: dt.date | None = None) -> Facts:
    """The pre-check facts of one live client as of ``as_of`` (default today).

    Raises DomainError for a missing, deleted or erased client and FactsError when the stored
    periods cannot be evaluated (they overlap).
    """
    day = as_of or dt.date.today()
    client = session.get(Client, client_id)
    if client is None:
        raise DomainError("not_found", kind="client")
    if client.deleted_at is not None:
        raise DomainError("erased" if client.erased_at is not None else "deleted", kind="client")
    periods = session.scalars(
        select(PeriodRecord).where(
            PeriodRecord.client_id == client_id, PeriodRecord.deleted_at.is_(None)
        )
    ).all()
    members = session.scalars(
        select(HouseholdMember).where(
            HouseholdMember.client_id == client_id, HouseholdMember.deleted_at.is_(None)
        )
    ).all()
    return _facts(client, periods, members, catalogs_for(session), day)


@dataclass(frozen=True)
class EligibleClient:
    """One client and one rule whose time-based conditions are met by ``eligible_from``."""

    client_id: str
    rule: str
    status: Status
    eligible_from: dt.date
    rule_version: str | None
    #: Conditions not yet met: the time-based ones still running (ids of the rule file).
    missing: tuple[str, ...]
    #: Conditions that cannot be judged because facts are not recorded (ids of the rule file):
    #: what the case manager should ask about.
    unknown: tuple[str, ...] = ()


def clients_becoming_eligible(
    session: Session,
    *,
    within_months: int,
    as_of: dt.date,
    include_already_eligible: bool = False,
    rules_dir: Path = RULES_DIR,
) -> list[EligibleClient]:
    """Clients whose time-based conditions for a rule will be met within ``within_months``.

    A client counts when ``as_of < eligible_from <= as_of + within_months`` (or any earlier
    eligible_from with ``include_already_eligible``) and no other condition is known to be
    unmet. Clients whose stored periods overlap are left out. Sorted by date, then rule.
    """
    if not 0 <= within_months <= MAX_MONTHS:
        raise DomainError("out_of_range", field="precheck.months", low=0, high=MAX_MONTHS)
    horizon = add_months(as_of, within_months)
    found: list[EligibleClient] = []
    for client_id, results in _evaluated_clients(session, as_of, rules_dir):
        for result in results:
            when = result.eligible_from
            if when is None or when > horizon or (when <= as_of and not include_already_eligible):
                continue
            if any(c.status == "not_met" and not c.time_based for c in result.conditions):
                continue
            missing = tuple(c.id for c in result.conditions if c.status == "not_met")
            unknown = tuple(c.id for c in result.conditions if c.status == "unknown")
            found.append(
                EligibleClient(
                    client_id, result.rule, result.status, when, result.rule_version, missing,
                    unknown,
                )
            )
    found.sort(key=lambda item: (item.eligible_from, item.rule, item.client_id))
    return found


def precheck_statuses(
    session: Session, *, as_of: dt.date, rules_dir: Path = RULES_DIR
) -> dict[str, dict[str, str]]:
    """client id -> {rule: status} for every live client, e.g. for the report facts.

    Clients whose stored periods overlap are left out.
    """
    return {
        client_id: {result.rule: result.status for result in results}
        for client_id, results in _evaluated_clients(session, as_of, rules_dir)
    }


def _evaluated_clients(
    session: Session, as_of: dt.date, rules_dir: Path
) -> Iterator[tuple[str, list[RuleResult]]]:
    """Every live client's results, loading records in three queries and the rules once."""
    catalogs = catalogs_for(session)
    clients = session.scalars(select(Client).where(Client.deleted_at.is_(None))).all()
    periods = _grouped(
        session.scalars(select(PeriodRecord).where(PeriodRecord.deleted_at.is_(None)))
    )
    members = _grouped(
        session.scalars(select(HouseholdMember).where(HouseholdMember.deleted_at.is_(None)))
    )
    rules = load_rules(rules_dir)
    for client in clients:
        try:
            facts = _facts(client, periods[client.id], members[client.id], catalogs, as_of)
        except FactsError:
            continue
        yield client.id, [evaluate_rule(rules[rule], facts, as_of=as_of) for rule in RULE_IDS]


def _grouped(records: Iterable[Grouped]) -> defaultdict[str, list[Grouped]]:
    grouped: defaultdict[str, list[Grouped]] = defaultdict(list)
    for record in records:
        grouped[record.client_id].append(record)
    return grouped


def _facts(
    client: Client,
    periods: Sequence[PeriodRecord],
    members: Sequence[HouseholdMember],
    catalogs: Catalogs,
    as_of: dt.date,
) -> Facts:
    return Facts(
        birth_date=client.birth_date,
        residence_periods=_periods(periods, catalogs, as_of),
        minor_children_in_household=_minor_children(members, as_of),
        school_years_successful=(
            None
            if client.school_years_successful is None
            else float(client.school_years_successful)
        ),
        qualification=(
            Qualification(client.qualification)
            if client.qualification in {q.value for q in Qualification}
            else None
        ),
        german_oral=_level(client.german_oral),
        german_written=_level(client.german_written),
        naturalisation_test_passed=client.naturalisation_test_passed,
        livelihood_own_share=client.livelihood_own_share,
        passport=client.passport,
        convictions_above_threshold=client.convictions_above_threshold,
        school_age_children_attend_school=_school_attendance(members, as_of),
    )


def _level(value: str | None) -> str | None:
    return value if value in LANGUAGE_LEVELS else None


def _periods(
    records: Sequence[PeriodRecord], catalogs: Catalogs, as_of: dt.date
) -> tuple[ResidencePeriod, ...] | None:
    ordered = sorted(records, key=lambda record: record.valid_from)
    periods: list[ResidencePeriod] = []
    for index, record in enumerate(ordered):
        previous = ordered[index - 1] if index else None
        category = catalogs.residence_category(
            record.status_code, previous.status_code if previous else None
        )
        legal_basis = record.legal_basis or None
        entry = catalogs.residence_statuses.get(record.status_code)
        if entry is not None and entry.get("inherits_previous_category") and periods:
            legal_basis = periods[-1].legal_basis
        end = record.valid_to
        if index == len(ordered) - 1 and end is not None and end > as_of:
            end = None
        periods.append(
            ResidencePeriod(ResidenceStatus(category), record.valid_from, end, legal_basis)
        )
    return tuple(periods) or None


def _children(members: Sequence[HouseholdMember]) -> list[HouseholdMember]:
    return [m for m in members if m.relation == HouseholdRelation.CHILD]


def _minor_children(members: Sequence[HouseholdMember], as_of: dt.date) -> int | None:
    known = 0
    uncertain = False
    for child in _children(members):
        if child.birth_date is None:
            uncertain = True
        elif as_of < birthday(child.birth_date, ADULT_AGE):
            if child.unmarried is False:
                continue
            if child.unmarried is None:
                uncertain = True
            else:
                known += 1
    if known:
        return known
    return None if uncertain else 0


def _school_attendance(members: Sequence[HouseholdMember], as_of: dt.date) -> bool | None:
    answers: list[bool | None] = []
    for child in _children(members):
        if child.birth_date is None:
            answers.append(None)
        elif (
            birthday(child.birth_date, SCHOOL_AGE) <= as_of < birthday(child.birth_date, ADULT_AGE)
        ):
            answers.append(child.attends_school)
    if False in answers:
        return False
    if None in answers:
        return None
    return True

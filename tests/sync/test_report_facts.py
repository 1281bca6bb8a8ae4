"""Report facts derived on the desktop: fields, keys, change detection, erasure."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.models import Client, Consultation
from kim_desktop.core.report_pseudonyms import ReportPseudonym, ReportSecret, ReportUpload
from kim_desktop.core.services import (
    add_goal,
    add_residence_period,
    assess_need,
    close_case,
    plan_referral,
    record_consultation,
    record_gap,
    release_gap,
)
from kim_desktop.core.services.retention import erase_client
from kim_desktop.sync.report_facts import (
    acknowledge_report_upload,
    age_band,
    collect_report_upload,
)
from kim_protocol.wire import FactKind
from tests.core.conftest import TODAY, new_case, new_client


def _consult(session: Session, client_id: str, day: dt.date, minutes: int = 45,
             fields: tuple[str, ...] = ("housing",)) -> None:
    record_consultation(
        session, client_id=client_id, held_at=dt.datetime.combine(day, dt.time(10), dt.UTC),
        duration_minutes=minutes, mode_code="in_person", fields_of_action=list(fields),
    )


def _sync(session: Session) -> tuple[list, list]:
    facts, gaps = collect_report_upload(session)
    acknowledge_report_upload(session, facts, gaps)
    return list(facts.facts), list(gaps.gaps)


def test_age_bands() -> None:
    on = dt.date(2026, 6, 1)
    assert age_band(dt.date(2010, 6, 2), on) == "0-17"
    assert age_band(dt.date(2008, 6, 1), on) == "18-26"
    assert age_band(dt.date(1950, 1, 1), on) == "65+"
    assert age_band(None, on) == "unknown"


def test_case_and_month_facts_carry_only_what_reports_need(session: Session) -> None:
    client_id = new_client(session, gender="female", birth_date=dt.date(1990, 5, 17))
    add_residence_period(session, client_id=client_id, status_code="toleration_60a",
                         valid_from=dt.date(2022, 1, 1))
    case_id = new_case(session, client_id, opened_on=dt.date(2026, 1, 20))
    assess_need(session, case_id=case_id, field_of_action_code="housing", level="high",
                assessed_on=dt.date(2026, 1, 21))
    add_goal(session, case_id=case_id, field_of_action_code="housing",
             description="Wohnung finden", agreed_on=dt.date(2026, 1, 22))
    _consult(session, client_id, dt.date(2026, 2, 3), 30)
    _consult(session, client_id, dt.date(2026, 2, 17), 60, ("work", "housing"))
    _consult(session, client_id, dt.date(2026, 3, 2), 20)
    plan_referral(session, client_id=client_id, agency_code="jobcenter_minden_luebbecke",
                  planned_on=dt.date(2026, 2, 18), purpose="Beratung")

    facts, _ = collect_report_upload(session)
    by_kind = {(f.fact_kind, f.month): f for f in facts.facts}
    case = by_kind[(FactKind.CASE, "2026-01")]
    assert case.municipality == "minden"
    assert case.gender == "female" and case.age_band == "27-44"
    assert case.status_category == "toleration"
    assert case.fields_of_action == ["housing"]
    assert case.target_group == ["first_orientation"]
    assert case.case_opened == dt.date(2026, 1, 1)  # month only
    assert case.goals_total == 1 and case.goals_reached == 0
    february = by_kind[(FactKind.CONSULTATION_MONTH, "2026-02")]
    assert (february.consultations, february.minutes) == (2, 90)
    assert february.fields_of_action == ["housing", "work"]
    assert february.referrals == {"jobcenter:planned": 1}
    assert by_kind[(FactKind.CONSULTATION_MONTH, "2026-03")].consultations == 1
    # One key per case, shared by its facts; it is an HMAC, not the case's id.
    assert {f.key for f in facts.facts} == {case.key}
    assert len(case.key) == 64 and case_id.replace("-", "") not in case.key
    secret = session.scalars(select(ReportSecret)).one()
    salt = session.scalars(select(ReportPseudonym)).one().salt
    expected = hmac.new(bytes.fromhex(secret.secret), bytes.fromhex(salt), hashlib.sha256)
    assert case.key == expected.hexdigest()
    assert case.key != hmac.new(bytes.fromhex(secret.secret), case_id.encode(),
                                hashlib.sha256).hexdigest()


def test_only_changed_facts_are_sent_again(session: Session) -> None:
    client_id = new_client(session)
    new_case(session, client_id, opened_on=dt.date(2026, 1, 5))
    _consult(session, client_id, dt.date(2026, 2, 3))
    first, _ = _sync(session)
    assert len(first) == 2
    assert _sync(session) == ([], [])
    _consult(session, client_id, dt.date(2026, 2, 10))
    changed, _ = _sync(session)
    assert [(f.fact_kind, f.month, f.consultations) for f in changed] == [
        (FactKind.CONSULTATION_MONTH, "2026-02", 2)]


def test_an_unacknowledged_upload_is_sent_again(session: Session) -> None:
    client_id = new_client(session)
    new_case(session, client_id, opened_on=dt.date(2026, 1, 5))
    first, _ = collect_report_upload(session)
    again, _ = collect_report_upload(session)
    assert first == again and len(first.facts) == 1


def test_a_closed_case_updates_its_fact(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id, opened_on=dt.date(2026, 1, 5))
    _sync(session)
    close_case(session, case_id=case_id, closed_on=TODAY, reason_code="goals_achieved")
    changed, _ = _sync(session)
    assert len(changed) == 1
    assert changed[0].case_closed == TODAY.replace(day=1)
    assert changed[0].closure_reason == "goals_achieved"


def test_erased_clients_facts_stay_and_can_no_longer_be_linked(session: Session) -> None:
    client_id = new_client(session, first_name="Zerya", last_name="Vanderloo")
    case_id = new_case(session, client_id, opened_on=dt.date(2026, 1, 5))
    _consult(session, client_id, dt.date(2026, 2, 3))
    other = new_client(session)
    new_case(session, other, opened_on=dt.date(2026, 1, 6))
    sent, _ = _sync(session)
    erased_key = next(f.key for f in sent if f.fact_kind is FactKind.CONSULTATION_MONTH)
    old_salt = session.scalars(
        select(ReportPseudonym).where(ReportPseudonym.case_id == case_id)).one().salt

    session.info["role"] = "office_admin"  # only the office admin erases
    erase_client(session, client_id=client_id, confirm=True)
    after, _ = _sync(session)
    assert after == []  # nothing withdrawn: the erased client's facts stay on the server
    pseudonym = session.scalars(
        select(ReportPseudonym).where(ReportPseudonym.case_id == case_id)).one()
    assert pseudonym.salt == "" and pseudonym.deleted_at is not None
    assert session.scalars(
        select(ReportUpload).where(ReportUpload.case_id == case_id)).all() == []
    # Nothing left in the database reproduces the key or still holds the salt.
    secret = bytes.fromhex(session.scalars(select(ReportSecret)).one().secret)
    candidates = [case_id, client_id] + [p.salt for p in session.scalars(select(ReportPseudonym))]
    for candidate in candidates:
        for message in (candidate.encode(), bytes.fromhex(candidate) if len(candidate) == 64
                        and all(c in "0123456789abcdef" for c in candidate) else b""):
            assert hmac.new(secret, message, hashlib.sha256).hexdigest() != erased_key
    dump = json.dumps([list(map(str, row)) for table in ("report_pseudonym", "report_upload",
                       "report_secret") for row in session.execute(
                           select(ReportPseudonym if table == "report_pseudonym" else
                                  ReportUpload if table == "report_upload" else ReportSecret))])
    assert old_salt not in dump and erased_key not in dump


def test_a_second_pseudonym_from_another_device_loses_to_the_smaller_id(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id, opened_on=dt.date(2026, 1, 5))
    first, _ = _sync(session)
    mine = session.scalars(select(ReportPseudonym)).one()
    # Another device created its own salt for the same case before the two synced.
    rival_id = "00000000-0000-4000-8000-000000000000"
    session.info["applying_remote"] = True
    session.add(ReportPseudonym(id=rival_id, case_id=case_id, salt="ab" * 32, version=1,
                                created_by="other", updated_by="other"))
    session.commit()
    session.info["applying_remote"] = False
    assert rival_id < mine.id
    changed, _ = _sync(session)
    withdrawn = [f for f in changed if f.deleted]
    assert [f.key for f in withdrawn] == [first[0].key]
    assert [f.key for f in changed if not f.deleted] != [first[0].key]


def test_released_gaps_travel_without_case_links(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id)
    kept = record_gap(session, category_code="housing_market", field_of_action_code="housing",
                      municipality_code="minden", observed_on=TODAY, case_ids=[case_id],
                      description="Vermieter lehnen Duldung ab.").ids[0]
    record_gap(session, category_code="housing_market", field_of_action_code="work",
               municipality_code="minden", observed_on=TODAY, description="Noch intern.")
    assert _sync(session)[1] == []
    release_gap(session, gap_id=kept)
    _, gaps = _sync(session)
    assert len(gaps) == 1
    assert gaps[0].case_count == 1 and gaps[0].description == "Vermieter lehnen Duldung ab."
    assert case_id not in gaps[0].model_dump_json() and kept not in gaps[0].key


def test_no_demo_name_reaches_any_fact(session: Session) -> None:
    generate_demo_data(session, clients=60, seed=7, consultations_per_client=6)
    facts, gaps = collect_report_upload(session)
    # The keys are HMAC digests, random to the reader, and nothing else: searched as text,
    # a name spelt in hex letters ("Feba", "Abebe") was found in one now and then.
    keys = [f.key for f in facts.facts] + [g.key for g in gaps.gaps]
    assert all(re.fullmatch(r"[0-9a-f]{64}", key) for key in keys)
    without_keys = {"__all__": {"key"}}
    text = (facts.model_dump_json(exclude={"facts": without_keys})
            + gaps.model_dump_json(exclude={"gaps": without_keys})).casefold()
    names = {n.casefold() for c in session.scalars(select(Client))
             for n in (c.first_name, c.last_name) if len(n) >= 3}
    assert len(facts.facts) > 60 and names
    # Whole words only: a short name like "Ion" is part of the code "first_orientation".
    pattern = r"(?<![a-zäöüß]){}(?![a-zäöüß])"
    assert [n for n in names if re.search(pattern.format(re.escape(n)), text)] == []


def test_a_duration_no_form_takes_counts_no_minutes_and_fails_no_report(
    session: Session,
) -> None:
    """Reproduced on main: a consultation of -50 minutes, stored as a faulty peer sent it,
    made every later report of the device fail (minutes must not be negative)."""
    client_id = new_client(session)
    new_case(session, client_id, opened_on=dt.date(2026, 1, 5))
    _consult(session, client_id, dt.date(2026, 2, 3), minutes=45)
    _consult(session, client_id, dt.date(2026, 2, 4), minutes=45)
    session.execute(update(Consultation).where(Consultation.held_at >= dt.datetime(
        2026, 2, 4, tzinfo=dt.UTC)).values(duration_minutes=-50))
    session.commit()
    facts, _ = _sync(session)
    [month] = [fact for fact in facts if fact.fact_kind is FactKind.CONSULTATION_MONTH]
    assert (month.consultations, month.minutes) == (2, 45)

"""Cases: one open case per client and the DGCC phase state machine."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.models import Case, CasePhaseChange, Phase
from kim_desktop.core.services import (
    change_phase,
    close_case,
    open_case,
    phase_transition_allowed,
    reopen_case,
    update_case,
)
from kim_desktop.core.services.search import caseload
from tests.core.conftest import TODAY, TOMORROW, YESTERDAY, assert_refused, new_case, new_client


def test_phase_rule() -> None:
    assert phase_transition_allowed("intake", "assessment")
    assert not phase_transition_allowed("intake", "planning")
    assert phase_transition_allowed("monitoring", "planning")
    assert not phase_transition_allowed("evaluation", "closure")
    assert not phase_transition_allowed("closure", "intake")
    assert not phase_transition_allowed("intake", "nonsense")


def test_full_cycle_keeps_history(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id)
    day = TODAY - dt.timedelta(days=50)
    for phase in ["assessment", "planning", "implementation", "monitoring"]:
        change_phase(session, case_id=case_id, phase=phase, changed_on=day)
        day += dt.timedelta(days=5)
    change_phase(session, case_id=case_id, phase="planning", changed_on=day,
                 reason="Neue Ziele nach Umzug")
    close_case(session, case_id=case_id, closed_on=day, reason_code="goals_achieved")
    case = session.get(Case, case_id)
    assert case is not None and not case.is_open and case.phase == Phase.CLOSURE
    reopen_case(session, case_id=case_id, reopened_on=YESTERDAY, reason="Neue Anfrage")
    assert case.is_open and case.phase == Phase.ASSESSMENT and case.closure_reason_code is None
    events = [c.event for c in session.scalars(
        select(CasePhaseChange).where(CasePhaseChange.case_id == case_id)
        .order_by(CasePhaseChange.created_at))]
    assert events == ["opened", "advanced", "advanced", "advanced", "advanced", "returned",
                      "closed", "reopened"]


def test_phase_changes_refused(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id)
    assert_refused(session, "phase_transition", change_phase, case_id=case_id,
                   phase="planning", changed_on=YESTERDAY)
    assert_refused(session, "phase_transition", change_phase, case_id=case_id,
                   phase="closure", changed_on=YESTERDAY)
    assert_refused(session, "future_date", change_phase, case_id=case_id,
                   phase="assessment", changed_on=TOMORROW)
    assert_refused(session, "date_order", change_phase, case_id=case_id,
                   phase="assessment", changed_on=TODAY - dt.timedelta(days=90))
    change_phase(session, case_id=case_id, phase="assessment", changed_on=YESTERDAY)
    assert_refused(session, "required", change_phase, case_id=case_id, phase="intake",
                   changed_on=TODAY, reason=" ")


def test_one_open_case_per_client(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id)
    assert_refused(session, "case_already_open", open_case, client_id=client_id,
                   opened_on=YESTERDAY, reason="Zweiter Fall")
    close_case(session, case_id=case_id, closed_on=YESTERDAY, reason_code="moved_away")
    second = open_case(session, client_id=client_id, opened_on=YESTERDAY,
                       reason="Rückkehr").ids[0]
    assert_refused(session, "case_already_open", reopen_case, case_id=case_id,
                   reopened_on=TODAY, reason="Versehen")
    assert second != case_id
    # a second open case opened offline on another device still syncs in; the caseload shows
    # one row for the client, with the older case, and the services keep refusing a third
    session.info["applying_remote"] = True
    session.add(Case(client_id=client_id, responsible_user="bernd", opened_on=TODAY,
                     phase="intake", created_by="bernd", updated_by="bernd"))
    session.commit()
    session.info["applying_remote"] = False
    rows = [r for r in caseload(session) if r.client_id == client_id]
    assert [r.case_id for r in rows] == [second]
    assert_refused(session, "case_already_open", open_case, client_id=client_id,
                   opened_on=TODAY, reason="Dritter")


def test_open_close_reopen_refusals(session: Session) -> None:
    client_id = new_client(session)
    assert_refused(session, "required", open_case, client_id=client_id, opened_on=TODAY,
                   reason="")
    assert_refused(session, "future_date", open_case, client_id=client_id,
                   opened_on=TOMORROW, reason="x")
    assert_refused(session, "unknown_code", open_case, client_id=client_id, opened_on=TODAY,
                   reason="x", target_group_criteria=["rich"])
    assert_refused(session, "date_order", open_case, client_id=client_id,
                   opened_on=dt.date(1980, 1, 1), reason="x")
    case_id = new_case(session, client_id)
    assert_refused(session, "case_not_closed", reopen_case, case_id=case_id,
                   reopened_on=TODAY, reason="x")
    assert_refused(session, "reason_required", close_case, case_id=case_id,
                   closed_on=TODAY, reason_code="")
    assert_refused(session, "unknown_code", close_case, case_id=case_id, closed_on=TODAY,
                   reason_code="bored")
    close_case(session, case_id=case_id, closed_on=YESTERDAY, reason_code="no_contact")
    assert_refused(session, "case_closed", close_case, case_id=case_id, closed_on=TODAY,
                   reason_code="other")
    assert_refused(session, "case_closed", change_phase, case_id=case_id,
                   phase="assessment", changed_on=TODAY)
    assert_refused(session, "required", reopen_case, case_id=case_id, reopened_on=TODAY,
                   reason="")
    assert_refused(session, "date_order", reopen_case, case_id=case_id,
                   reopened_on=YESTERDAY - dt.timedelta(days=1), reason="x")


def test_update_case(session: Session) -> None:
    case_id = new_case(session, new_client(session))
    update_case(session, case_id=case_id, responsible_user="bernd",
                target_group_criteria=["long_term_support", "complex_problems"])
    case = session.get(Case, case_id)
    assert case is not None and case.responsible_user == "bernd"
    assert case.target_group_criteria == ["complex_problems", "long_term_support"]
    assert_refused(session, "required", update_case, case_id=case_id, responsible_user="",
                   target_group_criteria=[])

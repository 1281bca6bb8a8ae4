"""Needs assessments, goals, measures, consultations and follow-ups."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.models import Consultation, FollowUp, Goal, Measure
from kim_desktop.core.services import (
    add_follow_up,
    add_goal,
    add_measure,
    assess_need,
    close_case,
    complete_follow_up,
    edit_goal,
    record_consultation,
    remove_record,
    update_consultation,
    update_follow_up,
    update_goal,
    update_measure,
)
from tests.core.conftest import TODAY, TOMORROW, YESTERDAY, assert_refused, new_case, new_client


def test_needs_goals_and_measures(session: Session) -> None:
    case_id = new_case(session, new_client(session))
    assess_need(session, case_id=case_id, field_of_action_code="housing", level="high",
                assessed_on=YESTERDAY, strengths="Gute Deutschkenntnisse")
    goal_id = add_goal(session, case_id=case_id, field_of_action_code="housing",
                       description="Eigene Wohnung finden", agreed_on=YESTERDAY,
                       due_on=TODAY + dt.timedelta(days=90)).ids[0]
    measure_id = add_measure(session, goal_id=goal_id, description="Wohnberechtigungsschein",
                             responsible="partner_agency", partner_agency_code="wohnungsamt",
                             due_on=TODAY + dt.timedelta(days=30)).ids[0]
    update_measure(session, measure_id=measure_id, status="done", outcome="Bewilligt")
    assert session.get(Measure, measure_id).due_on == TODAY + dt.timedelta(days=30)  # type: ignore[union-attr]
    update_goal(session, goal_id=goal_id, status="achieved", outcome="Wohnung bezogen")
    goal, measure = session.get(Goal, goal_id), session.get(Measure, measure_id)
    assert goal is not None and goal.status == "achieved"
    assert goal.due_on == TODAY + dt.timedelta(days=90)  # a status change keeps the due date
    update_goal(session, goal_id=goal_id, status="achieved", outcome="Wohnung bezogen",
                due_on=None)
    assert goal.due_on is None  # None clears it
    assert measure is not None and measure.status == "done"


def test_a_goal_edited_with_its_status_in_one_write(session: Session) -> None:
    case_id = new_case(session, new_client(session))
    goal_id = add_goal(session, case_id=case_id, field_of_action_code="work",
                       description="Ausbildung", agreed_on=YESTERDAY).ids[0]
    opened = {"field_of_action_code": "work", "description": "Ausbildung",
              "agreed_on": YESTERDAY, "due_on": None, "status": "open", "outcome": ""}
    edit = {**opened, "description": "Ausbildung zur Pflegekraft", "status": "achieved"}
    assert_refused(session, "required", edit_goal, goal_id=goal_id, read=opened, **edit)
    goal = session.get(Goal, goal_id)
    assert goal is not None and goal.description == "Ausbildung"  # nothing half-written
    edit_goal(session, goal_id=goal_id, read=opened, **{**edit, "outcome": "Vertrag"})
    assert (goal.description, goal.status, goal.outcome) == (
        "Ausbildung zur Pflegekraft", "achieved", "Vertrag")
    edit_goal(session, goal_id=goal_id, field_of_action_code="work", description="Kurz",
              agreed_on=YESTERDAY)
    assert (goal.description, goal.status) == ("Kurz", "achieved")  # left out: kept


def test_needs_goals_and_measures_refusals(session: Session) -> None:
    case_id = new_case(session, new_client(session))
    assert_refused(session, "unknown_code", assess_need, case_id=case_id,
                   field_of_action_code="space", level="high", assessed_on=TODAY)
    assert_refused(session, "invalid_value", assess_need, case_id=case_id,
                   field_of_action_code="work", level="extreme", assessed_on=TODAY)
    assert_refused(session, "future_date", assess_need, case_id=case_id,
                   field_of_action_code="work", level="low", assessed_on=TOMORROW)
    assert_refused(session, "date_order", assess_need, case_id=case_id,
                   field_of_action_code="work", level="low",
                   assessed_on=TODAY - dt.timedelta(days=400))
    assert_refused(session, "date_order", add_goal, case_id=case_id,
                   field_of_action_code="work", description="x", agreed_on=TODAY,
                   due_on=YESTERDAY)
    goal_id = add_goal(session, case_id=case_id, field_of_action_code="work",
                       description="Ausbildung", agreed_on=TODAY).ids[0]
    assert_refused(session, "required", update_goal, goal_id=goal_id, status="achieved")
    assert_refused(session, "required", add_measure, goal_id=goal_id, description="x",
                   responsible="partner_agency", partner_agency_code=None)
    assert_refused(session, "unknown_code", add_measure, goal_id=goal_id, description="x",
                   responsible="partner_agency", partner_agency_code="nowhere")
    assert_refused(session, "invalid_value", add_measure, goal_id=goal_id, description="x",
                   responsible="client", partner_agency_code="mbe")
    assert_refused(session, "invalid_value", add_measure, goal_id=goal_id, description="x",
                   responsible="neighbour")
    close_case(session, case_id=case_id, closed_on=TODAY, reason_code="other")
    assert_refused(session, "case_closed", add_goal, case_id=case_id,
                   field_of_action_code="work", description="x", agreed_on=TODAY)


def test_consultation_with_follow_up(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id)
    held = utcnow() - dt.timedelta(hours=2)
    change = record_consultation(
        session, client_id=client_id, held_at=held, duration_minutes=45, mode_code="in_person",
        fields_of_action=["work", "german", "work"], interpreter_used=True,
        interpreter_language="ar", follow_up_on=TODAY + dt.timedelta(days=14),
        follow_up_text="Bescheid Jobcenter prüfen",
    )
    assert change.touches("follow_up")
    consultation = session.get(Consultation, change.ids[0])
    assert consultation is not None
    assert consultation.case_id == case_id
    assert consultation.fields_of_action == ["german", "work"]
    follow_up = session.scalars(select(FollowUp)).one()
    assert follow_up.consultation_id == consultation.id and follow_up.assigned_user == "anna"
    update_consultation(session, consultation_id=consultation.id, held_at=held,
                        duration_minutes=60, mode_code="phone", fields_of_action=["housing"])
    assert consultation.version == 2 and consultation.interpreter_used is False


def test_consultation_refusals(session: Session) -> None:
    client_id = new_client(session)
    now = utcnow()
    good = {"client_id": client_id, "held_at": now - dt.timedelta(hours=1),
            "duration_minutes": 30, "mode_code": "phone", "fields_of_action": ["work"]}
    bad = [
        ("future_date", {"held_at": now + dt.timedelta(days=1)}),
        ("invalid_value", {"held_at": dt.datetime(2024, 1, 1, 10, 0)}),  # naive
        ("invalid_value", {"held_at": dt.datetime(1999, 1, 1, tzinfo=dt.UTC)}),
        ("out_of_range", {"duration_minutes": 0}),
        ("out_of_range", {"duration_minutes": 721}),
        ("invalid_value", {"duration_minutes": 1.5}),
        ("unknown_code", {"mode_code": "telepathy"}),
        ("required", {"fields_of_action": []}),
        ("unknown_code", {"fields_of_action": ["work", "magic"]}),
        ("invalid_value", {"interpreter_language": "ar"}),
        ("date_order", {"follow_up_on": TODAY - dt.timedelta(days=3), "follow_up_text": "x"}),
        ("required", {"follow_up_on": TOMORROW, "follow_up_text": ""}),
        ("not_found", {"client_id": "nobody"}),
    ]
    for code, change in bad:
        assert_refused(session, code, record_consultation, **{**good, **change})


def test_follow_ups(session: Session) -> None:
    client_id = new_client(session)
    follow_up_id = add_follow_up(session, client_id=client_id, due_on=TOMORROW,
                                 text="Anruf").ids[0]
    assert_refused(session, "future_date", complete_follow_up, follow_up_id=follow_up_id,
                   done_on=TOMORROW)
    complete_follow_up(session, follow_up_id=follow_up_id, done_on=TODAY)
    assert_refused(session, "already_done", complete_follow_up, follow_up_id=follow_up_id,
                   done_on=TODAY)
    assert_refused(session, "required", add_follow_up, client_id=client_id, due_on=TOMORROW,
                   text=" ")


def test_a_follow_up_is_rescheduled_reworded_reassigned_and_deleted(session: Session) -> None:
    """The core had no way to change a follow-up after it was set, nor to delete one."""
    client_id = new_client(session)
    follow_up_id = add_follow_up(session, client_id=client_id, due_on=TODAY,
                                 text="Bescheid nachfragen").ids[0]
    follow_up = session.get(FollowUp, follow_up_id)
    assert follow_up is not None
    opened = {"due_on": TODAY, "text": "Bescheid nachfragen", "assigned_user": "anna"}
    follow_up.assigned_user = "anna"
    session.commit()
    follow_up.text = "Bescheid nachfragen (Jobcenter)"  # meanwhile, by sync
    session.commit()
    session.info["users"] = lambda: ["anna", "ben"]  # this machine's users
    assert_refused(session, "unknown_user", update_follow_up, follow_up_id=follow_up_id,
                   read=opened, **{**opened, "assigned_user": "Niemand"})
    update_follow_up(session, follow_up_id=follow_up_id, read=opened,
                     **{**opened, "due_on": TOMORROW, "assigned_user": " BEN"})
    assert (follow_up.due_on, follow_up.assigned_user) == (TOMORROW, "ben")
    assert follow_up.text == "Bescheid nachfragen (Jobcenter)"  # the field left alone kept
    assert_refused(session, "required", update_follow_up, follow_up_id=follow_up_id,
                   due_on=TOMORROW, text="  ", assigned_user="ben")
    assert_refused(session, "required", update_follow_up, follow_up_id=follow_up_id,
                   due_on=None, text="x", assigned_user="ben")
    complete_follow_up(session, follow_up_id=follow_up_id, done_on=TODAY)
    assert_refused(session, "already_done", update_follow_up, follow_up_id=follow_up_id,
                   due_on=TODAY, text="x", assigned_user="ben")
    remove_record(session, kind="follow_up", record_id=follow_up_id)
    assert follow_up.deleted_at is not None
    assert_refused(session, "deleted", update_follow_up, follow_up_id=follow_up_id,
                   due_on=TODAY, text="x", assigned_user="ben")

"""Every service refuses to touch an erased client; the update services refuse bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.services import (
    add_attachment,
    add_follow_up,
    add_goal,
    add_household_member,
    add_measure,
    add_residence_period,
    assess_need,
    cancel_referral,
    change_phase,
    grant_consent,
    open_case,
    plan_referral,
    record_consultation,
    record_view,
    update_consultation,
    update_goal,
    update_household_member,
    update_measure,
)
from kim_desktop.core.services.retention import erase_client
from tests.core.conftest import TODAY, TOMORROW, YESTERDAY, assert_refused, new_case, new_client


def test_every_service_refuses_an_erased_client(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id)
    member = add_household_member(session, client_id=client_id, relation="child").ids[0]
    goal = add_goal(session, case_id=case_id, field_of_action_code="work", description="x",
                    agreed_on=YESTERDAY).ids[0]
    consultation = record_consultation(session, client_id=client_id, held_at=utcnow(),
                                       duration_minutes=10, mode_code="phone",
                                       fields_of_action=["work"]).ids[0]
    referral = plan_referral(session, client_id=client_id, agency_code="mbe",
                             planned_on=YESTERDAY, purpose="x").ids[0]
    session.info["role"] = "office_admin"  # only the office admin erases
    erase_client(session, client_id=client_id, confirm=True)
    calls: list[tuple[str, Callable[..., Any], dict[str, Any]]] = [
        ("erased", add_household_member, {"client_id": client_id, "relation": "child"}),
        ("erased", add_residence_period, {"client_id": client_id, "status_code": "rp_24",
                                          "valid_from": YESTERDAY}),
        ("erased", grant_consent, {"client_id": client_id, "kind": "data_processing",
                                   "granted_on": TODAY, "purpose": "x"}),
        ("erased", open_case, {"client_id": client_id, "opened_on": TODAY, "reason": "x"}),
        ("erased", add_follow_up, {"client_id": client_id, "due_on": TOMORROW, "text": "x"}),
        ("erased", add_attachment, {"client_id": client_id, "filename": "a.pdf",
                                    "content": b"%PDF-1.4"}),
        ("erased", record_view, {"client_id": client_id}),
        ("erased", plan_referral, {"client_id": client_id, "agency_code": "mbe",
                                   "planned_on": TODAY, "purpose": "x"}),
        ("deleted", change_phase, {"case_id": case_id, "phase": "assessment",
                                   "changed_on": TODAY}),
        ("deleted", assess_need, {"case_id": case_id, "field_of_action_code": "work",
                                  "level": "low", "assessed_on": TODAY}),
        ("deleted", update_goal, {"goal_id": goal, "status": "open"}),
        ("deleted", add_measure, {"goal_id": goal, "description": "x",
                                  "responsible": "client"}),
        ("deleted", update_household_member, {"member_id": member, "relation": "child"}),
        ("deleted", update_consultation, {"consultation_id": consultation,
                                          "held_at": utcnow(), "duration_minutes": 5,
                                          "mode_code": "phone", "fields_of_action": ["work"]}),
        ("deleted", cancel_referral, {"referral_id": referral, "cancelled_on": TODAY,
                                      "reason": "x"}),
    ]
    for code, service, kwargs in calls:
        assert_refused(session, code, service, **kwargs)


def test_update_services_refuse_bad_input(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id)
    member = add_household_member(session, client_id=client_id, relation="child").ids[0]
    assert_refused(session, "future_date", update_household_member, member_id=member,
                   relation="child", birth_date=TOMORROW)
    goal = add_goal(session, case_id=case_id, field_of_action_code="work", description="x",
                    agreed_on=YESTERDAY).ids[0]
    assert_refused(session, "invalid_value", update_goal, goal_id=goal, status="finished")
    assert_refused(session, "date_order", update_goal, goal_id=goal, status="open",
                   due_on=YESTERDAY - dt.timedelta(days=1))
    measure = add_measure(session, goal_id=goal, description="x", responsible="client").ids[0]
    assert_refused(session, "required", update_measure, measure_id=measure, status="done")
    assert_refused(session, "invalid_value", update_measure, measure_id=measure,
                   status="paused")
    consultation = record_consultation(session, client_id=client_id, held_at=utcnow(),
                                       duration_minutes=10, mode_code="phone",
                                       fields_of_action=["work"]).ids[0]
    assert_refused(session, "unknown_code", update_consultation,
                   consultation_id=consultation, held_at=utcnow(), duration_minutes=10,
                   mode_code="carrier_pigeon", fields_of_action=["work"])
    referral = plan_referral(session, client_id=client_id, agency_code="mbe",
                             planned_on=YESTERDAY, purpose="x").ids[0]
    assert_refused(session, "required", cancel_referral, referral_id=referral,
                   cancelled_on=TODAY, reason="")

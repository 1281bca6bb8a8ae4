"""Referrals: the state machine and the waiver rule."""

from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy.orm import Session

from kim_desktop.core.models import REFERRAL_TRANSITIONS, Referral, ReferralState
from kim_desktop.core.services import (
    answer_referral,
    cancel_referral,
    complete_referral,
    plan_referral,
    send_referral,
    withdraw_consent,
)
from tests.core.conftest import (
    TODAY,
    TOMORROW,
    YESTERDAY,
    assert_refused,
    new_case,
    new_client,
    new_waiver,
)

AGENCY = "jobcenter_minden_luebbecke"
EARLIER = TODAY - dt.timedelta(days=10)


def _planned(session: Session, client_id: str) -> str:
    return plan_referral(session, client_id=client_id, agency_code=AGENCY, planned_on=EARLIER,
                         purpose="Arbeitsvermittlung", field_of_action_code="work").ids[0]


def test_transition_table_is_the_documented_machine() -> None:
    reachable = {s: {t.value for t in targets} for s, targets in REFERRAL_TRANSITIONS.items()}
    assert reachable == {
        "planned": {"sent", "cancelled"}, "sent": {"accepted", "declined", "cancelled"},
        "accepted": {"completed", "cancelled"}, "declined": set(), "completed": set(),
        "cancelled": set(),
    }


def test_happy_path_with_waiver(session: Session) -> None:
    client_id = new_client(session)
    case_id = new_case(session, client_id)
    waiver_id = new_waiver(session, client_id, AGENCY)
    referral_id = _planned(session, client_id)
    send_referral(session, referral_id=referral_id, sent_on=EARLIER)
    answer_referral(session, referral_id=referral_id, accepted=True, answered_on=YESTERDAY)
    complete_referral(session, referral_id=referral_id, completed_on=TODAY,
                      outcome="Maßnahme begonnen")
    referral = session.get(Referral, referral_id)
    assert referral is not None
    assert (referral.state, referral.waiver_id, referral.case_id) == (
        "completed", waiver_id, case_id)
    assert referral.override_reason == ""


def test_sending_needs_a_waiver_valid_for_that_agency_on_that_day(session: Session) -> None:
    client_id = new_client(session)
    referral_id = _planned(session, client_id)
    assert_refused(session, "waiver_missing", send_referral, referral_id=referral_id,
                   sent_on=YESTERDAY)
    new_waiver(session, client_id, "mbe")  # another agency does not count
    assert_refused(session, "waiver_missing", send_referral, referral_id=referral_id,
                   sent_on=YESTERDAY)
    waiver_id = new_waiver(session, client_id, AGENCY, granted_on=TODAY - dt.timedelta(days=40),
                           expires_on=TODAY - dt.timedelta(days=5))
    assert_refused(session, "waiver_missing", send_referral, referral_id=referral_id,
                   sent_on=YESTERDAY)  # expired
    withdraw_consent(session, consent_id=new_waiver(session, client_id, AGENCY),
                     withdrawn_on=TODAY - dt.timedelta(days=2))
    assert_refused(session, "waiver_missing", send_referral, referral_id=referral_id,
                   sent_on=YESTERDAY)  # withdrawn
    assert waiver_id
    send_referral(session, referral_id=referral_id, sent_on=YESTERDAY,
                  override_reason="Akute Wohnungslosigkeit, mündliche Zustimmung")
    referral = session.get(Referral, referral_id)
    assert referral is not None and referral.state == "sent" and referral.waiver_id is None
    assert referral.override_reason.startswith("Akute")


def test_every_forbidden_transition_is_refused(session: Session) -> None:
    client_id = new_client(session)
    new_waiver(session, client_id, AGENCY)
    actions = {
        ReferralState.SENT: (send_referral, {"sent_on": TODAY}),
        ReferralState.ACCEPTED: (answer_referral, {"accepted": True, "answered_on": TODAY}),
        ReferralState.DECLINED: (answer_referral, {"accepted": False, "answered_on": TODAY}),
        ReferralState.COMPLETED: (complete_referral, {"completed_on": TODAY, "outcome": "x"}),
        ReferralState.CANCELLED: (cancel_referral, {"cancelled_on": TODAY, "reason": "x"}),
    }
    paths = {
        ReferralState.PLANNED: [],
        ReferralState.SENT: [ReferralState.SENT],
        ReferralState.ACCEPTED: [ReferralState.SENT, ReferralState.ACCEPTED],
        ReferralState.DECLINED: [ReferralState.SENT, ReferralState.DECLINED],
        ReferralState.COMPLETED: [ReferralState.SENT, ReferralState.ACCEPTED,
                                  ReferralState.COMPLETED],
        ReferralState.CANCELLED: [ReferralState.CANCELLED],
    }
    for state, target in itertools.product(paths, actions):
        referral_id = _planned(session, client_id)
        for step in paths[state]:
            service, kwargs = actions[step]
            service(session, referral_id=referral_id, **kwargs)
        service, kwargs = actions[target]
        if target in REFERRAL_TRANSITIONS[state]:
            service(session, referral_id=referral_id, **kwargs)
            assert session.get(Referral, referral_id).state == target  # type: ignore[union-attr]
        else:
            assert_refused(session, "referral_transition", service, referral_id=referral_id,
                           **kwargs)


def test_a_sent_or_accepted_referral_is_cancelled_with_its_reason(session: Session) -> None:
    """A referral the agency never answered stayed "gesendet" for ever."""
    client_id = new_client(session)
    new_waiver(session, client_id, AGENCY)
    sent = _planned(session, client_id)
    send_referral(session, referral_id=sent, sent_on=EARLIER)
    assert_refused(session, "required", cancel_referral, referral_id=sent,
                   cancelled_on=TODAY, reason=" ")
    assert_refused(session, "date_order", cancel_referral, referral_id=sent,
                   cancelled_on=EARLIER - dt.timedelta(days=1), reason="keine Antwort")
    cancel_referral(session, referral_id=sent, cancelled_on=TODAY,
                    reason="Keine Antwort nach vier Wochen")
    accepted = _planned(session, client_id)
    send_referral(session, referral_id=accepted, sent_on=EARLIER)
    answer_referral(session, referral_id=accepted, accepted=True, answered_on=YESTERDAY)
    cancel_referral(session, referral_id=accepted, cancelled_on=TODAY, reason="Umgezogen")
    for referral_id, reason in ((sent, "Keine Antwort nach vier Wochen"),
                                (accepted, "Umgezogen")):
        referral = session.get(Referral, referral_id)
        assert referral is not None
        assert (referral.state, referral.outcome, referral.completed_on) == (
            "cancelled", reason, TODAY)


def test_bad_referral_input(session: Session) -> None:
    client_id = new_client(session)
    assert_refused(session, "unknown_code", plan_referral, client_id=client_id,
                   agency_code="nasa", planned_on=TODAY, purpose="x")
    assert_refused(session, "future_date", plan_referral, client_id=client_id,
                   agency_code=AGENCY, planned_on=TOMORROW, purpose="x")
    assert_refused(session, "required", plan_referral, client_id=client_id,
                   agency_code=AGENCY, planned_on=TODAY, purpose="")
    referral_id = _planned(session, client_id)
    assert_refused(session, "date_order", send_referral, referral_id=referral_id,
                   sent_on=EARLIER - dt.timedelta(days=1), override_reason="x")
    send_referral(session, referral_id=referral_id, sent_on=EARLIER, override_reason="x")
    answer_referral(session, referral_id=referral_id, accepted=True, answered_on=EARLIER)
    assert_refused(session, "required", complete_referral, referral_id=referral_id,
                   completed_on=TODAY, outcome=" ")

"""Referrals to partner agencies and their state machine.

planned → sent → accepted | declined; accepted → completed (with an outcome); planned,
sent or accepted → cancelled (with a reason). Sending needs a confidentiality waiver for the
agency valid on the day it is sent, or a documented override reason (as Primero does).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import REFERRAL_TRANSITIONS, Referral, ReferralState
from kim_desktop.core.services._base import (
    Change,
    audit,
    clean,
    clean_all,
    get_live,
    live_client,
    open_case_of,
    ordered,
    with_id,
    write,
)
from kim_desktop.core.services.consents import valid_waiver


def plan_referral(
    session: Session,
    *,
    client_id: str,
    agency_code: str,
    planned_on: dt.date,
    purpose: str,
    field_of_action_code: str | None = None,
) -> Change:
    """Plans a referral on the client's open case, if any."""
    with write(session):
        live_client(session, client_id)
        values = clean_all(session, "referral", {
            "agency_code": agency_code, "field_of_action_code": field_of_action_code,
            "purpose": purpose, "planned_on": planned_on,
        })
        case = open_case_of(session, client_id)
        referral = Referral(client_id=client_id, case_id=case.id if case else None, **values)
        with_id(referral)
        session.add(referral)
        audit(session, action="create", record=referral)
    return Change("referral", (referral.id,), "created", client_id)


def _move(
    session: Session, referral_id: str, target: ReferralState, on: dt.date, *, field: str
) -> Referral:
    referral = get_live(session, Referral, referral_id)
    live_client(session, referral.client_id)
    if target not in REFERRAL_TRANSITIONS[ReferralState(referral.state)]:
        raise DomainError("referral_transition", current=referral.state, target=target)
    clean(session, field, on)
    previous = referral.answered_on or referral.sent_on or referral.planned_on
    ordered(previous, on, earlier_field="referral.previous_step", later_field=field)
    return referral


def send_referral(
    session: Session, *, referral_id: str, sent_on: dt.date, override_reason: str = ""
) -> Change:
    """Sends a planned referral. Needs a waiver valid on ``sent_on`` for the agency, or
    ``override_reason`` documenting why it is sent without one."""
    with write(session):
        referral = _move(session, referral_id, ReferralState.SENT, sent_on,
                         field="referral.sent_on")
        override_reason = clean(session, "referral.override_reason", override_reason)
        waiver = valid_waiver(session, client_id=referral.client_id,
                              agency_code=referral.agency_code, on=sent_on)
        if waiver is None and not override_reason:
            raise DomainError("waiver_missing", date=sent_on.strftime("%d.%m.%Y"))
        referral.state = ReferralState.SENT
        referral.sent_on = sent_on
        referral.waiver_id = waiver.id if waiver else None
        referral.override_reason = "" if waiver else override_reason
        audit(session, action="update", record=referral,
              detail="sent" if waiver else "sent_with_override")
    return Change("referral", (referral_id,), "updated", referral.client_id)


def answer_referral(
    session: Session, *, referral_id: str, accepted: bool, answered_on: dt.date,
    reason: str = "",
) -> Change:
    """Records the agency's answer to a sent referral; ``reason`` is kept for a decline."""
    target = ReferralState.ACCEPTED if accepted else ReferralState.DECLINED
    with write(session):
        referral = _move(session, referral_id, target, answered_on,
                         field="referral.accepted_on" if accepted else "referral.declined_on")
        referral.decline_reason = "" if accepted else clean(
            session, "referral.decline_reason", reason)
        referral.state = target
        referral.answered_on = answered_on
        audit(session, action="update", record=referral, detail=str(target))
    return Change("referral", (referral_id,), "updated", referral.client_id)


def complete_referral(
    session: Session, *, referral_id: str, completed_on: dt.date, outcome: str
) -> Change:
    """Completes an accepted referral with its outcome."""
    with write(session):
        referral = _move(session, referral_id, ReferralState.COMPLETED, completed_on,
                         field="referral.completed_on")
        referral.outcome = clean(session, "referral.outcome", outcome)
        if not referral.outcome:
            raise DomainError("required", field="referral.outcome")
        referral.state = ReferralState.COMPLETED
        referral.completed_on = completed_on
        audit(session, action="update", record=referral, detail="completed")
    return Change("referral", (referral_id,), "updated", referral.client_id)


def cancel_referral(
    session: Session, *, referral_id: str, cancelled_on: dt.date, reason: str
) -> Change:
    """Cancels a referral that has not ended (planned, sent or accepted), with the reason."""
    with write(session):
        referral = _move(session, referral_id, ReferralState.CANCELLED, cancelled_on,
                         field="referral.cancelled_on")
        referral.outcome = clean(session, "referral.cancel_reason", reason)
        referral.state = ReferralState.CANCELLED
        referral.completed_on = cancelled_on
        audit(session, action="update", record=referral, detail="cancelled")
    return Change("referral", (referral_id,), "updated", referral.client_id)

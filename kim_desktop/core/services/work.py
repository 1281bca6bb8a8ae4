"""Needs assessments, goals and measures of a case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import (
    Case,
    Goal,
    GoalStatus,
    Measure,
    MeasureStatus,
    NeedsAssessment,
    Responsible,
)
from kim_desktop.core.services._base import (
    KEEP,
    Change,
    Keep,
    audit,
    changed_by_user,
    clean,
    clean_all,
    get_live,
    live_client,
    ordered,
    with_id,
    write,
)


def _open_case(session: Session, case_id: str) -> Case:
    case = get_live(session, Case, case_id)
    live_client(session, case.client_id)
    if not case.is_open:
        raise DomainError("case_closed")
    return case


def assess_need(
    session: Session,
    *,
    case_id: str,
    field_of_action_code: str,
    level: str,
    assessed_on: dt.date,
    strengths: str = "",
    notes: str = "",
) -> Change:
    """Records the need in one field of action; it supersedes earlier ones of that field."""
    with write(session):
        case = _open_case(session, case_id)
        values = clean_all(session, "needs_assessment", {
            "field_of_action_code": field_of_action_code, "level": level,
            "assessed_on": assessed_on, "strengths": strengths, "notes": notes,
        })
        ordered(case.opened_on, assessed_on, earlier_field="case_record.opened_on",
                later_field="needs_assessment.assessed_on")
        assessment = NeedsAssessment(case_id=case_id, **values)
        with_id(assessment)
        session.add(assessment)
        audit(session, action="create", record=assessment)
    return Change("needs_assessment", (assessment.id,), "created", case.client_id)


def add_goal(
    session: Session,
    *,
    case_id: str,
    field_of_action_code: str,
    description: str,
    agreed_on: dt.date,
    due_on: dt.date | None = None,
) -> Change:
    """Records a goal agreed with the client."""
    with write(session):
        case = _open_case(session, case_id)
        values = clean_all(session, "goal", {
            "field_of_action_code": field_of_action_code, "description": description,
            "agreed_on": agreed_on, "due_on": due_on,
        })
        ordered(case.opened_on, agreed_on, earlier_field="case_record.opened_on",
                later_field="goal.agreed_on")
        ordered(agreed_on, due_on, earlier_field="goal.agreed_on", later_field="goal.due_on")
        goal = Goal(case_id=case_id, **values)
        with_id(goal)
        session.add(goal)
        audit(session, action="create", record=goal)
    return Change("goal", (goal.id,), "created", case.client_id)


def edit_goal(
    session: Session,
    *,
    goal_id: str,
    field_of_action_code: str,
    description: str,
    agreed_on: dt.date,
    due_on: dt.date | None = None,
    status: str | Keep = KEEP,
    outcome: str | Keep = KEEP,
    read: Mapping[str, Any] | None = None,
) -> Change:
    """Corrects what a goal says: its field of action, text and days, and with ``status``
    and ``outcome`` where it stands (left out, they stay; as in :func:`update_goal`, a goal
    no longer open needs an outcome). ``read``, the values the form was opened with, limits
    the write to what the user changed."""
    with write(session):
        goal = get_live(session, Goal, goal_id)
        case = _open_case(session, goal.case_id)
        edited: dict[str, Any] = {
            "field_of_action_code": field_of_action_code, "description": description,
            "agreed_on": agreed_on, "due_on": due_on}
        edited.update({name: value for name, value in (("status", status),
                                                       ("outcome", outcome))
                       if not isinstance(value, Keep)})
        values = clean_all(session, "goal", changed_by_user(
            {name: getattr(goal, name) for name in edited}, read, edited))
        ordered(case.opened_on, values["agreed_on"], earlier_field="case_record.opened_on",
                later_field="goal.agreed_on")
        ordered(values["agreed_on"], values["due_on"], earlier_field="goal.agreed_on",
                later_field="goal.due_on")
        if (values.get("status", goal.status) != GoalStatus.OPEN
                and not values.get("outcome", goal.outcome)):
            raise DomainError("required", field="goal.outcome")
        for name, value in values.items():
            setattr(goal, name, value)
        audit(session, action="update", record=goal)
    return Change("goal", (goal_id,), "updated", case.client_id)


def update_goal(
    session: Session,
    *,
    goal_id: str,
    status: str,
    outcome: str = "",
    due_on: dt.date | Keep | None = KEEP,
) -> Change:
    """Sets a goal's status and outcome, and its due date when one is given (None clears it;
    left out, it stays). A goal that is no longer open needs an outcome."""
    with write(session):
        goal = get_live(session, Goal, goal_id)
        case = _open_case(session, goal.case_id)
        clean(session, "goal.status", status)
        outcome = clean(session, "goal.outcome", outcome)
        if status != GoalStatus.OPEN and not outcome:
            raise DomainError("required", field="goal.outcome")
        if not isinstance(due_on, Keep):
            ordered(goal.agreed_on, due_on, earlier_field="goal.agreed_on",
                    later_field="goal.due_on")
            goal.due_on = clean(session, "goal.due_on", due_on)
        goal.status, goal.outcome = status, outcome
        audit(session, action="update", record=goal)
    return Change("goal", (goal_id,), "updated", case.client_id)


def _measure_values(
    session: Session, responsible: str, partner_agency_code: str | None
) -> dict[str, object]:
    values = clean_all(session, "measure", {
        "responsible": responsible, "partner_agency_code": partner_agency_code})
    if responsible == Responsible.PARTNER_AGENCY and not values["partner_agency_code"]:
        raise DomainError("required", field="measure.partner_agency_code")
    if responsible != Responsible.PARTNER_AGENCY and values["partner_agency_code"]:
        raise DomainError("invalid_value", field="measure.partner_agency_code")
    return values


def add_measure(
    session: Session,
    *,
    goal_id: str,
    description: str,
    responsible: str,
    partner_agency_code: str | None = None,
    due_on: dt.date | None = None,
) -> Change:
    """Adds a measure to a goal; a partner agency is named exactly when it is responsible."""
    with write(session):
        goal = get_live(session, Goal, goal_id)
        case = _open_case(session, goal.case_id)
        ordered(goal.agreed_on, due_on, earlier_field="goal.agreed_on",
                later_field="measure.due_on")
        measure = Measure(
            goal_id=goal_id,
            **clean_all(session, "measure", {"description": description, "due_on": due_on}),
            **_measure_values(session, responsible, partner_agency_code),
        )
        with_id(measure)
        session.add(measure)
        audit(session, action="create", record=measure)
    return Change("measure", (measure.id,), "created", case.client_id)


def update_measure(
    session: Session,
    *,
    measure_id: str,
    status: str,
    outcome: str = "",
    due_on: dt.date | Keep | None = KEEP,
) -> Change:
    """Sets a measure's status and outcome, and its due date when one is given (as for
    :func:`update_goal`); done or cancelled needs an outcome."""
    with write(session):
        measure = get_live(session, Measure, measure_id)
        goal = get_live(session, Goal, measure.goal_id)
        case = _open_case(session, goal.case_id)
        clean(session, "measure.status", status)
        measure.outcome = clean(session, "measure.outcome", outcome)
        if status in (MeasureStatus.DONE, MeasureStatus.CANCELLED) and not measure.outcome:
            raise DomainError("required", field="measure.outcome")
        if not isinstance(due_on, Keep):
            ordered(goal.agreed_on, due_on, earlier_field="goal.agreed_on",
                    later_field="measure.due_on")
            measure.due_on = clean(session, "measure.due_on", due_on)
        measure.status = status
        audit(session, action="update", record=measure)
    return Change("measure", (measure_id,), "updated", case.client_id)

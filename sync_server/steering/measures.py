"""Measures a project group agreed on for a topic: what, the organisation responsible, the
due date, the status and the outcome. The topic's state follows from them
(:func:`sync_server.steering.topics.derive_state`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.db import utcnow
from sync_server.steering.common import (
    NotFound,
    SteeringError,
    checked_text,
    parse_due_date,
    record,
    touch,
)
from sync_server.steering.models import Measure, MeasureStatus, Topic
from sync_server.steering.topics import get_topic

ENTITY = "measure"
MAX_ACTION = 1000
MAX_RESPONSIBLE = 200
MAX_OUTCOME = 4000


def get_measure(session: Session, measure_id: int) -> Measure:
    measure = session.get(Measure, measure_id)
    if measure is None or measure.deleted_at is not None:
        raise NotFound("Diese Maßnahme")
    get_topic(session, measure.topic_id)
    return measure


def list_measures(session: Session, topic_id: int | None = None) -> list[tuple[Measure, Topic]]:
    """The measures of live topics (of one, when given): due first, those without a date
    last."""
    statement = (select(Measure, Topic).join(Topic, Topic.id == Measure.topic_id)
                 .where(Measure.deleted_at.is_(None), Topic.deleted_at.is_(None)))
    if topic_id is not None:
        statement = statement.where(Measure.topic_id == topic_id)
    statement = statement.order_by(Measure.due_on.is_(None), Measure.due_on, Measure.id)
    return [(m, t) for m, t in session.execute(statement)]


def _apply(measure: Measure, *, action: str | None, responsible: str | None,
           due_on: str | None, status: str | None, outcome: str | None) -> dict[str, str | None]:
    measure.action = checked_text(action, what="Maßnahme", max_length=MAX_ACTION,
                                  multiline=True)
    measure.responsible = checked_text(responsible, what="Verantwortliche Organisation",
                                       max_length=MAX_RESPONSIBLE)
    due = parse_due_date(due_on)
    measure.due_on = due
    try:
        measure.status = MeasureStatus(status or "").value
    except ValueError:
        raise SteeringError("Status: bitte aus der Liste wählen.") from None
    measure.outcome = checked_text(outcome, what="Ergebnis", max_length=MAX_OUTCOME,
                                   required=False, multiline=True)
    return {"action": measure.action, "responsible": measure.responsible,
            "due_on": due.isoformat() if due else None, "status": measure.status,
            "outcome": measure.outcome}


def create_measure(session: Session, *, topic_id: int, action: str | None,
                   responsible: str | None, due_on: str | None, status: str | None,
                   outcome: str | None, actor: str) -> Measure:
    topic = get_topic(session, topic_id)
    measure = Measure(topic_id=topic.id)
    values = _apply(measure, action=action, responsible=responsible, due_on=due_on,
                    status=status, outcome=outcome)
    touch(measure, actor, created=True)
    session.add(measure)
    session.flush()
    touch(topic, actor)
    record(session, actor=actor, entity=ENTITY, entity_id=measure.id, topic_id=topic.id,
           action="create", detail=values)
    return measure


def update_measure(session: Session, *, measure_id: int, action: str | None,
                   responsible: str | None, due_on: str | None, status: str | None,
                   outcome: str | None, actor: str) -> Measure:
    measure = get_measure(session, measure_id)
    values = _apply(measure, action=action, responsible=responsible, due_on=due_on,
                    status=status, outcome=outcome)
    touch(measure, actor)
    record(session, actor=actor, entity=ENTITY, entity_id=measure.id,
           topic_id=measure.topic_id, action="update", detail=values)
    return measure


def delete_measure(session: Session, *, measure_id: int, actor: str) -> Measure:
    measure = get_measure(session, measure_id)
    measure.deleted_at, measure.deleted_by = utcnow(), actor
    touch(measure, actor)
    record(session, actor=actor, entity=ENTITY, entity_id=measure.id,
           topic_id=measure.topic_id, action="delete")
    return measure

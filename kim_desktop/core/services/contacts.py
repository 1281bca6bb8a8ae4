"""Consultations (Beratungskontakte) and follow-ups (Wiedervorlagen)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import AuditEvent, Case, Consultation, FollowUp
from kim_desktop.core.services._base import (
    Change,
    audit,
    changed_by_user,
    clean,
    clean_all,
    current_user,
    get_live,
    live_client,
    open_case_of,
    ordered,
    with_id,
    write,
)

EARLIEST_CONSULTATION = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def office_user(session: Session, name: str) -> str:
    """The user ``name`` means, spelled as the office spells them (case and spaces aside);
    empty means the current user. A follow-up for a name no one of the office works under
    ("Demo" for ``demo`` is found, a typo is not) would be on no one's list: refused.
    The office's users are this machine's and everyone in the audit log, which every
    machine of the office shares."""
    wanted = " ".join(name.split())
    if not wanted:
        return current_user(session)
    local = session.info.get("users")
    known: set[str] = {current_user(session), *(local() if callable(local) else ())}
    known.update(session.scalars(select(AuditEvent.user).distinct()))
    for user in sorted(known):
        if user.casefold() == wanted.casefold():
            return user
    raise DomainError("unknown_user", name=wanted[:100])


def _consultation_values(
    session: Session,
    *,
    held_at: dt.datetime,
    duration_minutes: int,
    mode_code: str,
    fields_of_action: list[str] | tuple[str, ...],
    notes: str,
    interpreter_used: bool,
    interpreter_language: str | None,
) -> dict[str, object]:
    values = clean_all(session, "consultation", {
        "held_at": held_at, "duration_minutes": duration_minutes, "mode_code": mode_code,
        "fields_of_action": list(fields_of_action or []), "notes": notes,
        "interpreter_used": interpreter_used,
        "interpreter_language": interpreter_language,
    })
    if held_at < EARLIEST_CONSULTATION:
        raise DomainError("invalid_value", field="consultation.held_at")
    if interpreter_language and not interpreter_used:
        raise DomainError("invalid_value", field="consultation.interpreter_language")
    values["fields_of_action"] = sorted(values["fields_of_action"])
    return values


def _new_follow_up(
    session: Session,
    *,
    client_id: str,
    case_id: str | None,
    consultation_id: str | None,
    due_on: dt.date,
    text_value: str,
    assigned_user: str | None,
    text_key: str = "follow_up.text",
) -> FollowUp:
    follow_up = FollowUp(
        client_id=client_id,
        case_id=case_id,
        consultation_id=consultation_id,
        due_on=due_on,
        text=clean(session, text_key, text_value),
        assigned_user=office_user(session, assigned_user or ""),
    )
    with_id(follow_up)
    session.add(follow_up)
    audit(session, action="create", record=follow_up)
    return follow_up


def record_consultation(
    session: Session,
    *,
    client_id: str,
    held_at: dt.datetime,
    duration_minutes: int,
    mode_code: str,
    fields_of_action: list[str] | tuple[str, ...],
    notes: str = "",
    interpreter_used: bool = False,
    interpreter_language: str | None = None,
    follow_up_on: dt.date | None = None,
    follow_up_text: str = "",
) -> Change:
    """Records a consultation (``held_at`` aware, not in the future) on the client's open
    case, if any. With ``follow_up_on`` it also sets a follow-up for that day."""
    with write(session):
        live_client(session, client_id)
        values = _consultation_values(
            session, held_at=held_at, duration_minutes=duration_minutes, mode_code=mode_code,
            fields_of_action=fields_of_action, notes=notes, interpreter_used=interpreter_used,
            interpreter_language=interpreter_language,
        )
        case = open_case_of(session, client_id)
        consultation = Consultation(client_id=client_id, case_id=case.id if case else None,
                                    **values)
        with_id(consultation)
        session.add(consultation)
        audit(session, action="create", record=consultation)
        related: tuple[Change, ...] = ()
        if follow_up_on is not None:
            ordered(held_at.date(), follow_up_on, earlier_field="consultation.held_at",
                    later_field="consultation.follow_up_on")
            follow_up = _new_follow_up(
                session, client_id=client_id, case_id=consultation.case_id,
                consultation_id=consultation.id, due_on=follow_up_on,
                text_value=follow_up_text, assigned_user=None,
                text_key="consultation.follow_up_text",
            )
            related = (Change("follow_up", (follow_up.id,), "created", client_id),)
    return Change("consultation", (consultation.id,), "created", client_id, related)


def update_consultation(
    session: Session,
    *,
    consultation_id: str,
    held_at: dt.datetime,
    duration_minutes: int,
    mode_code: str,
    fields_of_action: list[str] | tuple[str, ...],
    notes: str = "",
    interpreter_used: bool = False,
    interpreter_language: str | None = None,
    read: Mapping[str, Any] | None = None,
) -> Change:
    """Corrects a consultation. ``read``, the values the form was opened with (by parameter
    name), limits the write to what the user changed (see :func:`changed_by_user`)."""
    with write(session):
        consultation = get_live(session, Consultation, consultation_id)
        live_client(session, consultation.client_id)
        edited = {"held_at": held_at, "duration_minutes": duration_minutes,
                  "mode_code": mode_code, "fields_of_action": list(fields_of_action),
                  "notes": notes, "interpreter_used": interpreter_used,
                  "interpreter_language": interpreter_language}
        current = {name: getattr(consultation, name) for name in edited}
        values = _consultation_values(session, **changed_by_user(current, read, edited))
        for name, value in values.items():
            setattr(consultation, name, value)
        audit(session, action="update", record=consultation)
    return Change("consultation", (consultation_id,), "updated", consultation.client_id)


def add_follow_up(
    session: Session,
    *,
    client_id: str,
    due_on: dt.date,
    text: str,
    assigned_user: str | None = None,
) -> Change:
    """Sets a follow-up (Wiedervorlage) for the client, on their open case if any."""
    with write(session):
        live_client(session, client_id)
        clean(session, "follow_up.due_on", due_on)
        case: Case | None = open_case_of(session, client_id)
        follow_up = _new_follow_up(
            session, client_id=client_id, case_id=case.id if case else None,
            consultation_id=None, due_on=due_on, text_value=text, assigned_user=assigned_user,
        )
    return Change("follow_up", (follow_up.id,), "created", client_id)


def complete_follow_up(session: Session, *, follow_up_id: str, done_on: dt.date) -> Change:
    """Marks a follow-up done."""
    with write(session):
        follow_up = get_live(session, FollowUp, follow_up_id)
        live_client(session, follow_up.client_id)
        if follow_up.done_on is not None:
            raise DomainError("already_done")
        follow_up.done_on = clean(session, "follow_up.done_on", done_on)
        audit(session, action="update", record=follow_up)
    return Change("follow_up", (follow_up_id,), "updated", follow_up.client_id)


def update_follow_up(
    session: Session,
    *,
    follow_up_id: str,
    due_on: dt.date,
    text: str,
    assigned_user: str,
    read: Mapping[str, Any] | None = None,
) -> Change:
    """Reschedules, rewords or reassigns an open follow-up (an empty ``assigned_user`` means
    the current user). ``read``, the values the form was opened with, limits the write to
    what the user changed (see :func:`changed_by_user`)."""
    with write(session):
        follow_up = get_live(session, FollowUp, follow_up_id)
        live_client(session, follow_up.client_id)
        if follow_up.done_on is not None:
            raise DomainError("already_done")
        assigned = " ".join(assigned_user.split())  # as stored, kept even if unknown now
        edited = {"due_on": due_on, "text": text, "assigned_user": assigned
                  if assigned == follow_up.assigned_user else office_user(session, assigned)}
        values = clean_all(session, "follow_up", changed_by_user(
            {name: getattr(follow_up, name) for name in edited}, read, edited))
        for name, value in values.items():
            setattr(follow_up, name, value)
        audit(session, action="update", record=follow_up)
    return Change("follow_up", (follow_up_id,), "updated", follow_up.client_id)

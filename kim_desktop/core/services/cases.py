"""Cases and the DGCC phase state machine.

Phases move forward one step at a time (intake → assessment → planning → implementation →
monitoring → evaluation). Going back to any earlier phase is allowed with a reason (the
cycle of re-assessment). ``closure`` is reached only by :func:`close_case`, which needs a
closure reason from the catalog; :func:`reopen_case` needs a reason and returns the case to
``assessment``. A client has at most one open case.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for, require
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import PHASE_ORDER, Case, CasePhaseChange, Phase, PhaseEvent
from kim_desktop.core.services._base import (
    Change,
    audit,
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

REOPEN_PHASE = Phase.ASSESSMENT


def phase_transition_allowed(current: str, target: str) -> bool:
    """The phase rule: one step forward, or back to an earlier phase; never into closure."""
    if current == Phase.CLOSURE or target == Phase.CLOSURE or target not in PHASE_ORDER:
        return False
    step = PHASE_ORDER.index(Phase(target)) - PHASE_ORDER.index(Phase(current))
    return step == 1 or step < 0


def _history(
    session: Session,
    case: Case,
    *,
    event: PhaseEvent,
    from_phase: str | None,
    to_phase: str,
    on: dt.date,
    reason: str,
) -> CasePhaseChange:
    change = CasePhaseChange(
        case_id=case.id, event=event, from_phase=from_phase, to_phase=to_phase, changed_on=on,
        reason=reason,
    )
    with_id(change)
    session.add(change)
    return change


def _last_change_on(session: Session, case: Case) -> dt.date:
    last = session.scalar(
        select(func.max(CasePhaseChange.changed_on)).where(
            CasePhaseChange.case_id == case.id, CasePhaseChange.deleted_at.is_(None)
        )
    )
    return last or case.opened_on


def open_case(
    session: Session,
    *,
    client_id: str,
    opened_on: dt.date,
    reason: str,
    responsible_user: str | None = None,
    target_group_criteria: list[str] | tuple[str, ...] = (),
) -> Change:
    """Opens a case in phase ``intake``; refused while the client has an open case."""
    with write(session):
        client = live_client(session, client_id)
        values = clean_all(session, "case_record", {
            "opened_on": opened_on, "open_reason": reason,
            "responsible_user": responsible_user or current_user(session),
            "target_group_criteria": sorted(set(target_group_criteria)),
        })
        ordered(client.birth_date, opened_on, earlier_field="client.birth_date",
                later_field="case_record.opened_on")
        if open_case_of(session, client_id) is not None:
            raise DomainError("case_already_open")
        case = Case(client_id=client_id, phase=Phase.INTAKE, **values)
        reason = case.open_reason
        with_id(case)
        session.add(case)
        history = _history(session, case, event=PhaseEvent.OPENED, from_phase=None,
                           to_phase=Phase.INTAKE, on=opened_on, reason=reason)
        audit(session, action="create", record=case)
    return Change("case_record", (case.id,), "created", client_id,
                  (Change("case_phase_change", (history.id,), "created", client_id),))


def _live_case(session: Session, case_id: str) -> Case:
    case = get_live(session, Case, case_id)
    live_client(session, case.client_id)
    return case


def change_phase(
    session: Session, *, case_id: str, phase: str, changed_on: dt.date, reason: str = ""
) -> Change:
    """Moves an open case to ``phase`` (see the module's rule); going back needs a reason."""
    with write(session):
        case = _live_case(session, case_id)
        if not case.is_open:
            raise DomainError("case_closed")
        if not phase_transition_allowed(case.phase, phase):
            raise DomainError("phase_transition", current=case.phase, target=phase)
        backwards = PHASE_ORDER.index(Phase(phase)) < PHASE_ORDER.index(Phase(case.phase))
        reason = clean(session, "case_phase_change.reason", reason)
        if backwards and not reason:
            raise DomainError("required", field="case_phase_change.reason")
        clean(session, "case_phase_change.changed_on", changed_on)
        ordered(_last_change_on(session, case), changed_on,
                earlier_field="case_record.last_phase_change",
                later_field="case_phase_change.changed_on")
        history = _history(
            session, case, event=PhaseEvent.RETURNED if backwards else PhaseEvent.ADVANCED,
            from_phase=case.phase, to_phase=phase, on=changed_on, reason=reason,
        )
        case.phase = phase
        audit(session, action="update", record=case)
    return Change("case_record", (case_id,), "updated", case.client_id,
                  (Change("case_phase_change", (history.id,), "created", case.client_id),))


def close_case(
    session: Session, *, case_id: str, closed_on: dt.date, reason_code: str, note: str = ""
) -> Change:
    """Closes an open case with a closure reason from the catalog."""
    with write(session):
        case = _live_case(session, case_id)
        if not case.is_open:
            raise DomainError("case_closed")
        if not reason_code:
            raise DomainError("reason_required")
        require(catalogs_for(session).closure_reasons, reason_code)
        if closed_on is None:
            raise DomainError("required", field="case_record.closed_on")
        clean(session, "case_record.closed_on", closed_on)
        ordered(_last_change_on(session, case), closed_on,
                earlier_field="case_record.last_phase_change",
                later_field="case_record.closed_on")
        note = clean(session, "case_record.closure_note", note)
        history = _history(session, case, event=PhaseEvent.CLOSED, from_phase=case.phase,
                           to_phase=Phase.CLOSURE, on=closed_on, reason=note or reason_code)
        case.phase = Phase.CLOSURE
        case.closed_on = closed_on
        case.closure_reason_code = reason_code
        case.closure_note = note
        audit(session, action="update", record=case, detail="closed")
    return Change("case_record", (case_id,), "updated", case.client_id,
                  (Change("case_phase_change", (history.id,), "created", case.client_id),))


def reopen_case(session: Session, *, case_id: str, reopened_on: dt.date, reason: str) -> Change:
    """Reopens a closed case (back to ``assessment``), if the client has no other open case."""
    with write(session):
        case = _live_case(session, case_id)
        if case.closed_on is None:
            raise DomainError("case_not_closed")
        reason = clean(session, "case_record.reopen_reason", reason)
        if not reason:
            raise DomainError("required", field="case_record.reopen_reason")
        if reopened_on is None:
            raise DomainError("required", field="case_record.reopened_on")
        clean(session, "case_record.reopened_on", reopened_on)
        ordered(case.closed_on, reopened_on, earlier_field="case_record.closed_on",
                later_field="case_record.reopened_on")
        if open_case_of(session, case.client_id) is not None:
            raise DomainError("case_already_open")
        history = _history(session, case, event=PhaseEvent.REOPENED, from_phase=Phase.CLOSURE,
                           to_phase=REOPEN_PHASE, on=reopened_on, reason=reason)
        case.phase = REOPEN_PHASE
        case.closed_on = None
        case.closure_reason_code = None
        case.reopened_on = reopened_on
        case.reopen_reason = reason
        audit(session, action="update", record=case, detail="reopened")
    return Change("case_record", (case_id,), "updated", case.client_id,
                  (Change("case_phase_change", (history.id,), "created", case.client_id),))


def update_case(
    session: Session,
    *,
    case_id: str,
    responsible_user: str,
    target_group_criteria: list[str] | tuple[str, ...],
) -> Change:
    """Changes who is responsible and the target-group criteria."""
    with write(session):
        case = _live_case(session, case_id)
        values = clean_all(session, "case_record", {
            "responsible_user": responsible_user,
            "target_group_criteria": sorted(set(target_group_criteria)),
        })
        case.responsible_user = values["responsible_user"]
        case.target_group_criteria = values["target_group_criteria"]
        audit(session, action="update", record=case)
    return Change("case_record", (case_id,), "updated", case.client_id)

"""Erasure in two steps: a case manager asks with a reason, only the office admin erases or
declines with a reason; each step in the audit log by id."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.models import AuditEvent, Client, ErasureRequest
from kim_desktop.core.services.erasure_requests import (
    approve_erasure,
    decline_erasure,
    latest_erasure_request,
    open_erasure_requests,
    request_erasure,
)
from kim_desktop.core.services.retention import erase_client
from tests.core.conftest import TODAY, assert_refused, new_client


def as_admin(session: Session) -> Session:
    session.info.update(user="leitung", role="office_admin")
    return session


def test_a_case_manager_asks_and_the_admin_erases(session: Session) -> None:
    client_id = new_client(session, last_name="Kartal")
    assert_refused(session, "admin_only", erase_client, client_id=client_id, confirm=True)
    assert_refused(session, "required", request_erasure, client_id=client_id, reason=" ")
    change = request_erasure(session, client_id=client_id, reason="Widerspruch der Person")
    assert_refused(session, "erasure_requested", request_erasure, client_id=client_id,
                   reason="noch einmal")
    assert_refused(session, "admin_only", open_erasure_requests)
    assert_refused(session, "admin_only", approve_erasure, request_id=change.ids[0],
                   confirm=True)
    as_admin(session)
    [(request, name)] = open_erasure_requests(session)
    assert (request.reason, request.created_by, name) == (
        "Widerspruch der Person", "anna", "Kartal, Testa")
    assert_refused(session, "confirmation_required", approve_erasure, request_id=request.id,
                   confirm=False)
    approve_erasure(session, request_id=request.id, confirm=True)
    client = session.get(Client, client_id)
    assert client is not None and client.erased_at is not None
    erased = session.get(ErasureRequest, request.id)
    assert erased is not None and erased.deleted_at is not None and erased.reason == ""
    assert open_erasure_requests(session) == []
    actions = [(e.action, e.record_kind, e.user) for e in session.scalars(
        select(AuditEvent).order_by(AuditEvent.at))]
    assert ("request", "erasure_request", "anna") in actions
    assert ("erase", "client", "leitung") in actions


def test_the_admin_declines_with_a_reason_the_file_shows(session: Session) -> None:
    client_id = new_client(session)
    request_id = request_erasure(session, client_id=client_id, reason="Fall beendet").ids[0]
    assert_refused(session, "admin_only", decline_erasure, request_id=request_id,
                   reason="Frist läuft noch")
    as_admin(session)
    assert_refused(session, "required", decline_erasure, request_id=request_id, reason="")
    decline_erasure(session, request_id=request_id, reason="Aufbewahrungsfrist läuft noch")
    latest = latest_erasure_request(session, client_id)
    assert latest is not None and (latest.state, latest.decided_by, latest.decided_on) == (
        "declined", "leitung", TODAY)
    assert latest.decline_reason == "Aufbewahrungsfrist läuft noch"
    assert open_erasure_requests(session) == []
    assert_refused(session, "erasure_request_decided", approve_erasure, request_id=request_id,
                   confirm=True)
    session.info["role"] = "case_manager"
    request_erasure(session, client_id=client_id, reason="Neuer Antrag nach Fristende")
    as_admin(session)
    assert len(open_erasure_requests(session)) == 1


def test_stored_texts_refuse_control_and_bidi_characters(session: Session) -> None:
    """An erasure reason with ESC sequences cleared the admin's terminal, U+202E turned the
    rest of a line on the start page: no stored text takes them; multi-line texts keep line
    breaks and tabs."""
    from kim_desktop.core.services import create_client
    from tests.core.conftest import client_data

    client_id = new_client(session)
    for reason in ("Grund \x1b[2J\x1b[31mROT", "Grund \a", "Grund \u202eevil",
                   "Grund \u200b", "Grund \x00"):
        assert_refused(session, "hidden_characters", request_erasure, client_id=client_id,
                       reason=reason)
    assert_refused(session, "hidden_characters", create_client,
                   data=client_data(last_name="Kar\u202etal"))
    assert_refused(session, "hidden_characters", create_client,
                   data=client_data(first_name="Zeile\nzwei"))
    request_erasure(session, client_id=client_id, reason="Erstens\n\tZweitens\r\nDrittens")
    [request] = session.scalars(select(ErasureRequest)).all()
    assert request.reason == "Erstens\n\tZweitens\nDrittens"

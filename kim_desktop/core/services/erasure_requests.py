"""Erasure in two steps: only the office admin erases (Art. 17 GDPR); a case manager asks
for it with a reason, and the request waits on the admin's start page until the admin
approves it (the person is erased, the request with them) or declines it with a reason,
which the person's file then shows. Each step is in the audit log, by id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import Client, ErasureRequest
from kim_desktop.core.services._base import (
    Change,
    audit,
    clean,
    current_user,
    get_live,
    live_client,
    require_admin,
    today,
    with_id,
    write,
)
from kim_desktop.core.services.retention import erase_client


def request_erasure(session: Session, *, client_id: str, reason: str) -> Change:
    """Asks the office admin to erase the person; one open request per person."""
    with write(session):
        live_client(session, client_id)
        if _open_request(session, client_id) is not None:
            raise DomainError("erasure_requested")
        request = ErasureRequest(client_id=client_id,
                                 reason=clean(session, "erasure_request.reason", reason))
        with_id(request)
        session.add(request)
        audit(session, action="request", record=request)
    return Change("erasure_request", (request.id,), "created", client_id)


def _open_request(session: Session, client_id: str) -> ErasureRequest | None:
    return session.scalars(select(ErasureRequest).where(
        ErasureRequest.client_id == client_id, ErasureRequest.state == "open",
        ErasureRequest.deleted_at.is_(None))).first()


def open_erasure_requests(session: Session) -> list[tuple[ErasureRequest, str]]:
    """The requests waiting for the office admin, oldest first, each with the person's name
    (for the admin's start page; everyone else is refused)."""
    require_admin(session)
    return [(request, client.display_name) for request, client in session.execute(
        select(ErasureRequest, Client).join(Client, Client.id == ErasureRequest.client_id)
        .where(ErasureRequest.state == "open", ErasureRequest.deleted_at.is_(None),
               Client.deleted_at.is_(None))
        .order_by(ErasureRequest.created_at)).all()]


def latest_erasure_request(session: Session, client_id: str) -> ErasureRequest | None:
    """The person's latest request, open or declined, for their file."""
    return session.scalars(select(ErasureRequest).where(
        ErasureRequest.client_id == client_id, ErasureRequest.deleted_at.is_(None))
        .order_by(ErasureRequest.created_at.desc())).first()


def _waiting(session: Session, request_id: str) -> ErasureRequest:
    request = get_live(session, ErasureRequest, request_id)
    if request.state != "open":
        raise DomainError("erasure_request_decided")
    return request


def approve_erasure(
    session: Session,
    *,
    request_id: str,
    confirm: bool,
    archive: Callable[[dict[str, Any]], None] | None = None,
) -> Change:
    """The office admin grants the request: the person is erased (after ``archive``, as in
    :func:`~kim_desktop.core.services.retention.erase_client`)."""
    require_admin(session)
    request = _waiting(session, request_id)
    session.rollback()
    return erase_client(session, client_id=request.client_id, confirm=confirm, archive=archive)


def decline_erasure(session: Session, *, request_id: str, reason: str) -> Change:
    """The office admin turns the request down; the reason shows in the person's file."""
    require_admin(session)
    with write(session):
        request = _waiting(session, request_id)
        request.decline_reason = clean(session, "erasure_request.decline_reason", reason)
        request.state = "declined"
        request.decided_by = current_user(session)
        request.decided_on = today()
        audit(session, action="decline", record=request)
    return Change("erasure_request", (request_id,), "updated", request.client_id)

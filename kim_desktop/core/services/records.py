"""Removing single records (tombstones, never hard deletes) and the audit of reads."""

from __future__ import annotations

from sqlalchemy.orm import Session
from sqlalchemy.sql import text as sql_text

from kim_desktop.core.db import RECORD_KINDS, utcnow
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import (
    Attachment,
    AuditEvent,
    Case,
    Client,
    Consent,
    Consultation,
    FollowUp,
    Goal,
    HouseholdMember,
    Measure,
    NeedsAssessment,
    ResidenceStatusPeriod,
    StructuralGap,
)
from kim_desktop.core.services._base import (
    Change,
    audit,
    current_user,
    get_live,
    live_client,
    with_id,
    write,
)
from kim_desktop.core.services.retention import blank_record

#: Kinds a user may remove one by one. Clients are erased (data protection), cases closed,
#: referrals cancelled, consents withdrawn; the audit log and phase history are permanent.
REMOVABLE = {
    model.__tablename__: model
    for model in (
        Attachment, Consent, Consultation, FollowUp, Goal, HouseholdMember, Measure,
        NeedsAssessment, ResidenceStatusPeriod, StructuralGap,
    )
}


def _client_of(session: Session, record: object) -> str | None:
    client_id = getattr(record, "client_id", None)
    if client_id is None and isinstance(record, Measure):
        client_id = _client_of(session, get_live(session, Goal, record.goal_id))
    if client_id is None and hasattr(record, "case_id"):
        case = session.get(Case, record.case_id)
        client_id = case.client_id if case else None
    return client_id


def remove_record(session: Session, *, kind: str, record_id: str) -> Change:
    """Marks one record deleted (a tombstone for the sync). A consent that was ever granted
    should be withdrawn instead; removing it is for records entered by mistake.

    A person's record is emptied as an erasure empties it: what was removed is no longer
    stored, here nor, once synced, on the other devices, and so is not in the person's Art. 15
    information. A structural gap keeps its anonymised content, which its withdrawal from
    the coordinators' reports names."""
    if kind not in REMOVABLE:
        raise DomainError("invalid_value", field="record.kind")
    if kind != StructuralGap.__tablename__ and session.get_bind().dialect.name == "sqlite":
        # overwrite freed pages so the removed text does not linger in the file
        session.execute(sql_text("PRAGMA secure_delete = ON"))
    with write(session):
        record = get_live(session, REMOVABLE[kind], record_id)
        client_id = _client_of(session, record)
        if client_id is not None:
            live_client(session, client_id)
        if isinstance(record, StructuralGap):
            record.deleted_at = utcnow()
        else:
            blank_record(record, utcnow())
        audit(session, action="delete", record=record)
    return Change(kind, (record_id,), "deleted", client_id)


def record_view(session: Session, *, client_id: str, detail: str = "") -> Change:
    """Logs that the current user opened the client's record (Art. 5(2) GDPR); ``detail``:
    where, when not in the program's client file (no personal data)."""
    with write(session):
        client = live_client(session, client_id)
        event = audit(session, action="view", record=client, detail=detail[:200])
    return Change("audit_event", (event.id,), "created", client_id)


def record_export(session: Session, *, kind: str, record_id: str, detail: str) -> Change:
    """Logs an export of one record (``detail``: format or report, no personal data)."""
    if kind not in RECORD_KINDS:
        raise DomainError("invalid_value", field="record.kind")
    with write(session):
        record = session.get(RECORD_KINDS[kind], record_id)
        if record is None:
            raise DomainError("not_found", kind=kind)
        event = audit(session, action="export", record=record, detail=detail[:200])
    client_id = record_id if kind == Client.__tablename__ else None
    return Change("audit_event", (event.id,), "created", client_id)


#: Why an attachment's content is read: shown in the program, or saved as a copy.
ATTACHMENT_USES = {"view": ("view", ""), "copy": ("export", "copy")}


def open_attachment(session: Session, *, attachment_id: str,
                    use: str) -> tuple[str, str, bytes]:
    """An attachment's file name, media type and content, its reading logged in the audit
    log (by record id) in the same step, so no screen can show or copy it unlogged.
    ``use``: ``"view"`` or ``"copy"`` (:data:`ATTACHMENT_USES`)."""
    if use not in ATTACHMENT_USES:
        raise DomainError("invalid_value", field="record.kind")
    action, detail = ATTACHMENT_USES[use]
    with write(session):
        attachment = get_live(session, Attachment, attachment_id)
        if attachment.content is None:
            raise DomainError("attachment_loading")
        live_client(session, attachment.client_id)
        audit(session, action=action, record=attachment, detail=detail)
        found = attachment.filename, attachment.media_type, bytes(attachment.content)
    return found


def record_listing(session: Session, *, client_ids: list[str], detail: str) -> None:
    """Logs that the current user was shown these people in a list (the CLI's ``clients``;
    ``detail``: where, no personal data): one event per person, so each person's log says
    who saw their name."""
    with write(session):
        for client_id in dict.fromkeys(client_ids):
            event = AuditEvent(at=utcnow(), user=current_user(session), action="list",
                               record_kind=Client.__tablename__, record_id=client_id,
                               detail=detail[:200])
            with_id(event)
            session.add(event)

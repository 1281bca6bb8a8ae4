"""Reading an attachment's content is logged in the same step, by record id only."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.models import AuditEvent
from kim_desktop.core.services import add_attachment, open_attachment, remove_record
from tests.core.conftest import assert_refused, new_client

PDF = b"%PDF-1.4\n" + b"x" * 100


def _events(session: Session, record_id: str) -> list[tuple[str, str, str]]:
    return [(e.action, e.record_kind, e.detail) for e in session.scalars(
        select(AuditEvent).where(AuditEvent.record_id == record_id).order_by(AuditEvent.at))]


def test_viewing_and_copying_are_logged_by_record_id(session: Session) -> None:
    client_id = new_client(session)
    attachment_id = add_attachment(session, client_id=client_id, filename="Bescheid Yilmaz.pdf",
                                   content=PDF).ids[0]
    assert open_attachment(session, attachment_id=attachment_id, use="view") == (
        "Bescheid Yilmaz.pdf", "application/pdf", PDF)
    open_attachment(session, attachment_id=attachment_id, use="copy")
    assert _events(session, attachment_id) == [
        ("create", "attachment", "application/pdf"), ("view", "attachment", ""),
        ("export", "attachment", "copy")]
    details = " ".join(e.detail for e in session.scalars(select(AuditEvent)))
    assert "Yilmaz" not in details  # the file name stays in the attachment, not the log


def test_a_deleted_attachment_cannot_be_opened(session: Session) -> None:
    client_id = new_client(session)
    attachment_id = add_attachment(session, client_id=client_id, filename="a.pdf",
                                   content=PDF).ids[0]
    remove_record(session, kind="attachment", record_id=attachment_id)
    assert_refused(session, "deleted", open_attachment, attachment_id=attachment_id,
                   use="view")
    assert_refused(session, "invalid_value", open_attachment, attachment_id=attachment_id,
                   use="print")

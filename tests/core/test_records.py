"""Attachments, structural gaps, removal by tombstone, consents and the audit log."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.models import Attachment, AuditEvent, Consultation, StructuralGap
from kim_desktop.core.release_check import ADDRESSED_NAME, BIRTH_DATE, EMAIL, PHONE
from kim_desktop.core.services import (
    MAX_ATTACHMENT_BYTES,
    add_attachment,
    grant_consent,
    record_consultation,
    record_export,
    record_gap,
    record_view,
    release_gap,
    remove_record,
    sniff_media_type,
    update_gap,
    withdraw_consent,
)
from tests.core.conftest import TODAY, TOMORROW, YESTERDAY, assert_refused, new_case, new_client

PDF = b"%PDF-1.7\n%\xe2\xe3\n1 0 obj<<>>endobj\n%%EOF\n"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_media_types_by_content_not_name() -> None:
    assert sniff_media_type(PDF) == "application/pdf"
    assert sniff_media_type(b"\x89PNG\r\n\x1a\n" + b"\0" * 10) == "image/png"
    assert sniff_media_type(b"\xff\xd8\xff\xe0" + b"\0" * 10) == "image/jpeg"
    odt = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    assert sniff_media_type(odt) == "application/vnd.oasis.opendocument.text"
    docx = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})
    assert sniff_media_type(docx).endswith("wordprocessingml.document")  # type: ignore[union-attr]
    assert sniff_media_type(_zip({"evil.exe": b"MZ"})) is None
    assert sniff_media_type(b"PK\x03\x04 broken") is None
    assert sniff_media_type(b"MZ\x90\x00") is None


def test_attachment_stored_in_database(session: Session) -> None:
    client_id = new_client(session)
    change = add_attachment(session, client_id=client_id, filename="C:\\Scans\\bescheid.pdf",
                            content=PDF, description="Bescheid")
    attachment = session.get(Attachment, change.ids[0])
    assert attachment is not None
    assert (attachment.filename, attachment.media_type, attachment.size) == (
        "bescheid.pdf", "application/pdf", len(PDF))
    assert attachment.content == PDF


def test_bad_attachments_refused(session: Session) -> None:
    client_id = new_client(session)
    too_big = PDF + b"\0" * MAX_ATTACHMENT_BYTES
    assert_refused(session, "attachment_too_large", add_attachment, client_id=client_id,
                   filename="big.pdf", content=too_big)
    assert_refused(session, "attachment_type", add_attachment, client_id=client_id,
                   filename="harmless.pdf", content=b"MZ\x90\x00 an executable")
    assert_refused(session, "attachment_empty", add_attachment, client_id=client_id,
                   filename="empty.pdf", content=b"")
    assert_refused(session, "required", add_attachment, client_id=client_id, filename="",
                   content=PDF)


def test_attachments_up_to_25_mb_unless_provisioning_says_less(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    client_id = new_client(session)
    assert MAX_ATTACHMENT_BYTES == 25 * 2**20
    scan = PDF + b"\0" * (12 * 2**20)
    add_attachment(session, client_id=client_id, filename="scan.pdf", content=scan)
    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text('[office]\nname = "KIM Rahden"\nmunicipality = "Rahden"\n\n'
                            '[settings]\nmax_attachment_mb = 5\n', encoding="utf-8")
    monkeypatch.setenv("KIM_PROVISIONING", str(provisioning))
    refused = assert_refused(session, "attachment_too_large", add_attachment,
                             client_id=client_id, filename="scan.pdf", content=scan)
    assert "höchstens 5 MB" in str(refused)
    add_attachment(session, client_id=client_id, filename="klein.pdf",
                   content=PDF + b"\0" * (4 * 2**20))


def test_structural_gap_anonymity_and_release(session: Session) -> None:
    client_id = new_client(session, first_name="Amira", last_name="Haddad")
    case_id = new_case(session, client_id)
    values = {"category_code": "housing_market", "field_of_action_code": "housing",
              "municipality_code": "rahden", "observed_on": YESTERDAY, "case_ids": [case_id]}
    for description, hint in [
        ("Frau Haddad findet keine Wohnung", ADDRESSED_NAME),
        ("Geboren am 17.05.1990, ohne Antwort", BIRTH_DATE),
        ("Kontakt per mail a.b@example.org", EMAIL),
        ("Rückruf unter 0571 1234567", PHONE),
    ]:
        error = assert_refused(session, "gap_not_anonymous", record_gap,
                               description=description, **values)
        assert error.params == {"hint": hint}
    assert_refused(session, "unknown_code", record_gap, description="ok",
                   **{**values, "municipality_code": "berlin"})
    assert_refused(session, "future_date", record_gap, description="ok",
                   **{**values, "observed_on": TOMORROW})
    gap_id = record_gap(session, description="Große Familien finden keine Wohnung", **values
                        ).ids[0]
    release_gap(session, gap_id=gap_id)
    gap = session.get(StructuralGap, gap_id)
    assert gap is not None and gap.released_by == "anna" and gap.released_at is not None
    assert_refused(session, "gap_released", update_gap, gap_id=gap_id, description="neu",
                   **values)
    assert_refused(session, "gap_released", release_gap, gap_id=gap_id)


def test_remove_is_a_tombstone_and_refuses_other_kinds(session: Session) -> None:
    client_id = new_client(session)
    consultation_id = record_consultation(
        session, client_id=client_id, held_at=utcnow(), duration_minutes=10, mode_code="phone",
        fields_of_action=["work"], notes="Schulden bei X").ids[0]
    attachment_id = add_attachment(session, client_id=client_id, filename="bescheid.pdf",
                                   content=PDF, description="Bescheid").ids[0]
    remove_record(session, kind="consultation", record_id=consultation_id)
    remove_record(session, kind="attachment", record_id=attachment_id)
    consultation = session.get(Consultation, consultation_id)
    assert consultation is not None and consultation.deleted_at is not None
    # the tombstone keeps what the sync needs to delete it everywhere, not what was removed
    assert (consultation.notes, consultation.fields_of_action) == ("", [])
    assert consultation.client_id == client_id
    attachment = session.get(Attachment, attachment_id)
    assert attachment is not None and attachment.deleted_at is not None
    assert (attachment.content, attachment.filename, attachment.description) == (None, "", "")
    assert_refused(session, "deleted", remove_record, kind="consultation",
                   record_id=consultation_id)
    assert_refused(session, "invalid_value", remove_record, kind="client", record_id=client_id)
    assert_refused(session, "invalid_value", remove_record, kind="audit_event",
                   record_id="x")


def test_consent_rules(session: Session) -> None:
    client_id = new_client(session)
    assert_refused(session, "waiver_needs_agency", grant_consent, client_id=client_id,
                   kind="confidentiality_waiver", granted_on=TODAY, purpose="x")
    assert_refused(session, "unknown_code", grant_consent, client_id=client_id,
                   kind="confidentiality_waiver", granted_on=TODAY, purpose="x",
                   recipient_agency_code="cia")
    assert_refused(session, "invalid_value", grant_consent, client_id=client_id, kind="verbal",
                   granted_on=TODAY, purpose="x")
    assert_refused(session, "date_order", grant_consent, client_id=client_id,
                   kind="data_processing", granted_on=TODAY, expires_on=YESTERDAY, purpose="x")
    assert_refused(session, "unknown_code", grant_consent, client_id=client_id,
                   kind="data_processing", granted_on=TODAY, purpose="x", form_language="xx")
    consent_id = grant_consent(session, client_id=client_id, kind="data_processing",
                               granted_on=YESTERDAY, purpose="Beratung").ids[0]
    assert_refused(session, "date_order", withdraw_consent, consent_id=consent_id,
                   withdrawn_on=YESTERDAY - dt.timedelta(days=1))
    withdraw_consent(session, consent_id=consent_id, withdrawn_on=TODAY)
    assert_refused(session, "consent_withdrawn", withdraw_consent, consent_id=consent_id,
                   withdrawn_on=TODAY)


def test_audit_log_records_views_changes_and_exports(session: Session) -> None:
    client_id = new_client(session)
    change = record_view(session, client_id=client_id)
    record_export(session, kind="client", record_id=client_id, detail="report_csv")
    events = session.scalars(select(AuditEvent).order_by(AuditEvent.at)).all()
    assert [(e.action, e.record_kind, e.user) for e in events] == [
        ("create", "client", "anna"), ("view", "client", "anna"), ("export", "client", "anna")]
    assert change.ids == (events[1].id,) and events[2].detail == "report_csv"
    assert_refused(session, "invalid_value", record_export, kind="nonsense", record_id="x",
                   detail="")
    assert_refused(session, "not_found", record_export, kind="client", record_id="x",
                   detail="")

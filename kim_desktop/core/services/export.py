"""The Art. 15 GDPR export: everything the office holds about one client, as JSON or PDF.

:func:`client_export` gathers it as plain data (also used as the archive copy before an
erasure); :func:`export_client` writes a file and logs the export in the audit log.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for
from kim_desktop.core.db import SyncedRecord, record_to_payload, utcnow
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import (
    Attachment,
    AuditEvent,
    Case,
    CasePhaseChange,
    Consent,
    Consultation,
    FollowUp,
    Goal,
    HouseholdMember,
    Measure,
    NeedsAssessment,
    Referral,
    ResidenceStatusPeriod,
)
from kim_desktop.core.services._base import audit, live_client, write
from kim_protocol import __version__

EXPORT_FORMATS = ("json", "pdf")
_STAMPS = ("created_by", "updated_by", "version")


def _plain(record: SyncedRecord) -> dict[str, Any]:
    payload = record_to_payload(record)
    for key in _STAMPS:
        payload.pop(key, None)
    for key, value in payload.items():
        if isinstance(value, bytes):
            payload[key] = base64.b64encode(value).decode("ascii")
    return payload


def _live(session: Session, model: type[Any], *conditions: Any) -> list[Any]:
    return list(session.scalars(
        select(model).where(model.deleted_at.is_(None), *conditions).order_by(model.created_at)
    ))


def client_export(session: Session, *, client_id: str) -> dict[str, Any]:
    """Every live record about the client, grouped by kind, plus who accessed them."""
    client = live_client(session, client_id)
    cases = _live(session, Case, Case.client_id == client_id)
    case_ids = [c.id for c in cases]
    goals = _live(session, Goal, Goal.case_id.in_(case_ids))
    groups: dict[str, list[SyncedRecord]] = {
        "household_members": _live(session, HouseholdMember,
                                   HouseholdMember.client_id == client_id),
        "residence_status_periods": _live(session, ResidenceStatusPeriod,
                                          ResidenceStatusPeriod.client_id == client_id),
        "consents": _live(session, Consent, Consent.client_id == client_id),
        "cases": cases,
        "case_phase_changes": _live(session, CasePhaseChange,
                                    CasePhaseChange.case_id.in_(case_ids)),
        "needs_assessments": _live(session, NeedsAssessment,
                                   NeedsAssessment.case_id.in_(case_ids)),
        "goals": goals,
        "measures": _live(session, Measure, Measure.goal_id.in_([g.id for g in goals])),
        "consultations": _live(session, Consultation, Consultation.client_id == client_id),
        "referrals": _live(session, Referral, Referral.client_id == client_id),
        "follow_ups": _live(session, FollowUp, FollowUp.client_id == client_id),
        "attachments": _live(session, Attachment, Attachment.client_id == client_id),
    }
    record_ids = [client_id] + [r.id for records in groups.values() for r in records]
    accesses = session.scalars(
        select(AuditEvent).where(AuditEvent.record_id.in_(record_ids)).order_by(AuditEvent.at)
    )
    data: dict[str, Any] = {
        "format": "kim-desktop/art15-export",
        "format_version": 1,
        "program_version": __version__,
        "created_at": utcnow().isoformat(),
        "client": _plain(client),
    }
    data.update({name: [_plain(r) for r in records] for name, records in groups.items()})
    data["access_log"] = [
        {"at": e.at.isoformat(), "user": e.user, "action": e.action, "kind": e.record_kind,
         "record_id": e.record_id}
        for e in accesses
    ]
    return data


def export_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8")


def export_pdf(session: Session, data: dict[str, Any]) -> bytes:
    """A readable PDF of the export: one section per kind, labels from the catalogs."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    catalogs = catalogs_for(session)
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title="Auskunft nach Art. 15 DSGVO",
                                 author="KIM Desktop")
    client = data["client"]
    story: list[Any] = [
        Paragraph("Auskunft nach Art. 15 DSGVO", styles["Title"]),
        Paragraph(escape(f"{client['first_name']} {client['last_name']}"), styles["Heading2"]),
        Paragraph(escape(f"Erstellt am {dt.date.today():%d.%m.%Y} mit KIM Desktop "
                         f"{data['program_version']}"), styles["Normal"]),
        Spacer(1, 12),
    ]
    labels = {
        "municipality_code": catalogs.municipalities, "mode_code": catalogs.consultation_modes,
        "agency_code": catalogs.partner_agencies, "status_code": catalogs.residence_statuses,
        "recipient_agency_code": catalogs.partner_agencies,
        "field_of_action_code": catalogs.fields_of_action,
        "closure_reason_code": catalogs.closure_reasons,
    }

    def lines(record: dict[str, Any]) -> list[Any]:
        out = []
        for key, value in record.items():
            if key in {"id", "deleted_at", "search_key", "phonetic_key", "content"} or value in (
                None, "", []
            ):
                continue
            shown = labels[key].label(value) if key in labels else value
            out.append(Paragraph(f"<b>{escape(key)}</b>: {escape(str(shown))}", styles["Normal"]))
        return out

    story.append(Paragraph("Person", styles["Heading3"]))
    story += lines(client)
    for name, records in data.items():
        if not isinstance(records, list) or not records:
            continue
        story.append(Paragraph(escape(f"{name} ({len(records)})"), styles["Heading3"]))
        for record in records:
            story += lines(record)
            story.append(Spacer(1, 6))
    document.build(story)
    return buffer.getvalue()


def export_client(session: Session, *, client_id: str, format: str, out: Path) -> Path:
    """Writes the client's Art. 15 export as ``json`` or ``pdf`` to ``out`` and logs it.
    The file holds plaintext personal data: it goes where the user chose, nowhere else."""
    if format not in EXPORT_FORMATS:
        raise DomainError("invalid_value", field="Format")
    data = client_export(session, client_id=client_id)
    content = export_json(data) if format == "json" else export_pdf(session, data)
    with write(session):
        client = live_client(session, client_id)
        audit(session, action="export", record=client, detail=f"art15_{format}")
        out.write_bytes(content)
    return out

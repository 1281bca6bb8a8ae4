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
from kim_desktop.core.fields import Field, Kind, fields_of
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
from kim_protocol.catalogs import Catalogs

EXPORT_FORMATS = ("json", "pdf")
#: The export's groups of records: their kind and their title in the PDF.
GROUPS = {
    "household_members": ("household_member", "Haushalt"),
    "residence_status_periods": ("residence_status_period", "Aufenthaltsstatus"),
    "consents": ("consent", "Einwilligungen und Schweigepflichtentbindungen"),
    "cases": ("case_record", "Fälle"),
    "case_phase_changes": ("case_phase_change", "Phasenverlauf"),
    "needs_assessments": ("needs_assessment", "Bedarfe"),
    "goals": ("goal", "Ziele"),
    "measures": ("measure", "Maßnahmen"),
    "consultations": ("consultation", "Beratungskontakte"),
    "referrals": ("referral", "Vermittlungen"),
    "follow_ups": ("follow_up", "Wiedervorlagen"),
    "attachments": ("attachment", "Anhänge"),
}
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
    """A readable PDF of the export: one section per kind, each field by its declared label,
    codes by their catalog's or choice's words."""
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
    def lines(kind: str, record: dict[str, Any]) -> list[Any]:
        out = []
        for name, spec in fields_of(kind).items():
            value = record.get(name)
            if spec.kind == Kind.RECORD or value in (None, "", []):
                continue
            text = _shown(catalogs, spec, value)
            out.append(Paragraph(f"<b>{escape(spec.label)}</b>: {escape(text)}",
                                 styles["Normal"]))
        return out

    story.append(Paragraph("Person", styles["Heading3"]))
    story += lines("client", client)
    for name, (kind, title) in GROUPS.items():
        records = data.get(name) or []
        if not records:
            continue
        story.append(Paragraph(escape(f"{title} ({len(records)})"), styles["Heading3"]))
        for record in records:
            story += lines(kind, record)
            story.append(Spacer(1, 6))
    access_log = data.get("access_log") or []
    if access_log:
        story.append(Paragraph(escape(f"Zugriffe ({len(access_log)})"), styles["Heading3"]))
        for event in access_log:
            story.append(Paragraph(escape(
                f"{event['at'][:16].replace('T', ' ')} {event['user']}: {event['action']} "
                f"({event['kind']})"), styles["Normal"]))
    document.build(story)
    return buffer.getvalue()


def _shown(catalogs: Catalogs, spec: Field, value: Any) -> str:
    """A stored value in German words: catalog entries and choices by name, dates as
    DD.MM.YYYY, yes and no."""
    if spec.kind == Kind.CATALOG:
        return catalogs[spec.catalog].label(str(value))
    if spec.kind == Kind.CODES and isinstance(value, list):
        return ", ".join(catalogs[spec.catalog].label(str(code)) for code in value)
    if spec.kind == Kind.CHOICE and spec.choices is not None and value in set(spec.choices):
        return spec.choices(value).label
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if spec.kind == Kind.DATE:
        return dt.date.fromisoformat(str(value)).strftime("%d.%m.%Y")
    if spec.kind == Kind.MOMENT:
        return dt.datetime.fromisoformat(str(value)).astimezone().strftime("%d.%m.%Y %H:%M")
    return str(value)


def export_client(session: Session, *, client_id: str, format: str, out: Path) -> Path:
    """Writes the client's Art. 15 export as ``json`` or ``pdf`` to ``out`` and logs it.
    The file holds plaintext personal data: it goes where the user chose, nowhere else."""
    if format not in EXPORT_FORMATS:
        raise DomainError("invalid_value", field="export.format")
    data = client_export(session, client_id=client_id)
    content = export_json(data) if format == "json" else export_pdf(session, data)
    with write(session):
        client = live_client(session, client_id)
        audit(session, action="export", record=client, detail=f"art15_{format}")
        out.write_bytes(content)
    return out

"""The office-wide audit log for the office admin and the data-protection officer: who
viewed, changed, exported or erased which record, and when, with filters, and its export
as CSV or PDF (itself logged).

The log names records by kind and id and users by name; a person is found by the ids of
their records, so the view and the export hold no client's name.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import AuditEvent
from kim_desktop.core.services._base import current_user, ordered, require_admin, with_id, write
from kim_desktop.core.services.audit_log import ACTION_WORDS, action_word, kind_word
from kim_desktop.core.services.retention import records_of
from kim_protocol.export_text import pdf_text, spreadsheet_text

AUDIT_FORMATS = ("csv", "pdf")
#: The kind and id an export of the log itself is logged under.
LOG_KIND = "audit_log"
LOG_ID = "office"
MAX_EVENTS = 100_000


@dataclass(frozen=True)
class AuditFilter:
    """Which events: about a person (their id) and all their records, by a user, of an
    action, from ``since`` to ``until`` (whole days, local time), the newest ``limit``."""

    client_id: str = ""
    user: str = ""
    action: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 1000


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC)


def audit_events(session: Session, flt: AuditFilter) -> list[AuditEvent]:
    """The office's audit events that ``flt`` selects, newest first (office admins only)."""
    require_admin(session)
    ordered(flt.since, flt.until, earlier_field="audit.since", later_field="audit.until")
    if flt.action and flt.action not in ACTION_WORDS:
        raise DomainError("invalid_value", field="audit.action")
    if not 1 <= flt.limit <= MAX_EVENTS:
        raise DomainError("out_of_range", field="audit.limit", low=1, high=MAX_EVENTS)
    query = select(AuditEvent)
    if flt.client_id:
        ids = [flt.client_id] + [r.id for r in records_of(session, flt.client_id)]
        query = query.where(AuditEvent.record_id.in_(ids))
    if flt.user:
        query = query.where(AuditEvent.user == flt.user)
    if flt.action:
        query = query.where(AuditEvent.action == flt.action)
    if flt.since is not None:
        query = query.where(AuditEvent.at >= _local_midnight(flt.since))
    if flt.until is not None:
        query = query.where(AuditEvent.at < _local_midnight(flt.until + dt.timedelta(days=1)))
    return list(session.scalars(query.order_by(AuditEvent.at.desc()).limit(flt.limit)))


def audit_users(session: Session) -> list[str]:
    """Everyone the log names, for the user filter."""
    require_admin(session)
    return sorted(session.scalars(select(AuditEvent.user).distinct()))


HEADER = ("Zeitpunkt", "Benutzer*in", "Aktion", "Art", "Datensatz", "Angabe")


def _row(event: AuditEvent) -> tuple[str, ...]:
    at = event.at if event.at.tzinfo else event.at.replace(tzinfo=dt.UTC)
    return (f"{at.astimezone():%d.%m.%Y %H:%M:%S}", event.user, action_word(event.action),
            kind_word(event.record_kind), event.record_id, event.detail)


def audit_csv(events: list[AuditEvent]) -> bytes:
    """Semicolon-separated UTF-8 with BOM (as spreadsheets in Germany open it); no cell is a
    formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for event in events:
        writer.writerow([spreadsheet_text(cell) for cell in _row(event)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def audit_pdf(events: list[AuditEvent], flt: AuditFilter, *, by: str) -> bytes:
    """A table of the events; every stored text escaped, so nothing in it is markup."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from kim_desktop.core.services.export import pdf_fonts

    regular, bold = pdf_fonts()
    styles = getSampleStyleSheet()
    for style in (styles["Title"], styles["Normal"]):
        style.fontName = bold if style is styles["Title"] else regular
    small = styles["Normal"].clone("small", fontSize=8, leading=10)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), title="Protokoll der Zugriffe",
                                 author="KIM Desktop", lang="de-DE")
    chosen = [f"Person {flt.client_id}" if flt.client_id else "",
              f"Benutzer*in {flt.user}" if flt.user else "",
              f"Aktion {action_word(flt.action)}" if flt.action else "",
              f"von {flt.since:%d.%m.%Y}" if flt.since else "",
              f"bis {flt.until:%d.%m.%Y}" if flt.until else ""]
    summary = ", ".join(c for c in chosen if c) or "alle Einträge"
    rows = [[Paragraph(pdf_text(cell), small) for cell in HEADER]]
    rows += [[Paragraph(pdf_text(cell), small) for cell in _row(e)] for e in events]
    table = Table(rows, repeatRows=1, colWidths=[95, 90, 95, 95, 190, 200])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    document.build([
        Paragraph("Protokoll der Zugriffe", styles["Title"]),
        Paragraph(pdf_text(f"Erstellt am {dt.date.today():%d.%m.%Y} von "
                           f"{by}; Auswahl: {summary}; "
                           f"{len(events)} Einträge"), styles["Normal"]),
        table,
    ])
    return buffer.getvalue()


def export_audit(session: Session, *, flt: AuditFilter, format: str, out: Path) -> Path:
    """Writes the selected events as ``csv`` or ``pdf`` to ``out`` and logs the export."""
    if format not in AUDIT_FORMATS:
        raise DomainError("invalid_value", field="export.format")
    events = audit_events(session, flt)
    by = current_user(session)
    content = audit_csv(events) if format == "csv" else audit_pdf(events, flt, by=by)
    with write(session):
        event = AuditEvent(at=utcnow(), user=by, action="export",
                           record_kind=LOG_KIND, record_id=LOG_ID,
                           detail=f"{format} {len(events)}")
        with_id(event)
        session.add(event)
        out.write_bytes(content)
    return out

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
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS, utcnow
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import AuditEvent, Case, Client, Goal, Measure
from kim_desktop.core.services._base import current_user, period, require_admin, with_id, write
from kim_desktop.core.services.audit_log import ACTION_WORDS, action_word, kind_word
from kim_desktop.core.services.retention import records_of
from kim_desktop.core.storage import staged_private_files
from kim_protocol.export_text import pdf_text, spreadsheet_text

AUDIT_FORMATS = ("csv", "pdf")
#: Told of an export's progress: events done, of how many.
Progress = Callable[[int, int], None]
#: The kind and id an export of the log itself is logged under.
LOG_KIND = "audit_log"
LOG_ID = "office"
#: The most events the view reads at once; the export takes every event of the filter.
MAX_EVENTS = 100_000
#: The most events a PDF of the log holds (it takes some 3.5 ms an entry to build, so about
#: 20 s); a longer selection goes as CSV or in shorter periods.
MAX_PDF_EVENTS = 5_000
#: Events the export reads, and rows of the PDF's table it lays out, at a time.
EXPORT_CHUNK = 1_000
PDF_CHUNK = 250


#: The shortest beginning of a person's id that the filter takes: the six characters of the
#: file number the program shows ("Akte 3F2A1C").
SHORTEST_FILE_NUMBER = 6


@dataclass(frozen=True)
class AuditFilter:
    """Which events: about a person (their id, or its first characters, at least
    :data:`SHORTEST_FILE_NUMBER`, as in their file number) and all their records, by a user, of an
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
    """The office's audit events that ``flt`` selects, newest first, at most ``flt.limit``
    (office admins only)."""
    query = _selection(session, flt)
    if not 1 <= flt.limit <= MAX_EVENTS:
        raise DomainError("out_of_range", field="audit.limit", low=1, high=MAX_EVENTS)
    return list(session.scalars(_newest_first(query).limit(flt.limit)))


def _newest_first(query: Select[AuditEvent]) -> Select[AuditEvent]:
    return query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


def _selection(session: Session, flt: AuditFilter) -> Select[AuditEvent]:
    """Every event ``flt`` selects, whatever its ``limit``."""
    require_admin(session)
    period(flt.since, flt.until, earlier_field="audit.since", later_field="audit.until")
    if flt.action and flt.action not in ACTION_WORDS:
        raise DomainError("invalid_value", field="audit.action")
    query = select(AuditEvent)
    if flt.client_id:
        client_id = person_of_file_number(session, flt.client_id)
        ids = [client_id] + [r.id for r in records_of(session, client_id)]
        query = query.where(AuditEvent.record_id.in_(ids))
    if flt.user:
        query = query.where(AuditEvent.user == flt.user)
    if flt.action:
        query = query.where(AuditEvent.action == flt.action)
    if flt.since is not None:
        query = query.where(AuditEvent.at >= _local_midnight(flt.since))
    if flt.until is not None:
        query = query.where(AuditEvent.at < _local_midnight(flt.until + dt.timedelta(days=1)))
    return query


def person_of_file_number(session: Session, text: str) -> str:
    """The id of the one person (erased or not) whose id is ``text`` or begins with it;
    ``text`` may be the file number as the program shows it ("Akte 3F2A1C")."""
    wanted = text.split()[-1].lower() if text.split() else ""
    if "-" not in wanted and len(wanted) > 8:  # an id typed without its dashes
        wanted = f"{wanted[:8]}-{wanted[8:12]}-{wanted[12:16]}-{wanted[16:20]}-{wanted[20:]}"
        wanted = wanted.rstrip("-")
    if len(wanted) < SHORTEST_FILE_NUMBER:
        raise DomainError("file_number_short", shortest=SHORTEST_FILE_NUMBER)
    found = list(session.scalars(
        select(Client.id).where(Client.id.startswith(wanted, autoescape=True)).limit(2)))
    if not found:
        raise DomainError("not_found", kind="client")
    if len(found) > 1:
        raise DomainError("file_number_ambiguous")
    return found[0]


def record_owners(session: Session, events: list[AuditEvent]) -> dict[str, str]:
    """The person each event's record belongs to, by record id (their own events included);
    records of no person (structural gaps, the log itself) are left out."""
    by_kind: dict[str, set[str]] = {}
    for event in events:
        by_kind.setdefault(event.record_kind, set()).add(event.record_id)
    owners = {record_id: record_id for record_id in by_kind.pop("client", set())}
    case_of: dict[str, str] = {}
    for kind, ids in by_kind.items():
        model: Any = RECORD_KINDS.get(kind)
        if model is None:
            continue
        for chunk in _chunks(sorted(ids)):
            if hasattr(model, "client_id"):
                owners.update(session.execute(
                    select(model.id, model.client_id).where(model.id.in_(chunk))).all())
            elif hasattr(model, "case_id"):
                case_of.update(session.execute(
                    select(model.id, model.case_id).where(model.id.in_(chunk))).all())
            elif model is Measure:
                case_of.update(session.execute(
                    select(Measure.id, Goal.case_id).join(Goal, Goal.id == Measure.goal_id)
                    .where(Measure.id.in_(chunk))).all())
    for chunk in _chunks(sorted(set(case_of.values()))):
        client_of_case = dict(session.execute(
            select(Case.id, Case.client_id).where(Case.id.in_(chunk))).all())
        owners.update({record_id: client_of_case[case_id]
                       for record_id, case_id in case_of.items() if case_id in client_of_case})
    return owners


def _chunks(ids: list[str], size: int = 500) -> list[list[str]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def audit_users(session: Session) -> list[str]:
    """Everyone the log names, for the user filter."""
    require_admin(session)
    return sorted(session.scalars(select(AuditEvent.user).distinct()))


HEADER = ("Zeitpunkt", "Benutzer*in", "Aktion", "Art", "Datensatz", "Angabe", "Person")


def _row(event: AuditEvent, owners: Mapping[str, str]) -> tuple[str, ...]:
    at = event.at if event.at.tzinfo else event.at.replace(tzinfo=dt.UTC)
    return (f"{at.astimezone():%d.%m.%Y %H:%M:%S}", event.user, action_word(event.action),
            kind_word(event.record_kind), event.record_id, event.detail,
            owners.get(event.record_id, ""))


def audit_csv(events: list[AuditEvent], owners: Mapping[str, str] | None = None) -> bytes:
    """Semicolon-separated UTF-8 with BOM (as spreadsheets in Germany open it); no cell is a
    formula. ``owners`` (:func:`record_owners`) fills the last column, the person's id."""
    return _csv_header() + _csv_rows(events, owners or {})


def _csv_header() -> bytes:
    return ("\ufeff" + ";".join(HEADER) + "\r\n").encode("utf-8")


def _csv_rows(events: list[AuditEvent], owners: Mapping[str, str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for event in events:
        writer.writerow([spreadsheet_text(cell) for cell in _row(event, owners)])
    return buffer.getvalue().encode("utf-8")


def audit_pdf(events: list[AuditEvent], flt: AuditFilter, *, by: str,
              owners: Mapping[str, str] | None = None,
              progress: Progress | None = None) -> bytes:
    """A table of the events; every stored text escaped, so nothing in it is markup.
    ``progress(done, total)`` hears of every :data:`PDF_CHUNK` rows laid out."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Flowable, LongTable, Paragraph, SimpleDocTemplate, TableStyle

    from kim_desktop.core.services.export import pdf_fonts

    regular, bold = pdf_fonts()
    styles = getSampleStyleSheet()
    for style in (styles["Title"], styles["Normal"]):
        style.fontName = bold if style is styles["Title"] else regular
    small = styles["Normal"].clone("small", fontSize=7.5, leading=9.5)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=landscape(A4), title="Protokoll der Zugriffe",
                                 author="KIM Desktop", lang="de-DE", leftMargin=36,
                                 rightMargin=36)
    chosen = [f"Person {flt.client_id}" if flt.client_id else "",
              f"Benutzer*in {flt.user}" if flt.user else "",
              f"Aktion {action_word(flt.action)}" if flt.action else "",
              f"von {flt.since:%d.%m.%Y}" if flt.since else "",
              f"bis {flt.until:%d.%m.%Y}" if flt.until else ""]
    summary = ", ".join(c for c in chosen if c) or "alle Einträge"
    header = [Paragraph(pdf_text(cell), small) for cell in HEADER]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                        ("VALIGN", (0, 0), (-1, -1), "TOP")])
    # tables of a few pages each: one long table is laid out again at every page break
    tables: list[Flowable] = []
    for start in range(0, max(len(events), 1), PDF_CHUNK):
        rows = [header] + [[Paragraph(pdf_text(cell), small) for cell in _row(e, owners or {})]
                           for e in events[start:start + PDF_CHUNK]]
        tables.append(LongTable(rows, repeatRows=1, colWidths=[72, 60, 70, 65, 175, 140, 175],
                                style=style))
    entries = "1 Eintrag" if len(events) == 1 else f"{len(events)} Einträge"
    flowables: list[Flowable] = [
        Paragraph("Protokoll der Zugriffe", styles["Title"]),
        Paragraph(pdf_text(f"Erstellt am {dt.date.today():%d.%m.%Y} von "
                           f"{by}; Auswahl: {summary}; {entries}"), styles["Normal"]),
    ]
    before = len(flowables)

    def laid_out(kind: str, value: int) -> None:
        if kind == "PROGRESS" and progress is not None and value > before:
            progress(min(len(events), (value - before) * PDF_CHUNK), len(events))

    document.setProgressCallBack(laid_out)
    document.build(flowables + tables)
    return buffer.getvalue()


def export_audit(session: Session, *, flt: AuditFilter, format: str, out: Path,
                 progress: Progress | None = None) -> Path:
    """Writes every event ``flt`` selects (its ``limit`` is the view's) as ``csv`` or ``pdf``
    to ``out`` and logs the export. The CSV is read and written :data:`EXPORT_CHUNK` events at
    a time; a PDF of more than :data:`MAX_PDF_EVENTS` is refused with the count.
    ``progress(done, total)`` hears of each chunk; an exception from it (the user cancelled)
    stops the export, and then no file stays and nothing is logged."""
    if format not in AUDIT_FORMATS:
        raise DomainError("invalid_value", field="export.format")
    query = _selection(session, flt)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    if format == "pdf" and total > MAX_PDF_EVENTS:
        raise DomainError("audit_pdf_too_long", count=total, high=MAX_PDF_EVENTS)
    by = current_user(session)
    written = 0
    if progress is not None:
        progress(0, total)

    def csv_parts() -> Iterator[bytes]:
        nonlocal written
        yield _csv_header()
        for chunk in session.scalars(_newest_first(query).execution_options(
                yield_per=EXPORT_CHUNK)).partitions():
            events = list(chunk)
            yield _csv_rows(events, record_owners(session, events))
            written += len(events)
            if progress is not None:
                progress(written, total)

    def pdf() -> bytes:
        nonlocal written
        events = list(session.scalars(_newest_first(query)))
        written = len(events)
        return audit_pdf(events, flt, by=by, owners=record_owners(session, events),
                         progress=progress)

    with staged_private_files() as files:
        files.write(out, csv_parts() if format == "csv" else pdf())
        with write(session):
            event = AuditEvent(at=utcnow(), user=by, action="export",
                               record_kind=LOG_KIND, record_id=LOG_ID,
                               detail=f"{format} {written}")
            with_id(event)
            session.add(event)
        files.publish()
    return out

"""The steering group's report as a PDF, laid out like the quarterly report
(:mod:`sync_server.reports.exports.pdf_export`): every text reaches reportlab escaped
(:func:`~kim_protocol.export_text.pdf_text`) as a paragraph in its cell, so a title with
markup prints as text, and a long one wraps."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from kim_protocol.export_text import pdf_text
from sync_server.reports.exports import CLAIM, legend
from sync_server.reports.exports.pdf_export import (
    HEADER,
    PdfLayoutError,
    paragraph_styles,
    table_flowable,
)
from sync_server.steering.report import MeasureLine, SteeringReport, TopicLine

TOPIC_COLUMNS = ("Thema und freigegebene Fehlstellen", "Kommunen", "Fälle", "Stand",
                 "Projektgruppe")
MEASURE_COLUMNS = ("Thema", "Maßnahme", "Verantwortlich", "Fällig am", "Status", "Ergebnis",
                   "Abgeschlossen am")


def _grid(header: tuple[str, ...], rows: list[list[str | list[Paragraph]]],
          widths: list[float], style: ParagraphStyle) -> Table:
    """A table of escaped paragraphs (a cell given as paragraphs is taken as it is)."""
    def cell(value: str | list[Paragraph]) -> Paragraph | list[Paragraph]:
        return Paragraph(pdf_text(value), style) if isinstance(value, str) else value

    data = [[cell(text) for text in header]] + [[cell(value) for value in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return table


def _topics(rows: list[TopicLine], style: ParagraphStyle) -> Table:
    """Each topic's title in bold, its released gaps below it."""
    def title(topic: TopicLine) -> list[Paragraph]:
        return [Paragraph(f"<b>{pdf_text(topic.title)}</b>", style),
                *(Paragraph(pdf_text(f"– {g.description} ({g.municipality}, {g.cases} Fälle)"),
                            style) for g in topic.gaps)]

    return _grid(TOPIC_COLUMNS,
                 [[title(t), t.municipalities, t.cases, t.state, t.project_group] for t in rows],
                 [7.4 * cm, 3 * cm, 1.4 * cm, 2.4 * cm, 2.8 * cm], style)


def _measures(rows: list[MeasureLine], style: ParagraphStyle) -> Table:
    return _grid(MEASURE_COLUMNS,
                 [[m.topic, m.action, m.responsible, m.due_on, m.status, m.outcome,
                   m.completed_on] for m in rows],
                 [2.4 * cm, 3 * cm, 3 * cm, 1.9 * cm, 1.9 * cm, 2.6 * cm, 2.2 * cm], style)


def render_pdf(report: SteeringReport, *, threshold: int) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=report.title, author="KIM Koordination",
        leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm, bottomMargin=1.8 * cm,
    )
    styles = paragraph_styles()
    small, body = styles["small"], styles["body"]
    story: list[object] = [
        Paragraph(pdf_text(report.title), styles["title"]),
        Paragraph(pdf_text(report.description), body),
        Spacer(1, 0.3 * cm),
        Paragraph(pdf_text(legend(threshold)), body),
        Paragraph(pdf_text(CLAIM), body),
        Paragraph("Die Fälle eines Themas sind die Summe der überlagerten Fallzahlen seiner "
                  "Fehlstellen.", body),
        Paragraph("Kennzahlen", styles["h1"]),
    ]
    for table in report.key_figures:
        story += [table_flowable(table, styles), Spacer(1, 0.2 * cm)]
    story.append(_grid(("Themen und Maßnahmen", "Anzahl"),
                       [[label, str(n)] for label, n in report.steering_figures],
                       [11.5 * cm, 5.5 * cm], small))

    story.append(Paragraph("Themen nach Handlungsfeld", styles["h1"]))
    if not report.fields:
        story.append(Paragraph("Keine Themen.", body))
    for field, listed in report.fields:
        story += [Paragraph(pdf_text(field), styles["h2"]), _topics(listed, small),
                  Spacer(1, 0.3 * cm)]

    for heading, lines, empty in (
            ("Fällige Maßnahmen", report.due,
             "Keine offene Maßnahme ist bis zum Ende des Zeitraums fällig."),
            ("Abgeschlossene Maßnahmen", report.completed,
             "Im Zeitraum wurde keine Maßnahme abgeschlossen.")):
        story.append(Paragraph(heading, styles["h1"]))
        story.append(_measures(lines, small) if lines else Paragraph(empty, body))

    story.append(Paragraph("Vor Ort nicht lösbar (an das Land)", styles["h1"]))
    if not report.not_solvable:
        story.append(Paragraph("Kein Thema ist als vor Ort nicht lösbar festgehalten.", body))
    for topic, said_so in report.not_solvable:
        story += [Paragraph(pdf_text(topic.title), styles["h2"]),
                  Paragraph(pdf_text(f"{topic.field_of_action}; Kommunen: "
                                     f"{topic.municipalities}; Fälle: {topic.cases}"), small),
                  _measures(said_so, small), Spacer(1, 0.3 * cm)]
    try:
        document.build(story)
    except LayoutError as error:
        raise PdfLayoutError() from error
    return buffer.getvalue()

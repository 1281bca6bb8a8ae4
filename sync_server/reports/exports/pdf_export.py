"""The PDF quarterly report for the steering group (Lenkungsgruppe), with reportlab.

A title block with period and legend, then per view its tables and, where a table has one,
a bar chart drawn with reportlab's own graphics (hidden bars are left out, their label
says "<5", as on the pages), and the released structural gaps. Every text reaches
reportlab escaped (:func:`~kim_protocol.export_text.pdf_text`): paragraphs parse
markup, and stored text must never become an image, a link or a font change.

Every stored text sits in a cell as a paragraph, and a table row taller than a page splits
within the row (``splitInRow``): a released gap's description may be 4,000 characters, and a
database may hold longer ones. Should reportlab still fail to lay a page out,
:class:`PdfLayoutError` says so in German.
"""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import LayoutError

from kim_protocol.export_text import clean, pdf_text
from sync_server.reports.exports import (
    ALL_HIDDEN,
    GAP_COLUMNS,
    GAPS_CAPTION,
    GAPS_TITLE,
    Report,
    gap_row,
    legend,
)
from sync_server.reports.tables import ChartKind, ReportTable

BAR = colors.HexColor("#1f5f8b")
HEADER = colors.HexColor("#dce6f0")


class PdfLayoutError(Exception):
    """The report's content cannot be laid out as a PDF; the message is German."""

    def __init__(self) -> None:
        super().__init__(
            "Der PDF-Bericht lässt sich mit diesen Daten nicht setzen. Bitte die Auswertung "
            "als XLSX oder CSV exportieren."
        )


def paragraph_styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": base["Title"],
        "h1": base["Heading1"],
        "h2": base["Heading3"],
        "body": base["BodyText"],
        "small": ParagraphStyle("small", parent=base["BodyText"], fontSize=8, leading=10),
    }


def _bar_drawing(table: ReportTable, column: int) -> Drawing:
    cells = table.column(column)
    row_height, label_width, plot_width = 16, 150, 250
    height = row_height * len(cells) + 10
    drawing = Drawing(label_width + plot_width + 40, height)
    top = max((c.public_value or 0) for c in cells) or 1
    for index, (label, cell) in enumerate(zip(table.row_labels, cells, strict=True)):
        y = height - (index + 1) * row_height
        label = clean(label)
        short = label if len(label) <= 32 else label[:31] + "…"
        drawing.add(String(label_width - 4, y + 4, short, fontSize=8, textAnchor="end"))
        width = 0.0 if cell.public_value is None else plot_width * cell.public_value / top
        if width > 0:
            drawing.add(Rect(label_width, y + 2, width, row_height - 5, fillColor=BAR,
                             strokeColor=None))
        text = cell.display(table.threshold, grouped=True)
        drawing.add(String(label_width + width + 3, y + 4, text, fontSize=8))
    drawing.add(Line(label_width, 0, label_width, height, strokeColor=colors.grey))
    return drawing


def _column_drawing(table: ReportTable, column: int) -> Drawing:
    """Months side by side in a fixed-size box, however long the period."""
    cells = table.column(column)
    width, height, bottom, left = 440, 150, 18, 30
    drawing = Drawing(width, height)
    highest = max((c.public_value or 0) for c in cells)
    top = highest or 1
    step = (width - left) / max(len(cells), 1)
    drawing.add(String(0, height - 8, f"{table.column_labels[column]} (max. {highest})",
                       fontSize=8))
    for index, cell in enumerate(cells):
        x = left + index * step
        if cell.public_value:
            bar = (height - bottom - 14) * cell.public_value / top
            drawing.add(Rect(x + step * 0.1, bottom, step * 0.8, bar, fillColor=BAR,
                             strokeColor=None))
    every = max(1, len(cells) // 8)
    for index, label in enumerate(table.row_labels):
        if index % every == 0:
            drawing.add(String(left + index * step, 4, clean(label), fontSize=7))
    drawing.add(Line(left, bottom, width, bottom, strokeColor=colors.grey))
    return drawing


def table_flowable(table: ReportTable, styles: dict[str, ParagraphStyle]) -> Table:
    small = styles["small"]
    data = [[Paragraph(pdf_text(text), small) for text in table.header()]]
    data += [[Paragraph(pdf_text(row[0]), small), *row[1:]]
             for row in table.display_rows(grouped=True)]
    first_width = 5.5 * cm
    rest = (17 * cm - first_width) / max(len(table.header()) - 1, 1)
    flowable = Table(data, colWidths=[first_width] + [rest] * (len(table.header()) - 1),
                     repeatRows=1, splitInRow=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if table.has_column_totals:
        style.append(("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"))
    flowable.setStyle(TableStyle(style))
    return flowable


def _gaps_flowables(report: Report, styles: dict[str, ParagraphStyle]) -> list[object]:
    story: list[object] = [Paragraph(GAPS_TITLE, styles["h1"]),
                           Paragraph(pdf_text(GAPS_CAPTION) + ".", styles["small"]),
                           Spacer(1, 0.15 * cm)]
    if not report.gaps:
        story.append(Paragraph("Keine freigegebenen Fehlstellen für diese Auswahl.",
                               styles["body"]))
        return story
    small = styles["small"]
    data = [[Paragraph(pdf_text(text), small) for text in GAP_COLUMNS]]
    data += [[Paragraph(pdf_text(text), small) for text in gap_row(gap)] for gap in report.gaps]
    widths = [1 * cm, 6 * cm, 2.2 * cm, 2.2 * cm, 1.8 * cm, 1.1 * cm, 1.7 * cm, 1.7 * cm]
    flowable = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    flowable.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story.append(flowable)
    return story


def render_pdf(report: Report, *, title: str, description: str, threshold: int) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="KIM Koordination",
        leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm, bottomMargin=1.8 * cm,
    )
    styles = paragraph_styles()
    story: list[object] = [
        Paragraph(pdf_text(title), styles["title"]),
        Paragraph(pdf_text(description), styles["body"]),
        Spacer(1, 0.3 * cm),
        Paragraph(pdf_text(legend(threshold)), styles["body"]),
        Paragraph(
            "Die Zahlen beruhen auf pseudonymisierten Berichtsdaten der Büros. Vorprüfungen zu "
            "Baustein III sind keine Entscheidungen.", styles["body"],
        ),
    ]
    story.append(Spacer(1, 0.6 * cm))
    for index, (view, tables) in enumerate(report.views):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(pdf_text(view.title), styles["h1"]))
        for table in tables:
            block: list[object] = [
                Paragraph(pdf_text(table.title), styles["h2"]),
                Paragraph(pdf_text(table.caption), styles["small"]),
                Spacer(1, 0.15 * cm),
            ]
            if table.row_labels:
                block.append(table_flowable(table, styles))
                column = table.chart_columns[0]
                if table.chart is not None and table.chart_hidden:
                    block += [Spacer(1, 0.2 * cm), Paragraph(
                        pdf_text(ALL_HIDDEN.format(threshold=table.threshold)), styles["small"])]
                elif table.chart is ChartKind.LINE:
                    block += [Spacer(1, 0.2 * cm), _column_drawing(table, column)]
                elif table.chart is ChartKind.BAR and len(table.row_labels) <= 40:
                    block += [Spacer(1, 0.2 * cm), _bar_drawing(table, column)]
            else:
                block.append(Paragraph("Keine Daten im gewählten Zeitraum.", styles["body"]))
            block += [Paragraph(pdf_text(n), styles["small"]) for n in table.notes]
            block.append(Spacer(1, 0.4 * cm))
            # Long tables (many months) may break across pages; short ones stay together.
            if len(table.row_labels) > 30:
                story.extend(block)
            else:
                story.append(KeepTogether(block))
    story += [PageBreak(), *_gaps_flowables(report, styles)]
    try:
        document.build(story)
    except LayoutError as error:
        raise PdfLayoutError() from error
    return buffer.getvalue()

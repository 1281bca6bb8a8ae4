"""The steering group's report as XLSX: "Hinweise", "Kennzahlen", "Themen", "Maßnahmen" and
"Nicht vor Ort lösbar". Every text passes :func:`~kim_protocol.export_text.spreadsheet_text`
(:func:`~sync_server.reports.exports.xlsx_export.put`), so no title becomes a formula; counts
shown as "<5" stay text."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sync_server.reports.exports import CLAIM, legend
from sync_server.reports.exports.xlsx_export import BOLD, HEADER_FILL, put, write_table
from sync_server.steering.report import MeasureLine, SteeringReport

MEASURE_COLUMNS = ("Thema", "Maßnahme", "Verantwortlich", "Fällig am", "Status", "Ergebnis",
                   "Abgeschlossen am")
TOPIC_COLUMNS = ("Handlungsfeld", "Thema", "Kommunen", "Fälle", "Stand", "Projektgruppe",
                 "Freigegebene Fehlstellen")


def _rows(sheet: Worksheet, top: int, header: tuple[str, ...],
          rows: Sequence[Sequence[str | int]], empty: str) -> int:
    """A header and its rows from row ``top``; returns the first free row after them."""
    for column, text in enumerate(header, start=1):
        cell = put(sheet, top, column, text)
        cell.font, cell.fill = BOLD, HEADER_FILL
    if not rows:
        put(sheet, top + 1, 1, empty)
        return top + 3
    for number, row in enumerate(rows, start=top + 1):
        for column, value in enumerate(row, start=1):
            put(sheet, number, column, value).alignment = Alignment(wrap_text=True,
                                                                   vertical="top")
    return top + len(rows) + 2


def _widths(sheet: Worksheet, widths: tuple[int, ...]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _measure_row(m: MeasureLine) -> list[str]:
    return [m.topic, m.action, m.responsible, m.due_on, m.status, m.outcome, m.completed_on]


def render_xlsx(report: SteeringReport, *, threshold: int) -> bytes:
    workbook = Workbook()
    info = workbook.active
    assert info is not None
    info.title = "Hinweise"
    put(info, 1, 1, report.title).font = Font(bold=True, size=14)
    put(info, 2, 1, report.description)
    put(info, 3, 1, legend(threshold))
    put(info, 4, 1, CLAIM)
    put(info, 5, 1, "Die Fälle eines Themas sind die Summe der überlagerten Fallzahlen seiner "
                    "Fehlstellen.")
    info.column_dimensions["A"].width = 100

    figures = workbook.create_sheet("Kennzahlen")
    top = 1
    for table in report.key_figures:
        top = write_table(figures, table, top)
    _rows(figures, top, ("Themen und Maßnahmen", "Anzahl"),
          [[label, n] for label, n in report.steering_figures], "")
    _widths(figures, (44, 18))

    listed = workbook.create_sheet("Themen")
    _rows(listed, 1, TOPIC_COLUMNS,
          [[field, t.title, t.municipalities, t.cases, t.state, t.project_group,
            "\n".join(f"{g.description} ({g.municipality}, {g.cases} Fälle)" for g in t.gaps)]
           for field, topics in report.fields for t in topics], "Keine Themen.")
    _widths(listed, (24, 40, 24, 8, 22, 24, 70))

    sheet = workbook.create_sheet("Maßnahmen")
    put(sheet, 1, 1, "Fällige Maßnahmen").font = Font(bold=True, size=13)
    top = _rows(sheet, 2, MEASURE_COLUMNS, [_measure_row(m) for m in report.due],
                "Keine offene Maßnahme ist bis zum Ende des Zeitraums fällig.")
    put(sheet, top, 1, "Abgeschlossene Maßnahmen").font = Font(bold=True, size=13)
    _rows(sheet, top + 1, MEASURE_COLUMNS, [_measure_row(m) for m in report.completed],
          "Im Zeitraum wurde keine Maßnahme abgeschlossen.")
    _widths(sheet, (30, 40, 24, 12, 16, 40, 16))

    land = workbook.create_sheet("Nicht vor Ort lösbar")
    _rows(land, 1, ("Thema", "Handlungsfeld", "Kommunen", "Fälle", *MEASURE_COLUMNS[1:]),
          [[topic.title, topic.field_of_action, topic.municipalities, topic.cases,
            *_measure_row(m)[1:]] for topic, said_so in report.not_solvable for m in said_so],
          "Kein Thema ist als vor Ort nicht lösbar festgehalten.")
    _widths(land, (30, 24, 24, 8, 40, 24, 12, 16, 40, 16))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

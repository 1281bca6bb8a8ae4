"""XLSX: one sheet per view, each table with its caption and a native Excel chart.

Hidden cells are written as the text "<5", never as numbers; a chart reads them as
gaps, so it shows no more than the table. The released gaps get a sheet of their own. Every
text passes :func:`~kim_protocol.export_text.spreadsheet_text`: no formula, no control
character.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kim_protocol.export_text import spreadsheet_text
from sync_server.reports.exports import (
    ALL_HIDDEN,
    CLAIM,
    GAP_COLUMNS,
    GAPS_CAPTION,
    GAPS_TITLE,
    Report,
    gap_row,
    legend,
)
from sync_server.reports.tables import ChartKind, ReportTable

HEADER_FILL = PatternFill("solid", fgColor="DCE6F0")
BOLD = Font(bold=True)


def put(sheet: Worksheet, row: int, column: int, value: str | int) -> Cell:
    """Writes one cell; text is written so that no spreadsheet evaluates it."""
    cell: Cell = sheet.cell(row, column, spreadsheet_text(value) if isinstance(value, str)
                            else value)
    return cell


def write_table(sheet: Worksheet, table: ReportTable, top: int) -> int:
    """Writes one table from row ``top``; returns the first free row after it and its chart."""
    put(sheet, top, 1, table.title).font = Font(bold=True, size=13)
    put(sheet, top + 1, 1, table.caption).alignment = Alignment(wrap_text=False)
    header_row = top + 2
    for column, text in enumerate(table.header(), start=1):
        cell = put(sheet, header_row, column, text)
        cell.font = BOLD
        cell.fill = HEADER_FILL
    row_number = header_row
    cells_by_row = []
    for index, label in enumerate(table.row_labels):
        cells = list(table.grid.cells[index])
        if table.grid.row_totals is not None:
            cells.append(table.grid.row_totals[index])
        cells_by_row.append((label, cells, False))
    totals = table.total_cells()
    if totals is not None:
        cells_by_row.append(("Summe", totals, True))
    for label, cells, is_total in cells_by_row:
        row_number += 1
        put(sheet, row_number, 1, label).font = Font(bold=is_total)
        for column, cell in enumerate(cells, start=2):
            value = cell.display(table.threshold) if cell.hidden else cell.value
            target = put(sheet, row_number, column, value)
            target.alignment = Alignment(horizontal="right")
            if is_total:
                target.font = BOLD
    last_data_row = header_row + len(table.row_labels)
    for note in table.notes:
        row_number += 1
        put(sheet, row_number, 1, note).font = Font(italic=True)
    if table.chart is not None and table.row_labels and table.chart_hidden:
        row_number += 2
        put(sheet, row_number, 1, ALL_HIDDEN.format(threshold=table.threshold))
    elif table.chart is not None and table.row_labels:
        _add_chart(sheet, table, header_row, last_data_row, row_number + 2)
        row_number += 18
    return row_number + 3


def _add_chart(
    sheet: Worksheet, table: ReportTable, header_row: int, last_row: int, anchor_row: int
) -> None:
    chart: BarChart | LineChart
    if table.chart is ChartKind.LINE:
        chart = LineChart()
        chart.y_axis.title = "Anzahl"
    else:
        chart = BarChart()
        chart.type = "bar"
    chart.title = table.title
    chart.height, chart.width = 8, 18
    for column in table.chart_columns:
        data = Reference(
            sheet, min_col=column + 2, max_col=column + 2, min_row=header_row, max_row=last_row
        )
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last_row))
    sheet.add_chart(chart, f"A{anchor_row}")


def _write_gaps(sheet: Worksheet, report: Report) -> None:
    put(sheet, 1, 1, GAPS_TITLE).font = Font(bold=True, size=13)
    put(sheet, 2, 1, GAPS_CAPTION)
    for column, text in enumerate(GAP_COLUMNS, start=1):
        cell = put(sheet, 3, column, text)
        cell.font = BOLD
        cell.fill = HEADER_FILL
    if not report.gaps:
        put(sheet, 4, 1, "Keine freigegebenen Fehlstellen für diese Auswahl.")
    for row, gap in enumerate(report.gaps, start=4):
        for column, text in enumerate(gap_row(gap), start=1):
            put(sheet, row, column, text).alignment = Alignment(wrap_text=column == 2,
                                                                 vertical="top")
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 70
    for column in range(3, len(GAP_COLUMNS) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 20


def render_xlsx(report: Report, *, description: str, threshold: int) -> bytes:
    workbook = Workbook()
    info = workbook.active
    assert info is not None
    info.title = "Hinweise"
    put(info, 1, 1, "KIM Auswertung für die Koordination").font = Font(bold=True, size=14)
    put(info, 2, 1, description)
    put(info, 3, 1, legend(threshold))
    put(info, 4, 1, CLAIM)
    info.column_dimensions["A"].width = 100
    for view, tables in report.views:
        sheet = workbook.create_sheet(view.title[:31].replace(":", ""))
        top = 1
        for table in tables:
            top = write_table(sheet, table, top)
        sheet.column_dimensions["A"].width = 34
        for column in range(2, 12):
            sheet.column_dimensions[get_column_letter(column)].width = 18
    _write_gaps(workbook.create_sheet(GAPS_TITLE), report)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

"""CSV: one long table (period, municipality, view, table, row, column, value).

Semicolon-separated and UTF-8 with byte-order mark, so German Excel opens it directly; the
long shape suits any later import (e.g. the Land's database). Values are exactly what the
pages show: numbers or "<5". The released gaps follow as table "Strukturelle
Fehlstellen", one row per gap and column. No cell begins a formula.
"""

from __future__ import annotations

import csv
import io

from kim_protocol.export_text import spreadsheet_text
from sync_server.reports.exports import GAP_COLUMNS, GAPS_TITLE, Report, gap_row
from sync_server.reports.filters import ReportFilter


def render_csv(report: Report, flt: ReportFilter, *, municipality_label: str | None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def write(*cells: str) -> None:
        writer.writerow([spreadsheet_text(cell) for cell in cells])

    write("von", "bis", "Kommune", "Ansicht", "Tabelle", "Zeile", "Spalte", "Wert")
    scope = [flt.start.isoformat(), flt.end.isoformat(), municipality_label or "Kreis gesamt"]
    for view, tables in report.views:
        for table in tables:
            header = table.header()
            for row in table.display_rows():
                for column, value in zip(header[1:], row[1:], strict=True):
                    write(*scope, view.title, table.title, row[0], column, value)
    for gap in report.gaps:
        values = gap_row(gap)
        for column, value in zip(GAP_COLUMNS[1:], values[1:], strict=True):
            write(*scope, GAPS_TITLE, GAPS_TITLE, values[0], column, value)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")

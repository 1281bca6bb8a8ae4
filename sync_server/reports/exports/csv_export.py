"""CSV: one long table (period, municipality, view, table, row, column, value).

Semicolon-separated and UTF-8 with byte-order mark, so German Excel opens it directly; the
long shape suits any later import (e.g. the Land's database). Values are exactly what the
pages show: numbers, "<5" or "x".
"""

from __future__ import annotations

import csv
import io

from sync_server.reports.exports import Report
from sync_server.reports.filters import ReportFilter


def render_csv(report: Report, flt: ReportFilter, *, municipality_label: str | None) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["von", "bis", "Kommune", "Ansicht", "Tabelle", "Zeile", "Spalte", "Wert"])
    scope = [flt.start.isoformat(), flt.end.isoformat(), municipality_label or "Kreis gesamt"]
    for view, tables in report:
        for table in tables:
            header = table.header()
            for row in table.display_rows():
                for column, value in zip(header[1:], row[1:], strict=True):
                    writer.writerow([*scope, view.title, table.title, row[0], column, value])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")

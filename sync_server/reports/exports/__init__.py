"""Exports of the report views: CSV, XLSX with native charts, and the PDF quarterly report.

All of them render the same suppressed :class:`~sync_server.reports.tables.ReportTable`
objects as the pages, so a hidden cell is hidden everywhere.
"""

from __future__ import annotations

from sync_server.reports.tables import ReportTable
from sync_server.reports.views import View

#: What every export receives: each view with its tables.
Report = list[tuple[View, list[ReportTable]]]

LEGEND = (
    "„<{threshold}“: weniger als {threshold} Fälle (zum Schutz der Personen ausgeblendet). "
    "„x“: ausgeblendet, damit sich kein kleiner Wert aus Summen zurückrechnen lässt."
)

FORMATS = ("xlsx", "csv", "pdf")
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}

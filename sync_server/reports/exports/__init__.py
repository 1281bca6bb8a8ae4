"""Exports of the report views: CSV, XLSX with native charts, and the PDF quarterly report.

All of them render the same published :class:`~sync_server.reports.tables.ReportTable`
objects as the pages, so a hidden cell is hidden everywhere, and the released structural gaps
as the board shows them. Every stored text passes :mod:`~kim_protocol.export_text`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sync_server.dashboard.board import BoardEntry
from sync_server.reports.perturbation import MAX_DEVIATION
from sync_server.reports.tables import ReportTable
from sync_server.reports.views import View

_LEGEND = (
    "„<{threshold}“: zum Schutz der Personen ausgeblendet; dahinter stehen 1 bis {hidden_max} "
    "Personen (bei Beratungskontakten, Minuten, Vermittlungen und Zielen: weniger als "
    "{threshold} Personen oder eine Summe unter {threshold}). Alle Zahlen sind nach der "
    "Cell-Key-Methode leicht überlagert (Fallzahlen um höchstens ±{deviation}, Summen um "
    "höchstens {deviation} durchschnittliche Beiträge); jede Summe ist eigens überlagert, daher "
    "ergeben Zeilen und Spalten nicht immer genau die Summe."
)
#: What the figures allow and what not (docs/reporting.md §3, "What a coordinator may conclude").
CLAIM = (
    "Pseudonymisierte, überlagerte Daten: Die Zahlen zeigen Größenordnungen und Entwicklungen; "
    f"eine einzelne kleine Zahl kann um bis zu {MAX_DEVIATION} vom wahren Wert abweichen. Aus "
    "den Angaben lässt sich nicht ablesen, ob und wie eine bestimmte Person erfasst ist."
)


def legend(threshold: int) -> str:
    """The reports' legend for ``threshold``, from the p-table's bound: a count shown as hidden
    can be as large as the threshold plus the most noise, less one."""
    return _LEGEND.format(threshold=threshold, deviation=MAX_DEVIATION,
                          hidden_max=threshold + MAX_DEVIATION - 1)


#: Instead of a chart whose every value is hidden: an empty plot would say nothing.
ALL_HIDDEN = ("Die Zahlen sind zu klein, um sie als Diagramm zu zeigen: jede liegt unter "
              "{threshold} und ist zum Schutz der Personen ausgeblendet.")
GAPS_TITLE = "Strukturelle Fehlstellen"
GAPS_CAPTION = ("Von den Case-Manager*innen freigegebene, anonymisierte Fehlstellen, geordnet "
                "nach der Zahl der Fälle, in denen sie beobachtet wurden")
GAP_COLUMNS = ("Rang", "Beschreibung", "Kategorie", "Handlungsfeld", "Kommune", "Fälle",
               "Freigegeben", "Status")


@dataclass(frozen=True)
class Report:
    """What every export receives: each view with its tables, and the released gaps."""

    views: list[tuple[View, list[ReportTable]]]
    gaps: list[BoardEntry]


def gap_row(gap: BoardEntry) -> list[str]:
    """One gap as the texts of :data:`GAP_COLUMNS`."""
    return [str(gap.rank), gap.description, gap.category, gap.field_of_action,
            gap.municipality, gap.cases, gap.released_on, gap.status_label]


FORMATS = ("xlsx", "csv", "pdf")
MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}

"""The one shape every report view takes: a captioned table of published cells.

Pages, CSV, XLSX and PDF all render :class:`ReportTable`. Its cells are already perturbed or
hidden (:mod:`~sync_server.reports.cells`): no renderer ever sees a true count. Totals are
cells of their own, perturbed on their own, so rows and columns need not add up exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sync_server.reports.cells import Cell, Entry, publish


class ChartKind(StrEnum):
    BAR = "bar"
    LINE = "line"


@dataclass(frozen=True)
class Grid:
    """``cells[i][j]`` plus, where the table has them, its totals."""

    cells: list[list[Cell]]
    row_totals: list[Cell] | None
    column_totals: list[Cell] | None
    grand_total: Cell | None
    threshold: int


@dataclass(frozen=True)
class ReportTable:
    slug: str
    title: str
    caption: str
    row_heading: str
    row_labels: list[str]
    column_labels: list[str]
    grid: Grid
    chart: ChartKind | None = None
    #: Which columns the chart shows (bar charts use the first).
    chart_columns: tuple[int, ...] = (0,)
    notes: list[str] = field(default_factory=list)

    @property
    def threshold(self) -> int:
        return self.grid.threshold

    @property
    def has_row_totals(self) -> bool:
        return self.grid.row_totals is not None

    @property
    def has_column_totals(self) -> bool:
        return self.grid.column_totals is not None

    def header(self) -> list[str]:
        return [self.row_heading, *self.column_labels] + (["Summe"] if self.has_row_totals else [])

    def display_rows(self, *, grouped: bool = False) -> list[list[str]]:
        """Every row as text, the totals row included: what a person may see."""
        rows = []
        for index, label in enumerate(self.row_labels):
            cells = list(self.grid.cells[index])
            if self.grid.row_totals is not None:
                cells.append(self.grid.row_totals[index])
            rows.append([label, *(c.display(self.threshold, grouped=grouped) for c in cells)])
        totals = self.total_cells()
        if totals is not None:
            rows.append(["Summe", *(c.display(self.threshold, grouped=grouped) for c in totals)])
        return rows

    def total_cells(self) -> list[Cell] | None:
        if self.grid.column_totals is None:
            return None
        cells = list(self.grid.column_totals)
        if self.grid.grand_total is not None:
            cells.append(self.grid.grand_total)
        return cells

    def column(self, index: int) -> list[Cell]:
        return [row[index] for row in self.grid.cells]

    @property
    def chart_hidden(self) -> bool:
        """Whether the chart would draw nothing because of hidden values (some hidden, none
        of the others above 0): an empty plot says nothing, so the renderers say so in a
        sentence instead (``exports.ALL_HIDDEN``)."""
        cells = [cell for column in self.chart_columns for cell in self.column(column)]
        return (any(cell.hidden for cell in cells)
                and not any((cell.public_value or 0) > 0 for cell in cells))


def build_table(
    *,
    slug: str,
    title: str,
    caption: str,
    row_heading: str,
    rows: Sequence[tuple[str, Sequence[Entry]]],
    column_labels: Sequence[str],
    measures: Sequence[str],
    threshold: int,
    row_totals: Sequence[Entry] | None = None,
    column_totals: Sequence[Entry] | None = None,
    grand_total: Entry | None = None,
    chart: ChartKind | None = None,
    chart_columns: tuple[int, ...] = (0,),
    notes: Sequence[str] = (),
) -> ReportTable:
    """Publishes every entry. ``measures`` names each column's quantity (a count, or which
    sum); totals are entries of their own, computed from the data, never from the cells."""

    def cells(entries: Sequence[Entry], names: Sequence[str]) -> list[Cell]:
        return [publish(e, m, threshold=threshold) for e, m in zip(entries, names, strict=True)]

    total_measure = measures[0] if measures else "count"
    return ReportTable(
        slug=slug, title=title, caption=caption, row_heading=row_heading,
        row_labels=[label for label, _ in rows],
        column_labels=list(column_labels),
        grid=Grid(
            cells=[cells(values, measures) for _, values in rows],
            row_totals=(cells(row_totals, [total_measure] * len(row_totals))
                        if row_totals is not None else None),
            column_totals=cells(column_totals, measures) if column_totals is not None else None,
            grand_total=(publish(grand_total, total_measure, threshold=threshold)
                         if grand_total is not None else None),
            threshold=threshold,
        ),
        chart=chart, chart_columns=chart_columns, notes=list(notes),
    )

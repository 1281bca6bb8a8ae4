"""The one shape every report view takes: a captioned, already suppressed table.

Pages, CSV, XLSX and PDF all render :class:`ReportTable`; none of them sees a raw count that
suppression hid, except through :attr:`Cell.value`, which renderers must not use for hidden
cells (tests check every output for that).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from sync_server.reports.suppression import Cell, SuppressedGrid, suppress


class ChartKind(StrEnum):
    BAR = "bar"
    LINE = "line"


@dataclass(frozen=True)
class ReportTable:
    slug: str
    title: str
    caption: str
    row_heading: str
    row_labels: list[str]
    column_labels: list[str]
    grid: SuppressedGrid
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


def build_table(
    *,
    slug: str,
    title: str,
    caption: str,
    row_heading: str,
    rows: Sequence[tuple[str, Sequence[int]]],
    column_labels: Sequence[str],
    threshold: int,
    row_totals: bool = False,
    column_totals: bool = False,
    contributors: Sequence[Sequence[int]] | None = None,
    chart: ChartKind | None = None,
    chart_columns: tuple[int, ...] = (0,),
    notes: Sequence[str] = (),
) -> ReportTable:
    grid = suppress(
        [list(values) for _, values in rows],
        threshold=threshold,
        row_totals=row_totals,
        column_totals=column_totals,
        contributors=contributors,
    )
    if not rows:
        zeros = [Cell(0) for _ in column_labels]
        grid = SuppressedGrid(
            [], [] if row_totals else None, zeros if column_totals else None,
            Cell(0) if row_totals and column_totals else None, threshold,
        )
    return ReportTable(
        slug=slug,
        title=title,
        caption=caption,
        row_heading=row_heading,
        row_labels=[label for label, _ in rows],
        column_labels=list(column_labels),
        grid=grid,
        chart=chart,
        chart_columns=chart_columns,
        notes=list(notes),
    )

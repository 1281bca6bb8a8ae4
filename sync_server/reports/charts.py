"""Charts as plain SVG, rendered on the server: no script, no web font, no external asset.

Each chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` (its text alternative);
the page shows the data table beside it. Hidden values get no bar and no point: the label
shows "<5" instead, so the picture reveals no more than the table.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from sync_server.reports.cells import Cell

# Colours meet WCAG AA contrast against white; values are always also printed as text.
BAR_COLOUR = "#1f5f8b"
LINE_COLOURS = ("#1f5f8b", "#a4372a", "#2f6b2f", "#6b4a8b")
TEXT_COLOUR = "#1a1a1a"
GRID_COLOUR = "#c8c8c8"
#: Presentation attributes, not a style attribute: the pages' CSP allows no inline styles.
FONT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="13"'


@dataclass(frozen=True)
class Series:
    name: str
    cells: Sequence[Cell]


def _nice_max(value: int) -> int:
    """An axis maximum at or above ``value`` whose four grid steps are round integers."""
    if value <= 4:
        return 4
    raw = value / 4
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10):
        step = factor * magnitude
        if step >= raw and step == int(step):
            return int(step) * 4
    return 40 * magnitude


def _describe(title: str, labels: Sequence[str], series: Sequence[Series], threshold: int) -> str:
    parts = []
    for one in series:
        values = ", ".join(
            f"{label}: {cell.display(threshold, grouped=True)}"
            for label, cell in zip(labels, one.cells, strict=True)
        )
        parts.append(f"{one.name}: {values}" if len(series) > 1 else values)
    return f"{title}. " + "; ".join(parts) + "." if parts else f"{title}: keine Daten."


def bar_chart(
    *, chart_id: str, title: str, labels: Sequence[str], cells: Sequence[Cell], threshold: int
) -> str:
    """A horizontal bar chart: one row per label, long German names fit on the left."""
    row_height, label_width, plot_width, value_width = 26, 220, 360, 60
    height = 30 + row_height * max(len(labels), 1)
    width = label_width + plot_width + value_width
    top = max((c.public_value or 0) for c in cells) if cells else 0
    axis_max = _nice_max(top)
    description = _describe(title, labels, [Series(title, cells)], threshold)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<g {FONT} fill="{TEXT_COLOUR}">',
    ]
    for tick in range(5):
        x = label_width + plot_width * tick / 4
        out.append(
            f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 22}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle">'
            f"{_format_tick(axis_max * tick / 4)}</text>"
        )
    for index, (label, cell) in enumerate(zip(labels, cells, strict=True)):
        y = 8 + index * row_height
        short = label if len(label) <= 30 else label[:29] + "…"
        out.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{escape(short)}</text>'
        )
        value = cell.public_value
        bar = 0.0 if value is None else plot_width * value / axis_max
        if bar > 0:
            out.append(
                f'<rect x="{label_width}" y="{y + 2}" width="{bar:.1f}" height="{row_height - 8}" '
                f'fill="{BAR_COLOUR}"/>'
            )
        out.append(
            f'<text x="{label_width + bar + 6:.1f}" y="{y + 15}">'
            f"{escape(cell.display(threshold, grouped=True))}</text>"
        )
    out.append("</g></svg>")
    return "".join(out)


def line_chart(
    *, chart_id: str, title: str, labels: Sequence[str], series: Sequence[Series], threshold: int
) -> str:
    """A line chart over months; a hidden month breaks the line rather than guessing."""
    left, right, top_pad, bottom = 60, 200, 12, 46
    plot_width = min(max(40 * max(len(labels) - 1, 1), 360), 640)
    plot_height = 220
    width, height = left + plot_width + right, top_pad + plot_height + bottom
    top = max(
        (c.public_value or 0 for one in series for c in one.cells), default=0
    )
    axis_max = _nice_max(top)
    description = _describe(title, labels, series, threshold)
    step = plot_width / max(len(labels) - 1, 1)

    def xy(index: int, value: int) -> tuple[float, float]:
        return left + index * step, top_pad + plot_height * (1 - value / axis_max)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<g {FONT} fill="{TEXT_COLOUR}">',
    ]
    for tick in range(5):
        y = top_pad + plot_height * (1 - tick / 4)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_width}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}"/><text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_format_tick(axis_max * tick / 4)}</text>"
        )
    # Month labels are about 64 px wide: label every n-th point so they never overlap.
    every = max(1, math.ceil(70 / step))
    for index, label in enumerate(labels):
        if index % every == 0:
            x, _ = xy(index, 0)
            out.append(
                f'<text x="{x:.1f}" y="{top_pad + plot_height + 18}" text-anchor="middle">'
                f"{escape(label)}</text>"
            )
    dashes = ("", "6 3", "2 3", "10 4")
    for number, one in enumerate(series):
        colour = LINE_COLOURS[number % len(LINE_COLOURS)]
        segments: list[list[tuple[float, float]]] = [[]]
        for index, cell in enumerate(one.cells):
            if cell.public_value is None:
                segments.append([])
            else:
                segments[-1].append(xy(index, cell.public_value))
        for segment in segments:
            if len(segment) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
                out.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5" stroke-dasharray="{dashes[number % 4]}"/>'
                )
            for x, y in segment:
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>')
        # The legend names each line in text and repeats its dash pattern: not colour alone.
        legend_y = top_pad + 14 + number * 22
        legend_x = left + plot_width + 14
        out.append(
            f'<line x1="{legend_x}" y1="{legend_y - 4}" x2="{legend_x + 26}" y2="{legend_y - 4}" '
            f'stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dashes[number % 4]}"/>'
            f'<text x="{legend_x + 32}" y="{legend_y}">{escape(one.name)}</text>'
        )
    out.append("</g></svg>")
    return "".join(out)


def _format_tick(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")

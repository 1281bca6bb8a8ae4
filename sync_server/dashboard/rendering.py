"""Jinja2 templates of the dashboard and the chart of each report table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from sync_server.reports.charts import Series, bar_chart, line_chart
from sync_server.reports.exports import ALL_HIDDEN
from sync_server.reports.tables import ChartKind, ReportTable

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"

SECURITY_HEADERS = {
    # No script at all, no inline style, nothing from elsewhere: works offline, resists XSS.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}

_environment = Environment(
    loader=FileSystemLoader(PACKAGE_DIR / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def chart_svg(table: ReportTable) -> Markup | None:
    """The table's chart as inline SVG (safe markup: every text in it is escaped); None when
    it has none or would show nothing but hidden values (the page says so instead)."""
    if table.chart is None or not table.row_labels or table.chart_hidden:
        return None
    chart_id = f"chart-{table.slug}"
    if table.chart is ChartKind.LINE:
        series = [Series(table.column_labels[c], table.column(c)) for c in table.chart_columns]
        svg = line_chart(chart_id=chart_id, title=table.title, labels=table.row_labels,
                         series=series, threshold=table.threshold)
    else:
        column = table.chart_columns[0]
        svg = bar_chart(chart_id=chart_id, title=f"{table.title}: {table.column_labels[column]}",
                        labels=table.row_labels, cells=table.column(column),
                        threshold=table.threshold)
    return Markup(svg)


_environment.globals["chart_svg"] = chart_svg
_environment.globals["ALL_HIDDEN"] = ALL_HIDDEN


def render(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = _environment.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code, headers=SECURITY_HEADERS)

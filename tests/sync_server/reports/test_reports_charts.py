"""SVG charts: a text alternative, no bar or point for a hidden value, escaped labels."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sync_server.reports.cells import Cell
from sync_server.reports.charts import Series, bar_chart, line_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_bar_chart_has_title_description_and_hides_suppressed_bars() -> None:
    svg = bar_chart(
        chart_id="c1", title="Fälle <nach> Kommune", labels=["Minden", "Hille & Co", "Rahden"],
        cells=[Cell(1200), Cell(0, hidden=True), Cell(9)], threshold=5,
    )
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Fälle <nach> Kommune"
    description = root.find(f"{SVG}desc").text
    assert description == ("Fälle <nach> Kommune. Minden: 1.200, Hille & Co: <5, Rahden: 9.")
    assert len(root.findall(f".//{SVG}rect")) == 2  # Hille has no bar
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<5" in texts


def test_line_chart_breaks_at_a_hidden_month_and_names_each_line() -> None:
    series = [
        Series("Neue Fälle", [Cell(10), Cell(12), Cell(0, hidden=True), Cell(14), Cell(15)]),
        Series("Abgeschlossen", [Cell(6), Cell(7), Cell(8), Cell(9), Cell(11)]),
    ]
    svg = line_chart(chart_id="c2", title="Verlauf", labels=["J", "F", "M", "A", "M"],
                     series=series, threshold=5)
    root = ET.fromstring(svg)
    lines = root.findall(f".//{SVG}polyline")
    assert len(lines) == 3  # the first series is broken in two at the hidden month
    assert {t.text for t in root.iter(f"{SVG}text")} >= {"Neue Fälle", "Abgeschlossen"}
    assert "Neue Fälle: J: 10, F: 12, M: <5" in root.find(f"{SVG}desc").text

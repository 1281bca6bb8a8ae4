"""Small-cell suppression for every published count: pages and exports alike.

**Primary suppression.** Every count from 1 to ``threshold - 1`` (default 1..4) is hidden and
shown as "<5". Zero stays visible: it singles out nobody.

**Secondary suppression.** Totals make hidden cells computable: a row whose total is shown
and which has exactly one hidden cell gives that cell away by subtraction, and so can a chain
of rows and columns. We model the table with its margins as a graph:

* every *line* (a row or column whose total is published, and the margin lines that add up to
  the grand total) is a node, plus one extra "ground" node for entries that belong to fewer
  than two lines;
* every hidden entry is an edge between the two lines it belongs to.

Subtracting along lines can determine a hidden entry exactly if and only if its edge is a
*bridge* of that graph (an edge on no cycle): the line equations form the graph's incidence
matrix, whose null space is spanned by the cycles. So we repeat: find a bridge, then hide the
cheapest set of further entries that closes a cycle through it (a shortest path between its
two ends over all entries, where already hidden entries cost nothing and a visible entry costs
its value plus one, so few and small cells are preferred). When no bridge is left, no hidden
entry can be recovered from the published table, totals included.

This protects each table on its own. Tables drawn with different filters (say two periods
that differ by one month) can still be subtracted from each other; docs/reporting.md says how
the dashboard limits that.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_THRESHOLD = 5
#: Shown for a hidden entry that was hidden only to protect another one.
SECONDARY_MARK = "x"


class Hidden(StrEnum):
    NO = ""
    PRIMARY = "primary"
    SECONDARY = "secondary"


@dataclass(frozen=True)
class Cell:
    """One published entry. ``value`` is the true count; never show it when ``hidden``."""

    value: int
    hidden: Hidden = Hidden.NO

    def display(self, threshold: int = DEFAULT_THRESHOLD, *, grouped: bool = False) -> str:
        """The text a person may see; ``grouped`` adds German thousands separators (pages,
        PDF), plain digits otherwise (CSV, for other programs)."""
        if self.hidden is Hidden.PRIMARY:
            return f"<{threshold}"
        if self.hidden is Hidden.SECONDARY:
            return SECONDARY_MARK
        return f"{self.value:,}".replace(",", ".") if grouped else str(self.value)

    @property
    def public_value(self) -> int | None:
        """The value when it may be published, else None (for charts and spreadsheets)."""
        return None if self.hidden else self.value


@dataclass(frozen=True)
class SuppressedGrid:
    """A suppressed table: ``cells[i][j]`` plus, when requested, the margins."""

    cells: list[list[Cell]]
    row_totals: list[Cell] | None
    column_totals: list[Cell] | None
    grand_total: Cell | None
    threshold: int


# An entry's position in the extended (R+1) x (C+1) grid; index R / C is the margin.
_Pos = tuple[int, int]
_GROUND = ("ground", 0)


def suppress(
    values: Sequence[Sequence[int]],
    *,
    threshold: int = DEFAULT_THRESHOLD,
    row_totals: bool = False,
    column_totals: bool = False,
    contributors: Sequence[Sequence[int]] | None = None,
) -> SuppressedGrid:
    """Suppress a table of non-negative counts and, optionally, its row and column totals.

    Every row of ``values`` must have the same length; an empty table is allowed.
    ``contributors`` (same shape) says how many cases stand behind each value, for measures
    such as minutes: then a value is hidden when 1..threshold-1 cases stand behind it. A
    margin's contributors are the sum of its line's (an upper bound for distinct cases).
    """
    if threshold < 1:
        raise ValueError("threshold must be at least 1")
    rows = len(values)
    columns = len(values[0]) if rows else 0
    if any(len(row) != columns for row in values):
        raise ValueError("every row needs the same number of columns")
    if any(v < 0 for row in values for v in row):
        raise ValueError("counts cannot be negative")

    entries = _with_margins(values, rows, columns, row_totals, column_totals)
    if contributors is None:
        people = entries
    else:
        if len(contributors) != rows or any(len(row) != columns for row in contributors):
            raise ValueError("contributors must have the shape of values")
        people = _with_margins(contributors, rows, columns, row_totals, column_totals)
    both = row_totals and column_totals

    def endpoints(pos: _Pos) -> tuple[tuple[str, int], tuple[str, int]]:
        i, j = pos
        # Row line i is an equation when row i's total is shown (or, for the margin row, when
        # the grand total is); the same for columns.
        row_node = ("row", i) if (i < rows and row_totals) or (i == rows and both) else _GROUND
        column_node = (
            ("col", j) if (j < columns and column_totals) or (j == columns and both) else _GROUND
        )
        return row_node, column_node

    hidden: dict[_Pos, Hidden] = {
        pos: Hidden.PRIMARY for pos, count in people.items() if 0 < count < threshold
    }
    edges = {pos: endpoints(pos) for pos in entries if endpoints(pos) != (_GROUND, _GROUND)}

    while True:
        bridge = _first_bridge({pos: edges[pos] for pos in hidden if pos in edges})
        if bridge is None:
            break
        for pos in _cheapest_cycle_completion(bridge, edges, entries, hidden):
            hidden.setdefault(pos, Hidden.SECONDARY)

    def cell(pos: _Pos) -> Cell:
        return Cell(entries[pos], hidden.get(pos, Hidden.NO))

    return SuppressedGrid(
        cells=[[cell((i, j)) for j in range(columns)] for i in range(rows)],
        row_totals=[cell((i, columns)) for i in range(rows)] if row_totals else None,
        column_totals=[cell((rows, j)) for j in range(columns)] if column_totals else None,
        grand_total=cell((rows, columns)) if both else None,
        threshold=threshold,
    )


def _with_margins(
    values: Sequence[Sequence[int]], rows: int, columns: int, row_totals: bool, column_totals: bool
) -> dict[_Pos, int]:
    entries: dict[_Pos, int] = {
        (i, j): values[i][j] for i in range(rows) for j in range(columns)
    }
    if row_totals:
        for i in range(rows):
            entries[(i, columns)] = sum(values[i])
    if column_totals:
        for j in range(columns):
            entries[(rows, j)] = sum(values[i][j] for i in range(rows))
    if row_totals and column_totals:
        entries[(rows, columns)] = sum(sum(row) for row in values)
    return entries


def suppress_list(
    values: Sequence[int], *, threshold: int = DEFAULT_THRESHOLD, total: bool = True
) -> tuple[list[Cell], Cell | None]:
    """A one-column table (categories and, optionally, their sum)."""
    grid = suppress([[v] for v in values], threshold=threshold, column_totals=total)
    total_cell = grid.column_totals[0] if grid.column_totals else None
    return [row[0] for row in grid.cells], total_cell


def _first_bridge(edges: dict[_Pos, tuple[tuple[str, int], tuple[str, int]]]) -> _Pos | None:
    """An edge of the multigraph that lies on no cycle, or None (Tarjan's bridge search)."""
    adjacency: dict[tuple[str, int], list[tuple[tuple[str, int], _Pos]]] = defaultdict(list)
    for pos, (a, b) in edges.items():
        adjacency[a].append((b, pos))
        adjacency[b].append((a, pos))
    order: dict[tuple[str, int], int] = {}
    low: dict[tuple[str, int], int] = {}
    for start in sorted(adjacency):
        if start in order:
            continue
        order[start] = low[start] = len(order)
        # Iterative DFS: (node, edge used to reach it, iterator over its neighbours).
        stack: list[tuple[tuple[str, int], _Pos | None, Iterator[tuple[tuple[str, int], _Pos]]]]
        stack = [(start, None, iter(adjacency[start]))]
        while stack:
            node, via, neighbours = stack[-1]
            advanced = False
            for neighbour, pos in neighbours:
                if pos == via:
                    continue
                if neighbour in order:
                    low[node] = min(low[node], order[neighbour])
                    continue
                order[neighbour] = low[neighbour] = len(order)
                stack.append((neighbour, pos, iter(adjacency[neighbour])))
                advanced = True
                break
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    assert via is not None
                    return via
    return None


def _cheapest_cycle_completion(
    bridge: _Pos,
    edges: dict[_Pos, tuple[tuple[str, int], tuple[str, int]]],
    entries: dict[_Pos, int],
    hidden: dict[_Pos, Hidden],
) -> list[_Pos]:
    """The entries to hide so that ``bridge`` lies on a cycle: Dijkstra between its ends."""
    source, target = edges[bridge]
    adjacency: dict[tuple[str, int], list[tuple[tuple[str, int], _Pos]]] = defaultdict(list)
    for pos, (a, b) in edges.items():
        if pos != bridge:
            adjacency[a].append((b, pos))
            adjacency[b].append((a, pos))
    best: dict[tuple[str, int], int] = {source: 0}
    came_from: dict[tuple[str, int], tuple[tuple[str, int], _Pos]] = {}
    queue: list[tuple[int, tuple[str, int]]] = [(0, source)]
    while queue:
        cost, node = heapq.heappop(queue)
        if node == target:
            break
        if cost > best[node]:
            continue
        for neighbour, pos in sorted(adjacency[node]):
            step = 0 if pos in hidden else entries[pos] + 1
            if cost + step < best.get(neighbour, cost + step + 1):
                best[neighbour] = cost + step
                came_from[neighbour] = (node, pos)
                heapq.heappush(queue, (cost + step, neighbour))
    if target not in came_from and target != source:
        # Only possible for an entry that is its line's sole member; the margins always give
        # every line at least two, so this signals a bug, not bad data.
        raise AssertionError("no cycle can protect a suppressed entry")
    path: list[_Pos] = []
    node = target
    while node != source:
        node, pos = came_from[node]
        path.append(pos)
    return path

"""Suppression on crafted tables, and a check against linear algebra that no hidden entry
can be computed back from what is published."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync_server.reports.suppression import Hidden, SuppressedGrid, suppress, suppress_list


def _published_entries(grid: SuppressedGrid) -> dict[tuple[int, int], tuple[int, bool]]:
    rows = len(grid.cells)
    columns = len(grid.cells[0]) if rows else 0
    out = {(i, j): (c.value, bool(c.hidden)) for i, row in enumerate(grid.cells)
           for j, c in enumerate(row)}
    if grid.row_totals is not None:
        out.update({(i, columns): (c.value, bool(c.hidden)) for i, c in enumerate(grid.row_totals)})
    if grid.column_totals is not None:
        out.update({(rows, j): (c.value, bool(c.hidden))
                    for j, c in enumerate(grid.column_totals)})
    if grid.grand_total is not None:
        out[(rows, columns)] = (grid.grand_total.value, bool(grid.grand_total.hidden))
    return out


def _rank(matrix: list[list[Fraction]]) -> int:
    m = [row[:] for row in matrix]
    rank = 0
    columns = len(m[0]) if m else 0
    for col in range(columns):
        pivot = next((r for r in range(rank, len(m)) if m[r][col] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for r in range(len(m)):
            if r != rank and m[r][col] != 0:
                factor = m[r][col] / m[rank][col]
                m[r] = [a - factor * b for a, b in zip(m[r], m[rank], strict=True)]
        rank += 1
    return rank


def _determined_hidden(grid: SuppressedGrid) -> list[tuple[int, int]]:
    """Hidden entries whose value follows from the published entries by the line equations."""
    rows = len(grid.cells)
    columns = len(grid.cells[0]) if rows else 0
    entries = _published_entries(grid)
    lines: list[list[tuple[int, int]]] = []
    if grid.row_totals is not None:
        lines += [[(i, j) for j in range(columns + 1)] for i in range(rows)]
    if grid.column_totals is not None:
        lines += [[(i, j) for i in range(rows + 1)] for j in range(columns)]
    if grid.grand_total is not None:
        lines.append([(rows, j) for j in range(columns + 1)])
        lines.append([(i, columns) for i in range(rows + 1)])
    unknowns = sorted(pos for pos, (_, hidden) in entries.items() if hidden)
    matrix = [
        [Fraction(1 if (pos in line and pos != line[-1]) else -1 if pos == line[-1] else 0)
         for pos in unknowns]
        for line in lines
    ]
    matrix = [row for row in matrix if any(row)]
    full = _rank(matrix)
    determined = []
    for k, pos in enumerate(unknowns):
        without = [[v for c, v in enumerate(row) if c != k] for row in matrix]
        if _rank(without) < full:
            determined.append(pos)
    return determined


def test_counts_one_to_four_show_as_below_threshold_and_zero_stays() -> None:
    cells, total = suppress_list([0, 1, 4, 5, 12], total=False)
    assert [c.display() for c in cells] == ["0", "<5", "<5", "5", "12"]
    assert total is None


def test_a_single_hidden_cell_in_a_list_with_total_takes_the_next_smallest_with_it() -> None:
    cells, total = suppress_list([20, 3, 7, 9])
    assert [c.display() for c in cells] == ["20", "<5", "x", "9"]
    assert total is not None and total.display() == "39"
    assert cells[2].hidden is Hidden.SECONDARY


def test_a_total_below_threshold_hides_the_whole_list() -> None:
    cells, total = suppress_list([0, 2, 1])
    assert total is not None and total.display() == "<5"
    assert [c.display() for c in cells] == ["0", "<5", "<5"]


def test_one_category_and_its_total_are_the_same_number() -> None:
    cells, total = suppress_list([3])
    assert cells[0].hidden and total is not None and total.hidden


def test_crafted_cross_table_with_margins() -> None:
    grid = suppress(
        [[10, 2, 8], [6, 7, 9], [11, 12, 13]], row_totals=True, column_totals=True
    )
    shown = [[c.display() for c in row] for row in grid.cells]
    # The 2 is hidden; the cheapest cycle through it hides three more cells of a 2x2 rectangle.
    assert shown[0][1] == "<5"
    hidden = {(i, j) for i, row in enumerate(grid.cells) for j, c in enumerate(row) if c.hidden}
    assert len(hidden) == 4
    assert all(sum(1 for (i, _) in hidden if i == r) in (0, 2) for r in range(3))
    assert all(sum(1 for (_, j) in hidden if j == c) in (0, 2) for c in range(3))
    assert grid.grand_total is not None and grid.grand_total.display() == "78"
    assert [c.display() for c in grid.row_totals or []] == ["20", "22", "36"]
    assert _determined_hidden(grid) == []


def test_small_row_total_is_protected_by_another_row_total() -> None:
    grid = suppress([[1, 2], [30, 40], [50, 60]], row_totals=True, column_totals=True)
    assert grid.row_totals is not None
    assert grid.row_totals[0].hidden is Hidden.PRIMARY
    assert sum(1 for c in grid.row_totals if c.hidden) >= 2
    assert _determined_hidden(grid) == []


def test_heuristic_of_one_per_line_is_not_enough_but_bridges_are_closed() -> None:
    # Two hidden 2x2 rectangles joined through one line would leave a bridge; the result
    # must still let nothing be computed.
    grid = suppress(
        [[1, 9, 20, 30], [9, 1, 20, 30], [20, 20, 2, 9], [30, 30, 9, 2]],
        row_totals=True, column_totals=True,
    )
    assert _determined_hidden(grid) == []


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        suppress([[1, 2], [3]])
    with pytest.raises(ValueError):
        suppress([[-1]])
    with pytest.raises(ValueError):
        suppress([[1]], threshold=0)


def test_threshold_is_configurable() -> None:
    cells, _ = suppress_list([7, 12, 30], threshold=10, total=False)
    assert [c.display(10) for c in cells] == ["<10", "12", "30"]


def test_empty_table() -> None:
    grid = suppress([], row_totals=True, column_totals=True)
    assert grid.cells == [] and grid.grand_total is not None and grid.grand_total.value == 0


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda columns: st.lists(
            st.lists(st.integers(0, 12), min_size=columns, max_size=columns),
            min_size=1, max_size=5,
        )
    ),
    st.booleans(),
    st.booleans(),
)
def test_no_hidden_entry_can_be_computed_from_the_published_table(
    values: list[list[int]], row_totals: bool, column_totals: bool
) -> None:
    grid = suppress(values, row_totals=row_totals, column_totals=column_totals)
    entries = _published_entries(grid)
    assert all(hidden for value, hidden in entries.values() if 0 < value < 5)
    assert _determined_hidden(grid) == []


def test_a_measure_is_hidden_by_how_many_cases_stand_behind_it() -> None:
    # 300 minutes from 2 cases is as revealing as a count of 2.
    grid = suppress(
        [[300, 12], [500, 40], [900, 60]],
        contributors=[[2, 2], [9, 9], [15, 15]],
        column_totals=True,
    )
    assert [c.display() for c in grid.cells[0]] == ["<5", "<5"]
    assert all(c.hidden for c in grid.cells[1])  # next smallest protects the totals
    assert [c.display() for c in grid.column_totals or []] == ["1700", "112"]
    assert _determined_hidden(grid) == []

"""The caseload table model, without any widget: bulk rows, filters, sorting on the sort role."""

from __future__ import annotations

import datetime as dt

import pytest

from kim_desktop.core.services.search import CaseloadRow, ConsentState
from kim_desktop.ui.caseload_model import (
    CLIENT_ID_ROLE,
    SORT_ROLE,
    CaseloadFilter,
    CaseloadModel,
    caseload_columns,
)
from kim_desktop.ui.qt import Qt

TODAY = dt.date(2026, 3, 1)


def row(client_id: str, name: str, *, age: int | None = 30, municipality: str = "minden",
        phase: str | None = "intake", follow_up: dt.date | None = None) -> CaseloadRow:
    return CaseloadRow(client_id, name, age, municipality, municipality.title(), None, phase,
                       follow_up, ConsentState.VALID)


@pytest.fixture
def model(qapp: object) -> CaseloadModel:
    model = CaseloadModel(caseload_columns(lambda catalog, code: code or ""))
    model.set_rows([
        row("1", "Yılmaz, Mehmet", age=41, municipality="rahden", follow_up=TODAY),
        row("2", "Müller, Anna", age=None, phase=None),
        row("3", "Mohammed, Youssef", age=19, phase="planning",
            follow_up=TODAY + dt.timedelta(days=3)),
        row("4", "Nguyen, Thi", age=67, municipality="rahden", phase="monitoring",
            follow_up=TODAY - dt.timedelta(days=9)),
    ])
    return model


def ids(model: CaseloadModel) -> list[str]:
    return [model.index(r, 0).data(CLIENT_ID_ROLE) for r in range(model.rowCount())]


def test_rows_are_shown_as_loaded(model: CaseloadModel) -> None:
    assert model.rowCount() == 4
    assert model.index(0, 0).data() == "Yılmaz, Mehmet"
    assert [c.key for c in model.columns][:2] == ["name", "age"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("mull", ["2"]), ("muell", ["2"]), ("MÜLLER anna", ["2"]), ("yilmaz", ["1"]),
     ("muhammad", ["1", "3"]), ("jusuf", ["3"]), ("", ["1", "2", "3", "4"]), ("zzz", []),
     ("🙂", []), ("\u202eabc", []), ("x" * 10_000, [])],
)
def test_search_tolerates_spelling(model: CaseloadModel, text: str, expected: list[str]) -> None:
    model.set_filter(CaseloadFilter(text=text, today=TODAY))
    assert ids(model) == expected


def test_filters_combine(model: CaseloadModel) -> None:
    model.set_filter(CaseloadFilter(municipality="rahden", today=TODAY))
    assert ids(model) == ["1", "4"]
    model.set_filter(CaseloadFilter(municipality="rahden", follow_up_due=True, today=TODAY))
    assert ids(model) == ["1", "4"]
    model.set_filter(CaseloadFilter(follow_up_due=True, today=TODAY))
    assert ids(model) == ["1", "4"]
    model.set_filter(CaseloadFilter(phase="none", today=TODAY))
    assert ids(model) == ["2"]
    model.set_filter(CaseloadFilter(phase="planning", today=TODAY))
    assert ids(model) == ["3"]
    model.set_filter(CaseloadFilter(client_ids=frozenset({"2", "4"}), today=TODAY))
    assert ids(model) == ["2", "4"]


def test_sorting_uses_the_explicit_sort_key(model: CaseloadModel) -> None:
    age = [c.key for c in model.columns].index("age")
    model.sort(age, Qt.SortOrder.AscendingOrder)
    assert ids(model) == ["2", "3", "1", "4"]  # unknown age first, then numerically
    assert model.index(0, age).data(SORT_ROLE) == -1
    model.sort(age, Qt.SortOrder.DescendingOrder)
    assert ids(model) == ["4", "1", "3", "2"]
    follow_up = [c.key for c in model.columns].index("next_follow_up")
    model.sort(follow_up)
    assert ids(model) == ["4", "1", "3", "2"]  # none due sorts last
    model.set_filter(CaseloadFilter(text="m", today=TODAY))
    assert ids(model)[0] == "1"  # the sort holds while filtering


def test_bulk_replace_keeps_the_filter(model: CaseloadModel) -> None:
    model.set_filter(CaseloadFilter(municipality="rahden", today=TODAY))
    model.set_rows([row("9", "Neu, Person", municipality="rahden"), row("8", "Anders, X")])
    assert ids(model) == ["9"]
    assert model.total == 2


def test_chosen_columns(model: CaseloadModel) -> None:
    model.set_columns(["name", "consent"])
    assert [c.key for c in model.columns] == ["name", "consent"]
    assert model.index(0, 1).data() == "gültig"
    model.set_columns([])
    assert [c.key for c in model.columns] == ["name"]

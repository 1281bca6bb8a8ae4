"""The same person is not entered twice without a word, and wherever a person is picked,
what tells two equal names apart stands beside the name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from kim_desktop.core.models import Client
from kim_desktop.core.services import create_client
from kim_desktop.core.services.clients import ClientData
from kim_desktop.ui.qt import QApplication, QDialogButtonBox, Qt
from tests.ui.keys import CTRL, activate, alt_to, focused, press, type_text

BORN = dt.date(1994, 10, 5)


def _existing(qtbot: Any, window: Any) -> str:
    """Records a Dana Doppelt, born 5.10.1994 in Minden, as a write the screens hear of."""
    done: list[Any] = []
    window.context.write(lambda s: create_client(s, data=ClientData(
        last_name="Doppelt", first_name="Dana", birth_date=BORN, municipality_code="minden")),
        done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    return str(done[0].ids[0])


def _count(window: Any) -> int:
    def work() -> int:
        with window.context.vault.session() as session:
            return int(session.scalar(select(func.count()).select_from(Client).where(
                Client.last_name == "Doppelt")))
    return int(window.context.taskman.run_blocking_on_database(work))


def _enter_the_same_person(qtbot: Any, window: Any) -> Any:
    """Ctrl+Shift+N, then name, birth date and municipality by keys, then Alt+S."""
    from kim_desktop.ui.client_form import ClientForm

    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ClientForm),
                    timeout=5_000)
    form = activate(qtbot, QApplication.activeModalWidget())
    type_text(qtbot, "Doppelt")
    alt_to(qtbot, form.first_name)
    type_text(qtbot, "Dana")
    alt_to(qtbot, form.birth_date)
    type_text(qtbot, "5.10.94")
    alt_to(qtbot, form.municipality)
    type_text(qtbot, "Minden")
    assert form.municipality.currentData() == "minden"
    alt_to(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: form.similar is not None and form.similar.isVisible(),
                    timeout=5_000)
    return form


def test_the_same_person_again_is_warned_and_can_be_created_anyway(
    qtbot: Any, window: Any
) -> None:
    _existing(qtbot, window)
    form = _enter_the_same_person(qtbot, window)
    question = activate(qtbot, form.similar)
    shown = question.persons.item(0).text()
    assert "Doppelt, Dana" in shown and "geb. 05.10.1994" in shown and "Minden" in shown
    assert "Akte " in shown
    assert _count(window) == 1  # nothing created while it asks
    alt_to(qtbot, _button(question, "Trotzdem anlegen"))
    qtbot.waitUntil(lambda: _count(window) == 2, timeout=5_000)


def test_the_existing_file_is_opened_instead(qtbot: Any, window: Any,
                                             no_dialogs: list[str]) -> None:
    existing = _existing(qtbot, window)
    form = _enter_the_same_person(qtbot, window)
    activate(qtbot, form.similar)
    press(qtbot, Qt.Key.Key_Return)  # the default: open the one chosen in the list
    qtbot.waitUntil(lambda: existing in window.client_files, timeout=5_000)
    assert not form.isVisible()
    assert no_dialogs == []  # given up on purpose: no question about unsaved input
    assert _count(window) == 1


def test_the_consultation_picker_tells_equal_names_apart(qtbot: Any, window: Any) -> None:
    first, second = _existing(qtbot, window), _existing(qtbot, window)
    caseload = window.pages["caseload"]
    qtbot.waitUntil(lambda: sum(r.name == "Doppelt, Dana" for r in caseload.model.rows()) == 2,
                    timeout=10_000)
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    form = activate(qtbot, QApplication.activeModalWidget())
    qtbot.waitUntil(lambda: form.ready, timeout=5_000)
    assert focused() is form.client
    type_text(qtbot, "Doppelt")
    labels = [form.completer.completionModel().index(i, 0).data()
              for i in range(form.completer.completionCount())]
    assert len(labels) == 2 and labels[0] != labels[1]
    assert all("geb. 05.10.1994" in label and "Minden" in label for label in labels)
    assert {label.rsplit("Akte ", 1)[1].rstrip(")") for label in labels} == {
        first.replace("-", "")[:6].upper(), second.replace("-", "")[:6].upper()}


def _button(widget: Any, text: str) -> Any:
    from kim_desktop.ui.qt import QPushButton

    return next(b for b in widget.findChildren(QPushButton) if b.text().replace("&", "") == text)


def test_a_correction_that_makes_the_person_look_like_another_asks_first(
    qtbot: Any, window: Any
) -> None:
    """Reproduced on main: renaming a person in "Stammdaten bearbeiten" to the name, birth
    date and municipality of another one saved a second file without a word."""
    from tests.ui.test_case_cycle import button_of, dialog_from
    from tests.ui.test_client_file_editing import fresh_file

    _existing(qtbot, window)
    view = fresh_file(qtbot, window, open_case=False)
    form = dialog_from(qtbot, window, button_of(view, "Stammdaten bearbeiten"))
    press(qtbot, Qt.Key.Key_A, CTRL)  # the last name has the focus
    type_text(qtbot, "Doppelt")
    alt_to(qtbot, form.first_name)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Dana")
    alt_to(qtbot, form.birth_date)
    type_text(qtbot, "05101994")
    alt_to(qtbot, form.municipality)
    type_text(qtbot, "Minden")
    alt_to(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: form.similar is not None and form.similar.isVisible(),
                    timeout=5_000)
    question = activate(qtbot, form.similar)
    assert "Doppelt, Dana" in question.persons.item(0).text()
    assert _count(window) == 1  # nothing saved while it asks
    alt_to(qtbot, _button(question, "Trotzdem speichern"))
    qtbot.waitUntil(lambda: _count(window) == 2, timeout=5_000)

    # Other corrections of a person who already looks like another one do not ask again.
    form = dialog_from(qtbot, window, button_of(view, "Stammdaten bearbeiten"))
    alt_to(qtbot, form.street)
    type_text(qtbot, "Lange Strasse 3")
    alt_to(qtbot, form.buttons.button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5_000)
    assert form.similar is None

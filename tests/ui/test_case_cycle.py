"""The case cycle in the client file, by keys alone: the phase moved along the DGCC cycle
and back with its history shown (on main the phase could not be changed in the program at
all, and every case stayed in "Klärung")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from kim_desktop.core.models import Case, CasePhaseChange
from kim_desktop.ui.qt import QApplication, QDialogButtonBox, QPushButton, Qt
from tests.ui.keys import activate, alt_to, focused, press, type_text
from tests.ui.test_client_file_editing import fresh_file, on_database


def dialog_from(qtbot: Any, window: Any, control: Any) -> Any:
    """Presses the Alt letter of ``control`` in the window and returns the dialog it opens,
    made the active window."""
    activate(qtbot, window)
    alt_to(qtbot, control)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    return activate(qtbot, QApplication.activeModalWidget())


def phase_control(view: Any) -> Any:
    """The header's button that changes the phase, found as a person finds it: by its text."""
    for button in view.findChildren(QPushButton):
        if button.text().replace("&", "").startswith("Phase"):
            return button
    raise LookupError("the client file's header has no phase control")


def save_by_key(qtbot: Any, dialog: Any) -> None:
    alt_to(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))


def case_of(window: Any, client_id: str) -> tuple[str, list[tuple[str, str, str]]]:
    def read(session: Any) -> tuple[str, list[tuple[str, str, str]]]:
        case = session.scalars(select(Case).where(Case.client_id == client_id)).one()
        steps = session.scalars(select(CasePhaseChange).where(
            CasePhaseChange.case_id == case.id).order_by(CasePhaseChange.created_at)).all()
        return case.phase, [(s.event, s.to_phase, s.reason) for s in steps]

    return on_database(window, read)


def test_the_phase_moves_through_the_cycle_and_back_with_its_history(
    qtbot: Any, window: Any
) -> None:
    view = fresh_file(qtbot, window)
    assert "Phase: Klärung" in view.facts.text()
    walked = ["assessment", "planning", "implementation", "monitoring", "evaluation"]
    for phase in walked:
        dialog = dialog_from(qtbot, window, phase_control(view))
        assert focused() is dialog.phase  # the first field: the phase to move to
        assert dialog.phase.currentData() == phase  # the next step is offered first
        assert "closure" not in [dialog.phase.itemData(i) for i in range(dialog.phase.count())]
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=10_000)
        qtbot.waitUntil(lambda p=phase: view.data.open_case.phase == p, timeout=10_000)
    assert "Phase: Evaluation" in view.facts.text()
    assert "Phase gewechselt" in window.statusBar().currentMessage()

    dialog = dialog_from(qtbot, window, phase_control(view))
    type_text(qtbot, "Hilf")  # back to the planning: typing picks the phase
    assert dialog.phase.currentData() == "planning"
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "Grund" in dialog.error.text()  # going back needs a reason, said inline
    assert focused() is dialog.reason
    type_text(qtbot, "Neue Unterlagen zum Aufenthalt")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: view.data.open_case.phase == "planning", timeout=10_000)

    phase, steps = case_of(window, view.client_id)
    assert phase == "planning"
    assert [s[1] for s in steps] == ["intake", *walked, "planning"]
    assert steps[-1] == ("returned", "planning", "Neue Unterlagen zum Aufenthalt")

    history = view.page_titled("Verlauf")
    rows = [[history.phases.tree.topLevelItem(i).text(c) for c in range(5)]
            for i in range(history.phases.tree.topLevelItemCount())]
    assert rows[0][1:] == ["anna", "Evaluation → Hilfeplanung", "zurück",
                           "Neue Unterlagen zum Aufenthalt"]
    assert rows[1][2] == "Monitoring → Evaluation"
    assert rows[-1][2] == "Fall eröffnet (Klärung)"


def test_without_an_open_case_there_is_no_phase_to_change(qtbot: Any, window: Any) -> None:
    view = fresh_file(qtbot, window, open_case=False)
    assert not phase_control(view).isEnabled()
    assert view.change_phase() is None

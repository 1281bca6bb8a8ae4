"""The case cycle in the client file, by keys alone. Each test fails on the main it was
written against:

* the phase moved along the DGCC cycle and back, with its history shown (the phase could
  not be changed in the program at all, and every case stayed in "Klärung");
* a goal's text corrected, a measure's status and outcome set (neither was reachable);
* a sent referral cancelled (one the agency never answered stayed "gesendet" for ever);
* a structural gap changed before it is released (it could only be recorded);
* a residence period corrected (this one passed on that main already).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from kim_desktop.core import services
from kim_desktop.core.models import (
    Case,
    CasePhaseChange,
    Goal,
    Measure,
    Referral,
    ResidenceStatusPeriod,
    StructuralGap,
)
from kim_desktop.ui.qt import QApplication, QDialogButtonBox, QPushButton, Qt, QTreeWidget
from tests.ui.keys import ALT, CTRL, activate, alt_to, focused, press, type_text
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


def to_tab(qtbot: Any, window: Any, view: Any, title: str) -> Any:
    """Alt and the number (or letter) the tab's title shows; the tab's page."""
    import re

    activate(qtbot, window)
    index = next(i for i in range(view.tabs.count())
                 if re.sub(r"^&\d ", "", view.tabs.tabText(i)).replace("&", "") == title)
    letter = re.search(r"&(\w)", view.tabs.tabText(index))
    assert letter is not None, view.tabs.tabText(index)
    press(qtbot, getattr(Qt.Key, f"Key_{letter.group(1).upper()}"), ALT)
    qtbot.waitUntil(lambda: view.tabs.currentIndex() == index, timeout=5_000)
    page = view.page(index)
    qtbot.waitUntil(page.isVisible, timeout=5_000)  # a page made now shows a moment later
    return page


def button_of(page: Any, text: str) -> Any:
    """The button in ``page`` whose text (without its Alt mark) holds ``text``."""
    for button in page.findChildren(QPushButton):
        if text in button.text().replace("&", ""):
            return button
    raise LookupError(f"no button {text!r}")


def list_named(page: Any, start: str) -> Any:
    """The list in ``page`` whose accessible name (what a screen reader says) starts so."""
    for tree in page.findChildren(QTreeWidget):
        if tree.accessibleName().startswith(start):
            return tree
    raise LookupError(f"no list {start!r}")


def tab_to(qtbot: Any, widget: Any, limit: int = 20) -> None:
    """Presses Tab until ``widget`` has the focus (at most ``limit`` times)."""
    for _ in range(limit):
        if focused() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is widget, f"Tab never reached {widget.accessibleName()!r}"


def dialog_by_enter(qtbot: Any) -> Any:
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    return activate(qtbot, QApplication.activeModalWidget())


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


def stored(window: Any, model: Any, record_id: str) -> Any:
    return on_database(window, lambda s: s.get(model, record_id))


def test_a_goal_is_corrected_and_a_measure_gets_its_status_and_outcome(
    qtbot: Any, window: Any
) -> None:
    view = fresh_file(qtbot, window)
    plan = to_tab(qtbot, window, view, "Hilfeplan")
    dialog = dialog_from(qtbot, window, button_of(plan, "Ziel vereinbaren"))
    alt_to(qtbot, dialog.description)
    type_text(qtbot, "Deutsch B1")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: len(view.data.goals) == 1, timeout=10_000)
    goal_id = view.data.goals[0].id
    qtbot.waitUntil(lambda: plan.goals.current() is not None, timeout=10_000)
    assert plan.goals.current().id == goal_id  # the new goal is selected: a measure is next
    assert button_of(plan, "Maßnahme vereinbaren").isEnabled()

    activate(qtbot, window)
    tab_to(qtbot, list_named(plan, "Hilfeplan"))  # the list follows its buttons
    press(qtbot, Qt.Key.Key_Home)
    dialog = dialog_by_enter(qtbot)  # Enter on a goal opens it
    assert dialog.description.toPlainText() == "Deutsch B1"
    alt_to(qtbot, dialog.description)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Deutsch B1 mit Zertifikat")
    alt_to(qtbot, dialog.status)
    type_text(qtbot, "err")
    assert dialog.status.currentData() == "achieved"
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "Ergebnis" in dialog.error.text()  # a goal reached needs its outcome
    assert focused() is dialog.outcome
    type_text(qtbot, "Zertifikat erhalten")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: stored(window, Goal, goal_id).description
                    == "Deutsch B1 mit Zertifikat", timeout=10_000)
    goal = stored(window, Goal, goal_id)
    assert (goal.status, goal.outcome) == ("achieved", "Zertifikat erhalten")
    qtbot.waitUntil(lambda: view.data.goals[0].description == "Deutsch B1 mit Zertifikat",
                    timeout=10_000)
    assert plan.goals.current().id == goal_id  # the selection stayed after the save
    assert plan.goals.tree.topLevelItem(0).text(4) == "erreicht"

    dialog = dialog_from(qtbot, window, button_of(plan, "Maßnahme vereinbaren"))
    assert focused() is dialog.description
    type_text(qtbot, "Anmeldung bei der VHS")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: len(view.data.measures) == 1, timeout=10_000)
    measure_id = view.data.measures[0].id
    qtbot.waitUntil(lambda: plan.measures.tree.topLevelItemCount() == 1, timeout=10_000)

    activate(qtbot, window)
    tab_to(qtbot, list_named(plan, "Maßnahmen"))
    press(qtbot, Qt.Key.Key_Home)
    dialog = dialog_by_enter(qtbot)  # Enter on a measure opens its status
    assert focused() is dialog.status
    type_text(qtbot, "erl")
    assert dialog.status.currentData() == "done"
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "Ergebnis" in dialog.error.text()  # done needs its outcome, said inline
    assert focused() is dialog.outcome
    type_text(qtbot, "Platz im Kurs ab Mai")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: stored(window, Measure, measure_id).status == "done",
                    timeout=10_000)
    assert stored(window, Measure, measure_id).outcome == "Platz im Kurs ab Mai"
    qtbot.waitUntil(lambda: plan.measures.tree.topLevelItem(0).text(3) == "erledigt",
                    timeout=10_000)
    assert plan.measures.tree.topLevelItem(0).text(4) == "Platz im Kurs ab Mai"


def test_a_sent_referral_the_agency_never_answered_is_cancelled(
    qtbot: Any, window: Any
) -> None:
    view = fresh_file(qtbot, window)

    def sent(session: Any) -> str:
        referral_id = services.plan_referral(
            session, client_id=view.client_id, agency_code="jobcenter_minden_luebbecke",
            planned_on=dt.date.today() - dt.timedelta(days=40), purpose="Arbeitsvermittlung",
        ).ids[0]
        services.send_referral(session, referral_id=referral_id,
                               sent_on=dt.date.today() - dt.timedelta(days=35),
                               override_reason="Mündliche Zustimmung, Formular folgt")
        return str(referral_id)

    referral_id = on_database(window, sent)
    view.reload()
    qtbot.waitUntil(lambda: len(view.data.referrals) == 1, timeout=10_000)
    page = to_tab(qtbot, window, view, "Vermittlungen")
    activate(qtbot, window)
    if QApplication.focusWidget() is None:  # the key goes to the window, as on a desktop
        qtbot.keyClick(window, Qt.Key.Key_Tab)
    tab_to(qtbot, list_named(page, "Vermittlungen"))
    press(qtbot, Qt.Key.Key_Home)
    tab_to(qtbot, button_of(page, "abbrechen"))  # enabled now: the referral was sent
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    dialog = activate(qtbot, QApplication.activeModalWidget())
    assert focused() is dialog.day
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert "Grund des Abbruchs" in dialog.error.text()
    assert focused() is dialog.reason
    type_text(qtbot, "Keine Antwort nach fuenf Wochen")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    referral = on_database(window, lambda s: s.get(Referral, referral_id))
    assert (referral.state, referral.outcome) == ("cancelled",
                                                  "Keine Antwort nach fuenf Wochen")
    qtbot.waitUntil(lambda: page.tree.topLevelItem(0).text(3).startswith("abgebrochen am"),
                    timeout=10_000)
    assert "Keine Antwort" in page.tree.topLevelItem(0).text(4)


def test_a_structural_gap_is_changed_until_it_is_released(qtbot: Any, window: Any) -> None:
    view = fresh_file(qtbot, window)
    case_id = view.data.open_case.id

    def recorded(session: Any) -> str:
        return str(services.record_gap(
            session, category_code=session.info["catalogs"]["structural_gap_categories"]
            .entries[0].code, field_of_action_code="work", municipality_code="rahden",
            description="Kein Sprachkurs am Abend", observed_on=dt.date.today(),
            case_ids=[case_id]).ids[0])

    gap_id = on_database(window, recorded)
    activate(qtbot, window)
    window.show_page("gaps")
    page = window.pages["gaps"]
    qtbot.waitUntil(lambda: any(g.id == gap_id for g in page.list._records), timeout=10_000)
    activate(qtbot, window)
    if QApplication.focusWidget() is None:
        qtbot.keyClick(window, Qt.Key.Key_Tab)
    tab_to(qtbot, list_named(page, "Strukturelle Fehlstellen"))
    press(qtbot, Qt.Key.Key_Home)
    dialog = dialog_by_enter(qtbot)  # Enter on a gap opens it for a change
    assert dialog.description.toPlainText() == "Kein Sprachkurs am Abend"
    qtbot.waitUntil(lambda: dialog.cases.count() > 0, timeout=10_000)
    alt_to(qtbot, dialog.description)
    press(qtbot, Qt.Key.Key_End)
    type_text(qtbot, " fuer Berufstaetige")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    gap = on_database(window, lambda s: s.get(StructuralGap, gap_id))
    assert gap.description == "Kein Sprachkurs am Abend fuer Berufstaetige"
    assert gap.case_ids == [case_id]  # the linked case stayed linked
    on_database(window, lambda s: services.release_gap(s, gap_id=gap_id))
    page.reload()
    qtbot.waitUntil(lambda: page.list.current() is not None
                    and page.list.current().released_at is not None, timeout=10_000)
    assert not button_of(page, "Bearbeiten").isEnabled()  # released: frozen
    assert page.edit() is None


def test_a_residence_period_is_corrected_by_keys(qtbot: Any, window: Any) -> None:
    view = fresh_file(qtbot, window)

    def added(session: Any) -> str:
        return str(services.add_residence_period(
            session, client_id=view.client_id, status_code="toleration_60a",
            valid_from=dt.date(2020, 1, 1)).ids[0])

    period_id = on_database(window, added)
    view.reload()
    qtbot.waitUntil(lambda: len(view.data.periods) == 1, timeout=10_000)
    page = to_tab(qtbot, window, view, "Stammdaten")
    activate(qtbot, window)
    if QApplication.focusWidget() is None:
        qtbot.keyClick(window, Qt.Key.Key_Tab)
    tab_to(qtbot, list_named(page, "Aufenthaltsstatus"), limit=40)
    press(qtbot, Qt.Key.Key_Home)
    dialog = dialog_by_enter(qtbot)
    alt_to(qtbot, dialog.valid_from)
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, "01.03.2019")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    period = on_database(window, lambda s: s.get(ResidenceStatusPeriod, period_id))
    assert period.valid_from == dt.date(2019, 3, 1)


def test_the_history_names_a_closures_reason_in_words(qtbot: Any, window: Any) -> None:
    """The phase history showed the closure reason's catalog code ("moved_away")."""
    view = fresh_file(qtbot, window)
    case_id = view.data.open_case.id
    reason = window.context.catalogs["closure_reasons"].entries[0]
    on_database(window, lambda s: services.close_case(
        s, case_id=case_id, closed_on=dt.date.today(), reason_code=reason.code))
    view.reload()
    qtbot.waitUntil(lambda: view.data.open_case is None, timeout=10_000)
    history = view.page_titled("Verlauf")
    assert history.phases.tree.topLevelItem(0).text(4) == window.context.label(
        "closure_reasons", reason.code) != reason.code

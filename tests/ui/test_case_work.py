"""The path a case manager walks every day: a new person, a case, a consultation entered by
keyboard, a follow-up, and closing the case; plus the search."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kim_desktop.ui.qt import QLocale, Qt


def _wait_file(qtbot: Any, window: Any, client_id: str) -> Any:
    view = window.client_files[client_id]
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    return view


def test_new_person_case_consultation_follow_up_close(qtbot: Any, window: Any) -> None:
    form = window.new_client()
    form.submit()
    qtbot.waitUntil(form.error.isVisible, timeout=10_000)
    assert "Nachname" in form.error.text()  # inline, before anything is written
    form.last_name.setText("Testperson")
    form.first_name.setText("Ada")
    form.municipality.setCurrentIndex(form.municipality.findData("rahden"))
    form.submit()
    qtbot.waitUntil(lambda: len(window.client_files) == 1, timeout=10_000)
    client_id = next(iter(window.client_files))
    view = _wait_file(qtbot, window, client_id)
    assert view.name.text() == "Testperson, Ada"
    assert "Rahden" in view.facts.text()
    assert "kein Fall eröffnet" in view.facts.text()
    assert "Einwilligung: keine gültige" in view.facts.text()

    opening = view._case_action()
    opening.reason.setPlainText("Erstberatung")
    opening.submit()
    qtbot.waitUntil(lambda: view.data.open_case is not None, timeout=10_000)
    assert "Phase: Klärung" in view.facts.text()

    dialog = window.quick_consultation()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert dialog.chosen_client() == client_id  # the open file is the default person
    assert dialog.minutes.value() == 30
    dialog.fields.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.notes.setPlainText("Unterlagen gesichtet 📄")
    dialog.follow_up.setChecked(True)
    dialog.follow_up_text.setPlainText("Nachfragen")
    dialog.submit()
    qtbot.waitUntil(lambda: len(view.data.consultations) == 1, timeout=10_000)
    assert view.data.consultations[0].duration_minutes == 30
    assert [f.text for f in view.data.follow_ups] == ["Nachfragen"]

    follow_ups = view.page_titled("Wiedervorlagen")
    follow_ups.select_first()
    follow_ups._done()
    qtbot.waitUntil(lambda: view.data.follow_ups[0].done_on is not None, timeout=10_000)

    closing = view._case_action()
    closing.submit()
    assert "Abschlussgrund" in closing.error.text()
    closing.reason.setCurrentIndex(1)
    closing.submit()
    qtbot.waitUntil(lambda: view.data.open_case is None, timeout=10_000)
    assert "Fall abgeschlossen am" in view.facts.text()
    assert view.case_button.text().replace("&", "").startswith("Fall wieder eröffnen")


def test_quick_consultation_by_keyboard_alone(qtbot: Any, window: Any) -> None:
    caseload = window.pages["caseload"]
    first = caseload.model.row_at(0)
    window.show_page("start")
    dialog = window.quick_consultation()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    qtbot.keyClicks(dialog.client, first.name)
    assert dialog.chosen_client() == first.client_id
    qtbot.keyClick(dialog.client, Qt.Key.Key_Tab)
    dialog.fields.setFocus()
    dialog.fields.setCurrentRow(0)
    qtbot.keyClick(dialog.fields, Qt.Key.Key_Space)
    assert dialog.checked_fields()
    before = caseload.model.total
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert caseload.model.total == before


def test_a_new_consultation_records_the_interpreters_language(qtbot: Any, window: Any) -> None:
    """The form for a new consultation is the one for correcting it: the interpreter's
    language is asked for both ways (the quick form once had no field for it)."""
    from kim_desktop.core.models import Consultation
    from kim_desktop.ui.qt import QApplication
    from tests.ui.keys import CTRL, activate, alt_to, press, type_text

    caseload = window.pages["caseload"]
    first = caseload.model.row_at(0)
    press(qtbot, Qt.Key.Key_N, CTRL)
    dialog = activate(qtbot, QApplication.activeModalWidget())
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    type_text(qtbot, first.name)
    alt_to(qtbot, dialog.fields)
    press(qtbot, Qt.Key.Key_Space)
    alt_to(qtbot, dialog.interpreter)
    qtbot.waitUntil(dialog.interpreter.isChecked, timeout=5_000)  # Alt clicks after a moment
    alt_to(qtbot, dialog.language)
    type_text(qtbot, dialog.language.itemText(dialog.language.findData("ar")))
    assert dialog.language.currentData() == "ar"
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    context = window.context

    def stored() -> Any:
        with context.vault.session() as session:
            return session.query(Consultation).filter_by(client_id=first.client_id).order_by(
                Consultation.created_at.desc()).first()

    consultation = context.taskman.run_blocking_on_database(stored)
    assert (consultation.interpreter_used, consultation.interpreter_language) == (True, "ar")


def test_consultation_refuses_missing_person_and_fields(qtbot: Any, window: Any) -> None:
    dialog = window.quick_consultation()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    dialog.submit()
    assert "Person" in dialog.error.text()
    dialog.client.setText(window.pages["caseload"].model.row_at(0).name)
    dialog.submit()
    assert "Handlungsfeld" in dialog.error.text()


def test_search_as_you_type_narrows_the_caseload(qtbot: Any, window: Any) -> None:
    caseload = window.pages["caseload"]
    total = caseload.model.rowCount()
    assert total == 40
    target = caseload.model.row_at(5)
    last_name = target.name.split(",")[0]
    qtbot.keyClicks(caseload.search, last_name[:4])
    assert 0 < caseload.model.rowCount() < total
    assert any(caseload.model.row_at(i).client_id == target.client_id
               for i in range(caseload.model.rowCount()))
    caseload.search.clear()
    assert caseload.model.rowCount() == total
    qtbot.keyClicks(caseload.search, "zzqx")
    assert caseload.model.rowCount() == 0
    assert "0 von 40" in caseload.summary.text()


def test_opening_a_person_from_the_caseload(qtbot: Any, window: Any) -> None:
    caseload = window.pages["caseload"]
    target = caseload.model.row_at(3)
    caseload.table.setFocus()
    caseload.table.setCurrentIndex(caseload.model.index(3, 0))
    qtbot.keyClick(caseload.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: target.client_id in window.client_files, timeout=10_000)
    view = _wait_file(qtbot, window, target.client_id)
    assert view.name.text() == target.name
    first = view.data
    view.reload()  # runs after the logging, on the same database thread
    qtbot.waitUntil(lambda: view.data is not first, timeout=10_000)
    assert any(e.action == "view" for e in view.data.history)  # the viewing was logged


def test_dates_far_away_and_odd_text_do_not_break_the_forms(qtbot: Any, window: Any,
                                                             no_dialogs: list[str]) -> None:
    form = window.new_client()
    form.municipality.setCurrentIndex(1)
    form.last_name.setText("שלום" + "x" * 500 + "🙂")
    form.birth_date.set_date(dt.date(2100, 12, 31))
    form.submit()
    qtbot.waitUntil(lambda: form.error.isVisible() or not form.isVisible(), timeout=10_000)
    assert form.error.isVisible()  # a birth date in 2100 is refused with a message
    assert "⚠" in form.error.text()
    form.birth_date.set_date(dt.date(1900, 1, 1))
    form.submit()
    qtbot.waitUntil(lambda: "zu lang" in form.error.text(), timeout=10_000)  # never cut off
    form.last_name.setText("שלום" + "x" * 90 + "🙂")
    form.email.setText("kein-at-zeichen")
    form.submit()
    qtbot.waitUntil(lambda: "E-Mail" in form.error.text() or not form.isVisible(),
                    timeout=10_000)
    form.reject()
    assert no_dialogs  # closing with unsaved input asked first
    assert not form.isVisible()


def test_precheck_panel_shows_each_rule_with_its_basis(qtbot: Any, window: Any) -> None:
    row = window.pages["caseload"].model.row_at(1)
    view = window.open_client(row.client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    panel = view.page_titled("Vorprüfung")
    assert panel.report is None  # not evaluated before it is looked at
    view.tabs.setCurrentWidget(panel.parentWidget())
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10_000)
    assert panel.tree.topLevelItemCount() == len(panel.report.results) >= 3
    first = panel.tree.topLevelItem(0)
    assert first.text(1) in {"erfüllt", "nicht erfüllt", "offen (Angabe fehlt)"}
    assert "Stand " in first.text(3) and "/" not in first.text(3)  # a date, not a rule id
    assert first.childCount() > 0


def test_the_precheck_explanation_of_the_current_row_is_shown_in_full(
    qtbot: Any, window: Any
) -> None:
    """Reproduced on main: the tree cut explanations with "…", the whole text only in a
    tooltip the mouse reaches; at 150 % the column lay beyond the right edge."""
    from tests.ui.keys import activate, press

    row = window.pages["caseload"].model.row_at(1)
    view = window.open_client(row.client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    panel = view.page_titled("Vorprüfung")
    window.show()
    view.tabs.setCurrentWidget(panel.parentWidget())
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10_000)
    activate(qtbot, window)
    panel.tree.setFocus()
    explained = 0
    for _ in range(12):
        press(qtbot, Qt.Key.Key_Down)  # row by row, as a keyboard user reads them
        item = panel.tree.currentItem()
        if item.text(3):
            assert item.text(3) in panel.detail.text() and item.text(0) in panel.detail.text()
            explained += 1
    assert explained >= 5
    assert panel.detail.isVisible() and panel.detail.wordWrap()
    header = panel.tree.header()
    assert header.sectionPosition(3) < panel.tree.viewport().width()  # the column in sight


@pytest.mark.parametrize(
    ("notes", "when", "follow_up_text", "expected"),
    [
        ("x" * 30_000, None, "", "zu lang"),
        ("مرحبا 🙂 \u202e", (2100, 1, 1), "", "Zukunft"),
        ("", None, None, "Wiedervorlage"),
    ],
)
def test_odd_consultation_input_is_refused_with_a_message(
    qtbot: Any, window: Any, notes: str, when: tuple[int, int, int] | None,
    follow_up_text: str | None, expected: str,
) -> None:

    dialog = window.quick_consultation()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    dialog.client.setText(window.pages["caseload"].model.row_at(0).name)
    dialog.fields.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.notes.setPlainText(notes)
    if when is not None:
        dialog.held_at.set_moment(dt.datetime(*when, 9, 0).astimezone())
    if follow_up_text is None:
        dialog.follow_up.setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert expected in dialog.error.text()
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()  # the form stays usable after the refusal


def test_residence_period_and_a_referral_that_needs_a_waiver(qtbot: Any, window: Any) -> None:
    from kim_desktop.ui.client_file import dialogs

    form = window.new_client()
    form.last_name.setText("Zeitraum")
    form.submit()
    qtbot.waitUntil(lambda: form.error.isVisible(), timeout=10_000)
    assert "Kommune" in form.error.text()  # the domain's rule, said inline
    form.municipality.setCurrentIndex(1)
    form.submit()
    qtbot.waitUntil(lambda: len(window.client_files) == 1, timeout=10_000)
    view = next(iter(window.client_files.values()))
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    period = dialogs.ResidencePeriodDialog(view.context, view.client_id, view)
    qtbot.addWidget(period)
    period.submit()
    qtbot.waitUntil(lambda: len(view.data.periods) == 1, timeout=10_000)
    referral = dialogs.ReferralDialog(view.context, view.client_id, view)
    qtbot.addWidget(referral)
    referral.purpose.setPlainText("Sprachkurs B1")
    referral.submit()
    qtbot.waitUntil(lambda: len(view.data.referrals) == 1, timeout=10_000)
    tab = view.page_titled("Vermittlungen")
    tab.select_first()
    send = tab.send()
    qtbot.addWidget(send)
    assert "keine gültige Schweigepflichtentbindung" in send.waiver_note.text()
    send.submit()
    assert "begründen" in send.error.text()  # asked for the reason instead of failing
    assert view.data.referrals[0].state == "planned"


def test_own_statistics_load_when_shown(qtbot: Any, window: Any) -> None:
    page = window.pages["statistics"]
    assert not page.loaded  # nothing read before the tab is opened
    window.show_page("statistics")
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert "Beratungskontakte" in page.summary.text()
    page.mine.setChecked(False)
    qtbot.waitUntil(lambda: page.months.tree.topLevelItemCount() > 0, timeout=10_000)
    first = page.months.tree.topLevelItem(0)
    month, year = first.text(0).split()
    assert month in [QLocale().standaloneMonthName(m) for m in range(1, 13)]
    assert int(year) == page.end.date().year
    assert first.textAlignment(1) & Qt.AlignmentFlag.AlignRight
    page.start.set_date(page.end.date() + dt.timedelta(days=1))  # an empty period: no error
    page.start.editingFinished.emit()
    qtbot.waitUntil(lambda: "0 Beratungskontakte" in page.summary.text(), timeout=10_000)
    assert page.error.isHidden()


def test_demo_people_are_added_with_progress_and_can_be_cancelled(
    qtbot: Any, window: Any
) -> None:
    from kim_desktop.ui.demo_data import DemoDataDialog

    caseload = window.pages["caseload"]
    before = caseload.model.total
    dialog = DemoDataDialog(window.context, 3, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    assert not dialog.summary.cancelled
    qtbot.waitUntil(lambda: caseload.model.total == before + 3, timeout=10_000)
    cancelled = DemoDataDialog(window.context, 10_000, window)
    qtbot.addWidget(cancelled)
    cancelled.canceled.emit()  # the cancel button
    qtbot.waitUntil(lambda: cancelled.summary is not None, timeout=60_000)
    assert cancelled.summary.cancelled
    qtbot.waitUntil(lambda: before + 3 < caseload.model.total < before + 10_003,
                    timeout=10_000)


def test_plan_goal_measure_and_status(qtbot: Any, window: Any) -> None:
    from kim_desktop.ui.client_file import dialogs

    caseload = window.pages["caseload"]
    row = next(caseload.model.row_at(i) for i in range(caseload.model.rowCount())
               if caseload.model.row_at(i).case_id)
    view = window.open_client(row.client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    goals_before = len(view.data.goals)
    goal = dialogs.GoalDialog(view.context, row.case_id, view)
    qtbot.addWidget(goal)
    goal.description.setPlainText("B1-Zertifikat")
    goal.due_on.set_date(dt.date.today() + dt.timedelta(days=180))
    goal.submit()
    qtbot.waitUntil(lambda: len(view.data.goals) == goals_before + 1, timeout=10_000)
    new_goal = next(g for g in view.data.goals if g.description == "B1-Zertifikat")
    measure = dialogs.MeasureDialog(view.context, new_goal.id, view)
    qtbot.addWidget(measure)
    measure.description.setPlainText("Anmeldung Sprachkurs")
    measure.responsible.setCurrentIndex(measure.responsible.findData("partner_agency"))
    measure.submit()
    assert "Partnerstelle" in measure.error.text()
    measure.agency.setCurrentIndex(1)
    measure.submit()
    qtbot.waitUntil(lambda: any(m.goal_id == new_goal.id for m in view.data.measures),
                    timeout=10_000)
    status = dialogs.GoalDialog(view.context, row.case_id, view, goal=new_goal)
    qtbot.addWidget(status)
    status.status.setCurrentIndex(status.status.findData("achieved"))
    status.submit()
    qtbot.waitUntil(lambda: status.error.text() != "", timeout=10_000)
    assert "Ergebnis" in status.error.text()  # a reached goal needs its outcome
    status.outcome.setPlainText("Zertifikat B1 erhalten")
    status.submit()
    qtbot.waitUntil(lambda: next(g for g in view.data.goals if g.id == new_goal.id).status
                    == "achieved", timeout=10_000)
    reached = next(g for g in view.data.goals if g.id == new_goal.id)
    assert reached.due_on == new_goal.due_on is not None  # the status change kept the date
    assert reached.description == "B1-Zertifikat"


def test_a_name_in_cyrillic_or_arabic_letters_is_found_by_typing_it(
    qtbot: Any, window: Any
) -> None:
    """Reproduced on main: "Кравчук" typed into the search found no one ("0 von 42"), nor
    did "Kravchuk", nor the Arabic name as written."""
    from kim_desktop.core import services
    from tests.ui.keys import type_script

    def made(session: Any) -> None:
        for first, last in (("Олена", "Кравчук"), ("كريم", "حداد")):
            services.create_client(session, data=services.ClientData(
                first_name=first, last_name=last, municipality_code="hille"))

    context = window.context

    def run() -> None:
        with context.vault.session() as session:
            made(session)

    context.taskman.run_blocking_on_database(run)
    caseload = window.pages["caseload"]
    caseload.reload()
    qtbot.waitUntil(lambda: caseload.model.rowCount() == 42, timeout=10_000)
    for typed, found in (("Кравчук", "Кравчук, Олена"), ("kravchuk", "Кравчук, Олена"),
                         ("حداد", "حداد, كريم")):
        caseload.search.setFocus()
        caseload.search.selectAll()
        qtbot.keyClick(caseload.search, Qt.Key.Key_Delete)
        type_script(typed)
        qtbot.waitUntil(lambda: caseload.model.rowCount() == 1, timeout=5_000)
        assert caseload.model.row_at(0).name == found

"""One case from intake to closure, by keyboard alone: the proof that a case manager can do
the whole cycle without the mouse. Every key goes to the widget that has the focus; the test
never sets text, focus or a choice itself, and checks each step in the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from kim_desktop.core.models import (
    Case,
    CasePhaseChange,
    Client,
    Consent,
    Consultation,
    FollowUp,
    Goal,
    Measure,
    NeedsAssessment,
    Referral,
    StructuralGap,
)
from kim_desktop.core.services import ClientData, create_client
from kim_desktop.ui.consultation_form import ConsultationForm
from kim_desktop.ui.formats import day
from kim_desktop.ui.qt import QApplication, Qt
from tests.ui.conftest import PASSWORD, USER, unlock
from tests.ui.keys import CTRL, SHIFT, activate, alt_to, focused, press, type_text
from tests.ui.test_case_cycle import (
    button_of,
    dialog_by_enter,
    dialog_from,
    list_named,
    phase_control,
    save_by_key,
    tab_to,
    to_tab,
)
from tests.ui.test_client_file_editing import on_database
from tests.ui.test_follow_ups import typed

TODAY = dt.date.today()
BORN = dt.date(1994, 10, 5)
JOBCENTER = "jobcenter_minden_luebbecke"
HALF = "Halb geschrieben: Termin beim Jobcenter"


def modal(qtbot: Any) -> Any:
    """The dialog that just opened, made the active window."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    return activate(qtbot, QApplication.activeModalWidget())


def closed(qtbot: Any, dialog: Any) -> None:
    """The dialog saved and closed (or the test says what it refused), and the window's
    status bar confirms it."""
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.error.isVisible(), timeout=10_000)
    assert not dialog.isVisible(), dialog.error.text()
    window = dialog.parentWidget().window()
    status = window.statusBar()
    qtbot.waitUntil(lambda: dialog.confirmation in status.currentMessage(), timeout=5_000)
    # Qt draws the message only left of the permanent widgets: it must have room there.
    assert window.sync_status.x() >= status.fontMetrics().horizontalAdvance(
        status.currentMessage()), "the confirmation is hidden behind the sync status"


def one(window: Any, statement: Any) -> Any:
    return on_database(window, lambda s: s.scalars(statement).one())


def new_person(qtbot: Any, window: Any) -> Any:
    """Ctrl+Shift+N, the name, a typed birth date and the municipality; Enter saves and the
    new file opens."""
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL | SHIFT)
    form = modal(qtbot)
    assert focused() is form.last_name
    type_text(qtbot, "Szenario")
    alt_to(qtbot, form.first_name)
    type_text(qtbot, "Samira")
    alt_to(qtbot, form.birth_date)
    type_text(qtbot, "05.10.1994")
    alt_to(qtbot, form.municipality)
    type_text(qtbot, "Rahden")
    press(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    client = one(window, select(Client).where(Client.last_name == "Szenario"))
    assert (client.first_name, client.birth_date, client.municipality_code) == (
        "Samira", BORN, "rahden")
    qtbot.waitUntil(lambda: client.id in window.client_files, timeout=10_000)
    view = window.client_files[client.id]
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    return view


def case_of(window: Any, view: Any) -> Any:
    return one(window, select(Case).where(Case.client_id == view.client_id))


def open_the_case(qtbot: Any, window: Any, view: Any) -> None:
    dialog = dialog_from(qtbot, window, view.case_button)
    assert focused() is dialog.opened_on
    alt_to(qtbot, dialog.reason)
    type_text(qtbot, "Erstberatung im Rathaus")
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    case = case_of(window, view)
    assert (case.phase, case.opened_on, case.open_reason) == ("intake", TODAY,
                                                        "Erstberatung im Rathaus")
    qtbot.waitUntil(lambda: view.data.open_case is not None, timeout=10_000)


def consents(qtbot: Any, window: Any, view: Any) -> None:
    """The consent to the processing, valid until a typed day; then the waiver for the
    Jobcenter that the referral needs."""
    page = to_tab(qtbot, window, view, "Einwilligungen")
    until = TODAY + dt.timedelta(days=730)
    dialog = dialog_from(qtbot, window, button_of(page, "Erfassen"))
    assert focused() is dialog.kind
    alt_to(qtbot, dialog.purpose)
    type_text(qtbot, "Beratung und Fallmanagement")
    alt_to(qtbot, dialog.expires_on)
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, typed(until))
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    consent = one(window, select(Consent).where(Consent.client_id == view.client_id))
    assert (consent.kind, consent.granted_on, consent.expires_on) == (
        "data_processing", TODAY, until)
    qtbot.waitUntil(lambda: f"gültig bis {day(until)}" in view.facts.text(),
                    timeout=10_000)

    dialog = dialog_from(qtbot, window, button_of(page, "Erfassen"))
    type_text(qtbot, "Sch")  # the kind: a confidentiality waiver
    alt_to(qtbot, dialog.agency)
    type_text(qtbot, "Jobc")
    alt_to(qtbot, dialog.purpose)
    type_text(qtbot, "Arbeitsvermittlung")
    alt_to(qtbot, dialog.expires_on)
    type_text(qtbot, typed(until))
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    waiver = one(window, select(Consent).where(Consent.client_id == view.client_id,
                                               Consent.kind == "confidentiality_waiver"))
    assert (waiver.recipient_agency_code, waiver.expires_on) == (JOBCENTER, until)


def needs(qtbot: Any, window: Any, view: Any) -> None:
    """Ctrl+PgDn from the consents to the next part, the needs; one assessed."""
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    page = view.page_titled("Bedarfe")
    assert view.tabs.currentWidget() is page.parentWidget()
    press(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert view.tabs.currentWidget() is view.page_titled("Einwilligungen").parentWidget()
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    qtbot.waitUntil(page.isVisible, timeout=5_000)  # a page made now shows a moment later
    dialog = dialog_from(qtbot, window, button_of(page, "Bedarf einschätzen"))
    assert focused() is dialog.field
    type_text(qtbot, "Erl")  # Erlernen der deutschen Sprache
    alt_to(qtbot, dialog.level)
    type_text(qtbot, "h")
    alt_to(qtbot, dialog.strengths)
    type_text(qtbot, "Spricht Arabisch und Englisch")
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    need = one(window, select(NeedsAssessment).where(
        NeedsAssessment.case_id == view.data.open_case.id))
    assert (need.field_of_action_code, need.level, need.assessed_on, need.strengths) == (
        "german", "high", TODAY, "Spricht Arabisch und Englisch")


def plan(qtbot: Any, window: Any, view: Any) -> None:
    page = to_tab(qtbot, window, view, "Hilfeplan")
    dialog = dialog_from(qtbot, window, button_of(page, "Ziel vereinbaren"))
    assert focused() is dialog.field
    type_text(qtbot, "Erl")
    alt_to(qtbot, dialog.description)
    type_text(qtbot, "Deutsch B1")
    alt_to(qtbot, dialog.due_on)
    type_text(qtbot, typed(TODAY + dt.timedelta(days=180)))
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    goal = one(window, select(Goal).where(Goal.case_id == view.data.open_case.id))
    assert (goal.field_of_action_code, goal.description, goal.due_on) == (
        "german", "Deutsch B1", TODAY + dt.timedelta(days=180))
    qtbot.waitUntil(lambda: page.goals.current() is not None, timeout=10_000)

    dialog = dialog_from(qtbot, window, button_of(page, "Maßnahme vereinbaren"))
    assert focused() is dialog.description
    type_text(qtbot, "Anmeldung beim Integrationskurs")
    alt_to(qtbot, dialog.due_on)
    type_text(qtbot, typed(TODAY + dt.timedelta(days=30)))
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    measure = one(window, select(Measure).where(Measure.goal_id == goal.id))
    assert (measure.description, measure.due_on) == (
        "Anmeldung beim Integrationskurs", TODAY + dt.timedelta(days=30))


def consultation(qtbot: Any, window: Any, view: Any) -> None:
    """Ctrl+N in the file: the person is chosen already; a field of action and the notes,
    Ctrl+Enter saves."""
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL)
    form = modal(qtbot)
    qtbot.waitUntil(lambda: form.ready, timeout=5_000)
    assert form.chosen_client() == view.client_id
    alt_to(qtbot, form.fields)
    press(qtbot, Qt.Key.Key_Space)
    alt_to(qtbot, form.notes)
    type_text(qtbot, "Erstgespraech: Sprachkurs und Arbeit besprochen")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, form)
    held = one(window, select(Consultation).where(Consultation.client_id == view.client_id))
    assert held.notes == "Erstgespraech: Sprachkurs und Arbeit besprochen"
    assert held.case_id == view.data.open_case.id and held.fields_of_action
    assert held.held_at.date() == TODAY


def referral(qtbot: Any, window: Any, view: Any) -> None:
    """Planned, sent (the waiver is there: nothing more to say), accepted and completed."""
    page = to_tab(qtbot, window, view, "Vermittlungen")
    dialog = dialog_from(qtbot, window, button_of(page, "Vermittlung planen"))
    assert focused() is dialog.agency
    type_text(qtbot, "Jobc")
    alt_to(qtbot, dialog.field)
    type_text(qtbot, "Arb")
    alt_to(qtbot, dialog.purpose)
    type_text(qtbot, "Vermittlung in Arbeit")
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    planned = one(window, select(Referral).where(Referral.client_id == view.client_id))
    assert (planned.agency_code, planned.field_of_action_code, planned.state) == (
        JOBCENTER, "work", "planned")
    qtbot.waitUntil(lambda: page.current() is not None, timeout=10_000)
    assert page.current().id == planned.id  # the new one is chosen: its next step is offered

    for step, expected, text in (("Gesendet", "sent", ""), ("Angenommen", "accepted", ""),
                                 ("Abgeschlossen", "completed", "Stelle als Helferin ab Juni")):
        qtbot.waitUntil(lambda s=step: button_of(page, s).isEnabled(), timeout=10_000)
        dialog = dialog_from(qtbot, window, button_of(page, step))
        assert focused() is (dialog.sent_on if step == "Gesendet" else dialog.day)
        if text:
            alt_to(qtbot, dialog.reason)
            type_text(qtbot, text)
        save_by_key(qtbot, dialog)
        closed(qtbot, dialog)
        stored = on_database(window, lambda s: s.get(Referral, planned.id))
        assert stored.state == expected
    assert (stored.sent_on, stored.completed_on, stored.outcome) == (
        TODAY, TODAY, "Stelle als Helferin ab Juni")
    assert stored.waiver_id is not None and not stored.override_reason


def follow_up(qtbot: Any, window: Any, view: Any) -> None:
    """Set for next week, moved by Enter on it to a typed day, then done."""
    page = to_tab(qtbot, window, view, "Wiedervorlagen")
    dialog = dialog_from(qtbot, window, button_of(page, "Neue Wiedervorlage"))
    assert focused() is dialog.due_on
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, typed(TODAY + dt.timedelta(days=7)))
    alt_to(qtbot, dialog.text)
    type_text(qtbot, "Kursplatz nachfragen")
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    stored = one(window, select(FollowUp).where(FollowUp.client_id == view.client_id))
    assert (stored.due_on, stored.text, stored.assigned_user) == (
        TODAY + dt.timedelta(days=7), "Kursplatz nachfragen", "anna")

    activate(qtbot, window)
    tab_to(qtbot, list_named(page, "Wiedervorlagen"))
    press(qtbot, Qt.Key.Key_Home)
    dialog = dialog_by_enter(qtbot)
    assert focused() is dialog.due_on
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, typed(TODAY + dt.timedelta(days=21)))
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    stored = on_database(window, lambda s: s.get(FollowUp, stored.id))
    assert stored.due_on == TODAY + dt.timedelta(days=21)

    activate(qtbot, window)
    alt_to(qtbot, button_of(page, "Als erledigt markieren"))
    qtbot.waitUntil(lambda: on_database(window, lambda s: s.get(FollowUp, stored.id).done_on)
                    == TODAY, timeout=10_000)


def phases(qtbot: Any, window: Any, view: Any) -> None:
    """Each DGCC phase in turn, the next one offered first: Enter takes it."""
    walked = ["assessment", "planning", "implementation", "monitoring", "evaluation"]
    for phase in walked:
        dialog = dialog_from(qtbot, window, phase_control(view))
        assert focused() is dialog.phase and dialog.phase.currentData() == phase
        press(qtbot, Qt.Key.Key_Return)
        closed(qtbot, dialog)
        qtbot.waitUntil(lambda p=phase: view.data.open_case.phase == p, timeout=10_000)
        assert case_of(window, view).phase == phase
    steps = on_database(window, lambda s: [c.to_phase for c in s.scalars(
        select(CasePhaseChange).where(CasePhaseChange.case_id == view.data.open_case.id)
        .order_by(CasePhaseChange.created_at))])
    assert steps == ["intake", *walked]


def precheck_facts(qtbot: Any, window: Any, view: Any) -> None:
    page = to_tab(qtbot, window, view, "Vorprüfung")
    form = dialog_from(qtbot, window, page.edit_facts)
    rows = form.rows
    assert focused() is rows["passport"]
    type_text(qtbot, "j")
    for name, keys in (("german_oral", "B1"), ("german_oral_on", "12.03.2025"),
                       ("german_written", "A2"), ("german_written_on", "12.03.2025"),
                       ("naturalisation_test_passed", "n"), ("livelihood_own_share", "60"),
                       ("convictions_above_threshold", "n"), ("school_years_successful", "9"),
                       ("qualification", "S")):
        alt_to(qtbot, rows[name])
        type_text(qtbot, keys)
    save_by_key(qtbot, form)
    closed(qtbot, form)
    client = on_database(window, lambda s: s.get(Client, view.client_id))
    assert (client.passport, client.german_oral, client.german_oral_on, client.german_written,
            client.german_written_on, client.naturalisation_test_passed,
            client.livelihood_own_share, client.convictions_above_threshold,
            client.school_years_successful, client.qualification) == (
        True, "B1", dt.date(2025, 3, 12), "A2", dt.date(2025, 3, 12), False, 0.6, False, 9,
        "school_leaving")
    assert client.birth_date == BORN  # the master data stayed


def gap(qtbot: Any, window: Any, view: Any) -> None:
    """Recorded on the gaps screen (Ctrl+3), linked to the case, released."""
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_3, CTRL)
    page = window.pages["gaps"]
    assert window.tabs.currentWidget() is page
    dialog = dialog_from(qtbot, window, button_of(page, "Fehlstelle erfassen"))
    assert focused() is dialog.category
    type_text(qtbot, "Zugang zu S")  # a space in it: the list stays shut
    alt_to(qtbot, dialog.field)
    type_text(qtbot, "Erl")
    alt_to(qtbot, dialog.municipality)
    type_text(qtbot, "Rahden")
    alt_to(qtbot, dialog.description)
    type_text(qtbot, "Kein Kitaplatz waehrend des Integrationskurses")
    qtbot.waitUntil(lambda: dialog.cases.count() > 0, timeout=10_000)
    alt_to(qtbot, dialog.case_filter)
    type_text(qtbot, "Szenario")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.cases
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Space)
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    recorded = one(window, select(StructuralGap).where(
        StructuralGap.description.startswith("Kein Kitaplatz")))
    assert recorded.case_ids == [view.data.open_case.id]
    assert (recorded.category_code, recorded.field_of_action_code) == (
        "language_course_access", "german")

    qtbot.waitUntil(lambda: page.list.current() is not None
                    and page.list.current().id == recorded.id, timeout=10_000)
    release = dialog_from(qtbot, window, button_of(page, "Freigeben"))
    qtbot.waitUntil(release.release_button.isEnabled, timeout=10_000)
    alt_to(qtbot, release.release_button)
    closed(qtbot, release)
    released = on_database(window, lambda s: s.get(StructuralGap, recorded.id))
    assert released.released_at is not None and released.released_by == "anna"


def close_the_case(qtbot: Any, window: Any, view: Any) -> None:
    activate(qtbot, window)
    # Ctrl+Tab from the gaps screen along the window's tabs to the file
    press(qtbot, Qt.Key.Key_Tab, CTRL, times=window.tabs.indexOf(view) - window.tabs.currentIndex())
    assert window.tabs.currentWidget() is view
    dialog = dialog_from(qtbot, window, view.case_button)
    assert focused() is dialog.closed_on
    alt_to(qtbot, dialog.reason)
    type_text(qtbot, "Ziele t")
    alt_to(qtbot, dialog.note)
    type_text(qtbot, "Arbeit gefunden, Kurs begonnen")
    save_by_key(qtbot, dialog)
    closed(qtbot, dialog)
    case = case_of(window, view)
    assert (case.phase, case.closed_on, case.closure_reason_code) == (
        "closure", TODAY, "goals_partly_achieved")
    qtbot.waitUntil(lambda: view.data.open_case is None, timeout=10_000)
    assert "Fall abgeschlossen" in view.facts.text()


def test_one_case_from_intake_to_closure_by_keyboard_alone(qtbot: Any, window: Any) -> None:
    view = new_person(qtbot, window)
    open_the_case(qtbot, window, view)
    consents(qtbot, window, view)
    needs(qtbot, window, view)
    plan(qtbot, window, view)
    consultation(qtbot, window, view)
    referral(qtbot, window, view)
    follow_up(qtbot, window, view)
    phases(qtbot, window, view)
    precheck_facts(qtbot, window, view)
    gap(qtbot, window, view)
    close_the_case(qtbot, window, view)


def test_the_idle_lock_keeps_a_half_written_consultation_until_unlocked_by_keys(
    qtbot: Any, controller: Any, no_dialogs: list[str]
) -> None:
    window = unlock(qtbot, controller)
    done: list[Any] = []  # written as the program writes, so that the caseload hears of it
    window.context.write(lambda s: create_client(s, data=ClientData(
        last_name="Pause", first_name="Paula", municipality_code="rahden")), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    client_id = str(done[0].client_id)
    caseload = window.pages["caseload"]
    qtbot.waitUntil(lambda: not caseload.loaded or caseload.model.row_of(client_id) >= 0,
                    timeout=10_000)
    view = window.open_client(client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL)
    form = modal(qtbot)
    qtbot.waitUntil(lambda: form.ready, timeout=5_000)
    assert form.chosen_client() == client_id
    alt_to(qtbot, form.fields)
    press(qtbot, Qt.Key.Key_Space)
    alt_to(qtbot, form.notes)
    type_text(qtbot, HALF)
    controller.idle.set_interval_ms(50)  # the person stops typing and leaves the desk
    controller.idle.start()
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert no_dialogs == []  # the lock asked nothing

    unlock_screen = activate(qtbot, controller.unlock_dialog)
    alt_to(qtbot, unlock_screen.user)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, USER)
    alt_to(qtbot, unlock_screen.password)
    type_text(qtbot, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    window = controller.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ConsultationForm),
                    timeout=10_000)
    form = modal(qtbot)
    qtbot.waitUntil(lambda: form.ready, timeout=5_000)
    assert form.notes.toPlainText() == HALF
    assert form.chosen_client() == client_id
    assert list(window.client_files) == [client_id]  # its file is open again
    alt_to(qtbot, form.notes)
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_text(qtbot, ", fertig nach der Pause")
    press(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, form)
    held = one(window, select(Consultation).where(
        Consultation.client_id == client_id))
    assert held.notes == HALF + ", fertig nach der Pause"

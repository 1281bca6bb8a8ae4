"""Editing in the client file, end to end through the widgets: household members, needs
re-assessed, consultations corrected, referrals sent (with and without a waiver), declined and
cancelled. Each path checks the database and the screen; each form gets odd input and asks
before its unsaved input is thrown away."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from kim_desktop.core import services
from kim_desktop.core.models import HouseholdMember, NeedsAssessment, Referral
from kim_desktop.core.services.clients import ClientData
from kim_desktop.ui.qt import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    Qt,
    QTimer,
)

ODD = "שלום مرحبا 🙂 ÄÖÜß"  # right-to-left scripts, emoji, umlauts: all kept
#: What is refused in a stored text: a direction override and control characters.
HIDDEN = "\u202eשלום\x01\x1b"
HUGE = "x" * 10_000
JOBCENTER, IMMIGRATION_OFFICE = "jobcenter_minden_luebbecke", "auslaenderbehoerde_kreis"


def on_database(window: Any, work: Callable[[Any], Any]) -> Any:
    """Runs ``work(session)`` on the database thread and returns its result."""
    context = window.context

    def run() -> Any:
        with context.vault.session() as session:
            session.info["catalogs"] = context.catalogs
            return work(session)

    return context.taskman.run_blocking_on_database(run)


def fresh_file(qtbot: Any, window: Any, *, open_case: bool = True) -> Any:
    """The file of a new person (with an open case, a week old), so that nothing from the
    demo data is in the way."""
    def create(session: Any) -> str:
        client_id = services.create_client(session, data=ClientData(
            last_name="Bearbeitung", first_name="Test", municipality_code="rahden")).client_id
        if open_case:
            services.open_case(session, client_id=client_id,
                               opened_on=dt.date.today() - dt.timedelta(days=7),
                               reason="Erstberatung", target_group_criteria=[])
        return str(client_id)

    view = window.open_client(on_database(window, create))
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    return view


def tab(view: Any, title: str) -> Any:
    page = view.page_titled(title)
    view.tabs.setCurrentWidget(page.parentWidget())
    return page


def button(page: Any, text: str) -> Any:
    """The list's button whose text (without mnemonic) starts with ``text``."""
    for index in range(page.buttons.count()):
        widget = page.buttons.itemAt(index).widget()
        if widget is not None and widget.text().replace("&", "").startswith(text):
            return widget
    raise LookupError(text)


def click(qtbot: Any, widget: Any) -> None:
    assert widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def opened(page: Any, kind: type) -> Any:
    """The dialog of ``kind`` the last click opened."""
    dialogs = [d for d in page.findChildren(kind) if d.isVisible()]
    assert len(dialogs) == 1, dialogs
    return dialogs[0]


def select_row(page: Any, predicate: Callable[[Any], bool]) -> int:
    index = next(i for i, record in enumerate(page._records) if predicate(record))
    page.tree.setFocus()
    page.tree.setCurrentItem(page.tree.topLevelItem(index))
    return index


def save(qtbot: Any, dialog: Any) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))


def refused(qtbot: Any, dialog: Any, expected: str) -> None:
    """The dialog says why inline, stays open and usable."""
    qtbot.waitUntil(lambda: dialog.error.isVisible() or not dialog.isVisible(), timeout=10_000)
    assert expected in dialog.error.text()
    assert "⚠" in dialog.error.text()
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()


def answer_next_box(button_text: str, *, said: list[str] | None = None) -> None:
    """Clicks ``button_text`` in the next message box that opens modally; its text goes to
    ``said``. A box without that button is closed, so that the test fails on what it said
    instead of waiting for ever behind it."""
    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(10, answer)
            return
        if said is not None:
            said.append(boxes[0].text())
        for candidate in boxes[0].buttons():
            if candidate.text().replace("&", "") == button_text:
                candidate.click()
                return
        boxes[0].reject()

    QTimer.singleShot(0, answer)


def set_qdate(edit: Any, day: dt.date) -> None:
    edit.set_date(day)


def cancel_asks_first(dialog: Any, no_dialogs: list[str]) -> None:
    """Cancel with unsaved input asks (the fixture answers "discard") and then closes."""
    before = len(no_dialogs)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert no_dialogs[before:] == ["Ungespeicherte Eingaben"]
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


# --- household ---------------------------------------------------------------------------


def members_of(view: Any) -> Callable[[Any], list[Any]]:
    return lambda session: list(session.scalars(select(HouseholdMember).where(
        HouseholdMember.client_id == view.client_id)))


def test_master_data_saved_after_a_sync_keeps_what_the_sync_brought(
    qtbot: Any, window: Any
) -> None:
    """The form is open; meanwhile a pulled change sets the phone; the case manager changes
    only the street and saves: both changes stay."""
    from dataclasses import replace

    from kim_desktop.core.models import Client

    view = fresh_file(qtbot, window, open_case=False)
    form = tab(view, "Stammdaten").edit()
    qtbot.addWidget(form)

    def meanwhile(session: Any) -> None:
        data = ClientData.of(session.get(Client, view.client_id))
        services.update_client(session, client_id=view.client_id,
                               data=replace(data, phone="0571 999999"))

    on_database(window, meanwhile)
    form.street.setText("Neue Straße 2")
    form.submit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    saved = on_database(window, lambda s: (s.get(Client, view.client_id).phone,
                                          s.get(Client, view.client_id).street))
    assert saved == ("0571 999999", "Neue Straße 2")


def test_household_member_added_corrected_and_removed(qtbot: Any, window: Any) -> None:
    from kim_desktop.ui.client_file.household import HouseholdMemberDialog

    view = fresh_file(qtbot, window)
    household = tab(view, "Stammdaten").household
    assert household.tree.topLevelItemCount() == 0
    click(qtbot, button(household, "Person im Haushalt hinzufügen"))
    dialog = opened(household, HouseholdMemberDialog)
    dialog.relation.setCurrentIndex(dialog.relation.findData("child"))
    qtbot.keyClicks(dialog.first_name, "Leyla")
    born = dt.date.today() - dt.timedelta(days=3660)  # ten years and a few days, any day
    set_qdate(dialog.birth_date, born)
    dialog.unmarried.setCurrentIndex(dialog.unmarried.findData("yes"))
    dialog.attends_school.setCurrentIndex(dialog.attends_school.findData("yes"))
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: len(view.data.household) == 1, timeout=10_000)
    assert not dialog.isVisible()
    row = household.tree.topLevelItem(0)
    assert [row.text(c) for c in (0, 1, 3, 4, 5)] == ["Kind", "Leyla", "10", "ja", "ja"]

    members = members_of(view)
    [stored] = on_database(window, members)
    assert (stored.relation, stored.first_name, stored.birth_date, stored.unmarried,
            stored.attends_school) == ("child", "Leyla", born, True, True)

    select_row(household, lambda m: m.first_name == "Leyla")
    click(qtbot, button(household, "Person im Haushalt ändern"))
    edit = opened(household, HouseholdMemberDialog)
    assert edit.first_name.text() == "Leyla"  # prefilled
    assert edit.attends_school.currentData() == "yes"
    assert not edit.dirty()
    edit.attends_school.setCurrentIndex(edit.attends_school.findData(""))  # now unknown
    save(qtbot, edit)
    qtbot.waitUntil(lambda: view.data.household[0].attends_school is None, timeout=10_000)
    assert household.tree.topLevelItem(0).text(5) == "unbekannt"
    assert [m.attends_school for m in on_database(window, members)] == [None]

    select_row(household, lambda m: m.first_name == "Leyla")
    answer_next_box("Entfernen")
    click(qtbot, button(household, "Aus dem Haushalt entfernen"))
    qtbot.waitUntil(lambda: not view.data.household, timeout=10_000)
    assert household.tree.topLevelItemCount() == 0
    [removed] = on_database(window, members)
    assert removed.deleted_at is not None  # a tombstone, so that the sync passes it on


def test_household_removal_can_be_called_off(qtbot: Any, window: Any) -> None:
    view = fresh_file(qtbot, window, open_case=False)
    on_database(window, lambda s: services.add_household_member(
        s, client_id=view.client_id, relation="spouse", first_name="Samir"))
    view.reload()
    household = tab(view, "Stammdaten").household
    qtbot.waitUntil(lambda: household.tree.topLevelItemCount() == 1, timeout=10_000)
    select_row(household, lambda m: True)
    answer_next_box("Abbrechen")
    click(qtbot, button(household, "Aus dem Haushalt entfernen"))
    assert household.tree.topLevelItemCount() == 1
    assert [m.deleted_at for m in on_database(window, members_of(view))] == [None]


@pytest.mark.parametrize(("first_name", "born", "expected"), [
    (HUGE, None, "zu lang"),
    ("Leyla", dt.date(2100, 12, 31), "Zukunft"),
])
def test_household_form_refuses_odd_input(qtbot: Any, window: Any, no_dialogs: list[str],
                                          first_name: str, born: dt.date | None,
                                          expected: str) -> None:
    view = fresh_file(qtbot, window, open_case=False)
    household = tab(view, "Stammdaten").household
    dialog = household.add()
    dialog.first_name.setText(first_name)
    if born is not None:
        set_qdate(dialog.birth_date, born)
    save(qtbot, dialog)
    refused(qtbot, dialog, expected)
    assert on_database(window, members_of(view)) == []
    cancel_asks_first(dialog, no_dialogs)


def test_household_form_keeps_odd_text_and_old_dates(qtbot: Any, window: Any,
                                                     no_dialogs: list[str]) -> None:
    view = fresh_file(qtbot, window, open_case=False)
    household = tab(view, "Stammdaten").household
    dialog = household.add()
    dialog.first_name.setText(HIDDEN)
    set_qdate(dialog.birth_date, dt.date(1900, 1, 1))
    save(qtbot, dialog)
    refused(qtbot, dialog, "unsichtbare Zeichen")
    dialog.first_name.setText(ODD)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: len(view.data.household) == 1, timeout=10_000)
    assert view.data.household[0].first_name == ODD.strip()
    assert view.data.household[0].birth_date == dt.date(1900, 1, 1)
    untouched = household.add()  # nothing typed: closes without asking
    untouched.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not untouched.isVisible()
    assert no_dialogs == []


# --- needs -------------------------------------------------------------------------------


def test_need_reassessed_from_the_list_supersedes_the_earlier(qtbot: Any,
                                                              window: Any) -> None:
    from kim_desktop.ui.client_file.dialogs import NeedDialog

    view = fresh_file(qtbot, window)
    needs = tab(view, "Bedarfe")
    click(qtbot, button(needs, "Bedarf einschätzen"))
    first = opened(needs, NeedDialog)
    first.field.setCurrentIndex(first.field.findData("german"))
    first.level.setCurrentIndex(first.level.findData("medium"))
    set_qdate(first.assessed_on, dt.date.today() - dt.timedelta(days=3))
    qtbot.keyClicks(first.strengths, "motiviert")
    save(qtbot, first)
    qtbot.waitUntil(lambda: len(view.data.needs) == 1, timeout=10_000)

    select_row(needs, lambda n: n.field_of_action_code == "german")
    qtbot.keyClick(needs.tree, Qt.Key.Key_Return)  # Enter on the row re-assesses it
    again = opened(needs, NeedDialog)
    assert again.windowTitle() == "Bedarf neu einschätzen"
    assert again.field.currentData() == "german" and not again.field.isEnabled()
    assert again.level.currentData() == "medium"
    assert again.strengths.toPlainText() == "motiviert"
    assert not again.dirty()
    again.level.setCurrentIndex(again.level.findData("high"))
    save(qtbot, again)
    qtbot.waitUntil(lambda: len(view.data.needs) == 2, timeout=10_000)

    def stored(session: Any) -> list[tuple[str, dt.date]]:
        return [(n.level, n.assessed_on) for n in session.scalars(
            select(NeedsAssessment).where(NeedsAssessment.case_id == view.data.open_case.id)
            .order_by(NeedsAssessment.assessed_on))]

    today = dt.date.today()
    assert on_database(window, stored) == [("medium", today - dt.timedelta(days=3)),
                                           ("high", today)]
    rows = [[needs.tree.topLevelItem(i).text(c) for c in (1, 3)] for i in range(2)]
    assert rows == [["hoch", "aktuell"], ["mittel", "abgelöst"]]


def test_need_reassessment_refuses_odd_input(qtbot: Any, window: Any,
                                             no_dialogs: list[str]) -> None:
    view = fresh_file(qtbot, window)
    on_database(window, lambda s: services.assess_need(
        s, case_id=view.data.open_case.id, field_of_action_code="work", level="low",
        assessed_on=dt.date.today()))
    view.reload()
    needs = tab(view, "Bedarfe")
    qtbot.waitUntil(lambda: needs.tree.topLevelItemCount() == 1, timeout=10_000)
    select_row(needs, lambda n: True)
    dialog = needs.reassess()
    for day, notes, expected in [
        (dt.date(2100, 12, 31), "", "Zukunft"),
        (dt.date(1900, 1, 1), "", "darf nicht vor „Fall eröffnet am“"),
        (dt.date.today(), HUGE, "zu lang"),
    ]:
        set_qdate(dialog.assessed_on, day)
        dialog.notes.setPlainText(notes)
        save(qtbot, dialog)
        refused(qtbot, dialog, expected)
    assert len(on_database(window, lambda s: s.scalars(select(NeedsAssessment).where(
        NeedsAssessment.case_id == view.data.open_case.id)).all())) == 1
    dialog.notes.setPlainText(ODD)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: len(view.data.needs) == 2, timeout=10_000)
    assert view.data.needs[0].notes == ODD.strip()
    select_row(needs, lambda n: True)
    cancel = needs.reassess()
    cancel.strengths.setPlainText("angefangen")
    cancel_asks_first(cancel, no_dialogs)


def test_reassessing_without_an_open_case_says_so(qtbot: Any, window: Any) -> None:
    view = fresh_file(qtbot, window)
    case_id = view.data.open_case.id
    on_database(window, lambda s: services.assess_need(
        s, case_id=case_id, field_of_action_code="work", level="low",
        assessed_on=dt.date.today()))
    on_database(window, lambda s: services.close_case(
        s, case_id=case_id, closed_on=dt.date.today(), reason_code="goals_achieved",
        note=""))
    view.reload()
    needs = tab(view, "Bedarfe")
    qtbot.waitUntil(lambda: view.data.open_case is None and needs.tree.topLevelItemCount(),
                    timeout=10_000)
    select_row(needs, lambda n: True)
    assert needs.reassess() is None
    assert "Fall eröffnen" in view.error.text()


# --- consultations -----------------------------------------------------------------------


def _file_with_consultation(qtbot: Any, window: Any) -> tuple[Any, Any]:
    view = fresh_file(qtbot, window)
    held_at = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=2,
                                                                            seconds=17)
    on_database(window, lambda s: services.record_consultation(
        s, client_id=view.client_id, held_at=held_at, duration_minutes=30,
        mode_code="in_person", fields_of_action=["german", "work"], notes="Erstgespräch",
        interpreter_used=True, interpreter_language="ar"))
    view.reload()
    page = tab(view, "Beratungskontakte")
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=10_000)
    return view, page


def test_consultation_corrected_from_the_timeline(qtbot: Any, window: Any) -> None:
    from kim_desktop.ui.consultation_form import ConsultationForm

    view, page = _file_with_consultation(qtbot, window)
    original = view.data.consultations[0]
    select_row(page, lambda c: True)
    click(qtbot, button(page, "Bearbeiten"))
    dialog = opened(page, ConsultationForm)
    assert dialog.minutes.value() == 30
    assert dialog.mode.currentData() == "in_person"
    assert sorted(dialog.checked_fields()) == ["german", "work"]
    assert dialog.interpreter.isChecked() and dialog.language.currentData() == "ar"
    assert dialog.notes.toPlainText() == "Erstgespräch"
    assert not dialog.dirty()
    dialog.minutes.setFocus()
    dialog.minutes.selectAll()
    qtbot.keyClicks(dialog.minutes, "75")
    dialog.notes.setFocus()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.notes, ", Nachtrag")
    dialog.fields.item(0).setCheckState(Qt.CheckState.Checked)  # the first field as well
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: view.data.consultations[0].duration_minutes == 75,
                    timeout=10_000)
    stored = on_database(window, lambda s: s.get(type(original), original.id))
    assert stored.notes == "Erstgespräch, Nachtrag"
    assert stored.held_at == original.held_at  # untouched time kept to the second
    assert stored.interpreter_language == "ar"
    first_field = dialog.fields.item(0).data(Qt.ItemDataRole.UserRole)
    assert sorted(stored.fields_of_action) == sorted({first_field, "german", "work"})
    assert page.tree.topLevelItem(0).text(1) == "75 min"
    assert "Nachtrag" in page.tree.topLevelItem(0).text(4)


def test_consultation_saved_after_a_sync_keeps_what_the_sync_brought(
    qtbot: Any, window: Any
) -> None:
    """The correction is open; meanwhile a pulled change rewrites the notes; the case manager
    changes only the duration and saves: both changes stay."""
    from kim_desktop.ui.consultation_form import ConsultationForm

    view, page = _file_with_consultation(qtbot, window)
    original = view.data.consultations[0]
    select_row(page, lambda c: True)
    click(qtbot, button(page, "Bearbeiten"))
    dialog = opened(page, ConsultationForm)

    def meanwhile(session: Any) -> None:
        stored = session.get(type(original), original.id)
        services.update_consultation(
            session, consultation_id=original.id, held_at=stored.held_at,
            duration_minutes=stored.duration_minutes, mode_code=stored.mode_code,
            fields_of_action=stored.fields_of_action, notes="Vom anderen Rechner ergänzt",
            interpreter_used=stored.interpreter_used,
            interpreter_language=stored.interpreter_language)

    on_database(window, meanwhile)
    dialog.minutes.setValue(45)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: view.data.consultations[0].duration_minutes == 45,
                    timeout=10_000)
    stored = on_database(window, lambda s: s.get(type(original), original.id))
    assert (stored.notes, stored.duration_minutes) == ("Vom anderen Rechner ergänzt", 45)


def test_consultation_edit_refuses_odd_input(qtbot: Any, window: Any,
                                             no_dialogs: list[str]) -> None:
    view, page = _file_with_consultation(qtbot, window)
    select_row(page, lambda c: True)
    dialog = page.edit()
    for index in range(dialog.fields.count()):
        dialog.fields.item(index).setCheckState(Qt.CheckState.Unchecked)
    save(qtbot, dialog)
    refused(qtbot, dialog, "Handlungsfeld")  # the same check as when recording
    dialog.fields.item(0).setCheckState(Qt.CheckState.Checked)
    for when, notes, expected in [
        (dt.datetime(2100, 12, 31, 9, 0).astimezone(), "", "Zukunft"),
        (dt.datetime(1900, 1, 1, 9, 0).astimezone(), "", "Zeitpunkt"),
        (None, "x" * 30_000, "zu lang"),
    ]:
        if when is not None:
            dialog.held_at.set_moment(when)
        else:
            dialog.held_at.set_moment(dt.datetime.now().astimezone() - dt.timedelta(days=1))
        dialog.notes.setPlainText(notes)
        save(qtbot, dialog)
        refused(qtbot, dialog, expected)
    assert on_database(window, lambda s: s.get(type(view.data.consultations[0]),
                                               view.data.consultations[0].id)).notes \
        == "Erstgespräch"
    dialog.notes.setPlainText(ODD)
    dialog.interpreter.setChecked(False)
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: view.data.consultations[0].notes == ODD.strip(), timeout=10_000)
    assert view.data.consultations[0].interpreter_language is None
    select_row(page, lambda c: True)
    again = page.edit()
    again.minutes.setValue(45)
    cancel_asks_first(again, no_dialogs)


# --- referrals ---------------------------------------------------------------------------


def _plan(qtbot: Any, view: Any, agency: str, purpose: str) -> Any:
    from kim_desktop.ui.client_file.dialogs import ReferralDialog

    page = tab(view, "Vermittlungen")
    count = len(view.data.referrals)
    click(qtbot, button(page, "Vermittlung planen"))
    dialog = opened(page, ReferralDialog)
    dialog.agency.setCurrentIndex(dialog.agency.findData(agency))
    dialog.purpose.setPlainText(purpose)
    set_qdate(dialog.planned_on, dt.date.today() - dt.timedelta(days=5))
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: len(view.data.referrals) == count + 1, timeout=10_000)
    select_row(page, lambda r: r.purpose == purpose)
    return page


def _stored(window: Any, purpose: str) -> Any:
    return on_database(window, lambda s: s.scalars(
        select(Referral).where(Referral.purpose == purpose)).one())


def _row(page: Any, purpose: str) -> list[str]:
    index = next(i for i, r in enumerate(page._records) if r.purpose == purpose)
    item = page.tree.topLevelItem(index)
    return [item.text(c) for c in range(item.columnCount())]


def send_by_service(qtbot: Any, window: Any, view: Any, page: Any, *,
                    sent_on: dt.date | None = None) -> None:
    """Sends the chosen referral without a waiver through the service, then chooses it again
    in the refreshed list."""
    referral_id, on = page.current().id, sent_on or dt.date.today()
    on_database(window, lambda s: services.send_referral(
        s, referral_id=referral_id, sent_on=on, override_reason="Eilig"))
    view.reload()
    qtbot.waitUntil(lambda: view.data.referrals[0].state == "sent", timeout=10_000)
    select_row(page, lambda r: True)


def test_cancel_a_planned_referral_with_its_reason(qtbot: Any, window: Any,
                                                   no_dialogs: list[str]) -> None:
    from kim_desktop.ui.client_file.referral_dialogs import CancelReferralDialog

    view = fresh_file(qtbot, window)
    page = _plan(qtbot, view, JOBCENTER, "Beratung zum Bürgergeld")
    assert not button(page, "Angenommen").isEnabled()  # only what a planned one allows
    assert not button(page, "Abgelehnt").isEnabled()
    click(qtbot, button(page, "Vermittlung abbrechen"))
    dialog = opened(page, CancelReferralDialog)
    save(qtbot, dialog)
    refused(qtbot, dialog, "Bitte „Grund des Abbruchs“ angeben.")  # the core requires a reason
    dialog.reason.setPlainText("   ")
    save(qtbot, dialog)
    refused(qtbot, dialog, "Grund")
    dialog.reason.setPlainText(HUGE)
    save(qtbot, dialog)
    refused(qtbot, dialog, "zu lang")
    set_qdate(dialog.day, dt.date.today() - dt.timedelta(days=30))
    dialog.reason.setPlainText("Termin selbst vereinbart")
    save(qtbot, dialog)
    refused(qtbot, dialog, "darf nicht vor")  # before it was planned
    set_qdate(dialog.day, dt.date.today())
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: view.data.referrals[0].state == "cancelled", timeout=10_000)
    stored = _stored(window, "Beratung zum Bürgergeld")
    assert (stored.state, stored.outcome) == ("cancelled", "Termin selbst vereinbart")
    row = _row(page, "Beratung zum Bürgergeld")
    assert row[3].startswith("abgebrochen am ")
    assert row[4] == "Grund: Termin selbst vereinbart"
    assert no_dialogs == []


def test_send_without_waiver_asks_for_the_reason_then_declined(qtbot: Any, window: Any,
                                                               no_dialogs: list[str]) -> None:
    from kim_desktop.ui.client_file.referral_dialogs import (
        DeclineReferralDialog,
        SendReferralDialog,
    )

    view = fresh_file(qtbot, window)
    page = _plan(qtbot, view, JOBCENTER, "Vermittlung in Arbeit")
    click(qtbot, button(page, "Gesendet"))
    send = opened(page, SendReferralDialog)
    assert "keine gültige Schweigepflichtentbindung" in send.waiver_note.text()
    assert send.override_reason.isVisible()
    save(qtbot, send)
    refused(qtbot, send, "ohne Schweigepflichtentbindung")  # explained, not a failure
    assert _stored(window, "Vermittlung in Arbeit").state == "planned"
    send.override_reason.setPlainText(HUGE)
    save(qtbot, send)
    refused(qtbot, send, "zu lang")
    send.override_reason.clear()
    qtbot.keyClicks(send.override_reason, "Frist endet morgen")
    set_qdate(send.sent_on, dt.date(2100, 12, 31))
    save(qtbot, send)
    refused(qtbot, send, "Zukunft")
    set_qdate(send.sent_on, dt.date.today())
    save(qtbot, send)
    qtbot.waitUntil(lambda: view.data.referrals[0].state == "sent", timeout=10_000)
    stored = _stored(window, "Vermittlung in Arbeit")
    assert (stored.waiver_id, stored.override_reason) == (None, "Frist endet morgen")
    row = _row(page, "Vermittlung in Arbeit")
    assert row[3].startswith("gesendet am ")
    assert "ohne Schweigepflichtentbindung gesendet: Frist endet morgen" in row[4]

    select_row(page, lambda r: r.purpose == "Vermittlung in Arbeit")
    assert not button(page, "Gesendet").isEnabled()
    click(qtbot, button(page, "Abgelehnt"))
    decline = opened(page, DeclineReferralDialog)
    set_qdate(decline.day, dt.date(2100, 1, 1))
    save(qtbot, decline)
    refused(qtbot, decline, "Zukunft")
    set_qdate(decline.day, dt.date.today())
    decline.reason.setPlainText(HUGE)
    save(qtbot, decline)
    refused(qtbot, decline, "zu lang")
    decline.reason.setPlainText("Kein Platz frei " + ODD)
    save(qtbot, decline)
    qtbot.waitUntil(lambda: view.data.referrals[0].state == "declined", timeout=10_000)
    stored = _stored(window, "Vermittlung in Arbeit")
    assert stored.decline_reason == ("Kein Platz frei " + ODD).strip()
    row = _row(page, "Vermittlung in Arbeit")
    assert row[3].startswith("abgelehnt am ")
    assert row[4].startswith("Grund: Kein Platz frei")
    assert no_dialogs == []


def test_accepted_then_completed_with_its_outcome(qtbot: Any, window: Any,
                                                  no_dialogs: list[str]) -> None:
    from kim_desktop.ui.client_file.referral_dialogs import (
        AcceptReferralDialog,
        CompleteReferralDialog,
    )

    view = fresh_file(qtbot, window)
    page = _plan(qtbot, view, JOBCENTER, "Arbeitsvermittlung")
    sent_on = dt.date.today() - dt.timedelta(days=5)
    send_by_service(qtbot, window, view, page, sent_on=sent_on)
    assert not button(page, "Abgeschlossen").isEnabled()  # not before it was accepted
    click(qtbot, button(page, "Angenommen"))
    accept = opened(page, AcceptReferralDialog)
    set_qdate(accept.day, sent_on - dt.timedelta(days=1))
    save(qtbot, accept)
    refused(qtbot, accept, "darf nicht vor")  # answered before it was sent
    accepted_on = dt.date.today() - dt.timedelta(days=2)
    set_qdate(accept.day, accepted_on)
    save(qtbot, accept)
    qtbot.waitUntil(lambda: view.data.referrals[0].state == "accepted", timeout=10_000)
    assert _stored(window, "Arbeitsvermittlung").answered_on == accepted_on

    select_row(page, lambda r: True)
    click(qtbot, button(page, "Abgeschlossen"))
    complete = opened(page, CompleteReferralDialog)
    save(qtbot, complete)
    refused(qtbot, complete, "Ergebnis")  # what came of it is required
    complete.reason.setPlainText(HUGE)
    save(qtbot, complete)
    refused(qtbot, complete, "zu lang")
    complete.reason.setPlainText("Arbeitsvertrag ab 1. des Monats " + ODD)
    save(qtbot, complete)
    qtbot.waitUntil(lambda: view.data.referrals[0].state == "completed", timeout=10_000)
    stored = _stored(window, "Arbeitsvermittlung")
    assert stored.outcome == ("Arbeitsvertrag ab 1. des Monats " + ODD).strip()
    assert stored.completed_on == dt.date.today()
    row = _row(page, "Arbeitsvermittlung")
    assert row[3].startswith("abgeschlossen am ")
    assert row[4].startswith("Arbeitsvertrag ab 1. des Monats")
    assert no_dialogs == []


def test_a_decline_without_a_reason_says_so(qtbot: Any, window: Any) -> None:
    view = fresh_file(qtbot, window)
    page = _plan(qtbot, view, JOBCENTER, "Ohne Grund")
    send_by_service(qtbot, window, view, page)
    decline = page.decline()
    save(qtbot, decline)
    qtbot.waitUntil(lambda: view.data.referrals[0].state == "declined", timeout=10_000)
    assert _row(page, "Ohne Grund")[4].startswith("ohne Angabe von Gründen")


def test_send_with_a_waiver_asks_no_reason(qtbot: Any, window: Any,
                                           no_dialogs: list[str]) -> None:
    from kim_desktop.ui.client_file.dialogs import ConsentDialog
    from kim_desktop.ui.client_file.referral_dialogs import SendReferralDialog

    view = fresh_file(qtbot, window)
    consents = tab(view, "Einwilligungen")
    click(qtbot, button(consents, "Erfassen"))
    waiver = opened(consents, ConsentDialog)
    waiver.kind.setCurrentIndex(waiver.kind.findData("confidentiality_waiver"))
    waiver.agency.setCurrentIndex(waiver.agency.findData(IMMIGRATION_OFFICE))
    waiver.purpose.setPlainText("Aufenthaltsfragen")
    set_qdate(waiver.granted_on, dt.date.today() - dt.timedelta(days=2))
    save(qtbot, waiver)
    qtbot.waitUntil(lambda: len(view.data.consents) == 1, timeout=10_000)
    page = _plan(qtbot, view, IMMIGRATION_OFFICE, "Beschäftigungserlaubnis")
    click(qtbot, button(page, "Gesendet"))
    send = opened(page, SendReferralDialog)
    assert "liegt vor" in send.waiver_note.text()
    assert not send.override_reason.isVisible()  # nothing more to ask
    set_qdate(send.sent_on, dt.date.today() - dt.timedelta(days=3))  # before the waiver
    assert "keine gültige" in send.waiver_note.text()
    assert send.override_reason.isVisible()
    set_qdate(send.sent_on, dt.date.today())
    assert not send.override_reason.isVisible()
    save(qtbot, send)
    qtbot.waitUntil(lambda: view.data.referrals[0].state == "sent", timeout=10_000)
    stored = _stored(window, "Beschäftigungserlaubnis")
    assert (stored.waiver_id, stored.override_reason) == (view.data.consents[0].id, "")
    assert "ohne Schweigepflichtentbindung" not in _row(page, "Beschäftigungserlaubnis")[4]
    assert no_dialogs == []


def test_referral_dialogs_ask_before_discarding(qtbot: Any, window: Any,
                                                no_dialogs: list[str]) -> None:
    view = fresh_file(qtbot, window)
    page = _plan(qtbot, view, JOBCENTER, "Verwerfen")
    for open_dialog, field in [(page.send, "override_reason"), (page.cancel, "reason")]:
        dialog = open_dialog()
        getattr(dialog, field).setPlainText("angefangen")
        cancel_asks_first(dialog, no_dialogs)
    send_by_service(qtbot, window, view, page)
    decline = page.decline()
    decline.reason.setPlainText("angefangen")
    cancel_asks_first(decline, no_dialogs)
    accept = page.accept()
    set_qdate(accept.day, dt.date.today() - dt.timedelta(days=1))
    cancel_asks_first(accept, no_dialogs)
    assert _stored(window, "Verwerfen").state == "sent"

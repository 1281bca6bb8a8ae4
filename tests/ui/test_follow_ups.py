"""Follow-ups by keys alone: set, rescheduled, reassigned, done and deleted in the client
file, and the start page with the user's own follow-ups, today's first. On the main this was
written against a follow-up could not be changed or deleted at all, and the start page
listed every user's, oldest first, so today's were at the bottom of the overdue ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from kim_desktop.core import services
from kim_desktop.core.models import AuditEvent, FollowUp
from kim_desktop.ui.qt import QApplication, QMessageBox, QRadioButton, Qt, QTimer, QTreeWidget
from tests.ui.keys import CTRL, activate, alt_to, focused, press, type_text
from tests.ui.test_case_cycle import (
    button_of,
    dialog_by_enter,
    dialog_from,
    list_named,
    save_by_key,
    tab_to,
    to_tab,
)
from tests.ui.test_client_file_editing import fresh_file, on_database

TODAY = dt.date.today()


def typed(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def follow_ups_of(window: Any, client_id: str) -> list[FollowUp]:
    return on_database(window, lambda s: list(s.scalars(
        select(FollowUp).where(FollowUp.client_id == client_id).order_by(FollowUp.created_at))))


def answer_box_by_key(qtbot: Any, button_text: str) -> None:
    """When the next message box opens, presses the Alt letter of its ``button_text``."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        activate(qtbot, box)
        target = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        alt_to(qtbot, target)

    QTimer.singleShot(0, answer)


def colleague(window: Any, name: str) -> None:
    """``name`` works on another machine of the office: their work came in by sync, with
    its audit entries."""
    def work(session: Any) -> None:
        session.info["user"] = name
        services.create_client(session, data=services.ClientData(
            last_name="Kollegenakte", first_name="Test", municipality_code="rahden"))

    on_database(window, work)


def test_a_follow_up_is_set_rescheduled_reassigned_done_and_deleted(
    qtbot: Any, window: Any
) -> None:
    colleague(window, "ben")
    view = fresh_file(qtbot, window)
    page = to_tab(qtbot, window, view, "Wiedervorlagen")
    dialog = dialog_from(qtbot, window, button_of(page, "Wiedervorlage …"))
    assert focused() is dialog.due_on  # a typed date goes into the date, not nowhere
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, typed(TODAY + dt.timedelta(days=3)))
    alt_to(qtbot, dialog.text)
    type_text(qtbot, "Bescheid nachfragen")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: len(view.data.follow_ups) == 1, timeout=10_000)
    [stored] = follow_ups_of(window, view.client_id)
    assert (stored.due_on, stored.assigned_user) == (TODAY + dt.timedelta(days=3), "anna")

    activate(qtbot, window)
    tab_to(qtbot, list_named(page, "Wiedervorlagen"))
    press(qtbot, Qt.Key.Key_Home)
    dialog = dialog_by_enter(qtbot)  # Enter on an open follow-up changes it
    assert focused() is dialog.due_on
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, "31.02.2027")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5_000)
    assert "kein gültiges Datum" in dialog.error.text() and focused() is dialog.due_on
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, typed(TODAY + dt.timedelta(days=10)))
    alt_to(qtbot, dialog.assigned_user)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "bne")  # a typo: the follow-up would be on no one's list
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5_000)
    assert "niemand unter dem Namen „bne“" in dialog.error.text()
    assert follow_ups_of(window, view.client_id)[0].assigned_user == "anna"
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Ben ")  # as the office spells him, case and spaces aside
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    [stored] = follow_ups_of(window, view.client_id)
    assert (stored.due_on, stored.assigned_user, stored.text) == (
        TODAY + dt.timedelta(days=10), "ben", "Bescheid nachfragen")
    qtbot.waitUntil(lambda: page.tree.topLevelItem(0).text(2) == "ben", timeout=10_000)
    assert page.current().id == stored.id  # still selected after the save

    activate(qtbot, window)
    alt_to(qtbot, button_of(page, "Als erledigt markieren"))
    qtbot.waitUntil(lambda: follow_ups_of(window, view.client_id)[0].done_on == TODAY,
                    timeout=10_000)
    qtbot.waitUntil(lambda: not button_of(page, "Ändern").isEnabled(), timeout=10_000)

    answer_box_by_key(qtbot, "Löschen")
    activate(qtbot, window)
    alt_to(qtbot, button_of(page, "Löschen"))
    qtbot.waitUntil(lambda: follow_ups_of(window, view.client_id)[0].deleted_at is not None,
                    timeout=10_000)
    qtbot.waitUntil(lambda: view.data.follow_ups == [], timeout=10_000)
    deleted = on_database(window, lambda s: s.scalars(select(AuditEvent).where(
        AuditEvent.record_id == stored.id, AuditEvent.action == "delete")).one())
    assert deleted.user == "anna"


def agenda(window: Any) -> Any:
    start = window.pages["start"]
    return next(t for t in start.findChildren(QTreeWidget)
                if "Wiedervorlagen" in t.accessibleName())


def groups(tree: Any) -> list[tuple[str, list[str]]]:
    """Each top-level row with the names of the people below it."""
    return [(tree.topLevelItem(i).text(0),
             [tree.topLevelItem(i).child(j).text(1)
              for j in range(tree.topLevelItem(i).childCount())])
            for i in range(tree.topLevelItemCount())]


def test_the_start_page_shows_my_follow_ups_today_first_then_overdue(
    qtbot: Any, window: Any
) -> None:
    colleague(window, "ben")

    def plant(session: Any) -> None:
        for name, due, user in [("Heute", 0, "anna"), ("Gestern", -1, "anna"),
                                ("Lange", -90, "anna"), ("Bald", 5, "anna"),
                                ("Fremd", 0, "ben")]:
            client_id = services.create_client(session, data=services.ClientData(
                last_name=f"Start{name}", first_name="Test",
                municipality_code="rahden")).client_id
            services.add_follow_up(session, client_id=client_id,
                                   due_on=TODAY + dt.timedelta(days=due),
                                   text="Rückruf", assigned_user=user)

    on_database(window, plant)
    window.show_page("start")
    start = window.pages["start"]
    start.reload()
    qtbot.waitUntil(lambda: any("StartHeute" in n for _, ns in groups(agenda(window))
                                for n in ns), timeout=10_000)
    shown = groups(agenda(window))
    titles = [title.split(" (")[0] for title, _ in shown]
    # today first, each with its count; the demo's unanswered referrals follow
    assert titles[:3] == ["Heute", "Überfällig", "Demnächst"]
    for title, names in shown:
        assert title.endswith(f"({len(names)})")
    today, overdue, upcoming = (names for _, names in shown[:3])
    assert "StartHeute, Test" in today and "StartFremd, Test" not in today  # "Meine"
    assert overdue.index("StartGestern, Test") < overdue.index("StartLange, Test")
    assert "StartBald, Test" in upcoming
    mine = agenda(window).currentItem()
    assert mine is not None and mine.parent() is agenda(window).topLevelItem(0)

    activate(qtbot, window)
    everyone = next(r for r in start.findChildren(QRadioButton)
                    if r.text().replace("&", "") == "Alle")
    alt_to(qtbot, everyone)
    qtbot.waitUntil(lambda: "StartFremd, Test" in groups(agenda(window))[0][1],
                    timeout=10_000)
    tree = agenda(window)
    tab_to(qtbot, tree)  # the list follows the choice of whose
    row = next(j for j in range(tree.topLevelItem(0).childCount())
               if tree.topLevelItem(0).child(j).text(1) == "StartHeute, Test")
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Down, times=row + 1)
    press(qtbot, Qt.Key.Key_Return)  # Enter opens the person
    qtbot.waitUntil(lambda: any(v.data is not None and v.data.client.last_name == "StartHeute"
                                for v in window.client_files.values()), timeout=10_000)


def test_after_unlock_one_enter_opens_todays_first_person(qtbot: Any, controller: Any) -> None:
    """The start page promised it, but the focus sat on the tab bar: Enter did nothing."""
    from tests.ui.conftest import unlock

    window = unlock(qtbot, controller)
    start = window.pages["start"]
    qtbot.waitUntil(lambda: start.data is not None, timeout=10_000)
    activate(qtbot, window)
    assert focused() is agenda(window)
    first = agenda(window).currentItem()
    assert first is not None and first.parent() is not None  # a follow-up, not a heading
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.client_files) == 1, timeout=10_000)


def test_a_referral_without_an_answer_reminds_on_my_start_page(
    qtbot: Any, window: Any
) -> None:
    """Issue 16: a referral "gesendet" that the agency never answers stayed so for ever,
    unseen. After 14 days (a setting) it shows on the start page, with the file number."""
    from kim_desktop.ui.formats import file_number

    def plant(session: Any) -> dict[str, str]:
        planted = {}
        for name, days in [("Wartet", 20), ("Frisch", 3)]:
            client_id = services.create_client(session, data=services.ClientData(
                last_name=f"Vermittlung{name}", first_name="Test",
                municipality_code="rahden")).client_id
            referral_id = services.plan_referral(
                session, client_id=client_id, agency_code="jobcenter_minden_luebbecke",
                planned_on=TODAY - dt.timedelta(days=days + 1), purpose="Arbeitssuche").ids[0]
            services.send_referral(session, referral_id=referral_id,
                                   sent_on=TODAY - dt.timedelta(days=days),
                                   override_reason="mündlich vereinbart")
            planted[name] = client_id
        return planted

    planted = on_database(window, plant)
    window.show_page("start")
    start = window.pages["start"]
    start.reload()
    qtbot.waitUntil(lambda: any("VermittlungWartet" in name for _, names in
                                groups(agenda(window)) for name in names), timeout=10_000)
    shown = dict(groups(agenda(window)))
    waiting = next(names for title, names in shown.items()
                   if title.startswith("Vermittlungen ohne Antwort"))
    assert f"VermittlungWartet, Test ({file_number(planted['Wartet'])})" in waiting
    assert not any(name.startswith("VermittlungFrisch") for name in waiting)  # 3 days: not yet

    activate(qtbot, window)
    tree = agenda(window)
    tab_to(qtbot, tree)
    press(qtbot, Qt.Key.Key_End)  # the reminders are the last group
    while "VermittlungWartet" not in (tree.currentItem().text(1) if tree.currentItem()
                                      else ""):
        press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Return)  # Enter opens the person's file
    qtbot.waitUntil(lambda: planted["Wartet"] in window.client_files, timeout=10_000)

    # The days are a setting: at two days the referral sent three days ago reminds too.
    window.show_page("settings")
    settings = window.pages["settings"]
    activate(qtbot, window)
    alt_to(qtbot, settings.reminder_days)
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "2")
    window.show_page("start")
    start.reload()
    qtbot.waitUntil(lambda: any("VermittlungFrisch" in name for _, names in
                                groups(agenda(window)) for name in names), timeout=10_000)


def test_a_follow_up_typed_with_a_two_digit_year_lies_ahead_and_shows_its_century(
    qtbot: Any, window: Any
) -> None:
    """Reproduced on main: "1.1.47" was saved as 01.01.1947, overdue, and listed as
    "01.01.47"."""
    view = fresh_file(qtbot, window)
    page = to_tab(qtbot, window, view, "Wiedervorlagen")
    dialog = dialog_from(qtbot, window, button_of(page, "Wiedervorlage …"))
    assert focused() is dialog.due_on
    press(qtbot, Qt.Key.Key_Delete)
    type_text(qtbot, "1.1.47")
    alt_to(qtbot, dialog.text)
    type_text(qtbot, "Pass verlaengern")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: len(view.data.follow_ups) == 1, timeout=10_000)
    [stored] = follow_ups_of(window, view.client_id)
    assert stored.due_on.year == 2047
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=10_000)
    row = page.tree.topLevelItem(0)
    assert "01.01.2047" in [row.text(i) for i in range(page.tree.columnCount())]

"""The one date field of every form, driven by keys as a case manager types: typed dates
with and without dots and with two- or four-digit years are kept, Delete clears, Tab moves
on, the calendar opens at today, and a date that does not exist is refused with a message
instead of being dropped (on the old fields a typed birth date or waiver expiry was lost)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from kim_desktop.core.models import Client, Consent
from kim_desktop.ui.qt import QApplication, Qt
from kim_desktop.ui.widgets import DateField, InvalidDate, parse_date
from tests.ui.keys import CTRL, activate, alt_to, focused, press, type_text

TODAY = dt.date(2026, 6, 15)


@pytest.mark.parametrize("typed", ["05.10.1994", "5.10.94", "05101994", "051094",
                                   "5.10.1994", "1994-10-05", " 05.10.94 ", "05/10/1994"])
def test_a_typed_date_with_or_without_dots(qapp: Any, typed: str) -> None:
    assert parse_date(typed, past=True, today=TODAY) == dt.date(1994, 10, 5)


def test_two_digit_years_take_the_nearest_century_that_fits(qapp: Any) -> None:
    assert parse_date("01.01.30", past=True, today=TODAY) == dt.date(1930, 1, 1)  # born
    assert parse_date("01.01.30", today=TODAY) == dt.date(2030, 1, 1)  # valid until
    assert parse_date("01.01.26", past=True, today=TODAY) == dt.date(2026, 1, 1)
    assert parse_date("15.06.26", past=True, today=TODAY) == dt.date(2026, 6, 15)  # today
    assert parse_date("01.01.80", today=TODAY) == dt.date(1980, 1, 1)


def test_a_birth_date_later_this_year_is_the_last_centurys(qapp: Any) -> None:
    """Reproduced on main: "24.12.26" typed as a birth date on 04.12.2026 was read as this
    December and refused as lying ahead; a person born then is 100 years old."""
    today = dt.date(2026, 12, 4)
    assert parse_date("24.12.26", past=True, today=today) == dt.date(1926, 12, 24)
    assert parse_date("051226", past=True, today=today) == dt.date(1926, 12, 5)
    assert parse_date("04.12.26", past=True, today=today) == dt.date(2026, 12, 4)


def test_a_follow_ups_two_digit_year_is_the_nearest_to_today(qapp: Any) -> None:
    """Reproduced on main: a follow-up typed "1.1.47" was stored for 1947, 79 years back,
    not for 2047, 21 years ahead."""
    today = dt.date(2026, 12, 4)
    assert parse_date("1.1.47", today=today) == dt.date(2047, 1, 1)
    assert parse_date("1.1.70", today=today) == dt.date(2070, 1, 1)
    assert parse_date("1.1.80", today=today) == dt.date(1980, 1, 1)
    assert parse_date("1.1.25", today=today) == dt.date(2025, 1, 1)


def test_dates_are_shown_with_four_digit_years(qapp: Any) -> None:
    """Reproduced on main: the file and the lists showed "17.01.91" for a birth date and
    "01.01.47" for a follow-up, two centuries apart."""
    from kim_desktop.ui.formats import day
    from kim_desktop.ui.qt import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert day(dt.date(1926, 12, 24)) == "24.12.1926"
        assert day(dt.date(2047, 1, 1)) == "01.01.2047"
    finally:
        QLocale.setDefault(before)


@pytest.mark.parametrize("typed", ["31.02.1994", "32.01.2000", "1.2", "0510199", "gestern",
                                   "05.13.94", "01.01.1850"])
def test_what_is_no_date_is_said_not_guessed(qapp: Any, typed: str) -> None:
    with pytest.raises(InvalidDate):
        parse_date(typed, today=TODAY)
    field = DateField()
    field.setText(typed)
    assert "kein gültiges Datum" in field.problem()


def on_database(window: Any, work: Any) -> Any:
    context = window.context

    def run() -> Any:
        with context.vault.session() as session:
            return work(session)

    return context.taskman.run_blocking_on_database(run)


def new_person_form(qtbot: Any) -> Any:
    press(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = activate(qtbot, QApplication.activeModalWidget())
    assert focused() is form.last_name  # the first field
    return form


def test_a_birth_date_typed_into_the_form_is_saved(qtbot: Any, window: Any) -> None:
    form = new_person_form(qtbot)
    type_text(qtbot, "Datumstest")
    alt_to(qtbot, form.birth_date)
    type_text(qtbot, "05.10.1994")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not form.birth_date  # Tab moves on
    assert form.birth_date.text() == "05.10.1994"
    alt_to(qtbot, form.entry_date)
    type_text(qtbot, "010315")  # no dots, two-digit year
    press(qtbot, Qt.Key.Key_Tab)
    assert form.entry_date.text() == "01.03.2015"  # written out as understood
    alt_to(qtbot, form.municipality)
    type_text(qtbot, "Rahden")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    stored = on_database(window, lambda s: s.scalars(
        select(Client).where(Client.last_name == "Datumstest")).one())
    assert (stored.birth_date, stored.entry_date) == (dt.date(1994, 10, 5),
                                                      dt.date(2015, 3, 1))


def test_an_impossible_date_is_refused_until_fixed(qtbot: Any, window: Any) -> None:
    form = new_person_form(qtbot)
    type_text(qtbot, "Unmoeglich")
    alt_to(qtbot, form.municipality)
    type_text(qtbot, "Rahden")
    alt_to(qtbot, form.birth_date)
    type_text(qtbot, "31.02.1994")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(form.error.isVisible, timeout=5_000)
    assert "„31.02.1994“ ist kein gültiges Datum" in form.error.text()
    assert focused() is form.birth_date and form.isVisible()
    press(qtbot, Qt.Key.Key_Backspace, times=7)
    assert form.error.isVisible()  # "31." is still no date
    type_text(qtbot, "01.1994")
    assert not form.error.isVisible()  # fixed: the message goes
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    stored = on_database(window, lambda s: s.scalars(
        select(Client).where(Client.last_name == "Unmoeglich")).one())
    assert stored.birth_date == dt.date(1994, 1, 31)


def test_a_waivers_expiry_typed_is_kept_and_delete_clears(qtbot: Any, window: Any) -> None:
    caseload = window.pages["caseload"]
    row = caseload.model.row_at(0)
    view = window.open_client(row.client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    consents = view.page_titled("Einwilligungen")
    view.tabs.setCurrentWidget(consents.parentWidget())
    before = len(view.data.consents)
    consents.buttons.itemAt(0).widget().click()
    dialog = activate(qtbot, QApplication.activeModalWidget())
    assert focused() is dialog.kind
    alt_to(qtbot, dialog.purpose)
    type_text(qtbot, "Beratung")
    alt_to(qtbot, dialog.expires_on)
    type_text(qtbot, "31.12.27")
    press(qtbot, Qt.Key.Key_Tab)
    alt_to(qtbot, dialog.granted_on)
    press(qtbot, Qt.Key.Key_Delete)
    assert dialog.granted_on.text() == ""  # Delete clears the whole date
    type_text(qtbot, dt.date.today().strftime("%d.%m.%Y"))
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: len(view.data.consents) == before + 1, timeout=10_000)
    stored = on_database(window, lambda s: s.scalars(
        select(Consent).where(Consent.client_id == row.client_id, Consent.purpose == "Beratung")
    ).one())
    assert stored.expires_on == dt.date(2027, 12, 31)


def test_the_calendar_opens_at_today_and_picks_by_keys(qtbot: Any) -> None:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    activate(qtbot, field)
    field.setFocus()
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate().toPython() == dt.date.today()
    press(qtbot, Qt.Key.Key_Right)  # the calendar has the keys now
    press(qtbot, Qt.Key.Key_Return)
    assert field.date() == dt.date.today() + dt.timedelta(days=1)
    assert not calendar.isVisible() and field.hasFocus()
    press(qtbot, Qt.Key.Key_F4)
    press(qtbot, Qt.Key.Key_Escape)
    assert not calendar.isVisible() and field.date() == dt.date.today() + dt.timedelta(days=1)


def test_the_calendar_stays_on_the_screen_for_a_field_at_its_bottom(qtbot: Any) -> None:
    """Reproduced on main: at 150 % a field low in a dialog opened its calendar below the
    screen's edge, the days to pick out of sight."""
    field = DateField()
    qtbot.addWidget(field)
    screen = field.screen().availableGeometry()
    field.show()
    field.move(screen.right() - field.width() // 2, screen.bottom() - field.height())
    activate(qtbot, field)
    field.setFocus()
    press(qtbot, Qt.Key.Key_F4)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    assert screen.contains(calendar.frameGeometry()), (calendar.frameGeometry(), screen)
    assert calendar.frameGeometry().bottom() < field.mapToGlobal(field.rect().topLeft()).y() + 1


def test_a_two_digit_birth_year_later_this_year_is_saved_in_the_last_century(
    qtbot: Any, window: Any
) -> None:
    """Reproduced on main: tomorrow's day and month with this year's two digits, typed as a
    birth date, were refused as lying in the future."""
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    form = new_person_form(qtbot)
    type_text(qtbot, "Jahrhunderttest")
    alt_to(qtbot, form.birth_date)
    type_text(qtbot, tomorrow.strftime("%d.%m.%y"))
    press(qtbot, Qt.Key.Key_Tab)
    born = tomorrow.replace(year=tomorrow.year - 100)
    assert form.birth_date.text() == born.strftime("%d.%m.%Y")  # written out as understood
    alt_to(qtbot, form.municipality)
    type_text(qtbot, "Rahden")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    stored = on_database(window, lambda s: s.scalars(
        select(Client).where(Client.last_name == "Jahrhunderttest")).one())
    assert stored.birth_date == born

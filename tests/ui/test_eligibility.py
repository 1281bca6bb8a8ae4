"""Baustein III in the desktop program: the list of clients who will soon be eligible, and a
referral to the right authority prepared from the pre-check panel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from kim_desktop.core.precheck.dates import add_months
from kim_desktop.core.services import ClientData, add_residence_period, create_client
from kim_desktop.ui.qt import Qt

SIX_YEARS = 72


def _write(qtbot: Any, window: Any, work: Callable[[Any], Any]) -> Any:
    out: list[Any] = []
    window.context.write(work, out.append, on_error=out.append)
    qtbot.waitUntil(lambda: bool(out), timeout=10_000)
    assert not isinstance(out[0], Exception), out[0]
    return out[0]


def _tolerated_client(qtbot: Any, window: Any, last_name: str, since: dt.date,
                      **facts: Any) -> str:
    """Someone tolerated since ``since`` who meets every § 25b condition but the six years
    (unless ``facts`` say otherwise)."""
    values: dict[str, Any] = {
        "german_oral": "A2", "german_written": "A1", "livelihood_own_share": 0.6,
        "passport": True, "convictions_above_threshold": False, **facts,
    }

    def work(session: Any) -> Any:
        client_id = create_client(session, data=ClientData(
            last_name=last_name, first_name="Testa", municipality_code="minden",
            birth_date=dt.date(1990, 5, 17), **values,
        )).ids[0]
        return add_residence_period(session, client_id=client_id, status_code="toleration_60a",
                                    valid_from=since, valid_to=None)

    return str(_write(qtbot, window, work).client_id)


def _soon_and_later(qtbot: Any, window: Any) -> tuple[str, str]:
    today = dt.date.today()
    soon = _tolerated_client(qtbot, window, "Baldig", add_months(today, 3 - SIX_YEARS))
    later = _tolerated_client(qtbot, window, "Späterer", add_months(today, 9 - SIX_YEARS))
    return soon, later


def _page(qtbot: Any, window: Any) -> Any:
    window.show_page("eligibility")
    page = window.pages["eligibility"]
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    return page


def _shown(page: Any) -> list[str]:
    return [page.client_at(row) for row in range(page.table.rowCount())]


def test_the_list_shows_who_becomes_eligible_within_n_months(qtbot: Any, window: Any) -> None:
    soon, later = _soon_and_later(qtbot, window)
    page = _page(qtbot, window)
    assert page.months.value() == 6
    assert soon in _shown(page)
    assert later not in _shown(page)
    row = _shown(page).index(soon)
    cells = [page.table.item(row, column).text() for column in range(5)]
    assert cells[0].startswith("Baldig")
    assert "§ 25b" in cells[1]
    assert cells[2] == "nicht erfüllt"
    assert cells[3]
    assert cells[4].startswith("Noch nicht erfüllt: Sechs Jahre")
    assert "Angaben fehlen" not in cells[4]  # every other fact is recorded
    unasked = _tolerated_client(qtbot, window, "Ungefragt",
                                add_months(dt.date.today(), 3 - SIX_YEARS), passport=None)
    qtbot.waitUntil(lambda: page.loaded and unasked in _shown(page), timeout=10_000)
    text = page.table.item(_shown(page).index(unasked), 4).text()
    assert text.startswith("Noch nicht erfüllt: Sechs Jahre")
    assert text.endswith(" · Angaben fehlen: Pass oder Passersatz")

    page.months.setValue(12)
    qtbot.waitUntil(lambda: page.loaded and later in _shown(page), timeout=10_000)
    assert soon in _shown(page)
    page.rule.setCurrentIndex(page.rule.findData("stag_10"))
    assert soon not in _shown(page)
    page.rule.setCurrentIndex(page.rule.findData("aufenthg_25b"))
    assert {soon, later} <= set(_shown(page))


def test_the_screen_has_ctrl_6_and_says_it_is_no_decision(qtbot: Any, window: Any) -> None:
    from kim_desktop.ui.qt import QKeySequence, QLabel

    actions = [a for a in window.findChildren(type(window.quick_action))
               if a.shortcut() == QKeySequence("Ctrl+6")]
    assert len(actions) == 1
    actions[0].trigger()
    page = window.pages["eligibility"]
    assert window.tabs.currentWidget() is page
    assert window.tabs.indexOf(window.pages["settings"]) == 4  # Ctrl+1..5 unchanged
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert any("ohne Rechtswirkung" in label.text() for label in page.findChildren(QLabel))


def test_a_new_client_appears_without_reopening_the_screen(qtbot: Any, window: Any) -> None:
    page = _page(qtbot, window)
    soon, _ = _soon_and_later(qtbot, window)
    qtbot.waitUntil(lambda: page.loaded and soon in _shown(page), timeout=10_000)


def test_enter_on_a_row_opens_the_client_file(qtbot: Any, window: Any) -> None:
    soon, _ = _soon_and_later(qtbot, window)
    page = _page(qtbot, window)
    page.table.setFocus()
    page.table.setCurrentCell(_shown(page).index(soon), 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: soon in window.client_files, timeout=10_000)
    assert window.tabs.currentWidget() is window.client_files[soon]


def _precheck_panel(qtbot: Any, window: Any, client_id: str) -> tuple[Any, Any]:
    view = window.open_client(client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    panel = view.page_titled("Vorprüfung")
    assert not panel.to_immigration.isEnabled()  # nothing to prefill before the check ran
    view.tabs.setCurrentWidget(panel.parentWidget())
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10_000)
    return view, panel


def test_prefilled_referral_to_the_immigration_office(qtbot: Any, window: Any) -> None:
    soon, _ = _soon_and_later(qtbot, window)
    view, panel = _precheck_panel(qtbot, window, soon)
    from kim_desktop.ui.client_file.precheck_referral import PrecheckReferralDialog

    qtbot.mouseClick(panel.to_immigration, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(PrecheckReferralDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.agency.text() == "Ausländerbehörde des Kreises Minden-Lübbecke"
    text = dialog.purpose.toPlainText()
    assert "§ 25b AufenthG" in text
    assert "Rechtsstand 31.12.2022" in text and "aufenthg_25b/" not in text
    assert "Erfüllt: " in text and "Fehlt oder offen: Sechs Jahre" in text
    assert "Baldig" not in text and "1990" not in text  # no personal data
    dialog.purpose.setPlainText(text + "\nBitte Termin anbieten.")
    dialog.submit()
    qtbot.waitUntil(lambda: view.data is not None and len(view.data.referrals) == 1,
                    timeout=10_000)
    referral = view.data.referrals[0]
    assert referral.agency_code == "auslaenderbehoerde_kreis"
    assert referral.planned_on == dt.date.today()
    assert referral.purpose.endswith("Bitte Termin anbieten.")
    assert referral.state == "planned"
    tab = view.page_titled("Vermittlungen")
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 1, timeout=10_000)
    assert tab.tree.topLevelItem(0).text(0) == "Ausländerbehörde des Kreises Minden-Lübbecke"


def test_prefilled_referral_to_the_naturalisation_office(qtbot: Any, window: Any) -> None:
    soon, _ = _soon_and_later(qtbot, window)
    view, panel = _precheck_panel(qtbot, window, soon)
    dialog = panel.prepare_referral("einbuergerungsbehoerde")
    qtbot.addWidget(dialog)
    assert "§ 10 StAG" in dialog.purpose.toPlainText()
    assert "Rechtsstand " in dialog.purpose.toPlainText()
    assert "stag_10/" not in dialog.purpose.toPlainText()
    dialog.submit()
    qtbot.waitUntil(lambda: len(view.data.referrals) == 1, timeout=10_000)
    assert view.data.referrals[0].agency_code == "einbuergerungsbehoerde_kreis"


def test_an_emptied_purpose_is_refused_and_nothing_is_saved(
    qtbot: Any, window: Any, no_dialogs: list[str]
) -> None:
    soon, _ = _soon_and_later(qtbot, window)
    view, panel = _precheck_panel(qtbot, window, soon)
    dialog = panel.prepare_referral("auslaenderbehoerde")
    qtbot.addWidget(dialog)
    dialog.purpose.setPlainText("   ")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "Anliegen" in dialog.error.text()
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert not view.data.referrals


def test_months_beyond_the_range_are_clamped_not_refused_later(qtbot: Any, window: Any) -> None:
    page = _page(qtbot, window)
    page.months.selectAll()
    qtbot.keyClicks(page.months, "999")
    assert page.months.value() <= 120
    page.months.setValue(0)
    assert page.months.value() == 1
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert not page.error.isVisible()

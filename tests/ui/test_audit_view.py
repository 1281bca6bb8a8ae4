"""The office admin's audit view: filtered by keys alone, typed dates, saved as CSV (logged),
absent for a case manager; the table model without a widget."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest

from kim_desktop.core.models import AuditEvent
from kim_desktop.core.vault import Role, Vault
from kim_desktop.ui.audit_model import PERSON_ROLE, AuditModel, audit_rows
from kim_desktop.ui.formats import file_number
from kim_desktop.ui.qt import QFileDialog, Qt
from tests.ui.conftest import PASSWORD, USER
from tests.ui.keys import activate, alt, focused, press, type_text
from tests.ui.test_accounts import unlock_as

COLLEAGUE = "bernd"
COLLEAGUE_PASSWORD = "Erstes Passwort für Bernd"


def audit_page(qtbot: Any, window: Any) -> Any:
    window.show()
    activate(qtbot, window)
    window.show_page("audit")
    page = window.pages["audit"]
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    return page


def reloaded(qtbot: Any, page: Any, key: Qt.Key = Qt.Key.Key_Return) -> None:
    page.loaded = False
    press(qtbot, key)
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)


def rows(page: Any) -> list[Any]:
    return [page.model.row_at(i) for i in range(page.model.rowCount())]


def test_the_admin_filters_the_office_log_by_keys_and_opens_the_person(
    qtbot: Any, window: Any
) -> None:
    caseload = window.pages["caseload"]
    one, other = (caseload.model.row_at(i).client_id for i in (0, 1))
    for client_id in (other, one):
        view = window.open_client(client_id)
        qtbot.waitUntil(lambda v=view: v.data is not None, timeout=10_000)
    page = audit_page(qtbot, window)
    assert {r.person for r in rows(page) if r.action == "view"} == {one, other}

    alt(qtbot, "p")
    type_text(qtbot, file_number(one))  # as the person's file shows it: "Akte 3F2A1C"
    reloaded(qtbot, page)
    about_one = rows(page)
    assert about_one and {r.person for r in about_one} == {one}
    assert {r.action for r in about_one} == {"view"}
    assert page.model.data(page.model.index(0, 5)) == file_number(one)

    alt(qtbot, "k")
    press(qtbot, Qt.Key.Key_Down, times=3)  # Alle, angelegt, geändert, angesehen
    qtbot.waitUntil(lambda: page.loaded and page.shown_filter.action == "view", timeout=10_000)
    assert {r.action for r in rows(page)} == {"view"}

    tomorrow = dt.date.today() + dt.timedelta(days=1)
    alt(qtbot, "v")
    type_text(qtbot, f"{tomorrow:%d%m%Y}")
    reloaded(qtbot, page)
    assert rows(page) == [] and page.shown_filter.since == tomorrow
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "31.02.2026")
    press(qtbot, Qt.Key.Key_Return)
    assert page.error.isVisible() and "31.02.2026" in page.error.text()
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, f"{dt.date.today():%d.%m.%y}")
    alt(qtbot, "i")
    type_text(qtbot, f"{dt.date.today():%d.%m.%Y}")
    reloaded(qtbot, page)
    assert not page.error.isVisible() and rows(page)

    window.close_current_file()
    window.show_page("audit")
    alt(qtbot, "i")
    press(qtbot, Qt.Key.Key_Tab, times=2)
    assert focused() is page.table
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.client_files.get(one) is window.tabs.currentWidget(),
                    timeout=5_000)


def test_a_short_or_unknown_file_number_is_said_in_words(qtbot: Any, window: Any) -> None:
    page = audit_page(qtbot, window)
    alt(qtbot, "p")
    type_text(qtbot, "abc")
    reloaded(qtbot, page)
    assert "mindestens 6 Zeichen" in page.error.text() and rows(page) == []
    type_text(qtbot, "xxxxxxxx")
    reloaded(qtbot, page)
    assert "nicht gefunden" in page.error.text()


def test_saving_the_selection_as_csv_is_logged_and_names_no_one(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    caseload = window.pages["caseload"]
    opened = [caseload.model.row_at(i) for i in range(3)]
    for row in opened:
        view = window.open_client(row.client_id)
        qtbot.waitUntil(lambda v=view: v.data is not None, timeout=10_000)
    page = audit_page(qtbot, window)
    target = tmp_path / "protokoll"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "CSV (*.csv)")))
    alt(qtbot, "c")
    saved = target.with_name("protokoll.csv")
    qtbot.waitUntil(lambda: "protokoll.csv" in page.notice.text(), timeout=10_000)
    text = saved.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].endswith("Person") and len(text.splitlines()) == 4
    for row in opened:
        assert row.client_id in text and row.name.split(",")[0] not in text
    qtbot.waitUntil(lambda: rows(page)[0].kind == "audit_log", timeout=10_000)
    assert (rows(page)[0].action, rows(page)[0].user) == ("export", USER)


def test_a_case_manager_has_no_audit_view(qtbot: Any, controller: Any) -> None:
    with Vault.unlock(controller.data_dir, user=USER, password=PASSWORD) as vault:
        vault.add_user(name=COLLEAGUE, role=Role.CASE_MANAGER, password=COLLEAGUE_PASSWORD)
    controller.start()
    window = unlock_as(qtbot, controller, COLLEAGUE, COLLEAGUE_PASSWORD)
    assert window is not None and "audit" not in window.pages
    assert "Protokoll" not in [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_the_model_shows_words_and_the_person_by_id() -> None:
    event = AuditEvent(at=dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC), user="anna",
                       action="export", record_kind="consent", record_id="c-1", detail="pdf")
    model = AuditModel()
    model.set_rows(audit_rows([event], {"c-1": "3f2a1c9e-0000"}))
    cells = [model.data(model.index(0, column)) for column in range(model.columnCount())]
    assert cells[1:] == ["anna", "exportiert", "Einwilligung", "c-1", "Akte 3F2A1C", "pdf"]
    assert model.data(model.index(0, 0), PERSON_ROLE) == "3f2a1c9e-0000"
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Person"


def test_saving_the_log_shows_progress_and_can_be_cancelled(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reproduced on main: the whole filter went out as one database task with no progress
    and no way to stop it; every save and read of the program waited behind it."""
    page = audit_page(qtbot, window)
    folder = tmp_path / "export"
    folder.mkdir()
    target = folder / "protokoll.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "CSV (*.csv)")))
    gate = threading.Event()
    window.context.read(lambda session: gate.wait(5))  # the database is busy meanwhile
    alt(qtbot, "c")
    qtbot.waitUntil(lambda: page.cancel.isVisible(), timeout=5_000)
    assert page.progress_bar.isVisible() and not page.csv_button.isEnabled()
    with qtbot.waitSignal(page.cancel.clicked, timeout=5_000):  # a mnemonic clicks later
        alt(qtbot, "r")  # "Speichern abb&rechen"
    gate.set()
    qtbot.waitUntil(lambda: "abgebrochen" in page.notice.text(), timeout=10_000)
    assert not page.cancel.isVisible() and page.csv_button.isEnabled()
    assert list(folder.iterdir()) == []
    alt(qtbot, "c")
    qtbot.waitUntil(lambda: "protokoll.csv" in page.notice.text(), timeout=10_000)
    assert target.exists() and page.progress_bar.value() == page.progress_bar.maximum()

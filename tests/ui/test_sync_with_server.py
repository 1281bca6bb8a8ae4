"""The sync from the case manager's side, against a real ``kim-server`` process: joining in the
first-run wizard, "sync now" in the status bar, an edit made during a slow sync, and locking
while a sync runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kim_desktop.core.models import Client
from kim_desktop.core.services import add_follow_up
from kim_desktop.core.vault import Vault
from kim_desktop.sync.enroll import enroll
from kim_desktop.ui import sync as ui_sync
from kim_desktop.ui.settings import SYNC_AUTOMATIC, Settings
from tests.server.conftest import Admin, ServerProcess
from tests.sync.proxy import ImpairedRelay
from tests.ui.conftest import PASSWORD, USER, to_joining, unlock


@dataclass
class Server:
    process: ServerProcess
    admin: Admin
    office_id: str

    def code(self) -> str:
        return self.admin.code(self.office_id)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    process = ServerProcess(url)
    process.start()
    admin = Admin(url)
    try:
        yield Server(process, admin, admin.office())
    finally:
        process.stop()
        admin.engine.dispose()


@pytest.fixture
def slow_line(server: Server) -> Iterator[ImpairedRelay]:
    """A line with 0.3 s each way: every request of a sync takes at least 0.6 s."""
    relay = ImpairedRelay(server.process.port, host="127.0.0.1", one_way_delay=0.3,
                          stall_probability=0.0, stall=0.0)
    yield relay
    relay.close()


def enrolled(data_dir: Path, url: str, code: str, *, automatic: bool = False) -> None:
    """Enrolls the office's vault; without ``automatic`` only the test starts syncs."""
    with Vault.unlock(data_dir, user=USER, password=PASSWORD) as vault, \
            vault.session() as session:
        enroll(session, server_url=url, code=code)
    Settings(data_dir).set(SYNC_AUTOMATIC, automatic)


def synced(qtbot: Any, window: Any) -> Any:
    """Starts a sync by the status bar's button and waits for it to end; the new status."""
    qtbot.waitUntil(lambda: window.sync.can_sync, timeout=10_000)
    with qtbot.waitSignal(window.sync.running_changed, timeout=60_000,
                          check_params_cb=lambda running: not running):
        window.sync_status.sync_now.click()
    with qtbot.waitSignal(window.sync.status_changed, timeout=10_000) as refreshed:
        pass
    return refreshed.args[0]


def test_first_run_joins_the_office_and_syncs(qtbot: Any, empty_data_dir: Path,
                                              server: Server) -> None:
    from kim_desktop.ui.app import AppController

    controller = AppController(empty_data_dir)
    try:
        page = to_joining(qtbot, controller)
        wizard = controller.wizard
        page.url.setText(server.process.url)
        page.code.setText(server.code())
        assert not page.validatePage()  # joining runs in the background
        qtbot.waitUntil(lambda: page.enrolled, timeout=30_000)
        # The first device of the office makes the office key: its recovery key is shown once
        # and must be confirmed as kept before the wizard finishes.
        assert len(page.new_key.toPlainText()) > 20
        assert not page.isComplete()
        page.kept.setChecked(True)
        assert page.isComplete()
        wizard.accept()
        qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
        window = controller.window
        qtbot.addWidget(window)
        status = synced(qtbot, window)
        assert status.enrolled and status.online
        assert status.last_error is None
        assert status.pending == 0
        assert window.sync_status.state.text().startswith("Online · letzter Abgleich")
    finally:
        controller.close()


def test_an_edit_during_a_slow_sync_is_saved_at_once_and_sent_next(
    qtbot: Any, controller: Any, data_dir: Path, server: Server, slow_line: ImpairedRelay
) -> None:
    enrolled(data_dir, slow_line.url, server.code())
    window = unlock(qtbot, controller)
    qtbot.waitUntil(lambda: window.sync.can_sync, timeout=10_000)
    assert window.sync.status.pending > 100  # the demo office's records, never sent
    window.sync_status.sync_now.click()
    assert window.sync.running
    assert not window.sync_status.cancel.isHidden()
    assert not window.sync_status.sync_now.isEnabled()

    def add(session: Any) -> Any:
        client = session.scalars(select(Client).order_by(Client.last_name)).first()
        return add_follow_up(session, client_id=client.id, due_on=dt.date.today(),
                             text="Unterlagen nachreichen")

    saved: list[Any] = []
    window.context.write(add, saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=5_000)
    # Saved while the sync still travels: the edit did not wait for the whole run.
    assert window.sync.running
    qtbot.waitUntil(lambda: window.sync.status.last_sync is not None, timeout=60_000)
    assert window.sync.status.last_error is None
    assert synced(qtbot, window).pending == 0  # the edit went with this sync or the next


def test_locking_during_a_sync_stops_it_and_the_next_sync_finishes(
    qtbot: Any, controller: Any, data_dir: Path, server: Server, slow_line: ImpairedRelay,
    no_dialogs: list[str],
) -> None:
    enrolled(data_dir, slow_line.url, server.code())
    window = unlock(qtbot, controller)
    qtbot.waitUntil(lambda: window.sync.can_sync, timeout=10_000)
    window.sync_status.sync_now.click()
    assert window.sync.running
    controller.lock()  # at once: the lock does not wait for the sync to end
    assert controller.window is None
    assert controller.unlock_dialog.isVisible()
    window = unlock(qtbot, controller)
    status = synced(qtbot, window)
    assert status.last_error is None and status.pending == 0
    assert no_dialogs == []


def test_with_automatic_sync_the_first_sync_starts_after_the_first_screen(
    qtbot: Any, controller: Any, data_dir: Path, server: Server,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ui_sync, "FIRST_SYNC_DELAY_MS", 200)
    enrolled(data_dir, server.process.url, server.code(), automatic=True)
    window = unlock(qtbot, controller)
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=10_000)
    assert window.sync.status.last_sync is None and not window.sync.running
    qtbot.waitUntil(lambda: window.sync.status.last_sync is not None, timeout=60_000)
    assert window.sync.status.pending == 0 and window.sync.status.last_error is None


def test_without_automatic_sync_nothing_starts_by_itself(
    qtbot: Any, controller: Any, data_dir: Path, server: Server,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ui_sync, "FIRST_SYNC_DELAY_MS", 50)
    enrolled(data_dir, server.process.url, server.code(), automatic=False)
    window = unlock(qtbot, controller)
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=10_000)
    qtbot.wait(500)
    assert not window.sync.running and window.sync.status.last_sync is None


def test_an_unexpected_failure_of_a_sync_is_said_in_the_status_bar(
    qtbot: Any, controller: Any, data_dir: Path, server: Server,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kim_desktop.sync.client import SyncClient

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("Müller, Anna")  # a defect whose text must not reach the screen

    monkeypatch.setattr(SyncClient, "run", broken)
    enrolled(data_dir, server.process.url, server.code())
    window = unlock(qtbot, controller)
    qtbot.waitUntil(lambda: window.sync.can_sync, timeout=10_000)
    changes: list[Any] = []
    window.context.taskman.changed.connect(changes.append)
    window.sync_status.sync_now.click()
    qtbot.waitUntil(lambda: not window.sync.running, timeout=10_000)
    # What a failed sync pulled before failing is saved: every screen looks again.
    assert any(change.touches("client") and change.touches("consultation")
               for change in changes)
    shown = window.statusBar().currentMessage()
    assert shown.startswith("⚠ Ein unerwarteter Fehler ist aufgetreten")
    assert "Müller" not in shown


def test_the_office_admin_resends_the_report_data_after_a_confirmation(
    qtbot: Any, controller: Any, data_dir: Path, server: Server
) -> None:
    from sqlalchemy import func

    from kim_desktop.ui.qt import QApplication, QMessageBox, Qt, QTimer
    from sync_server.models.reports import ReportFactRow
    from tests.sync_server.reports.reports_helpers import case_fact
    from tests.ui.keys import ALT, activate, alt_to, press

    enrolled(data_dir, server.process.url, server.code())
    window = unlock(qtbot, controller)
    assert synced(qtbot, window).last_error is None

    def facts() -> tuple[int, int]:
        with server.admin.sessions() as session:
            total = session.scalar(select(func.count()).select_from(ReportFactRow))
            planted = session.scalar(select(func.count()).select_from(ReportFactRow).where(
                ReportFactRow.key == "von-einem-kaputten-geraet"))
            return int(total or 0), int(planted or 0)

    sent, _ = facts()
    assert sent > 0  # the demo office's facts went with the first sync
    with server.admin.sessions() as session, session.begin():
        session.add(case_fact(server.office_id, "von-einem-kaputten-geraet"))
    assert facts() == (sent + 1, 1)

    answered: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        activate(qtbot, box)
        answered.append(box.text())
        alt_to(qtbot, next(b for b in box.buttons()
                           if b.text().replace("&", "") == "Erneut senden"))

    activate(qtbot, window)
    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(window.sync.running_changed, timeout=60_000,
                          check_params_cb=lambda running: not running):
        press(qtbot, Qt.Key.Key_D, ALT)  # the menu "Datei"
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=5_000)
        # An open menu takes the keys (it grabs the keyboard): "Berichtsdaten erneut s&enden …"
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_E)
    assert answered and "löscht alle Berichtsdaten dieses Büros" in answered[0]
    assert window.sync.status.last_error is None
    assert facts() == (sent, 0)  # the planted fact is gone, the office's own are back

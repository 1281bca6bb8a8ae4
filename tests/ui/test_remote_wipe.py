"""The wipe order as the case manager meets it in the program, against a real server: one
modal message that cannot be put off, the windows closed, the database, its WAL and the key
header deleted, the end said; and no sync at all while the program is locked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import requests

from kim_desktop.core.vault import Vault
from kim_desktop.sync.state import load_state
from kim_desktop.ui.qt import QApplication, Qt
from kim_desktop.ui.wipe import WipeDialog
from sync_server.db import transaction
from sync_server.models import Device
from sync_server.services.devices import device_state
from tests.ui.conftest import PASSWORD, USER, unlock
from tests.ui.test_sync_with_server import Server, enrolled, server, synced

__all__ = ["server"]


def _device_id(data_dir: Path) -> str:
    with Vault.unlock(data_dir, user=USER, password=PASSWORD) as vault, \
            vault.session() as session:
        state = load_state(session)
        assert state is not None
        return state.device_id


def _routes(server: Server, since: int = 0) -> list[str]:
    routes = []
    for line in server.process.log[since:]:
        try:
            routes.append(json.loads(line)["route"])
        except (ValueError, KeyError):
            continue
    return routes


def test_a_wipe_order_closes_the_program_and_deletes_the_data(
    qtbot: Any, controller: Any, data_dir: Path, server: Server,
) -> None:
    """Reproduced on main: the program built its sync without the wipe: the status bar said
    the data would be deleted, and the data stayed readable."""
    enrolled(data_dir, server.process.url, server.code())
    device_id = _device_id(data_dir)
    window = unlock(qtbot, controller)
    assert synced(qtbot, window).last_error is None
    server.admin.revoke(device_id, wipe=True)
    ended: list[bool] = []
    controller.remote_wipe.ended = lambda: ended.append(True)
    window.sync_status.sync_now.click()
    qtbot.waitUntil(lambda: controller.remote_wipe.dialog is not None, timeout=30_000)
    dialog = controller.remote_wipe.dialog
    assert controller.window is None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    assert "zur Löschung bestimmt" in dialog.message.text()
    qtbot.waitUntil(lambda: dialog.finished_wipe, timeout=30_000)
    assert "sind gelöscht" in dialog.state.text()
    for name in ("kim.db", "kim.db-wal", "kim.db-shm", "vault.json"):
        assert not (data_dir / name).exists(), name

    def said_done() -> bool:
        with transaction(server.admin.sessions) as session:
            state = device_state(session.get_one(Device, device_id))
        return state.startswith("gesperrt, gelöscht am ")

    qtbot.waitUntil(said_done, timeout=30_000)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.quit, timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ended == [True], timeout=5_000)


def test_the_wipe_message_cannot_be_put_off(qtbot: Any) -> None:
    dialog = WipeDialog("Dieses Gerät wurde gesperrt und muss seine Daten löschen.")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible() and not dialog.quit.isEnabled()
    assert not dialog.windowFlags() & Qt.WindowType.WindowCloseButtonHint
    dialog.done_deleting(None)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_locked_program_does_not_ask_and_the_first_request_after_unlock_is_the_handshake(
    qtbot: Any, controller: Any, data_dir: Path, server: Server,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kim_desktop.ui import sync as ui_sync

    monkeypatch.setattr(ui_sync, "FIRST_SYNC_DELAY_MS", 100)
    enrolled(data_dir, server.process.url, server.code(), automatic=True)
    window = unlock(qtbot, controller)
    window.sync.timer.setInterval(100)
    qtbot.waitUntil(lambda: "/v1/pull" in _routes(server), timeout=30_000)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=30_000)
    controller.lock()
    mark = len(server.process.log)
    qtbot.wait(1000)  # ten sync intervals of the unlocked program
    requests.get(f"{server.process.url}/healthz", timeout=10)  # logged after all before it
    qtbot.waitUntil(lambda: "/healthz" in _routes(server, mark), timeout=30_000)
    assert _routes(server, mark) == ["/healthz"]
    mark = len(server.process.log)
    window = unlock(qtbot, controller)
    qtbot.waitUntil(lambda: bool(_routes(server, mark)), timeout=30_000)
    assert _routes(server, mark)[0] == "/v1/handshake"

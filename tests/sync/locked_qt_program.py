"""The program itself, offscreen, as the subject of ``test_keys_gone_at_lock.py``: it unlocks
through its unlock screen, syncs through its sync controller, opens a client file, and when
told locks as the idle lock and Ctrl+L do (``AppController.lock``).

Like ``locked_program``, it reads the data folder, the password and the user from stdin, one
line each, answers ``unlocked`` after the sync, waits for ``lock``, answers ``locked``, and
then waits for stdin to end, its event loop still running.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kim_desktop.ui.app import AppController
from kim_desktop.ui.qt import QApplication


def _until(app: QApplication, condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.01)


def _events_for(app: QApplication, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    data_dir = Path(sys.stdin.readline().strip())
    password = sys.stdin.readline().rstrip("\n")
    user = sys.stdin.readline().strip()
    app = QApplication([])
    controller = AppController(data_dir)
    controller.start()
    dialog = controller.unlock_dialog
    assert dialog is not None
    dialog.user.setText(user)
    dialog.password.setText(password)
    dialog.try_unlock()
    _until(app, lambda: controller.window is not None)
    window = controller.window
    sync = window.sync
    _until(app, lambda: sync.status is not None)
    sync.sync_now()
    _until(app, lambda: not sync.running)
    _until(app, lambda: sync.status is not None and sync.status.last_sync is not None)
    assert sync.status.pending == 0 and sync.status.last_error is None, sync.status
    window.show_page("caseload")
    caseload = window.pages["caseload"]
    _until(app, lambda: caseload.loaded and caseload.model.rowCount() > 0)
    view = window.open_client(caseload.model.row_at(0).client_id)
    _until(app, lambda: view.data is not None)
    print("unlocked", flush=True)
    if sys.stdin.readline().strip() != "lock":
        return
    controller.lock()
    _events_for(app, 1.5)  # deferred deletions and the UI thread's collector run
    print("locked", flush=True)
    sys.stdin.read()
    controller.close()


if __name__ == "__main__":
    main()

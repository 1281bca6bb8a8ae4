"""Cycles of Qt objects die on the UI thread, however busy the workers are."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from kim_desktop.ui.qt import QObject, QTimer


def test_a_cycle_dropped_while_a_worker_allocates_is_destroyed_on_the_ui_thread(
        qtbot: Any, controller: Any) -> None:
    """A form and its draft keeper are such a cycle; destroyed on the database thread, the
    form's timers stay registered, and the next timer event crashed the program."""
    gc.collect()
    destroyed_in: list[str] = []
    form = QObject()
    timer = QTimer(form)
    timer.start(60_000)
    keeper = {"form": form}
    form.keeper = keeper  # type: ignore[attr-defined]
    weakref.finalize(form, lambda: destroyed_in.append(threading.current_thread().name))
    del form, timer, keeper

    rows: list[list[object]] = []

    def allocate() -> None:
        """As a query builds its result: enough new objects for the collector to run."""
        rows.extend([] for _ in range(10_000))

    worker = threading.Thread(target=allocate, name="kim-db-test")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(destroyed_in), timeout=5_000)
    assert destroyed_in == ["MainThread"]

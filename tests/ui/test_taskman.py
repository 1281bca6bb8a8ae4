"""The one task runner: one database thread in order, results and errors back on the UI
thread, change announcements only for writes that describe a change."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from kim_desktop.ui.qt import QLabel, isValid
from kim_desktop.ui.taskman import TaskManager


@dataclass(frozen=True)
class FakeChange:
    kind: str

    def touches(self, kind: str) -> bool:
        return kind == self.kind


@pytest.fixture
def taskman(qapp: Any) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_database_work_runs_in_order_on_one_thread(qtbot: Any, taskman: TaskManager) -> None:
    seen: list[tuple[int, str]] = []
    results: list[int] = []
    for number in range(20):
        taskman.query(lambda n=number: seen.append((n, threading.current_thread().name)) or n,
                      on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 20, timeout=5_000)
    assert [n for n, _ in seen] == list(range(20))
    assert len({name for _, name in seen}) == 1
    assert seen[0][1] != threading.current_thread().name
    assert results == list(range(20))


def test_errors_come_back_and_writes_announce_changes(qtbot: Any, taskman: TaskManager) -> None:
    errors: list[Exception] = []
    announced: list[Any] = []
    taskman.changed.connect(announced.append)
    taskman.query(lambda: 1 / 0, on_error=errors.append)
    taskman.write(lambda: FakeChange("client"))
    taskman.write(lambda: "not a change")
    finished: list[bool] = []
    taskman.query(lambda: True, on_done=finished.append)  # delivered after the writes
    qtbot.waitUntil(lambda: bool(finished), timeout=5_000)
    assert isinstance(errors[0], ZeroDivisionError)
    assert announced == [FakeChange("client")]


def test_unhandled_errors_are_reported_once(qtbot: Any, taskman: TaskManager) -> None:
    failed: list[Exception] = []
    taskman.failed.connect(failed.append)
    taskman.network(lambda: int("x"))
    qtbot.waitUntil(lambda: bool(failed), timeout=5_000)
    assert isinstance(failed[0], ValueError)


def test_results_for_a_closed_screen_are_dropped(qtbot: Any, taskman: TaskManager) -> None:
    label = QLabel()
    gate = threading.Event()
    taskman.query(lambda: gate.wait(5) and "spät", on_done=label.setText)
    label.deleteLater()
    qtbot.waitUntil(lambda: not isValid(label), timeout=5_000)
    done: list[int] = []
    gate.set()
    taskman.query(lambda: 1, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)  # no crash on the deleted label


def test_work_asked_for_after_shutdown_is_cancelled_not_an_error(
    qtbot: Any, qapp: Any
) -> None:
    """A result delivered while the program closes may ask for more work (a screen that
    refreshes, a sync timer): that is dropped quietly, never "cannot schedule new futures"."""
    manager = TaskManager()
    failed: list[Exception] = []
    manager.failed.connect(failed.append)
    asked: list[Any] = []
    manager.query(lambda: 1, on_done=lambda _: asked.append(manager.query(lambda: 2)))
    manager.shutdown()  # the first result is still on its way to the UI thread
    later = manager.write(lambda: FakeChange("client"))
    assert later.future.cancelled()
    qapp.processEvents()  # the first result's delivery, queued before the pools stopped
    assert failed == []
    assert all(task.future.cancelled() for task in asked)

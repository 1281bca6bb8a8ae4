"""One consultation entered by keyboard alone: how many keys it takes, and how long that is
at 3 keys per second (a steady typist who reads the screen as they go).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/keyboard.py [--clients 2000]

From the start screen of an unlocked office: Ctrl+N; the person, typed until the form
knows which one is meant; 45 minutes instead of the 30 offered; one field of action ticked;
a note of a few sentences; Ctrl+Enter. Each key goes to the widget that has the focus, as in
tests/ui/test_scenario.py, whose key helpers it uses. Prints the keys and the simulated time
per step, and the wall time the program itself spent on them (keys handled, form opened,
consultation saved). The demo office is made once and kept (see bench/ui.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "default.warning=false")

from bench.ui import PASSWORD, USER, load, office  # noqa: E402

KEYS_PER_SECOND = 3
NOTE = ("Sprachkurs B1 besprochen, Anmeldung bei der VHS bis Freitag. Unterlagen zum "
        "Aufenthalt mitgebracht, Kopien gemacht.")


class Keyboard:
    """Stands in for pytest-qt's qtbot where tests/ui/keys.py needs one: sends each key with
    QTest and counts it."""

    def __init__(self, app: Any) -> None:
        from PySide6.QtTest import QTest

        self.app, self.test, self.keys, self.busy = app, QTest, 0, 0.0

    def keyClick(self, widget: Any, key: Any, modifier: Any = None) -> None:
        from kim_desktop.ui.qt import Qt

        started = time.perf_counter()
        self.test.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
        self.app.processEvents()
        self.busy += time.perf_counter() - started
        self.keys += 1

    def keyClicks(self, widget: Any, text: str) -> None:
        for letter in text:
            started = time.perf_counter()
            self.test.keyClicks(widget, letter)
            self.app.processEvents()
            self.busy += time.perf_counter() - started
            self.keys += 1

    def waitUntil(self, done: Callable[[], bool], timeout: int = 5_000) -> None:
        started = time.perf_counter()
        deadline = time.monotonic() + timeout / 1000
        while not done():
            if time.monotonic() > deadline:
                raise SystemExit("the program did not answer within the time allowed")
            self.app.processEvents()
            time.sleep(0.001)
        self.busy += time.perf_counter() - started


def unlocked(folder: Path) -> tuple[Any, Any, Any]:
    from kim_desktop.ui.app import AppController, application

    app = application()
    controller = AppController(folder)
    controller.start()
    dialog = controller.unlock_dialog
    assert dialog is not None
    dialog.user.setText(USER)  # the setting up is not part of the consultation
    dialog.password.setText(PASSWORD)
    dialog.try_unlock()
    while controller.window is None or controller.window.pages["start"].data is None:
        app.processEvents()
        time.sleep(0.001)
    return app, controller, controller.window


def consultation(app: Any, window: Any) -> tuple[list[tuple[str, int, float]], str, str]:
    """Enters the consultation; each step with its keys and the program's own time, the
    person meant and the one saved."""
    from sqlalchemy import select

    from kim_desktop.core.models import Client, Consultation
    from kim_desktop.ui.qt import QApplication, Qt
    from tests.ui.keys import CTRL, activate, alt_to, focused, press, type_text

    keyboard = Keyboard(app)
    steps: list[tuple[str, int, float]] = []

    def step(name: str, work: Callable[[], None]) -> None:
        keys, busy = keyboard.keys, keyboard.busy
        work()
        steps.append((name, keyboard.keys - keys, keyboard.busy - busy))

    def on_database(work: Callable[[Any], Any]) -> Any:
        def run() -> Any:
            with window.context.vault.session() as session:
                return work(session)
        return window.context.taskman.run_blocking_on_database(run)

    people = on_database(lambda s: list(s.execute(
        select(Client.id, Client.last_name, Client.first_name)
        .where(Client.deleted_at.is_(None)).order_by(Client.id).limit(200))))
    # the first whose name QTest can type (it knows ASCII keys only)
    client_id, last_name, first_name = next(
        row for row in people if f"{row.last_name}{row.first_name}".isascii())
    activate(keyboard, window)
    form: Any = None

    def open_form() -> None:
        nonlocal form
        press(keyboard, Qt.Key.Key_N, CTRL)
        keyboard.waitUntil(lambda: QApplication.activeModalWidget() is not None)
        opened = QApplication.activeModalWidget()
        assert opened is not None
        form = activate(keyboard, opened)
        keyboard.waitUntil(lambda: form.ready)

    def person() -> None:
        assert focused() is form.client
        for letter in f"{last_name}, {first_name}":
            type_text(keyboard, letter)
            if form.chosen_client():
                break

    def minutes() -> None:
        alt_to(keyboard, form.minutes)
        press(keyboard, Qt.Key.Key_A, CTRL)
        type_text(keyboard, "45")

    def field() -> None:
        alt_to(keyboard, form.fields)
        press(keyboard, Qt.Key.Key_Space)

    def notes() -> None:
        alt_to(keyboard, form.notes)
        type_text(keyboard, NOTE)

    def save() -> None:
        press(keyboard, Qt.Key.Key_Return, CTRL)
        keyboard.waitUntil(lambda: not form.isVisible())

    step("Ctrl+N: the form", open_form)
    step("the person, until the form knows them", person)
    step("45 minutes", minutes)
    step("a field of action", field)
    step(f"the note: Alt key, {len(NOTE)} characters", notes)
    step("Ctrl+Enter: saved", save)
    saved = on_database(lambda s: s.scalar(
        select(Consultation.client_id).where(Consultation.notes == NOTE)))
    return steps, client_id, saved or ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2_000)
    args = parser.parse_args()
    folder = office(args.clients)
    app, controller, window = unlocked(folder)
    try:
        steps, meant, saved = consultation(app, window)
    finally:
        controller.close()
    if saved != meant:
        raise SystemExit("the consultation was not saved for the person meant")
    print(f"load average during the run: {load()} (2 cores); {args.clients} clients")
    print(f"{'step':<42} {'keys':>5} {'at 3/s':>8} {'program':>9}")
    for name, keys, busy in steps:
        print(f"{name:<42} {keys:5d} {keys / KEYS_PER_SECOND:7.1f} s {busy * 1000:6.0f} ms")
    keys = sum(k for _, k, _ in steps)
    busy = sum(b for _, _, b in steps)
    note = next(k for name, k, _ in steps if name.startswith("the note"))
    print(f"{'one consultation':<42} {keys:5d} {keys / KEYS_PER_SECOND:7.1f} s "
          f"{busy * 1000:6.0f} ms")
    print(f"{'  of which not the note':<42} {keys - note:5d} "
          f"{(keys - note) / KEYS_PER_SECOND:7.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

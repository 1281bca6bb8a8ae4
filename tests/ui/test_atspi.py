"""The program read as a screen reader reads it: started in a process of its own on a real X
server (Xvfb) with the accessibility bus (at-spi2-core), driven by key presses from xdotool,
and read through AT-SPI by ``atspi_reader.py`` under the system Python (Debian's
python3-pyatspi; pyatspi is not on PyPI).

On the unlock screen and in the main window, Tab goes round every control: each one it reaches
must have a name and a role a screen reader can say, every focusable control must be reached,
and the main controls must come in turn. ``./dev test`` installs what this needs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import PASSWORD, USER

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
READER = Path(__file__).with_name("atspi_reader.py")
APP_NAME = "KIM Desktop"

#: What a screen reader can say a control is; a focusable "panel", "filler", "label" or
#: "unknown" tells the person nothing about what the key press reached.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "password text", "spin button", "page tab list", "page tab", "table", "tree table",
    "list", "tree", "list box", "slider", "menu bar", "link", "date editor", "scroll bar",
    "tool bar",
}

pytestmark = pytest.mark.timeout(90)


def missing_tools() -> list[str]:
    missing = [f"{tool} ({package})" for tool, package in (
        ("Xvfb", "xvfb"), ("xdotool", "xdotool"), ("dbus-daemon", "dbus"),
    ) if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append(f"{BUS_LAUNCHER} (at-spi2-core)")
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    ).returncode:
        missing.append(f"pyatspi für {SYSTEM_PYTHON} (python3-pyatspi)")
    return missing


def wait_for(probe: Callable[[], Any], what: str, timeout: float = 20.0) -> Any:
    """Polls ``probe`` until it returns something truthy; the program runs in another
    process, so there is no signal to wait on."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"Nach {timeout:.0f} s nicht eingetreten: {what}")
        time.sleep(0.05)


class Session:
    """Xvfb, a session bus and the accessibility bus, for programs started inside them."""

    def __init__(self) -> None:
        self.processes: list[subprocess.Popen[Any]] = []
        read, write = os.pipe()
        self._start(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                     "-nolisten", "tcp"], pass_fds=[write])
        os.close(write)
        with os.fdopen(read) as display:
            number = display.readline().strip()
        assert number, "Xvfb hat keine Anzeige geöffnet"
        bus = self._start(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                          stdout=subprocess.PIPE, text=True)
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        self.env = {
            **{key: value for key, value in os.environ.items()
               if not key.startswith(("QT_", "DBUS_", "XDG_SESSION", "WAYLAND"))},
            "DISPLAY": f":{number}", "DBUS_SESSION_BUS_ADDRESS": address,
            "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
        }
        self._start([BUS_LAUNCHER, "--launch-immediately"], env=self.env)
        self.reader = self._start([SYSTEM_PYTHON, str(READER)], env=self.env,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def _start(self, command: list[str], **options: Any) -> subprocess.Popen[Any]:
        process = subprocess.Popen(command, stderr=subprocess.DEVNULL, **options)
        self.processes.append(process)
        return process

    def start(self, command: list[str]) -> subprocess.Popen[Any]:
        return self._start(command, env=self.env)

    def ask(self, command: str, title: str = "") -> Any:
        assert self.reader.stdin is not None and self.reader.stdout is not None
        self.reader.stdin.write(json.dumps(
            {"command": command, "app": self.app_name, "title": title}) + "\n")
        self.reader.stdin.flush()
        return json.loads(self.reader.stdout.readline())

    app_name = APP_NAME

    def xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, capture_output=True,
                              text=True, check=True, timeout=20).stdout

    def focus_window(self, title: str) -> None:
        """Gives the window the keyboard (no window manager runs to do it)."""
        wait_for(lambda: any(name.startswith(title) for name in self.ask("windows")),
                 f"Fenster »{title}« bei AT-SPI")
        window = self.xdotool("search", "--sync", "--onlyvisible", "--name",
                              f"^{re.escape(title)}").split()[0]
        self.xdotool("windowfocus", "--sync", window)

    def close(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def session() -> Iterator[Session]:
    missing = missing_tools()
    if missing:
        pytest.fail("Für den AT-SPI-Test fehlt: " + ", ".join(missing)
                    + " (./dev test installiert es als root)", pytrace=False)
    started = Session()
    yield started
    started.close()


def tab_round(session: Session, title: str, limit: int = 150) -> list[dict[str, Any]]:
    """Presses Tab from the window's focused control until the focus comes back to it; the
    controls it reached, in order."""
    first = wait_for(lambda: session.ask("focused", title), f"Fokus in »{title}«")
    visited = [first]
    for _ in range(limit):
        session.xdotool("key", "Tab")
        now = wait_for(lambda previous=visited[-1]["path"]: moved(session, title, previous),
                       f"Tab nach »{visited[-1]['name']}« in »{title}«", timeout=5)
        if now["path"] == first["path"]:
            return visited
        visited.append(now)
    raise AssertionError(f"Tab kommt in »{title}« nach {limit} Schritten nicht zurück: "
                         f"{[control['name'] for control in visited]}")


def moved(session: Session, title: str, previous: list[int]) -> dict[str, Any] | None:
    """The focused control, once it is another than the one at ``previous``."""
    hit = session.ask("focused", title)
    return hit if hit and hit.get("path") != previous else None


def problems(session: Session, title: str, visited: list[dict[str, Any]]) -> list[str]:
    """Reached controls without a name or a role that says what they are, and focusable
    controls that Tab never reaches."""
    found = [f"{control['role']} ohne Namen" for control in visited
             if not control["name"].strip()]
    found += [f"»{control['name']}« als {control['role']}" for control in visited
              if not sensible_role(control)]
    found += [f"»{control['name']}« ({control['role']}) nicht per Tab erreichbar"
              for control in session.ask("controls", title)
              if control["role"] in CONTROL_ROLES and "enabled" in control["states"]
              and not reached(control, visited)]
    return found


def sensible_role(control: dict[str, Any]) -> bool:
    """Qt gives a read-only text area (the statement's text) the role "label"; with "multi
    line" a screen reader reads it as text to walk through."""
    return control["role"] in CONTROL_ROLES or (
        control["role"] == "label" and "multi line" in control["states"])


def reached(control: dict[str, Any], visited: list[dict[str, Any]]) -> bool:
    """Tab stops once in a group of radio buttons and once on a tab bar, at the checked
    button and the current tab; arrow keys move on from there."""
    path = control["path"]
    tab_bar = path if control["role"] == "page tab list" else path[:-1]
    for stop in visited:
        if stop["path"] == path:
            return True
        if control["role"] == "radio button" == stop["role"] and stop["path"][:-1] == path[:-1]:
            return True
        if control["role"] in {"page tab", "page tab list"} and stop["role"] == "page tab" \
                and stop["path"][:-1] == tab_bar:
            return True
    return False


def in_order(names: list[str], expected: list[str]) -> bool:
    """``expected`` come in this order in the round ``names``, from wherever it started."""
    if not set(expected) <= set(names):
        return False
    start = names.index(expected[0])
    turned = names[start:] + names[:start]
    positions = [turned.index(name) for name in expected]
    return positions == sorted(positions)


def test_unlock_screen_and_main_window_read_as_a_screen_reader_does(
    session: Session, data_dir: Path,
) -> None:
    program = session.start([sys.executable, "-m", "kim_desktop", "--data-dir", str(data_dir)])
    unlock_title = "KIM Desktop – Entsperren"
    session.focus_window(unlock_title)
    visited = tab_round(session, unlock_title)
    names = [control["name"] for control in visited]
    assert problems(session, unlock_title, visited) == [], names
    # The button box orders its buttons by the platform's layout, after the two fields.
    assert names[:3] == ["Benutzername", "Passwort", "Entsperren"], names
    assert sorted(names[3:]) == ["Beenden", "Passwort vergessen …"], names

    session.xdotool("type", "--delay", "5", USER)
    session.xdotool("key", "Tab")
    session.xdotool("type", "--delay", "5", PASSWORD)
    session.xdotool("key", "Return")
    main_title = f"KIM Desktop – {USER}"
    session.focus_window(main_title)
    pages = [control["name"] for control in session.ask("controls", main_title)
             if control["role"] == "page tab"]
    assert pages[:2] == ["Start", "Klient*innen"], pages
    found, rounds = {}, {}
    for number, page in enumerate(pages, start=1):
        session.xdotool("key", f"ctrl+{number}")
        wait_for(lambda page=page: selected_tab(session, main_title) == page,
                 f"Seite »{page}« mit Strg+{number}")
        visited = tab_round(session, main_title)
        rounds[page] = [control["name"] for control in visited]
        found[page] = problems(session, main_title, visited)
        for opener in openers(session, main_title):
            title, names, found_there = dialog_round(session, main_title,
                                                     [xdotool_keys(opener["key"])])
            rounds[f"{page}, {opener['name']}: {title}"] = names
            found[f"{page}, {opener['name']}: {title}"] = found_there
    assert {page: found[page] for page in pages if found[page]} == {}, rounds
    assert in_order(rounds["Start"], ["Wiedervorlagen: Meine", "Wiedervorlagen",
                                      "Letzte Beratungskontakte", "Start"]), rounds["Start"]
    assert in_order(rounds["Klient*innen"], ["Suche nach Name", "Neue Person …",
                                             "Klient*innen"]), rounds["Klient*innen"]

    for keys in DIALOGS:
        title, names, found_there = dialog_round(session, main_title, keys)
        rounds[title], found[title] = names, found_there

    # A person's file, part by part: Enter in the search goes to the first row of the
    # list, Enter there opens it.
    session.xdotool("key", "ctrl+2")
    wait_for(lambda: selected_tab(session, main_title) == "Klient*innen", "Klient*innen")
    session.xdotool("key", "Return")
    wait_for(lambda: (session.ask("focused", main_title) or {}).get("role") == "table",
             "Enter in der Suche führt in die Liste")
    session.xdotool("key", "Return")
    parts = wait_for(lambda: file_parts(session, main_title), "die Akte öffnet mit Enter")
    file_openers = openers(session, main_title)
    for opener in file_openers:
        title, names, found_there = dialog_round(session, main_title,
                                                 [xdotool_keys(opener["key"])])
        rounds[f"{opener['name']}: {title}"] = names
        found[f"{opener['name']}: {title}"] = found_there
    assert len(file_openers) > 3, [opener["name"] for opener in file_openers]
    for index, part in enumerate(parts):
        if index:
            session.xdotool("key", "ctrl+Next")
        wait_for(lambda part=part: selected_tab(session, main_title, inner=True) == part,
                 f"Teil »{part}« der Akte")
        visited = tab_round(session, main_title)
        rounds[f"Akte: {part}"] = [control["name"] for control in visited]
        found[f"Akte: {part}"] = problems(session, main_title, visited)
    assert len(parts) > 5, parts
    assert {title: problems for title, problems in found.items() if problems} == {}, rounds
    assert program.poll() is None


#: Dialogs of the main window, each opened by its keys and closed by Escape. (The menus
#: themselves are not read: Qt does not give AT-SPI its popup menus as windows.)
DIALOGS = [
    ["ctrl+shift+n"],  # Neue Person
    ["ctrl+n"],  # Neuer Beratungskontakt
    ["alt+h", "b"],  # Erklärung zur Barrierefreiheit
    ["alt+d", "k"],  # Export für die Datenbank KIM
]


def openers(session: Session, title: str) -> list[dict[str, Any]]:
    """The buttons shown that open a dialog ("…"); each must have an Alt key that AT-SPI
    announces, by which the walk presses it."""
    found = [control for control in session.ask("controls", title)
             if control["role"] == "push button" and control["name"].endswith("…")
             and "enabled" in control["states"]]
    keyless = [control["name"] for control in found if not control["key"].startswith("Alt+")]
    assert keyless == [], f"ohne Alt-Taste in »{title}«: {keyless}"
    return found


def xdotool_keys(binding: str) -> str:
    """AT-SPI's "Alt+Ö" as xdotool names it: "alt+odiaeresis"."""
    keysyms = {"ä": "adiaeresis", "ö": "odiaeresis", "ü": "udiaeresis", "ß": "ssharp"}
    return "+".join(keysyms.get(part, part) for part in binding.lower().split("+"))


def file_parts(session: Session, title: str) -> list[str]:
    """The parts of the open file, once they can be chosen (a tab bar inside a page)."""
    return [control["name"] for control in session.ask("controls", title)
            if control["role"] == "page tab" and len(control["path"]) > 3
            and "enabled" in control["states"]]


def dialog_round(session: Session, main_title: str,
                 keys: list[str]) -> tuple[str, list[str], list[str]]:
    """Opens a dialog by ``keys``, goes round it by Tab and closes it by Escape: its title,
    the names Tab reached and the problems found."""
    before = set(session.ask("windows"))
    for key in keys:
        session.xdotool("key", key)
    title = wait_for(lambda: next(iter(set(session.ask("windows")) - before - {""}), None),
                     f"Dialog nach {'+'.join(keys)}")
    session.focus_window(title)
    visited = tab_round(session, title)
    found = problems(session, title, visited)
    session.xdotool("key", "Escape")
    wait_for(lambda: title not in session.ask("windows"), f"»{title}« schließt mit Escape")
    session.focus_window(main_title)
    return title, [control["name"] for control in visited], found


def selected_tab(session: Session, title: str, *, inner: bool = False) -> str:
    """The main window's page shown, or (``inner``) the open file's part."""
    return next((control["name"] for control in session.ask("controls", title)
                 if control["role"] == "page tab" and "selected" in control["states"]
                 and (len(control["path"]) > 3) == inner), "")


UNNAMED_WINDOW = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

    app = QApplication(sys.argv)
    app.setApplicationName("KIM Probe")
    window = QWidget()
    window.setWindowTitle("Probe")
    layout = QVBoxLayout(window)
    layout.addWidget(QPushButton("Speichern"))
    layout.addWidget(QLineEdit())  # no label, no accessible name
    layout.addWidget(QPushButton())  # an icon button without text or name
    window.show()
    app.exec()
""")


def test_the_check_reports_an_unnamed_control(session: Session, tmp_path: Path) -> None:
    script = tmp_path / "probe.py"
    script.write_text(UNNAMED_WINDOW, encoding="utf-8")
    session.start([sys.executable, str(script)])
    session.app_name = "KIM Probe"
    session.focus_window("Probe")
    visited = tab_round(session, "Probe")
    assert [control["role"] for control in visited] == ["push button", "text", "push button"]
    assert problems(session, "Probe", visited) == ["text ohne Namen", "push button ohne Namen"]

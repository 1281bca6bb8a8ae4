"""At 150 % on a 1366×768 screen every screen fits: no window asks for more than the
screen, so nothing ends up off-screen (the status bar, the file's last tabs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SCREEN = (1366, 768)
#: What a window manager's frame and a panel may take of the height.
DECORATION = 40


@pytest.fixture(scope="module")
def scaled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What :mod:`tests.ui.scaled_sizes` finds at 150 % (one run for this module's tests:
    it starts the program)."""
    folder = tmp_path_factory.mktemp("scaled")
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.scaled_sizes", str(folder)], env=environment,
        capture_output=True, text=True, timeout=180, cwd=Path(__file__).parents[2],
        check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    found: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return found


def test_every_screen_fits_1366_by_768_at_150_percent(scaled: dict[str, Any]) -> None:
    found = scaled
    assert found["scale"] == 1.5
    too_big = {name: size for name, size in found["sizes"].items()
               if size[0] > SCREEN[0] or size[1] > SCREEN[1] - DECORATION}
    assert len(found["sizes"]) > 15
    assert sum(name.startswith("dialog: ") for name in found["sizes"]) > 25
    assert too_big == {}


def test_every_small_dialog_shows_all_its_buttons_at_150_percent(
    scaled: dict[str, Any]
) -> None:
    """The small dialogs (cases, plan, follow-ups, referrals, consents, accounts …) open at a
    size within 1366×768 at 150 %, and every button of theirs lies inside them."""
    opened = {name: size for name, size in scaled["sizes"].items()
              if name.startswith("dialog opened: ")}
    assert len(opened) > 25
    assert {name: size for name, size in opened.items()
            if size[0] > SCREEN[0] or size[1] > SCREEN[1] - DECORATION} == {}
    assert scaled["cut_buttons"] == {}


def test_the_unlock_screen_grows_for_a_message_at_150_percent(scaled: dict[str, Any]) -> None:
    """Reproduced on main: with a second instance running, the fields shrank to ~5 px."""
    shown = scaled["unlock_message"]
    assert {name: height >= hint for name, (height, hint) in shown["fields"].items()} == {
        "user": True, "password": True, "unlock": True}, shown
    height, needed = shown["message"]
    assert height >= needed, shown


def test_the_client_search_keeps_room_for_a_name_at_150_percent(scaled: dict[str, Any]) -> None:
    """Reported: at 150 % the caseload's search field shrank. It keeps room for its
    placeholder and a name of 20 characters, in the narrowest window the caseload allows;
    so does the consultation's field that looks the person up."""
    from kim_desktop.ui.caseload import SEARCH_CHARS

    for field, shown in scaled["search"].items():
        assert shown["width"] >= shown["placeholder"], (field, shown)
    caseload = scaled["search"]["caseload"]
    assert caseload["width"] >= SEARCH_CHARS * caseload["chars"], caseload

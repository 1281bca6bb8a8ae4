"""At 150 % on a 1366×768 screen every screen fits: no window asks for more than the
screen, so nothing ends up off-screen (the status bar, the file's last tabs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCREEN = (1366, 768)
#: What a window manager's frame and a panel may take of the height.
DECORATION = 40


def test_every_screen_fits_1366_by_768_at_150_percent(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.ui.scaled_sizes", str(tmp_path)], env=environment,
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[2],
        check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["scale"] == 1.5
    too_big = {name: size for name, size in found["sizes"].items()
               if size[0] > SCREEN[0] or size[1] > SCREEN[1] - DECORATION}
    assert len(found["sizes"]) > 15
    assert too_big == {}

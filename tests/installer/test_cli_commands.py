"""``kim-desktop selftest`` and ``kim-desktop provisioning`` as IT runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GOOD = '[office]\nname = "KIM Espelkamp"\nmunicipality = "Espelkamp"\n'


def _kim_desktop(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "KIM_PROVISIONING"}
    environment.update(QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "kim_desktop", *args],
        capture_output=True, text=True, env=environment, timeout=120,
    )


def test_selftest_passes_and_says_ok(tmp_path: Path) -> None:
    result = _kim_desktop("selftest")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "OK"


def test_selftest_fails_in_german_on_a_bad_provisioning_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD + "[settings]\nauto_lock_minutes = -1\n", encoding="utf-8")
    result = _kim_desktop("--provisioning", str(bad), "selftest")
    assert result.returncode == 1
    assert "Zeile 5" in result.stderr and "Traceback" not in result.stderr
    assert "OK" not in result.stdout.splitlines()[-1:]


def test_provisioning_command_shows_a_good_file(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    result = _kim_desktop("provisioning", str(good))
    assert result.returncode == 0, result.stderr
    assert "KIM Espelkamp" in result.stdout and "gültig" in result.stdout


def test_provisioning_command_finds_the_file_through_the_environment(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[office\n", encoding="utf-8")
    result = _kim_desktop("provisioning", env={"KIM_PROVISIONING": str(bad)})
    assert result.returncode == 1
    assert "Zeile 1" in result.stderr and "Traceback" not in result.stderr

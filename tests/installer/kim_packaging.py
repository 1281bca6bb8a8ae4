"""Building and installing the .deb for the installer tests (and bench/installer.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INSTALL_ROOT = Path("/opt/kim-desktop")


def build_deb(out: Path, source_root: Path = ROOT) -> Path:
    """Build the bundle and the .deb of the tree at ``source_root`` into ``out``."""
    result = subprocess.run(
        ["bash", str(source_root / "installer" / "build_deb.sh"), "--out", str(out)],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return Path(result.stdout.strip().splitlines()[-1])


def install(deb: Path) -> None:
    subprocess.run(["dpkg", "-i", str(deb)], check=True, capture_output=True, timeout=300)


def remove_package() -> None:
    subprocess.run(["dpkg", "--purge", "kim-desktop"], capture_output=True, timeout=300)


def installed_env(home: Path) -> dict[str, str]:
    """The environment of a user starting the installed program: a fresh home, no provisioning
    file from the caller, Qt offscreen, and none of the test venv's Python settings."""
    home.mkdir(parents=True, exist_ok=True)
    dropped = {"KIM_PROVISIONING", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"),
               QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:/bin")
    return env


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())

"""Building and installing the .deb for the installer tests (and bench/installer.py)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INSTALL_ROOT = Path("/opt/kim-desktop")
#: Test runs that share a machine (parallel sessions, CI) take turns with the one system-wide
#: kim-desktop package.
LOCK_FILE = Path("/tmp/kim-desktop-package-tests.lock")
#: How long apt-get waits for another apt or dpkg run to release the dpkg lock, in seconds.
DPKG_LOCK_TIMEOUT = 600


def build_deb(out: Path, source_root: Path = ROOT) -> Path:
    """Build the bundle and the .deb of the tree at ``source_root`` into ``out``."""
    result = subprocess.run(
        ["bash", str(source_root / "installer" / "build_deb.sh"), "--out", str(out)],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return Path(result.stdout.strip().splitlines()[-1])


@contextmanager
def system_package() -> Iterator[None]:
    """Hold the machine's kim-desktop package for this test; purge it when done."""
    with LOCK_FILE.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            remove_package()
            fcntl.flock(lock, fcntl.LOCK_UN)


def _apt_get(*args: str) -> None:
    """``apt-get`` with dpkg's own lock wait: on a fresh machine another apt or dpkg run
    (unattended-upgrades, a package install in a second shell) may hold the dpkg lock, and
    dpkg alone gives up at once. A failure of apt-get or dpkg fails the test."""
    result = subprocess.run(
        ["apt-get", "-y", "-q", "-o", f"DPkg::Lock::Timeout={DPKG_LOCK_TIMEOUT}", *args],
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        capture_output=True, text=True, timeout=DPKG_LOCK_TIMEOUT + 300,
    )
    assert result.returncode == 0, (result.stdout[-2000:], result.stderr[-4000:])


def install(deb: Path) -> None:
    """Installs ``deb`` with the libraries it depends on (as IT would: ``apt install ./x.deb``);
    an older version replaces a newer one too, as the upgrade test needs."""
    _apt_get("install", "--no-install-recommends", "--allow-downgrades", str(deb.resolve()))


def remove_package() -> None:
    """Purges kim-desktop; nothing to do when dpkg knows no trace of it (apt-get would refuse
    a name no repository has)."""
    status = subprocess.run(["dpkg-query", "-W", "-f", "${db:Status-Status}", "kim-desktop"],
                            capture_output=True, text=True, timeout=60)
    if status.returncode == 0 and status.stdout not in {"", "not-installed"}:
        _apt_get("purge", "kim-desktop")


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

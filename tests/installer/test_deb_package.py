"""The .deb as municipal IT uses it: build, install with apt, run from the installed files,
remove. Needs root and dpkg (CI has both); prints the size and time figures it measured."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kim_packaging import (
    INSTALL_ROOT,
    ROOT,
    folder_size,
    install,
    installed_env,
    remove_package,
    system_package,
)

import kim_desktop

#: Holds dpkg's frontend lock, as another apt or dpkg run would, for as many seconds as asked.
HOLD_DPKG_LOCK = """
import fcntl, sys, threading
with open("/var/lib/dpkg/lock-frontend", "a") as lock:
    fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    print("locked", flush=True)
    threading.Event().wait(float(sys.argv[1]))
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.geteuid() != 0 or shutil.which("dpkg-deb") is None, reason="braucht root und dpkg"
    ),
]


@pytest.mark.timeout(900)
def test_deb_installs_runs_offscreen_and_removes_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], current_deb: tuple[Path, float]
) -> None:
    deb, build_seconds = current_deb
    figures = {
        "Bau (PyInstaller + dpkg-deb)": f"{build_seconds:.1f} s",
        "Bündelgröße": f"{folder_size(deb.parent / 'dist/kim-desktop') / 2**20:.0f} MiB",
        ".deb-Größe": f"{deb.stat().st_size / 2**20:.0f} MiB",
    }
    env = installed_env(tmp_path / "home")
    with system_package():
        started = time.perf_counter()
        install(deb)
        figures["Installation (apt-get)"] = f"{time.perf_counter() - started:.1f} s"
        assert Path("/usr/bin/kim-desktop").resolve() == INSTALL_ROOT / "kim-desktop"
        assert Path("/usr/share/applications/kim-desktop.desktop").is_file()
        assert Path("/etc/kim-desktop").is_dir()
        resources = INSTALL_ROOT / "_internal" / "resources"
        assert (resources / "catalogs" / "municipalities.json").is_file()
        assert (resources / "translations" / "kim_en.qm").is_file()
        assert list((INSTALL_ROOT / "_internal").rglob("migrations/versions/0001_initial.py"))
        # A real X display needs Qt's xcb plugin, and it needs system libraries the bundle
        # does not carry: the package's dependencies brought them.
        (xcb,) = INSTALL_ROOT.rglob("libqxcb.so")
        linked = subprocess.run(["ldd", str(xcb)], capture_output=True, text=True, check=True)
        assert "not found" not in linked.stdout, linked.stdout

        started = time.perf_counter()
        version = subprocess.run(
            ["kim-desktop", "--version"], env=env, capture_output=True, text=True, check=True
        )
        figures["erster Start (--version)"] = f"{time.perf_counter() - started:.2f} s"
        assert version.stdout.strip() == f"kim-desktop {kim_desktop.__version__}"

        started = time.perf_counter()
        selftest = subprocess.run(
            ["kim-desktop", "selftest"], env=env, capture_output=True, text=True, timeout=120
        )
        figures["Selbsttest"] = f"{time.perf_counter() - started:.2f} s"
        assert selftest.returncode == 0, selftest.stderr
        assert selftest.stdout.splitlines()[-1] == "OK"

        example = ROOT / "installer" / "provisioning.example.toml"
        broken = tmp_path / "provisioning.toml"
        broken.write_text(example.read_text(encoding="utf-8").replace('"de"', '"fr"'), "utf-8")
        checked = subprocess.run(
            ["kim-desktop", "provisioning", str(broken)], env=env, capture_output=True, text=True
        )
        assert checked.returncode == 1
        assert "Zeile" in checked.stderr and "Traceback" not in checked.stderr

        remove_package()
        assert not INSTALL_ROOT.exists()
        assert not Path("/usr/bin/kim-desktop").exists()
    with capsys.disabled():
        print("\nKIM Desktop .deb:", "; ".join(f"{k}: {v}" for k, v in figures.items()))


@pytest.mark.timeout(900)
def test_purge_waits_for_a_dpkg_run_that_holds_the_lock(
    current_deb: tuple[Path, float]
) -> None:
    deb, _ = current_deb
    with system_package():
        install(deb)
        holder = subprocess.Popen([sys.executable, "-c", HOLD_DPKG_LOCK, "3"],
                                  stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
            remove_package()
            assert holder.wait(timeout=60) == 0
        finally:
            holder.kill()
        assert not INSTALL_ROOT.exists()
        assert not Path("/usr/bin/kim-desktop").exists()

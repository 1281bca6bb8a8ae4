"""Figures of the Linux package: build time, bundle and .deb size, install time, first start.

    sudo .venv/bin/python bench/installer.py [--deb FILE] [--runs N]

Builds the .deb with installer/build_deb.sh (unless --deb names one), installs it with dpkg,
times the installed program's first `--version`, then N more `--version` runs and
`selftest` runs (medians), and removes the package again. Needs root and dpkg. The first start
is measured right after installing, with the files in the page cache, as after a real install.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def folder_mib(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.lstat().st_size for p in files) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", type=Path, help="an already built .deb (skips the build)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if os.geteuid() != 0:
        print("bench/installer.py braucht root (dpkg -i).", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kim-bench-installer-") as folder:
        work = Path(folder)
        if args.deb is None:
            started = time.perf_counter()
            result = subprocess.run(
                ["bash", str(ROOT / "installer/build_deb.sh"), "--out", str(work)],
                env={**os.environ, "PYTHON": sys.executable},
                check=True, capture_output=True, text=True,
            )
            print(f"build (PyInstaller + dpkg-deb):  {time.perf_counter() - started:7.1f} s")
            deb = Path(result.stdout.strip().splitlines()[-1])
            bundle = folder_mib(work / "dist/kim-desktop")
            print(f"bundle size:                     {bundle:7.0f} MiB")
        else:
            deb = args.deb
        print(f".deb size:                       {deb.stat().st_size / 2**20:7.0f} MiB")
        env = {
            "HOME": str(work / "home"), "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
        }
        (work / "home").mkdir()
        try:
            print(f"install (dpkg -i):               {timed(['dpkg', '-i', str(deb)], env):7.2f} s")
            installed = folder_mib(Path("/opt/kim-desktop"))
            print(f"installed size:                  {installed:7.0f} MiB")
            first = timed(["kim-desktop", "--version"], env)
            print(f"first start (--version):         {first:7.2f} s")
            version = [timed(["kim-desktop", "--version"], env) for _ in range(args.runs)]
            print(f"--version, median of {args.runs}:         {statistics.median(version):7.2f} s")
            selftest = [timed(["kim-desktop", "selftest"], env) for _ in range(args.runs)]
            print(f"selftest, median of {args.runs}:          {statistics.median(selftest):7.2f} s")
        finally:
            subprocess.run(["dpkg", "--purge", "kim-desktop"], capture_output=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

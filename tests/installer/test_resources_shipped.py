"""Every data file under ``resources/`` is installed with the wheel.

The scripts and READMEs that make or explain the data are not data, nor is what a build
makes from it (the ignored ``.qm`` files).

The wheel test installs the server and finds a missing directory only on the path it takes;
this check covers every file, so a new resource directory cannot be forgotten in
``pyproject.toml``.
"""

import subprocess
import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _data_file_globs() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [glob for globs in config["tool"]["setuptools"]["data-files"].values()
            for glob in globs]


def test_every_resource_file_is_listed_in_the_wheels_data_files() -> None:
    globs = _data_file_globs()
    tracked = subprocess.run(["git", "ls-files", "resources"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
    files = [name for name in tracked if Path(name).suffix not in {".md", ".py"}]
    assert files
    assert [f for f in files if not any(fnmatch(f, g) and f.count("/") == g.count("/")
                                        for g in globs)] == []

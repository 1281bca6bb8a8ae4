"""``pip install .[server]`` gives a working server: the wheel carries the catalogs and rules
of resources/, which the reports read, and the installed code finds them outside a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    return next(out.glob("*.whl"))


def test_the_wheel_carries_catalogs_and_rules(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    data = "share/kim-desktop/resources/"
    assert any(name.endswith(data + "catalogs/municipalities.json") for name in names)
    assert any(name.endswith(data + "rules/stag_10.toml") for name in names)
    assert any(name.endswith(data + "data_protection.json") for name in names)


def test_an_installed_server_exports_a_report_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    python = target / "bin" / "python"
    site = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    # The dependencies come from this test's environment; its .pth files (the editable
    # checkout among them) are not processed, so only the wheel's own code can be imported.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300)
    env = {**os.environ, "KIM_SERVER_DB": f"sqlite:///{tmp_path / 'server.db'}"}
    env.pop("PYTHONPATH", None)
    server = [str(python), "-m", "sync_server"]
    run = {"cwd": tmp_path, "env": env, "capture_output": True, "text": True, "timeout": 120}
    where = subprocess.run([python, "-c", "import kim_desktop; print(kim_desktop.__file__)"],
                           **run)
    assert str(site) in where.stdout, where.stderr
    assert subprocess.run([*server, "init"], **run).returncode == 0
    export = subprocess.run([*server, "report", "export", "--format", "csv",
                             "--out", str(tmp_path / "report.csv"),
                             "--municipality", "Rahden"], **run)
    assert export.returncode == 0, export.stderr
    assert (tmp_path / "report.csv").stat().st_size > 0

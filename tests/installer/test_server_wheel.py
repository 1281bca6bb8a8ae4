"""``pip install .[server]`` gives a working server: the wheel carries the catalogs and rules
of resources/, which the reports read, and the installed code finds them outside a checkout.

The installed server gets exactly the packages of requirements/server.txt and nothing else,
PySide6 least of all: they are linked from this test's environment (which ./dev installed
from the same lock), so the test needs no network."""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import socket
import subprocess
import sys
import threading
import time
import venv
import zipfile
from pathlib import Path, PurePath

import httpx
import pytest
from lock_files import REQUIREMENTS, read_lock

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built verbosely: the build's output lies beside it in ``build.log``."""
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w",
                            str(out), str(ROOT)], check=True, capture_output=True, text=True,
                           timeout=300)
    (out / "build.log").write_text(built.stdout + built.stderr, encoding="utf-8")
    return next(out.glob("*.whl"))


def test_the_build_warns_of_nothing_and_names_the_licence_in_spdx(wheel: Path) -> None:
    log = (wheel.parent / "build.log").read_text(encoding="utf-8")
    assert "Warning" not in log and "deprecated" not in log
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(next(n for n in archive.namelist()
                                     if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: EUPL-1.2" in metadata.splitlines()


def test_the_wheel_carries_catalogs_and_rules(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    data = "share/kim-desktop/resources/"
    assert any(name.endswith(data + "catalogs/municipalities.json") for name in names)
    assert any(name.endswith(data + "rules/stag_10.toml") for name in names)
    assert any(name.endswith(data + "data_protection.json") for name in names)


def _link_server_packages(site: Path) -> None:
    """Puts the packages of the server's lock, and only those, into ``site``."""
    for pin in read_lock(REQUIREMENTS / "server.txt").values():
        if not pin.applies():
            continue
        dist = importlib.metadata.distribution(pin.name)
        assert dist.version == pin.version, f"{pin.name}: run ./dev test once"
        tops = {PurePath(str(f)).parts[0] for f in dist.files or ()}
        for top in tops - {"..", "__pycache__"}:
            if not (site / top).exists():
                (site / top).symlink_to(Path(str(dist.locate_file(top))))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(url: str, server: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while time.monotonic() < deadline and server.poll() is None:
        with contextlib.suppress(httpx.TransportError):
            if httpx.get(f"{url}/healthz", timeout=5).status_code == 200:
                return
        pause.wait(0.1)
    raise AssertionError("the installed server did not come up")


def test_an_installed_server_without_pyside_serves_and_exports_a_report(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    python = target / "bin" / "python"
    site = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    _link_server_packages(site)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(wheel)], check=True, capture_output=True, timeout=300)
    env = {**os.environ, "KIM_SERVER_DB": f"sqlite:///{tmp_path / 'server.db'}"}
    env.pop("PYTHONPATH", None)
    server = [str(python), "-m", "sync_server"]
    run = {"cwd": tmp_path, "env": env, "capture_output": True, "text": True, "timeout": 120}
    where = subprocess.run([python, "-c", "import kim_desktop; print(kim_desktop.__file__)"],
                           **run)
    assert str(site) in where.stdout, where.stderr
    no_qt = subprocess.run([python, "-c", "import PySide6"], **run)
    assert "No module named 'PySide6'" in no_qt.stderr
    init = subprocess.run([*server, "init"], **run)
    assert init.returncode == 0, init.stderr
    export = subprocess.run([*server, "report", "export", "--format", "csv",
                             "--out", str(tmp_path / "report.csv"),
                             "--municipality", "Rahden"], **run)
    assert export.returncode == 0, export.stderr
    assert (tmp_path / "report.csv").stat().st_size > 0

    port = _free_port()
    serving = subprocess.Popen([*server, "serve", "--host", "127.0.0.1", "--port", str(port)],
                               cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url, serving)
        login = httpx.get(f"{url}/dashboard/anmelden", timeout=10)
        assert login.status_code == 200 and "Anmelden" in login.text
        assert "/v1/report-facts" in httpx.get(f"{url}/openapi.json", timeout=10).json()["paths"]
    finally:
        serving.terminate()
        serving.wait(timeout=30)

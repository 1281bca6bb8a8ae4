"""The systemd units of installer/server pass systemd's own check, hardening included."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kim_packaging import ROOT

SERVER = ROOT / "installer" / "server"

pytestmark = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="braucht systemd-analyze"
)


def _localised(unit: str, folder: Path) -> Path:
    """The unit with its /opt paths pointed at this checkout, so `verify` finds the programs."""
    text = (SERVER / unit).read_text(encoding="utf-8")
    for installed, here in [
        ("/opt/kim-server/venv/bin/kim-server", str(Path(sys.executable).parent / "kim-server")),
        ("/opt/kim-server/backup.sh", str(SERVER / "backup.sh")),
        ("EnvironmentFile=/etc/", "EnvironmentFile=-/etc/"),
    ]:
        text = text.replace(installed, here)
    path = folder / unit
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "units",
    [["kim-server.service"], ["kim-server-backup.service", "kim-server-backup.timer"]],
)
def test_units_verify_without_warnings(tmp_path: Path, units: list[str]) -> None:
    paths = [str(_localised(unit, tmp_path)) for unit in units]
    result = subprocess.run(
        ["systemd-analyze", "verify", *paths], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if str(tmp_path) in line] == []


def test_server_unit_is_hardened() -> None:
    lines = set((SERVER / "kim-server.service").read_text(encoding="utf-8").splitlines())
    required = {
        "User=kim-server", "NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes",
        "ProtectHome=yes", "EnvironmentFile=/etc/kim-server/env", "CapabilityBoundingSet=",
    }
    assert required <= lines
    assert any(line.startswith("ExecStart=") and "--host 127.0.0.1" in line for line in lines)

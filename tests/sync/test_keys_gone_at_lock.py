"""Issue 17: a locked program keeps no key in its memory.

A child process unlocks a real vault enrolled in a real server's office and syncs; this test
reads every readable region of its memory (``/proc/<pid>/maps`` and ``/proc/<pid>/mem``) for
the data key (raw, and as hex in either case) and the office key, once while it is unlocked
(where they must be found, or the search proves nothing) and once after it locked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kim_desktop.core import vault_header
from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.recovery_key import generate_recovery_key, parse_recovery_key
from kim_desktop.core.vault import Vault
from kim_desktop.sync.crypto import office_key_from_recovery
from kim_desktop.sync.enroll import enroll
from tests.server.conftest import Admin, ServerProcess

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Kanal-Wiese-Turm-Gabel-81"
_REGION = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S+)")

pytestmark = pytest.mark.skipif(not Path("/proc/self/mem").exists(),
                                reason="reads a process's memory through /proc")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[ServerProcess, Admin]]:
    process = ServerProcess(f"sqlite:///{tmp_path / 'server.db'}")
    process.start()
    admin = Admin(process.db_url)
    try:
        yield process, admin
    finally:
        process.stop()
        admin.engine.dispose()


def _found(pid: int, needles: dict[str, bytes]) -> set[str]:
    """The names of the needles somewhere in the readable memory of process ``pid``."""
    found: set[str] = set()
    overlap = max(len(needle) for needle in needles.values())
    with open(f"/proc/{pid}/maps", encoding="ascii") as maps, \
            open(f"/proc/{pid}/mem", "rb", buffering=0) as memory:
        for line in maps:
            match = _REGION.match(line)
            if match is None or not match[3].startswith("r"):
                continue
            start, end = int(match[1], 16), int(match[2], 16)
            tail = b""
            for offset in range(start, end, 1 << 24):
                try:
                    memory.seek(offset)
                    chunk = tail + memory.read(min(1 << 24, end - offset))
                except (OSError, ValueError):
                    break  # [vvar] and the like cannot be read
                found |= {name for name, needle in needles.items() if needle in chunk}
                tail = chunk[-overlap:]
    return found


def _keys(data_key: bytes, office_key: bytes) -> dict[str, bytes]:
    return {
        "data key": data_key,
        "data key hex": data_key.hex().encode(),
        "data key HEX": data_key.hex().upper().encode(),
        "office key": office_key,
        "office key hex": office_key.hex().encode(),
    }


@pytest.mark.parametrize("program", ["tests.sync.locked_program",
                                     "tests.sync.locked_qt_program"])
def test_a_locked_program_keeps_neither_the_data_key_nor_the_office_key(
    tmp_path: Path, server: tuple[ServerProcess, Admin], monkeypatch: pytest.MonkeyPatch,
    program: str,
) -> None:
    """Once with the vault and sync client alone, once with the whole program: its windows,
    screens, models and caches on top."""
    process, admin = server
    monkeypatch.setattr(vault_header, "DEFAULT_ARGON2",
                        vault_header.Argon2Params(memory_kib=8, iterations=1, lanes=1))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    data_dir = tmp_path / "data"
    recovery_text, secret = generate_recovery_key()
    office_key = office_key_from_recovery(parse_recovery_key(recovery_text))
    assert office_key == office_key_from_recovery(secret)
    vault, _ = Vault.create(data_dir, admin="anna", password=PASSWORD)
    try:
        data_key = bytes(vault._require_key())
        with vault.session() as session:
            enroll(session, server_url=process.url, code=admin.code(admin.office()),
                   office_recovery_key=recovery_text, device_name="Gerät 1")
            generate_demo_data(session, clients=3, seed=1, consultations_per_client=2)
    finally:
        vault.lock()
    needles = _keys(data_key, bytes(office_key))

    child = subprocess.Popen(
        [sys.executable, "-m", program], cwd=ROOT, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=dict(os.environ),
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        child.stdin.write(f"{data_dir}\n{PASSWORD}\nanna\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "unlocked"
        unlocked = _found(child.pid, needles)
        assert {"data key", "office key"} <= unlocked, "the search must find the live keys"
        child.stdin.write("lock\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "locked"
        assert _found(child.pid, needles) == set()
    finally:
        child.stdin.close()
        child.wait(10)

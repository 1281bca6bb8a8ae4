"""Failed sign-in attempts and the growing delay after them.

The counters live **outside** the data folder, in the platform's state folder
(``platformdirs.user_state_dir``), in one small file per data folder named by a hash of its
path. So a wrong password changes no byte of any file in the data folder. The vault header
does not change either, and the database is not even opened.

The delay slows down guessing at the keyboard. It cannot stop someone who copies the files
and attacks them elsewhere: against that stands the Argon2id cost of every single guess. User
names are stored only as hashes here.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import platformdirs

from kim_desktop.core.vault_header import atomic_write

#: Failures allowed without any delay.
FREE_ATTEMPTS = 3
FIRST_DELAY = 5.0
MAX_DELAY = 300.0


def now() -> float:
    return time.time()


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` failures in a row: 0, 0, 0, 5, 10, 20, … 300."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(FIRST_DELAY * 2.0 ** (failures - FREE_ATTEMPTS), MAX_DELAY)


def _state_file(data_dir: Path) -> Path:
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:32]
    state_dir = Path(platformdirs.user_state_dir("kim-desktop", "KIM"))
    return state_dir / "login-attempts" / f"{digest}.json"


def _user_key(user: str) -> str:
    return hashlib.sha256(user.encode("utf-8")).hexdigest()[:32]


def _load(path: Path) -> dict[str, dict[str, float]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(path: Path, data: dict[str, dict[str, float]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(data).encode("utf-8"))
    except OSError:
        # A read-only state folder must not lock anyone out; the delay is a speed bump only.
        pass


def retry_after(data_dir: Path, user: str) -> float:
    """Seconds until ``user`` may try again on ``data_dir`` (0 when allowed now)."""
    entry = _load(_state_file(data_dir)).get(_user_key(user))
    if not isinstance(entry, dict):
        return 0.0
    try:
        failures = int(entry["failures"])
        last = float(entry["last"])
    except (KeyError, TypeError, ValueError):
        return 0.0
    return max(0.0, last + delay_after(failures) - now())


def record_failure(data_dir: Path, user: str) -> float:
    """Count one failure; returns the delay that now applies."""
    path = _state_file(data_dir)
    data = _load(path)
    entry = data.get(_user_key(user))
    failures = int(entry.get("failures", 0)) if isinstance(entry, dict) else 0
    failures += 1
    data[_user_key(user)] = {"failures": failures, "last": now()}
    _save(path, data)
    return delay_after(failures)


def clear(data_dir: Path, user: str) -> None:
    path = _state_file(data_dir)
    data = _load(path)
    if data.pop(_user_key(user), None) is not None:
        _save(path, data)

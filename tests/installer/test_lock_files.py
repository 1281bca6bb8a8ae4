"""The lock files in requirements/ cover what pyproject.toml asks for, agree with each other,
and are what ./dev installed."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import pytest
from lock_files import FULL, PARTS, REQUIREMENTS, ROOT, Pin, read_lock
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: What each lock is made of: extras of pyproject.toml and further inputs in requirements/.
INPUTS = {
    "dev.txt": (("desktop", "server", "dev"), ("build.in",)),
    "desktop.txt": (("desktop",), ("build.in", "desktop.in")),
    "server.txt": (("server",), ("build.in",)),
}
DESKTOP_ONLY = {"pyside6-essentials", "shiboken6", "sqlcipher3"}


def _asked_for(lock: str) -> list[Requirement]:
    extras, inputs = INPUTS[lock]
    lines = [*PROJECT["project"]["dependencies"], *PROJECT["build-system"]["requires"]]
    for extra in extras:
        lines += PROJECT["project"]["optional-dependencies"][extra]
    for name in inputs:
        lines += [line for line in (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith("#")]
    return [Requirement(line) for line in lines]


def _unmet(asked: list[Requirement], pins: dict[str, Pin]) -> list[str]:
    unmet = []
    for requirement in asked:
        pin = pins.get(canonicalize_name(requirement.name))
        if pin is None or pin.version not in requirement.specifier:
            unmet.append(f"{requirement} (locked: {pin.version if pin else 'nothing'})")
    return unmet


@pytest.mark.parametrize("lock", sorted(INPUTS))
def test_a_lock_covers_what_pyproject_asks_for(lock: str) -> None:
    pins = read_lock(REQUIREMENTS / lock)
    assert _unmet(_asked_for(lock), pins) == [], "pyproject.toml changed: run ./dev lock"
    assert all(pin.hashes for pin in pins.values())


def test_the_coverage_check_finds_a_missing_or_stale_pin() -> None:
    pins = {"alembic": Pin("alembic", "1.13.0", None, frozenset({"0" * 64}))}
    asked = [Requirement("alembic>=1.14"), Requirement("zstandard>=0.22")]
    assert _unmet(asked, pins) == ["alembic>=1.14 (locked: 1.13.0)",
                                   "zstandard>=0.22 (locked: nothing)"]


@pytest.mark.parametrize("part", PARTS, ids=lambda path: path.name)
def test_the_partial_locks_take_their_versions_from_the_full_one(part: Path) -> None:
    full = read_lock(FULL)
    differ = [f"{pin.name} {pin.version}" for pin in read_lock(part).values()
              if pin.name not in full or (full[pin.name].version, full[pin.name].hashes)
              != (pin.version, pin.hashes)]
    assert differ == []


def test_the_server_lock_holds_nothing_of_the_desktop() -> None:
    assert DESKTOP_ONLY & set(read_lock(REQUIREMENTS / "server.txt")) == set()
    assert set(read_lock(REQUIREMENTS / "desktop.txt")) >= DESKTOP_ONLY


def test_this_environment_holds_the_locked_versions() -> None:
    """./dev installs requirements/dev.txt; a venv from before the lock, or one where a
    package was installed by hand, fails here (run ./dev test once to bring it in step)."""
    differ = []
    for pin in read_lock(FULL).values():
        if pin.applies():
            try:
                installed = importlib.metadata.version(pin.name)
            except importlib.metadata.PackageNotFoundError:
                installed = "nothing"
            if installed != pin.version:
                differ.append(f"{pin.name}: locked {pin.version}, installed {installed}")
    assert differ == []

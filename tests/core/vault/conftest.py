"""Fixtures for the core tests: a fresh data folder, cheap key wrapping, a private state folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kim_desktop.core import vault_header
from kim_desktop.core.vault import Vault

from .support import PASSWORD


@pytest.fixture(autouse=True)
def private_state_and_cheap_kdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Attempt counters go to a per-test state folder; Argon2id runs at its minimum cost so
    the suite stays fast (the real cost is measured by bench/vault.py, not by tests)."""
    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    monkeypatch.setattr(
        vault_header,
        "DEFAULT_ARGON2",
        vault_header.Argon2Params(memory_kib=8, iterations=1, lanes=1),
    )
    return state


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def created(data_dir: Path) -> Iterator[tuple[Vault, str]]:
    vault, recovery_key = Vault.create(data_dir, admin="anna", password=PASSWORD)
    yield vault, recovery_key
    vault.close()


@pytest.fixture
def vault(created: tuple[Vault, str]) -> Vault:
    return created[0]


@pytest.fixture
def recovery_key(created: tuple[Vault, str]) -> str:
    return created[1]

"""A ``vault.json`` edited by hand (checksum fixed, as a careful forger would) gives a clear
German refusal, never a traceback or "wrong password", and nothing in the data folder is
written."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kim_desktop.core import attempts as attempts_module
from kim_desktop.core import vault_header as headers
from kim_desktop.core.errors import VaultCorrupt
from kim_desktop.core.vault import Role, Vault

from .support import OTHER_PASSWORD, PASSWORD, snapshot

Document = dict[str, Any]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _user(document: Document, name: str) -> Document:
    return next(u for u in document["users"] if u["name"] == name)


EDITS: dict[str, Callable[[Document], None]] = {
    "salt_short": lambda d: _user(d, "anna")["private_key"].update(salt=_b64(b"1234")),
    "nonce_one_byte": lambda d: _user(d, "anna")["private_key"].update(nonce=_b64(b"\x00")),
    "ciphertext_huge": lambda d: _user(d, "anna")["private_key"].update(
        ciphertext=_b64(bytes(2 * 1024 * 1024))),
    "ephemeral_short": lambda d: _user(d, "anna")["key"].update(ephemeral=_b64(b"abc")),
    "public_key_long": lambda d: _user(d, "anna").update(public_key=_b64(bytes(4096))),
    "name_huge": lambda d: _user(d, "bert").update(name="b" * 1_000_000),
    "vault_id_list": lambda d: d.update(vault_id=[1, 2, 3]),
    "users_empty": lambda d: d.update(users=[]),
    "users_duplicate": lambda d: d["users"].append(dict(_user(d, "anna"))),
    "users_not_a_list": lambda d: d.update(users={"anna": 1}),
    "kdf_not_a_number": lambda d: _user(d, "anna")["kdf"].update(lanes=[4]),
}


def _rewrite(data_dir: Path, edit: Callable[[Document], None]) -> None:
    path = data_dir / headers.HEADER_NAME
    document = json.loads(path.read_text(encoding="utf-8"))
    edit(document)
    body = {k: v for k, v in document.items() if k not in ("checksum", "mac")}
    document["checksum"] = headers._checksum(body)
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.fixture
def two_users(data_dir: Path, vault: Vault) -> Path:
    vault.add_user(name="bert", role=Role.CASE_MANAGER, password=OTHER_PASSWORD)
    vault.close()
    return data_dir


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_absurd_or_inconsistent_header_fields_are_reported_as_damage(
    two_users: Path, edit: str
) -> None:
    _rewrite(two_users, EDITS[edit])
    before = snapshot(two_users)
    for attempt in (lambda: Vault.unlock(two_users, user="anna", password=PASSWORD),
                    lambda: Vault.local_users(two_users)):
        with pytest.raises(VaultCorrupt) as refused:
            attempt()
        assert "beschädigt" in str(refused.value)
    assert snapshot(two_users) == before


def test_a_header_far_too_large_is_damage_without_being_parsed(two_users: Path) -> None:
    path = two_users / headers.HEADER_NAME
    path.write_bytes(path.read_bytes()[:-2] + b" " * (64 * 1024 * 1024) + b"}\n")
    before = snapshot(two_users)
    with pytest.raises(VaultCorrupt) as refused:
        Vault.unlock(two_users, user="anna", password=PASSWORD)
    assert "beschädigt" in str(refused.value)
    assert snapshot(two_users) == before


def test_deeply_nested_json_is_damage_not_a_recursion_error(two_users: Path) -> None:
    depth = 200_000
    (two_users / headers.HEADER_NAME).write_bytes(
        b'{"format": "kim-desktop-vault", "version": 2, "users": '
        + b"[" * depth + b"]" * depth + b"}")
    before = snapshot(two_users)
    for attempt in (lambda: Vault.unlock(two_users, user="anna", password=PASSWORD),
                    lambda: Vault.local_users(two_users)):
        with pytest.raises(VaultCorrupt) as refused:
            attempt()
        assert "beschädigt" in str(refused.value)
    assert snapshot(two_users) == before


@pytest.mark.parametrize("who", ["bert", "anna"])
def test_a_role_changed_by_editing_says_the_header_was_changed(two_users: Path, who: str) -> None:
    _rewrite(two_users, lambda d: _user(d, "bert").update(role="office_admin"))
    before = snapshot(two_users)
    password = OTHER_PASSWORD if who == "bert" else PASSWORD
    with pytest.raises(VaultCorrupt) as refused:
        Vault.unlock(two_users, user=who, password=password)
    assert "verändert" in str(refused.value)
    assert snapshot(two_users) == before
    assert Vault.attempt_delay(two_users, user=who) == 0


def test_an_unknown_role_is_reported_before_the_password_is_tried(two_users: Path) -> None:
    _rewrite(two_users, lambda d: _user(d, "bert").update(role="root"))
    before = snapshot(two_users)
    with pytest.raises(VaultCorrupt) as refused:
        Vault.unlock(two_users, user="bert", password=OTHER_PASSWORD)
    assert "unbekannte Rolle" in str(refused.value)
    assert snapshot(two_users) == before


@pytest.mark.parametrize("kdf", [{"memory_kib": 256 * 1024 + 8}, {"iterations": 9},
                                 {"lanes": 9, "memory_kib": 8 * 9}])
def test_argon2_costs_the_program_never_writes_are_refused_without_counting_a_failure(
    two_users: Path, kdf: dict[str, int]
) -> None:
    """Breaker 17, B3: 1 GiB, 16 passes and 16 lanes were taken, an unlock ran over a minute,
    and the right password was called wrong and counted; now the cost is bounded near what
    the program writes (128 MiB, 4, 4) and anything beyond is an edited header."""
    _rewrite(two_users, lambda d: _user(d, "anna")["kdf"].update(kdf))
    before = snapshot(two_users)
    for _ in range(attempts_module.FREE_ATTEMPTS + 1):
        with pytest.raises(VaultCorrupt) as refused:
            Vault.unlock(two_users, user="anna", password=PASSWORD)
        assert "verändert" in str(refused.value)
    assert Vault.attempt_delay(two_users, user="anna") == 0
    assert snapshot(two_users) == before


def _swap_names(document: Document) -> None:
    first, second = document["users"][0], document["users"][1]
    first["name"], second["name"] = second["name"], first["name"]


def _swap_public_keys(document: Document) -> None:
    _user(document, "anna").update(public_key=_user(document, "bert")["public_key"],
                                   key=_user(document, "bert")["key"])


@pytest.mark.parametrize("edit", [_swap_names, _swap_public_keys])
def test_swapped_entries_say_the_header_was_changed_and_count_no_failure(
    two_users: Path, edit: Callable[[Document], None]
) -> None:
    """Breaker 17, B8: the right password got "falsches Passwort" and a counted failure."""
    _rewrite(two_users, edit)
    before = snapshot(two_users)
    for _ in range(attempts_module.FREE_ATTEMPTS + 1):
        with pytest.raises(VaultCorrupt) as refused:
            Vault.unlock(two_users, user="anna", password=PASSWORD)
        assert "verändert" in str(refused.value)
    assert Vault.attempt_delay(two_users, user="anna") == 0
    assert snapshot(two_users) == before

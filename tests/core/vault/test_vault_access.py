"""Creating, unlocking and locking the vault; users, passwords, recovery and attempts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from kim_desktop.core import attempts
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.recovery_key import generate_recovery_key, parse_recovery_key
from kim_desktop.core.vault import (
    AttemptDelayed,
    InvalidRecoveryKey,
    LocalUser,
    PasswordPolicyError,
    PermissionDenied,
    Role,
    Vault,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultMissing,
    WrongPassword,
)

from .support import OTHER_PASSWORD, PASSWORD, snapshot


def test_create_makes_the_files_and_a_recovery_key(created: tuple[Vault, str], data_dir: Path):
    vault, recovery_key = created
    assert Vault.exists(data_dir)
    assert vault.user == LocalUser("anna", Role.OFFICE_ADMIN)
    assert vault.data_dir == data_dir
    assert {"kim.db", "vault.json", "kim.lock"} <= {p.name for p in data_dir.iterdir()}
    assert len(parse_recovery_key(recovery_key)) == 32
    assert (data_dir.stat().st_mode & 0o777) == 0o700
    assert ((data_dir / "vault.json").stat().st_mode & 0o777) == 0o600


def test_create_refuses_an_existing_vault_and_weak_passwords(data_dir: Path, vault: Vault):
    vault.close()
    before = snapshot(data_dir)
    with pytest.raises(VaultExists):
        Vault.create(data_dir, admin="bert", password=OTHER_PASSWORD)
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(
    ("password", "needle"),
    [("kurz", "zu kurz"), ("aaaaaaaaaaaaaaa", "wiederholt"), ("Anna Beispiel 1!", "Benutzernamen")],
)
def test_weak_password_is_refused_before_anything_is_written(
    tmp_path: Path, password: str, needle: str
):
    target = tmp_path / "new"
    with pytest.raises(PasswordPolicyError) as raised:
        Vault.create(target, admin="Anna Beispiel", password=password)
    assert needle in str(raised.value)
    assert not target.exists()


def test_unlock_opens_a_session_stamped_with_the_user(data_dir: Path, vault: Vault):
    vault.close()
    again = Vault.unlock(data_dir, user="anna", password=PASSWORD)
    with again, again.session() as session:
        assert session.info["user"] == "anna"
        assert session.scalars(select(OutboxEntry)).all() == []


@pytest.mark.parametrize(
    ("user", "password"), [("anna", "falsches Passwort!"), ("nobody", PASSWORD)]
)
def test_wrong_password_changes_no_byte_in_the_data_folder(
    data_dir: Path, vault: Vault, user: str, password: str
):
    vault.close()
    before = snapshot(data_dir)
    with pytest.raises(WrongPassword) as raised:
        Vault.unlock(data_dir, user=user, password=password)
    assert str(raised.value) == "Benutzername oder Passwort ist falsch."
    assert raised.value.retry_after == 0
    assert snapshot(data_dir) == before


def test_attempt_counter_lives_outside_the_data_folder(
    data_dir: Path, vault: Vault, private_state_and_cheap_kdf: Path
):
    vault.close()
    with pytest.raises(WrongPassword):
        Vault.unlock(data_dir, user="anna", password="falsches Passwort!")
    files = list(private_state_and_cheap_kdf.rglob("*.json"))
    assert len(files) == 1
    assert b"anna" not in files[0].read_bytes()
    assert data_dir not in files[0].parents


def test_delay_grows_after_failures_and_ends_with_success(
    data_dir: Path, vault: Vault, monkeypatch: pytest.MonkeyPatch
):
    vault.close()
    clock = [1_000_000.0]
    monkeypatch.setattr(attempts, "now", lambda: clock[0])
    delays = []
    for _ in range(3):
        with pytest.raises(WrongPassword) as raised:
            Vault.unlock(data_dir, user="anna", password="falsches Passwort!")
        delays.append(raised.value.retry_after)
    assert delays == [0, 0, 5]
    assert Vault.attempt_delay(data_dir, user="anna") == 5
    with pytest.raises(AttemptDelayed) as delayed:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    assert delayed.value.retry_after == 5
    assert "5 Sekunden" in str(delayed.value)
    assert Vault.attempt_delay(data_dir, user="bert") == 0
    clock[0] += 5
    with pytest.raises(WrongPassword) as raised:
        Vault.unlock(data_dir, user="anna", password="falsches Passwort!")
    assert raised.value.retry_after == 10
    clock[0] += 10
    Vault.unlock(data_dir, user="anna", password=PASSWORD).close()
    assert Vault.attempt_delay(data_dir, user="anna") == 0
    with pytest.raises(WrongPassword) as raised:
        Vault.unlock(data_dir, user="anna", password="falsches Passwort!")
    assert raised.value.retry_after == 0


def test_delay_is_capped() -> None:
    assert [attempts.delay_after(n) for n in range(1, 7)] == [0, 0, 5, 10, 20, 40]
    assert attempts.delay_after(50) == attempts.MAX_DELAY


def test_a_second_instance_is_refused_until_the_first_closes(data_dir: Path, vault: Vault):
    with pytest.raises(VaultInUse) as raised:
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    assert "bereits geöffnet" in str(raised.value)
    vault.close()
    Vault.unlock(data_dir, user="anna", password=PASSWORD).close()


def test_lock_forgets_the_key_and_lets_others_in(data_dir: Path, vault: Vault):
    key = vault._key
    assert key is not None and any(key)
    vault.lock()
    assert not any(key)
    assert vault.is_locked
    with pytest.raises(VaultLocked):
        vault.session()
    with pytest.raises(VaultLocked):
        _ = vault.engine
    with pytest.raises(VaultLocked):
        vault.add_user(name="bert", role=Role.CASE_MANAGER, password=OTHER_PASSWORD)
    vault.lock()
    Vault.unlock(data_dir, user="anna", password=PASSWORD).close()


def test_unlock_of_an_empty_folder_says_to_set_up_first(tmp_path: Path):
    assert not Vault.exists(tmp_path)
    with pytest.raises(VaultMissing) as raised:
        Vault.unlock(tmp_path, user="anna", password=PASSWORD)
    assert "init" in str(raised.value)


def test_change_password_rewraps_only(data_dir: Path, vault: Vault):
    vault.close()
    with Vault.unlock(data_dir, user="anna", password=PASSWORD) as opened:
        database_before = {k: v for k, v in snapshot(data_dir).items() if k.startswith("kim.db")}
        header_before = json.loads((data_dir / "vault.json").read_text())
        opened.change_password(user="anna", old_password=PASSWORD, new_password=OTHER_PASSWORD)
        database_after = {k: v for k, v in snapshot(data_dir).items() if k.startswith("kim.db")}
        header_after = json.loads((data_dir / "vault.json").read_text())
    assert database_after == database_before
    assert header_after["recovery"] == header_before["recovery"]
    assert header_after["users"][0]["key"] != header_before["users"][0]["key"]
    with pytest.raises(WrongPassword):
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    Vault.unlock(data_dir, user="anna", password=OTHER_PASSWORD).close()


def test_change_password_needs_the_old_one_and_the_policy(data_dir: Path, vault: Vault):
    before = (data_dir / "vault.json").read_bytes()
    with pytest.raises(WrongPassword):
        vault.change_password(
            user="anna", old_password="falsches Passwort!", new_password=OTHER_PASSWORD
        )
    with pytest.raises(PasswordPolicyError):
        vault.change_password(user="anna", old_password=PASSWORD, new_password="kurz")
    assert (data_dir / "vault.json").read_bytes() == before


def test_users_and_roles(data_dir: Path, vault: Vault):
    added = vault.add_user(name=" bert ", role=Role.CASE_MANAGER, password=OTHER_PASSWORD)
    assert added == LocalUser("bert", Role.CASE_MANAGER)
    assert vault.users() == [LocalUser("anna", Role.OFFICE_ADMIN), added]
    assert Vault.local_users(data_dir) == vault.users()
    with pytest.raises(VaultError) as raised:
        vault.add_user(name="bert", role=Role.CASE_MANAGER, password=OTHER_PASSWORD)
    assert "gibt es schon" in str(raised.value)
    with pytest.raises(VaultError):
        vault.add_user(name="  ", role=Role.CASE_MANAGER, password=OTHER_PASSWORD)
    vault.close()
    with Vault.unlock(data_dir, user="bert", password=OTHER_PASSWORD) as as_bert:
        assert as_bert.user.role is Role.CASE_MANAGER
        with pytest.raises(PermissionDenied):
            as_bert.add_user(name="carla", role=Role.OFFICE_ADMIN, password=PASSWORD)
        with pytest.raises(PermissionDenied):
            as_bert.change_password(user="anna", old_password=PASSWORD, new_password=PASSWORD + "!")
        as_bert.change_password(user="bert", old_password=OTHER_PASSWORD, new_password=PASSWORD)


def test_reset_password_with_the_recovery_key(data_dir: Path, created: tuple[Vault, str]):
    vault, recovery_key = created
    with pytest.raises(VaultInUse):
        Vault.reset_password(
            data_dir, user="anna", recovery_key=recovery_key, new_password=OTHER_PASSWORD
        )
    vault.close()
    sloppy = recovery_key.replace("-", " ").lower()
    Vault.reset_password(data_dir, user="anna", recovery_key=sloppy, new_password=OTHER_PASSWORD)
    with pytest.raises(WrongPassword):
        Vault.unlock(data_dir, user="anna", password=PASSWORD)
    Vault.unlock(data_dir, user="anna", password=OTHER_PASSWORD).close()


def test_reset_password_refuses_typos_and_foreign_keys(data_dir: Path, created: tuple[Vault, str]):
    vault, recovery_key = created
    vault.close()
    before = snapshot(data_dir)
    typo = ("1" if recovery_key[7] != "1" else "2").join([recovery_key[:7], recovery_key[8:]])
    with pytest.raises(InvalidRecoveryKey) as raised:
        Vault.reset_password(data_dir, user="anna", recovery_key=typo, new_password=OTHER_PASSWORD)
    assert "Block 2" in str(raised.value)
    foreign, _ = generate_recovery_key()
    with pytest.raises(InvalidRecoveryKey) as raised:
        Vault.reset_password(
            data_dir, user="anna", recovery_key=foreign, new_password=OTHER_PASSWORD
        )
    assert "gehört nicht" in str(raised.value)
    with pytest.raises(VaultError):
        Vault.reset_password(
            data_dir, user="nobody", recovery_key=recovery_key, new_password=OTHER_PASSWORD
        )
    with pytest.raises(PasswordPolicyError):
        Vault.reset_password(data_dir, user="anna", recovery_key=recovery_key, new_password="kurz")
    assert snapshot(data_dir) == before


def test_a_damaged_or_unwritable_attempt_file_locks_nobody_out(
    data_dir: Path, vault: Vault, private_state_and_cheap_kdf: Path
):
    vault.close()
    with pytest.raises(WrongPassword):
        Vault.unlock(data_dir, user="anna", password="falsches Passwort!")
    (state_file,) = private_state_and_cheap_kdf.rglob("*.json")
    state_file.write_text("{not json")
    assert Vault.attempt_delay(data_dir, user="anna") == 0
    state_file.unlink()
    state_file.parent.rmdir()
    state_file.parent.write_text("a file where the folder should be")
    with pytest.raises(WrongPassword):
        Vault.unlock(data_dir, user="anna", password="falsches Passwort!")
    Vault.unlock(data_dir, user="anna", password=PASSWORD).close()


def test_an_interrupted_set_up_does_not_count_and_is_replaced(data_dir: Path, vault: Vault):
    vault.close()
    (data_dir / "kim.db").replace(data_dir / ".kim.db.creating")
    assert not Vault.exists(data_dir)
    again, _ = Vault.create(data_dir, admin="bert", password=OTHER_PASSWORD)
    with again:
        assert again.users() == [LocalUser("bert", Role.OFFICE_ADMIN)]
    assert not (data_dir / ".kim.db.creating").exists()

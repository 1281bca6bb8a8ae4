"""The vault commands of ``kim-desktop``: exit codes, German messages, nothing lost."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert

from kim_desktop.cli import main
from kim_desktop.core import vault_header
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.vault import Vault
from kim_protocol import __version__

PASSWORD = "Kaffee morgens im Rathaus"
NEW_PASSWORD = "Tee am Abend in Espelkamp"
KEY_PATTERN = re.compile(r"\b(?:[0-9A-Z]{5}-){12}[0-9A-Z]{5}\b")

HOLDER = """
import sys
from pathlib import Path
from kim_desktop.core.vault import Vault
vault = Vault.unlock(Path(sys.argv[1]), user="anna", password=sys.argv[2])
print("open", flush=True)
sys.stdin.read()
vault.close()
"""


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("KIM_PASSWORD", PASSWORD)
    monkeypatch.delenv("KIM_NEW_PASSWORD", raising=False)
    monkeypatch.delenv("KIM_USER", raising=False)
    monkeypatch.setattr(
        vault_header,
        "DEFAULT_ARGON2",
        vault_header.Argon2Params(memory_kib=8, iterations=1, lanes=1),
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def recovery_key(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["init", "--data-dir", str(data_dir), "--user", "anna"]) == 0
    output = capsys.readouterr().out
    keys = KEY_PATTERN.findall(output)
    assert len(keys) == 1
    assert "nur dieses eine Mal" in output
    return keys[0]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def folder_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_init_check_and_version(data_dir: Path, recovery_key: str, capsys):
    assert run(capsys, "check", "--data-dir", str(data_dir)) == (
        0,
        "Die Datenbank ist in Ordnung.\n",
        "",
    )
    code, _, err = run(capsys, "init", "--data-dir", str(data_dir), "--user", "bert")
    assert code == 2 and "bereits eine Datenbank" in err
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_init_refuses_a_weak_password(data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    monkeypatch.setenv("KIM_PASSWORD", "kurz")
    code, out, err = run(capsys, "init", "--data-dir", str(data_dir), "--user", "anna")
    assert (code, out) == (2, "")
    assert "zu kurz" in err
    assert not data_dir.exists()


def test_wrong_password_exits_2_and_changes_nothing(
    data_dir: Path, recovery_key: str, monkeypatch: pytest.MonkeyPatch, capsys
):
    before = folder_digest(data_dir)
    monkeypatch.setenv("KIM_PASSWORD", "falsches Passwort!")
    code, out, err = run(capsys, "check", "--data-dir", str(data_dir))
    assert (code, out) == (2, "")
    assert err == "Fehler: Benutzername oder Passwort ist falsch.\n"
    assert folder_digest(data_dir) == before


def test_no_password_and_no_terminal_is_a_clear_error(
    data_dir: Path, recovery_key: str, monkeypatch: pytest.MonkeyPatch, capsys
):
    monkeypatch.delenv("KIM_PASSWORD")
    code, _, err = run(capsys, "check", "--data-dir", str(data_dir))
    assert code == 2 and "KIM_PASSWORD" in err


def test_check_of_a_missing_vault(tmp_path: Path, capsys):
    code, _, err = run(capsys, "check", "--data-dir", str(tmp_path / "none"), "--user", "anna")
    assert code == 2 and "init" in err


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_check_exits_1_on_a_damaged_database(
    data_dir: Path, recovery_key: str, damage: str, capsys
):
    vault = Vault.unlock(data_dir, user="anna", password=PASSWORD)
    with vault, vault.session() as session:
        now = dt.datetime.now(dt.UTC)
        rows = [
            {"kind": "k", "record_id": str(i), "version": 1, "created_at": now} for i in range(3000)
        ]
        session.execute(insert(OutboxEntry), rows)
        session.commit()
    database = data_dir / "kim.db"
    data = database.read_bytes()
    if damage == "truncate":
        database.write_bytes(data[: len(data) // 2 // 4096 * 4096])
    else:
        middle = len(data) // 2
        database.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
    code, out, err = run(capsys, "check", "--data-dir", str(data_dir))
    assert (code, out) == (1, "")
    assert "Sicherung zurückspielen" in err


def test_backup_and_restore(data_dir: Path, recovery_key: str, tmp_path: Path, capsys):
    out = tmp_path / "sicherung.kimbackup"
    assert run(capsys, "backup", "--data-dir", str(data_dir), "--out", str(out))[0] == 0
    assert out.stat().st_size > 0
    code, _, err = run(
        capsys, "restore", "--data-dir", str(data_dir), "--from", str(tmp_path / "x")
    )
    assert code == 2 and "gibt es nicht" in err
    (tmp_path / "broken").write_bytes(out.read_bytes()[:1000])
    code, _, err = run(
        capsys, "restore", "--data-dir", str(data_dir), "--from", str(tmp_path / "broken")
    )
    assert code == 1 and "beschädigt" in err
    code, out_text, _ = run(capsys, "restore", "--data-dir", str(data_dir), "--from", str(out))
    assert code == 0 and "before-restore" in out_text
    assert run(capsys, "check", "--data-dir", str(data_dir))[0] == 0


def test_passwd_changes_the_password(
    data_dir: Path, recovery_key: str, monkeypatch: pytest.MonkeyPatch, capsys
):
    monkeypatch.setenv("KIM_NEW_PASSWORD", NEW_PASSWORD)
    assert run(capsys, "passwd", "--data-dir", str(data_dir), "--user", "anna")[0] == 0
    assert run(capsys, "check", "--data-dir", str(data_dir))[0] == 2
    monkeypatch.setenv("KIM_PASSWORD", NEW_PASSWORD)
    assert run(capsys, "check", "--data-dir", str(data_dir))[0] == 0


def test_reset_password_with_the_printed_key(
    data_dir: Path, recovery_key: str, monkeypatch: pytest.MonkeyPatch, capsys
):
    monkeypatch.setenv("KIM_PASSWORD", NEW_PASSWORD)
    swapped = recovery_key[:1] + recovery_key[2] + recovery_key[1] + recovery_key[3:]
    if swapped != recovery_key:
        code, _, err = run(
            capsys,
            "reset-password",
            "--data-dir",
            str(data_dir),
            "--user",
            "anna",
            "--recovery-key",
            swapped,
        )
        assert code == 2 and "Block 1" in err
    code, _, _ = run(
        capsys,
        "reset-password",
        "--data-dir",
        str(data_dir),
        "--user",
        "anna",
        "--recovery-key",
        recovery_key.lower(),
    )
    assert code == 0
    assert run(capsys, "check", "--data-dir", str(data_dir))[0] == 0


def test_useradd_and_choosing_the_user(
    data_dir: Path, recovery_key: str, monkeypatch: pytest.MonkeyPatch, capsys
):
    monkeypatch.setenv("KIM_NEW_PASSWORD", NEW_PASSWORD)
    code, out, _ = run(capsys, "useradd", "--data-dir", str(data_dir), "--user", "bert")
    assert code == 0 and "Case-Management" in out
    code, _, err = run(capsys, "check", "--data-dir", str(data_dir))
    assert code == 2 and "--user" in err
    monkeypatch.setenv("KIM_PASSWORD", NEW_PASSWORD)
    assert run(capsys, "check", "--data-dir", str(data_dir), "--user", "bert")[0] == 0
    monkeypatch.setenv("KIM_USER", "bert")
    assert run(capsys, "check", "--data-dir", str(data_dir))[0] == 0
    code, _, err = run(
        capsys, "useradd", "--data-dir", str(data_dir), "--user", "carla", "--admin", "bert"
    )
    assert code == 2 and "Büroleitung" in err


def _console_script() -> str:
    return str(Path(sys.executable).with_name("kim-desktop"))


def test_the_installed_command_and_a_second_instance(data_dir: Path, recovery_key: str, tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "KIM_PASSWORD": "falsches Passwort!",
        "HOME": str(tmp_path),
    }
    wrong = subprocess.run(
        [_console_script(), "check", "--data-dir", str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert wrong.returncode == 2
    assert wrong.stderr == "Fehler: Benutzername oder Passwort ist falsch.\n"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir), PASSWORD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        second = subprocess.run(
            [_console_script(), "check", "--data-dir", str(data_dir)],
            env={**env, "KIM_PASSWORD": PASSWORD},
            capture_output=True,
            text=True,
            check=False,
        )
        assert second.returncode == 2
        assert "bereits geöffnet" in second.stderr
    finally:
        holder.communicate("")
    assert holder.returncode == 0


def test_rekey_keeps_every_password_and_only_an_office_admin_may(
    data_dir: Path, recovery_key: str, capsys, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("KIM_NEW_PASSWORD", NEW_PASSWORD)
    assert run(capsys, "useradd", "--data-dir", str(data_dir), "--user", "bert")[0] == 0
    header_before = (data_dir / "vault.json").read_bytes()
    code, out, _err = run(capsys, "rekey", "--data-dir", str(data_dir), "--user", "anna",
                          "--recovery-key", recovery_key)
    assert code == 0 and "erneuert" in out and "rekey-backup.tar" in out
    assert (data_dir / "vault.json").read_bytes() != header_before
    assert run(capsys, "check", "--data-dir", str(data_dir), "--user", "anna")[0] == 0
    monkeypatch.setenv("KIM_PASSWORD", NEW_PASSWORD)
    code, _out, err = run(capsys, "rekey", "--data-dir", str(data_dir), "--user", "bert",
                          "--recovery-key", recovery_key)
    assert code == 2 and "Nur die Büroleitung" in err

"""``kim-desktop selftest`` and ``kim-desktop provisioning`` as IT runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kim_desktop.core import migrate
from kim_desktop.core.db import new_id
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.vault import Vault

PASSWORD = "Kaffee morgens im Rathaus Minden"
GOOD = '[office]\nname = "KIM Espelkamp"\nmunicipality = "Espelkamp"\n'


def _kim_desktop(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "KIM_PROVISIONING"}
    environment.update(QT_QPA_PLATFORM="offscreen", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "kim_desktop", *args],
        capture_output=True, text=True, env=environment, timeout=120,
    )


def test_selftest_passes_and_says_ok(tmp_path: Path) -> None:
    result = _kim_desktop("selftest")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "OK"


def test_selftest_fails_in_german_on_a_bad_provisioning_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD + "[settings]\nauto_lock_minutes = -1\n", encoding="utf-8")
    result = _kim_desktop("--provisioning", str(bad), "selftest")
    assert result.returncode == 1
    assert "Zeile 5" in result.stderr and "Traceback" not in result.stderr
    assert "OK" not in result.stdout.splitlines()[-1:]


def test_provisioning_command_shows_a_good_file(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    result = _kim_desktop("provisioning", str(good))
    assert result.returncode == 0, result.stderr
    assert "KIM Espelkamp" in result.stdout and "gültig" in result.stdout


def test_provisioning_command_shows_the_accessibility_statement_part(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(GOOD + '[accessibility]\ncontact = "KIM-Büro Espelkamp, barrierefrei@'
                    'espelkamp.example"\ndate = 2026-02-01\nurl = "https://espelkamp.example/b"\n',
                    encoding="utf-8")
    result = _kim_desktop("provisioning", str(good))
    assert result.returncode == 0, result.stderr
    assert "Kontakt KIM-Büro Espelkamp, barrierefrei@espelkamp.example" in result.stdout
    assert "Erklärung vom 01.02.2026" in result.stdout
    assert "veröffentlicht unter https://espelkamp.example/b" in result.stdout


def test_provisioning_command_finds_the_file_through_the_environment(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[office\n", encoding="utf-8")
    result = _kim_desktop("provisioning", env={"KIM_PROVISIONING": str(bad)})
    assert result.returncode == 1
    assert "Zeile 1" in result.stderr and "Traceback" not in result.stderr


def _vault_with_rows(folder: Path, rows: int) -> None:
    vault, _recovery_key = Vault.create(folder, admin="amt", password=PASSWORD)
    with vault, vault.session() as session, session.begin():
        session.add_all(
            OutboxEntry(kind="probe", record_id=new_id(), version=1) for _ in range(rows)
        )


def test_status_shows_schema_and_counts_without_personal_data(tmp_path: Path) -> None:
    _vault_with_rows(tmp_path / "data", 3)
    result = _kim_desktop(
        "--data-dir", str(tmp_path / "data"), "status", "--user", "amt",
        env={"KIM_PASSWORD": PASSWORD, "XDG_STATE_HOME": str(tmp_path / "state")},
    )
    assert result.returncode == 0, result.stderr
    heads = ", ".join(sorted(migrate.head_revisions()))
    assert f"Schema-Version: {heads}\n" in result.stdout
    assert "Tabelle sync_outbox: 3\n" in result.stdout
    assert "Integritätsprüfung: OK" in result.stdout


def test_status_refuses_a_wrong_password_and_a_missing_vault(tmp_path: Path) -> None:
    _vault_with_rows(tmp_path / "data", 1)
    before = (tmp_path / "data" / "kim.db").read_bytes()
    env = {"KIM_PASSWORD": "ein ganz falsches Passwort", "XDG_STATE_HOME": str(tmp_path / "s")}
    wrong = _kim_desktop("--data-dir", str(tmp_path / "data"), "status", "--user", "amt", env=env)
    assert wrong.returncode == 2
    assert "Passwort ist falsch" in wrong.stderr and "Traceback" not in wrong.stderr
    assert (tmp_path / "data" / "kim.db").read_bytes() == before
    missing = _kim_desktop("--data-dir", str(tmp_path / "none"), "status", "--user", "amt", env=env)
    assert missing.returncode == 2
    assert "keine Datenbank" in missing.stderr

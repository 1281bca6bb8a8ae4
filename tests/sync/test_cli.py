"""``kim-desktop enroll`` and ``kim-desktop sync`` on real vaults against a real server:
the office recovery key shown once, a joining device needs it, revocation and the wipe order."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from kim_desktop.core.models import StructuralGap
from kim_desktop.core.recovery_key import generate_recovery_key
from kim_desktop.core.vault import Vault
from kim_desktop.sync.state import load_state
from kim_protocol.wire import b64encode
from tests.server.conftest import ROOT, Admin, ServerProcess

PASSWORD = "Sync-Test-Passwort-2026!"

pytestmark = pytest.mark.slow


def kim(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KIM_PASSWORD": PASSWORD, "KIM_USER": "anna"}
    return subprocess.run(
        [sys.executable, "-m", "kim_desktop", "--data-dir", str(data_dir), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_enroll_sync_revoke_and_wipe(tmp_path: Path) -> None:
    server = ServerProcess(f"sqlite:///{tmp_path / 'server.db'}")
    server.start()
    admin = Admin(server.db_url)
    try:
        office_id = admin.office()
        first, second = tmp_path / "first", tmp_path / "second"
        for folder in (first, second):
            assert kim(folder, "init", "--user", "anna").returncode == 0

        first_code = admin.code(office_id)
        done = kim(first, "enroll", "--server", server.url, "--code", first_code, "--json")
        assert done.returncode == 0, done.stderr
        enrolled = json.loads(done.stdout)
        recovery_key = enrolled["office_recovery_key"]
        assert enrolled["key_ready"] and enrolled["device_id"]

        reused = kim(second, "enroll", "--server", server.url, "--code", first_code)
        assert reused.returncode == 2 and "Registrierungscode" in reused.stderr
        offline = kim(second, "enroll", "--server", "http://127.0.0.1:9", "--code", first_code)
        assert offline.returncode == 3 and "Keine Verbindung" in offline.stderr
        joined = kim(second, "enroll", "--server", server.url, "--code", admin.code(office_id),
                     "--json")
        assert joined.returncode == 3 and "Büro-Wiederherstellungsschlüssel" in joined.stderr
        assert "office_recovery_key" not in json.loads(joined.stdout)
        wrong = kim(second, "enroll", "--office-recovery-key", generate_recovery_key()[0])
        assert wrong.returncode == 2 and "passt nicht" in wrong.stderr
        right = kim(second, "enroll", "--office-recovery-key", recovery_key.lower())
        assert right.returncode == 0, right.stderr

        with Vault.unlock(first, user="anna", password=PASSWORD) as vault, \
                vault.session() as session:
            session.add(StructuralGap(category_code="housing", field_of_action_code="housing",
                                      municipality_code="minden", description="Testlücke",
                                      observed_on=dt.date(2026, 1, 2)))
            session.commit()
        pushed = kim(first, "sync", "--json")
        assert pushed.returncode == 0, pushed.stderr
        assert json.loads(pushed.stdout)["pushed"] == 1
        pulled = kim(second, "sync", "--json")
        assert json.loads(pulled.stdout) == {"pushed": 0, "pulled": 1, "conflicts": 0,
                                             "rejected": 0, "quarantined": 0,
                                             "held_back": None, "waiting_for_update": 0}

        admin.revoke(enrolled["device_id"])
        revoked = kim(first, "sync")
        assert revoked.returncode == 4 and "gesperrt" in revoked.stderr
        assert "Traceback" not in revoked.stderr
        assert (first / "kim.db").exists()

        admin.revoke(json.loads(joined.stdout)["device_id"], wipe=True)
        wiped = kim(second, "sync")
        assert wiped.returncode == 4 and "gelöscht" in wiped.stderr
        assert not (second / "kim.db").exists() and not (second / "vault.json").exists()
    finally:
        server.stop()
        admin.engine.dispose()


def test_sync_refuses_a_damaged_vault_and_writes_nothing(tmp_path: Path) -> None:
    """Reproduced on main: ``sync`` ran on, and wrote to, a vault whose pages failed the
    HMAC check."""
    server = ServerProcess(f"sqlite:///{tmp_path / 'server.db'}")
    server.start()
    admin = Admin(server.db_url)
    try:
        office_id = admin.office()
        folder = tmp_path / "vault"
        assert kim(folder, "init", "--user", "anna").returncode == 0
        enrolled = kim(folder, "enroll", "--server", server.url, "--code",
                       admin.code(office_id))
        assert enrolled.returncode == 0, enrolled.stderr
        with Vault.unlock(folder, user="anna", password=PASSWORD) as vault, \
                vault.session() as session:
            session.add_all(StructuralGap(
                category_code="housing", field_of_action_code="housing",
                municipality_code="minden", description=f"Testlücke {index} " * 20,
                observed_on=dt.date(2026, 1, 2)) for index in range(400))
            session.commit()
        database = folder / "kim.db"
        data = database.read_bytes()
        middle = len(data) // 2
        database.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:])
        before = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}

        refused = kim(folder, "sync")
        assert refused.returncode == 1, refused.stderr
        assert "beschädigt" in refused.stderr and "kim-desktop restore" in refused.stderr
        assert "Traceback" not in refused.stderr
        after = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
        assert after == before
        with admin.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM records").scalar() == 0
    finally:
        server.stop()
        admin.engine.dispose()


def test_sync_says_in_german_how_many_pulled_records_it_put_aside(tmp_path: Path) -> None:
    """Reproduced on main: the sync printed the log's English "pulled records put aside, they
    do not open" to stderr, and its JSON did not count them."""
    server = ServerProcess(f"sqlite:///{tmp_path / 'server.db'}")
    server.start()
    admin = Admin(server.db_url)
    try:
        office_id = admin.office()
        folder = tmp_path / "vault"
        assert kim(folder, "init", "--user", "anna").returncode == 0
        enrolled = kim(folder, "enroll", "--server", server.url, "--code",
                       admin.code(office_id))
        assert enrolled.returncode == 0, enrolled.stderr
        with Vault.unlock(folder, user="anna", password=PASSWORD) as vault, \
                vault.session() as session:
            state = load_state(session)
            assert state is not None
            token = state.device_token
        # A record that does not open, as a damaged client could push it past its sync.
        garbage = {"seq": 10**9, "kind": "consultation", "record_id": str(uuid.uuid4()),
                   "base_version": 0, "ciphertext": b64encode(os.urandom(80))}
        pushed = requests.post(f"{server.url}/v1/push", json={"operations": [garbage]},
                               headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert pushed.status_code == 200, pushed.text

        synced = kim(folder, "sync", "--json")
        assert synced.returncode == 0, synced.stderr
        assert json.loads(synced.stdout)["quarantined"] == 1
        assert "put aside" not in synced.stderr
        assert "1 empfangener Datensatz lässt sich nicht öffnen" in synced.stderr
        again = kim(folder, "sync")
        assert again.returncode == 0, again.stderr
        assert "zurückgestellt: 1" in again.stdout
        assert "1 empfangener Datensatz" in again.stderr
    finally:
        server.stop()
        admin.engine.dispose()

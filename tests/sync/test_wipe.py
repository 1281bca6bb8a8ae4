"""Revocation and the wipe order as the device lives them: a revoked device asks the server by
handshake only, so a wipe ordered later still reaches it; it confirms the wipe before its token
goes and once its data is gone, and IT sees which of these happened."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
import requests

from kim_desktop.core.backup import PREVIOUS_FOLDER
from kim_desktop.sync import messages
from kim_desktop.sync.http import RevokedError
from kim_desktop.sync.state import has_office_key, load_state
from kim_desktop.sync.wipe import VAULT_FILES, destroy_vault_files
from sync_server.db import transaction
from sync_server.models import Device
from sync_server.services.devices import device_state
from tests.server.conftest import ServerProcess
from tests.sync.conftest import Office
from tests.sync.helpers import Sessions, add_consultations


def _device_id(sessions: Sessions) -> str:
    with sessions() as session:
        state = load_state(session)
        assert state is not None
        return state.device_id


def _entries(server: ServerProcess, since: int, end: int | None = None) -> list[dict[str, object]]:
    entries = []
    for line in server.log[since:end]:
        try:
            entries.append(json.loads(line))
        except ValueError:
            continue
    return entries


def _log_mark(server: ServerProcess) -> int:
    """The number of the server's log lines so far. The log reaches the test through a pipe,
    after the answers: a request of the test's own, once logged, says that every line before
    it has arrived (on a busy machine a sync's last lines came after a mark taken earlier)."""
    since = len(server.log)
    requests.get(f"{server.url}/healthz", timeout=10)
    deadline = time.monotonic() + 30
    while True:
        for number, line in enumerate(server.log[since:], start=since):
            if '"/healthz"' in line:
                return number + 1
        assert time.monotonic() < deadline, "the server's log did not arrive"
        time.sleep(0.01)


def _routes(server: ServerProcess, device_id: str, since: int) -> list[str]:
    """The routes the device called, from the server's access log after line ``since``."""
    end = _log_mark(server)
    return [str(entry["route"]) for entry in _entries(server, since, end)
            if entry.get("device_id") == device_id]


def _state_on_server(office: Office, device_id: str) -> tuple[str, Device]:
    with transaction(office.admin.sessions) as session:
        device = session.get_one(Device, device_id)
        session.expunge(device)
    return device_state(device), device


def test_a_wipe_ordered_after_the_revocation_still_reaches_the_device(office: Office) -> None:
    """Reproduced on main: once revoked, the device never contacted the server again, so a
    wipe ordered later never reached it."""
    a_db, a = office.device("a")
    add_consultations(a_db, 5, random.Random(1))
    a.run()
    device_id = _device_id(a_db)
    office.admin.revoke(device_id)
    with pytest.raises(RevokedError) as raised:
        a.run()
    assert not raised.value.wipe

    # Every later sync asks again, by the handshake alone: no data goes either way.
    add_consultations(a_db, 3, random.Random(2))
    mark = _log_mark(office.server)
    with pytest.raises(RevokedError):
        a.run()
    assert _routes(office.server, device_id, mark) == ["/v1/handshake"]
    assert _state_on_server(office, device_id)[0] == "gesperrt"

    office.admin.revoke(device_id, wipe=True)
    assert _state_on_server(office, device_id)[0] == (
        "gesperrt, Löschung angeordnet, noch nicht bestätigt")
    told: list[str] = []
    steps: list[str] = []

    def destroy() -> None:
        # The server learnt that the wipe begins before the token went.
        steps.append(_state_on_server(office, device_id)[0])
        with a_db() as session:
            state = load_state(session)
            assert state is not None and state.device_token == "" and not has_office_key(session)

    a.on_wipe, a.destroy = told.append, destroy
    mark = _log_mark(office.server)
    with pytest.raises(RevokedError) as raised:
        a.run()
    assert raised.value.wipe and told == [messages.WIPE]
    assert steps[0].startswith("gesperrt, Löschung begonnen am ")
    assert _routes(office.server, device_id, mark) == ["/v1/handshake", "/v1/wipe", "/v1/wipe"]
    state, device = _state_on_server(office, device_id)
    assert state.startswith("gesperrt, gelöscht am ")
    assert device.wipe_ordered_at and device.wipe_started_at and device.wiped_at

    # Without its token the device has nothing left to ask with.
    mark = _log_mark(office.server)
    with pytest.raises(RevokedError):
        a.run()
    assert _routes(office.server, device_id, mark) == []


def test_a_device_that_fails_midway_shows_as_begun(office: Office) -> None:
    a_db, a = office.device("a")
    a.run()
    device_id = _device_id(a_db)
    office.admin.revoke(device_id, wipe=True)

    def destroy() -> None:
        raise PermissionError(13, "Zugriff verweigert")

    a.destroy = destroy
    with pytest.raises(RevokedError) as raised:
        a.run()
    assert str(raised.value) == messages.WIPE_INCOMPLETE
    assert _state_on_server(office, device_id)[0].startswith("gesperrt, Löschung begonnen am ")
    with a_db() as session:
        state = load_state(session)
        assert state is not None and state.device_token == "" and not has_office_key(session)


def test_the_wipe_deletes_every_file_with_a_key_or_data(tmp_path: Path) -> None:
    """The key renewal keeps a whole backup (rekey-backup.tar) and, midway, a second header in
    the data folder: a wipe that left them would leave the data readable."""
    kept = {"settings.ini": b"[ui]", "kim.lock": b""}
    doomed = [*VAULT_FILES, f"{PREVIOUS_FOLDER}/kim.db", f"{PREVIOUS_FOLDER}/vault.json"]
    for name in doomed:
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"geheim" * 100)
    for name, content in kept.items():
        (tmp_path / name).write_bytes(content)
    destroy_vault_files(tmp_path)
    assert {"rekey-backup.tar", "vault.rekey", "vault.json", "kim.db"} <= set(VAULT_FILES)
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(kept)

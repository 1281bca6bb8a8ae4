"""Enrollment, handshake, revocation and the key check value, through the real ASGI app."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from sync_server.api.errors import ApiError
from sync_server.api.routes.devices import negotiate_protocol
from sync_server.app import create_app
from sync_server.config import Settings
from sync_server.models import AuditEntry, EnrollmentCode
from sync_server.models import Device as DeviceRow
from tests.server.conftest import Admin, Device, enroll_with, op

HANDSHAKE = {"protocol_min": 1, "protocol_max": 1, "app_version": "0.1.0"}


def test_enroll_returns_a_token_that_is_stored_only_hashed(
    client: TestClient, admin: Admin
) -> None:
    office = admin.office("KIM Espelkamp", "Espelkamp")
    code = admin.code(office)
    device = enroll_with(client, code.lower().replace("-", " "))  # typed sloppily: still fine
    assert device.office_id == office
    with admin.sessions() as session:
        row = session.get_one(DeviceRow, device.device_id)
        assert device.token not in (row.token_hash, row.id)
        stored_codes = session.scalars(select(EnrollmentCode.code_hash)).all()
        assert code not in stored_codes and code.replace("-", "") not in stored_codes
        actions = session.scalars(select(AuditEntry.action)).all()
    assert {"office.add", "device.code", "device.enroll"} <= set(actions)
    response = client.post("/v1/handshake", json=HANDSHAKE, headers=device.headers)
    assert response.status_code == 200
    assert response.json()["office_id"] == office
    assert response.json()["wipe"] is False


def test_enrollment_code_works_once(client: TestClient, admin: Admin) -> None:
    code = admin.code(admin.office())
    enroll_with(client, code)
    again = client.post(
        "/v1/enroll", json={"code": code, "device_name": "Zweiter PC", "app_version": "0.1.0"}
    )
    assert again.status_code == 409
    assert again.json()["code"] == "enrollment_code_used"
    with admin.sessions() as session:
        assert len(session.scalars(select(DeviceRow)).all()) == 1


def test_expired_and_unknown_codes_are_refused(client: TestClient, admin: Admin) -> None:
    expired = admin.code(admin.office(), hours=-1)
    response = client.post(
        "/v1/enroll", json={"code": expired, "device_name": "PC", "app_version": "0.1.0"}
    )
    assert (response.status_code, response.json()["code"]) == (410, "enrollment_code_expired")
    response = client.post(
        "/v1/enroll", json={"code": "AAAA-BBBB-CCCC", "device_name": "PC", "app_version": "0.1"}
    )
    assert (response.status_code, response.json()["code"]) == (403, "enrollment_code_invalid")
    assert "ungültig" in response.json()["message"]


@pytest.mark.parametrize(("name", "version"), [
    ("PC\x1b[31m rot", "0.1.0"),
    ("PC\x00", "0.1.0"),
    ("\u202egnp.exe", "0.1.0"),
    ("Emp\u00adfang", "0.1.0"),
    ("Zimmer\u200b3", "0.1.0"),
    ("Zeile\u2028zwei", "0.1.0"),
    ("Empfang", "<b>9</b>\x07"),
    ("Empfang", "0.1\u061c"),
])
def test_a_device_name_or_version_with_control_or_invisible_characters_is_refused(
    client: TestClient, admin: Admin, name: str, version: str,
) -> None:
    """They would recolour the operator's terminal in ``device list`` or turn the IT page's
    text around (breaker 15, BREAK 9). The code is not spent."""
    code = admin.code(admin.office())
    response = client.post(
        "/v1/enroll", json={"code": code, "device_name": name, "app_version": version})
    assert (response.status_code, response.json()["code"]) == (422, "invalid_device_text")
    assert "Steuerzeichen" in response.json()["message"]
    with admin.sessions() as session:
        assert session.scalars(select(DeviceRow)).all() == []
    enroll_with(client, code)


def test_old_and_too_new_protocols_get_a_clear_refusal(
    client: TestClient, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    old = client.post(
        "/v1/handshake",
        json={"protocol_min": 0, "protocol_max": 0, "app_version": "0.0.1"},
        headers=device.headers,
    )
    assert old.status_code == 422  # protocol versions start at 1
    newer = client.post(
        "/v1/handshake",
        json={"protocol_min": 2, "protocol_max": 5, "app_version": "9.0"},
        headers=device.headers,
    )
    assert newer.status_code == 426
    assert newer.json()["code"] == "protocol_unsupported"
    assert "Server" in newer.json()["message"]
    both = client.post(
        "/v1/handshake",
        json={"protocol_min": 1, "protocol_max": 3, "app_version": "2.0"},
        headers=device.headers,
    )
    assert both.status_code == 200 and both.json()["protocol"] == 1


def test_protocol_negotiation_names_the_side_to_update() -> None:
    assert negotiate_protocol(1, 3, server_min=2, server_max=4) == 3
    assert negotiate_protocol(3, 9, server_min=2, server_max=4) == 4
    with pytest.raises(ApiError) as too_old:
        negotiate_protocol(1, 1, server_min=2, server_max=4)
    assert too_old.value.status == 426 and "KIM Desktop aktualisieren" in too_old.value.message
    with pytest.raises(ApiError) as too_new:
        negotiate_protocol(5, 6, server_min=2, server_max=4)
    assert "Server zu aktualisieren" in too_new.value.message


def test_missing_forged_and_misplaced_tokens_are_refused(
    client: TestClient, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    missing = client.get("/v1/pull")
    assert (missing.status_code, missing.json()["code"]) == (401, "unauthenticated")
    forged = client.get("/v1/pull", headers={"Authorization": f"Bearer {device.device_id}"})
    assert (forged.status_code, forged.json()["code"]) == (401, "invalid_token")
    in_query = client.get(f"/v1/pull?token={device.token}&access_token={device.token}")
    assert in_query.status_code == 401
    basic = client.get("/v1/pull", headers={"Authorization": f"Basic {device.token}"})
    assert basic.status_code == 401


def test_revoked_device_is_told_to_stop(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    admin.revoke(device.device_id)
    for response in (
        client.post("/v1/handshake", json=HANDSHAKE, headers=device.headers),
        client.post("/v1/push", json={"operations": [op(1)]}, headers=device.headers),
        client.get("/v1/pull", headers=device.headers),
    ):
        assert response.status_code == 403
        assert response.json()["code"] == "device_revoked"
        assert "gesperrt" in response.json()["message"]


def test_wipe_order_reaches_the_device(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    admin.revoke(device.device_id, wipe=True)
    handshake = client.post("/v1/handshake", json=HANDSHAKE, headers=device.headers)
    assert handshake.status_code == 200 and handshake.json()["wipe"] is True
    pushed = client.post("/v1/push", json={"operations": [op(1)]}, headers=device.headers)
    assert (pushed.status_code, pushed.json()["code"]) == (403, "device_wipe")
    pulled = client.get("/v1/pull", headers=device.headers)
    assert (pulled.status_code, pulled.json()["code"]) == (403, "device_wipe")


def test_the_device_confirms_the_wipe_and_it_says_so_in_the_cli_and_the_admin_page(
    client: TestClient, admin: Admin, enroll: Callable[..., Device], db_url: str
) -> None:
    device, bystander, revoked = enroll(), enroll(), enroll()
    admin.revoke(revoked.device_id)
    for who, code in [(bystander, "wipe_not_ordered"), (revoked, "device_revoked")]:
        refused = client.post("/v1/wipe", json={"stage": "started"}, headers=who.headers)
        assert refused.json()["code"] == code
    admin.revoke(device.device_id, wipe=True)

    def listed() -> str:
        done = subprocess.run(
            [sys.executable, "-m", "sync_server", "--db", db_url, "device", "list", "--json"],
            capture_output=True, text=True, check=True)
        rows = {row["device_id"]: row for row in json.loads(done.stdout)}
        return str(rows[device.device_id]["state"])

    assert listed() == "gesperrt, Löschung angeordnet, noch nicht bestätigt"
    started = client.post("/v1/wipe", json={"stage": "started"}, headers=device.headers)
    assert started.status_code == 200, started.text
    assert listed().startswith("gesperrt, Löschung begonnen am ")
    done = client.post("/v1/wipe", json={"stage": "done"}, headers=device.headers)
    assert done.status_code == 200
    assert listed().startswith("gesperrt, gelöscht am ")
    bad = client.post("/v1/wipe", json={"stage": "halb"}, headers=device.headers)
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_request")
    with admin.sessions() as session:
        row = session.get_one(DeviceRow, device.device_id)
        assert row.wipe_ordered_at and row.wipe_started_at and row.wiped_at
        actions = session.scalars(select(AuditEntry.action).where(
            AuditEntry.device_id == device.device_id).order_by(AuditEntry.id)).all()
    assert actions[-2:] == ["device.wipe_started", "device.wiped"]


def test_key_check_is_set_once_and_then_immutable(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    office = admin.office()
    first = enroll(office)
    assert client.get("/v1/office/key-check", headers=first.headers).status_code == 404
    value = "A" * 22 + "_-b9"
    set_it = client.post("/v1/office/key-check", json={"key_check": value}, headers=first.headers)
    assert set_it.status_code == 200
    retry = client.post("/v1/office/key-check", json={"key_check": value}, headers=first.headers)
    assert retry.status_code == 200
    second = enroll_with(client, admin.code(office))
    other = client.post(
        "/v1/office/key-check", json={"key_check": "B" * 26}, headers=second.headers
    )
    assert (other.status_code, other.json()["code"]) == (409, "key_check_exists")
    assert client.get("/v1/office/key-check", headers=second.headers).json() == {"key_check": value}
    late = client.post(
        "/v1/enroll",
        json={"code": admin.code(office), "device_name": "Dritter", "app_version": "0.1"},
    )
    assert late.json()["key_check"] == value
    foreign = enroll()
    assert client.get("/v1/office/key-check", headers=foreign.headers).status_code == 404


def test_a_current_key_check_is_never_replaced(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    office = admin.office()
    first, hostile = enroll(office), enroll(office)
    value = "A" * 22 + "_-b9"
    assert client.post("/v1/office/key-check", json={"key_check": value},
                       headers=first.headers).status_code == 200
    # Any enrolled device reads the value; knowing it must not let it replace it.
    replaced = client.post("/v1/office/key-check", json={"key_check": "B" * 26,
                                                         "replaces": value},
                           headers=hostile.headers)
    assert (replaced.status_code, replaced.json()["code"]) == (409, "key_check_exists")
    late = enroll_with(client, admin.code(office))
    assert client.get("/v1/office/key-check", headers=late.headers).json() == {"key_check": value}
    again = client.post("/v1/office/key-check", json={"key_check": value, "replaces": value},
                        headers=first.headers)
    assert again.status_code == 200  # the value itself again: nothing changes


def test_two_devices_racing_for_one_code_get_one_enrollment(app: FastAPI, admin: Admin) -> None:
    code = admin.code(admin.office())
    body = {"code": code, "device_name": "PC", "app_version": "0.1.0"}
    start = threading.Barrier(4)

    def attempt() -> int:
        with TestClient(app, raise_server_exceptions=False) as racer:
            start.wait()
            return racer.post("/v1/enroll", json=body).status_code

    with ThreadPoolExecutor(4) as pool:
        statuses = sorted(pool.map(lambda _: attempt(), range(4)))
    assert statuses == [200, 409, 409, 409]
    with admin.sessions() as session:
        assert len(session.scalars(select(DeviceRow)).all()) == 1


def test_health_says_503_when_the_database_is_gone() -> None:
    broken = create_app(Settings(db_url="postgresql://postgres@127.0.0.1:1/none"))
    with TestClient(broken, raise_server_exceptions=False) as client:
        response = client.get("/healthz")
    assert (response.status_code, response.json()["code"]) == (503, "unavailable")

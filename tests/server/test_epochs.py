"""Sync epochs through the real ASGI app: a restore begins a new epoch, two that alternate are
a copy, and the later one is refused; whatever a device sends, it answers with a stable 4xx
and never touches another device."""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from sync_server.models import AuditEntry, Device, DeviceEpoch
from sync_server.services import devices, epochs
from tests.server.conftest import Admin, op
from tests.server.conftest import Device as Enrolled


def handshake(client: TestClient, device: Enrolled, epoch: object) -> tuple[int, str | None]:
    body = {"protocol_min": 1, "protocol_max": 1, "app_version": "test", "epoch": epoch}
    response = client.post("/v1/handshake", json=body, headers=device.headers)
    return response.status_code, response.json().get("code")


def push(client: TestClient, device: Enrolled, epoch: object, seq: int = 1
         ) -> tuple[int, str | None]:
    response = client.post("/v1/push", json={"operations": [op(seq)], "epoch": epoch},
                           headers=device.headers)
    return response.status_code, response.json().get("code")


def new_epoch() -> str:
    return secrets.token_hex(16)


def test_the_epoch_that_appeared_later_is_the_copy_whoever_syncs_first(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled]
) -> None:
    device = enroll()
    original, restored, copy = new_epoch(), new_epoch(), new_epoch()
    assert handshake(client, device, original) == (200, None)
    assert push(client, device, original) == (200, None)
    # A restore: a new epoch, and the one before is past.
    assert handshake(client, device, restored) == (200, None)
    # The copy of the restored vault on a second machine begins its own epoch and pushes.
    assert handshake(client, device, copy) == (200, None)
    assert push(client, device, copy, seq=2) == (200, None)
    # The restored vault's machine comes back: the copy's epoch began later.
    assert handshake(client, device, restored) == (200, None)
    assert handshake(client, device, copy) == (409, "device_copied")
    assert push(client, device, copy, seq=3) == (409, "device_copied")
    assert push(client, device, restored, seq=3) == (200, None)
    # A vault that shows an epoch without a handshake is sent to make one.
    assert push(client, device, new_epoch(), seq=4) == (409, "epoch_changed")
    assert push(client, device, None, seq=5) == (200, None)  # a version before epochs
    with admin.sessions() as session:
        row = session.get_one(Device, device.device_id)
        assert row.epoch == restored
        assert row.copy_detected_at is not None
        assert devices.device_state(row).startswith("aktiv, Kopie erkannt am ")
        actions = session.scalars(select(AuditEntry.action).where(
            AuditEntry.device_id == device.device_id)).all()
    assert actions.count("device.epoch_started") == 2
    assert actions.count("device.copy_detected") == 1


def test_a_restored_device_is_shown_as_such(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled]
) -> None:
    device = enroll()
    handshake(client, device, new_epoch())
    with admin.sessions() as session:
        assert devices.device_state(session.get_one(Device, device.device_id)) == "aktiv"
    handshake(client, device, new_epoch())
    with admin.sessions() as session:
        state = devices.device_state(session.get_one(Device, device.device_id))
    assert state.startswith("aktiv, zurückgespielt oder umgezogen am ")


@pytest.mark.parametrize("epoch", [
    "", "x", "0" * 31, "0" * 33, "A" * 32, "g" * 32, "ä" * 32, "0" * 10_000, 17, [], {},
    "' OR 1=1 --", "0" * 31 + "\n",
])
def test_any_epoch_a_device_makes_up_is_refused_with_a_stable_code(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled], epoch: object
) -> None:
    office = admin.office()
    hostile, neighbour = enroll(office), enroll(office)
    mine = new_epoch()
    assert handshake(client, neighbour, mine) == (200, None)
    assert handshake(client, hostile, epoch) == (422, "invalid_request")
    assert push(client, hostile, epoch) == (422, "invalid_request")
    assert handshake(client, neighbour, mine) == (200, None)
    assert push(client, neighbour, mine) == (200, None)


def test_a_device_that_flips_epochs_disturbs_only_itself_and_stays_bounded(
    client: TestClient, admin: Admin, enroll: Callable[..., Enrolled]
) -> None:
    office = admin.office()
    hostile, neighbour = enroll(office), enroll(office)
    mine = new_epoch()
    handshake(client, neighbour, mine)
    made_up = [new_epoch() for _ in range(epochs.KEPT_EPOCHS + 10)]
    for epoch in made_up:
        assert handshake(client, hostile, epoch) == (200, None)
    for epoch in (made_up[-5], made_up[-1], made_up[0]):
        assert handshake(client, hostile, epoch)[0] in (200, 409)
    for seq in (1, 2**63 - 1):
        assert push(client, hostile, made_up[-5], seq=seq)[0] in (200, 409)
    with admin.sessions() as session:
        kept = session.scalar(select(func.count()).select_from(DeviceEpoch).where(
            DeviceEpoch.device_id == hostile.device_id))
        assert kept is not None and kept <= epochs.KEPT_EPOCHS
        assert session.get_one(Device, neighbour.device_id).copy_detected_at is None
    assert handshake(client, neighbour, mine) == (200, None)
    assert push(client, neighbour, mine) == (200, None)


@pytest.mark.parametrize("seq", [0, -1, 2**63, 10**30, 1.5, "eins", None])
def test_numbers_outside_the_wire_bounds_are_refused(
    client: TestClient, enroll: Callable[..., Enrolled], seq: object
) -> None:
    device = enroll()
    response = client.post("/v1/push", json={"operations": [{**op(1), "seq": seq}]},
                           headers=device.headers)
    assert (response.status_code, response.json()["code"]) == (422, "invalid_request")

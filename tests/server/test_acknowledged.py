"""``GET /v1/acknowledged`` through the real ASGI app: what a restored device learns of its own
operations, and that nothing a device sends there disturbs the server or another device."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from sync_server.db import transaction
from sync_server.services import sync
from tests.server.conftest import Admin, Device, op
from tests.server.test_pruning import age_applied_ops
from tests.server.test_sync_api import push


def acknowledged(client: TestClient, device: Device, **params: object) -> dict[str, object]:
    response = client.get("/v1/acknowledged", params=params, headers=device.headers)
    assert response.status_code == 200, response.text
    answer: dict[str, object] = response.json()
    return answer


def test_a_device_learns_its_highest_seq_and_where_its_unknown_operations_begin(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    office = admin.office()
    anna, ben = enroll(office), enroll(office)
    assert acknowledged(client, anna) == {"highest_seq": 0, "first_server_seq": None}
    push(client, anna, op(1), op(2))
    push(client, ben, op(1))
    push(client, anna, op(3), op(7))
    assert acknowledged(client, anna) == {"highest_seq": 7, "first_server_seq": 1}
    # A backup of anna's made after seq 2 numbers its next operation 3.
    assert acknowledged(client, anna, from_seq=3) == {"highest_seq": 7, "first_server_seq": 4}
    assert acknowledged(client, anna, from_seq=8) == {"highest_seq": 7, "first_server_seq": None}
    assert acknowledged(client, ben) == {"highest_seq": 1, "first_server_seq": 3}


def test_pruned_operations_still_count_for_the_highest_seq(
    client: TestClient, admin: Admin, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    push(client, device, op(1), op(9))
    age_applied_ops(admin, device, [1, 9], days=100)
    with transaction(admin.sessions) as session:
        sync.prune_expired(session, days=90, actor="test")
    assert acknowledged(client, device)["highest_seq"] == 9


@pytest.mark.parametrize("from_seq", ["0", "-1", str(2**63), "9" * 40, "x", "1.5", ""])
def test_hostile_numbers_are_refused_with_a_stable_code(
    client: TestClient, enroll: Callable[..., Device], from_seq: str
) -> None:
    device = enroll()
    response = client.get(f"/v1/acknowledged?from_seq={from_seq}", headers=device.headers)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"


def test_only_the_device_itself_asks(client: TestClient) -> None:
    response = client.get("/v1/acknowledged")
    assert (response.status_code, response.json()["code"]) == (401, "unauthenticated")

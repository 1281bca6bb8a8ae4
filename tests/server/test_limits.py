"""The server's storage limits: per operation, per request (compression ratio) and per office.

Each refuses with a stable code and a German message, and stores nothing of what it refuses.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Iterator

import pytest
import zstandard
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from sync_server.app import create_app
from sync_server.db import transaction
from sync_server.models import Office, SyncRecord
from tests.server.conftest import Admin, Device, enroll_with, op, settings_for

MIB = 1024 * 1024


def _zstd(ops: list[dict]) -> bytes:
    return zstandard.ZstdCompressor(level=19).compress(json.dumps({"operations": ops}).encode())


def _push(http: TestClient, device: Device, ops: list[dict]) -> dict:
    response = http.post(
        "/v1/push", content=_zstd(ops),
        headers={**device.headers, "Content-Encoding": "zstd",
                 "Content-Type": "application/json"},
    )  # fmt: skip
    return {"status": response.status_code, **response.json()}


def _stored(admin: Admin, office_id: str) -> tuple[int, int]:
    """The bytes of ciphertext in the office's records, and what the office row counts."""
    with transaction(admin.sessions) as session:
        actual = session.scalar(select(func.coalesce(func.sum(func.length(
            SyncRecord.ciphertext)), 0)).where(SyncRecord.office_id == office_id))
        counted = session.scalar(select(Office.stored_bytes).where(Office.id == office_id))
    return int(actual or 0), int(counted or 0)


@pytest.fixture
def limited(db_url: str) -> Iterator[TestClient]:
    settings = settings_for(db_url, max_operation_bytes=MIB, office_quota_bytes=5 * MIB // 2)
    with TestClient(create_app(settings), raise_server_exceptions=False) as http:
        yield http


def test_compressed_zeros_are_refused_and_nothing_is_stored(
    client: TestClient, admin: Admin
) -> None:
    """Reproduced on main: 250 operations of zeros, a few KiB on the wire, were stored as
    tens of MiB and handed to every device of the office."""
    office = admin.office()
    device = enroll_with(client, admin.code(office))
    zeros = "A" * 240_000  # 180,000 zero bytes each, decoded
    body = [op(seq, ciphertext=zeros) for seq in range(1, 251)]
    assert len(_zstd(body)) < 64 * 1024
    answer = _push(client, device, body)
    assert (answer["status"], answer["code"]) == (413, "compression_ratio"), answer["status"]
    assert "komprimiert" in answer["message"]
    assert _stored(admin, office) == (0, 0)
    real = [op(seq, ciphertext=secrets.token_urlsafe(30_000)) for seq in range(1, 251)]
    assert _push(client, device, real)["status"] == 200  # real ciphertext barely compresses


def test_a_too_large_operation_is_refused_alone(
    client: TestClient, limited: TestClient, admin: Admin
) -> None:
    """Reproduced on main: a ciphertext of 1.6 MB (an attachment of about 1.2 MB) made the
    whole batch a 422 "Felder: operations.0.ciphertext", every sync again."""
    office = admin.office()
    big = secrets.token_urlsafe(1_200_000)
    default = _push(client, enroll_with(client, admin.code(office)), [op(1), op(2, ciphertext=big)])
    assert [r["status"] for r in default.get("results", [])] == ["applied", "applied"], default
    office = admin.office()
    device = enroll_with(limited, admin.code(office))
    answer = _push(limited, device, [op(1), op(2, ciphertext=big), op(3)])
    assert answer["status"] == 200, answer
    statuses = [(r["status"], (r.get("reason") or "").split(":")[0]) for r in answer["results"]]
    assert statuses == [("applied", ""), ("rejected", "too_large"), ("applied", "")]
    actual, counted = _stored(admin, office)
    assert actual == counted < 1000


def test_the_office_quota_refuses_growth_but_not_shrinking(
    limited: TestClient, admin: Admin
) -> None:
    office, other_office = admin.office(), admin.office("KIM Lübbecke", "Luebbecke")
    device = enroll_with(limited, admin.code(office))
    other = enroll_with(limited, admin.code(other_office))
    record_ids = [str(uuid.uuid4()) for _ in range(3)]
    near_mib = 1_000_000
    for seq, record_id in enumerate(record_ids[:2], start=1):
        ops = [op(seq, record_id, ciphertext=secrets.token_urlsafe(near_mib))]
        assert _push(limited, device, ops)["status"] == 200
    refused = _push(limited, device, [
        op(3, record_ids[2], ciphertext=secrets.token_urlsafe(near_mib)), op(4)])
    assert (refused["status"], refused.get("code")) == (507, "quota_exceeded"), refused
    assert "Speicherplatz" in refused["message"] and "IT" in refused["message"]
    assert _stored(admin, office)[0] == 2 * near_mib
    # Replacing a record by a smaller version frees space and always goes through.
    shrink = _push(limited, device, [op(5, record_ids[0], base=1, ciphertext="B" * 40)])
    assert [r["status"] for r in shrink["results"]] == ["applied"]
    assert _push(limited, device, [op(3, record_ids[2], ciphertext="C" * 40)])["status"] == 200
    actual, counted = _stored(admin, office)
    assert actual == counted == near_mib + 60
    assert _push(limited, other, [op(1, ciphertext=secrets.token_urlsafe(near_mib))])[
        "status"] == 200  # another office has a quota of its own

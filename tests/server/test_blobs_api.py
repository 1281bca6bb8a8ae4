"""The blob routes against the real app: chunks, resume, quota, and a hostile device's input."""

from __future__ import annotations

import os
from collections.abc import Callable

import zstandard
from fastapi.testclient import TestClient
from sqlalchemy import text

from kim_protocol import wire
from tests.server.conftest import Admin, Device

FULL = wire.SEALED_CHUNK_BYTES
BLOB = "ab" * 32
OTHER_BLOB = "cd" * 32


def put(client: TestClient, device: Device, index: object, count: object, body: bytes,
        blob_id: str = BLOB, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return client.put(f"/v1/blobs/{blob_id}/chunks/{index}", params={"count": count},
                      content=body, headers={**device.headers,
                                             "Content-Type": "application/octet-stream",
                                             **(headers or {})})


def stored_bytes(admin: Admin, office_id: str) -> int:
    with admin.engine.connect() as connection:
        return int(connection.execute(text("SELECT stored_bytes FROM offices WHERE id = :o"),
                                      {"o": office_id}).scalar_one())


def chunk_rows(admin: Admin) -> int:
    with admin.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM blob_chunks")).scalar_one())


def test_a_blob_uploads_resumes_and_downloads(client: TestClient, enroll: Callable[..., Device],
                                              admin: Admin) -> None:
    device = enroll()
    chunks = [os.urandom(FULL), os.urandom(FULL), os.urandom(500)]
    assert client.get(f"/v1/blobs/{BLOB}", headers=device.headers).json()["code"] == \
        "blob_not_found"
    answer = put(client, device, 0, 3, chunks[0])
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"blob_id": BLOB, "count": 3, "have": [0], "complete": False}
    # Cut here: the device asks what the server has and sends the rest.
    status = wire.BlobStatus.model_validate(
        client.get(f"/v1/blobs/{BLOB}", headers=device.headers).json())
    assert status.have == [0] and not status.complete
    # Incomplete blobs are not handed out.
    assert client.get(f"/v1/blobs/{BLOB}/chunks/0", headers=device.headers).status_code == 404
    put(client, device, 2, 3, chunks[2])
    done = put(client, device, 1, 3, chunks[1]).json()
    assert done["complete"] and done["have"] == [0, 1, 2]
    for index, chunk in enumerate(chunks):
        response = client.get(f"/v1/blobs/{BLOB}/chunks/{index}", headers=device.headers)
        assert response.status_code == 200 and response.content == chunk
    assert stored_bytes(admin, device.office_id) == sum(map(len, chunks))
    # A complete blob never changes: a chunk sent again is answered with the status.
    again = put(client, device, 2, 3, os.urandom(600))
    assert again.status_code == 200 and again.json()["complete"]
    assert client.get(f"/v1/blobs/{BLOB}/chunks/2", headers=device.headers).content == chunks[2]
    assert stored_bytes(admin, device.office_id) == sum(map(len, chunks))


def test_hostile_chunks_are_refused_with_their_code_and_store_nothing(
    client: TestClient, enroll: Callable[..., Device], admin: Admin,
) -> None:
    device = enroll()
    cases = [
        (("-1", 3, os.urandom(FULL)), 422, "chunk_index"),
        ((3, 3, os.urandom(100)), 422, "chunk_index"),
        ((0, 0, os.urandom(100)), 413, "blob_too_large"),
        ((0, -2, os.urandom(100)), 413, "blob_too_large"),
        ((0, 26, os.urandom(FULL)), 413, "blob_too_large"),
        ((0, 3, os.urandom(FULL + 1)), 413, "chunk_too_large"),
        ((0, 3, os.urandom(FULL - 1)), 422, "chunk_size"),
        ((2, 3, os.urandom(10)), 422, "chunk_size"),
        (("x", 3, os.urandom(100)), 422, "invalid_request"),
    ]
    for (index, count, body), status, code in cases:
        response = put(client, device, index, count, body)
        assert (response.status_code, response.json()["code"]) == (status, code), (index, count)
        assert response.json()["message"]
    bad_id = client.put("/v1/blobs/ABC/chunks/0", params={"count": 1}, content=b"x" * 40,
                        headers=device.headers)
    assert bad_id.status_code == 422
    assert chunk_rows(admin) == 0 and stored_bytes(admin, device.office_id) == 0

    # The first chunk fixes the count; a chunk that names another one is refused.
    assert put(client, device, 0, 3, os.urandom(FULL)).status_code == 200
    mismatch = put(client, device, 1, 4, os.urandom(FULL))
    assert (mismatch.status_code, mismatch.json()["code"]) == (409, "blob_count_mismatch")
    assert "Anhangteile" in mismatch.json()["message"]
    assert chunk_rows(admin) == 1 and stored_bytes(admin, device.office_id) == FULL


def test_a_compressed_bomb_chunk_is_refused(client: TestClient, enroll: Callable[..., Device],
                                            admin: Admin) -> None:
    device = enroll()
    bomb = zstandard.ZstdCompressor(level=19).compress(bytes(64 * 1024 * 1024))
    response = put(client, device, 0, 1, bomb, headers={"Content-Encoding": "zstd"})
    assert response.status_code == 413
    assert response.json()["code"] in ("compression_ratio", "body_too_large")
    # Within the ratio's first MiB a small bomb decompresses, and is then judged as a chunk.
    small = zstandard.ZstdCompressor().compress(bytes(FULL + 1000))
    response = put(client, device, 0, 1, small, headers={"Content-Encoding": "zstd"})
    assert response.status_code == 413
    assert chunk_rows(admin) == 0


def test_a_blob_of_another_office_is_out_of_reach(client: TestClient,
                                                  enroll: Callable[..., Device],
                                                  admin: Admin) -> None:
    mine, theirs = enroll(), enroll()
    assert mine.office_id != theirs.office_id
    chunk = os.urandom(300)
    assert put(client, mine, 0, 1, chunk).json()["complete"]
    assert client.get(f"/v1/blobs/{BLOB}", headers=theirs.headers).status_code == 404
    denied = client.get(f"/v1/blobs/{BLOB}/chunks/0", headers=theirs.headers)
    assert (denied.status_code, denied.json()["code"]) == (404, "chunk_not_found")
    # Their upload under the same id makes a blob of their own office; mine stays as it was.
    assert put(client, theirs, 0, 2, os.urandom(FULL)).json() == {
        "blob_id": BLOB, "count": 2, "have": [0], "complete": False}
    assert client.get(f"/v1/blobs/{BLOB}/chunks/0", headers=mine.headers).content == chunk
    assert stored_bytes(admin, mine.office_id) == 300
    assert stored_bytes(admin, theirs.office_id) == FULL


def test_chunks_count_into_the_office_quota(db_url: str, admin: Admin) -> None:
    from sync_server.app import create_app
    from tests.server.conftest import enroll_with, settings_for

    app = create_app(settings_for(db_url, office_quota_bytes=FULL + 2048))
    with TestClient(app, raise_server_exceptions=False) as client:
        device = enroll_with(client, admin.code(admin.office()))
        assert put(client, device, 0, 3, os.urandom(FULL)).status_code == 200
        full = put(client, device, 1, 3, os.urandom(FULL))
        assert (full.status_code, full.json()["code"]) == (507, "quota_exceeded")
        assert put(client, device, 0, 1, os.urandom(100), blob_id=OTHER_BLOB).status_code == 200
    assert stored_bytes(admin, device.office_id) == FULL + 100

"""The blob routes against the real app: manifests, chunks, resume, quota, and a hostile
device's input."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable

import zstandard
from fastapi.testclient import TestClient
from sqlalchemy import text

from kim_protocol import wire
from tests.server.conftest import Admin, Device

FULL = wire.SEALED_CHUNK_BYTES
RAW = {"Content-Type": "application/octet-stream"}


class Blob:
    """Sealed chunks as the server sees them (random bytes), their manifest and blob id."""

    def __init__(self, *sizes: int) -> None:
        self.chunks = [os.urandom(size) for size in sizes]
        self.manifest = b"".join(hashlib.sha256(chunk).digest() for chunk in self.chunks)
        self.id = hashlib.sha256(self.manifest).hexdigest()


def announce(client: TestClient, device: Device, blob: Blob, manifest: bytes | None = None,
             blob_id: str | None = None):  # type: ignore[no-untyped-def]
    return client.put(f"/v1/blobs/{blob_id or blob.id}",
                      content=blob.manifest if manifest is None else manifest,
                      headers={**device.headers, **RAW})


def put(client: TestClient, device: Device, blob: Blob, index: object, body: bytes | None = None,
        headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    if body is None:
        assert isinstance(index, int)
        body = blob.chunks[index]
    return client.put(f"/v1/blobs/{blob.id}/chunks/{index}", content=body,
                      headers={**device.headers, **RAW, **(headers or {})})


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
    blob = Blob(FULL, FULL, 500)
    assert client.get(f"/v1/blobs/{blob.id}", headers=device.headers).json()["code"] == \
        "blob_not_found"
    announced = announce(client, device, blob)
    assert announced.status_code == 200, announced.text
    assert announced.json() == {"blob_id": blob.id, "count": 3, "have": [], "complete": False}
    answer = put(client, device, blob, 0)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"blob_id": blob.id, "count": 3, "have": [0], "complete": False}
    # Cut here: announced again, the server says what it has, and the rest goes.
    status = wire.BlobStatus.model_validate(announce(client, device, blob).json())
    assert status.have == [0] and not status.complete
    # Incomplete blobs are not handed out.
    assert client.get(f"/v1/blobs/{blob.id}/chunks/0", headers=device.headers).status_code == 404
    put(client, device, blob, 2)
    done = put(client, device, blob, 1).json()
    assert done["complete"] and done["have"] == [0, 1, 2]
    for index, chunk in enumerate(blob.chunks):
        response = client.get(f"/v1/blobs/{blob.id}/chunks/{index}", headers=device.headers)
        assert response.status_code == 200 and response.content == chunk
    used = sum(map(len, blob.chunks)) + len(blob.manifest)
    assert stored_bytes(admin, device.office_id) == used
    # A chunk sent again is the same bytes: answered with the status, stored once.
    again = put(client, device, blob, 2)
    assert again.status_code == 200 and again.json()["complete"]
    assert stored_bytes(admin, device.office_id) == used


def test_a_hostile_device_can_neither_block_nor_replace_anothers_blob(
    client: TestClient, enroll: Callable[..., Device], admin: Admin,
) -> None:
    """Reproduced on main: a device of the office that knew (or guessed) a blob's id uploaded
    garbage under it first, the server took the blob as complete, and its owner's chunks were
    never stored."""
    office = admin.office()
    hostile, honest = enroll(office), enroll(office)
    blob = Blob(FULL, 700)
    garbage = Blob(FULL, 700)
    # Another manifest under the blob's id, or garbage chunks under it: refused, nothing kept.
    wrong = announce(client, hostile, blob, manifest=garbage.manifest)
    assert (wrong.status_code, wrong.json()["code"]) == (422, "blob_manifest")
    unannounced = put(client, hostile, blob, 0, garbage.chunks[0])
    assert (unannounced.status_code, unannounced.json()["code"]) == (404, "blob_not_found")
    # It may announce the real manifest (it is only digests) and send what it has: garbage.
    assert announce(client, hostile, blob).status_code == 200
    for index, chunk in enumerate(garbage.chunks):
        refused = put(client, hostile, blob, index, chunk)
        assert (refused.status_code, refused.json()["code"]) == (422, "chunk_digest")
        assert "Prüfsumme" in refused.json()["message"]
    assert chunk_rows(admin) == 0
    # The owner's upload goes on from there, and the blob is the owner's bytes.
    assert announce(client, honest, blob).json()["have"] == []
    assert put(client, honest, blob, 1).status_code == 200
    assert put(client, honest, blob, 0).json()["complete"]
    # Once complete, nothing replaces it either.
    assert put(client, hostile, blob, 1, garbage.chunks[1]).status_code == 422
    for index, chunk in enumerate(blob.chunks):
        assert client.get(f"/v1/blobs/{blob.id}/chunks/{index}",
                          headers=honest.headers).content == chunk


def test_hostile_input_is_refused_with_its_code_and_stores_nothing(
    client: TestClient, enroll: Callable[..., Device], admin: Admin,
) -> None:
    device = enroll()
    blob = Blob(FULL, FULL, 300)
    too_many = Blob(*[100] * 26)
    manifests = [
        (blob, b"", 422, "blob_manifest"),
        (blob, blob.manifest[:-1], 422, "blob_manifest"),
        (blob, blob.manifest + bytes(32), 422, "blob_manifest"),
        (too_many, too_many.manifest, 413, "blob_too_large"),
    ]
    for target, manifest, status, code in manifests:
        response = announce(client, device, target, manifest=manifest)
        assert (response.status_code, response.json()["code"]) == (status, code)
        assert response.json()["message"]
    bad_id = client.put("/v1/blobs/ABC", content=blob.manifest, headers=device.headers)
    assert bad_id.status_code == 422
    assert announce(client, device, blob).status_code == 200
    cases = [
        (("-1", os.urandom(FULL)), 422, "chunk_index"),
        ((3, os.urandom(100)), 422, "chunk_index"),
        ((0, os.urandom(FULL + 1)), 413, "chunk_too_large"),
        ((0, os.urandom(FULL - 1)), 422, "chunk_size"),
        ((2, os.urandom(10)), 422, "chunk_size"),
        ((2, os.urandom(300)), 422, "chunk_digest"),
        (("x", os.urandom(100)), 422, "invalid_request"),
        ((2**63, os.urandom(100)), 422, "invalid_request"),  # was a 500
    ]
    for (index, body), status, code in cases:
        response = put(client, device, blob, index, body)
        assert (response.status_code, response.json()["code"]) == (status, code), index
        assert response.json()["message"]
    beyond = client.get(f"/v1/blobs/{blob.id}/chunks/{2**63}", headers=device.headers)
    assert (beyond.status_code, beyond.json()["code"]) == (422, "invalid_request")
    assert chunk_rows(admin) == 0
    assert stored_bytes(admin, device.office_id) == len(blob.manifest)


def test_a_compressed_bomb_chunk_is_refused(client: TestClient, enroll: Callable[..., Device],
                                            admin: Admin) -> None:
    device = enroll()
    blob = Blob(FULL)
    assert announce(client, device, blob).status_code == 200
    bomb = zstandard.ZstdCompressor(level=19).compress(bytes(64 * 1024 * 1024))
    response = put(client, device, blob, 0, bomb, headers={"Content-Encoding": "zstd"})
    assert response.status_code == 413
    assert response.json()["code"] in ("compression_ratio", "body_too_large")
    # Within the ratio's first MiB a small bomb decompresses, and is then judged as a chunk.
    small = zstandard.ZstdCompressor().compress(bytes(FULL + 1000))
    response = put(client, device, blob, 0, small, headers={"Content-Encoding": "zstd"})
    assert response.status_code == 413
    assert chunk_rows(admin) == 0


def test_a_blob_of_another_office_is_out_of_reach(client: TestClient,
                                                  enroll: Callable[..., Device],
                                                  admin: Admin) -> None:
    mine, theirs = enroll(), enroll()
    assert mine.office_id != theirs.office_id
    blob = Blob(300)
    announce(client, mine, blob)
    assert put(client, mine, blob, 0).json()["complete"]
    assert client.get(f"/v1/blobs/{blob.id}", headers=theirs.headers).status_code == 404
    denied = client.get(f"/v1/blobs/{blob.id}/chunks/0", headers=theirs.headers)
    assert (denied.status_code, denied.json()["code"]) == (404, "chunk_not_found")
    # Their upload under the same id makes a blob of their own office; mine stays as it was.
    assert announce(client, theirs, blob).json() == {
        "blob_id": blob.id, "count": 1, "have": [], "complete": False}
    assert client.get(f"/v1/blobs/{blob.id}/chunks/0",
                      headers=mine.headers).content == blob.chunks[0]
    assert stored_bytes(admin, mine.office_id) == 300 + 32
    assert stored_bytes(admin, theirs.office_id) == 32


def test_chunks_count_into_the_office_quota(db_url: str, admin: Admin) -> None:
    from sync_server.app import create_app
    from tests.server.conftest import enroll_with, settings_for

    app = create_app(settings_for(db_url, office_quota_bytes=FULL + 2048))
    with TestClient(app, raise_server_exceptions=False) as client:
        device = enroll_with(client, admin.code(admin.office()))
        blob, small = Blob(FULL, FULL, FULL), Blob(100)
        assert announce(client, device, blob).status_code == 200
        assert put(client, device, blob, 0).status_code == 200
        full = put(client, device, blob, 1)
        assert (full.status_code, full.json()["code"]) == (507, "quota_exceeded")
        assert announce(client, device, small).status_code == 200
        assert put(client, device, small, 0).status_code == 200
    assert stored_bytes(admin, device.office_id) == FULL + 100 + 3 * 32 + 32

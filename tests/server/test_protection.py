"""Bad input, size limits, compression, rate limits, logs: clear 4xx answers, never a 500."""

from __future__ import annotations

import gzip
import json
import logging
import uuid
from collections.abc import Callable, Iterator

import pytest
import zstandard
from fastapi.testclient import TestClient

from sync_server.app import create_app
from sync_server.logs import JsonFormatter
from tests.server.conftest import Admin, Device, enroll_with, op, settings_for


def _json(ops: list[dict]) -> bytes:
    return json.dumps({"operations": ops}).encode()


def test_malformed_json_and_wrong_types_are_400_and_422(
    client: TestClient, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    headers = {**device.headers, "Content-Type": "application/json"}
    cases = [
        (b'{"operations": [', 400, "malformed_json"),
        (b"\xff\xfe\x00garbage", 400, "malformed_json"),
        (b'{"operations": "all"}', 422, "invalid_request"),
        (b'{"operations": []}', 422, "invalid_request"),
        (_json([{**op(1), "seq": "eins"}]), 422, "invalid_request"),
        (_json([{**op(1), "record_id": "../../etc/passwd"}]), 422, "invalid_request"),
        (_json([{**op(1), "kind": "Robert'); DROP TABLE records;--"}]), 422, "invalid_request"),
        (_json([{**op(1), "ciphertext": "not base64!"}]), 422, "invalid_request"),
        (_json([{**op(1), "base_version": -1}]), 422, "invalid_request"),
        (_json([{**op(1), "extra": 1}]), 422, "invalid_request"),
        (_json([op(seq) for seq in range(1, 252)]), 422, "invalid_request"),
        (b"[]", 422, "invalid_request"),
        (b"null", 422, "invalid_request"),
    ]
    for body, status, code in cases:
        response = client.post("/v1/push", content=body, headers=headers)
        assert (response.status_code, response.json()["code"]) == (status, code), body[:60]
        assert response.json()["message"]
    nul = client.post(
        "/v1/enroll", json={"code": "AAAA-BBBB-CCCC", "device_name": "PC\u0000", "app_version": "1"}
    )
    assert nul.status_code in (403, 422)  # PostgreSQL cannot store NUL; never a 500
    facts = {"facts": [{"key": "k" * 16, "fact_kind": "case", "month": "2026-01",
                        "municipality": "Minden\u0000"}]}  # fmt: skip
    nul = client.put("/v1/report-facts", json=facts, headers=device.headers)
    assert nul.status_code in (200, 422) and nul.status_code != 500
    secret = "Ayşe Yılmaz"
    response = client.post(
        "/v1/enroll", json={"code": 12, "device_name": secret, "app_version": ["x"]}
    )
    assert response.status_code == 422
    assert secret not in response.text  # values are never echoed
    for query in ("since=-1", "since=abc", "limit=0", "limit=1001", "since=99999999999999999999"):
        response = client.get(f"/v1/pull?{query}", headers=device.headers)
        assert response.status_code == 422, query


def test_unknown_routes_and_methods(client: TestClient) -> None:
    assert client.get("/v2/pull").json()["code"] == "not_found"
    response = client.delete("/v1/push")
    assert (response.status_code, response.json()["code"]) == (405, "method_not_allowed")


@pytest.fixture
def small_client(db_url: str) -> Iterator[TestClient]:
    settings = settings_for(db_url, max_request_bytes=64 * 1024, max_decompressed_bytes=256 * 1024)
    with TestClient(create_app(settings), raise_server_exceptions=False) as limited:
        yield limited


def test_oversized_bodies_are_refused_before_parsing(
    small_client: TestClient, admin: Admin
) -> None:
    device = enroll_with(small_client, admin.code(admin.office()))
    big = _json([op(seq, ciphertext="A" * 400) for seq in range(1, 200)])
    assert len(big) > 64 * 1024
    response = small_client.post("/v1/push", content=big, headers=device.headers)
    assert (response.status_code, response.json()["code"]) == (413, "body_too_large")

    def chunks():  # no Content-Length: the limit counts the streamed bytes
        for start in range(0, len(big), 4096):
            yield big[start : start + 4096]

    streamed = small_client.post("/v1/push", content=chunks(), headers=device.headers)
    assert streamed.status_code == 413
    lying = small_client.post(
        "/v1/push", content=b"{}", headers={**device.headers, "Content-Length": "x"}
    )
    assert lying.status_code == 400


def test_gzip_and_zstd_bodies_are_accepted(
    client: TestClient, enroll: Callable[..., Device]
) -> None:
    device = enroll()
    for seq, (encoding, compress) in enumerate(
        [("gzip", gzip.compress), ("zstd", zstandard.ZstdCompressor().compress)], start=1
    ):
        body = compress(_json([op(seq)]))
        response = client.post(
            "/v1/push",
            content=body,
            headers={**device.headers, "Content-Encoding": encoding,
                     "Content-Type": "application/json"},
        )  # fmt: skip
        assert response.status_code == 200, response.text
        assert response.json()["results"][0]["status"] == "applied"


def test_zip_bombs_and_broken_compression_are_refused(
    small_client: TestClient, admin: Admin
) -> None:
    device = enroll_with(small_client, admin.code(admin.office()))
    bomb = b'{"operations": [' + b" " * (50 * 1024 * 1024) + b"]}"
    for encoding, compressed in [
        ("gzip", gzip.compress(bomb, 9)),
        ("zstd", zstandard.ZstdCompressor(level=19).compress(bomb)),
    ]:
        assert len(compressed) < 64 * 1024  # passes the first limit, not the second
        response = small_client.post(
            "/v1/push", content=compressed,
            headers={**device.headers, "Content-Encoding": encoding},
        )  # fmt: skip
        assert (response.status_code, response.json()["code"]) == (413, "body_too_large")
    for encoding, body, code in [
        ("gzip", b"\x1f\x8b\x08\x00broken", "bad_encoding"),
        ("zstd", b"\x28\xb5\x2f\xfdnonsense", "bad_encoding"),
        ("br", b"whatever", "unsupported_encoding"),
    ]:
        response = small_client.post(
            "/v1/push", content=body, headers={**device.headers, "Content-Encoding": encoding}
        )
        assert response.json()["code"] == code
        assert response.status_code in (400, 415)


def test_large_responses_are_gzipped(client: TestClient, enroll: Callable[..., Device]) -> None:
    device = enroll()
    client.post(
        "/v1/push", json={"operations": [op(s) for s in range(1, 60)]}, headers=device.headers
    )
    response = client.get("/v1/pull", headers={**device.headers, "Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert len(response.json()["records"]) == 59


def test_rate_limit_per_device_answers_429(db_url: str, admin: Admin) -> None:
    settings = settings_for(db_url, rate_limit_device_per_second=0.01, rate_limit_device_burst=3)
    with TestClient(create_app(settings), raise_server_exceptions=False) as limited:
        device = enroll_with(limited, admin.code(admin.office()))
        other = enroll_with(limited, admin.code(admin.office()))
        statuses = [limited.get("/v1/pull", headers=device.headers).status_code for _ in range(5)]
        assert statuses == [200, 200, 200, 429, 429]
        refused = limited.get("/v1/pull", headers=device.headers)
        assert refused.json()["code"] == "rate_limited"
        assert int(refused.headers["retry-after"]) >= 1
        assert limited.get("/v1/pull", headers=other.headers).status_code == 200


def test_rate_limit_per_address_for_enrollment(db_url: str, admin: Admin) -> None:
    settings = settings_for(db_url, rate_limit_ip_per_second=0.01, rate_limit_ip_burst=2)
    body = {"code": "AAAA-BBBB-CCCC", "device_name": "PC", "app_version": "0.1"}
    with TestClient(create_app(settings), raise_server_exceptions=False) as limited:
        statuses = [limited.post("/v1/enroll", json=body).status_code for _ in range(4)]
        assert statuses == [403, 403, 429, 429]
        assert limited.get("/healthz").status_code == 200  # health checks are never limited


def test_rate_limit_per_address_holds_whatever_headers_are_sent(
    db_url: str, admin: Admin
) -> None:
    """A made-up token per request once bought a fresh bucket each: enrollment, the dashboard
    login and token guessing all go by the address, whatever Authorization header they carry."""
    settings = settings_for(db_url, rate_limit_ip_per_second=0.01, rate_limit_ip_burst=2)
    enrollment = {"code": "AAAA-BBBB-CCCC", "device_name": "PC", "app_version": "0.1"}

    def forged() -> dict[str, str]:
        return {"Authorization": f"Bearer {uuid.uuid4()}"}

    calls: list[Callable[[TestClient], object]] = [
        lambda http: http.post("/v1/enroll", json=enrollment, headers=forged()),
        lambda http: http.post("/dashboard/anmelden", data={"name": "a", "password": "b"},
                               headers=forged()),
        lambda http: http.get("/v1/pull", headers=forged()),
        lambda http: http.get("/v1/nirgends", headers=forged()),
    ]
    for call in calls:
        with TestClient(create_app(settings), raise_server_exceptions=False) as limited:
            statuses = [call(limited).status_code for _ in range(4)]  # type: ignore[attr-defined]
            assert statuses[:2] != [429, 429] and statuses[2:] == [429, 429], statuses


def test_devices_behind_one_address_are_limited_per_device(db_url: str, admin: Admin) -> None:
    """A town hall's devices share one address: their own tokens count per device, and a
    valid token never spends the address's allowance."""
    settings = settings_for(db_url, rate_limit_ip_per_second=0.01, rate_limit_ip_burst=3)
    office = admin.office()
    with TestClient(create_app(settings), raise_server_exceptions=False) as limited:
        devices = [enroll_with(limited, admin.code(office)) for _ in range(2)]
        statuses = {limited.get("/v1/pull", headers=device.headers).status_code
                    for _ in range(5) for device in devices}
        assert statuses == {200}
        assert limited.get("/v1/pull", headers={"Authorization": "Bearer x"}).status_code == 401
        assert limited.post("/v1/enroll", json={"code": "AAAA-BBBB", "device_name": "PC",
                                                "app_version": "0.1"}).status_code == 429


def test_made_up_requests_from_the_same_address_do_not_stop_a_devices_sync(
    db_url: str, admin: Admin
) -> None:
    """Reproduced on main: made-up requests from behind a town hall's address emptied its
    bucket, and from then on its devices' syncs were refused with 429 as well."""
    settings = settings_for(db_url, rate_limit_ip_per_second=0.01, rate_limit_ip_burst=3)
    office = admin.office()
    with TestClient(create_app(settings), raise_server_exceptions=False) as limited:
        device = enroll_with(limited, admin.code(office))
        assert limited.get("/v1/pull", headers=device.headers).status_code == 200
        forged = [limited.get("/v1/pull", headers={"Authorization": f"Bearer {uuid.uuid4()}"})
                  .status_code for _ in range(4)]
        assert forged[-1] == 429
        assert limited.get("/v1/pull", headers=device.headers).status_code == 200
        assert limited.get("/v1/pull", headers={"Authorization": "Bearer x"}).status_code == 429


def test_access_log_is_json_without_payload_or_token(
    client: TestClient, enroll: Callable[..., Device], caplog: pytest.LogCaptureFixture
) -> None:
    device = enroll()
    operation = op(1, str(uuid.uuid4()))
    with caplog.at_level(logging.INFO, logger="kim_server.access"):
        client.post("/v1/push", json={"operations": [operation]}, headers=device.headers)
        client.get("/v1/pull?since=0", headers=device.headers)
    lines = [JsonFormatter().format(r) for r in caplog.records if r.name == "kim_server.access"]
    entries = [json.loads(line) for line in lines]
    assert [(e["route"], e["status"]) for e in entries] == [("/v1/push", 200), ("/v1/pull", 200)]
    assert all(e["device_id"] == device.device_id and e["request_id"] for e in entries)
    text = "\n".join(lines)
    for secret in (device.token, operation["ciphertext"], operation["record_id"]):
        assert secret not in text


def test_openapi_and_health(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    routes = {"/v1/enroll", "/v1/handshake", "/v1/push", "/v1/pull", "/v1/office/key-check",
              "/v1/report-facts", "/v1/structural-gaps", "/healthz"}  # fmt: skip
    assert routes <= set(schema["paths"])
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}

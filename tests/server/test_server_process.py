"""A real ``kim-server serve`` process: sync over HTTP and TLS, and kill -9 in mid-push."""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import ipaddress
import json
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pydantic import ValidationError
from sqlalchemy import create_engine, func, select, text

from sync_server.config import Settings
from sync_server.models import AppliedOperation, Office, SyncRecord
from tests.server.conftest import Admin, Device, Servers, ciphertext, enroll_with, op

HANDSHAKE = {"protocol_min": 1, "protocol_max": 1, "app_version": "0.1.0"}


def wait_until(predicate: Callable[[], bool], timeout: float = 20) -> None:
    """Polls like qtbot.waitUntil: returns as soon as ``predicate`` holds."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        pause.wait(0.02)


def test_sync_through_a_real_server(db_url: str, admin: Admin, servers: Servers) -> None:
    server = servers.start(db_url)
    office = admin.office()
    with httpx.Client(base_url=server.url, timeout=30) as http:
        assert http.get("/healthz").json()["status"] == "ok"
        assert "/v1/push" in http.get("/openapi.json").json()["paths"]
        anna = enroll_with(http, admin.code(office))
        ben = enroll_with(http, admin.code(office))
        assert http.post("/v1/handshake", json=HANDSHAKE, headers=anna.headers).status_code == 200
        body = gzip.compress(json.dumps({"operations": [op(s) for s in range(1, 101)]}).encode())
        pushed = http.post(
            "/v1/push", content=body,
            headers={**anna.headers, "Content-Encoding": "gzip",
                     "Content-Type": "application/json"},
        )  # fmt: skip
        assert [r["status"] for r in pushed.json()["results"]] == ["applied"] * 100
        pulled = http.get("/v1/pull?limit=1000", headers=ben.headers)
        assert pulled.headers.get("content-encoding") == "gzip"
        assert len(pulled.json()["records"]) == 100
    log = "".join(server.log)
    entries = [json.loads(line) for line in server.log if line.startswith("{")]
    assert any(e.get("route") == "/v1/push" and e.get("status") == 200 for e in entries)
    assert anna.token not in log and ben.token not in log


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    loopback = x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))])
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(loopback, critical=False)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    key_path, cert_path = folder / "key.pem", folder / "cert.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )  # fmt: skip
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def test_tls_with_uvicorns_own_options(tmp_path: Path, servers: Servers) -> None:
    url = f"sqlite:///{tmp_path / 'tls.db'}"
    key, cert = _self_signed(tmp_path)
    server = servers.start(url, extra=["--ssl-keyfile", str(key), "--ssl-certfile", str(cert)])
    assert server.url.startswith("https://")
    with httpx.Client(base_url=server.url, verify=ssl.create_default_context(cafile=cert)) as http:
        assert http.get("/healthz").status_code == 200
    with pytest.raises(httpx.ConnectError), httpx.Client(base_url=server.url) as untrusted:
        untrusted.get("/healthz")
    with pytest.raises(httpx.TransportError):
        httpx.get(server.url.replace("https", "http") + "/healthz")


# --- kill -9 in the middle of a push --------------------------------------------------------


def _batch(first_seq: int, size: int = 250, payload: int = 1500) -> list[dict]:
    return [op(seq, ciphertext=ciphertext(payload)) for seq in range(first_seq, first_seq + size)]


def _check_consistent(admin: Admin, office_id: str) -> int:
    """No half-written push: records, applied ops and the office sequence agree."""
    with admin.sessions() as session:
        records = session.scalar(select(func.count()).select_from(SyncRecord)) or 0
        applied = session.scalar(select(func.count()).select_from(AppliedOperation)) or 0
        seqs = session.scalars(select(SyncRecord.server_seq).order_by(SyncRecord.server_seq)).all()
        last_seq = session.scalar(select(Office.last_seq).where(Office.id == office_id))
    assert records == applied == last_seq == len(seqs)
    assert list(seqs) == list(range(1, records + 1))
    return records


def _retry(http: httpx.Client, device: Device, batches: list[list[dict]]) -> list[str]:
    statuses: list[str] = []
    for batch in batches:
        response = http.post("/v1/push", json={"operations": batch}, headers=device.headers)
        assert response.status_code == 200, response.text
        statuses += [r["status"] for r in response.json()["results"]]
    return statuses


def _assert_everything_once(http: httpx.Client, device: Device, batches: list[list[dict]]) -> None:
    pulled = http.get("/v1/pull?limit=1000", headers=device.headers).json()["records"]
    expected = {o["record_id"]: o["ciphertext"] for batch in batches for o in batch}
    assert len(pulled) == len(expected)
    assert {r["record_id"]: r["ciphertext"] for r in pulled} == expected


def test_kill_during_upload_then_retry(db_url: str, admin: Admin, servers: Servers) -> None:
    server = servers.start(db_url)
    office = admin.office()
    batches = [_batch(1), _batch(251)]
    with httpx.Client(base_url=server.url, timeout=30) as http:
        device = enroll_with(http, admin.code(office))
        assert _retry(http, device, batches[:1]) == ["applied"] * 250
        half_sent, killed = threading.Event(), threading.Event()
        body = json.dumps({"operations": batches[1]}).encode()

        def stalled_body() -> Iterator[bytes]:
            yield body[: len(body) // 2]
            half_sent.set()
            killed.wait(30)  # the server dies before the rest follows
            yield body[len(body) // 2 :]

        failures: list[Exception] = []

        def send() -> None:
            try:
                http.post("/v1/push", content=stalled_body(), headers=device.headers)
            except httpx.TransportError as error:
                failures.append(error)

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        assert half_sent.wait(20)
        server.kill()
        killed.set()
        sender.join(30)
        assert failures and not sender.is_alive()
    assert _check_consistent(admin, office) == 250
    server.start()
    with httpx.Client(base_url=server.url, timeout=30) as http:
        assert _retry(http, device, batches) == ["duplicate"] * 250 + ["applied"] * 250
        _assert_everything_once(http, device, batches)
    assert _check_consistent(admin, office) == 500


@pytest.mark.postgres
def test_kill_inside_the_push_transaction(pg_only_url: str, servers: Servers) -> None:
    """The office row is locked from outside, so the push waits inside its transaction, and is
    killed there: nothing of it may remain, and the retry applies it once."""
    admin = Admin(pg_only_url)
    server = servers.start(pg_only_url)
    office = admin.office()
    batches = [_batch(1, 100), _batch(101, 100)]
    blocker = create_engine(pg_only_url)
    with httpx.Client(base_url=server.url, timeout=60) as http:
        device = enroll_with(http, admin.code(office))
        _retry(http, device, batches[:1])
        with blocker.connect() as lock:
            lock.execute(text("SELECT 1 FROM offices WHERE id = :id FOR UPDATE"), {"id": office})

            def waiting_pushes() -> int:
                with blocker.connect() as probe:
                    return int(probe.scalar(text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND wait_event_type = 'Lock' AND query LIKE 'UPDATE offices%'"
                    )) or 0)  # fmt: skip

            def send() -> None:
                with contextlib.suppress(httpx.TransportError):
                    http.post("/v1/push", json={"operations": batches[1]}, headers=device.headers)

            sender = threading.Thread(target=send, daemon=True)
            sender.start()
            wait_until(lambda: waiting_pushes() == 1)
            server.kill()
            sender.join(30)
            lock.rollback()
        # the orphaned backend notices its client is gone and rolls back
        wait_until(
            lambda: blocker.connect().execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND state = 'idle in transaction'"
            )).scalar() == 0
        )  # fmt: skip
    assert _check_consistent(admin, office) == 100
    server.start()
    with httpx.Client(base_url=server.url, timeout=30) as http:
        assert _retry(http, device, batches) == ["duplicate"] * 100 + ["applied"] * 100
        assert _retry(http, device, batches) == ["duplicate"] * 200
        _assert_everything_once(http, device, batches)
    assert _check_consistent(admin, office) == 200
    blocker.dispose()
    admin.engine.dispose()


@pytest.mark.slow
def test_kill_at_varying_points_of_a_push_stream(
    db_url: str, admin: Admin, servers: Servers
) -> None:
    """Pushes run back to back; the server dies right as batch k goes out, for several k.
    Whatever the moment, a retry of every batch ends with each operation stored once."""
    office = admin.office()
    batches = [_batch(1 + 100 * n, 100, payload=300) for n in range(6)]
    server = servers.start(db_url)
    with httpx.Client(base_url=server.url, timeout=30) as http:
        device = enroll_with(http, admin.code(office))
    for kill_at in (1, 3, 5):
        sending = threading.Event()

        def stream(start: int = kill_at, sending: threading.Event = sending) -> None:
            with httpx.Client(base_url=server.url, timeout=30) as http:
                for index, batch in enumerate(batches):
                    if index == start:
                        sending.set()
                    try:
                        http.post("/v1/push", json={"operations": batch}, headers=device.headers)
                    except httpx.TransportError:
                        return

        pusher = threading.Thread(target=stream, daemon=True)
        pusher.start()
        assert sending.wait(60)
        server.kill()
        pusher.join(30)
        _check_consistent(admin, office)
        server.start()
    with httpx.Client(base_url=server.url, timeout=30) as http:
        statuses = _retry(http, device, batches)
        assert set(statuses) <= {"applied", "duplicate"} and len(statuses) == 600
        assert _retry(http, device, batches) == ["duplicate"] * 600
        _assert_everything_once(http, device, batches)
    assert _check_consistent(admin, office) == 600


def test_revocation_holds_on_the_next_request_to_any_worker(
    db_url: str, admin: Admin, servers: Servers
) -> None:
    """No worker caches a token: a device revoked between two requests on an open keep-alive
    connection, or on new connections to either worker, is refused at once."""
    server = servers.start(db_url, workers=2)
    office = admin.office()
    with httpx.Client(base_url=server.url, timeout=30) as http:
        device = enroll_with(http, admin.code(office))
        for seq in range(1, 4):
            pushed = http.post("/v1/push", json={"operations": [op(seq)]}, headers=device.headers)
            assert pushed.status_code == 200
            assert http.get("/v1/pull", headers=device.headers).status_code == 200
        admin.revoke(device.device_id)
        refused = http.post("/v1/push", json={"operations": [op(4)]}, headers=device.headers)
        assert (refused.status_code, refused.json()["code"]) == (403, "device_revoked")
    for _ in range(4):
        with httpx.Client(base_url=server.url, timeout=30) as fresh:
            pulled = fresh.get("/v1/pull", headers=device.headers)
            assert (pulled.status_code, pulled.json()["code"]) == (403, "device_revoked")


def test_idle_keep_alive_connections_close_after_the_configured_time(
    tmp_path: Path, servers: Servers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KIM_SERVER_KEEP_ALIVE_SECONDS", "1")
    server = servers.start(f"sqlite:///{tmp_path / 'server.db'}")
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: kim\r\n\r\n")
        answer = b""
        while b'"ok"}' not in answer:
            answer += connection.recv(4096)
        assert answer.startswith(b"HTTP/1.1 200")
        idle_from = time.monotonic()
        assert connection.recv(4096) == b""  # closed by the server, not by the timeout of 10 s
        assert 0.9 < time.monotonic() - idle_from < 5


def _answer_to_a_huge_header(port: int, size: int) -> bytes:
    """What the server says to a request with one header line of ``size`` bytes: its status
    line, or ``b""`` when it closes the connection before the whole head is sent."""
    head = b"GET /healthz HTTP/1.1\r\nHost: kim\r\nX-Pad: " + b"a" * size + b"\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            connection.sendall(head)
        answer = b""
        with contextlib.suppress(ConnectionResetError):
            while b"\r\n" not in answer and (chunk := connection.recv(4096)):
                answer += chunk
    return answer.split(b"\r\n")[0]


def test_a_huge_request_header_is_refused_and_the_server_keeps_serving(
    tmp_path: Path, servers: Servers
) -> None:
    """Uvicorn's httptools parser buffered a header of any size (150 MB in two connections kept
    /healthz unanswered for minutes); ``serve`` now refuses a head past 64 KiB at once."""
    server = servers.start(f"sqlite:///{tmp_path / 'server.db'}")
    started = time.monotonic()
    status = _answer_to_a_huge_header(server.port, 1024 * 1024)
    assert status in (b"", b"HTTP/1.1 400 Bad Request",
                      b"HTTP/1.1 431 Request Header Fields Too Large")
    assert time.monotonic() - started < 5
    assert _answer_to_a_huge_header(server.port, 8 * 1024) == b"HTTP/1.1 200 OK"
    with httpx.Client(base_url=server.url, timeout=5) as http:
        assert http.get("/healthz").json()["status"] == "ok"


# --- client addresses behind a reverse proxy ------------------------------------------------

#: Three requests per address, and none more during the test.
STRICT_ADDRESS_LIMIT = {"KIM_SERVER_RATE_LIMIT_IP_BURST": "3",
                        "KIM_SERVER_RATE_LIMIT_IP_PER_SECOND": "0.001"}


def _statuses(http: httpx.Client, forwarded_for: list[str]) -> list[int]:
    return [
        http.get("/openapi.json", headers={"X-Forwarded-For": value}).status_code
        for value in forwarded_for
    ]


def test_a_client_cannot_dodge_the_address_limit_by_a_made_up_forwarded_for(
    tmp_path: Path, servers: Servers
) -> None:
    server = servers.start(f"sqlite:///{tmp_path / 'server.db'}", env=STRICT_ADDRESS_LIMIT)
    with httpx.Client(base_url=server.url, timeout=30) as http:
        made_up = [f"198.51.100.{n}" for n in range(1, 7)]
        assert _statuses(http, made_up) == [200, 200, 200, 429, 429, 429]


def test_behind_a_trusted_proxy_the_limit_goes_by_the_real_client_address(
    tmp_path: Path, servers: Servers
) -> None:
    server = servers.start(
        f"sqlite:///{tmp_path / 'server.db'}",
        env={**STRICT_ADDRESS_LIMIT, "KIM_SERVER_TRUSTED_PROXIES": "127.0.0.0/8, ::1"},
    )
    with httpx.Client(base_url=server.url, timeout=30) as http:
        # The proxy appends the address it saw; what the client put before it does not count.
        anna = [f"203.0.113.{n}, 198.51.100.7" for n in range(1, 5)]
        assert _statuses(http, anna) == [200, 200, 200, 429]
        # Another client behind the same proxy has an allowance of its own.
        assert _statuses(http, ["198.51.100.8"]) == [200]


@pytest.mark.parametrize("value", ["*", "proxy.kreis.example", "127.0.0.1, 10.0.0.0/33"])
def test_trusted_proxies_are_addresses_or_networks_only(value: str) -> None:
    # "*" would let every client name its own address; a name would never match, silently.
    with pytest.raises(ValidationError, match="trusted_proxies"):
        Settings.from_env({"KIM_SERVER_TRUSTED_PROXIES": value})
    listed = Settings.from_env({"KIM_SERVER_TRUSTED_PROXIES": " 127.0.0.1 , ::1,10.1.2.0/24 "})
    assert listed.trusted_proxies == ("127.0.0.1", "::1", "10.1.2.0/24")
    assert Settings.from_env({}).trusted_proxies == ()

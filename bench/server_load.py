"""Server load: many enrolled devices pushing and pulling at once against ``kim-server serve``.

Sets up a fresh PostgreSQL database (dropped afterwards) with 1,000 enrolled devices in 100
offices, starts ``kim-server serve --workers 2`` on a free loopback port, and lets concurrent
clients cycle through the devices: each turn a device pushes five new records, then pulls its
office's changes from its cursor. Prints requests per second (target: 200 or better on 2
cores), latency percentiles, the CPU the server, PostgreSQL and this load generator spend per
request, and the CPU other processes took from the machine meanwhile. Exits non-zero on any
error response, transport error or unexpected push answer.

    .venv/bin/python bench/server_load.py [--devices 1000] [--concurrency 64] [--duration 20]

``run_server_load(...)`` returns the figures as a dict for ``bench/sync.py`` and raises
:class:`ServerLoadError` (which carries them) when a request failed.

**A cheap load generator.** The generator shares the server's cores, so every millisecond it
spends is missing from the server. All push bodies are prepared before the clock starts, as a
device sends them: real AES-GCM ciphertext under an office key, the JSON compressed with zstd
(``Content-Encoding: zstd``). Each client keeps one HTTP/1.1 connection alive and speaks it
through asyncio and httptools, the C parser Uvicorn itself uses: a request costs the generator
about 0.25 ms of CPU, 6 % of what the bench spends.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gzip
import json
import math
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httptools
import zstandard
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kim_desktop.sync.crypto import KEY_BYTES, seal_json  # noqa: E402
from kim_protocol import wire  # noqa: E402
from kim_protocol.payload import payload_json  # noqa: E402
from kim_protocol.wire import b64encode  # noqa: E402
from sync_server.db import make_engine, make_session_factory, transaction, upgrade  # noqa: E402
from sync_server.services import devices as device_services  # noqa: E402

PG_ADMIN_URL = os.environ.get(
    "KIM_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
#: Push bodies are prepared for this many requests per second at most; a faster server runs
#: out of them and the bench says so.
MAX_RATE = 1500
PULL_LIMIT = 200


class ServerLoadError(RuntimeError):
    """A request failed during the load; ``figures`` holds what was measured."""

    def __init__(self, figures: dict[str, Any]) -> None:
        super().__init__(f"Serverlast: {figures['errors']} Fehler {figures['error_kinds']}")
        self.figures = figures


@dataclass
class BenchDevice:
    token: str
    office_id: str
    office_key: bytes
    #: Complete HTTP requests, sent in order: one per turn.
    pushes: list[bytes] = field(default_factory=list)
    seq: int = 0
    cursor: int = 0


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    pushed_ops: int = 0
    pulled_records: int = 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _enroll_devices(url: str, count: int, per_office: int) -> list[BenchDevice]:
    engine = make_engine(url, pool_size=2)
    sessions = make_session_factory(engine)
    result: list[BenchDevice] = []
    with transaction(sessions) as session:
        office_id, office_key = "", b""
        for index in range(count):
            if index % per_office == 0:
                office_id = device_services.create_office(
                    session,
                    name=f"Bench-Büro {index // per_office}",
                    municipalities=["Minden"],
                    actor="bench",
                ).id
                office_key = secrets.token_bytes(KEY_BYTES)
            code = device_services.issue_enrollment_code(
                session, office_id=office_id, ttl=dt.timedelta(hours=1), actor="bench"
            ).code
            enrolled = device_services.enroll(
                session, code=code, device_name=f"PC {index}", app_version="bench"
            )
            result.append(BenchDevice(enrolled.token, office_id, office_key))
    engine.dispose()
    return result


_zstd = zstandard.ZstdCompressor(level=3)


def _push_request(host: str, device: BenchDevice, ops_per_push: int) -> bytes:
    """One push as the desktop sends it: new consultations, sealed, the JSON zstd-compressed."""
    operations = []
    for _ in range(ops_per_push):
        device.seq += 1
        record_id = str(uuid.uuid4())
        payload = {
            "id": record_id, "client_id": str(uuid.uuid4()), "date": "2026-03-14",
            "minutes": 45, "topic": "wohnen", "deleted_at": None,
            "note": "Synthetische Notiz: Termin bei der Ausländerbehörde vorbereitet.",
        }  # fmt: skip
        sealed = seal_json(device.office_key, office_id=device.office_id, kind="consultation",
                           record_id=record_id, version=1, text=payload_json(payload))  # fmt: skip
        operations.append(
            wire.PushOperation(
                seq=device.seq, kind="consultation", record_id=record_id, base_version=0,
                ciphertext=b64encode(sealed),
            )
        )  # fmt: skip
    body = _zstd.compress(
        wire.PushRequest(operations=operations).model_dump_json(exclude_defaults=True).encode()
    )
    return (
        f"POST /v1/push HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {device.token}\r\n"
        "Content-Type: application/json\r\nContent-Encoding: zstd\r\nAccept-Encoding: gzip\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def _pull_request(host: str, device: BenchDevice) -> bytes:
    return (
        f"GET /v1/pull?since={device.cursor}&limit={PULL_LIMIT} HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: Bearer {device.token}\r\nAccept-Encoding: gzip\r\n\r\n"
    ).encode()


class _Connection(asyncio.Protocol):
    """One keep-alive HTTP/1.1 connection, one request at a time; httptools parses the
    answers. Any transport or protocol failure raises ``ConnectionError``."""

    def __init__(self) -> None:
        self.parser = httptools.HttpResponseParser(self)
        self.transport: asyncio.Transport | None = None
        self.waiter: asyncio.Future[tuple[int, bytes]] | None = None
        self.body: list[bytes] = []
        self.gzipped = False

    @classmethod
    async def open(cls, host: str, port: int) -> _Connection:
        loop = asyncio.get_running_loop()
        _transport, connection = await loop.create_connection(cls, host, port)
        return connection

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as error:
            self._fail(ConnectionError(f"unlesbare Antwort: {error}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        self._fail(ConnectionResetError("vom Server geschlossen") if exc is None else exc)

    def on_header(self, name: bytes, value: bytes) -> None:
        if name.lower() == b"content-encoding":
            self.gzipped = value.strip().lower() == b"gzip"

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        body = b"".join(self.body)
        if self.gzipped:
            body = gzip.decompress(body)
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result((self.parser.get_status_code(), body))
        if not self.parser.should_keep_alive() and self.transport is not None:
            self.transport.close()

    def _fail(self, error: Exception) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(error)

    @property
    def usable(self) -> bool:
        return self.transport is not None and not self.transport.is_closing()

    async def request(self, data: bytes) -> tuple[int, bytes]:
        if not self.usable:
            raise ConnectionResetError("Verbindung geschlossen")
        assert self.transport is not None
        self.waiter = asyncio.get_running_loop().create_future()
        self.body, self.gzipped = [], False
        self.transport.write(data)
        return await self.waiter

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()


async def _client(
    host: str, port: int, devices: list[BenchDevice], stats: Stats, stop_at: float,
    measure_from: float,
) -> None:  # fmt: skip
    connection: _Connection | None = None
    turn = 0
    while time.perf_counter() < stop_at:
        device = devices[turn % len(devices)]
        turn += 1
        if not device.pushes:
            raise RuntimeError("Vorbereitete Push-Anfragen aufgebraucht: MAX_RATE erhöhen")
        for kind in ("push", "pull"):
            started = time.perf_counter()
            try:
                if connection is None or not connection.usable:
                    connection = await _Connection.open(host, port)
                request = device.pushes.pop() if kind == "push" else _pull_request(host, device)
                status, body = await connection.request(request)
            except OSError as failure:  # ConnectionError included
                if started >= measure_from:
                    stats.errors[f"{kind}: {type(failure).__name__}"] += 1
                connection = None
                continue
            finished = time.perf_counter()
            if status != 200:
                if started >= measure_from:
                    stats.errors[f"{kind}: HTTP {status}"] += 1
                continue
            answer = json.loads(body)
            if kind == "push":
                unexpected = [r["status"] for r in answer["results"] if r["status"] != "applied"]
                if started >= measure_from:
                    stats.pushed_ops += len(answer["results"]) - len(unexpected)
                    stats.errors.update(f"push: {status}" for status in unexpected)
            else:
                device.cursor = answer["next_cursor"]
                if started >= measure_from:
                    stats.pulled_records += len(answer["records"])
            if started >= measure_from:
                stats.latencies.append(finished - started)
    if connection is not None:
        connection.close()


TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time of these processes so far (Linux /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def _machine_busy_seconds() -> float:
    """CPU seconds all cores spent on anything but idle and I/O wait (Linux /proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return (sum(values) - values[3] - values[4]) / TICKS


def _server_pids(root: int) -> list[int]:
    """The server process and its workers."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, queue = [], [root]
    while queue:
        pid = queue.pop()
        found.append(pid)
        queue += children.get(pid, [])
    return found


def _backend_pids(url: str) -> list[int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        pids = connection.scalars(
            text("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                 "AND pid <> pg_backend_pid()")
        ).all()  # fmt: skip
    engine.dispose()
    return list(pids)


class _CpuWindow:
    """CPU seconds in the measured window: the server's processes, its PostgreSQL backends,
    this load generator, and everything else on the machine."""

    def __init__(self, server_pid: int, url: str) -> None:
        self.server_pid, self.url = server_pid, url
        self.server = self.database = self.generator = self.machine = 0.0

    def _read(self) -> tuple[float, float, float, float]:
        return (
            _cpu_seconds(_server_pids(self.server_pid)),
            _cpu_seconds(_backend_pids(self.url)),
            time.process_time(),
            _machine_busy_seconds(),
        )

    def start(self) -> None:
        self.server, self.database, self.generator, self.machine = (-v for v in self._read())

    def stop(self) -> None:
        server, database, generator, machine = self._read()
        self.server += server
        self.database += database
        self.generator += generator
        self.machine += machine

    @property
    def others(self) -> float:
        return max(0.0, self.machine - self.server - self.database - self.generator)


def _start_server(url: str, port: int, workers: int) -> subprocess.Popen[str]:
    env = dict(os.environ)
    # The bench's devices sync far more often than real ones: lift the rate limits.
    env.update(
        KIM_SERVER_RATE_LIMIT_DEVICE_PER_SECOND="100000",
        KIM_SERVER_RATE_LIMIT_DEVICE_BURST="100000",
        KIM_SERVER_RATE_LIMIT_IP_PER_SECOND="100000",
        KIM_SERVER_RATE_LIMIT_IP_BURST="100000",
    )  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "sync_server", "--db", url, "serve", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(workers)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    ready = threading.Event()

    def drain() -> None:
        started, bound = 0, False
        assert process.stderr is not None
        for line in process.stderr:
            started += "Application startup complete" in line
            bound = bound or "Uvicorn running on" in line
            if bound and started >= workers:
                ready.set()
        ready.set()

    threading.Thread(target=drain, daemon=True).start()
    if not ready.wait(60) or process.poll() is not None:
        _stop_server(process)
        raise RuntimeError("kim-server serve did not start")
    return process


def _stop_server(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)


async def _load(
    port: int, devices: list[BenchDevice], concurrency: int, duration: float, warmup: float,
    cpu: _CpuWindow,
) -> tuple[Stats, float]:  # fmt: skip
    stats = Stats()
    start = time.perf_counter()
    measure_from, stop_at = start + warmup, start + warmup + duration

    async def window() -> None:
        await asyncio.sleep(warmup)
        cpu.start()
        await asyncio.sleep(duration)
        cpu.stop()

    shares = [devices[i::concurrency] for i in range(concurrency)]
    await asyncio.gather(
        window(),
        *(_client("127.0.0.1", port, share, stats, stop_at, measure_from) for share in shares),
    )
    return stats, time.perf_counter() - measure_from


def run_server_load(
    *, devices: int = 1000, per_office: int = 10, concurrency: int = 64, duration: float = 20.0,
    warmup: float = 3.0, workers: int = 2, ops_per_push: int = 5, pg_admin_url: str = PG_ADMIN_URL,
) -> dict[str, Any]:  # fmt: skip
    """Runs the load and returns the figures; raises :class:`ServerLoadError` on any error."""
    name = f"kim_server_bench_{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    server: subprocess.Popen[str] | None = None
    try:
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        enrolled = _enroll_devices(url, devices, per_office)
        port = _free_port()
        host = f"127.0.0.1:{port}"
        turns = math.ceil(MAX_RATE / 2 * (warmup + duration) / devices)
        for device in enrolled:
            device.pushes = [_push_request(host, device, ops_per_push) for _ in range(turns)]
            device.pushes.reverse()  # popped from the end: lowest sequence numbers first
        server = _start_server(url, port, workers)
        cpu = _CpuWindow(server.pid, url)
        stats, elapsed = asyncio.run(_load(port, enrolled, concurrency, duration, warmup, cpu))
    finally:
        if server is not None:
            _stop_server(server)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    requests = len(stats.latencies)
    quantiles = statistics.quantiles(stats.latencies, n=100) if requests > 1 else [0.0] * 99
    per_request = 1000 / max(1, requests)
    figures = {
        "devices": devices,
        "offices": (devices + per_office - 1) // per_office,
        "concurrency": concurrency,
        "workers": workers,
        "duration_s": round(elapsed, 2),
        "requests": requests,
        "errors": sum(stats.errors.values()),
        "error_kinds": dict(stats.errors),
        "requests_per_s": round(requests / elapsed, 1),
        "p50_ms": round(quantiles[49] * 1000, 1),
        "p95_ms": round(quantiles[94] * 1000, 1),
        "p99_ms": round(quantiles[98] * 1000, 1),
        "server_cpu_ms_per_request": round(cpu.server * per_request, 2),
        "postgres_cpu_ms_per_request": round(cpu.database * per_request, 2),
        "generator_cpu_ms_per_request": round(cpu.generator * per_request, 2),
        # The generator's part of the CPU the whole bench (server, database, generator) used.
        "generator_cpu_share": round(
            cpu.generator / max(1e-9, cpu.server + cpu.database + cpu.generator), 3
        ),
        # Cores other processes on the machine kept busy meanwhile (0 on an idle machine).
        "other_load_cores": round(cpu.others / elapsed, 2),
        "pushed_ops": stats.pushed_ops,
        "pulled_records": stats.pulled_records,
    }
    if stats.errors:
        raise ServerLoadError(figures)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    failed = None
    try:
        figures = run_server_load(
            devices=args.devices, concurrency=args.concurrency, duration=args.duration,
            workers=args.workers,
        )  # fmt: skip
    except ServerLoadError as error:
        failed, figures = error, error.figures
    for key, value in figures.items():
        print(f"{key:>28}: {value}")
    reached = figures["requests_per_s"] >= 200 and failed is None
    print(f"Ziel >= 200 Anfragen/s auf PostgreSQL mit {args.workers} Workern: "
          f"{'erreicht' if reached else 'VERFEHLT'}")  # fmt: skip
    if failed is not None:
        print(f"FEHLER: {failed}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()

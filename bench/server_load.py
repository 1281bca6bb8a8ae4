"""Server load: many enrolled devices pushing and pulling at once against ``kim-server serve``.

Sets up a fresh PostgreSQL database (dropped afterwards) with 1,000 enrolled devices in 100
offices, starts ``kim-server serve --workers 2`` on a free loopback port, and lets a pool of
concurrent clients cycle through the devices: each turn a device pushes a small batch of new
records, then pulls its office's changes from its cursor. Prints requests per second (target:
200 or better on 2 cores) and latency percentiles.

    .venv/bin/python bench/server_load.py [--devices 1000] [--concurrency 64] [--duration 20]

``run_server_load(...)`` returns the figures as a dict for ``bench/sync.py``. The load generator
runs on the same machine and takes its share of the CPU.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import datetime as dt
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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sync_server.db import make_engine, make_session_factory, transaction, upgrade  # noqa: E402
from sync_server.services import devices as device_services  # noqa: E402

PG_ADMIN_URL = os.environ.get(
    "KIM_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@dataclass
class BenchDevice:
    token: str
    seq: int = 0
    cursor: int = 0


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
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
        office_id = ""
        for index in range(count):
            if index % per_office == 0:
                office_id = device_services.create_office(
                    session,
                    name=f"Bench-Büro {index // per_office}",
                    municipality="Minden",
                    actor="bench",
                ).id
            code = device_services.issue_enrollment_code(
                session, office_id=office_id, ttl=dt.timedelta(hours=1), actor="bench"
            ).code
            enrolled = device_services.enroll(
                session, code=code, device_name=f"PC {index}", app_version="bench"
            )
            result.append(BenchDevice(token=enrolled.token))
    engine.dispose()
    return result


def _start_server(url: str, port: int, workers: int) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env.update(
        KIM_SERVER_RATE_LIMIT_DEVICE_PER_SECOND="100000",
        KIM_SERVER_RATE_LIMIT_DEVICE_BURST="100000",
        KIM_SERVER_RATE_LIMIT_IP_PER_SECOND="100000",
        KIM_SERVER_RATE_LIMIT_IP_BURST="100000",
        KIM_SERVER_DB_POOL_SIZE="20",
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
        raise RuntimeError("kim-server serve did not start")
    return process


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


def _ops(device: BenchDevice, count: int) -> list[dict[str, Any]]:
    ops = []
    for _ in range(count):
        device.seq += 1
        ciphertext = base64.urlsafe_b64encode(secrets.token_bytes(180)).rstrip(b"=").decode()
        ops.append({"seq": device.seq, "kind": "consultation", "record_id": str(uuid.uuid4()),
                    "base_version": 0, "ciphertext": ciphertext})  # fmt: skip
    return ops


async def _client(
    http: httpx.AsyncClient, devices: list[BenchDevice], stats: Stats, stop_at: float,
    measure_from: float, ops_per_push: int,
) -> None:  # fmt: skip
    turn = 0
    while time.perf_counter() < stop_at:
        device = devices[turn % len(devices)]
        turn += 1
        headers = {"Authorization": f"Bearer {device.token}"}
        for kind in ("push", "pull"):
            started = time.perf_counter()
            try:
                if kind == "push":
                    response = await http.post(
                        "/v1/push", json={"operations": _ops(device, ops_per_push)}, headers=headers
                    )
                else:
                    response = await http.get(
                        "/v1/pull", params={"since": device.cursor, "limit": 200}, headers=headers
                    )
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            finished = time.perf_counter()
            if started < measure_from:
                continue
            if not ok:
                stats.errors += 1
                continue
            stats.latencies.append(finished - started)
            body = response.json()
            if kind == "push":
                stats.pushed_ops += len(body["results"])
            else:
                device.cursor = body["next_cursor"]
                stats.pulled_records += len(body["records"])


class _CpuWindow:
    """CPU seconds the server's processes and its PostgreSQL backends spend in the window: a
    figure the other load on a shared machine does not distort."""

    def __init__(self, server_pid: int, url: str) -> None:
        self.server_pid, self.url = server_pid, url
        self.server = self.database = 0.0

    def start(self) -> None:
        self.server = -_cpu_seconds(_server_pids(self.server_pid))
        self.database = -_cpu_seconds(_backend_pids(self.url))

    def stop(self) -> None:
        self.server += _cpu_seconds(_server_pids(self.server_pid))
        self.database += _cpu_seconds(_backend_pids(self.url))


async def _load(
    url: str, devices: list[BenchDevice], concurrency: int, duration: float, warmup: float,
    ops_per_push: int, cpu: _CpuWindow,
) -> tuple[Stats, float]:  # fmt: skip
    stats = Stats()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as http:
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
            *(_client(http, share, stats, stop_at, measure_from, ops_per_push) for share in shares),
        )
        elapsed = time.perf_counter() - measure_from
    return stats, elapsed


def run_server_load(
    *, devices: int = 1000, per_office: int = 10, concurrency: int = 64, duration: float = 20.0,
    warmup: float = 3.0, workers: int = 2, ops_per_push: int = 5, pg_admin_url: str = PG_ADMIN_URL,
) -> dict[str, Any]:  # fmt: skip
    """Runs the load and returns requests/s, latency percentiles and counts."""
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
        server = _start_server(url, port, workers)
        cpu = _CpuWindow(server.pid, url)
        stats, elapsed = asyncio.run(
            _load(f"http://127.0.0.1:{port}", enrolled, concurrency, duration, warmup,
                  ops_per_push, cpu)
        )  # fmt: skip
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(30)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    latencies = sorted(stats.latencies)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "devices": devices,
        "offices": (devices + per_office - 1) // per_office,
        "concurrency": concurrency,
        "workers": workers,
        "duration_s": round(elapsed, 2),
        "requests": len(latencies),
        "errors": stats.errors,
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(quantiles[49] * 1000, 1),
        "p95_ms": round(quantiles[94] * 1000, 1),
        "p99_ms": round(quantiles[98] * 1000, 1),
        "server_cpu_ms_per_request": round(cpu.server * 1000 / max(1, len(latencies)), 2),
        "postgres_cpu_ms_per_request": round(cpu.database * 1000 / max(1, len(latencies)), 2),
        # What 2 cores could serve if server and database had them to themselves.
        "requests_per_s_on_2_idle_cores": round(
            2 * len(latencies) / max(1e-9, cpu.server + cpu.database), 1
        ),
        "pushed_ops": stats.pushed_ops,
        "pulled_records": stats.pulled_records,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    figures = run_server_load(
        devices=args.devices, concurrency=args.concurrency, duration=args.duration,
        workers=args.workers,
    )  # fmt: skip
    for key, value in figures.items():
        print(f"{key:>16}: {value}")
    verdict = (
        "erreicht" if figures["requests_per_s"] >= 200 and not figures["errors"] else "VERFEHLT"
    )
    print(f"Ziel >= 200 Anfragen/s auf PostgreSQL mit {args.workers} Workern: {verdict}")


if __name__ == "__main__":
    main()

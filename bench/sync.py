"""Sync figures over loopback against a real ``kim-server serve``.

    .venv/bin/python bench/sync.py [--records 100000] [--small 1000] [--server-db sqlite|URL]

Prints:
* the first sync of ``--records`` consultations: push from one device, pull into another,
  in records per second (target: 5,000 or better);
* an incremental sync of one change in an office of ``--records`` records vs one of
  ``--small`` records (median of 5; target ratio: 1.5 or less);
* wire bytes per change (HTTP request and response, headers included, counted by a relay on
  the socket) vs the change's payload as sealed, compressed and padded (target: 1.3 or less),
  for push and pull, and what the padding itself adds (target: 25 % or less);
* the server load figure of ``bench/server_load.py`` when that module is present.

Devices are real SQLCipher databases migrated like a vault. Figures depend on the machine's
load; say so when you quote them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import requests
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kim_desktop.core import migrate  # noqa: E402
from kim_desktop.core.models import Consultation  # noqa: E402
from kim_desktop.core.storage import create_vault_engine  # noqa: E402
from kim_desktop.core.stored_secrets import SecretBox  # noqa: E402
from kim_desktop.sync.client import SyncClient  # noqa: E402
from kim_desktop.sync.crypto import encode_payload, padded_plaintext  # noqa: E402
from kim_desktop.sync.enroll import enroll  # noqa: E402
from kim_desktop.sync.payloads import payload_of  # noqa: E402
from kim_protocol.payload import payload_json  # noqa: E402

WORDS = (
    "B", "e", "r", "a", "t", "u", "n", "g", "T", "e", "r", "m", "i", "n", "J", "o", "b", "c", "e",
    "n", "t", "e", "r", "S", "p", "r", "a", "c", "h", "k", "u", "r", "s", "W", "o", "h", "n", "u",
    "n", "g", "A", "n", "e", "r", "k", "e", "n", "n", "u", "n", "g", "Z", "e", "u", "g", "n", "i",
    "s", "K", "i", "t", "a", "S", "c", "h", "u", "l", "e", "A", "n", "t", "r", "a", "g", "A", "u",
    "f", "e", "n", "t", "h", "a", "l", "t", "V", "e", "r", "l", "ä", "n", "g", "e", "r", "u", "n",
    "g", "A", "u", "s", "l", "ä", "n", "d", "e", "r", "b", "e", "h", "ö", "r", "d", "e", "I", "n",
    "t", "e", "g", "r", "a", "t", "i", "o", "n", "s", "k", "u", "r", "s", "A", "r", "b", "e", "i",
    "t", "P", "r", "a", "k", "t", "i", "k", "u", "m", "B", "e", "w", "e", "r", "b", "u", "n", "g",
    "F", "a", "m", "i", "l", "i", "e", "G", "e", "s", "u", "n", "d", "h", "e", "i", "t", "A", "r",
    "z", "t", "D", "o", "l", "m", "e", "t", "s", "c", "h", "u", "n", "g", "U", "n", "t", "e", "r",
    "l", "a", "g", "e", "n", "N", "a", "c", "h", "w", "e", "i", "s", "E", "i", "n", "k", "o", "m",
    "m", "e", "n", "M", "i", "e", "t", "e", "V", "e", "r", "m", "i", "e", "t", "e", "r", "v", "e",
    "r", "e", "i", "n", "b", "a", "r", "t", "b", "e", "s", "p", "r", "o", "c", "h", "e", "n", "e",
    "r", "l", "e", "d", "i", "g", "t", "o", "f", "f", "e", "n", "n", "a", "c", "h", "g", "e", "r",
    "e", "i", "c", "h", "t", "b", "e", "g", "l", "e", "i", "t", "e", "t", "g", "e", "k", "l", "ä",
    "r", "t",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux), to see cost apart from load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class CpuClock:
    """CPU seconds of this process and the server between two readings."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.reset()

    def reset(self) -> None:
        self.client, self.server = time.process_time(), cpu_seconds(self.server_pid)

    def take(self) -> tuple[float, float]:
        client, server = time.process_time(), cpu_seconds(self.server_pid)
        spent = (client - self.client, server - self.server)
        self.client, self.server = client, server
        return spent


SERVER_PIDS: dict[str, int] = {}


@contextmanager
def kim_server(db_url: str) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "KIM_SERVER_RATE_LIMIT_DEVICE_PER_SECOND": "100000",
           "KIM_SERVER_RATE_LIMIT_DEVICE_BURST": "100000",
           "KIM_SERVER_RATE_LIMIT_IP_PER_SECOND": "100000",
           "KIM_SERVER_RATE_LIMIT_IP_BURST": "100000", "KIM_SERVER_LOG_LEVEL": "WARNING"}
    process = subprocess.Popen(
        [sys.executable, "-m", "sync_server", "--db", db_url, "serve", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    SERVER_PIDS[url] = process.pid
    try:
        for _ in range(600):
            try:
                if requests.get(f"{url}/healthz", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(30)


def admin(db_url: str, *args: str) -> dict[str, str]:
    out = subprocess.run([sys.executable, "-m", "sync_server", "--db", db_url, *args, "--json"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return dict(json.loads(out))


class Device:
    def __init__(self, folder: Path, name: str, server: str, db_url: str, office_id: str,
                 recovery_key: str | None) -> None:
        key = bytearray(secrets.token_bytes(32))
        self.engine = create_vault_engine(str(folder / f"{name}.db"), key)
        self.secrets = SecretBox(key)
        with self.engine.begin() as connection:
            migrate.upgrade(connection)
        code = admin(db_url, "device", "code", "--office", office_id)["code"]
        with self.session() as session:
            self.enrollment = enroll(session, server_url=server, code=code,
                                     office_recovery_key=recovery_key, device_name=name)
        self.client = SyncClient(self.session)

    def session(self) -> Session:
        return Session(self.engine, info={"user": "bench", "secrets": self.secrets},
                       expire_on_commit=False)

    def url(self, server: str) -> None:
        from sqlalchemy import update

        from kim_desktop.sync.state import SyncState

        with self.session() as session:
            session.execute(update(SyncState).values(server_url=server))
            session.commit()


def note(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(12, 40))) + "."


def add_consultations(device: Device, count: int, seed: int) -> None:
    rng = random.Random(seed)
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    clients = [f"{rng.getrandbits(128):032x}" for _ in range(max(1, count // 10))]
    for offset in range(0, count, 5000):
        with device.session() as session:
            session.add_all(Consultation(
                client_id=f"{(c := rng.choice(clients))[:8]}-{c[8:12]}-4{c[13:16]}-8{c[17:20]}-"
                          f"{c[20:32]}",
                held_at=start + dt.timedelta(minutes=rng.randrange(600_000)),
                duration_minutes=rng.choice([15, 30, 45, 60, 90]),
                mode_code=rng.choice(["in_person", "phone", "video", "home_visit"]),
                interpreter_used=rng.random() < 0.3,
                fields_of_action=rng.sample(["work", "housing", "language", "health", "education"],
                                            2),
                notes=note(rng),
            ) for _ in range(min(5000, count - offset)))
            session.commit()


class CountingRelay:
    """Forwards one loopback port to another and counts every byte in both directions."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.up = self.down = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            threading.Thread(target=self._pipe, args=(client, upstream, "up"), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, "down"),
                             daemon=True).start()

    def _pipe(self, source: socket.socket, target: socket.socket, direction: str) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                target.close()
                return
            with self.lock:
                setattr(self, direction, getattr(self, direction) + len(data))
            target.sendall(data)

    def take(self) -> int:
        with self.lock:
            total, self.up, self.down = self.up + self.down, 0, 0
        return total

    def close(self) -> None:
        self.listener.close()


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def incremental(devices: list[Device], rounds: int = 9) -> list[float]:
    """Median time per device of a sync that pushes one changed record; the devices take turns,
    so a change in the machine's load hits all of them alike."""
    record_ids = []
    for device in devices:
        with device.session() as session:
            record = session.query(Consultation).first()
            assert record is not None
            record_ids.append(record.id)
    times: list[list[float]] = [[] for _ in devices]
    for round_ in range(rounds):
        for device, record_id, spent in zip(devices, record_ids, times, strict=True):
            with device.session() as session:
                row = session.get(Consultation, record_id)
                assert row is not None
                row.duration_minutes = 20 + round_
                session.commit()
            spent.append(timed(device.client.run))
    return [statistics.median(spent) for spent in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--server-db", default="sqlite",
                        help="sqlite (a temporary file) or a PostgreSQL URL")
    parser.add_argument("--server-load-only", action="store_true",
                        help="nur die Serverlast messen (bench/server_load.py)")
    args = parser.parse_args()
    if not args.server_load_only:
        sync_figures(args)
    server_load()


def sync_figures(args: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="kim-bench-sync-"))
    db_url = f"sqlite:///{folder / 'server.db'}" if args.server_db == "sqlite" else args.server_db
    print(f"Server-Datenbank: {db_url.split('@')[-1]}; Geräte: SQLCipher; {args.records:,} "
          f"Datensätze")
    with kim_server(db_url) as server:
        big = admin(db_url, "office", "add", "--name", "Bench groß", "--municipality", "Minden")
        a = Device(folder, "a", server, db_url, big["office_id"], None)
        key = a.enrollment.office_recovery_key
        b = Device(folder, "b", server, db_url, big["office_id"], key)
        add_consultations(a, args.records, seed=1)
        cpu = CpuClock(SERVER_PIDS[server])
        push_seconds, push_cpu = [0.0], [(0.0, 0.0)]
        started = time.perf_counter()

        def push_done(step: object) -> None:
            if getattr(step, "phase", "") == "push":
                push_seconds[0] = time.perf_counter() - started
                push_cpu[0] = (time.process_time() - cpu.client,
                               cpu_seconds(cpu.server_pid) - cpu.server)

        a.client.run(progress=push_done)
        first_total = time.perf_counter() - started
        cpu.reset()
        pull_seconds = timed(b.client.run)
        pull_cpu = cpu.take()
        per = 1e6 / args.records
        print(f"Erste Synchronisation, Senden:     {args.records / push_seconds[0]:8,.0f} "
              f"Datensätze/s ({push_seconds[0]:.1f} s; Lauf mit Echo-Abgleich {first_total:.1f} s)"
              f"; CPU je Datensatz: Gerät {push_cpu[0][0] * per:.0f} µs, Server "
              f"{push_cpu[0][1] * per:.0f} µs")
        print(f"Erste Synchronisation, Empfangen:  {args.records / pull_seconds:8,.0f} "
              f"Datensätze/s ({pull_seconds:.1f} s); CPU je Datensatz: Gerät "
              f"{pull_cpu[0] * per:.0f} µs, Server {pull_cpu[1] * per:.0f} µs")
        # Device and server work in parallel (the next group is prepared while one travels),
        # so on two otherwise idle cores the busier of the two sets the pace.
        print(f"  aus der CPU-Zeit, auf zwei freien Kernen: Senden ≈ "
              f"{1e6 / (max(push_cpu[0]) * per):,.0f}, Empfangen ≈ "
              f"{1e6 / (max(pull_cpu) * per):,.0f} Datensätze/s; Last beim Messen: "
              f"{os.getloadavg()[0]:.1f}")
        # The target (≥ 5,000/s) is per device's first sync: the first device's whole run
        # (push and the echo of its own records), and a later device's pull.
        print(f"Erste Synchronisation je Gerät:    erstes Gerät (mit Echo) "
              f"{args.records / first_total:,.0f}, weiteres Gerät "
              f"{args.records / pull_seconds:,.0f} Datensätze/s (Ziel ≥ 5.000); Senden und "
              f"Empfangen nacheinander zusammen: "
              f"{args.records / (push_seconds[0] + pull_seconds):,.0f} Datensätze/s")

        small_office = admin(db_url, "office", "add", "--name", "Bench klein",
                             "--municipality", "Rahden")
        s = Device(folder, "s", server, db_url, small_office["office_id"], None)
        add_consultations(s, args.small, seed=2)
        s.client.run()
        after_big, after_small = incremental([a, s])
        print(f"Inkrementell, 1 Änderung: {after_big * 1000:.1f} ms nach {args.records:,}, "
              f"{after_small * 1000:.1f} ms nach {args.small:,}; Verhältnis "
              f"{after_big / after_small:.2f} (Ziel ≤ 1,5)")

        wire_office = admin(db_url, "office", "add", "--name", "Bench Leitung",
                            "--municipality", "Hille")
        relay = CountingRelay(int(server.rsplit(":", 1)[1]))
        c = Device(folder, "c", server, db_url, wire_office["office_id"], None)
        d = Device(folder, "d", server, db_url, wire_office["office_id"],
                   c.enrollment.office_recovery_key)
        c.client.run()
        d.client.run()
        c.url(relay.url)
        d.url(relay.url)
        changes = 1000
        add_consultations(c, changes, seed=3)
        with c.session() as session:
            rows = [payload_of(row) for row in session.query(Consultation)]
        compressed = statistics.mean(len(encode_payload(payload)) for payload in rows)
        # What is sealed: padded to a size bucket, so a note's length does not show.
        padded = statistics.mean(len(padded_plaintext(payload_json(payload)))
                                 for payload in rows)
        relay.take()
        pushed = [0]

        def count_push(step: object) -> None:
            if getattr(step, "phase", "") == "push":
                pushed[0] = relay.up + relay.down

        c.client.run(progress=count_push)
        echo_bytes = (relay.take() - pushed[0]) / changes
        push_bytes = pushed[0] / changes
        d.client.run()
        pull_bytes = relay.take() / changes
        relay.close()
        print(f"Bytes je Änderung: komprimierte Nutzlast {compressed:.0f} B, aufgefüllt "
              f"{padded:.0f} B (Auffüllung {padded / compressed - 1:.1%}, Ziel ≤ 25 %); Senden "
              f"{push_bytes:.0f} B (Faktor {push_bytes / padded:.2f}), Empfangen auf einem "
              f"anderen Gerät {pull_bytes:.0f} B (Faktor {pull_bytes / padded:.2f}); "
              "Ziel ≤ 1,3 gegen die aufgefüllte Nutzlast")
        print(f"  dazu das Echo der eigenen Änderungen beim Abholen: {echo_bytes:.0f} B "
              "je Änderung")


def server_load() -> None:
    try:
        sys.path.insert(0, str(ROOT / "bench"))
        from server_load import run_server_load  # type: ignore[import-not-found]
    except ImportError:
        print("Serverlast: bench/server_load.py fehlt (Server-Zweig), nicht gemessen.")
    else:
        print(f"Serverlast: {run_server_load()}")


if __name__ == "__main__":
    main()

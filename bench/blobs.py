"""Attachment figures against a real ``kim-server serve``: an 8 MB attachment up and down.

    .venv/bin/python bench/blobs.py [--size-mb 8] [--rounds 5] [--rate-kbit 128 --rounds-bad 1]

Prints medians over ``--rounds`` fresh attachments (random bytes, as a scan does not
compress), each sent by one device and fetched by another:
* on loopback: the sync that sends it (its blob and the records) and the sync that fetches it;
* over a bad line (the relay of tests/sync/test_bad_network.py: 300 ms round trip, 5 % of the
  segments held back 0.3 s), with the sync cut halfway each way: the cut sync, the sync that
  resumes and finishes, and both together. The resumed sync sends or fetches only the chunks
  the cut one did not. With ``--rate-kbit`` the relay also paces each direction to that rate
  (the test's 128 kbit/s comes from the kernel in a network namespace; here the relay does
  it): 8 MB then take at least 8.4 minutes each way, so ``--rounds-bad`` defaults to
  ``--rounds`` only without a rate.

Devices are real SQLCipher databases migrated like a vault. Figures depend on the machine's
load; say so when you quote them.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.sync import Device, admin, kim_server  # noqa: E402
from kim_desktop.core.services import ClientData, add_attachment, create_client  # noqa: E402
from kim_desktop.sync.client import Progress  # noqa: E402
from tests.sync.proxy import ImpairedRelay  # noqa: E402

MIB = 1024 * 1024


def attach(device: Device, size: int) -> None:
    content = b"%PDF-1.7\n" + os.urandom(size - 9)
    with device.session() as session:
        client_id = create_client(session, data=ClientData(
            first_name="Bench", last_name="Anhang", municipality_code="minden")).ids[0]
        add_attachment(session, client_id=client_id, filename="scan.pdf", content=content)


def timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def cut(device: Device, phase: str, after: int) -> float:
    """A sync of ``device`` cancelled once ``phase`` has moved ``after`` bytes; its seconds."""
    cancel = threading.Event()

    def report(step: Progress) -> None:
        if step.phase == phase and step.done >= after:
            cancel.set()

    started = time.perf_counter()
    result = device.client.run(progress=report, cancel=cancel)
    assert result.cancelled, "the sync was not cut"
    return time.perf_counter() - started


def line(label: str, values: list[float]) -> None:
    print(f"{label:<48} Median {statistics.median(values):6.2f} s "
          f"(min {min(values):.2f}, max {max(values):.2f}, n={len(values)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rate-kbit", type=int, default=0,
                        help="Bandbreite der schlechten Leitung (0: nur Verzögerung und Verlust)")
    parser.add_argument("--rounds-bad", type=int, default=None)
    args = parser.parse_args()
    rounds_bad = args.rounds_bad or (args.rounds if not args.rate_kbit else 1)
    size = args.size_mb * MIB
    folder = Path(tempfile.mkdtemp(prefix="kim-bench-blobs-"))
    db_url = f"sqlite:///{folder / 'server.db'}"
    print(f"Anhang {args.size_mb} MB (zufällig), {args.rounds} Runden, Server-Datenbank SQLite; "
          f"Last vorher: {os.getloadavg()[0]:.2f}")
    with kim_server(db_url) as server:
        office = admin(db_url, "office", "add", "--name", "Bench Anhänge",
                       "--municipality", "Minden")
        a = Device(folder, "a", server, db_url, office["office_id"], None)
        b = Device(folder, "b", server, db_url, office["office_id"],
                   a.enrollment.office_recovery_key)
        a.client.run()
        b.client.run()
        up, down = [], []
        for _ in range(args.rounds):
            attach(a, size)
            up.append(timed(a.client.run))
            down.append(timed(b.client.run))
        line("Loopback, Senden (Sync mit dem Anhang)", up)
        line("Loopback, Holen (Sync mit dem Anhang)", down)

        relay = ImpairedRelay(int(server.rsplit(":", 1)[1]), host="127.0.0.1",
                              one_way_delay=0.15, stall_probability=0.05, stall=0.3,
                              rate=args.rate_kbit * 1000 / 8 or None)
        print(f"Schlechte Leitung: 300 ms Umlaufzeit, 5 % Verlust, "
              f"{f'{args.rate_kbit} kbit/s' if args.rate_kbit else 'ohne Bandbreitengrenze'}")
        try:
            for device in (a, b):
                device.url(relay.url)
            figures: dict[str, list[float]] = {key: [] for key in (
                "up_cut", "up_resumed", "down_cut", "down_resumed")}
            for _ in range(rounds_bad):
                attach(a, size)
                figures["up_cut"].append(cut(a, "upload", size // 2))
                figures["up_resumed"].append(timed(a.client.run))
                figures["down_cut"].append(cut(b, "download", size // 2))
                figures["down_resumed"].append(timed(b.client.run))
        finally:
            relay.close()
        line("Schlechtes Netz, Senden: abgebrochen bei der Hälfte", figures["up_cut"])
        line("Schlechtes Netz, Senden: fortgesetzt bis zum Ende", figures["up_resumed"])
        line("Schlechtes Netz, Senden: zusammen", [
            x + y for x, y in zip(figures["up_cut"], figures["up_resumed"], strict=True)])
        line("Schlechtes Netz, Holen: abgebrochen bei der Hälfte", figures["down_cut"])
        line("Schlechtes Netz, Holen: fortgesetzt bis zum Ende", figures["down_resumed"])
        line("Schlechtes Netz, Holen: zusammen", [
            x + y for x, y in zip(figures["down_cut"], figures["down_resumed"], strict=True)])
    print(f"Last nachher: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

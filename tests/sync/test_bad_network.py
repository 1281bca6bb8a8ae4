"""500 consultations reach the server within 60 s over 128 kbit/s, 300 ms round trip and 5 %
packet loss, with the client in its own network namespace behind a veth pair.

Where the kernel has ``sch_netem``, delay and loss are the kernel's. Where it has not (this
development container), the rate stays in the kernel (``tbf``) and a relay on the host side of
the veth adds the 300 ms round trip and holds 5 % of the chunks back for a retransmission
timeout; the test says so loudly. Without network namespaces at all it skips, loudly.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import subprocess
import sys
import warnings
from collections.abc import Iterator

import pytest
from sqlalchemy import update

from kim_desktop.sync.state import SyncState
from tests.server.conftest import ROOT
from tests.sync.conftest import Office
from tests.sync.helpers import add_consultations, db_path, server_counts, snapshot
from tests.sync.proxy import ImpairedRelay

pytestmark = pytest.mark.slow

RATE = "128kbit"


def _ip(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, timeout=30)


def _tc(*args: str, namespace: str | None = None) -> bool:
    prefix = ["ip", "netns", "exec", namespace] if namespace else []
    return subprocess.run([*prefix, "tc", *args], capture_output=True,
                          timeout=30).returncode == 0


def _loud(message: str) -> None:
    print(f"\n*** {message}", file=sys.stderr)
    warnings.warn(message, stacklevel=2)


@pytest.fixture
def namespace() -> Iterator[tuple[str, str, bool]]:
    """A network namespace with a veth to the host: (name, host address, kernel netem?)."""
    tag = secrets.token_hex(3)
    name, outside, inside = f"kimsync{tag}", f"kso{tag}", f"ksi{tag}"
    if os.geteuid() != 0 or _ip("netns", "add", name).returncode != 0:
        _loud("SKIP: keine Netzwerk-Namespaces möglich (root und iproute2 nötig); "
              "der Test für das schlechte Netz lief NICHT.")
        pytest.skip("network namespaces are impossible here (need root and iproute2)")
    octet = random.Random(tag).randrange(1, 250)
    host, client = f"10.213.{octet}.1", f"10.213.{octet}.2"
    try:
        for command in (
            ["link", "add", outside, "type", "veth", "peer", "name", inside],
            ["link", "set", inside, "netns", name],
            ["addr", "add", f"{host}/30", "dev", outside],
            ["link", "set", outside, "up"],
            ["netns", "exec", name, "ip", "addr", "add", f"{client}/30", "dev", inside],
            ["netns", "exec", name, "ip", "link", "set", inside, "up"],
            ["netns", "exec", name, "ip", "link", "set", "lo", "up"],
        ):
            result = _ip(*command)
            assert result.returncode == 0, f"ip {' '.join(command)}: {result.stderr}"
        netem = _tc("qdisc", "add", "dev", inside, "root", "netem", "delay", "300ms",
                    "loss", "5%", "rate", RATE, namespace=name)
        if not netem:
            assert _tc("qdisc", "add", "dev", inside, "root", "tbf", "rate", RATE,
                       "burst", "2kb", "latency", "2s", namespace=name)
        assert _tc("qdisc", "add", "dev", outside, "root", "tbf", "rate", RATE,
                   "burst", "2kb", "latency", "2s")
        yield name, host, netem
    finally:
        _ip("link", "del", outside)
        _ip("netns", "del", name)


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_500_consultations_over_a_bad_network(pinned_office: Office,
                                              namespace: tuple[str, str, bool]) -> None:
    # Not loopback: the client speaks only TLS to it (here with the server's key pinned).
    office = pinned_office
    name, host, netem = namespace
    if netem:
        relay = ImpairedRelay(office.server.port, host=host, one_way_delay=0.0,
                              stall_probability=0.0, stall=0.0)
    else:
        _loud("sch_netem fehlt im Kernel: Rate per tbf im Kernel, 300 ms Umlaufzeit und 5 % "
              "Verlust (als Zurückhalten um eine Wiederholungszeit) im Relay emuliert.")
        relay = ImpairedRelay(office.server.port, host=host, one_way_delay=0.15,
                              stall_probability=0.05, stall=0.3)
    try:
        sessions, _client = office.device("a")
        ids = add_consultations(sessions, 500, random.Random(500))
        with sessions() as session:
            session.execute(update(SyncState).values(
                server_url=f"https://{relay.host}:{relay.port}"))
            session.commit()
        done = subprocess.run(
            ["ip", "netns", "exec", name, sys.executable, "-m", "tests.sync.netns_client",
             db_path(sessions)],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"\nschlechtes Netz: {figures}", file=sys.stderr)
        assert figures["pushed"] == 500 and not figures["offline"]
        assert figures["push_seconds"] < 60
        assert server_counts(office.admin, office.office_id) == (500, 500, 500)
        other_sessions, other = office.device("b")
        other.run()
        assert set(snapshot(other_sessions)) == set(ids)
    finally:
        relay.close()

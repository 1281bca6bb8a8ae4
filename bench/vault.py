"""Vault benchmark: unlock time, and what SQLCipher costs over plain SQLite.

    .venv/bin/python bench/vault.py                 # full size: 200,000 consultations
    .venv/bin/python bench/vault.py --rows 20000    # quick look
    .venv/bin/python bench/vault.py --rows 0        # unlock only

Unlock: the median of several ``Vault.unlock`` calls with the real Argon2id parameters, up
to and including the first query.

Encryption cost: the same workload runs on the same SQLite build (sqlcipher3), once with the
vault's key and settings and once without a key, so the only difference is the encryption.
Both use the vault's PRAGMAs (WAL, synchronous FULL, temp_store MEMORY, foreign keys). The
workload, on consultation-sized rows (uuid, client, time, minutes, mode, fields, a note of
200-600 characters, the record stamps):

* insert all rows in transactions of 10,000 (``--batch``; with 1,000 the random UUID and
  client indexes make every row rewrite about three pages, and each rewrite is encrypted);
* 5,000 look-ups of one client's consultations through the index, newest first;
* 3 monthly sums of minutes over the whole table;
* 2 full-text ``LIKE`` scans over the notes;
* then, reported apart: 500 single consultations saved one transaction each (the "save" of
  the UI), which mostly measures fsync.

Each side runs ``--repeat`` times, alternating; the medians are compared, by wall clock and
by the CPU time of the process. On a shared machine the wall clock mostly measures the other
processes and the disk; the CPU time measures the work the encryption adds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kim_desktop.core import vault_header  # noqa: E402
from kim_desktop.core.storage import (  # noqa: E402
    CACHE_MIB,
    CIPHER_PRAGMAS,
    apply_pragmas,
    connect_raw,
    key_spec,
)
from kim_desktop.core.vault import Vault  # noqa: E402

WORDS = [
    "Termin",
    "Jobcenter",
    "Sprachkurs",
    "Wohnung",
    "Aufenthalt",
    "Antrag",
    "Schule",
    "Kita",
    "Arzt",
    "Familie",
    "Arbeit",
    "Ausbildung",
    "Beratung",
    "Dolmetscher",
    "Unterlagen",
    "Bescheid",
    "Frist",
    "Anerkennung",
    "Zeugnis",
    "Praktikum",
    "Integrationskurs",
    "Ausländerbehörde",
    "Einbürgerung",
    "Miete",
    "Nebenkosten",
    "Gesundheit",
    "Kinder",
    "Vermittlung",
    "Nachweis",
    "Bewerbung",
    "Minden",
    "Lübbecke",
    "Espelkamp",
    "Rahden",
    "vereinbart",
    "geklärt",
    "offen",
]
MODES = ["in_person", "phone", "video", "home_visit", "accompaniment"]
FIELDS = ["work", "residence", "german", "education", "health_family", "participation", "housing"]

SCHEMA = [
    """CREATE TABLE consultation (
        id TEXT PRIMARY KEY, client_id TEXT NOT NULL, started_at TEXT NOT NULL,
        minutes INTEGER NOT NULL, mode TEXT NOT NULL, interpreter INTEGER NOT NULL,
        fields TEXT NOT NULL, notes TEXT NOT NULL, follow_up TEXT,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL, version INTEGER NOT NULL, deleted_at TEXT)""",
    "CREATE INDEX ix_consultation_client ON consultation (client_id, started_at)",
    "CREATE INDEX ix_consultation_started ON consultation (started_at)",
]
INSERT = "INSERT INTO consultation VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"


def make_rows(count: int, clients: list[str], rng: random.Random) -> list[tuple[Any, ...]]:
    rows = []
    for _ in range(count):
        day = f"20{rng.randint(21, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        stamp = f"{day} {rng.randint(8, 17):02d}:{rng.choice(['00', '15', '30', '45'])}:00"
        note_words = []
        while sum(len(w) + 1 for w in note_words) < rng.randint(200, 600):
            note_words.append(rng.choice(WORDS))
        rows.append(
            (
                str(uuid.UUID(int=rng.getrandbits(128))),
                rng.choice(clients),
                stamp,
                rng.choice([15, 30, 45, 60, 90]),
                rng.choice(MODES),
                rng.random() < 0.3,
                ",".join(rng.sample(FIELDS, rng.randint(1, 3))),
                " ".join(note_words),
                day if rng.random() < 0.4 else None,
                stamp,
                "anna",
                stamp,
                "anna",
                1,
                None,
            )
        )
    return rows


def workload(
    connection: Any,
    rows: list[tuple[Any, ...]],
    clients: list[str],
    saves: list[tuple[Any, ...]],
    batch: int,
) -> dict[str, float]:
    timings: dict[str, float] = {}
    rng = random.Random(7)

    def phase(name: str, work: Callable[[], None]) -> None:
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        timings[name] = time.perf_counter() - start
        timings[f"{name} cpu"] = time.process_time() - start_cpu

    def insert_all() -> None:
        for statement in SCHEMA:
            connection.execute(statement)
        for start in range(0, len(rows), batch):
            connection.execute("BEGIN")
            connection.executemany(INSERT, rows[start : start + batch])
            connection.execute("COMMIT")

    def lookups() -> None:
        for client in rng.choices(clients, k=5000):
            connection.execute(
                "SELECT id, started_at, minutes, mode, notes FROM consultation "
                "WHERE client_id = ? AND deleted_at IS NULL ORDER BY started_at DESC",
                (client,),
            ).fetchall()

    def monthly() -> None:
        for _ in range(3):
            connection.execute(
                "SELECT substr(started_at, 1, 7) AS month, sum(minutes), count(*) "
                "FROM consultation GROUP BY month"
            ).fetchall()

    def scans() -> None:
        for word in ("Jobcenter", "Einbürgerung"):
            connection.execute(
                "SELECT count(*) FROM consultation WHERE notes LIKE ?", (f"%{word}%",)
            ).fetchall()

    def single_saves() -> None:
        for row in saves:
            connection.execute("BEGIN")
            connection.execute(INSERT, row)
            connection.execute("COMMIT")

    phase("insert", insert_all)
    phase("lookups", lookups)
    phase("monthly", monthly)
    phase("scans", scans)
    for suffix in ("", " cpu"):
        timings[f"insert+query{suffix}"] = sum(
            timings[f"{name}{suffix}"] for name in ("insert", "lookups", "monthly", "scans")
        )
    phase("saves", single_saves)
    return timings


def plain_connection(path: str, cache_mib: int | None) -> Any:
    connection = sqlcipher3.connect(path, isolation_level=None)
    apply_pragmas(connection)
    if cache_mib is not None:
        connection.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")
    return connection


def encrypted_connection(
    path: str, cache_mib: int | None, memory_security: bool, hmac: str | None
) -> Any:
    if hmac:
        connection = sqlcipher3.connect(path, isolation_level=None)
        connection.set_key(key_spec(bytes(range(32))))
        connection.execute(f"PRAGMA cipher_hmac_algorithm = HMAC_{hmac.upper()}")
        apply_pragmas(connection, CIPHER_PRAGMAS[1:])
        apply_pragmas(connection)
    else:
        connection = connect_raw(path, bytes(range(32)))
    if cache_mib is not None:
        connection.execute(f"PRAGMA cache_size = -{cache_mib * 1024}")
    if memory_security:
        connection.execute("PRAGMA cipher_memory_security = ON")
    return connection


def measure_unlock(folder: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each unlock, up to and including the first query."""
    password = "Kaffee morgens im Rathaus"
    vault, _ = Vault.create(folder / "unlock", admin="anna", password=password)
    vault.close()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        vault = Vault.unlock(folder / "unlock", user="anna", password=password)
        with vault.session() as session:
            session.connection().exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        vault.close()
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--unlocks", type=int, default=7)
    parser.add_argument(
        "--memory-security", action="store_true", help="turn cipher_memory_security on"
    )
    parser.add_argument(
        "--cache-mib", type=int, help=f"page cache of both sides (vault default: {CACHE_MIB})"
    )
    parser.add_argument(
        "--batch", type=int, default=10_000, help="rows per insert transaction (default 10,000)"
    )
    parser.add_argument("--skip-unlock", action="store_true")
    parser.add_argument(
        "--hmac", choices=["sha1", "sha256", "sha512"], help="try another page HMAC"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kim-bench-") as scratch:
        folder = Path(scratch)
        if not args.skip_unlock:
            params = vault_header.DEFAULT_ARGON2
            wall, cpu = measure_unlock(folder, args.unlocks)
            print(
                f"Argon2id: {params.memory_kib // 1024} MiB, {params.iterations} passes, "
                f"{params.lanes} lanes; {args.unlocks} unlocks up to the first query:"
            )
            print(
                f"unlock wall clock: median {statistics.median(wall):.3f} s, "
                f"worst {max(wall):.3f} s; CPU: median {statistics.median(cpu):.3f} s"
            )
        if args.rows == 0:
            return

        rng = random.Random(2026)
        clients = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(args.rows // 10)]
        rows = make_rows(args.rows, clients, rng)
        saves = make_rows(500, clients, rng)
        results: dict[str, list[dict[str, float]]] = {"plain": [], "sqlcipher": []}
        for run in range(args.repeat):
            for side in ("plain", "sqlcipher"):
                path = str(folder / f"{side}-{run}.db")
                if side == "plain":
                    connection = plain_connection(path, args.cache_mib)
                else:
                    connection = encrypted_connection(
                        path, args.cache_mib, args.memory_security, args.hmac
                    )
                results[side].append(workload(connection, rows, clients, saves, args.batch))
                connection.close()

        print(
            f"workload: {args.rows:,} consultations in transactions of {args.batch:,}, "
            f"median of {args.repeat} runs each, "
            f"cache {args.cache_mib or CACHE_MIB} MiB, "
            f"cipher_memory_security {'ON' if args.memory_security else 'OFF'}"
        )
        print(f"{'':<14}{'--- wall clock ---':>31}{'--- CPU of the process ---':>33}")
        header = f"{'plain s':>10}{'sqlcipher s':>13}{'ratio':>8}"
        print(f"{'phase':<14}{header}  {header}")
        for phase in ("insert", "lookups", "monthly", "scans", "insert+query", "saves"):
            cells = []
            for key in (phase, f"{phase} cpu"):
                plain = statistics.median(r[key] for r in results["plain"])
                cipher = statistics.median(r[key] for r in results["sqlcipher"])
                cells.append(f"{plain:>10.3f}{cipher:>13.3f}{cipher / plain:>8.2f}")
            print(f"{phase:<14}{cells[0]}  {cells[1]}")
        print(
            "insert+query is the encryption cost the target (<= 1.25) refers to; saves are "
            "one fsync'd transaction each and measure the disk more than the cipher."
        )


if __name__ == "__main__":
    main()

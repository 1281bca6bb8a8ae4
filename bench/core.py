"""Benchmark of the case-management core on an encrypted vault.

Fills a fresh vault with synthetic demo data (default 20,000 clients, about 200,000
consultations), then prints:

* the median time of caseload searches and filters (target < 30 ms), typed letter by letter
  as a case manager would, plus filters by municipality, phase, field and due follow-ups;
* the median time to save one consultation through the service (target < 20 ms).

Usage: ``.venv/bin/python bench/core.py [--clients N] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.models import Client, Consultation
from kim_desktop.core.services import record_consultation
from kim_desktop.core.services.search import CaseloadFilter, caseload
from kim_desktop.core.vault import Vault

PASSWORD = "Benchmark im Kreishaus Minden"
TYPED = ["Mohammed", "Yilmaz", "Kovalenko", "Haddad"]
FILTERS = [
    CaseloadFilter(municipality_code="espelkamp"),
    CaseloadFilter(phase="monitoring"),
    CaseloadFilter(field_of_action_code="housing"),
    CaseloadFilter(follow_ups_due_by=dt.date.today()),
    CaseloadFilter(text="muhammad", municipality_code="minden"),
    CaseloadFilter(phase="none"),
    CaseloadFilter(),
]


def _ms(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[int(len(ordered) * 0.95) - 1] if len(ordered) >= 20 else ordered[-1]
    return (
        f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
        f"(n={len(ordered)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20_000)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="use (or fill) this data folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kim-bench-core-")) / "data"
    if Vault.exists(folder):
        vault = Vault.unlock(folder, user="bench", password=PASSWORD)
    else:
        vault, _ = Vault.create(folder, admin="bench", password=PASSWORD)
    with vault, vault.session() as session:
        if not session.scalar(select(func.count()).select_from(Client)):
            started = time.perf_counter()

            def progress(done: int, wanted: int) -> bool:
                print(f"\rdemo data: {done}/{wanted}", end="", file=sys.stderr, flush=True)
                return True

            generate_demo_data(session, clients=args.clients, seed=1, progress=progress)
            print(f"\ndemo data written in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        clients = session.scalar(select(func.count()).select_from(Client))
        consultations = session.scalar(select(func.count()).select_from(Consultation))
        print(f"vault: {clients} clients, {consultations} consultations")

        caseload(session)  # warm the page cache once, as the first window would
        searches: list[float] = []
        for _ in range(3):
            for word in TYPED:
                for end in range(1, len(word) + 1):
                    started = time.perf_counter()
                    caseload(session, filter=CaseloadFilter(text=word[:end]))
                    searches.append(time.perf_counter() - started)
            for flt in FILTERS:
                started = time.perf_counter()
                caseload(session, filter=flt)
                searches.append(time.perf_counter() - started)
        print(f"caseload search/filter (<= 500 rows): {_ms(searches)}  [target < 30 ms]")

        rng = random.Random(3)
        ids = list(session.scalars(select(Client.id).where(Client.deleted_at.is_(None))))
        saves: list[float] = []
        for _ in range(args.saves):
            held = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=rng.randint(1, 10_000))
            started = time.perf_counter()
            record_consultation(
                session,
                client_id=rng.choice(ids),
                held_at=held,
                duration_minutes=30,
                mode_code="in_person",
                fields_of_action=["work", "german"],
                notes="Benchmark-Beratung",
                interpreter_used=False,
            )
            saves.append(time.perf_counter() - started)
        print(f"save one consultation: {_ms(saves)}  [target < 20 ms]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

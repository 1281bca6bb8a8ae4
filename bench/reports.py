"""Coordinator reports over 1,000,000 report facts: the overview and a full XLSX export.

    .venv/bin/python bench/reports.py                      # SQLite file, 1,000,000 facts
    .venv/bin/python bench/reports.py --pg                 # also PostgreSQL (local, trust)
    .venv/bin/python bench/reports.py --facts 100000       # smaller, for a quick look

Facts: a tenth are case facts (one per case), the rest consultation-month facts, spread over
the 11 municipalities and 36 months like a Kreis after three years, each with a record key.
Prints the median time of the overview with the cell key method (target < 0.5 s) for the last
year and its last quarter (the periods the dashboard offers are calendar months, quarters and
years), and of a full XLSX export (every view) for the last year.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine, insert, text

from sync_server.db import make_engine, make_session_factory, upgrade
from sync_server.models import Office
from sync_server.models.reports import ReportFactRow
from sync_server.reports import exporting
from sync_server.reports.filters import ReportFilter
from sync_server.reports.views import build_view

MUNICIPALITIES = {
    "minden": 30, "bad_oeynhausen": 16, "luebbecke": 10, "espelkamp": 9, "petershagen": 8,
    "rahden": 6, "huellhorst": 5, "preussisch_oldendorf": 5, "stemwede": 5, "hille": 3,
    "porta_westfalica": 3,
}
FIELDS = ["work", "residence", "german", "education", "health_family", "participation", "housing"]
AGENCIES = ["jobcenter", "auslaenderbehoerde", "language_course", "mbe", "jugendamt"]
OUTCOMES = ["sent", "accepted", "declined", "completed"]
MONTHS = [f"{2023 + m // 12}-{m % 12 + 1:02d}" for m in range(36)]
BATCH = 20_000


def _facts(total: int, office_id: str, seed: int = 1) -> Iterator[list[dict[str, object]]]:
    rng = random.Random(seed)
    names = list(MUNICIPALITIES)
    weights = list(MUNICIPALITIES.values())
    cases = total // 10
    batch: list[dict[str, object]] = []
    written = 0
    for _ in range(cases):
        key = uuid.uuid4().hex + uuid.uuid4().hex
        municipality = rng.choices(names, weights)[0]
        opened_index = rng.randrange(36)
        opened = dt.date(2023 + opened_index // 12, opened_index % 12 + 1, 1)
        closed_index = opened_index + rng.randrange(1, 30)
        closed = (dt.date(2023 + closed_index // 12, closed_index % 12 + 1, 1)
                  if closed_index < 36 and rng.random() < 0.6 else None)
        base = {"office_id": office_id, "key": key, "municipality": municipality,
                "deleted": False, "target_group": []}
        batch.append({
            **base, "fact_kind": "case", "month": MONTHS[opened_index],
            "record_key": rng.getrandbits(32),
            "fields_of_action": rng.sample(FIELDS, rng.randint(1, 3)),
            "age_band": rng.choice(["18-26", "27-44", "45-64"]),
            "gender": rng.choice(["female", "male"]), "status_category": "toleration",
            "phase": "implementation", "case_opened": opened, "case_closed": closed,
            "closure_reason": "goals_achieved" if closed else None, "referrals": {},
            "goals_total": rng.randint(0, 4), "goals_reached": rng.randint(0, 2),
            "consultations": 0, "minutes": 0,
            "prechecks": {"aufenthg_25b:met": 1} if rng.random() < 0.2 else {},
        })
        last = min(35, closed_index if closed else 35)
        for month_index in range(opened_index, last + 1):
            if written + len(batch) >= total:
                break
            batch.append({
                **base, "fact_kind": "consultation_month", "month": MONTHS[month_index],
                "record_key": rng.getrandbits(32),
                "fields_of_action": rng.sample(FIELDS, rng.randint(1, 2)),
                "age_band": None, "gender": None, "status_category": None, "phase": None,
                "case_opened": None, "case_closed": None, "closure_reason": None,
                "referrals": ({f"{rng.choice(AGENCIES)}:{rng.choice(OUTCOMES)}": 1}
                              if rng.random() < 0.2 else {}),
                "goals_total": 0, "goals_reached": 0,
                "consultations": rng.randint(1, 4), "minutes": rng.randint(20, 240),
                "prechecks": {},
            })
        if len(batch) >= BATCH:
            written += len(batch)
            yield batch
            batch = []
        if written >= total:
            return
    if batch:
        yield batch


def _fill(engine: Engine, total: int) -> None:
    factory = make_session_factory(engine)
    with factory() as session, session.begin():
        office = Office(name="Bench", municipality="minden", last_seq=0)
        session.add(office)
        session.flush()
        office_id = office.id
    count = 0
    started = time.perf_counter()
    for batch in _facts(total, office_id):
        with engine.begin() as connection:
            connection.execute(insert(ReportFactRow), batch)
        count += len(batch)
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    print(f"  {count:,} facts written in {time.perf_counter() - started:.0f} s")


def _median(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def bench(url: str, total: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    _fill(engine, total)
    factory = make_session_factory(engine)
    last_year = ReportFilter(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    quarter = ReportFilter(dt.date(2025, 10, 1), dt.date(2025, 12, 31))

    def overview(flt: ReportFilter) -> Callable[[], object]:
        def run() -> object:
            with factory() as session:
                return build_view(session, "uebersicht", flt, threshold=5)
        return run

    def xlsx() -> object:
        with factory() as session:
            return exporting.export(session, last_year, format="xlsx", threshold=5)

    overview(last_year)()  # warm the caches once
    print(f"  overview, a year:     median {_median(7, overview(last_year)):.3f} s")
    print(f"  overview, a quarter:  median {_median(7, overview(quarter)):.3f} s")
    print(f"  full XLSX export:     median {_median(3, xlsx):.3f} s")
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--pg", action="store_true", help="also on local PostgreSQL")
    parser.add_argument("--pg-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        print(f"SQLite, {args.facts:,} facts")
        bench(f"sqlite:///{Path(folder) / 'bench.db'}", args.facts)
    if args.pg:
        schema = f"bench_reports_{uuid.uuid4().hex[:8]}"
        admin = make_engine(args.pg_url)
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            print(f"PostgreSQL, {args.facts:,} facts")
            bench(f"{args.pg_url}?options=-csearch_path%3D{schema}", args.facts)
        finally:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

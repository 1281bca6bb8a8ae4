"""Pre-check speed: one evaluation, and the "becoming eligible" list over a caseload.

    .venv/bin/python bench/precheck.py [--clients 20000]

Prints the median time of one evaluation of all three rules and the time of
clients_becoming_eligible over an in-memory database of synthetic clients.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

import kim_desktop.core.models  # noqa: F401  (registers every table)
from kim_desktop.core.db import Base
from kim_desktop.core.models import Client, HouseholdMember, ResidenceStatusPeriod
from kim_desktop.core.precheck import evaluate
from kim_desktop.core.precheck.bridge import clients_becoming_eligible, facts_from_client

AS_OF = dt.date(2026, 11, 24)
CODES = ["toleration_60a", "asylum_permit", "rp_25_2_refugee", "settlement_9", "toleration_60b"]


def populate(session: Session, count: int, rng: random.Random) -> list[str]:
    ids = []
    for number in range(count):
        client = Client(
            id=f"00000000-0000-0000-0000-{number:012d}",
            last_name="Beispiel",
            first_name="Testa",
            birth_date=dt.date(
                1970 + rng.randrange(40), rng.randrange(1, 13), rng.randrange(1, 29)
            ),
            german_oral=rng.choice(["A1", "A2", "B1"]),
            german_written=rng.choice(["A1", "B1"]),
            livelihood_own_share=rng.random(),
            passport=rng.random() < 0.8,
            convictions_above_threshold=rng.random() < 0.05,
            school_years_successful=rng.randrange(6),
            qualification="none",
        )
        session.add(client)
        start = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(4000))
        for _ in range(rng.randrange(1, 4)):
            end = start + dt.timedelta(days=rng.randrange(200, 1500))
            session.add(
                ResidenceStatusPeriod(
                    client_id=client.id,
                    status_code=rng.choice(CODES),
                    valid_from=start,
                    valid_to=None if end >= AS_OF else end,
                )
            )
            if end >= AS_OF:
                break
            start = end + dt.timedelta(days=rng.choice([1, 1, 1, 60, 120]))
        if rng.random() < 0.4:
            session.add(
                HouseholdMember(
                    client_id=client.id,
                    relation="child",
                    birth_date=dt.date(2015, 6, 1),
                    unmarried=True,
                    attends_school=True,
                )
            )
        ids.append(client.id)
    session.commit()
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20_000)
    args = parser.parse_args()
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine, info={"user": "bench"}, expire_on_commit=False) as session:
        ids = populate(session, args.clients, random.Random(7))
        samples = []
        for client_id in ids[:500]:
            facts = facts_from_client(session, client_id, as_of=AS_OF)
            started = time.perf_counter()
            evaluate(facts, as_of=AS_OF)
            samples.append(time.perf_counter() - started)
        print(f"evaluate (3 rules), median of 500: {statistics.median(samples) * 1000:.3f} ms")
        started = time.perf_counter()
        found = clients_becoming_eligible(session, within_months=6, as_of=AS_OF)
        took = time.perf_counter() - started
        print(
            f"clients_becoming_eligible over {args.clients} clients: {took:.2f} s "
            f"({len(found)} found)"
        )


if __name__ == "__main__":
    main()

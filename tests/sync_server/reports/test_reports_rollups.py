"""The trigger-kept sums match the facts after inserts, replacements and withdrawals, through
the server's own upsert service."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kim_desktop.sync.wire import FactKind, ReportFact
from sync_server.models.reports import ReportFactRow
from sync_server.reports import rollups
from sync_server.services.reports import upsert_facts

F = ReportFactRow


def _expected(session: Session) -> tuple[dict, dict]:
    cases: dict = {}
    for fact in session.scalars(select(F).where(F.fact_kind == "case", F.deleted.is_(False))):
        slot = (fact.municipality, fact.case_opened.strftime("%Y-%m"),
                fact.case_closed.strftime("%Y-%m") if fact.case_closed else "")
        cases[slot] = cases.get(slot, 0) + 1
    contacts = {
        (m, month): (int(n), int(minutes), int(count))
        for m, month, n, minutes, count in session.execute(
            select(F.municipality, F.month, func.sum(F.consultations), func.sum(F.minutes),
                   func.count())
            .where(F.fact_kind == "consultation_month", F.deleted.is_(False),
                   F.consultations > 0)
            .group_by(F.municipality, F.month))
    }
    return cases, contacts


def _actual(session: Session) -> tuple[dict, dict]:
    C, K = rollups.case_rollup.c, rollups.contact_rollup.c
    cases = {(m, o, c): n for m, o, c, n in session.execute(
        select(C.municipality, C.opened, C.closed, C.cases)) if n}
    contacts = {(m, month): (int(n), int(minutes), int(count))
                for m, month, n, minutes, count in session.execute(
                    select(K.municipality, K.month, K.consultations, K.minutes, K.cases))
                if count}
    return cases, contacts


def test_rollups_follow_every_upsert(sessions: sessionmaker[Session], office_id: str) -> None:
    rng = random.Random(5)
    towns = ["minden", "rahden", "hille"]

    def fact(key: int, kind: FactKind, month: int, **values: object) -> ReportFact:
        return ReportFact(key=f"pseudonym-{key:06d}", fact_kind=kind,
                          municipality=rng.choice(towns), month=f"2026-{month:02d}",
                          **values)  # type: ignore[arg-type]

    for round_number in range(4):
        batch = []
        for key in range(60):
            month = rng.randint(1, 6)
            closed = dt.date(2026, month + rng.randint(0, 5), 1) if rng.random() < .4 else None
            batch.append(fact(key, FactKind.CASE, month, case_opened=dt.date(2026, month, 1),
                              case_closed=closed, deleted=rng.random() < .1 * round_number))
            batch.append(fact(key, FactKind.CONSULTATION_MONTH, rng.randint(1, 3),
                              consultations=rng.randint(0, 3), minutes=rng.randint(0, 90),
                              deleted=rng.random() < .1))
        with sessions() as session, session.begin():
            upsert_facts(session, office_id=office_id, device_id="d", facts=batch)
        with sessions() as session:
            assert _actual(session) == _expected(session), f"round {round_number}"
            assert _actual(session)[0], "the rounds must leave some live cases"

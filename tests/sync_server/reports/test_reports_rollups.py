"""The trigger-kept sums match the facts after inserts, replacements and withdrawals, through
the server's own upsert service."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from kim_protocol.wire import FactKind, ReportFact
from sync_server.models.reports import ReportFactRow
from sync_server.reports import item_rollups, rollups
from sync_server.services.reports import upsert_facts

F = ReportFactRow


def _expected(session: Session) -> tuple[dict, dict]:
    cases: dict = {}
    for fact in session.scalars(select(F).where(F.fact_kind == "case", F.deleted.is_(False))):
        slot = (fact.municipality, fact.case_opened.strftime("%Y-%m"),
                fact.case_closed.strftime("%Y-%m") if fact.case_closed else "")
        old = cases.get(slot, (0, 0))
        cases[slot] = (old[0] + 1, old[1] + fact.record_key)
    contacts = {
        (m, month): (int(n), int(minutes), int(count), int(keys))
        for m, month, n, minutes, count, keys in session.execute(
            select(F.municipality, F.month, func.sum(F.consultations), func.sum(F.minutes),
                   func.count(), func.sum(F.record_key))
            .where(F.fact_kind == "consultation_month", F.deleted.is_(False),
                   F.consultations > 0)
            .group_by(F.municipality, F.month))
    }
    return cases, contacts


def _expected_items(session: Session) -> dict:
    items: dict = {}

    for fact in session.scalars(select(F).where(F.deleted.is_(False))):
        def add(slot: tuple, facts: int, sum1: int = 0, sum2: int = 0, key: int = fact.record_key
                ) -> None:
            old = items.get(slot, (0, 0, 0, 0))
            items[slot] = (old[0] + facts, old[1] + sum1, old[2] + sum2, old[3] + key)

        if fact.fact_kind == "case":
            months = (fact.case_opened.strftime("%Y-%m"),
                      fact.case_closed.strftime("%Y-%m") if fact.case_closed else "", "")
            for field in fact.fields_of_action:
                add(("field_case", field, fact.municipality, *months), 1)
            for key, value in fact.prechecks.items():
                add(("precheck", key, fact.municipality, *months), 1, value)
        else:
            month = ("", "", fact.month)
            for key, value in fact.referrals.items():
                add(("referral", key, fact.municipality, *month), 1, value)
            if fact.consultations > 0:
                for field in fact.fields_of_action:
                    add(("field_month", field, fact.municipality, *month), 1,
                        fact.consultations, fact.minutes)
    return items


def _actual_items(session: Session) -> dict:
    I = item_rollups.item_rollup.c  # noqa: E741
    return {
        (d, i, m, o, c, month): (n, int(s1), int(s2), int(k))
        for d, i, m, o, c, month, n, s1, s2, k in session.execute(select(
            I.dimension, I.item, I.municipality, I.opened, I.closed, I.month, I.facts, I.sum1,
            I.sum2, I.key_sum).where(I.dimension.in_(["field_case", "precheck", "referral",
                                           "field_month"])))
        if n
    }


def _actual(session: Session) -> tuple[dict, dict]:
    C, K = rollups.case_rollup.c, rollups.contact_rollup.c
    cases = {(m, o, c): (n, int(k)) for m, o, c, n, k in session.execute(
        select(C.municipality, C.opened, C.closed, C.cases, C.key_sum)) if n}
    contacts = {(m, month): (int(n), int(minutes), int(count), int(keys))
                for m, month, n, minutes, count, keys in session.execute(
                    select(K.municipality, K.month, K.consultations, K.minutes, K.cases,
                           K.key_sum))
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
            fields = rng.sample(["work", "housing", "german"], rng.randint(0, 2))
            batch.append(fact(key, FactKind.CASE, month, case_opened=dt.date(2026, month, 1),
                              case_closed=closed, deleted=rng.random() < .1 * round_number,
                              fields_of_action=fields,
                              prechecks={"aufenthg_25b:met": 1} if rng.random() < .3 else {}))
            batch.append(fact(key, FactKind.CONSULTATION_MONTH, rng.randint(1, 3),
                              consultations=rng.randint(0, 3), minutes=rng.randint(0, 90),
                              fields_of_action=fields, deleted=rng.random() < .1,
                              referrals={"jobcenter:sent": rng.randint(1, 2)}
                              if rng.random() < .5 else {}))
        with sessions() as session, session.begin():
            upsert_facts(session, office_id=office_id, facts=batch)
        with sessions() as session:
            assert _actual(session) == _expected(session), f"round {round_number}"
            assert _actual(session)[0], "the rounds must leave some live cases"
            assert _actual_items(session) == _expected_items(session), f"round {round_number}"

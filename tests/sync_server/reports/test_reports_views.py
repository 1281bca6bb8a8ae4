"""Report views over crafted facts on SQLite and PostgreSQL: counts, periods, hiding and the
noise of the cell key method (every shown count within the p-table's largest deviation)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sync_server.reports.filters import ReportFilter
from sync_server.reports.perturbation import load_ptable
from sync_server.reports.views import build_all, build_view
from tests.sync_server.reports.reports_helpers import case_fact, month_fact, near

YEAR = ReportFilter(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def _near_sum(shown: str, total: int, records: int) -> bool:
    """A shown sum: its noise is at most D mean contributions; "<5" when that may go under 5."""
    limit = round(total * load_ptable().max_deviation / records)
    if shown == "<5":
        return total - limit < 5
    return abs(int(shown.replace(".", "")) - total) <= limit


def _tables(sessions: sessionmaker[Session], slug: str, flt: ReportFilter = YEAR) -> dict[str, Any]:
    with sessions() as session:
        return {t.slug: t for t in build_view(session, slug, flt, threshold=5)}


def test_case_counts_by_municipality_follow_the_period(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    facts = []
    for n in range(12):  # minden: 12 opened in Feb, 6 of them closed in May
        facts.append(case_fact(office_id, f"minden-{n:02d}-pseudonym",
                               case_closed=dt.date(2026, 5, 3) if n < 6 else None))
    for n in range(8):  # espelkamp: 8 opened in 2025, still open
        facts.append(case_fact(office_id, f"espelk-{n:02d}-pseudonym", municipality="espelkamp",
                               case_opened=dt.date(2025, 6, 1)))
    facts.append(case_fact(office_id, "closed-2025-pseudonym", municipality="espelkamp",
                           case_opened=dt.date(2025, 1, 1), case_closed=dt.date(2025, 3, 1)))
    facts.append(case_fact(office_id, "deleted-fact-pseudonym", deleted=True))
    add(*facts)
    table = _tables(sessions, "kommunen")["faelle_kommune"]
    assert table.row_labels == ["Espelkamp", "Minden"]
    expected = [[8, 0, 0], [12, 12, 6], [20, 12, 6]]
    for row, truths in zip(table.display_rows(), expected, strict=True):
        for shown, truth in zip(row[1:], truths, strict=True):
            assert shown == "0" if truth == 0 else near(shown, truth), (row, truths)
    only_minden = ReportFilter(dt.date(2026, 6, 1), dt.date(2026, 6, 30), "minden")
    table = _tables(sessions, "kommunen", only_minden)["faelle_kommune"]
    assert [r[0] for r in table.display_rows()] == ["Minden", "Summe"]
    assert near(table.display_rows()[0][1], 6) and table.display_rows()[0][2:] == ["0", "0"]
    # One municipality: the total has the very same contributors, so the very same figure.
    assert table.display_rows()[0][1:] == table.display_rows()[1][1:]


def test_small_counts_are_hidden_and_totals_are_cells_of_their_own(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    facts = [case_fact(office_id, f"minden-{n:02d}-pseudonym") for n in range(20)]
    facts += [case_fact(office_id, f"hille-{n:02d}-pseudonym", municipality="hille")
              for n in range(2)]
    facts += [case_fact(office_id, f"rahden-{n:02d}-pseudonym", municipality="rahden")
              for n in range(9)]
    add(*facts)
    table = _tables(sessions, "kommunen")["faelle_kommune"]
    rows = {row[0]: row[1:] for row in table.display_rows()}
    assert rows["Hille"][0] == "<5"
    assert near(rows["Rahden"][0], 9) and near(rows["Minden"][0], 20)
    assert near(rows["Summe"][0], 31)
    overview = _tables(sessions, "uebersicht")["kennzahlen"]
    assert overview.display_rows()[0] == ["Aktive Fälle", rows["Summe"][0]]
    assert _tables(sessions, "kommunen")["faelle_kommune"].display_rows() == table.display_rows()


def test_contacts_are_hidden_when_fewer_than_five_persons_stand_behind_them(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    facts = []
    # One person with many consultations in Lübbecke: 40 consultations, still one person.
    facts += [month_fact(office_id, "luebbecke-only-case", f"2026-{m:02d}", consultations=4,
                         minutes=240, municipality="luebbecke") for m in range(1, 11)]
    facts += [month_fact(office_id, f"minden-{n:02d}-pseudonym", "2026-03", consultations=2,
                         minutes=90, fields_of_action=["housing", "work"]) for n in range(10)]
    facts += [month_fact(office_id, f"rahden-{n:02d}-pseudonym", "2026-03", consultations=1,
                         minutes=30, municipality="rahden") for n in range(6)]
    add(*facts)
    table = _tables(sessions, "kommunen")["beratung_kommune"]
    rows = {row[0]: row[1:] for row in table.display_rows()}
    assert rows["Lübbecke"] == ["<5", "<5"]
    assert _near_sum(rows["Minden"][0], 20, 10) and _near_sum(rows["Minden"][1], 900, 10)
    assert _near_sum(rows["Rahden"][0], 6, 6) and _near_sum(rows["Rahden"][1], 180, 6)
    assert _near_sum(rows["Summe"][0], 66, 26) and _near_sum(rows["Summe"][1], 3480, 26)
    fields = _tables(sessions, "handlungsfelder")["beratung_handlungsfeld"]
    by_field = {row[0]: row[1:] for row in fields.display_rows()}
    assert _near_sum(by_field["Wohnen"][0], 20, 10)


def test_a_few_goals_reached_among_many_cases_are_hidden(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    """Reproduced on main: ten cases with goals and one goal reached showed "Ziele erreicht"
    as 1, exactly: the sum counted the cases with goals as the persons behind it, and its noise
    of one mean contribution (a tenth) rounded away."""
    add(*[case_fact(office_id, f"case-{n:02d}-pseudonym", goals_total=2,
                    goals_reached=1 if n == 0 else 0) for n in range(10)])
    [goals] = _tables(sessions, "vermittlungen")["ziele"].display_rows()
    assert near(goals[1], 10) and _near_sum(goals[2], 20, 10)
    assert goals[3] == "<5"


def test_referrals_prechecks_and_closures(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    facts = [month_fact(office_id, f"case-{n:02d}-pseudonym", "2026-04",
                        referrals={"jobcenter:accepted": 2, "jugendamt:declined": 1})
             for n in range(10)]
    facts += [month_fact(office_id, "one-person-pseudonym", "2026-04",
                         referrals={"auslaenderbehoerde:sent": 5})]
    facts += [case_fact(office_id, f"case-{n:02d}-pseudonym",
                        prechecks={"aufenthg_25b:met": 1} if n < 7 else
                        {"aufenthg_25b:not_met": 1},
                        case_closed=dt.date(2026, 9, 1) if n < 6 else None,
                        closure_reason="goals_achieved" if n < 6 else None,
                        goals_total=3, goals_reached=1)
              for n in range(10)]
    add(*facts)
    tables = _tables(sessions, "vermittlungen")
    referrals = tables["vermittlungen"]
    assert referrals.header() == ["Stelle", "versendet", "angenommen", "abgelehnt", "Summe"]
    rows = {row[0]: row[1:] for row in referrals.display_rows()}
    # One person with five referrals: hidden, whatever the count of referrals.
    assert rows["Ausländerbehörde"] == ["<5", "0", "0", "<5"]
    assert _near_sum(rows["Jobcenter"][1], 20, 10) and _near_sum(rows["Jugendamt"][2], 10, 10)
    assert _near_sum(rows["Summe"][3], 35, 21)
    closures = tables["abschluesse"].display_rows()
    assert closures[0][0] == "Ziele erreicht" and near(closures[0][1], 6)
    [goals] = tables["ziele"].display_rows()
    assert near(goals[1], 10) and _near_sum(goals[2], 30, 10) and _near_sum(goals[3], 10, 10)
    [potential] = _tables(sessions, "baustein3")["baustein3"].display_rows()
    assert potential[0] == "§ 25b AufenthG" and near(potential[1], 7) and near(potential[3], 10)
    assert potential[2] == "<5" or near(potential[2], 3)


def test_trends_cover_every_month_of_the_period(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    add(*[case_fact(office_id, f"case-{n:02d}-pseudonym", case_opened=dt.date(2026, 1, 10))
          for n in range(8)])
    tables = _tables(sessions, "verlauf", ReportFilter(dt.date(2026, 1, 1), dt.date(2026, 3, 31)))
    rows = tables["verlauf_faelle"].display_rows()
    assert [r[0] for r in rows] == ["Jan 2026", "Feb 2026", "Mär 2026", "Summe"]
    assert near(rows[0][1], 8) and rows[1][1:] == ["0", "0"] and rows[2][1:] == ["0", "0"]
    assert rows[3] == ["Summe", *rows[0][1:]], "the same eight cases: the same figure"


def test_every_view_builds_on_an_empty_database(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        report = build_all(session, YEAR, threshold=5)
    assert [view.slug for view, _ in report][:2] == ["uebersicht", "kommunen"]
    assert all(table.display_rows() is not None for _, tables in report for table in tables)

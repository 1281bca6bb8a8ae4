"""Report views over crafted facts on SQLite and PostgreSQL: counts, periods, suppression."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from sync_server.reports.filters import ReportFilter
from sync_server.reports.views import build_all, build_view
from tests.sync_server.reports.reports_helpers import case_fact, month_fact

YEAR = ReportFilter(dt.date(2026, 1, 1), dt.date(2026, 12, 31))


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
    assert table.display_rows() == [
        ["Espelkamp", "8", "0", "0"],
        ["Minden", "12", "12", "6"],
        ["Summe", "20", "12", "6"],
    ]
    only_minden = ReportFilter(dt.date(2026, 6, 1), dt.date(2026, 12, 31), "minden")
    table = _tables(sessions, "kommunen", only_minden)["faelle_kommune"]
    assert table.display_rows() == [["Minden", "6", "0", "0"], ["Summe", "6", "0", "0"]]


def test_small_counts_are_hidden_with_their_protecting_cells(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    facts = [case_fact(office_id, f"minden-{n:02d}-pseudonym") for n in range(20)]
    facts += [case_fact(office_id, f"hille-{n:02d}-pseudonym", municipality="hille")
              for n in range(3)]
    facts += [case_fact(office_id, f"rahden-{n:02d}-pseudonym", municipality="rahden")
              for n in range(9)]
    add(*facts)
    table = _tables(sessions, "kommunen")["faelle_kommune"]
    rows = {row[0]: row[1:] for row in table.display_rows()}
    assert rows["Hille"][0] == "<5"
    assert rows["Rahden"][0] == "x"  # next smallest, else Summe - Minden - Rahden = Hille
    assert rows["Minden"][0] == "20"
    assert rows["Summe"][0] == "32"
    overview = _tables(sessions, "uebersicht")["kennzahlen"]
    assert overview.display_rows()[0] == ["Aktive Fälle", "32"]


def test_contacts_are_hidden_when_fewer_than_five_cases_stand_behind_them(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    facts = []
    # One person with many consultations in Lübbecke: 40 consultations, still one case.
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
    assert rows["Minden"] == ["20", "900"]
    assert rows["Rahden"] == ["x", "x"]
    assert rows["Summe"] == ["66", "3480"]
    fields = _tables(sessions, "handlungsfelder")["beratung_handlungsfeld"]
    by_field = {row[0]: row[1:] for row in fields.display_rows()}
    assert by_field["Wohnen"] == ["20", "900"]


def test_referrals_prechecks_and_closures(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    facts = [month_fact(office_id, f"case-{n:02d}-pseudonym", "2026-04",
                        referrals={"jobcenter:accepted": 2, "jugendamt:declined": 1})
             for n in range(10)]
    facts += [case_fact(office_id, f"case-{n:02d}-pseudonym",
                        prechecks={"aufenthg_25b:met": 1} if n < 7 else
                        {"aufenthg_25b:not_met": 1},
                        case_closed=dt.date(2026, 9, 1) if n < 6 else None,
                        closure_reason="goals_achieved" if n < 6 else None,
                        goals_total=3, goals_reached=1)
              for n in range(10)]
    add(*facts)
    tables = _tables(sessions, "vermittlungen")
    assert tables["vermittlungen"].header() == ["Stelle", "angenommen", "abgelehnt", "Summe"]
    assert tables["vermittlungen"].display_rows() == [
        ["Jobcenter", "20", "0", "20"], ["Jugendamt", "0", "10", "10"],
        ["Summe", "20", "10", "30"],
    ]
    assert tables["abschluesse"].display_rows() == [["Ziele erreicht", "6"], ["Summe", "6"]]
    assert tables["ziele"].display_rows() == [["Aktive Fälle", "10", "30", "10"]]
    potential = _tables(sessions, "baustein3")["baustein3"]
    assert potential.display_rows() == [["§ 25b AufenthG", "x", "<5", "10"]]


def test_trends_cover_every_month_of_the_period(
    sessions: sessionmaker[Session], office_id: str, add: Any
) -> None:
    add(*[case_fact(office_id, f"case-{n:02d}-pseudonym", case_opened=dt.date(2026, 1, 10))
          for n in range(5)])
    tables = _tables(sessions, "verlauf", ReportFilter(dt.date(2026, 1, 1), dt.date(2026, 3, 31)))
    assert tables["verlauf_faelle"].display_rows() == [
        ["Jan 2026", "5", "0"], ["Feb 2026", "0", "0"], ["Mär 2026", "0", "0"], ["Summe", "5", "0"],
    ]


def test_every_view_builds_on_an_empty_database(sessions: sessionmaker[Session]) -> None:
    with sessions() as session:
        report = build_all(session, YEAR, threshold=5)
    assert [view.slug for view, _ in report][:2] == ["uebersicht", "kommunen"]
    assert all(table.display_rows() is not None for _, tables in report for table in tables)

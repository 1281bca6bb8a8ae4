"""Whatever the stored facts and gaps hold (any text, any count, negative ones included, as a
database from before the arrival checks might), every page and export answers, never 500."""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from sync_server.models import ReleasedGapRow, ReportFactRow
from sync_server.reports.views import VIEWS
from tests.sync_server.reports.reports_helpers import case_fact, gap_row, login, month_fact

PERIOD = "von=2026-01&bis=2026-12"
# No NUL and no lone surrogate: no database column can hold them.
texts = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
                min_size=1, max_size=40)
codes = st.one_of(texts, st.sampled_from(["minden", "hille", "housing", "jobcenter:sent",
                                          "=1+1", "<b>x</b>", "@A1", "-1", "\t", "x\x07y"]))
counts = st.integers(min_value=-(2**31) + 1, max_value=2**31 - 1)


@st.composite
def poisoned_rows(draw: Any, office_id: str) -> list[Any]:
    rows: list[Any] = []
    for n in range(draw(st.integers(min_value=1, max_value=6))):
        key = f"property-{n:03d}-" + "".join(draw(st.lists(
            st.sampled_from(string.ascii_lowercase), min_size=8, max_size=8)))
        rows.append(case_fact(
            office_id, key, municipality=draw(codes)[:64],
            fields_of_action=draw(st.lists(codes, max_size=3, unique=True)),
            target_group=draw(st.lists(codes, max_size=2, unique=True)),
            age_band=draw(codes)[:16], gender=draw(codes)[:16],
            status_category=draw(codes)[:64], closure_reason=draw(codes)[:64],
            case_closed=draw(st.one_of(st.none(), st.dates(dt.date(2025, 1, 1),
                                                           dt.date(2027, 1, 1)))),
            prechecks=draw(st.dictionaries(codes, counts, max_size=3)),
            goals_total=draw(counts), goals_reached=draw(counts),
        ))
        rows.append(month_fact(
            office_id, key, f"2026-{draw(st.integers(1, 12)):02d}",
            municipality=draw(codes)[:64],
            fields_of_action=draw(st.lists(codes, max_size=3, unique=True)),
            referrals=draw(st.dictionaries(codes, counts, max_size=3)),
            consultations=draw(counts), minutes=draw(counts),
        ))
    rows.append(gap_row(office_id, key + "-gap", description=draw(texts),
                        category=draw(codes)[:64], field_of_action=draw(codes)[:64],
                        municipality=draw(codes)[:64], case_count=draw(counts)))
    return rows


def test_no_page_or_export_answers_500_whatever_is_stored(
    client: TestClient, sessions: sessionmaker[Session], office_id: str, make_user: Any
) -> None:
    make_user("koordination")
    login(client, "koordination")

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    @given(poisoned_rows(office_id))
    def check(rows: list[Any]) -> None:
        with sessions() as session, session.begin():
            session.execute(delete(ReportFactRow))
            session.execute(delete(ReleasedGapRow))
            session.add_all(rows)
        for view in VIEWS:
            page = client.get(f"/dashboard/bericht/{view.slug}?{PERIOD}")
            assert page.status_code == 200, view.slug
        assert client.get("/dashboard/fehlstellen").status_code == 200
        for format in ("csv", "xlsx", "pdf"):
            answer = client.get(f"/dashboard/export?format={format}&{PERIOD}")
            assert answer.status_code == 200, format

    check()

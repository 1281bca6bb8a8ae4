"""Each sync carries the pseudonymous report facts and the released structural gaps."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, func, select, text

from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.models import Case, Client
from kim_desktop.core.services import gaps
from tests.sync.conftest import Office

GAP_TEXT = "Integrationskurse mit Kinderbetreuung fehlen im Altkreis Lübbecke."


def _server_rows(office: Office, query: str) -> list[tuple]:
    engine = create_engine(office.server.db_url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(query))]
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_sync_uploads_facts_and_released_gaps_once(office: Office) -> None:
    sessions, client = office.device("a")
    with sessions() as session:
        generate_demo_data(session, clients=15, seed=11, consultations_per_client=3)
        record_ids = {*session.scalars(select(Client.id)), *session.scalars(select(Case.id))}
        cases = session.scalar(select(func.count()).select_from(Case))
        change = gaps.record_gap(
            session, category_code="language_course_access", field_of_action_code="german",
            municipality_code="minden", description=GAP_TEXT,
            observed_on=dt.date.today(),
        )
        gaps.release_gap(session, gap_id=change.ids[0])
    assert cases and cases > 0

    first = client.run()
    assert not first.offline
    facts = _server_rows(office, "SELECT key, fact_kind FROM report_facts")
    assert {kind for _key, kind in facts} >= {"case"}
    assert not {key for key, _kind in facts} & record_ids, "facts are keyed by pseudonyms"
    assert _server_rows(office, "SELECT description, case_count FROM released_gaps") == [
        (GAP_TEXT, 0)
    ]

    phases: list[str] = []
    client.run(progress=lambda step: phases.append(step.phase))
    assert "reports" not in phases, "unchanged facts are not sent again"
    assert sorted(_server_rows(office, "SELECT key, fact_kind FROM report_facts")) == sorted(facts)


@pytest.mark.slow
def test_facts_the_server_refuses_are_counted_shown_and_not_sent_again(office: Office) -> None:
    """The office serves Minden only; the demo's clients live all over the Kreis, so the
    server refuses their facts. The sync still succeeds, stores Minden's, and says so."""
    from kim_desktop.sync.status import sync_status
    from kim_desktop.ui.sync_status import status_text

    sessions, client = office.device("a")
    with sessions() as session:
        generate_demo_data(session, clients=30, seed=5, consultations_per_client=2)
        elsewhere = session.scalar(
            select(func.count()).select_from(Case).join(Client, Client.id == Case.client_id)
            .where(Client.municipality_code != "minden"))
    assert elsewhere

    result = client.run()
    assert not result.offline
    stored = _server_rows(office, "SELECT DISTINCT municipality FROM report_facts")
    assert stored == [("minden",)]
    with sessions() as session:
        status = sync_status(session)
    assert status.reports_refused >= elsewhere
    assert f"{status.reports_refused} Auswertungsangaben hat der Server abgelehnt" in (
        status_text(status))

    phases: list[str] = []
    client.run(progress=lambda step: phases.append(step.phase))
    assert "reports" not in phases, "refused facts are not sent again unchanged"

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


def _state_due(sessions) -> dt.datetime | None:  # type: ignore[no-untyped-def]
    from kim_desktop.sync.state import load_state

    with sessions() as session:
        state = load_state(session)
        assert state is not None
        return state.reports_due_at


def _set_due(sessions, when: dt.datetime) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from kim_desktop.sync.state import SyncState

    with sessions() as session:
        session.execute(update(SyncState).values(reports_due_at=when))
        session.commit()


@pytest.mark.slow
def test_facts_go_once_a_day_at_a_random_time_apart_from_the_pushes(office: Office) -> None:
    """Facts sent right after the pushes of the same records let a server that logs requests
    link a fact's key to those records, and after an erasure to their tombstones."""
    from kim_desktop.core.report_pseudonyms import ReportPseudonym
    from kim_desktop.sync.status import sync_status

    sessions, client = office.device("a")
    with sessions() as session:
        generate_demo_data(session, clients=6, seed=3, consultations_per_client=2)
    client.run()
    facts = sorted(_server_rows(office, "SELECT key, fact_kind, month FROM report_facts"))
    assert facts, "a device's first sync sends its facts"

    with sessions() as session:
        generate_demo_data(session, clients=4, seed=4, consultations_per_client=2)
        new_cases = set(session.scalars(select(Case.id))) - {
            case_id for case_id in session.scalars(select(ReportPseudonym.case_id))}
    assert new_cases
    phases: list[str] = []
    client.run(progress=lambda step: phases.append(step.phase))
    assert "push" in phases and "reports" not in phases
    assert sorted(_server_rows(office, "SELECT key, fact_kind, month FROM report_facts")) == facts
    with sessions() as session:
        # The new cases' salts went with their records, before any fact keyed by them.
        salted = set(session.scalars(select(ReportPseudonym.case_id)))
        assert new_cases <= salted
        assert sync_status(session).pending == 0
    due = _state_due(sessions)
    assert due is not None
    tomorrow = dt.datetime.combine(dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1),
                                   dt.time(), tzinfo=dt.UTC)
    assert tomorrow <= due.replace(tzinfo=dt.UTC) < tomorrow + dt.timedelta(days=1)

    _set_due(sessions, dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
    phases.clear()
    client.run(progress=lambda step: phases.append(step.phase))
    assert "reports" in phases
    assert "push" not in phases[phases.index("reports"):], "nothing is pushed after the facts"
    assert len(_server_rows(office, "SELECT key FROM report_facts")) > len(facts)
    later = _state_due(sessions)
    assert later is not None and later.replace(tzinfo=dt.UTC) >= tomorrow
    with sessions() as session:
        assert sync_status(session).pending == 0


@pytest.mark.slow
def test_a_clean_device_replaces_what_a_device_gone_wrong_sent(office: Office) -> None:
    from kim_protocol import wire
    from sync_server.services.reports import upsert_facts

    sessions, client = office.device("a")
    with sessions() as session:
        generate_demo_data(session, clients=6, seed=8, consultations_per_client=2)
    client.run()
    good = sorted(_server_rows(office, "SELECT key, fact_kind, month FROM report_facts"))
    assert good
    bogus = wire.ReportFact(key="f" * 32, fact_kind=wire.FactKind.CASE, municipality="minden",
                            month="2026-01", case_opened=dt.date(2026, 1, 1))
    with office.admin.sessions() as session:
        upsert_facts(session, office_id=office.office_id, facts=[bogus])
        session.commit()
    assert len(_server_rows(office, "SELECT key FROM report_facts")) == len(good) + 1

    result = client.resend_reports()
    assert not result.offline
    assert sorted(_server_rows(office, "SELECT key, fact_kind, month FROM report_facts")) == good

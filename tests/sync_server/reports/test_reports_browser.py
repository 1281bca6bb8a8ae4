"""The dashboard in a real headless Chromium (Debian's package, driven by Playwright) against
a real ``kim-server serve``: log in, filter, see a chart, download an export. The screenshots
land in the test's temporary folder, or in docs/dashboard-*.png with
``KIM_UPDATE_SCREENSHOTS=1``, so a test run never changes the checkout."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

import kim_desktop.core.models  # noqa: F401  (registers every desktop table)
from kim_desktop.core.db import Base
from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.models import Case
from kim_desktop.core.services import record_gap, release_gap
from kim_desktop.sync.report_facts import acknowledge_report_upload, collect_report_upload
from kim_protocol.report_codes import precheck_rules
from sync_server.dashboard import auth
from sync_server.dashboard.models import Role
from sync_server.db import make_engine, make_session_factory, upgrade
from sync_server.models import Office
from sync_server.services.reports import upsert_facts, upsert_gaps
from tests.server.conftest import ServerProcess
from tests.sync_server.reports.axe import assert_accessible
from tests.sync_server.reports.reports_helpers import PASSWORD

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DOCS = Path(__file__).resolve().parents[3] / "docs"
GAPS = (
    ("language_course_access", "german", "minden",
     "Integrationskurse mit Kinderbetreuung fehlen; Wartezeit über sechs Monate."),
    ("recognition", "work", "espelkamp",
     "Anerkennung ausländischer Berufsabschlüsse dauert länger als ein Jahr."),
    ("housing_market", "housing", "luebbecke",
     "Für Familien mit mehr als vier Kindern gibt es kaum bezahlbare Wohnungen."),
)


def _prechecks(client_id: str) -> dict[str, str]:
    """Made-up pre-check results, so that the Baustein III page has its table."""
    statuses = ("met", "met_later", "not_met", "unknown")
    return {rule: statuses[(ord(client_id[-1]) + n) % 4]
            for n, rule in enumerate(sorted(precheck_rules()))}


def _demo_office_facts() -> tuple[list, list]:
    """Facts and gaps of a synthetic office, derived by the desktop code itself."""
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine, info={"user": "anna"}, expire_on_commit=False) as session:
        generate_demo_data(session, clients=600, seed=3, consultations_per_client=8)
        case_ids = list(session.scalars(select(Case.id).limit(20)))
        for index, (category, field, municipality, text) in enumerate(GAPS):
            gap = record_gap(session, category_code=category, field_of_action_code=field,
                             municipality_code=municipality, observed_on=dt.date.today(),
                             case_ids=case_ids[: 3 + 4 * index], description=text).ids[0]
            release_gap(session, gap_id=gap)
        facts, gaps = [], []
        while True:
            batch, gap_batch = collect_report_upload(session, prechecks=_prechecks)
            if not batch.facts:
                break
            facts += batch.facts
            gaps += gap_batch.gaps
            acknowledge_report_upload(session, batch, gap_batch)
    engine.dispose()
    return facts, gaps


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = make_engine(url)
    upgrade(engine)
    facts, gaps = _demo_office_facts()
    with make_session_factory(engine)() as session, session.begin():
        office = Office(name="KIM Kreis Minden-Lübbecke", municipality="minden", last_seq=0)
        session.add(office)
        session.flush()
        upsert_facts(session, office_id=office.id, facts=facts)
        upsert_gaps(session, office_id=office.id, gaps=gaps)
        auth.add_user(session, name="koordination", role=Role.COORDINATOR, password=PASSWORD)
    engine.dispose()
    process = ServerProcess(url)
    process.start()
    yield process
    process.stop()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_log_in_filter_see_a_chart_and_download_an_export(
    server: ServerProcess, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = DOCS if os.environ.get("KIM_UPDATE_SCREENSHOTS") == "1" else tmp_path

    year = dt.date.today().year
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-extensions",
                  "--no-first-run", "--disable-sync", "--lang=de-DE"],
        )
        page = browser.new_page(viewport={"width": 1366, "height": 900}, accept_downloads=True,
                                locale="de-DE", bypass_csp=True)
        page.goto(f"{server.url}/dashboard/")
        expect(page.get_by_role("heading", name="Anmelden")).to_be_visible()
        assert_accessible(page)
        page.screenshot(path=str(shots / "dashboard-login.png"))
        page.get_by_label("Name").fill("koordination")
        page.get_by_label("Passwort").fill(PASSWORD)
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", name="Übersicht")).to_be_visible()
        expect(page.locator(".tiles li")).to_have_count(5)
        assert_accessible(page)
        page.screenshot(path=str(shots / "dashboard-overview.png"), full_page=True)

        page.get_by_role("link", name="Nach Kommune").click()
        page.get_by_label("Von (Monat)").fill(f"{year}-01")
        page.get_by_label("Bis (Monat)").fill(f"{year}-12")
        page.get_by_role("button", name="Anzeigen").click()
        chart = page.locator("svg[role=img]").first
        expect(chart).to_be_visible()
        expect(page.locator("svg[role=img] title").first).to_have_text(
            "Fälle nach Kommune: Aktive Fälle")
        expect(page.get_by_role("table").first).to_contain_text("Summe")
        assert_accessible(page)
        page.screenshot(path=str(shots / "dashboard-municipalities.png"), full_page=True)

        page.get_by_label("Kommune", exact=True).select_option(label="Espelkamp")
        page.get_by_role("button", name="Anzeigen").click()
        expect(page.get_by_role("table").first).not_to_contain_text("Minden")
        assert "kommune=espelkamp" in page.url

        page.get_by_role("link", name="Verlauf nach Monaten").click()
        expect(page.locator("svg[role=img] polyline").first).to_be_visible()
        assert_accessible(page)
        page.screenshot(path=str(shots / "dashboard-trends.png"), full_page=True)

        with page.expect_download() as download_info:
            page.get_by_role("link", name="Excel (XLSX)").click()
        target = tmp_path / "export.xlsx"
        download_info.value.save_as(target)
        workbook = load_workbook(io.BytesIO(target.read_bytes()))
        assert "Nach Kommune" in workbook.sheetnames
        assert workbook["Nach Kommune"]._charts

        page.get_by_role("link", name="Strukturelle Fehlstellen").click()
        expect(page.get_by_role("table")).to_contain_text("Anerkennung ausländischer")
        page.get_by_label("Status von Fehlstelle 1").select_option(label="in einer Projektgruppe")
        page.get_by_role("button", name="Speichern (Fehlstelle 1)").click()
        expect(page.get_by_label("Status von Fehlstelle 1")).to_have_value("project_group")
        assert_accessible(page)
        page.screenshot(path=str(shots / "dashboard-gaps.png"), full_page=True)

        for view in ("Baustein III: Potenzial", "Vermittlungen und Ergebnisse",
                     "Zielgruppe und Merkmale", "Handlungsfelder"):
            page.get_by_role("link", name=view).click()
            expect(page.get_by_role("heading", level=1)).to_have_text(view)
            assert_accessible(page)
        expect(page.locator("svg[role=img]").first).to_be_visible()
        page.screenshot(path=str(shots / "dashboard-fields.png"), full_page=True)
        browser.close()

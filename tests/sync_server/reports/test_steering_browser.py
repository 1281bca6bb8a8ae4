"""Baustein I in a real headless Chromium against a real ``kim-server serve``: a coordinator
groups two offices' released gaps into a topic, assigns it to a new project group and records
a measure, by the labels a person reads; axe-core checks each page, and the pages of the
second factor, of IT's offices and devices and of a refusal. Screenshots as in
``test_reports_browser.py``."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest

from sync_server.dashboard import auth
from sync_server.dashboard.models import Role
from sync_server.db import make_engine, make_session_factory, upgrade
from sync_server.services import devices
from tests.server.conftest import ServerProcess
from tests.sync_server.reports.axe import assert_accessible
from tests.sync_server.reports.reports_helpers import PASSWORD, gap_row

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DOCS = Path(__file__).resolve().parents[3] / "docs"
SECRET_KEY = "s" * 40


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[ServerProcess, str]]:
    """The server and the TOTP secret of its IT admin."""
    url = f"sqlite:///{tmp_path / 'server.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with make_session_factory(engine)() as session, session.begin():
        minden = devices.create_office(session, name="KIM Minden", actor="test",
                                       municipalities=["minden"]).id
        rahden = devices.create_office(session, name="KIM Rahden", actor="test",
                                       municipalities=["rahden"]).id
        session.add_all([
            gap_row(minden, "gap-minden-pseudonym", field_of_action="german", case_count=14,
                    category="language_course_access",
                    description="Integrationskurse ohne Kinderbetreuung: Mütter warten."),
            gap_row(rahden, "gap-rahden-pseudonym", field_of_action="german", case_count=9,
                    municipality="rahden", category="language_course_access",
                    description="Kein Kurs mit Kinderbetreuung in erreichbarer Nähe."),
            gap_row(minden, "gap-wohnen-pseudonym", case_count=6,
                    description="Für große Familien gibt es kaum bezahlbare Wohnungen."),
        ])
        auth.add_user(session, name="koordination", role=Role.COORDINATOR, password=PASSWORD)
        it = auth.add_user(session, name="it", role=Role.ADMIN, password=PASSWORD,
                           with_totp=True, secret_key=SECRET_KEY)
        totp = auth.totp_secret(it, SECRET_KEY)
        assert totp is not None
    engine.dispose()
    process = ServerProcess(url, env={"KIM_SERVER_SECRET_KEY": SECRET_KEY})
    process.start()
    yield process, totp
    process.stop()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_group_gaps_assign_a_project_group_and_record_a_measure(
    server: tuple[ServerProcess, str], tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    process, totp = server

    shots = DOCS if os.environ.get("KIM_UPDATE_SCREENSHOTS") == "1" else tmp_path
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-extensions",
                  "--no-first-run", "--disable-sync", "--lang=de-DE"],
        )
        page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="de-DE",
                                bypass_csp=True)
        page.goto(f"{process.url}/dashboard/")
        page.get_by_label("Name").fill("koordination")
        page.get_by_label("Passwort").fill(PASSWORD)
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", name="Übersicht")).to_be_visible()

        page.get_by_role("link", name="Projektgruppen").click()
        page.get_by_label("Name").fill("Projektgruppe Sprache und Familie")
        page.get_by_label("Handlungsfeld").select_option(label="Erlernen der deutschen Sprache")
        page.get_by_label("Mitglieder (Organisationen)").fill("VHS, Jobcenter, Kita-Träger")
        page.get_by_role("button", name="Projektgruppe anlegen").click()
        expect(page.get_by_role("heading", name="Projektgruppe: Projektgruppe Sprache")
               ).to_be_visible()
        assert_accessible(page)

        page.get_by_role("link", name="Themen").click()
        assert_accessible(page)
        page.get_by_label("Titel").fill("Kinderbetreuung während der Sprachkurse")
        page.get_by_label("Handlungsfeld").select_option(label="Erlernen der deutschen Sprache")
        page.get_by_label("Integrationskurse ohne Kinderbetreuung").check()
        page.get_by_label("Kein Kurs mit Kinderbetreuung").check()
        page.get_by_role("button", name="Thema anlegen").click()
        heading = page.get_by_role("heading", name="Thema: Kinderbetreuung während")
        expect(heading).to_be_visible()
        members = page.get_by_role("table", name="Fehlstellen des Themas")
        expect(members).to_contain_text("Integrationskurse ohne Kinderbetreuung")
        expect(members).to_contain_text("Rahden")
        expect(page.locator("dl.facts")).to_contain_text("Minden, Rahden")

        page.get_by_label("Projektgruppe des Themas").select_option(
            label="Projektgruppe Sprache und Familie")
        page.get_by_role("button", name="Zuordnen").click()
        expect(page.locator("dl.facts")).to_contain_text("Projektgruppe Sprache und Familie")
        expect(page.locator("dl.facts")).to_contain_text("offen")

        page.get_by_label("Was").fill("Kinderbetreuung parallel zum Integrationskurs")
        page.get_by_label("Verantwortliche Organisation").fill("VHS Minden")
        page.get_by_label("Fällig am").fill("2027-03-31")
        page.get_by_label("Status").select_option(label="in Umsetzung")
        page.get_by_role("button", name="Maßnahme speichern").click()
        measures = page.get_by_role("table", name="Maßnahmen des Themas")
        expect(measures).to_contain_text("Kinderbetreuung parallel zum Integrationskurs")
        expect(measures).to_contain_text("31.03.2027")
        expect(page.locator("dl.facts")).to_contain_text("in Bearbeitung")
        expect(page.get_by_role("table", name="Alle Änderungen")).to_contain_text(
            "Maßnahme erfasst")
        assert_accessible(page)
        page.screenshot(path=str(shots / "dashboard-topic.png"), full_page=True)
        page.get_by_role("link", name="Bearbeiten (Maßnahme 1)").click()
        expect(page.get_by_label("Verantwortliche Organisation")).to_have_value("VHS Minden")
        assert_accessible(page)
        page.get_by_role("link", name="Maßnahmen", exact=True).click()
        expect(page.get_by_role("table")).to_contain_text("VHS Minden")
        assert_accessible(page)
        page.get_by_role("link", name="Projektgruppen", exact=True).click()
        expect(page.get_by_role("table")).to_contain_text("VHS, Jobcenter, Kita-Träger")
        assert_accessible(page)

        page.get_by_role("link", name="Themen", exact=True).click()
        topics = page.get_by_role("table", name="Themen, neueste zuerst")
        expect(topics).to_contain_text("Projektgruppe Sprache und Familie")
        expect(topics).to_contain_text("in Bearbeitung")
        page.screenshot(path=str(shots / "dashboard-topics.png"), full_page=True)

        page.goto(f"{process.url}/dashboard/themen/999")
        expect(page.get_by_role("heading", name="Nicht gefunden")).to_be_visible()
        assert_accessible(page)
        page.get_by_role("button", name="Abmelden").click()
        page.get_by_label("Name").fill("it")
        page.get_by_label("Passwort").fill(PASSWORD)
        page.keyboard.press("Enter")
        expect(page.get_by_label("Sicherheitscode")).to_be_visible()
        assert_accessible(page)
        page.get_by_label("Sicherheitscode").fill(pyotp.TOTP(totp).now())
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", name="Büros und Geräte")).to_be_visible()
        assert_accessible(page)
        page.goto(f"{process.url}/dashboard/themen")
        expect(page.get_by_role("heading", name="Kein Zugriff")).to_be_visible()
        browser.close()

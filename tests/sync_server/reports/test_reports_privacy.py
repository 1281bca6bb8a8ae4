"""End to end: demo clients on a desktop, facts derived there and uploaded through the real
sync API, then every page and export of the dashboard: no client's name appears anywhere."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

import kim_desktop.core.models  # noqa: F401  (registers every desktop table)
from kim_desktop.core.db import Base
from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.models import Case, Client
from kim_desktop.core.services import record_gap, release_gap
from kim_desktop.sync.report_facts import acknowledge_report_upload, collect_report_upload
from sync_server.reports.views import VIEWS
from tests.sync_server.reports.reports_helpers import login

PERIOD = f"von={dt.date.today().year}-01&bis={dt.date.today().year}-12"


@pytest.fixture
def desktop() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine, info={"user": "anna"}, expire_on_commit=False) as session:
        yield session
    engine.dispose()


def _whole_words(names: set[str], text: str) -> list[str]:
    folded = text.casefold()
    return [n for n in names if re.search(rf"(?<![a-zäöüß]){re.escape(n)}(?![a-zäöüß])", folded)]


def test_no_page_or_export_names_a_demo_client(
    desktop: Session, client: TestClient, device_token: str, make_user: Any
) -> None:
    generate_demo_data(desktop, clients=70, seed=11, consultations_per_client=5)
    case_id = desktop.scalars(select(Case.id)).first()
    gap = record_gap(desktop, category_code="housing_market", field_of_action_code="housing",
                     municipality_code="minden", observed_on=dt.date.today(),
                     case_ids=[case_id] if case_id else [],
                     description="Wohnungsmarkt ohne Angebote für große Familien.").ids[0]
    release_gap(desktop, gap_id=gap)
    headers = {"Authorization": f"Bearer {device_token}"}
    while True:
        facts, gaps = collect_report_upload(desktop)
        if not facts.facts and not gaps.gaps:
            break
        assert client.put("/v1/report-facts", content=facts.model_dump_json(),
                          headers={**headers, "Content-Type": "application/json"}
                          ).status_code == 200
        assert client.put("/v1/structural-gaps", content=gaps.model_dump_json(),
                          headers={**headers, "Content-Type": "application/json"}
                          ).status_code == 200
        acknowledge_report_upload(desktop, facts, gaps)

    names = {n.casefold() for c in desktop.scalars(select(Client))
             for n in (c.first_name, c.last_name, c.birth_name) if len(n) >= 3}
    assert len(names) > 40
    make_user("koordination")
    login(client, "koordination")
    outputs: dict[str, str] = {}
    for view in VIEWS:
        page = client.get(f"/dashboard/bericht/{view.slug}?{PERIOD}")
        assert page.status_code == 200
        outputs[view.slug] = page.text
    outputs["fehlstellen"] = client.get("/dashboard/fehlstellen").text
    assert "große Familien" in outputs["fehlstellen"]
    outputs["csv"] = client.get(f"/dashboard/export?format=csv&{PERIOD}").content.decode(
        "utf-8-sig")
    workbook = load_workbook(io.BytesIO(client.get(
        f"/dashboard/export?format=xlsx&{PERIOD}").content))
    outputs["xlsx"] = "\n".join(str(v) for sheet in workbook for row in sheet.iter_rows(
        values_only=True) for v in row if v is not None)
    pdf = client.get(f"/dashboard/export?format=pdf&{PERIOD}").content
    outputs["pdf"] = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                                    check=True).stdout.decode()
    # The outputs are real: the demo office's numbers reached every one of them.
    assert "Minden" in outputs["kommunen"] and "Beratungskontakte" in outputs["pdf"]
    for name, text in outputs.items():
        assert _whole_words(names, text) == [], name

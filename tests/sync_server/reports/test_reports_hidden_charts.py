"""A chart whose every value is hidden says so in a sentence, on the page and in the PDF,
instead of an empty plot with an axis "(max. 1)"; through the real ASGI app."""

from __future__ import annotations

import subprocess
from typing import Any

from fastapi.testclient import TestClient

from sync_server.reports.exports import ALL_HIDDEN
from tests.sync_server.reports.reports_helpers import case_fact, login

PERIOD = "von=2026-01&bis=2026-12"


def test_a_chart_of_only_hidden_months_is_a_sentence(
    add: Any, office_id: str, client: TestClient, make_user: Any
) -> None:
    # Three cases in a year: every month of "Neue Fälle" is below the threshold.
    add(*[case_fact(office_id, f"minden-{n:02d}-pseudonym") for n in range(3)])
    make_user("koordination")
    login(client, "koordination")
    sentence = ALL_HIDDEN.format(threshold=5)
    page = client.get(f"/dashboard/bericht/verlauf?{PERIOD}")
    assert page.status_code == 200
    section = page.text.split('id="h-verlauf_faelle"')[1].split("</section>")[0]
    assert sentence in section and "<svg" not in section
    pdf = client.get(f"/dashboard/export?format=pdf&{PERIOD}")
    assert pdf.status_code == 200
    text = " ".join(subprocess.run(["pdftotext", "-", "-"], input=pdf.content,
                                   capture_output=True, check=True).stdout.decode().split())
    assert "Neue Fälle (max." not in text and sentence in text

"""Art. 15 export and erasure from the client file; structural gaps with the anonymity
warning, linking and release."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kim_desktop.core.anonymity import personal_data_hints
from kim_desktop.ui import gaps as gaps_module
from kim_desktop.ui.client_file import data_protection
from kim_desktop.ui.qt import Qt


def _open_first(qtbot: Any, window: Any) -> Any:
    row = window.pages["caseload"].model.row_at(0)
    view = window.open_client(row.client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    return view


def test_art15_export_as_json_and_pdf(qtbot: Any, window: Any, tmp_path: Path) -> None:
    view = _open_first(qtbot, window)
    data_protection.export_to(view, tmp_path / "auskunft.json")
    qtbot.waitUntil(lambda: "auskunft.json" in view.notice.text(), timeout=10_000)
    exported = json.loads((tmp_path / "auskunft.json").read_text(encoding="utf-8"))
    assert view.data.client.last_name in json.dumps(exported, ensure_ascii=False)
    data_protection.export_to(view, tmp_path / "auskunft.pdf")
    qtbot.waitUntil(lambda: "auskunft.pdf" in view.notice.text(), timeout=10_000)
    assert (tmp_path / "auskunft.pdf").read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: any(e.action == "export" for e in view.data.history),
                    timeout=10_000)


def test_erasure_closes_the_file_and_removes_the_person(qtbot: Any, window: Any) -> None:
    view = _open_first(qtbot, window)
    client_id = view.client_id
    caseload = window.pages["caseload"]
    before = caseload.model.total
    data_protection.erase(view)
    qtbot.waitUntil(lambda: client_id not in window.client_files, timeout=10_000)
    qtbot.waitUntil(lambda: caseload.model.total == before - 1, timeout=10_000)
    assert caseload.model.row_of(client_id) == -1


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Frau Yilmaz wartet seit Monaten", "einen Namen"),
        ("geboren 03.04.1988 in Aleppo", "ein Datum (z. B. ein Geburtsdatum)"),
        ("wohnt Bahnhofstraße 12", "eine Anschrift"),
        ("32369 Rahden", "eine Anschrift"),
        ("Rückruf unter 0571 123456", "eine Telefonnummer"),
        ("a@b.de", "eine E-Mail-Adresse"),
    ],
)
def test_anonymity_hints(text: str, found: str) -> None:
    assert found in {hint.what for hint in personal_data_hints(text)}


def test_anonymous_text_has_no_hints() -> None:
    text = "Sprachkurse B1 in Rahden sind für Mütter mit kleinen Kindern kaum erreichbar 🚌"
    assert personal_data_hints(text) == []
    assert personal_data_hints("") == []


def test_record_link_and_release_a_gap(qtbot: Any, window: Any,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window.show_page("gaps")
    page = window.pages["gaps"]
    dialog = page.record()
    qtbot.waitUntil(lambda: dialog.cases.count() > 0, timeout=10_000)
    dialog.description.setPlainText("Herr Test, geb. 01.02.1990, wartet")
    assert dialog.warning.isVisible()
    assert "Namen" in dialog.warning.text() and "Datum" in dialog.warning.text()
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "personenbezogene" in dialog.error.text()
    dialog.description.setPlainText("Kein Kitaplatz während des Integrationskurses.")
    assert not dialog.warning.isVisible()
    dialog.case_filter.setText(dialog.cases.item(0).text()[:3])
    dialog.cases.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.submit()
    qtbot.waitUntil(lambda: len(page.list._records) == 1, timeout=10_000)
    gap = page.list._records[0]
    assert len(gap.case_ids) == 1
    monkeypatch.setattr(gaps_module, "confirm", lambda *args: True)
    page.list.select_first()
    page.release()
    qtbot.waitUntil(lambda: page.list._records[0].released_at is not None, timeout=10_000)

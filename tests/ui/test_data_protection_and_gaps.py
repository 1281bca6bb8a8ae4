"""Art. 15 export and erasure from the client file; structural gaps with the anonymity
warning, linking and release."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kim_desktop.core import services
from kim_desktop.core.anonymity import personal_data_hints
from kim_desktop.core.models import AuditEvent, StructuralGap
from kim_desktop.ui.client_file import data_protection
from kim_desktop.ui.formats import file_number
from kim_desktop.ui.qt import QApplication, Qt
from tests.ui.keys import CTRL, activate, alt_to, press, type_text
from tests.ui.test_accessibility import choose_language
from tests.ui.test_case_cycle import dialog_from, list_named, tab_to
from tests.ui.test_client_file_editing import on_database


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


@pytest.mark.parametrize(("language", "title"), [
    ("de", "Information under Art. 15 GDPR"), ("en", "Auskunft nach Art. 15 DSGVO")])
def test_art15_pdf_in_the_other_language_by_choice(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str,
    title: str
) -> None:
    """The save dialog offers the PDF in both languages, the interface's own first chosen;
    the other one chosen, the information is in that language."""
    choose_language(window, language)
    qtbot.waitUntil(lambda: window.pages["caseload"].model.rowCount() > 0, timeout=10_000)
    view = _open_first(qtbot, window)
    offered: list[str] = []

    def save_as(parent: Any, caption: str, name: str, types: str, chosen: str) -> Any:
        offered.extend([*types.split(";;"), chosen])
        other = next(t for t in types.split(";;") if t.startswith("PDF") and t != chosen)
        return str(tmp_path / "auskunft.pdf"), other

    monkeypatch.setattr(data_protection.QFileDialog, "getSaveFileName", save_as)
    data_protection.export_client(view)
    qtbot.waitUntil(lambda: "auskunft.pdf" in view.notice.text(), timeout=10_000)
    assert len(offered) == 4 and offered[-1] == offered[0 if language == "de" else 1]
    text = subprocess.run(["pdftotext", str(tmp_path / "auskunft.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert title in text


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


def test_the_warning_while_typing_names_what_the_release_blocks(
    qtbot: Any, window: Any,
) -> None:
    window.show_page("gaps")
    dialog = activate(qtbot, window.pages["gaps"].record())
    alt_to(qtbot, dialog.description)
    type_text(qtbot, "Rueckruf unter (0571) 123456")
    assert dialog.warning.isVisible() and "Telefonnummer" in dialog.warning.text()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "Kontakt: name [at] example.de")
    assert dialog.warning.isVisible() and "E-Mail-Adresse" in dialog.warning.text()
    assert "Telefonnummer" not in dialog.warning.text()


def test_record_link_and_release_a_gap(qtbot: Any, window: Any) -> None:
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
    page.list.select_first()
    release = activate(qtbot, page.release())
    qtbot.waitUntil(lambda: release.release_button.isEnabled(), timeout=10_000)
    alt_to(qtbot, release.release_button)
    qtbot.waitUntil(lambda: page.list._records[0].released_at is not None, timeout=10_000)


def _gap_to_release(qtbot: Any, window: Any, description: str, *, client: tuple[str, str],
                    client_first: bool) -> tuple[str, str]:
    """A gap linked to no case and a client of the office (made before or after the gap);
    the gap selected in its list by keys."""

    def client_made(session: Any) -> str:
        return str(services.create_client(session, data=services.ClientData(
            first_name=client[0], last_name=client[1], municipality_code="rahden")).ids[0])

    def gap_made(session: Any) -> str:
        return str(services.record_gap(
            session, category_code="housing_market", field_of_action_code="housing",
            municipality_code="rahden", description=description,
            observed_on=dt.date.today()).ids[0])

    client_id = on_database(window, client_made) if client_first else ""
    gap_id = on_database(window, gap_made)
    client_id = client_id or on_database(window, client_made)
    activate(qtbot, window)
    window.show_page("gaps")
    page = window.pages["gaps"]
    qtbot.waitUntil(lambda: any(g.id == gap_id for g in page.list._records), timeout=10_000)
    activate(qtbot, window)
    if QApplication.focusWidget() is None:
        qtbot.keyClick(window, Qt.Key.Key_Tab)
    tab_to(qtbot, list_named(page, "Strukturelle Fehlstellen"))
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(len(page.list._records)):
        if page.list.current().id == gap_id:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert page.list.current().id == gap_id
    return gap_id, client_id


def test_a_last_name_alone_is_released_only_when_confirmed_and_logged(
    qtbot: Any, window: Any,
) -> None:
    text = "Der Koch der Unterkunft kocht nicht fuer Kinder mit Allergien"
    gap_id, koch = _gap_to_release(qtbot, window, text, client=("Lotte", "Koch"),
                                   client_first=True)
    page = window.pages["gaps"]
    dialog = dialog_from(qtbot, window, page.release_button)
    qtbot.waitUntil(lambda: dialog.not_meant.isVisible(), timeout=10_000)
    assert dialog.sent.toPlainText() == text  # exactly what leaves the office
    assert file_number(koch) in dialog.names.text() and "Lotte" not in dialog.names.text()
    assert not dialog.release_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return)  # no release without the confirmation
    assert dialog.isVisible()
    alt_to(qtbot, dialog.not_meant)
    qtbot.waitUntil(lambda: dialog.not_meant.isChecked(), timeout=5_000)
    assert dialog.release_button.isEnabled()
    alt_to(qtbot, dialog.release_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)

    def logged(session: Any) -> tuple[Any, list[tuple[str, str, str]]]:
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "not_meant")).all()
        return session.get(StructuralGap, gap_id).released_at, [
            (e.record_kind, e.record_id, e.detail) for e in events]

    released_at, events = on_database(window, logged)
    assert released_at is not None
    assert events == [("client", koch, f"structural_gap:{gap_id}")]


def test_a_full_name_of_any_client_blocks_the_release(qtbot: Any, window: Any) -> None:
    gap_id, _ = _gap_to_release(qtbot, window, "Kein Kitaplatz fuer Lotte Koch seit Maerz",
                                client=("Lotte", "Koch"), client_first=False)
    page = window.pages["gaps"]
    dialog = dialog_from(qtbot, window, page.release_button)
    qtbot.waitUntil(lambda: dialog.blocked.isVisible(), timeout=10_000)
    assert "Lotte, Koch" in dialog.blocked.text()
    assert "Vor- und Nachname" in dialog.blocked.text()
    assert not dialog.release_button.isEnabled() and not dialog.not_meant.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert on_database(window, lambda s: s.get(StructuralGap, gap_id).released_at) is None


def test_the_cases_to_link_tell_equal_names_apart(qtbot: Any, window: Any) -> None:
    """Reproduced on main: two persons of the same name stood as two equal rows, and a gap
    could be linked to the wrong one's case."""
    def plant(session: Any) -> list[str]:
        ids = []
        for town, born in (("rahden", dt.date(1980, 3, 1)), ("minden", dt.date(1991, 7, 9))):
            client_id = services.create_client(session, data=services.ClientData(
                last_name="Gleichname", first_name="Test", municipality_code=town,
                birth_date=born)).client_id
            services.open_case(session, client_id=client_id, opened_on=dt.date.today(),
                               reason="Erstgespräch")
            ids.append(client_id)
        return ids

    rahden, minden = on_database(window, plant)
    window.show_page("gaps")
    dialog = window.pages["gaps"].record()
    qtbot.waitUntil(lambda: dialog.cases.count() > 0, timeout=10_000)
    activate(qtbot, dialog)
    alt_to(qtbot, dialog.case_filter)
    for letter in "Gleichname":
        qtbot.keyClick(QApplication.focusWidget(), letter)
    shown = sorted(dialog.cases.item(i).text() for i in dialog.cases.shown_rows())
    assert shown == [
        f"Gleichname, Test (geb. 01.03.1980, Rahden, {file_number(rahden)})",
        f"Gleichname, Test (geb. 09.07.1991, Minden, {file_number(minden)})",
    ]
    dialog.reject()

"""Hilfe → Erklärung zur Barrierefreiheit: the office's statement, in both languages, with
its feedback contact; reached by keys alone."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kim_desktop.core.accessibility_statement import (
    StatementError,
    accessibility_statement,
)
from kim_desktop.ui import i18n
from kim_desktop.ui.qt import QApplication, QMenu, Qt
from tests.ui.keys import activate, alt

CONTACT = "KIM-Büro Rahden, Lange Straße 9, 32369 Rahden, barrierefrei@rahden.example"


def open_statement(qtbot: Any, window: Any) -> Any:
    window.show()
    activate(qtbot, window)
    alt(qtbot, "h")
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=5_000)
    menu = QApplication.activePopupWidget()
    entry = next(a for a in menu.actions() if "Barrierefreiheit" in a.text()
                 or "ccessibility" in a.text())
    letter = re.search(r"&(\w)", entry.text())  # its own letter in the menu, pressed
    assert letter is not None
    qtbot.keyClick(menu, getattr(Qt.Key, f"Key_{letter.group(1).upper()}"))
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    dialog = QApplication.activeModalWidget()
    qtbot.addWidget(dialog)
    return dialog


def test_the_default_statement_names_its_parts_and_where_feedback_goes(
    qtbot: Any, window: Any
) -> None:
    dialog = open_statement(qtbot, window)
    text = dialog.text.toPlainText()
    assert dialog.windowTitle() == "Erklärung zur Barrierefreiheit"
    for heading in ("Stand der Vereinbarkeit", "Feedback und Kontakt",
                    "Durchsetzungsverfahren"):
        assert heading in text
    assert "die Büroleitung des KIM-Büros" in text and "{contact}" not in text


def test_the_office_sets_its_contact_and_it_shows_in_english_too(
    qtbot: Any, window: Any, data_dir: Path
) -> None:
    (data_dir / "accessibility_statement.local.json").write_text(
        json.dumps({"contact": CONTACT, "date": "15.03.2026"}), encoding="utf-8")
    dialog = open_statement(qtbot, window)
    assert CONTACT in dialog.text.toPlainText()
    assert "am 15.03.2026 erstellt" in dialog.text.toPlainText()
    dialog.reject()
    page = window.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("en"))
    try:
        dialog = open_statement(qtbot, window)
        assert dialog.windowTitle() == "Accessibility statement"
        assert f"Please contact {CONTACT}." in dialog.text.toPlainText()
    finally:
        i18n.install("de")


def test_a_broken_office_file_is_said_in_german(tmp_path: Path) -> None:
    (tmp_path / "accessibility_statement.local.json").write_text("{", encoding="utf-8")
    statement = accessibility_statement(tmp_path, "de", provisioning={})
    assert "accessibility_statement.local.json im Datenordner wird nicht verwendet: die " \
           "Datei ist nicht lesbar" in statement.warning
    assert "die Büroleitung des KIM-Büros" in statement.contact
    with pytest.raises(StatementError, match="nicht lesbar"):
        accessibility_statement(tmp_path, "de", resources_dir=tmp_path)


@pytest.mark.parametrize(("local", "why"), [
    ({"contact": None}, "„contact“ muss ein nicht leerer Text sein"),
    ({"contact": ["Frau A", "Tel 1"]}, "„contact“ muss ein nicht leerer Text sein"),
    ({"date": 20260315}, "„date“ muss ein Datum"),
    ({"contact": "Büro\u202e9 eßartS"}, "„contact“ enthält Steuerzeichen"),
    ({"contact": "Büro\x00"}, "„contact“ enthält Steuerzeichen"),
    ({"de": {"title": "T", "sections": ["ab"]}}, "„de.sections[1]“ muss ein Paar"),
    ({"de": {"title": "T", "sections": [["Kopf", {"x": 1}]]}},
     "„de.sections[1][1]“ muss ein nicht leerer Text sein"),
    ({"de": {"title": "T", "sections": []}}, "„de.sections“ muss eine Liste"),
    ({"de": {"title": "T", "sections": [["Kopf", "Text"]]}},
     "Kontakt für Rückmeldungen ({contact}) behalten"),
    ({"de": {"title": "", "sections": [["K", "an {contact}"]]}}, "„de.title“"),
    ({"kontakt": "x"}, "„kontakt“ ist unbekannt"),
])
def test_an_office_file_that_fails_the_check_is_left_out_with_a_warning(
    tmp_path: Path, local: dict[str, Any], why: str
) -> None:
    """Python values reached the statement ("an None", "['Frau A', 'Tel 1']", "{'x': 1}"),
    or it lost its feedback contact; now the office's file is checked as the provisioning
    file is, and one that fails is not used at all."""
    (tmp_path / "accessibility_statement.local.json").write_text(json.dumps(local),
                                                                  encoding="utf-8")
    statement = accessibility_statement(tmp_path, "de", provisioning={"contact": CONTACT})
    assert why in statement.warning and "wird nicht verwendet" in statement.warning
    text = " ".join(body for _, body in statement.sections)
    assert statement.contact == CONTACT and f"an {CONTACT}." in text
    assert statement.title == "Erklärung zur Barrierefreiheit"
    for leaked in ("None", "[", "{", "\u202e", "\x00"):
        assert leaked not in text


def test_the_provisioned_contact_refuses_control_and_bidi_characters(tmp_path: Path) -> None:
    from kim_desktop.core.provisioning import ProvisioningError, load_provisioning

    path = tmp_path / "p.toml"
    for bad in ("\\u0000", "\\u0007", "\\u202e"):
        path.write_text(PROVISIONING.replace("Portastraße 13", f"Portastraße{bad} 13"),
                        encoding="utf-8")
        with pytest.raises(ProvisioningError, match=r"„accessibility\.contact“ enthält "
                                                    "Steuerzeichen"):
            load_provisioning(path)


PROVISIONING = """\
[office]
name = "KIM Rahden"
municipality = "Rahden"

[accessibility]
contact = "IT des Kreises, Portastraße 13, 32423 Minden, barrierefrei@kreis.example"
date = 2026-04-01
url = "https://www.kreis.example/kim/barrierefreiheit"
"""


def test_the_provisioned_statement_is_shown_and_the_office_file_goes_first(
    qtbot: Any, window: Any, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text(PROVISIONING, encoding="utf-8")
    monkeypatch.setenv("KIM_PROVISIONING", str(provisioning))
    dialog = open_statement(qtbot, window)
    text = dialog.text.toPlainText()
    assert "Wenden Sie sich bitte an IT des Kreises, Portastraße 13" in text
    assert "am 01.04.2026 erstellt" in text
    assert "veröffentlicht: https://www.kreis.example/kim/barrierefreiheit" in text
    dialog.reject()
    (data_dir / "accessibility_statement.local.json").write_text(
        json.dumps({"contact": CONTACT}), encoding="utf-8")
    dialog = open_statement(qtbot, window)
    text = dialog.text.toPlainText()
    assert CONTACT in text and "IT des Kreises" not in text
    assert "am 01.04.2026 erstellt" in text and "www.kreis.example" in text


def test_a_bad_provisioned_statement_is_refused_in_german_and_nothing_is_lost(
    qtbot: Any, window: Any, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kim_desktop.core.provisioning import ProvisioningError, load_provisioning

    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text(PROVISIONING.replace("https://www", "http://www")
                            .replace("2026-04-01", "2026-04-31"), encoding="utf-8")
    with pytest.raises(ProvisioningError, match="kein gültiges TOML: Zeile 7"):
        load_provisioning(provisioning)
    provisioning.write_text(PROVISIONING.replace("https://www", "http://www"), encoding="utf-8")
    with pytest.raises(ProvisioningError, match=r"Zeile 8: „accessibility\.url“ muss eine "
                                                r"Adresse wie „https://"):
        load_provisioning(provisioning)
    monkeypatch.setenv("KIM_PROVISIONING", str(provisioning))
    (data_dir / "accessibility_statement.local.json").write_text(
        json.dumps({"date": "15.03.2026"}), encoding="utf-8")
    dialog = open_statement(qtbot, window)
    text = dialog.text.toPlainText()
    # Nothing of the refused file, the office's own date and the default contact stay.
    assert "IT des Kreises" not in text and "kreis.example" not in text
    assert "am 15.03.2026 erstellt" in text and "die Büroleitung des KIM-Büros" in text

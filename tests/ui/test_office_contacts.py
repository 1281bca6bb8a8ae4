"""Einstellungen → Datenschutz: the office admin enters the controller and the
data-protection officer, which the Art. 15 PDF names; without them no PDF is written."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from kim_desktop.ui.client_file import data_protection
from kim_desktop.ui.qt import Qt
from tests.ui.keys import activate, alt_to, press, type_text


@pytest.fixture
def data_dir(tmp_path: Path, template_vault: Path) -> Path:
    """The demo vault of an office that has not entered its contacts yet."""
    target = tmp_path / "vault"
    shutil.copytree(template_vault, target)
    (target / "data_protection.local.json").unlink(missing_ok=True)
    return target


def test_the_admin_enters_controller_and_officer_for_the_art15_pdf(
    qtbot: Any, window: Any, tmp_path: Path, no_dialogs: list[str], data_dir: Path
) -> None:
    view = window.open_client(window.pages["caseload"].model.row_at(0).client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    data_protection.export_to(view, tmp_path / "a.pdf")
    qtbot.waitUntil(lambda: len(no_dialogs) == 1, timeout=10_000)
    assert not (tmp_path / "a.pdf").exists()

    activate(qtbot, window)
    window.show_page("settings")
    section = window.pages["settings"].office_contacts
    for field, text in ((section.controller, "Stadt Rahden, Lange Strasse 9"),
                        (section.controller_contact, "kim@rahden.example"),
                        (section.dpo_name, "Frau Muster"),
                        (section.dpo_contact, "datenschutz@rahden.example")):
        alt_to(qtbot, field)
        qtbot.waitUntil(field.hasFocus, timeout=5_000)
        type_text(qtbot, text)
    section.save.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(section.notice.text()), timeout=5_000)
    stored = json.loads((data_dir / "data_protection.local.json").read_text(encoding="utf-8"))
    assert stored["controller"] == "Stadt Rahden, Lange Strasse 9"
    assert stored["dpo_contact"] == "datenschutz@rahden.example"

    data_protection.export_to(view, tmp_path / "b.pdf")
    qtbot.waitUntil(lambda: "b.pdf" in view.notice.text(), timeout=10_000)
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Stadt Rahden, Lange Strasse 9" in text and "Frau Muster" in text
    assert "noch nicht eingetragen" not in text and len(no_dialogs) == 1

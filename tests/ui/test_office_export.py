"""Datei → Export für die Datenbank KIM, by keys: a period, a folder, pseudonymised unless
names are ticked, which the dialog warns about."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kim_desktop.ui.qt import Qt
from tests.ui.keys import CTRL, activate, alt, press, type_text


def test_the_admin_exports_the_period_pseudonymised_and_names_only_with_a_warning(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    caseload = window.pages["caseload"]
    surnames = {caseload.model.row_at(i).name.split(",")[0]
                for i in range(caseload.model.rowCount())}
    dialog = window.office_export()
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    alt(qtbot, "v")
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "01.01.2000")
    alt(qtbot, "f")
    press(qtbot, Qt.Key.Key_Down)  # JSON
    alt(qtbot, "o")
    type_text(qtbot, str(tmp_path))
    alt(qtbot, "x")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    exported = json.loads((tmp_path / "datenbank-kim.json").read_text(encoding="utf-8"))
    text = json.dumps(exported, ensure_ascii=False)
    assert exported["schema"]["pseudonymised"] is True and exported["rows"]
    assert not [name for name in surnames if name in text]

    named = tmp_path / "named"
    named.mkdir()
    dialog = window.office_export()
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    alt(qtbot, "o")
    type_text(qtbot, str(named))
    alt(qtbot, "m")  # the check box "mit Namen …"
    qtbot.waitUntil(lambda: dialog.warning.isVisible(), timeout=5_000)
    assert "nicht verschlüsselt" in dialog.warning.text()
    alt(qtbot, "x")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    schema = json.loads((named / "datenbank-kim.schema.json").read_text(encoding="utf-8"))
    assert schema["pseudonymised"] is False
    assert "nachname" in (named / "datenbank-kim.csv").read_text(encoding="utf-8-sig")

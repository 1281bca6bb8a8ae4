"""A field declared once with its column gives its form row, its row in the client file, its
name in an error, in the conflicts screen and in the Art. 15 export: one label, in both
languages, and an editor made for its kind."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import Gender
from kim_desktop.ui import i18n
from kim_desktop.ui.fields import label
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import QComboBox, QFormLayout, QLabel


def row_label(form: QFormLayout, widget: Any) -> str:
    row, _ = form.getWidgetPosition(widget)
    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
    shown = item.widget() if item is not None else None
    assert isinstance(shown, QLabel)
    return shown.text().replace("&", "").rstrip(":")


def test_one_declaration_names_a_field_everywhere(qtbot: Any, window: Any,
                                                  tmp_path: Path) -> None:
    from kim_desktop.ui.client_file import data_protection
    from kim_desktop.ui.conflicts import ConflictsDialog

    caseload = window.pages["caseload"]
    view = window.open_client(caseload.model.row_at(0).client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    master = view.page_titled("Stammdaten")
    form = master.edit()
    qtbot.addWidget(form)
    phone = label("client.phone")
    assert phone == "Telefon"
    assert row_label(form.form, form.rows["phone"]) == phone
    assert row_label(master.form, master.rows.values["phone"]) == phone
    assert "„Telefon“" in user_message(DomainError("too_long", field="client.phone", limit=50))
    conflicts = ConflictsDialog(window.context, window)
    qtbot.addWidget(conflicts)
    assert conflicts.shown("client", "gender", "female") == "weiblich"
    # the editor is made for the kind: every choice, and "not given" for an unknown fact
    gender = form.rows["gender"]
    assert isinstance(gender, QComboBox)
    assert [gender.itemData(i) for i in range(gender.count())] == [str(g) for g in Gender]
    facts = view.page_titled("Vorprüfung").edit()
    qtbot.addWidget(facts)
    passport = facts.rows["passport"]
    assert [passport.itemText(i) for i in range(passport.count())] == [
        "Angabe fehlt", "ja", "nein"]
    # the export names the fields by the same labels
    client = view.data.client
    pdf = tmp_path / "auskunft.pdf"
    data_protection.export_to(view, pdf)
    qtbot.waitUntil(lambda: "auskunft.pdf" in view.notice.text(), timeout=10_000)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert f"{label('client.last_name')}: {client.last_name}" in text
    assert f"{label('client.municipality_code')}: " in text and "municipality_code" not in text
    i18n.install("en")
    try:
        assert label("client.phone") == "Phone"
        assert user_message(DomainError("required", field="client.last_name")) == (
            'Please enter "Last name".')
    finally:
        i18n.install("de")

"""Datei → Export für die Datenbank KIM (office admin): the office's cases of a period into a
folder, as ``kim-desktop export-office`` writes them; pseudonymised unless names are asked for,
which the dialog warns about (the files are not encrypted). The export is logged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.orm import Session

from kim_desktop.core.services import Change
from kim_desktop.core.services.office_export import export_office
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import DateField, ErrorLabel, FormDialog, add_row


class OfficeExportDialog(FormDialog):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(translate("office_export", "Export für die Datenbank KIM"), parent)
        self.context = context
        self.confirmation = translate("office_export", "Export für die Datenbank KIM "
                                                       "gespeichert.")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("office_export", "E&xportieren"))
        today = dt.date.today()
        self.since = DateField(dt.date(today.year, 1, 1))
        self.until = DateField(today)
        self.format = QComboBox()
        self.format.addItem(translate("office_export", "CSV mit Schema-Datei"), "csv")
        self.format.addItem(translate("office_export", "JSON"), "json")
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(translate("office_export", "Ordner für die Dateien"))
        self.names = QCheckBox(translate("office_export", "mit Namen und Geburtsdatum "
                                                          "(bewusste Ausnahme)"))
        self.linkable = QCheckBox(translate(
            "office_export", "Pseudonyme verknüpfbar: in jedem solchen Export gleich"))
        self.warning = ErrorLabel()
        add_row(self.form, translate("office_export", "&Von:"), self.since)
        add_row(self.form, translate("office_export", "&Bis:"), self.until)
        add_row(self.form, translate("office_export", "&Format:"), self.format)
        add_row(self.form, translate("office_export", "&Ordner:"), self.folder)
        self.form.addRow("", self.names)
        self.form.addRow("", self.linkable)
        self.form.addRow("", self.warning)
        self.names.toggled.connect(self._warn)
        self.names.toggled.connect(lambda named: self.linkable.setEnabled(not named))
        self.track([self.since, self.until, self.format, self.folder, self.names,
                    self.linkable])

    def _warn(self, with_names: bool) -> None:
        self.warning.show_message(translate(
            "office_export", "Die Dateien enthalten dann Namen und Geburtsdaten und sind nicht "
            "verschlüsselt. Bitte nur über einen sicheren Weg weitergeben und danach löschen; "
            "der Export wird protokolliert.") if with_names else "")

    def submit(self) -> None:
        since, until = self.since.date(), self.until.date()
        folder = Path(self.folder.text().strip()) if self.folder.text().strip() else None
        if since is None or until is None:
            self.refuse(translate("office_export", "Bitte den Zeitraum angeben."),
                        self.since if since is None else self.until)
            return
        if folder is None or not folder.is_dir():
            self.refuse(translate("office_export", "Bitte einen vorhandenen Ordner angeben."),
                        self.folder)
            return
        fmt, with_names = str(self.format.currentData()), self.names.isChecked()
        linkable = self.linkable.isChecked() and not with_names

        def work(session: Session) -> Change:
            export_office(session, since=since, until=until, format=fmt, out=folder,
                          with_names=with_names, linkable=linkable)
            return Change("audit_event", (), "created")

        self.save_with(self.context, work)

"""The first-run wizard's last page: local-only, or joining the office's sync server."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kim_desktop.ui.qt import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
    translate,
)
from kim_desktop.ui.widgets import ErrorLabel, add_row

if TYPE_CHECKING:
    from kim_desktop.ui.first_run import FirstRunWizard


class SyncPage(QWizardPage):
    """Local-only, or joining the office's sync server with IT's enrollment code and, on a
    further computer of the office, the office recovery key."""

    def __init__(self, wizard: FirstRunWizard, server_url: str, *,
                 provisioned: bool = False) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("first_run", "Abgleich mit dem Büro"))
        self.setSubTitle(
            translate(
                "first_run",
                "KIM Desktop arbeitet vollständig ohne Netz. Ein Sync-Server gleicht die Daten "
                "Ende-zu-Ende-verschlüsselt mit den anderen Rechnern des Büros ab.",
            )
        )
        layout = QVBoxLayout(self)
        self.local_only = QRadioButton(translate("first_run", "&Nur auf diesem Rechner arbeiten"))
        self.join = QRadioButton(translate("first_run", "Mit dem Sync-Server &verbinden"))
        self.local_only.setChecked(not server_url)
        self.join.setChecked(bool(server_url))
        layout.addWidget(self.local_only)
        layout.addWidget(self.join)
        form = QFormLayout()
        self.url = QLineEdit(server_url)
        self.url.setPlaceholderText("https://kim.kreis-minden-luebbecke.de")
        self.code = QLineEdit()
        self.office_key = QLineEdit()
        self.office_key.setPlaceholderText(
            translate("first_run", "nur auf weiteren Rechnern des Büros")
        )
        self.url.setReadOnly(provisioned)
        add_row(form, translate("first_run", "Server-&Adresse:"), self.url)
        if provisioned:
            form.addRow(QLabel(translate(
                "first_run", "Adresse und Zertifikat des Servers hat Ihre IT festgelegt.")))
        add_row(form, translate("first_run", "Anmelde&code der IT:"), self.code)
        add_row(form, translate("first_run", "Büro-Wiederherstellungs&schlüssel:"), self.office_key)
        layout.addLayout(form)
        self.status = ErrorLabel()
        layout.addWidget(self.status)
        self.new_key = QPlainTextEdit()
        self.new_key.setReadOnly(True)
        self.new_key.setAccessibleName(
            translate("first_run", "Neuer Büro-Wiederherstellungsschlüssel")
        )
        self.new_key.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.new_key.hide()
        layout.addWidget(self.new_key)
        self.kept = QCheckBox(translate(
            "first_run", "Ich habe den Büro-Wiederherstellungsschlüssel sicher auf&bewahrt."))
        self.kept.hide()
        self.kept.toggled.connect(self.completeChanged)
        layout.addWidget(self.kept)
        layout.addStretch()
        self.join.toggled.connect(self._mode)
        self._mode(self.join.isChecked())
        self.enrolled = False
        self.joining = False

    def _mode(self, join: bool) -> None:
        for field in (self.url, self.code, self.office_key):
            field.setEnabled(join and not getattr(self, "enrolled", False))

    def isComplete(self) -> bool:
        return not self.joining and (self.kept.isHidden() or self.kept.isChecked())

    def validatePage(self) -> bool:
        if not self.join.isChecked() or self.enrolled:
            return True
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url.startswith(("https://", "http://")) or not code:
            self.status.show_message(translate(
                "first_run", "Bitte Server-Adresse (https://…) und Anmeldecode angeben."))
            return False
        self._wizard.join_office(url, code, self.office_key.text().strip())
        return False

    def joined(self, office_recovery_key: str | None) -> None:
        self.enrolled = True
        self.joining = False
        self._mode(False)
        self.status.show_message("")
        if office_recovery_key:
            self.new_key.setPlainText(office_recovery_key)
            self.new_key.show()
            self.kept.show()
            self.completeChanged.emit()
            return
        self._wizard.next()

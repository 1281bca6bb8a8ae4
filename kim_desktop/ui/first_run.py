"""The first-run wizard: the office admin and password, the recovery sheet (shown once), and
optionally joining the office's sync server."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from kim_desktop.core import passwords
from kim_desktop.core.errors import PasswordPolicyError, VaultError
from kim_desktop.core.passwords import MAX_NAME_LENGTH, check_password_policy, check_user_name
from kim_desktop.ui import recovery_sheet
from kim_desktop.ui.first_run_sync import SyncPage
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QTextOption,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    Signal,
    translate,
)
from kim_desktop.ui.taskman import TaskManager
from kim_desktop.ui.widgets import ErrorLabel, add_row


def password_problem(password: str, repeat: str, user: str) -> str:
    """The first thing wrong with a new password, or "" when it may be used."""
    try:
        check_password_policy(password, user=user)
    except PasswordPolicyError as error:
        return user_message(error)
    if password != repeat:
        return translate("first_run", "Die beiden Passwörter stimmen nicht überein.")
    return ""


class PasswordFields(QWidget):
    """User name, password and its repetition, with live policy feedback. With ``new``, the
    fields ask for a new password; screens may add rows of their own to :attr:`form`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, user: str = "",
                 new: bool = False) -> None:
        super().__init__(parent)
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.user = QLineEdit(user)
        self.user.setMaxLength(MAX_NAME_LENGTH)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        add_row(form, translate("first_run", "&Benutzername:"), self.user)
        if new:
            add_row(form, translate("first_run", "&Neues Passwort:"), self.password)
            add_row(form, translate("first_run", "Neues Passwort wieder&holen:"), self.repeat)
        else:
            add_row(form, translate("first_run", "&Passwort:"), self.password)
            add_row(form, translate("first_run", "Passwort wieder&holen:"), self.repeat)
        threading.Thread(target=passwords.warm_up, daemon=True).start()
        hint = QLabel(translate(
            "first_run", "Mindestens {minimum} Zeichen, und nicht leicht zu erraten. Am "
            "leichtesten zu merken ist ein Satz aus vier oder mehr Wörtern, die man so nicht "
            "zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind."
        ).format(minimum=passwords.required_length()))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.feedback = ErrorLabel()
        form.addRow(self.feedback)
        for field in (self.user, self.password, self.repeat):
            field.textChanged.connect(self._update)

    def problem(self) -> str:
        if not self.user.text().strip():
            return translate("first_run", "Bitte einen Benutzernamen angeben.")
        try:
            check_user_name(self.user.text())
        except VaultError as error:
            return user_message(error)
        return password_problem(self.password.text(), self.repeat.text(), self.user.text())

    def _update(self) -> None:
        # Speak up only once something was typed into the password, not while starting out.
        self.feedback.show_message(self.problem() if self.password.text() else "")
        self.changed.emit()


class AdminPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("first_run", "Willkommen bei KIM Desktop"))
        self.setSubTitle(
            translate(
                "first_run",
                "Legen Sie das Konto der Büro-Administration an. Alle Daten werden auf diesem "
                "Rechner verschlüsselt gespeichert; das Passwort schützt den Schlüssel.",
            )
        )
        layout = QVBoxLayout(self)
        self.fields = PasswordFields(user="")
        layout.addWidget(self.fields)
        self.status = ErrorLabel()
        layout.addWidget(self.status)
        self.fields.changed.connect(self.completeChanged)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, translate("first_run", "&Anlegen"))
        self._created = False

    def isComplete(self) -> bool:
        return not self._wizard.creating and not self.fields.problem()

    def validatePage(self) -> bool:
        if self._created:
            return True
        self._wizard.create_vault(self.fields.user.text().strip(), self.fields.password.text())
        return False

    def created(self) -> None:
        self._created = True


class RecoveryPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(translate("first_run", "Ihr Wiederherstellungsschlüssel"))
        self.setSubTitle(
            translate(
                "first_run",
                "Er wird nur jetzt angezeigt. Drucken Sie das Blatt aus oder speichern Sie es "
                "als PDF und bewahren Sie es verschlossen auf.",
            )
        )
        layout = QVBoxLayout(self)
        self.key = QPlainTextEdit()
        self.key.setReadOnly(True)
        self.key.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.key.setAccessibleName(translate("first_run", "Wiederherstellungsschlüssel"))
        self.key.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        layout.addWidget(self.key)
        buttons = QHBoxLayout()
        self.save_pdf = QPushButton(translate("first_run", "Als &PDF speichern …"))
        self.print = QPushButton(translate("first_run", "&Drucken …"))
        buttons.addWidget(self.save_pdf)
        buttons.addWidget(self.print)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.saved_note = QLabel()
        layout.addWidget(self.saved_note)
        self.kept = QCheckBox(
            translate("first_run", "Ich habe den Wiederherstellungsschlüssel sicher &aufbewahrt.")
        )
        layout.addWidget(self.kept)
        layout.addStretch()
        self.kept.toggled.connect(self.completeChanged)
        self.save_pdf.clicked.connect(self._save_pdf)
        self.print.clicked.connect(self._print)

    def initializePage(self) -> None:
        self.key.setPlainText(self._wizard.recovery_key)

    def isComplete(self) -> bool:
        return self.kept.isChecked()

    def _sheet(self) -> dict[str, Any]:
        return {
            "recovery_key": self._wizard.recovery_key,
            "admin": self._wizard.admin,
            "created": dt.date.today(),
        }

    def save_to(self, path: Path) -> None:
        recovery_sheet.write_pdf(path, **self._sheet())
        self.saved_note.setText(
            translate("first_run", "Gespeichert: {file}").format(file=path.name)
        )

    def _save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("first_run", "Wiederherstellungsblatt speichern"),
            "KIM-Wiederherstellungsblatt.pdf",
            translate("first_run", "PDF-Dateien (*.pdf)"),
        )
        if name:
            self.save_to(Path(name))

    def _print(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            recovery_sheet.print_sheet(printer, **self._sheet())


class FirstRunWizard(QWizard):
    """Emits :attr:`finished_with_vault` with the new, unlocked vault."""

    finished_with_vault = Signal(object)

    def __init__(
        self, data_dir: Path, taskman: TaskManager, *, server_url: str = "",
        trust: Any = None, provisioned: bool = False, parent: QWidget | None = None,
    ) -> None:
        """``server_url`` and ``trust`` (a ``ServerTrust``) come from IT's provisioning when
        ``provisioned``: then the address is fixed and the server is checked against it."""
        super().__init__(parent)
        self.data_dir = data_dir
        self.trust = trust
        self.taskman = taskman
        self.vault: Any = None
        self.recovery_key = ""
        self.admin = ""
        self.creating = False
        self.setWindowTitle(translate("first_run", "KIM Desktop einrichten"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.admin_page = AdminPage(self)
        self.recovery_page = RecoveryPage(self)
        self.sync_page = SyncPage(self, server_url, provisioned=provisioned)
        for page in (self.admin_page, self.recovery_page, self.sync_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, translate("first_run", "&Weiter"))
        self.setButtonText(QWizard.WizardButton.BackButton, translate("first_run", "&Zurück"))
        self.setButtonText(QWizard.WizardButton.FinishButton, translate("first_run", "&Fertig"))
        self.setButtonText(QWizard.WizardButton.CancelButton, translate("first_run", "Abbre&chen"))
        self.resize(self.sizeHint().expandedTo(self.fontMetrics().size(0, "M" * 60)))

    def create_vault(self, admin: str, password: str) -> None:
        from kim_desktop.core.vault import Vault

        self.creating = True
        self.admin = admin
        self.admin_page.completeChanged.emit()
        self.admin_page.status.show_message(translate("first_run", "Wird angelegt …"))

        def work() -> tuple[Any, str]:
            return Vault.create(self.data_dir, admin=admin, password=password)

        self.taskman.query(work, on_done=self._created, on_error=self._failed)

    def _created(self, result: tuple[Any, str]) -> None:
        self.vault, self.recovery_key = result
        self.creating = False
        self.admin_page.status.show_message("")
        self.admin_page.created()
        self.next()

    def _failed(self, error: Exception) -> None:
        self.creating = False
        self.admin_page.status.show_message(user_message(error))
        self.admin_page.completeChanged.emit()

    def join_office(self, url: str, code: str, office_key: str) -> None:
        from kim_desktop.sync.enroll import enroll

        self.sync_page.joining = True
        self.sync_page.completeChanged.emit()
        self.sync_page.status.show_message(translate("first_run", "Verbinde …"))
        vault = self.vault

        def work() -> Any:
            with vault.session() as session:
                return enroll(session, server_url=url, code=code,
                              office_recovery_key=office_key or None, trust=self.trust)

        def failed(error: Exception) -> None:
            self.sync_page.joining = False
            self.sync_page.completeChanged.emit()
            self.sync_page.status.show_message(user_message(error))

        self.taskman.query(
            work, on_done=lambda e: self.sync_page.joined(e.office_recovery_key),
            on_error=failed,
        )

    def accept(self) -> None:
        super().accept()
        self.finished_with_vault.emit(self.vault)

    def reject(self) -> None:
        if self.vault is not None:
            # The vault exists now; leaving would lose the only view of the recovery key.
            return
        super().reject()

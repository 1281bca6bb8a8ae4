"""Restoring a backup in the program, for the office admin (Büroleitung): in Settings, pick the
backup file, read what it means, confirm.

The program first checks the file while everything stays open (a wrong or damaged file changes
nothing), then closes every window and the vault, puts the backup in place with a progress
message (:meth:`kim_desktop.core.vault.Vault.restore`, which keeps the files of before in
``before-restore/``) and shows the sign-in again: passwords and users are those of the backup.
The restore begins a new sync epoch: before its next push, the computer fetches back from the
sync server what it had sent since the backup, and its changes go under fresh numbers
(docs/sync-client.md, "Restored and copied vaults").
"""

from __future__ import annotations

from pathlib import Path

from kim_desktop.core.backup import PREVIOUS_FOLDER
from kim_desktop.core.vault import Vault
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import counted
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    Qt,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import FormDialog, add_row, confirm


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def restore_warning() -> str:
    return translate(
        "restore",
        "Die Datenbank dieses Rechners wird durch die Sicherung ersetzt. Was hier seit der "
        "Sicherung erfasst und noch nicht an den Sync-Server gegangen ist, fehlt danach; die "
        "bisherigen Dateien bleiben im Unterordner {folder}. Passwörter und Benutzer*innen "
        "sind danach die vom Zeitpunkt der Sicherung. Was dieser Rechner seit der Sicherung "
        "an den Sync-Server gesendet hat, holt er beim nächsten Abgleich zurück. Wer nach der "
        "Sicherung gelöscht wurde, wird bei der nächsten Anmeldung erneut gelöscht.",
    ).format(folder=f"{PREVIOUS_FOLDER}/")


def erased_again_text(count: int) -> str:
    """Says that the unlock erased again persons a restored backup brought back."""
    return counted(
        count,
        translate("restore", "1 Person, die nach der zurückgespielten Sicherung gelöscht "
                  "worden war, ist erneut gelöscht."),
        translate("restore", "{count} Personen, die nach der zurückgespielten Sicherung "
                  "gelöscht worden waren, sind erneut gelöscht."),
    )


class RestoreDialog(FormDialog):
    """Sicherung zurückspielen: the file, the warning, then the program's own restore."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(translate("restore", "Sicherung zurückspielen"), parent)
        self.context = context
        self.form.addRow(_note(restore_warning()))
        self.path = QLineEdit()
        self.path.setPlaceholderText(translate("restore", "Pfad der Sicherungsdatei"))
        self.browse = QPushButton(translate("restore", "&Durchsuchen …"))
        self.browse.clicked.connect(self.pick)
        add_row(self.form, translate("restore", "Sicherungs&datei:"), self.path)
        self.form.addRow("", self.browse)
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setText(translate("restore", "&Zurückspielen …"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.track([self.path])

    def pick(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("restore", "Sicherung wählen"), str(Path.home()),
            translate("restore", "KIM-Sicherungen (*.kimbackup *.tar);;Alle Dateien (*)"))
        if name:
            self.path.setText(name)
            self.path.setFocus()

    def submit(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.refuse(translate("restore", "Bitte die Sicherungsdatei wählen."), self.path)
            return
        source = Path(text).expanduser()
        data_dir = self.context.data_dir
        self.set_busy(True)
        self.error.show_message(translate("restore", "Die Sicherung wird geprüft …"))
        self.context.taskman.query(
            lambda: Vault.check_backup(data_dir, source=source),
            on_done=lambda _none: self._checked(source), on_error=self._failed)

    def _checked(self, source: Path) -> None:
        self.set_busy(False)
        self.error.show_message("")
        if not confirm(
            self, translate("restore", "Sicherung zurückspielen"),
            translate("restore", "Die Sicherung ist in Ordnung. Jetzt zurückspielen? Das "
                      "Programm schließt dafür alle Fenster; danach melden Sie sich mit einem "
                      "Passwort vom Zeitpunkt der Sicherung an."),
            translate("restore", "Zurückspielen")):
            return
        restore = self.context.restore
        self.track([self.path])
        self.accept()
        if restore is not None:
            restore(source)

    def _failed(self, error: Exception) -> None:
        self.set_busy(False)
        self.refuse(user_message(error), self.path)


def restore_progress(parent: QWidget | None = None) -> QProgressDialog:
    """The message while the backup goes into place: modal, without a way to stop it."""
    progress = QProgressDialog(
        translate("restore", "Die Sicherung wird zurückgespielt …"), "", 0, 0, parent)
    progress.setWindowTitle(translate("restore", "Sicherung zurückspielen"))
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.show()
    return progress


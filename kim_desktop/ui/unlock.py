"""The unlock screen: user and password, the delay after failed attempts with a countdown, and
"forgot password" with the recovery key."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from kim_desktop.core.errors import AttemptDelayed, WrongPassword
from kim_desktop.ui.first_run import PasswordFields
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFont,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.taskman import TaskManager
from kim_desktop.ui.widgets import ErrorLabel, add_row, grow_to_fit


class UnlockDialog(QDialog):
    """Emits :attr:`unlocked` with the open vault."""

    unlocked = Signal(object)

    def __init__(
        self, data_dir: Path, taskman: TaskManager, *, user: str = "", hint: str = "",
        password: str = "", parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.taskman = taskman
        self.setWindowTitle(translate("unlock", "KIM Desktop – Entsperren"))
        layout = QVBoxLayout(self)
        title = QLabel("KIM Desktop")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        heading = QLabel(translate(
            "unlock", "Fallmanagement im Kommunalen Integrationsmanagement. Bitte melden Sie "
            "sich an."))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.user = QLineEdit(user)
        self.password = QLineEdit(password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        add_row(form, translate("unlock", "&Benutzername:"), self.user)
        add_row(form, translate("unlock", "&Passwort:"), self.password)
        layout.addLayout(form)
        self.hint = QLabel(hint)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)  # a notice may be the server's words
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        self.countdown = QLabel()
        self.countdown.setWordWrap(True)
        self.countdown.hide()
        layout.addWidget(self.countdown)
        buttons = QDialogButtonBox()
        self.unlock_button = QPushButton(translate("unlock", "&Entsperren"))
        self.forgot = QPushButton(translate("unlock", "Passwort &vergessen …"))
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.forgot, QDialogButtonBox.ButtonRole.ResetRole)
        quit_button = buttons.addButton(
            translate("unlock", "Been&den"), QDialogButtonBox.ButtonRole.RejectRole
        )
        quit_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        # Only a button inside the dialog becomes its default for good: made default
        # before, Enter in a field pressed whichever button Tab had passed last ("Beenden").
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.forgot.clicked.connect(self._forgot)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._remaining = 0
        self._busy = False
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        (self.password if user else self.user).setFocus()

    def try_unlock(self) -> None:
        if self._busy or self._remaining > 0:
            return
        user, password = self.user.text().strip(), self.password.text()
        if not user or not password:
            self.message.show_message(
                translate("unlock", "Bitte Benutzername und Passwort eingeben.")
            )
            return
        from kim_desktop.core.vault import Vault

        self._set_busy(True)
        self.message.show_message("")

        def work() -> Any:
            return Vault.unlock(self.data_dir, user=user, password=password)

        self.taskman.query(work, on_done=self._unlocked, on_error=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy and self._remaining <= 0)
        self.unlock_button.setText(
            translate("unlock", "Wird entsperrt …") if busy else translate("unlock", "&Entsperren")
        )

    def _unlocked(self, vault: Any) -> None:
        self._set_busy(False)
        self.password.clear()
        self.accept()
        self.unlocked.emit(vault)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.password.selectAll()
        self.password.setFocus()
        self.message.show_message(user_message(error))
        if isinstance(error, WrongPassword | AttemptDelayed) and error.retry_after > 0:
            self.start_countdown(error.retry_after)

    def start_countdown(self, seconds: float) -> None:
        self._remaining = math.ceil(seconds)
        self.unlock_button.setEnabled(False)
        self._show_countdown()
        self._timer.start()

    def _tick(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._timer.stop()
            self.countdown.hide()
            self.unlock_button.setEnabled(not self._busy)
            return
        self._show_countdown()

    def _show_countdown(self) -> None:
        self.countdown.setText(
            translate(
                "unlock",
                "Zum Schutz vor dem Erraten von Passwörtern wartet KIM Desktop nach "
                "Fehlversuchen kurz. Nächster Versuch in {seconds} s.",
            ).format(seconds=self._remaining)
        )
        self.countdown.show()
        grow_to_fit(self)

    def _forgot(self) -> None:
        ResetPasswordDialog(self.data_dir, self.taskman, self.user.text().strip(), self).exec()


class ResetPasswordDialog(QDialog):
    """Sets a new password with the recovery key from the recovery sheet."""

    def __init__(
        self, data_dir: Path, taskman: TaskManager, user: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.taskman = taskman
        self.setWindowTitle(translate("unlock", "Passwort vergessen"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "unlock",
                "Geben Sie den Wiederherstellungsschlüssel vom Wiederherstellungsblatt ein und "
                "wählen Sie ein neues Passwort.",
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.recovery_key = QLineEdit()
        add_row(form, translate("unlock", "&Wiederherstellungsschlüssel:"), self.recovery_key)
        layout.addLayout(form)
        self.fields = PasswordFields(user=user)
        layout.addWidget(self.fields)
        self.message = ErrorLabel()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("unlock", "Passwort &setzen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("unlock", "&Abbrechen")
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def submit(self) -> None:
        problem = self.fields.problem()
        if not self.recovery_key.text().strip():
            problem = translate("unlock", "Bitte den Wiederherstellungsschlüssel eingeben.")
        if problem:
            self.message.show_message(problem)
            return
        from kim_desktop.core.vault import Vault

        user = self.fields.user.text().strip()
        key, password = self.recovery_key.text().strip(), self.fields.password.text()
        self.ok.setEnabled(False)

        def work() -> None:
            Vault.reset_password(self.data_dir, user=user, recovery_key=key, new_password=password)

        self.taskman.query(work, on_done=lambda _: self.accept(), on_error=self._failed)

    def _failed(self, error: Exception) -> None:
        self.ok.setEnabled(True)
        self.message.show_message(user_message(error))

"""Passwords and local users, in Settings: everyone changes their own password; the office
admin (Büroleitung) adds users, renews the data key ("Schlüssel erneuern") and restores a
backup (:mod:`kim_desktop.ui.restore`).

Changing a password and adding a user re-seal the vault's data key for one user with Argon2id
(about half a second of CPU), so they run on the database thread. Renewing the key gives the
database a new data key after a verified backup, sealed for every user and the recovery key
(docs/vault.md). Either way the recovery key stays valid for every user and the recovery sheet
needs no reprint; the dialogs say so. Who may see what follows
:class:`~kim_desktop.core.vault.Vault`: every signed-in user may list the users (the unlock
screen asks for a name anyway), only an office admin may add one or renew the key.
"""

from __future__ import annotations

import math
from typing import Any

from kim_desktop.core.errors import AttemptDelayed, WrongPassword
from kim_desktop.core.vault import LocalUser, Role
from kim_desktop.ui.context import Context
from kim_desktop.ui.first_run import PasswordFields
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.restore import RestoreDialog
from kim_desktop.ui.widgets import FormDialog, add_row


def role_label(role: Role) -> str:
    return {
        Role.OFFICE_ADMIN: translate("accounts", "Büroleitung"),
        Role.CASE_MANAGER: translate("accounts", "Case-Management"),
    }.get(role, role.value)


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _recovery_note() -> str:
    return translate(
        "accounts",
        "Der Wiederherstellungsschlüssel ändert sich dabei nicht und gilt weiter für alle "
        "Benutzer*innen dieses Rechners; das Wiederherstellungsblatt muss nicht neu gedruckt "
        "werden.",
    )


class _PasswordDialog(FormDialog):
    """A form around :class:`PasswordFields` whose messages may wrap over several lines."""

    def __init__(self, title: str, fields: PasswordFields, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.fields = fields
        # Beside the dialog's form, not inside it: a form nested in a form row gets too little
        # height for its wrapped lines and draws them over each other.
        box = self.layout()
        assert isinstance(box, QVBoxLayout)
        self.box = box
        box.insertWidget(1, fields)
        box.insertStretch(box.indexOf(self.buttons))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        # Grow once the new text is laid out, so that no wrapped line is cut off.
        self._fit = QTimer(self)
        self._fit.setSingleShot(True)
        self._fit.timeout.connect(self._grow)
        fields.changed.connect(self._fit.start)

    def _grow(self) -> None:
        self.fields.form.activate()  # the nested form first, or its new height is not known
        self.adjustSize()

    def add_note(self, text: str) -> None:
        """A wrapped paragraph below the fields."""
        self.box.insertWidget(self.box.indexOf(self.error), _note(text))

    def say(self, text: str) -> None:
        self.error.show_message(text)
        self._fit.start()

    def refuse_problem(self, problem: str) -> bool:
        """Shows a problem of the fields where they show it as one types; False if none."""
        if problem:
            self.say("")
            self.fields.feedback.show_message(problem)
        return bool(problem)


class ChangePasswordDialog(_PasswordDialog):
    """The signed-in user's new password; the old one is asked for and counts as an attempt."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(translate("accounts", "Passwort ändern"),
                         PasswordFields(user=context.user, new=True), parent)
        self.context = context
        self.form.addRow(_note(translate(
            "accounts", "Neues Passwort für {user}. Es gilt ab der nächsten Anmeldung."
        ).format(user=context.user)))
        self.old_password = QLineEdit()
        self.old_password.setEchoMode(QLineEdit.EchoMode.Password)
        add_row(self.fields.form, translate("accounts", "&Bisheriges Passwort:"),
                self.old_password, row=0)
        self.fields.form.setRowVisible(self.fields.user, False)
        self.add_note(_recovery_note())
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setText(translate("accounts", "Passwort än&dern"))
        # After wrong old passwords the vault makes the next try wait, as the unlock screen does.
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(lambda: self.save.setEnabled(True))
        self.track([self.old_password, self.fields.password, self.fields.repeat])
        self.old_password.setFocus()

    def submit(self) -> None:
        if not self.old_password.text():
            self.say(translate("accounts", "Bitte das bisherige Passwort eingeben."))
            return
        if self.refuse_problem(self.fields.problem()):
            return
        vault, user = self.context.vault, self.context.user
        old, new = self.old_password.text(), self.fields.password.text()
        self.set_busy(True)
        self.say(translate("accounts", "Wird geändert …"))

        def work() -> None:
            vault.change_password(user=user, old_password=old, new_password=new)

        self.context.taskman.write(work, on_done=self._changed, on_error=self._failed)

    def _changed(self, _: Any) -> None:
        self.set_busy(False)
        self.saved()

    def _failed(self, error: Exception) -> None:
        self.set_busy(False)
        if not isinstance(error, WrongPassword | AttemptDelayed):
            self.say(user_message(error))
            return
        message = (translate("accounts", "Das bisherige Passwort ist falsch.")
                   if isinstance(error, WrongPassword)
                   else translate("accounts", "Zu viele Fehlversuche."))
        if error.retry_after > 0:
            seconds = math.ceil(error.retry_after)
            message += " " + translate(
                "accounts", "Zum Schutz vor dem Erraten von Passwörtern ist der nächste Versuch "
                "in {seconds} s möglich.",
            ).format(seconds=seconds)
            self.save.setEnabled(False)
            self._wait.start(seconds * 1000)
        self.say(message)
        self.old_password.selectAll()
        self.old_password.setFocus()


class AddUserDialog(_PasswordDialog):
    """A new local user with a first password (office admins only; the vault enforces it)."""

    def __init__(self, context: Context, taken: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("accounts", "Benutzer*in hinzufügen"), PasswordFields(),
                         parent)
        self.context = context
        self.taken = set(taken)
        self.added: LocalUser | None = None
        self.role = QComboBox()
        for role in (Role.CASE_MANAGER, Role.OFFICE_ADMIN):
            self.role.addItem(role_label(role), role.value)
        add_row(self.fields.form, translate("accounts", "&Rolle:"), self.role, row=1)
        self.add_note(translate(
            "accounts",
            "Teilen Sie das erste Passwort der Person persönlich mit. Sie sollte es bei der "
            "ersten Anmeldung unter Einstellungen mit „Passwort ändern“ durch ein eigenes "
            "ersetzen. Nur die Büroleitung kann weitere Benutzer*innen anlegen.",
        ))
        self.add_note(_recovery_note())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("accounts", "&Anlegen"))
        self.fields.changed.connect(self._check_taken)
        self.track([self.fields.user, self.role, self.fields.password, self.fields.repeat])
        self.fields.user.setFocus()

    def problem(self) -> str:
        name = self.fields.user.text().strip()
        if name in self.taken:
            return translate("accounts", "Den Benutzernamen „{name}“ gibt es schon.").format(
                name=name)
        return self.fields.problem()

    def _check_taken(self) -> None:
        if self.fields.user.text().strip() in self.taken:
            self.fields.feedback.show_message(self.problem())

    def submit(self) -> None:
        if self.refuse_problem(self.problem()):
            return
        vault = self.context.vault
        name, password = self.fields.user.text().strip(), self.fields.password.text()
        role = Role(self.role.currentData())
        self.set_busy(True)
        self.say(translate("accounts", "Wird angelegt …"))

        def work() -> LocalUser:
            return vault.add_user(name=name, role=role, password=password)

        self.context.taskman.write(work, on_done=self._added, on_error=self._failed)

    def _added(self, user: LocalUser) -> None:
        self.set_busy(False)
        self.added = user
        self.saved()

    def _failed(self, error: Exception) -> None:
        self.set_busy(False)
        self.say(user_message(error))


class RekeyDialog(FormDialog):
    """Schlüssel erneuern: a new data key for the database (office admins only)."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(translate("accounts", "Schlüssel erneuern"), parent)
        self.context = context
        self.form.addRow(_note(translate(
            "accounts", "Die Datenbank bekommt einen neuen Schlüssel. Zuerst wird eine geprüfte "
            "Sicherung im Datenordner geschrieben (rekey-backup.tar). Danach öffnen alte Kopien "
            "der Schlüsseldatei mit alten Passwörtern nichts mehr – sinnvoll, wenn ein Passwort "
            "bekannt geworden sein könnte. Alle Passwörter bleiben gültig.")))
        self.form.addRow(_note(_recovery_note()))
        self.recovery_key = QLineEdit()
        self.recovery_key.setPlaceholderText(translate(
            "accounts", "vom Wiederherstellungsblatt"))
        add_row(self.form, translate("accounts", "&Wiederherstellungsschlüssel:"),
                self.recovery_key)
        self.save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setText(translate("accounts", "Schlüssel &erneuern"))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.track([self.recovery_key])

    def submit(self) -> None:
        vault = self.context.vault
        recovery_key = self.recovery_key.text().strip() or None
        self.set_busy(True)
        self.error.show_message(translate("accounts", "Wird erneuert …"))

        def work() -> Any:
            return vault.rekey(recovery_key=recovery_key)

        self.context.taskman.write(work, on_done=self._renewed, on_error=self._failed)

    def _renewed(self, _backup: Any) -> None:
        self.set_busy(False)
        self.saved()

    def _failed(self, error: Exception) -> None:
        self.set_busy(False)
        self.error.show_message(user_message(error))


class AccountsSection(QWidget):
    """The part of Settings about the signed-in user and the users of this computer."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        role = context.vault.user.role
        self.is_admin = role == Role.OFFICE_ADMIN
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        account = QGroupBox(translate("accounts", "Ihr Konto"))
        row = QHBoxLayout(account)
        row.addWidget(QLabel(translate("accounts", "Angemeldet als {user} ({role}).").format(
            user=context.user, role=role_label(role))))
        self.change_password_button = QPushButton(translate("accounts", "Passwort ä&ndern …"))
        self.change_password_button.clicked.connect(self.change_password)
        row.addWidget(self.change_password_button)
        row.addStretch()
        layout.addWidget(account)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # errors may be the server's words
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        users = QGroupBox(translate("accounts", "Benutzer*innen dieses Rechners"))
        users_layout = QVBoxLayout(users)
        self.users = QTreeWidget()
        self.users.setHeaderLabels([translate("accounts", "Name"), translate("accounts", "Rolle")])
        self.users.setAccessibleName(translate("accounts", "Benutzer*innen dieses Rechners"))
        self.users.setRootIsDecorated(False)
        self.users.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        users_layout.addWidget(self.users)
        if self.is_admin:
            self.add_user_button: QPushButton | None = QPushButton(
                translate("accounts", "Benutzer*in hin&zufügen …"))
            self.add_user_button.clicked.connect(self.add_user)
            users_layout.addWidget(self.add_user_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.rekey_button: QPushButton | None = QPushButton(
                translate("accounts", "S&chlüssel erneuern …"))
            self.rekey_button.clicked.connect(self.rekey)
            users_layout.addWidget(self.rekey_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.restore_button: QPushButton | None = QPushButton(
                translate("accounts", "Sicherung zu&rückspielen …"))
            self.restore_button.clicked.connect(self.restore)
            users_layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self.add_user_button = None
            self.rekey_button = None
            self.restore_button = None
            users_layout.addWidget(_note(translate(
                "accounts", "Benutzer*innen anlegen kann nur die Büroleitung.")))
        layout.addWidget(users)
        self.names: list[str] = []
        self.reload()

    def reload(self) -> None:
        vault = self.context.vault
        self.context.taskman.query(vault.users, on_done=self._show_users,
                                   on_error=lambda e: self.show_status(user_message(e)))

    def _show_users(self, users: list[LocalUser]) -> None:
        self.names = [user.name for user in users]
        self.users.clear()
        for user in users:
            self.users.addTopLevelItem(QTreeWidgetItem([user.name, role_label(user.role)]))
        self.users.resizeColumnToContents(0)

    def show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self.context, self)
        dialog.accepted.connect(lambda: self.show_status(translate(
            "accounts", "✓ Das Passwort ist geändert. Es gilt ab der nächsten Anmeldung.")))
        dialog.open()
        return dialog

    def add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self.context, self.names, self)
        dialog.accepted.connect(lambda: self._user_added(dialog))
        dialog.open()
        return dialog

    def rekey(self) -> RekeyDialog:
        dialog = RekeyDialog(self.context, self)
        dialog.accepted.connect(lambda: self.show_status(translate(
            "accounts", "✓ Der Schlüssel ist erneuert. Alle Passwörter und der "
            "Wiederherstellungsschlüssel gelten weiter.")))
        dialog.open()
        return dialog

    def restore(self) -> RestoreDialog:
        dialog = RestoreDialog(self.context, self)
        dialog.open()
        return dialog

    def _user_added(self, dialog: AddUserDialog) -> None:
        if dialog.added is not None:
            self.show_status(translate("accounts", "✓ {name} ist angelegt ({role}).").format(
                name=dialog.added.name, role=role_label(dialog.added.role)))
        self.reload()

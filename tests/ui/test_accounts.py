"""Settings: changing one's own password and adding users, on a real vault."""

from __future__ import annotations

from typing import Any

import pytest

from kim_desktop.core.vault import Role, Vault
from kim_desktop.core.vault_header import HEADER_NAME
from kim_desktop.ui.accounts import RekeyDialog
from kim_desktop.ui.qt import QLabel
from tests.ui.conftest import PASSWORD, USER, unlock

NEW_PASSWORD = "Tee nachmittags im Stadthaus"
COLLEAGUE = "Bernd Beispiel"
COLLEAGUE_PASSWORD = "Erstes Passwort für Bernd"


def settings_of(qtbot: Any, controller: Any) -> Any:
    window = unlock(qtbot, controller)
    window.show_page("settings")
    accounts = window.pages["settings"].accounts
    qtbot.waitUntil(lambda: accounts.users.topLevelItemCount() > 0, timeout=10_000)
    return accounts


def finish(qtbot: Any, dialog: Any) -> None:
    """Submits ``dialog`` and waits until the vault has answered."""
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=10_000)


def unlock_as(qtbot: Any, controller: Any, user: str, password: str) -> Any:
    controller.lock()
    dialog = controller.unlock_dialog
    dialog.user.setText(user)
    dialog.password.setText(password)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: controller.window is not None or dialog.message.isVisible(),
                    timeout=10_000)
    if controller.window is not None:
        qtbot.addWidget(controller.window)
    return controller.window


def test_changed_password_opens_the_vault_and_the_old_one_no_longer(
    qtbot: Any, controller: Any
) -> None:
    accounts = settings_of(qtbot, controller)
    dialog = accounts.change_password()
    dialog.old_password.setText(PASSWORD)
    dialog.fields.password.setText(NEW_PASSWORD)
    dialog.fields.repeat.setText(NEW_PASSWORD)
    finish(qtbot, dialog)
    assert not dialog.isVisible()
    assert "Passwort ist geändert" in accounts.status.text()
    assert unlock_as(qtbot, controller, USER, PASSWORD) is None
    assert "falsch" in controller.unlock_dialog.message.text()
    controller.unlock_dialog.password.setText(NEW_PASSWORD)
    controller.unlock_dialog.try_unlock()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    qtbot.addWidget(controller.window)


def test_wrong_old_password_is_said_and_the_vault_makes_the_next_try_wait(
    qtbot: Any, controller: Any
) -> None:
    accounts = settings_of(qtbot, controller)
    header = (controller.data_dir / HEADER_NAME).read_bytes()
    dialog = accounts.change_password()
    dialog.fields.password.setText(NEW_PASSWORD)
    dialog.fields.repeat.setText(NEW_PASSWORD)
    dialog.submit()
    assert "bisherige Passwort eingeben" in dialog.error.text()
    for attempt in range(1, 4):
        dialog.old_password.setText(f"nicht das Passwort {attempt}")
        finish(qtbot, dialog)
        assert dialog.isVisible()
        assert "Das bisherige Passwort ist falsch." in dialog.error.text()
    # The third failure in a row starts the delay the unlock screen also applies.
    assert "nächste Versuch in 5 s" in dialog.error.text()
    assert not dialog.save.isEnabled()
    assert (controller.data_dir / HEADER_NAME).read_bytes() == header
    assert Vault.attempt_delay(controller.data_dir, user=USER) > 0


def test_a_weak_new_password_is_refused_before_the_vault_is_asked(
    qtbot: Any, controller: Any
) -> None:
    accounts = settings_of(qtbot, controller)
    header = (controller.data_dir / HEADER_NAME).read_bytes()
    dialog = accounts.change_password()
    dialog.old_password.setText(PASSWORD)
    dialog.fields.password.setText("kurz")
    assert "zu kurz" in dialog.fields.feedback.text()  # said while typing
    dialog.fields.repeat.setText("kurz")
    dialog.submit()
    assert "zu kurz" in dialog.fields.feedback.text()
    assert not dialog.error.isVisibleTo(dialog)  # said once, next to the fields
    dialog.fields.password.setText(f"{USER} {USER} {USER} 1")
    dialog.fields.repeat.setText(f"{USER} {USER} {USER} 1")
    dialog.submit()
    assert "zu schnell erraten" in dialog.fields.feedback.text()
    dialog.fields.password.setText(NEW_PASSWORD)
    dialog.fields.repeat.setText(NEW_PASSWORD + "!")
    dialog.submit()
    assert "stimmen nicht überein" in dialog.fields.feedback.text()
    assert dialog.isVisible()
    assert (controller.data_dir / HEADER_NAME).read_bytes() == header


def test_the_admin_adds_a_case_manager_who_can_then_sign_in_but_not_add_users(
    qtbot: Any, controller: Any
) -> None:
    accounts = settings_of(qtbot, controller)
    assert accounts.add_user_button is not None
    dialog = accounts.add_user()
    dialog.fields.user.setText(f"  {COLLEAGUE} ")
    assert dialog.role.currentData() == Role.CASE_MANAGER.value
    dialog.fields.password.setText(COLLEAGUE_PASSWORD)
    dialog.fields.repeat.setText(COLLEAGUE_PASSWORD)
    finish(qtbot, dialog)
    assert not dialog.isVisible()
    assert f"{COLLEAGUE} ist angelegt (Case-Management)" in accounts.status.text()
    qtbot.waitUntil(lambda: accounts.users.topLevelItemCount() == 2, timeout=10_000)
    rows = [(accounts.users.topLevelItem(i).text(0), accounts.users.topLevelItem(i).text(1))
            for i in range(2)]
    assert rows == [(USER, "Büroleitung"), (COLLEAGUE, "Case-Management")]

    window = unlock_as(qtbot, controller, COLLEAGUE, COLLEAGUE_PASSWORD)
    assert window is not None and COLLEAGUE in window.windowTitle()
    window.show_page("settings")
    theirs = window.pages["settings"].accounts
    qtbot.waitUntil(lambda: theirs.users.topLevelItemCount() == 2, timeout=10_000)
    assert theirs.add_user_button is None
    assert "nur die Büroleitung" in " ".join(
        label.text() for label in theirs.findChildren(QLabel))
    # Even a dialog opened by other means is refused by the vault.
    from kim_desktop.ui.accounts import AddUserDialog

    dialog = AddUserDialog(window.context, theirs.names, theirs)
    qtbot.addWidget(dialog)
    dialog.fields.user.setText("Carla")
    dialog.fields.password.setText(COLLEAGUE_PASSWORD)
    dialog.fields.repeat.setText(COLLEAGUE_PASSWORD)
    finish(qtbot, dialog)
    assert "Nur die Büroleitung darf Benutzer anlegen." in dialog.error.text()
    assert [u.name for u in Vault.local_users(controller.data_dir)] == [USER, COLLEAGUE]


@pytest.mark.parametrize(("name", "expected"), [
    (USER, "gibt es schon"),
    ("", "Bitte einen Benutzernamen angeben."),
    ("Bernd\x07", "Steuerzeichen"),
])
def test_taken_and_invalid_names_are_refused(
    qtbot: Any, controller: Any, name: str, expected: str
) -> None:
    accounts = settings_of(qtbot, controller)
    dialog = accounts.add_user()
    dialog.fields.user.setText(name)
    dialog.fields.password.setText(COLLEAGUE_PASSWORD)
    dialog.fields.repeat.setText(COLLEAGUE_PASSWORD)
    assert expected in dialog.fields.feedback.text()  # said while typing
    dialog.fields.feedback.show_message("")
    dialog.submit()  # and again when saving anyway
    assert expected in dialog.fields.feedback.text()
    assert dialog.isVisible()
    assert len(Vault.local_users(controller.data_dir)) == 1


def test_a_name_taken_meanwhile_is_refused_by_the_vault(qtbot: Any, controller: Any) -> None:
    from kim_desktop.ui.accounts import AddUserDialog

    window = unlock(qtbot, controller)
    dialog = AddUserDialog(window.context, [], window)  # the list did not know the name yet
    qtbot.addWidget(dialog)
    dialog.fields.user.setText(USER)
    dialog.fields.password.setText(COLLEAGUE_PASSWORD)
    dialog.fields.repeat.setText(COLLEAGUE_PASSWORD)
    finish(qtbot, dialog)
    assert f"Den Benutzernamen »{USER}« gibt es schon." in dialog.error.text()
    assert dialog.added is None


def test_cancel_asks_only_when_something_was_typed(
    qtbot: Any, controller: Any, no_dialogs: list[str]
) -> None:
    accounts = settings_of(qtbot, controller)
    for dialog in (accounts.change_password(), accounts.add_user()):
        dialog.reject()
        assert not dialog.isVisible()
    assert no_dialogs == []
    dialog = accounts.change_password()
    dialog.old_password.setText("halb getippt")
    dialog.reject()
    assert no_dialogs == ["Ungespeicherte Eingaben"]
    add = accounts.add_user()
    add.role.setCurrentIndex(1)
    add.reject()
    assert no_dialogs == ["Ungespeicherte Eingaben"] * 2



def test_the_admin_renews_the_key_and_every_password_still_opens(
    qtbot: Any, controller: Any, recovery_key: str
) -> None:
    accounts = settings_of(qtbot, controller)
    assert accounts.rekey_button is not None
    header = (controller.data_dir / HEADER_NAME).read_bytes()
    accounts.rekey_button.click()
    dialog = accounts.findChild(RekeyDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.recovery_key.setFocus()
    qtbot.keyClicks(dialog.recovery_key, recovery_key)
    finish(qtbot, dialog)
    assert not dialog.isVisible(), dialog.error.text()
    assert "Schlüssel ist erneuert" in accounts.status.text()
    assert (controller.data_dir / HEADER_NAME).read_bytes() != header
    assert (controller.data_dir / "rekey-backup.tar").is_file()
    window = unlock_as(qtbot, controller, USER, PASSWORD)
    assert window is not None

"""First run, unlock with wrong and right passwords, locking by shortcut and by idle time."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from kim_desktop.core.vault import Vault
from kim_desktop.ui.qt import QApplication, Qt
from tests.ui.conftest import PASSWORD, USER, to_joining, unlock


def test_first_run_creates_the_vault_and_shows_the_recovery_sheet(
    qtbot: Any, empty_data_dir: Path, tmp_path: Path
) -> None:
    from kim_desktop.ui.app import AppController

    controller = AppController(empty_data_dir)
    try:
        controller.start()
        wizard = controller.wizard
        assert wizard is not None
        qtbot.addWidget(wizard)
        page = wizard.admin_page
        page.fields.user.setText("Büro Rahden")
        page.fields.password.setText("kurz")
        assert not page.isComplete()
        assert "zu kurz" in page.fields.feedback.text()
        page.fields.password.setText("Kaffee morgens im Rathaus")
        page.fields.repeat.setText("Kaffee morgens im Rathau")
        assert "stimmen nicht" in page.fields.feedback.text()
        page.fields.repeat.setText("Kaffee morgens im Rathaus")
        assert page.isComplete()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
        key = wizard.recovery_page.key.toPlainText()
        assert len(key) > 20
        assert not wizard.recovery_page.isComplete()
        wizard.reject()  # refused: the key was not yet confirmed as kept
        assert wizard.isVisible()
        pdf = tmp_path / "sheet.pdf"
        previous = os.umask(0o022)
        try:
            wizard.recovery_page.save_to(pdf)
        finally:
            os.umask(previous)
        assert pdf.read_bytes().startswith(b"%PDF")
        # the office recovery key: on main the sheet was readable by every account (0644)
        assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
        wizard.recovery_page.kept.setChecked(True)
        wizard.next()
        assert wizard.currentPage() is wizard.sync_page
        assert wizard.sync_page.local_only.isChecked()
        wizard.accept()
        qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
        qtbot.addWidget(controller.window)
        assert "Büro Rahden" in controller.window.windowTitle()
        assert Vault.exists(empty_data_dir)
    finally:
        controller.close()


def test_wrong_password_is_explained_and_delays_the_next_try(
    qtbot: Any, controller: Any
) -> None:
    controller.start()
    dialog = controller.unlock_dialog
    qtbot.addWidget(dialog)
    dialog.user.setText(USER)
    for attempt in range(1, 5):
        dialog.password.setText(f"falsch falsch falsch {attempt}")
        dialog.try_unlock()
        qtbot.waitUntil(lambda: dialog.message.isVisible() and dialog.unlock_button.text()
                        .replace("&", "") == "Entsperren", timeout=10_000)
        dialog.message.show_message("")
        if dialog.countdown.isVisible():
            break
    assert controller.window is None
    assert attempt == 3  # the third failure starts a delay
    assert not dialog.unlock_button.isEnabled()
    assert "Nächster Versuch in 5 s" in dialog.countdown.text()
    dialog.password.setText(PASSWORD)
    dialog.try_unlock()  # refused while the countdown runs
    assert controller.window is None


def test_unlock_then_lock_by_shortcut_closes_the_window(qtbot: Any, controller: Any) -> None:
    window = unlock(qtbot, controller)
    assert window.isVisible()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert controller.context is None
    assert controller.unlock_dialog.isVisible()
    assert controller.unlock_dialog.user.text() == USER
    assert controller.unlock_dialog.password.text() == ""
    stored = (controller.data_dir / "settings.ini").read_text(encoding="utf-8")
    assert USER not in stored and PASSWORD not in stored  # nothing personal outside the vault


def test_idle_time_locks_the_program(qtbot: Any, controller: Any) -> None:
    unlock(qtbot, controller)
    controller.idle.set_interval_ms(50)
    controller.idle.start()
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert controller.unlock_dialog.isVisible()


def test_unlock_again_after_lock(qtbot: Any, controller: Any) -> None:
    unlock(qtbot, controller)
    controller.lock()
    dialog = controller.unlock_dialog
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    qtbot.addWidget(controller.window)
    assert QApplication.instance() is not None


def test_joining_an_unreachable_server_explains_and_stays(
    qtbot: Any, empty_data_dir: Path
) -> None:
    from kim_desktop.ui.app import AppController

    controller = AppController(empty_data_dir)
    try:
        page = to_joining(qtbot, controller)
        wizard = controller.wizard
        page.url.setText("kein-server")
        assert not page.validatePage()
        assert "https://" in page.status.text()
        page.url.setText("http://127.0.0.1:9")
        page.code.setText("ABCD-EFGH")
        assert not page.validatePage()
        qtbot.waitUntil(lambda: not page.joining, timeout=30_000)
        assert page.status.text().startswith("⚠")
        assert wizard.currentPage() is page
        assert not page.enrolled
    finally:
        controller.close()


def test_lock_drops_open_dialogs_without_asking(qtbot: Any, controller: Any,
                                                no_dialogs: list[str]) -> None:
    window = unlock(qtbot, controller)
    dialog = window.quick_consultation()
    dialog.notes.setPlainText("noch nicht gespeichert")
    assert dialog.isVisible()
    controller.lock()
    assert no_dialogs == []
    assert not dialog.isVisible()
    assert controller.unlock_dialog.isVisible()


def test_forgotten_password_is_replaced_with_the_recovery_key(
    qtbot: Any, controller: Any, recovery_key: str
) -> None:
    from kim_desktop.ui.unlock import ResetPasswordDialog

    dialog = ResetPasswordDialog(controller.data_dir, controller.taskman, USER)
    qtbot.addWidget(dialog)
    dialog.show()
    new_password = "Neues Passwort für das Rathaus"
    dialog.fields.password.setText(new_password)
    dialog.fields.repeat.setText(new_password)
    dialog.submit()
    assert "Wiederherstellungsschlüssel" in dialog.message.text()  # none typed yet
    dialog.recovery_key.setText("AAAAA-BBBBB")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10_000)
    assert dialog.message.text().startswith("⚠")
    dialog.recovery_key.setText(recovery_key.lower())
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert dialog.result() == dialog.DialogCode.Accepted
    unlock(qtbot, controller, password=new_password)


def test_the_wizard_says_while_typing_why_a_password_is_weak(
    qtbot: Any, empty_data_dir: Path
) -> None:
    from kim_desktop.ui.app import AppController
    from kim_desktop.ui.qt import QLabel

    controller = AppController(empty_data_dir)
    try:
        controller.start()
        wizard = controller.wizard
        assert wizard is not None
        qtbot.addWidget(wizard)
        fields = wizard.admin_page.fields
        hints = [label.text() for label in fields.findChildren(QLabel)]
        assert any(text.startswith("Mindestens 12 Zeichen") for text in hints)
        fields.user.setText("Anna")
        fields.password.setFocus()
        qtbot.keyClicks(fields.password, "Sommer2024!!")
        feedback = fields.feedback.text()
        assert "zu schnell erraten" in feedback and "vier oder mehr Wörtern" in feedback
        assert not wizard.admin_page.isComplete()
        qtbot.keyClicks(fields.password, " Zebra tanzt im Mondlicht")
        assert "stimmen nicht" in fields.feedback.text()  # strong now; the repeat is missing
    finally:
        controller.close()


def test_locking_drops_the_sync_ciphers_with_their_office_keys(
    qtbot: Any, controller: Any
) -> None:
    import os

    from kim_desktop.sync import crypto

    unlock(qtbot, controller)
    crypto.seal_json(os.urandom(32), office_id="o", kind="consultation", record_id="r",
                     version=1, text="{}")
    assert crypto._ciphers
    controller.lock()
    assert not crypto._ciphers


def test_a_message_makes_the_unlock_screen_grow_and_its_fields_keep_their_height(
    qtbot: Any, controller: Any, data_dir: Path
) -> None:
    """Reproduced on main: with a second instance running, the message took the fields'
    room and they shrank to a few pixels; the screen did not grow."""
    from tests.ui.keys import activate, press, type_text

    second_instance = Vault.unlock(data_dir, user=USER, password=PASSWORD)
    try:
        controller.start()
        dialog = controller.unlock_dialog
        qtbot.addWidget(dialog)
        activate(qtbot, dialog)
        qtbot.waitUntil(lambda: dialog.user.hasFocus(), timeout=5_000)
        before = dialog.height()
        type_text(qtbot, USER)
        press(qtbot, Qt.Key.Key_Tab)
        type_text(qtbot, "Kaffee morgens im Rathaus")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "geöffnet" in dialog.message.text(), timeout=10_000)
        qtbot.waitUntil(lambda: dialog.height() > before, timeout=5_000)
        for field in (dialog.user, dialog.password):
            assert field.height() >= field.sizeHint().height()
        message = dialog.message
        assert message.height() >= message.heightForWidth(message.width())
        assert dialog.unlock_button.height() >= dialog.unlock_button.sizeHint().height()
    finally:
        second_instance.close()


def test_enter_unlocks_after_tabbing_round_the_buttons(qtbot: Any, controller: Any) -> None:
    """Found by the AT-SPI walk: Tab past "Beenden" and back to the password field, and
    Enter closed the program, since Entsperren was made default before it was in the dialog."""
    controller.start()
    dialog = controller.unlock_dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.user, timeout=5_000)
    qtbot.keyClicks(QApplication.focusWidget(), USER)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), PASSWORD)
    while QApplication.focusWidget() is not dialog.user:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.password
    rejected: list[bool] = []
    dialog.rejected.connect(lambda: rejected.append(True))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not rejected
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)

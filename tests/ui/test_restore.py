"""The office admin restores a backup in the program: the file, the warning, the check of the
file while everything stays open, then the progress and the sign-in of the backup's time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kim_desktop.core.backup import PREVIOUS_FOLDER, RESTORE_ID_NAME
from kim_desktop.core.models import StructuralGap
from kim_desktop.ui.qt import QApplication, QLabel, Qt
from kim_desktop.ui.restore import RestoreDialog
from tests.ui.conftest import PASSWORD, unlock
from tests.ui.keys import activate, focused, press, type_text
from tests.ui.test_case_cycle import dialog_from, save_by_key
from tests.ui.test_client_file_editing import on_database
from tests.ui.test_follow_ups import answer_box_by_key


def _gaps(window: Any) -> int:
    return int(on_database(window, lambda s: s.scalar(
        select(func.count()).select_from(StructuralGap))))


def test_the_office_admin_restores_a_backup_after_a_warning(
    qtbot: Any, controller: Any, tmp_path: Path
) -> None:
    window = unlock(qtbot, controller)
    vault = window.context.vault
    backup = tmp_path / "sicherung.tar"
    controller.taskman.run_blocking_on_database(lambda: vault.backup(backup))
    before = _gaps(window)

    def add_gap(session: Any) -> None:
        session.add(StructuralGap(category_code="housing", field_of_action_code="housing",
                                  municipality_code="minden", description="nach der Sicherung",
                                  observed_on=dt.date(2026, 1, 2)))
        session.commit()

    on_database(window, add_gap)
    assert _gaps(window) == before + 1
    window.show_page("settings")
    accounts = window.pages["settings"].accounts
    assert accounts.restore_button is not None
    dialog = dialog_from(qtbot, window, accounts.restore_button)
    assert isinstance(dialog, RestoreDialog)
    assert focused() is dialog.path

    # A file that is no backup is refused, and nothing closes.
    wrong = tmp_path / "keine-sicherung.tar"
    wrong.write_bytes(b"nichts")
    type_text(qtbot, str(wrong))
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() and bool(dialog.error.text()),
                    timeout=10_000)
    assert "Sicherung" in dialog.error.text() and controller.window is window
    assert focused() is dialog.path

    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, str(backup))
    answer_box_by_key(qtbot, "Zurückspielen")
    save_by_key(qtbot, dialog)
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None and controller.window is None
                    and controller.unlock_dialog.isVisible(), timeout=20_000)
    unlock_dialog = controller.unlock_dialog
    assert "zurückgespielt" in unlock_dialog.hint.text()
    assert not any(isinstance(w, RestoreDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    data_dir = controller.data_dir
    assert (data_dir / PREVIOUS_FOLDER / "kim.db").is_file()
    assert (data_dir / RESTORE_ID_NAME).is_file()

    activate(qtbot, unlock_dialog)
    assert focused() is unlock_dialog.password
    type_text(qtbot, PASSWORD)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    qtbot.addWidget(controller.window)
    assert _gaps(controller.window) == before


def test_the_warning_says_what_is_lost_and_where_the_old_files_stay(
    qtbot: Any, controller: Any
) -> None:
    window = unlock(qtbot, controller)
    window.show_page("settings")
    dialog = dialog_from(qtbot, window, window.pages["settings"].accounts.restore_button)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert PREVIOUS_FOLDER in text and "Passwörter" in text
    dialog.reject()


def test_a_copy_says_so_in_the_status_bar_in_both_languages(qapp: Any) -> None:
    """What the case manager reads on a copied vault once the server refused it."""
    from kim_desktop.sync import messages
    from kim_desktop.sync.rejected import reason_in_words
    from kim_desktop.sync.status import SyncStatus
    from kim_desktop.ui import i18n
    from kim_desktop.ui.qt import translate
    from kim_desktop.ui.sync_status import status_text

    status = SyncStatus(enrolled=False, last_sync=None, pending=0, rejected=2, conflicts=0,
                        quarantined=0, online=True, last_error=None, revoked=messages.COPIED)
    aside = reason_in_words(f"device_copied: {messages.REJECTED_COPIED}")
    try:
        assert "Diese Datenbank ist eine Kopie" in status_text(status)
        assert "neu registrieren" in status_text(status)
        i18n.install("en")
        assert "This database is a copy" in status_text(status)
        assert translate(messages.CONTEXT, aside).startswith("Not sent: this database is a copy")
    finally:
        i18n.install("de")

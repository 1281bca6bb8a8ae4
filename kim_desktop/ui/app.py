"""The program's flow: first-run wizard or unlock screen, then the main window; locking
returns to the unlock screen and drops every window that shows personal data."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from kim_desktop.core.office_contacts import office_contacts, with_contacts
from kim_desktop.core.vault import Vault
from kim_desktop.ui import i18n
from kim_desktop.ui.context import Context
from kim_desktop.ui.drafts import keep_all, reopen_drafts
from kim_desktop.ui.first_run import FirstRunWizard
from kim_desktop.ui.garbage import collect_on_ui_thread
from kim_desktop.ui.idle import IdleWatcher
from kim_desktop.ui.messages import user_message, warn
from kim_desktop.ui.qt import (
    QApplication,
    QObject,
    QTimer,
    Signal,
    isValid,
    translate,
)
from kim_desktop.ui.restore import erased_again_text, restore_progress
from kim_desktop.ui.settings import AUTO_LOCK_MINUTES, LANGUAGE, Settings
from kim_desktop.ui.taskman import TaskManager
from kim_desktop.ui.unlock import UnlockDialog
from kim_desktop.ui.widgets import MessageBoxKeys
from kim_desktop.ui.wipe import RemoteWipe
from kim_protocol.catalogs import load_catalogs
from kim_protocol.server_url import ServerUrlError, same_server


class AppController(QObject):
    """Owns the task runner and the current screen; one per data folder."""

    #: The main window is shown (argument: the window).
    opened = Signal(object)
    locked = Signal()

    def __init__(
        self, data_dir: Path, *, demo_user: str = "", demo_password: str = "",
        server_url: str = "",
    ) -> None:
        super().__init__()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        collect_on_ui_thread(app)
        self.data_dir = data_dir
        self.settings = Settings(data_dir)
        self.taskman = TaskManager()
        self.demo_user = demo_user
        self.demo_password = demo_password
        self.server_url = server_url
        self.window: Any = None
        self.wizard: FirstRunWizard | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.context: Context | None = None
        self.last_user = ""
        #: The client files open at the lock (ids, in tab order) and the tab shown, to open
        #: again when the same user unlocks; in memory only.
        self.last_files: list[str] = []
        self.last_tab = 0
        self.provisioning = read_provisioning()
        if self.provisioning is not None:
            self.server_url = server_url or self.provisioning.server_url or ""
            # IT's choices are this machine's defaults until the user changes them.
            if not self.settings.is_set(LANGUAGE):
                self.settings.set(LANGUAGE, self.provisioning.language)
            if not self.settings.is_set(AUTO_LOCK_MINUTES):
                self.settings.set(AUTO_LOCK_MINUTES, self.provisioning.auto_lock_minutes)
        self.idle = IdleWatcher(app, self.settings.get(AUTO_LOCK_MINUTES))
        self.idle.idle.connect(self.lock)
        self.idle.lock_key.connect(self.lock)
        self.remote_wipe = RemoteWipe(self.taskman, close_windows=self.close_for_wipe,
                                      ended=self.shut_down)
        self.message_box_keys = MessageBoxKeys(self)
        app.installEventFilter(self.message_box_keys)
        i18n.install(self.settings.get(LANGUAGE))

    def start(self) -> None:
        from kim_desktop.core.vault import Vault

        if Vault.exists(self.data_dir):
            self.show_unlock()
        else:
            provisioned = self.provisioning is not None and bool(self.provisioning.server_url) \
                and _same_server(self.server_url, self.provisioning.server_url)
            self.wizard = FirstRunWizard(
                self.data_dir, self.taskman, server_url=self.server_url,
                trust=self.provisioning.server_trust if provisioned else None,
                provisioned=provisioned,
            )
            self.wizard.finished_with_vault.connect(self.open_main)
            self.wizard.rejected.connect(self.app.quit)
            self.wizard.show()

    def show_unlock(self, notice: str = "") -> None:
        hint = notice
        if self.demo_password and not notice:
            hint = i18n_demo_hint(self.demo_user, self.demo_password)
        self.unlock_dialog = UnlockDialog(
            self.data_dir, self.taskman, user=self.last_user or self.demo_user, hint=hint,
            password=self.demo_password,
        )
        self.unlock_dialog.unlocked.connect(self.open_main)
        self.unlock_dialog.rejected.connect(self.app.quit)
        self.unlock_dialog.show()
        self.unlock_dialog.raise_()
        QTimer.singleShot(0, preload_main_window)

    def open_main(self, vault: Any) -> None:
        from kim_desktop.ui.main_window import MainWindow

        self.context = Context(
            data_dir=self.data_dir,
            vault=vault,
            taskman=self.taskman,
            settings=self.settings,
            catalogs=with_contacts(load_catalogs(self.data_dir), office_contacts(self.data_dir)),
            demo=bool(self.demo_password),
            remote_wipe=self.remote_wipe,
            restore=self.restore_backup,
        )
        self.window = MainWindow(self.context)
        self.window.lock_requested.connect(self.lock)
        self.window.closed.connect(self.shut_down)
        self.window.auto_lock_changed.connect(self.idle.set_minutes)
        self.window.show()
        if self.context.user == self.last_user:
            for client_id in self.last_files:
                self.window.open_client(client_id)
            self.window.tabs.setCurrentIndex(min(self.last_tab, self.window.tabs.count() - 1))
        self.last_files = []
        reopen_drafts(self.window)
        if vault.erased_again:
            self.window.statusBar().showMessage(erased_again_text(vault.erased_again), 60_000)
        self.idle.set_minutes(self.settings.get(AUTO_LOCK_MINUTES))
        self.idle.start()
        self.opened.emit(self.window)

    def lock(self) -> None:
        """Keeps the drafts of open forms, closes every window with personal data, forgets
        the key, shows the unlock screen."""
        if self.context is None:
            return
        vault = self.context.vault
        self.last_user = self.context.user  # in memory only, to prefill the unlock screen
        if self.window is not None:
            self.last_files = list(self.window.client_files)
            self.last_tab = self.window.tabs.currentIndex()
        self.taskman.run_blocking_on_database(lambda: keep_all(vault))
        self._close_windows()
        self.taskman.run_blocking_on_database(vault.lock)
        forget_sync_keys()
        self.locked.emit()
        self.show_unlock()

    def restore_backup(self, source: Path) -> None:
        """Closes every window and the vault, puts the backup ``source`` in place (checked
        before, by :class:`kim_desktop.ui.restore.RestoreDialog`) and shows the sign-in again,
        saying how it went. The drafts of open forms stay with the database of before."""
        if self.context is None:
            return
        vault = self.context.vault
        self.last_user = self.context.user
        if self.window is not None:
            self.window.sync.stop()
        self.last_files = []
        self._close_windows()
        self.taskman.run_blocking_on_database(vault.lock)
        forget_sync_keys()
        self.locked.emit()
        progress = restore_progress()

        def done(_result: object) -> None:
            progress.close()
            self.show_unlock(notice=translate(
                "restore", "Die Sicherung ist zurückgespielt. Bitte melden Sie sich mit einem "
                "Passwort vom Zeitpunkt der Sicherung an."))

        def failed(error: Exception) -> None:
            progress.close()
            self.show_unlock(notice=user_message(error))

        self.taskman.write(lambda: Vault.restore(self.data_dir, source=source),
                           on_done=done, on_error=failed)

    def close_for_wipe(self) -> None:
        """Closes every window with personal data for a wipe order; the wipe closes the
        vault and deletes its files itself."""
        self.last_user = ""
        self.last_files = []
        self._close_windows()

    def _close_windows(self) -> None:
        self.idle.stop()
        for widget in self.app.topLevelWidgets():
            if widget is not self.window and widget.isVisible() and widget is not self.wizard:
                # Hidden, not closed: a dialog with unsaved input must not stop the lock by
                # asking (and showing its content) on an unattended machine.
                widget.hide()
                widget.deleteLater()
        if self.window is not None:
            self.window.discard()
            self.window = None
        self.context = None

    def close(self) -> None:
        """Locks the vault and stops the workers; the application itself keeps running."""
        self.idle.close()
        self.app.removeEventFilter(self.message_box_keys)
        if self.window is not None and isValid(self.window):
            self.window.sync.stop()
        if self.context is not None:
            vault = self.context.vault
            self.context = None
            self.taskman.run_blocking_on_database(vault.lock)
        for widget in (self.window, self.unlock_dialog, self.wizard):
            if widget is not None and isValid(widget):
                widget.deleteLater()
        self.window = None
        self.taskman.shutdown()

    def shut_down(self) -> None:
        self.close()
        self.app.quit()


def forget_sync_keys() -> None:
    """Drop the sync's cipher objects, and the office keys in them, with the vault's lock."""
    from kim_desktop.sync.crypto import forget_keys

    forget_keys()


def preload_main_window() -> None:
    """Imports the main window's modules while the password is typed and unlocked (the key
    derivation runs on the database thread meanwhile), so the window opens at once."""
    import kim_desktop.ui.main_window
    import kim_desktop.ui.start
    import kim_desktop.ui.sync  # noqa: F401 (imported for its side effect: loaded modules)


def read_provisioning() -> Any:
    """IT's provisioning file, if the machine has one; a broken file is said, then ignored."""
    from kim_desktop.core.provisioning import (
        ProvisioningError,
        find_provisioning,
        load_provisioning,
    )

    try:
        path = find_provisioning()
        return load_provisioning(path) if path is not None else None
    except ProvisioningError as error:
        warn(None, "KIM Desktop", str(error))
        return None


def i18n_demo_hint(user: str, password: str) -> str:
    from kim_desktop.ui.qt import translate

    return translate(
        "app", "Demo-Büro mit erfundenen Personen. Benutzer: {user}, Passwort: {password}"
    ).format(user=user, password=password)


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv)
    app.setApplicationName("KIM Desktop")
    app.setOrganizationName("KIM")
    app.setDesktopFileName("kim-desktop")
    return app


def run(data_dir: Path, *, demo_user: str = "", demo_password: str = "",
        server_url: str = "") -> int:
    """Opens the program on ``data_dir`` and runs until it is closed."""
    app = application()
    app.setQuitOnLastWindowClosed(False)
    controller = AppController(
        data_dir, demo_user=demo_user, demo_password=demo_password, server_url=server_url
    )
    controller.start()
    code = app.exec()
    controller.close()
    return code


def _same_server(first: str, second: str) -> bool:
    """Whether ``--server`` names the provisioned server in some spelling; an address the
    rule refuses names none (the wizard then says so at enrollment)."""
    try:
        return same_server(first, second)
    except ServerUrlError:
        return False

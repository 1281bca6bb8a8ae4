"""A remote wipe ordered by the office's IT, as the program carries it out.

When the server answers a sync with a wipe order, the program closes every window with
personal data and shows one modal message that cannot be put off. Meanwhile the sync client
tells the server that the wipe begins, destroys the device token and the office key, and the
program closes the vault and deletes the data folder's database, its WAL and the key header
(:func:`kim_desktop.sync.wipe.destroy_vault_files`); the message then says it is done, and the
program ends.

The sync client calls :meth:`RemoteWipe.on_wipe` and :meth:`RemoteWipe.destroy` on its worker
thread; both hand the interface's part to the UI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kim_desktop.sync.messages import CONTEXT
from kim_desktop.sync.wipe import destroy_vault_files
from kim_desktop.ui.qt import (
    QCloseEvent,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QObject,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.taskman import TaskManager

log = logging.getLogger(__name__)

#: How long the sync waits for the interface to close its windows before it deletes anyway.
WINDOWS_CLOSED_WITHIN_SECONDS = 30.0


class WipeDialog(QDialog):
    """The one message of a wipe: modal, without a close button, not dismissed by Esc; once
    the data is gone, a single button ends the program."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("wipe", "Löschung durch die IT"))
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                            | Qt.WindowType.WindowTitleHint)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        self.message = QLabel(translate(CONTEXT, message))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # the server's words, not HTML
        layout.addWidget(self.message)
        self.state = QLabel(translate("wipe", "Die Daten dieses Rechners werden jetzt gelöscht. "
                                      "Bitte warten Sie, bis das Programm sich beendet."))
        self.state.setWordWrap(True)
        self.state.setAccessibleName(translate("wipe", "Stand der Löschung"))
        layout.addWidget(self.state)
        buttons = QDialogButtonBox()
        self.quit = QPushButton(translate("wipe", "Programm &beenden"))
        self.quit.setEnabled(False)
        buttons.addButton(self.quit, QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.finished_wipe = False
        self.resize(self.fontMetrics().averageCharWidth() * 70, self.sizeHint().height())

    def done_deleting(self, problem: str | None) -> None:
        self.finished_wipe = True
        if problem is None:
            self.state.setText(translate(
                "wipe", "Die Daten dieses Rechners sind gelöscht: die Datenbank, ihr "
                "Änderungsprotokoll und die Schlüsseldatei. Das Programm wird beendet."))
        else:
            self.state.setText(translate(
                "wipe", "Die Daten konnten nicht vollständig gelöscht werden ({problem}). "
                "Bitte wenden Sie sich sofort an Ihre IT.").format(problem=problem))
        self.quit.setEnabled(True)
        self.quit.setFocus()

    def reject(self) -> None:
        """Esc does not put the wipe off; once it is done, it ends the program too."""
        if self.finished_wipe:
            self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.finished_wipe:
            super().closeEvent(event)
        else:
            event.ignore()


class RemoteWipe(QObject):
    """The interface's side of a wipe, one per program. ``close_windows`` closes every window
    with personal data (without locking the vault, which the wipe closes itself); ``ended``
    ends the program once the user read that the data is gone."""

    def __init__(self, taskman: TaskManager, *, close_windows: Callable[[], None],
                 ended: Callable[[], None]) -> None:
        super().__init__()
        self.taskman = taskman
        self.close_windows = close_windows
        self.ended = ended
        self.dialog: WipeDialog | None = None

    def on_wipe(self, message: str) -> None:
        """On the sync's worker: shows the message and waits until the windows are closed."""
        shown = threading.Event()

        def show() -> None:
            self.close_windows()
            self.dialog = WipeDialog(message)
            self.dialog.accepted.connect(self.ended)
            self.dialog.show()
            self.dialog.raise_()
            shown.set()

        self.taskman.run_on_main(show)
        if not shown.wait(WINDOWS_CLOSED_WITHIN_SECONDS):
            log.warning("the windows did not close in time; the wipe goes on")

    def destroy(self, vault: Any, data_dir: Path) -> None:
        """On the sync's worker: closes the vault and deletes its files, then says so."""
        problem: str | None = None
        try:
            self.taskman.run_blocking_on_database(vault.close)
            destroy_vault_files(data_dir)
        except OSError as error:
            problem = error.strerror or type(error).__name__
            raise
        finally:
            self.taskman.run_on_main(lambda: self._deleted(problem))

    def _deleted(self, problem: str | None) -> None:
        if self.dialog is not None:
            self.dialog.done_deleting(problem)

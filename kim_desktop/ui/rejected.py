"""Changes the sync server refused: listed with the reason in words, sent again or discarded.

Nothing refused is lost: the change stays on this computer until the case manager sends it
again (after IT fixed the cause, or after an update) or discards it, after a confirmation;
a discard is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kim_desktop.core.services import Change
from kim_desktop.sync.messages import CONTEXT
from kim_desktop.sync.rejected import discard, reason_in_words, send_again
from kim_desktop.sync.status import RejectedChange, rejected_changes
from kim_desktop.ui.conflicts import kind_label
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import moment
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import EmptyState, ErrorLabel, confirm


@dataclass(frozen=True)
class RejectedEntry:
    change: RejectedChange
    #: The reason as the sync client words it (German; translated when shown).
    reason: str


def load_rejected(session: Session) -> list[RejectedEntry]:
    return [RejectedEntry(change, reason_in_words(change.reason))
            for change in rejected_changes(session)]


class RejectedDialog(QDialog):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("rejected", "Abgelehnte Änderungen"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "rejected", "Der Sync-Server hat diese Änderungen nicht angenommen. Sie bleiben auf "
            "diesem Rechner gespeichert, bis Sie sie erneut senden oder verwerfen."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("rejected", "Abgelehnte Änderungen"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        layout.addWidget(self.list, 1)
        self.empty = EmptyState(translate("rejected", "Keine abgelehnten Änderungen."))
        layout.addWidget(self.empty)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.send = QPushButton(translate("rejected", "&Erneut senden"))
        self.discard = QPushButton(translate("rejected", "&Verwerfen …"))
        for button in (self.send, self.discard):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("rejected", "&Schließen"))
        buttons.rejected.connect(self.reject)
        self.send.clicked.connect(self.send_current)
        self.discard.clicked.connect(self.discard_current)
        layout.addWidget(buttons)
        self.entries: list[RejectedEntry] = []
        self.resize(self.fontMetrics().averageCharWidth() * 90,
                    self.fontMetrics().lineSpacing() * 22)
        self.loaded = False
        self.reload()

    def reload(self) -> None:
        self.loaded = False
        self.context.read(load_rejected, self._loaded)

    def _loaded(self, entries: list[RejectedEntry]) -> None:
        self.entries = entries
        self.list.clear()
        for entry in entries:
            change = entry.change
            text = translate("rejected", "{kind}, abgelehnt {when}\n{reason}").format(
                kind=kind_label(change.kind), when=moment(change.rejected_at),
                reason=translate(CONTEXT, entry.reason))
            self.list.addItem(QListWidgetItem(text))
        self.empty.setVisible(not entries)
        self.list.setVisible(bool(entries))
        for button in (self.send, self.discard):
            button.setEnabled(bool(entries))
        self.loaded = True
        if entries:
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def _current(self) -> RejectedChange | None:
        row = self.list.currentRow()
        return self.entries[row].change if 0 <= row < len(self.entries) else None

    def _write(self, work: Callable[[Session], Change]) -> None:
        self.error.show_message("")
        self.context.write(work, lambda _change: self.reload(),
                           on_error=lambda error: self.error.show_message(user_message(error)))

    def send_current(self) -> None:
        change = self._current()
        if change is None:
            return

        def work(session: Session) -> Change:
            send_again(session, rejected_id=change.id)
            return Change(change.kind, (change.record_id,), "updated")

        self._write(work)

    def discard_current(self) -> None:
        change = self._current()
        if change is None or not confirm(
            self, translate("rejected", "Änderung verwerfen"),
            translate("rejected", "Die Änderung dieses Rechners an diesem Datensatz wird "
                      "verworfen: Er erhält wieder den Stand des Büros, oder er wird hier "
                      "entfernt, wenn der Server ihn nie angenommen hat. Das lässt sich nicht "
                      "rückgängig machen und wird im Protokoll vermerkt."),
            translate("rejected", "Verwerfen")):
            return

        def work(session: Session) -> Change:
            discard(session, rejected_id=change.id)
            return Change(change.kind, (change.record_id,), "updated")

        self._write(work)

"""The sync state in the status bar: online or offline, last sync, changes waiting, problems,
and "sync now". Every state is said in words, never by colour alone."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kim_desktop.core.db import OutboxEntry
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import QHBoxLayout, QLabel, QPushButton, QWidget, translate


def pending_changes(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


class SyncStatus(QWidget):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state = QLabel()
        self.pending = QLabel()
        self.sync_now = QPushButton(translate("sync_status", "Jetzt s&ynchronisieren"))
        self.sync_now.setEnabled(False)
        self.sync_now.setToolTip(
            translate("sync_status", "Kein Sync-Server eingerichtet: Dieses Büro arbeitet "
                      "nur lokal.")
        )
        layout.addWidget(self.state)
        layout.addStretch()
        layout.addWidget(self.pending)
        layout.addWidget(self.sync_now)
        self.state.setText(translate("sync_status", "Nur lokal – kein Sync-Server eingerichtet"))
        context.taskman.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        self.context.read(pending_changes, self._show_pending)

    def _changed(self, change: Any) -> None:
        self.refresh()

    def _show_pending(self, count: int) -> None:
        self.pending.setText(
            translate("sync_status", "Nicht abgeglichene Änderungen: {count}").format(count=count)
        )

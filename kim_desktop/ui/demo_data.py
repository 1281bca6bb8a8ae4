"""Adding synthetic people to a demo office, with progress and a cancel button.

Long work on the database thread: the generator commits in batches and stops after the
current batch when cancelled, so what was added stays consistent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kim_desktop.core.demo import DemoSummary, generate_demo_data
from kim_desktop.ui.context import Context
from kim_desktop.ui.messages import show_error
from kim_desktop.ui.qt import QProgressDialog, Qt, QWidget, translate
from kim_desktop.ui.taskman import Progress


@dataclass(frozen=True)
class DemoAdded:
    """The change: new people with cases and contacts, so every screen looks again."""

    summary: DemoSummary
    kind: str = "client"
    client_id: str | None = None

    def touches(self, kind: str) -> bool:
        return True


class DemoDataDialog(QProgressDialog):
    def __init__(self, context: Context, clients: int, parent: QWidget | None = None) -> None:
        super().__init__(translate("demo_data", "Erfundene Personen werden angelegt …"),
                         translate("demo_data", "Abbrechen"), 0, clients, parent)
        self.setWindowTitle(translate("demo_data", "Demo-Daten"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.summary: DemoSummary | None = None
        self.progress = Progress()
        self.progress.reported.connect(lambda done, _total, _text: self.setValue(done))
        self.canceled.connect(self.progress.cancel)
        progress = self.progress

        def report(done: int, total: int) -> bool:
            progress.reported.emit(done, total, "")
            return not progress.cancelled

        def work(session: Any) -> DemoAdded:
            return DemoAdded(generate_demo_data(session, clients=clients, progress=report))

        context.write(work, self._done, on_error=lambda e: show_error(self, e),
                      progress=progress)

    def _done(self, added: DemoAdded) -> None:
        self.summary = added.summary
        self.reset()

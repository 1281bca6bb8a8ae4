"""Python's cycle collector runs on the UI thread only (as Anki's ``aqt`` does).

Left to itself, the collector runs in whichever thread happens to allocate, often the
database worker. A form caught in a reference cycle (a form and its draft keeper, a dialog
and a lambda of its own) is then destroyed there, and Qt cannot stop its timers from another
thread: the next timer event goes to a deleted object, and the program crashes. So automatic
collection is switched off, and a timer on the UI thread collects each generation once it has
seen as many allocations as Python's own thresholds would wait for.
"""

from __future__ import annotations

import gc

from kim_desktop.ui.qt import QApplication, QObject, QTimer

#: How often the UI thread looks whether a generation is due.
COLLECT_INTERVAL_MS = 500

_NAME = "kim-ui-thread-collector"


class UiThreadCollector(QObject):
    """Collects cycles on the UI thread, with Python's thresholds, every half second."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_NAME)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(COLLECT_INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    @staticmethod
    def collect() -> None:
        counts = gc.get_count()
        due = [generation for generation, (count, threshold)
               in enumerate(zip(counts, gc.get_threshold(), strict=True))
               if threshold and count >= threshold]
        if due:
            gc.collect(max(due))


def collect_on_ui_thread(app: QApplication) -> UiThreadCollector:
    """Installs the collector for ``app`` once; later calls return the same one."""
    existing = app.findChild(UiThreadCollector, _NAME)
    return existing if existing is not None else UiThreadCollector(app)

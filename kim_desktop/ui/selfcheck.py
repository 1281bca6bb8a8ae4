"""The Qt half of ``kim-desktop selftest``: Qt starts (offscreen) and builds a window."""

from __future__ import annotations

from kim_desktop.ui.qt import QApplication, QWidget


def build_window() -> None:
    app = QApplication.instance() or QApplication(["kim-desktop-selftest"])
    window = QWidget()
    window.setWindowTitle("KIM Desktop")
    window.show()
    app.processEvents()
    window.close()

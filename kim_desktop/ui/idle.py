"""Locks the program after a set time without keyboard or mouse input, and by Ctrl+L from
any window of it, an open dialog too (whose modality keeps the menu's shortcut from it)."""

from __future__ import annotations

from kim_desktop.ui.qt import QApplication, QEvent, QKeyEvent, QObject, Qt, QTimer, Signal

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """An application-wide event filter; :attr:`idle` fires after ``minutes`` of no input,
    :attr:`lock_key` at Ctrl+L while the program is unlocked (the timer runs)."""

    idle = Signal()
    lock_key = Signal()

    def __init__(self, app: QApplication, minutes: int) -> None:
        super().__init__()
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self._timer.setInterval(max(1, minutes) * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def close(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_L and (
                    event.modifiers() == Qt.KeyboardModifier.ControlModifier):
                self.lock_key.emit()
                return True
            self._timer.start()
        return False

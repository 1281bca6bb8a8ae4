"""Text from the server (error and revocation messages, a wipe's reason) is shown as it is:
Qt's default AutoText took "<font color=…>" or "<a href=…>" in it as HTML, so a hostile server
could dress up the status bar with a green "alles synchronisiert" or a link."""

from __future__ import annotations

from typing import Any

from kim_desktop.sync.http import RefusedError
from kim_desktop.sync.status import SyncStatus
from kim_desktop.ui.messages import show_error
from kim_desktop.ui.qt import QApplication, QLabel, QMessageBox, QObject, Qt, QTimer, Signal
from kim_desktop.ui.sync_status import SyncStatusBar
from kim_desktop.ui.wipe import WipeDialog

MARKUP = "<font color=#2e7d32>✓ alles synchronisiert</font> <a href='https://evil.example'>hier</a>"


class _Controller(QObject):
    status_changed = Signal(object)
    progress = Signal(str, int, int)
    running_changed = Signal(bool)

    def __init__(self, status: SyncStatus) -> None:
        super().__init__()
        self.status = status
        self.can_sync = True
        self.running = False

    def sync_now(self) -> None:
        pass

    def cancel(self) -> None:
        pass


def _status(*, last_error: str | None = None, revoked: str | None = None) -> SyncStatus:
    return SyncStatus(enrolled=True, last_sync=None, pending=0, rejected=0, conflicts=0,
                      quarantined=0, online=True, last_error=last_error, revoked=revoked)


def test_the_status_bar_shows_a_server_message_as_plain_text(qtbot: Any) -> None:
    for status in (_status(last_error=MARKUP), _status(revoked=MARKUP)):
        bar = SyncStatusBar(None, _Controller(status))  # type: ignore[arg-type]
        qtbot.addWidget(bar)
        assert MARKUP in bar.state.text()
        assert bar.state.textFormat() == Qt.TextFormat.PlainText


def test_the_wipe_message_is_plain_text(qtbot: Any) -> None:
    dialog = WipeDialog(MARKUP)
    qtbot.addWidget(dialog)
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText


def test_an_error_box_shows_the_message_as_plain_text(qtbot: Any) -> None:
    seen: list[Qt.TextFormat] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(box.textFormat())
        labels = [label.text() for label in box.findChildren(QLabel)]
        assert any(MARKUP in text for text in labels)
        box.reject()

    QTimer.singleShot(0, read_and_close)
    show_error(None, RefusedError(MARKUP))
    assert seen == [Qt.TextFormat.PlainText]

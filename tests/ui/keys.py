"""Driving the program as a person does: key events to whatever widget has the focus, never
setting text or focus in code."""

from __future__ import annotations

from typing import Any

from kim_desktop.ui.qt import QApplication, Qt, QWidget

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
#: The keys of the letters a German keyboard has beyond A-Z.
UMLAUTS = {"Ä": Qt.Key.Key_Adiaeresis, "Ö": Qt.Key.Key_Odiaeresis,
           "Ü": Qt.Key.Key_Udiaeresis}


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def activate(qtbot: Any, window: QWidget) -> QWidget:
    """Makes ``window`` the active window, as a window manager does with a new dialog (the
    offscreen platform leaves the main window active)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    return window


def type_text(qtbot: Any, text: str) -> None:
    """Types ``text`` key by key (QTest knows ASCII keys only: no umlauts here)."""
    assert text.isascii(), text
    qtbot.keyClicks(focused(), text)


def type_script(text: str) -> None:
    """Types ``text`` in any script key by key, as a keyboard layout for it sends each letter
    (QTest's clicks stop at ASCII): a key press and release carrying the letter."""
    from kim_desktop.ui.qt import QEvent, QKeyEvent

    for letter in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(focused(), QKeyEvent(
                kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, letter))


def press(qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifier)


def alt(qtbot: Any, letter: str) -> None:
    """Alt+letter: moves to the field of that label, or presses that button."""
    key = letter.upper()
    press(qtbot, UMLAUTS[key] if key in UMLAUTS else getattr(Qt.Key, f"Key_{key}"), ALT)


def access_key(widget: QWidget) -> str:
    """The Alt letter a person reads on screen for ``widget``: its own text's, or that of the
    label in front of it."""
    import re

    from kim_desktop.ui.qt import QAbstractButton, QLabel

    texts = [widget.text()] if isinstance(widget, QAbstractButton) else [
        label.text() for label in widget.window().findChildren(QLabel)
        if label.buddy() is widget]
    for text in texts:
        match = re.search(r"&([^&])", text.replace("&&", ""))
        if match:
            return match.group(1)
    raise LookupError(f"no Alt letter for {type(widget).__name__}")


def alt_to(qtbot: Any, widget: QWidget) -> None:
    """Presses the Alt letter that leads to ``widget`` (or presses it, for a button)."""
    alt(qtbot, access_key(widget))

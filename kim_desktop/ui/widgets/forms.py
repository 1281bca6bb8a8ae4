"""Forms: labelled rows, inline errors, Alt letters, the form dialog with its unsaved-input
guard, its first field focused, its draft, and the confirmation in the status bar."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from kim_desktop.ui.qt import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QObject,
    QPlainTextEdit,
    QScrollArea,
    QShowEvent,
    QSpinBox,
    Qt,
    QTabBar,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets.dates import DateField, MomentField

#: How long a confirmation stays in the status bar.
CONFIRMATION_MS = 6_000
_ACCESS_KEY = re.compile(r"&([^&])")


def add_row(form: QFormLayout, text: str, field: QWidget, *, row: int = -1) -> QLabel:
    """Adds ``field`` (at the end, or at ``row``) with a label that is its buddy (Alt+letter
    moves focus there) and gives the field the label's text as accessible name for screen
    readers. A label without "&" gets its Alt letter with the form's others
    (:func:`assign_access_keys`)."""
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(text.replace("&", "").rstrip(":"))
    form.insertRow(row, label, field)
    return label


def name(widget: QWidget, text: str) -> QWidget:
    """Sets the accessible name of a widget that has no visible label of its own."""
    widget.setAccessibleName(text)
    return widget


# --- Alt letters -------------------------------------------------------------------------


def _key_holders(root: QWidget) -> list[tuple[QWidget, str]]:
    """The texts that may carry an Alt letter in ``root``: buttons, labels of fields, group
    boxes and tabs (a tab bar as one holder per tab is not needed: its letters are kept)."""
    holders: list[tuple[QWidget, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        buddy_label = isinstance(widget, QLabel) and widget.buddy() is not None
        if buddy_label or (isinstance(widget, QAbstractButton) and widget.text()):
            holders.append((widget, widget.text()))  # type: ignore[attr-defined]
        elif isinstance(widget, QGroupBox) and widget.title():
            holders.append((widget, widget.title()))
        elif isinstance(widget, QTabBar):
            holders += [(widget, widget.tabText(i)) for i in range(widget.count())]
    return holders


def _used_key(text: str) -> str:
    match = _ACCESS_KEY.search(text.replace("&&", ""))
    return match.group(1).lower() if match else ""


def _candidates(text: str, used: set[str]) -> list[int]:
    """Where in ``text`` an Alt letter not in ``used`` may go, best first: a word's first
    letter, then the others."""
    starts = [m.start() for m in re.finditer(r"\b\w", text)]
    others = [i for i, c in enumerate(text) if c.isalnum() and i not in starts]
    return [i for i in starts + others
            if text[i].isascii() and text[i].isalnum() and text[i].lower() not in used]


def with_access_key(text: str, used: set[str]) -> str:
    """``text`` with an "&" before its first letter not in ``used`` (a word's first letter
    first), which joins ``used``; unchanged when every letter is taken."""
    return with_access_keys([text], used)[0]


def with_access_keys(texts: Sequence[str], used: set[str]) -> list[str]:
    """``texts``, each with an "&" before a letter of its own not in ``used`` (which they
    join). Letters are matched, not handed out in turn: a text takes another of its letters
    when that lets a later one have a letter at all, so only texts whose letters are all
    taken stay without one."""
    places = [_candidates(text, used) for text in texts]
    holder: dict[str, int] = {}  # letter -> the text holding it
    chosen: dict[int, int] = {}  # text -> the place of its letter

    def find(text: int, seen: set[str]) -> bool:
        for place in places[text]:
            letter = texts[text][place].lower()
            if letter in seen:
                continue
            seen.add(letter)
            if letter not in holder or find(holder[letter], seen):
                holder[letter], chosen[text] = text, place
                return True
        return False

    for index in range(len(texts)):
        find(index, set())
    used.update(holder)
    return [text[:chosen[i]] + "&" + text[chosen[i]:] if i in chosen else text
            for i, text in enumerate(texts)]


def assign_access_keys(root: QWidget, *, reserved: Iterable[str] = (),
                       fresh: bool = False) -> set[str]:
    """Gives every button and field label in ``root`` that has no Alt letter one of its own,
    unique in ``root`` and beside ``reserved`` (the letters of the window around it). With
    ``fresh``, the letters the texts bring are dropped first, so that none can clash with
    ``reserved``. Returns the letters in use."""
    holders = [(w, t) for w, t in _key_holders(root) if not isinstance(w, QTabBar)]
    if fresh:
        holders = [(w, t.replace("&&", "\0").replace("&", "").replace("\0", "&&"))
                   for w, t in holders]
        used = set(reserved)
    else:
        used = {_used_key(text) for _, text in _key_holders(root)} | set(reserved)
    used.discard("")
    wanting = [(w, t) for w, t in holders if t.strip() and not _used_key(t)]
    for (widget, _), keyed in zip(wanting, with_access_keys([t for _, t in wanting], used),
                                  strict=True):
        if isinstance(widget, QGroupBox):
            widget.setTitle(keyed)
        else:
            widget.setText(keyed)  # type: ignore[attr-defined]
    return used


def access_keys_of(texts: Iterable[str]) -> set[str]:
    """The Alt letters ``texts`` carry."""
    return {key for key in map(_used_key, texts) if key}


def access_keys_in(root: QWidget) -> set[str]:
    """The Alt letters the buttons, labels and tabs in ``root`` carry."""
    return access_keys_of(text for _, text in _key_holders(root))


class MessageBoxKeys(QObject):
    """Gives the buttons of every message box Alt letters as it opens (Qt's own boxes name
    theirs "OK", "Abbrechen" without one). Installed once on the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMessageBox):
            assign_access_keys(watched)
        return False


# --- messages ----------------------------------------------------------------------------


class ErrorLabel(QLabel):
    """Inline validation message: text with a sign, never colour alone; empty hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(translate("widgets", "Hinweis"))
        self.setStyleSheet("color: #b00020; font-weight: bold;")
        self.hide()

    def show_message(self, text: str) -> None:
        """Shows ``text``; its window grows to make room for it (see :func:`grow_to_fit`)."""
        self.setText(f"⚠ {text}" if text else "")
        self.setVisible(bool(text))
        if text and self.window().isVisible():
            grow_to_fit(self.window())


def grow_to_fit(window: QWidget) -> None:
    """Makes ``window`` as tall as its content needs at its width, never smaller and never
    beyond the screen: a message that appears takes new room, not the fields'. (Qt gives a
    window with word-wrapped text no minimum height of its own, so it does not grow.)"""
    layout = window.layout()
    if layout is None or not window.isWindow():
        return
    layout.activate()
    width = window.width()
    needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    screen = window.screen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().height())
    if needed > window.height():
        window.resize(width, needed)


class EmptyState(QLabel):
    """A friendly sentence where a list has nothing to show yet."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setEnabled(False)


def confirm_saved(widget: QWidget | None, text: str) -> None:
    """Says ``text`` ("Beratungskontakt gespeichert.") in the status bar of the main window
    ``widget`` belongs to, for a few seconds."""
    window = widget.window() if widget is not None else None
    while window is not None and not isinstance(window, QMainWindow):
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    if window is None:
        window = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QMainWindow) and w.isVisible()), None)
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage("✓ " + text, CONFIRMATION_MS)


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a scroll area without a frame, so a tall form or page stays usable on a
    small screen with large fonts instead of forcing a window size."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the fields inside take the focus
    return area


# --- the form dialog ---------------------------------------------------------------------


class FormDialog(QDialog):
    """A dialog with a form, an inline error line and Save/Cancel.

    * The form scrolls when the screen is small; no minimum size is forced.
    * It opens with the focus on its first field; every label gets an Alt letter.
    * A date or time that is no date is refused with a message before anything is saved.
    * An error names a field: the focus goes there, and the error goes once it is changed.
    * Closing it while input differs from the start asks first.
    * :meth:`draft` and :meth:`restore_draft` carry the unsaved input over a lock.
    """

    #: What the status bar says once saved; subclasses name what they save.
    confirmation = ""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scrolling(body)
        layout.addWidget(self.scroll_area, 1)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(translate("widgets", "&Speichern"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(translate("widgets", "Abbrechen"))
        self.buttons.accepted.connect(self.try_submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._start: list[object] = []
        self._fields: list[QWidget] = []
        self._busy = False
        self._error_field: QWidget | None = None
        self.result_change: Any = None
        #: Fields by the key of the declared field they edit, so that an error naming a
        #: field can point at it (filled by declared rows).
        self.field_keys: dict[str, QWidget] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Runs :meth:`finish` once the outermost ``__init__`` of a dialog is done, when
        every row is there."""
        super().__init_subclass__(**kwargs)
        if "__init__" not in cls.__dict__:
            return
        original = cls.__init__

        @functools.wraps(original)
        def init(self: FormDialog, *args: Any, **kw: Any) -> None:
            original(self, *args, **kw)
            if type(self) is cls:
                self.finish()

        cls.__init__ = init  # type: ignore[method-assign]

    def finish(self) -> None:
        """Alt letters for every label and button, and the size the whole form asks for,
        within the screen (beyond it, the form scrolls)."""
        assign_access_keys(self)
        body = self.scroll_area.widget()
        assert body is not None
        content, around = body.sizeHint(), self.sizeHint() - self.scroll_area.sizeHint()
        scrollbar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        width = max(self.sizeHint().width(), content.width() + around.width() + scrollbar)
        height = content.height() + around.height()
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.95))
            height = min(height, int(available.height() * 0.9))
        self.resize(width, height)

    # --- focus and errors

    def first_field(self) -> QWidget | None:
        """The first field of the form that takes input."""
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole) or self.form.itemAt(
                row, QFormLayout.ItemRole.SpanningRole)
            widget = item.widget() if item is not None else None
            if (widget is not None and widget.isEnabled() and not widget.isHidden()
                    and widget.focusPolicy() != Qt.FocusPolicy.NoFocus):
                return widget
        return None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is None or (isinstance(focused, QAbstractButton) and not isinstance(
                focused, QCheckBox)):
            first = self.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)

    def refuse(self, message: str, field: QWidget | None = None) -> None:
        """Shows why the input cannot be saved; with ``field``, focuses it and takes the
        message away as soon as it is changed."""
        self.error.show_message(message)
        self._error_field = field
        if field is not None:
            field.setFocus()
            for signal in _change_signals(field):
                signal.connect(self._field_changed)

    def _field_changed(self, *_: Any) -> None:
        field = self._error_field
        if field is None:
            return
        problem = getattr(field, "problem", None)
        if callable(problem) and problem():
            return  # still no date: the message stays until the date is one
        self.error.show_message("")
        self._error_field = None

    def input_problem(self) -> tuple[str, QWidget] | None:
        """The first date or time entered that is no date or time, with its message."""
        for field in self.findChildren(QWidget):
            if not field.isEnabled():
                continue
            alone = isinstance(field, DateField) and not isinstance(field.parentWidget(),
                                                                    MomentField)
            if alone or isinstance(field, MomentField):
                problem = field.problem()  # type: ignore[attr-defined]
            else:
                continue
            if problem:
                return problem, field
        return None

    def try_submit(self) -> None:
        """Saves unless a date or time is no date; then says so at that field."""
        if self._busy:
            return
        problem = self.input_problem()
        if problem is not None:
            self.refuse(*problem)
            return
        self.submit()

    # --- saving

    def track(self, fields: Iterable[QWidget]) -> None:
        """Remembers the fields' current values as the unsaved-input baseline."""
        self._fields = list(fields)
        self._start = [field_value(f) for f in self._fields]

    def dirty(self) -> bool:
        return [field_value(f) for f in self._fields] != self._start

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)

    def submit(self) -> None:
        """Validates and saves; subclasses override."""
        self.accept()

    def save_with(self, context: Any, work: Callable[[Any], Any]) -> None:
        """Runs the write ``work(session)``; closes on success, shows the reason otherwise
        at the field it names."""
        from kim_desktop.ui.messages import user_message

        self.set_busy(True)
        self.error.show_message("")

        def failed(error: Exception) -> None:
            self.set_busy(False)
            params = getattr(error, "params", {}) or {}
            named = next((self.field_keys[params[p]] for p in ("field", "later", "earlier")
                          if params.get(p) in self.field_keys), None)
            self.refuse(user_message(error), named)

        def done(result: Any) -> None:
            self.set_busy(False)
            self.result_change = result
            self.saved()

        context.write(work, done, on_error=failed)

    def saved(self) -> None:
        self._start = [field_value(f) for f in self._fields]
        confirm_saved(self.parentWidget(),
                      self.confirmation or translate("widgets", "Gespeichert."))
        self.accept()

    def reject(self) -> None:
        if self._busy:
            return
        if self.dirty() and not confirm_discard(self):
            return
        super().reject()

    # --- drafts

    def draft(self) -> list[object]:
        """The tracked fields' values as they stand, to keep over a lock."""
        return [field_value(f) for f in self._fields]

    def restore_draft(self, values: Sequence[object]) -> None:
        """Puts a :meth:`draft` back into the fields (the baseline stays, so the form is
        dirty again and asks before it is thrown away)."""
        for field, value in zip(self._fields, values, strict=False):
            set_field_value(field, value)


def _change_signals(field: QWidget) -> list[Any]:
    if isinstance(field, QLineEdit):
        return [field.textChanged]
    if isinstance(field, QPlainTextEdit):
        return [field.textChanged]
    if isinstance(field, QComboBox):
        return [field.currentIndexChanged]
    if isinstance(field, QSpinBox):
        return [field.valueChanged]
    if isinstance(field, QAbstractButton):
        return [field.toggled]
    changed = getattr(field, "changed", None)
    return [changed] if changed is not None else []


def field_value(field: QWidget) -> object:
    """A field's value as plain data (text, code, number, ticks), for the unsaved-input
    guard and drafts."""
    custom = getattr(field, "field_value", None)
    if callable(custom):
        return custom()
    if isinstance(field, QLineEdit):
        return field.text()
    if isinstance(field, QPlainTextEdit):
        return field.toPlainText()
    if isinstance(field, QComboBox):
        return field.currentData() if field.currentData() is not None else field.currentText()
    if isinstance(field, QSpinBox):
        return field.value()
    if isinstance(field, QAbstractButton):
        return field.isChecked()
    return None


def set_field_value(field: QWidget, value: object) -> None:
    """Puts back a value :func:`field_value` read."""
    custom = getattr(field, "set_field_value", None)
    if callable(custom):
        custom(value)
    elif isinstance(field, QLineEdit):
        field.setText(str(value))
    elif isinstance(field, QPlainTextEdit):
        field.setPlainText(str(value))
    elif isinstance(field, QComboBox):
        index = field.findData(value)
        field.setCurrentIndex(index if index >= 0 else max(field.findText(str(value)), 0))
    elif isinstance(field, QSpinBox) and isinstance(value, int):
        field.setValue(value)
    elif isinstance(field, QAbstractButton):
        field.setChecked(bool(value))


def confirm_discard(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("widgets", "Ungespeicherte Eingaben"),
        translate("widgets", "Ihre Eingaben sind noch nicht gespeichert. Verwerfen?"),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("widgets", "Abbrechen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(QMessageBox.StandardButton.NoButton)
    box.exec()
    return box.clickedButton() is go

"""The field widgets every form uses: dates, combos, text, numbers, yes/no/unknown, and the
checklists of catalog codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from kim_desktop.ui.qt import (
    QApplication,
    QComboBox,
    QElapsedTimer,
    QKeyEvent,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    Qt,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.widgets.dates import DateField, MomentField

#: The longest text a one-line field of the small forms takes.
MAX_TEXT = 4000


def date_edit(value: dt.date | None = None, *, past: bool = False) -> DateField:
    """A date field (see :class:`DateField`), empty unless ``value`` is given."""
    return DateField(value, past=past)


def date_of(edit: DateField) -> dt.date | None:
    """The field's date, None when empty (a form refuses text that is no date before it
    reads its fields: :meth:`FormDialog.try_submit`)."""
    return edit.date()


def moment_edit(value: dt.datetime) -> MomentField:
    """Date and time of a consultation."""
    return MomentField(value)


class TypedChoice(QComboBox):
    """A choice picked by typing the start of its text, spaces included: "Ziele t" picks
    "Ziele teilweise erreicht". Qt's box opened its list at the space, and the rest of what
    was typed went into the list; a space typed after a pause still opens it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = QElapsedTimer()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typing = self._typed.isValid() and (
            self._typed.elapsed() < QApplication.keyboardInputInterval())
        if (event.key() == Qt.Key.Key_Space and typing and not self.isEditable()
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            view = self.view()
            view.setCurrentIndex(self.model().index(self.currentIndex(), self.modelColumn()))
            view.keyboardSearch(" ")  # goes on with the letters typed before it
            row = view.currentIndex().row()
            if row != self.currentIndex():
                self.setCurrentIndex(row)
                self.activated.emit(row)
            self._typed.restart()
            return
        if event.text().isprintable() and event.text().strip():
            self._typed.restart()
        elif event.key() != Qt.Key.Key_Shift:  # a capital letter's Shift goes on typing
            self._typed.invalidate()
        super().keyPressEvent(event)


def combo(entries: Sequence[tuple[str, str]], *, empty: str | None = None) -> QComboBox:
    """A choice of ``(code, text)`` entries, with an ``empty`` first entry (code "") if given.
    Typing the start of an entry's text picks it."""
    box = TypedChoice()
    if empty is not None:
        box.addItem(empty, "")
    for code, text in entries:
        box.addItem(text, code)
    return box


#: A filter's choice shows at least this many characters; a longer entry is cut short
#: instead of widening its bar beyond a small or scaled screen.
FILTER_CHARS = 12


def shrinkable(box: QComboBox) -> QComboBox:
    """Lets ``box`` (a filter in a bar) be narrower than its longest entry."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(FILTER_CHARS)
    return box


def with_code(box: QComboBox, code: str | None) -> QComboBox:
    """Selects ``code``; one the catalog no longer has is kept (shown as its code), so that
    opening a record never changes it behind the user's back."""
    if code and box.findData(code) < 0:
        box.addItem(code, code)
    box.setCurrentIndex(max(box.findData(code or ""), 0))
    return box


def missing_text() -> str:
    """What an optional fact shows until it is set."""
    return translate("widgets", "Angabe fehlt")


def yes_no_box(value: bool | None) -> QComboBox:
    """Yes, no or not given: the pre-check treats a fact not given as not yet shown."""
    box = combo([("", missing_text()), ("yes", translate("lists", "ja")),
                 ("no", translate("lists", "nein"))])
    box.setCurrentIndex({None: 0, True: 1, False: 2}[value])
    return box


def yes_no_value(box: QComboBox) -> bool | None:
    return {"yes": True, "no": False}.get(box.currentData())


def line_edit(text: str = "", *, limit: int = MAX_TEXT) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(limit)
    return edit


def text_edit(lines: int = 4) -> QPlainTextEdit:
    """Several lines of text; Tab moves on to the next field instead of typing a tab."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * (lines + 1)
                          + 2 * edit.frameWidth() + 8)
    return edit


class NumberBox(QSpinBox):
    """A whole number from ``low`` to ``high``; an optional one shows "Angabe fehlt" one step
    below ``low``, which :meth:`number` reads as None."""

    def __init__(self, value: int | None, low: int, high: int, *, optional: bool = False,
                 unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.setRange(low - 1 if optional else low, high)
        if optional:
            self.setSpecialValueText(missing_text())
        if unit:
            self.setSuffix(f" {unit}")
        self.set_number(value)

    def number(self) -> int | None:
        if self.optional and self.value() == self.minimum():
            return None
        return self.value()

    def set_number(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)


def minutes_box(value: int) -> NumberBox:
    """A consultation's duration in steps of five, up to what the core accepts."""
    from kim_desktop.core.models.contact import MAX_DURATION_MINUTES

    box = NumberBox(value, 1, MAX_DURATION_MINUTES, unit=translate("widgets", "min"))
    box.setSingleStep(5)
    return box


class CodeChecks(QListWidget):
    """Codes of a small catalog to tick (the fields of action); ``checked()`` are the ticked
    codes. Space ticks the current row."""

    changed = Signal()

    def __init__(self, entries: Sequence[tuple[str, str]], checked: Sequence[str] = (),
                 *, rows: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        known = {code for code, _ in entries}
        for code, text in [*entries, *[(c, c) for c in checked if c not in known]]:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in checked
                               else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(self.sizeHintForRow(0) * min(rows, max(self.count(), 1)) + 4)
        self.itemChanged.connect(lambda *_: self.changed.emit())

    def checked(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole))
                for item in map(self.item, range(self.count()))
                if item is not None and item.checkState() == Qt.CheckState.Checked]

    def set_checked(self, codes: Sequence[str]) -> None:
        for index in range(self.count()):
            item = self.item(index)
            item.setCheckState(Qt.CheckState.Checked
                               if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)

    def field_value(self) -> object:
        return self.checked()

    def set_field_value(self, value: object) -> None:
        self.set_checked([str(code) for code in value] if isinstance(value, list) else [])


#: The fields of action of a consultation: a checklist of their catalog.
FieldsOfAction = CodeChecks


class MainCode(QComboBox):
    """The first code of a list from a large catalog (a nationality, a language) to choose;
    the list's other codes are kept as they are."""

    def __init__(self, entries: Sequence[tuple[str, str]], codes: Sequence[str], *,
                 empty: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(empty, "")
        for code, text in entries:
            self.addItem(text, code)
        self._rest = list(codes[1:])
        with_code(self, codes[0] if codes else "")

    def codes(self) -> list[str]:
        chosen = str(self.currentData() or "")
        return ([chosen] if chosen else []) + [c for c in self._rest if c != chosen]

    def field_value(self) -> object:
        return self.codes()

    def set_field_value(self, value: object) -> None:
        codes = [str(code) for code in value] if isinstance(value, list) else []
        self._rest = codes[1:]
        with_code(self, codes[0] if codes else "")

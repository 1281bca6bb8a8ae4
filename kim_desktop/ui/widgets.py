"""The building blocks every screen shares: the form-widget kit (date fields, combos, text
fields, the fields of action), labelled form rows, inline errors, the unsaved-input guard,
and empty-state text for lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from kim_desktop.ui.formats import qdate
from kim_desktop.ui.qt import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDateTime,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QLocale,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    Qt,
    QTime,
    QVBoxLayout,
    QWidget,
    translate,
)

#: The longest text a one-line field of the small forms takes.
MAX_TEXT = 4000

# --- the form-widget kit -----------------------------------------------------------------


def date_format() -> str:
    """The interface language's short date, with four-digit years: a typed "50" must not
    have to mean 1950 or 2050."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def date_edit(value: dt.date | None = None, *, optional: bool = False) -> QDateEdit:
    """A date field with a calendar; typed dates outside 1900–2100 are refused by Qt."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setDateRange(QDate(1900, 1, 1), QDate(2100, 12, 31))
    if optional:
        edit.setSpecialValueText(translate("widgets", "—"))
        edit.setMinimumDate(QDate(1899, 12, 31))
        edit.setDate(QDate(1899, 12, 31) if value is None else qdate(value))
    else:
        edit.setDate(qdate(value or dt.date.today()))
    return edit


def date_of(edit: QDateEdit) -> dt.date | None:
    if edit.date() == edit.minimumDate() and edit.specialValueText():
        return None
    value = edit.date().toPython()
    return value if isinstance(value, dt.date) else None


def moment_edit(value: QDateTime) -> QDateTimeEdit:
    """Date and time of a consultation, with a calendar, within 1900–2100."""
    edit = QDateTimeEdit(value)
    edit.setDisplayFormat(f"{date_format()} {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}")
    edit.setCalendarPopup(True)
    edit.setDateTimeRange(QDateTime(QDate(1900, 1, 1), QTime(0, 0)),
                          QDateTime(QDate(2100, 12, 31), QTime(23, 59)))
    return edit


def combo(entries: list[tuple[str, str]], *, empty: str | None = None) -> QComboBox:
    """A choice of ``(code, text)`` entries, with an ``empty`` first entry (code "") if given."""
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, "")
    for code, text in entries:
        box.addItem(text, code)
    return box


def with_code(box: QComboBox, code: str | None) -> QComboBox:
    """Selects ``code``; one the catalog no longer has is kept (shown as its code), so that
    opening a record never changes it behind the user's back."""
    if code and box.findData(code) < 0:
        box.addItem(code, code)
    box.setCurrentIndex(max(box.findData(code or ""), 0))
    return box


def yes_no_box(value: bool | None) -> QComboBox:
    """Yes, no or unknown: the pre-check treats unknown as not yet shown."""
    box = combo([("", translate("lists", "unbekannt")), ("yes", translate("lists", "ja")),
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
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * (lines + 1))
    return edit


def minutes_box(value: int) -> QSpinBox:
    """A consultation's duration in steps of five, up to what the core accepts."""
    from kim_desktop.core.models.contact import MAX_DURATION_MINUTES

    box = QSpinBox()
    box.setRange(1, MAX_DURATION_MINUTES)
    box.setSingleStep(5)
    box.setSuffix(translate("widgets", " min"))
    box.setValue(value)
    return box


class FieldsOfAction(QListWidget):
    """The fields of action to tick, eight rows high; ``checked()`` are the ticked codes."""

    def __init__(self, entries: list[tuple[str, str]], checked: list[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, text in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in (checked or [])
                               else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMaximumHeight(self.sizeHintForRow(0) * 8 + 4)

    def checked(self) -> list[str]:
        return [str(item.data(Qt.ItemDataRole.UserRole))
                for item in map(self.item, range(self.count()))
                if item is not None and item.checkState() == Qt.CheckState.Checked]


# --- forms ---------------------------------------------------------------------------------


def add_row(form: QFormLayout, text: str, field: QWidget, *, row: int = -1) -> QLabel:
    """Adds ``field`` (at the end, or at ``row``) with a label that is its buddy (Alt+letter
    moves focus there) and gives the field the label's text as accessible name for screen
    readers."""
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(text.replace("&", "").rstrip(":"))
    form.insertRow(row, label, field)
    return label


def name(widget: QWidget, text: str) -> QWidget:
    """Sets the accessible name of a widget that has no visible label of its own."""
    widget.setAccessibleName(text)
    return widget


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
        self.setText(f"⚠ {text}" if text else "")
        self.setVisible(bool(text))


class EmptyState(QLabel):
    """A friendly sentence where a list has nothing to show yet."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setEnabled(False)


class FormDialog(QDialog):
    """A dialog with a form, an inline error line and Save/Cancel. Closing it while input
    differs from the start asks first."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(translate("widgets", "&Speichern"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(translate("widgets", "Abbrechen"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._start: list[object] = []
        self._fields: list[QWidget] = []
        self._busy = False
        self.result_change: Any = None

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
        """Runs the write ``work(session)``; closes on success, shows the reason otherwise."""
        from kim_desktop.ui.messages import user_message

        self.set_busy(True)
        self.error.show_message("")

        def failed(error: Exception) -> None:
            self.set_busy(False)
            self.error.show_message(user_message(error))

        def done(result: Any) -> None:
            self.set_busy(False)
            self.result_change = result
            self.saved()

        context.write(work, done, on_error=failed)

    def saved(self) -> None:
        self._start = [field_value(f) for f in self._fields]
        self.accept()

    def reject(self) -> None:
        if self._busy:
            return
        if self.dirty() and not confirm_discard(self):
            return
        super().reject()


def field_value(field: QWidget) -> object:
    if isinstance(field, QLineEdit):
        return field.text()
    if isinstance(field, QPlainTextEdit):
        return field.toPlainText()
    if isinstance(field, QComboBox):
        return field.currentData() if field.currentData() is not None else field.currentText()
    if isinstance(field, QDateEdit):
        return field.date().toString(Qt.DateFormat.ISODate)
    if isinstance(field, QSpinBox):
        return field.value()
    if isinstance(field, QCheckBox | QAbstractButton):
        return field.isChecked()
    return None


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

"""Small building blocks every screen shares: labelled form rows, inline errors, the
unsaved-input guard, and empty-state text for lists."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from kim_desktop.ui.qt import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)


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

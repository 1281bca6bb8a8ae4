"""Correcting a recorded consultation from the client file's timeline: the same fields and
checks as recording one, prefilled with what was recorded."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kim_desktop.core import services
from kim_desktop.ui.client_file.dialogs import (
    FieldsOfAction,
    combo,
    minutes_box,
    moment_edit,
    text_edit,
)
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateTime,
    QTime,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import FormDialog, add_row


def with_code(box: QComboBox, code: str | None) -> QComboBox:
    """Selects ``code``; one the catalog no longer has is kept (shown as its code), so that
    opening a record never changes it behind the user's back."""
    if code and box.findData(code) < 0:
        box.addItem(code, code)
    box.setCurrentIndex(max(box.findData(code or ""), 0))
    return box


class ConsultationDialog(FormDialog):
    def __init__(self, context: Context, consultation: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("client_file", "Beratungskontakt bearbeiten"), parent)
        self.context = context
        self.consultation_id = consultation.id
        self.original_held_at: dt.datetime = consultation.held_at.astimezone()
        self.held_at = moment_edit(self._qdatetime(self.original_held_at))
        self._start_held_at = self.held_at.dateTime()
        self.minutes = minutes_box(consultation.duration_minutes)
        self.mode = with_code(combo(context.entries("consultation_modes")),
                              consultation.mode_code)
        entries = context.entries("fields_of_action")
        known = {code for code, _ in entries}
        recorded = list(consultation.fields_of_action or [])
        self.fields = FieldsOfAction(
            entries + [(code, code) for code in recorded if code not in known], recorded)
        self.interpreter = QCheckBox(translate("quick_consultation", "mit D&olmetschung"))
        self.interpreter.setChecked(bool(consultation.interpreter_used))
        self.language = with_code(
            combo(context.entries("languages"),
                  empty=translate("client_file", "— keine Angabe —")),
            consultation.interpreter_language)
        self.notes = text_edit(6)
        self.notes.setPlainText(consultation.notes)
        add_row(self.form, translate("quick_consultation", "&Wann:"), self.held_at)
        add_row(self.form, translate("quick_consultation", "&Dauer:"), self.minutes)
        add_row(self.form, translate("quick_consultation", "&Art:"), self.mode)
        add_row(self.form, translate("quick_consultation", "&Handlungsfelder:"), self.fields)
        self.form.addRow("", self.interpreter)
        add_row(self.form, translate("client_file", "Sp&rache der Dolmetschung:"),
                self.language)
        add_row(self.form, translate("quick_consultation", "&Notizen:"), self.notes)
        self.interpreter.toggled.connect(self.language.setEnabled)
        self.language.setEnabled(self.interpreter.isChecked())
        self.track([self.minutes, self.mode, self.interpreter, self.language, self.notes])
        self._fields_start = self.checked_fields()
        # As opened: the save writes only what differs from this (see changed_by_user).
        self.read = self.values()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)

    @staticmethod
    def _qdatetime(moment: dt.datetime) -> QDateTime:
        return QDateTime(QDate(moment.year, moment.month, moment.day),
                         QTime(moment.hour, moment.minute))

    def checked_fields(self) -> list[str]:
        return self.fields.checked()

    def dirty(self) -> bool:
        return (super().dirty() or self.checked_fields() != self._fields_start
                or self.held_at.dateTime() != self._start_held_at)

    def chosen_held_at(self) -> dt.datetime:
        """The time as entered; untouched, the recorded one to the second."""
        if self.held_at.dateTime() == self._start_held_at:
            return self.original_held_at
        held = self.held_at.dateTime().toPython()
        assert isinstance(held, dt.datetime)
        return held.astimezone()

    def values(self) -> dict[str, Any]:
        """The form's values, by the parameter names of ``update_consultation``."""
        interpreter = self.interpreter.isChecked()
        return {
            "held_at": self.chosen_held_at(), "duration_minutes": self.minutes.value(),
            "mode_code": str(self.mode.currentData()), "fields_of_action": self.checked_fields(),
            "notes": self.notes.toPlainText(), "interpreter_used": interpreter,
            "interpreter_language": (self.language.currentData() or None) if interpreter
            else None,
        }

    def submit(self) -> None:
        if not self.checked_fields():
            self.error.show_message(translate(
                "quick_consultation", "Bitte mindestens ein Handlungsfeld ankreuzen."))
            self.fields.setFocus()
            return
        consultation_id, values, read = self.consultation_id, self.values(), self.read
        self.save_with(self.context, lambda s: services.update_consultation(
            s, consultation_id=consultation_id, read=read, **values))

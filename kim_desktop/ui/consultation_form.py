"""The one consultation form (Beratungskontakt), for recording a new one (Ctrl+N from anywhere)
and for correcting one from the client file's timeline: the same fields and checks both ways.

New: today and now, the last mode used, 30 minutes; the person is picked by typing a few
letters of the name, and a follow-up may be set with it. Correcting: prefilled with what was
recorded, and only what the user changed is written. Ctrl+Enter saves from any field, so a
consultation takes well under 30 seconds by keyboard alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from kim_desktop.core import services
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import (
    QCheckBox,
    QCompleter,
    QDate,
    QDateTime,
    QKeySequence,
    QLineEdit,
    QShortcut,
    QStringListModel,
    Qt,
    QTime,
    QWidget,
    translate,
)
from kim_desktop.ui.settings import LAST_CONSULTATION_MODE
from kim_desktop.ui.widgets import (
    FieldsOfAction,
    FormDialog,
    add_row,
    combo,
    date_edit,
    date_of,
    line_edit,
    minutes_box,
    moment_edit,
    text_edit,
    with_code,
)

DEFAULT_MINUTES = 30


def client_choices(rows: Sequence[Any]) -> list[tuple[str, str]]:
    """(label, client id) of everyone in the caseload, for the type-ahead picker."""
    choices = []
    for row in rows:
        details = ", ".join(
            part for part in (str(row.age) if row.age is not None else "", row.municipality)
            if part
        )
        choices.append((f"{row.name} ({details})" if details else row.name, row.client_id))
    return choices


def _qdatetime(moment: dt.datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute))


class ConsultationForm(FormDialog):
    """Records a new consultation, or with ``consultation`` corrects that one. ``client_id``
    preselects the person of a new one; ``rows`` (caseload rows) saves reading them again."""

    def __init__(self, context: Context, *, consultation: Any = None, client_id: str = "",
                 rows: Sequence[Any] | None = None, parent: QWidget | None = None) -> None:
        editing = consultation is not None
        super().__init__(translate("consultation", "Beratungskontakt bearbeiten") if editing
                         else translate("consultation", "Beratungskontakt erfassen"), parent)
        self.context = context
        self.consultation_id: str = consultation.id if editing else ""
        self.client_id = consultation.client_id if editing else client_id
        self._by_label: dict[str, str] = {}
        self.original_held_at: dt.datetime | None = (
            consultation.held_at.astimezone() if editing else None)
        self.held_at = moment_edit(_qdatetime(self.original_held_at) if self.original_held_at
                                   else QDateTime.currentDateTime())
        self._start_held_at = self.held_at.dateTime()
        self.minutes = minutes_box(consultation.duration_minutes if editing
                                   else DEFAULT_MINUTES)
        self.mode = combo(context.entries("consultation_modes"))
        if editing:
            with_code(self.mode, consultation.mode_code)
        else:
            last = self.mode.findData(context.settings.get(LAST_CONSULTATION_MODE))
            self.mode.setCurrentIndex(max(last, 0))
        entries = context.entries("fields_of_action")
        recorded = list(consultation.fields_of_action or []) if editing else []
        known = {code for code, _ in entries}
        self.fields = FieldsOfAction(
            entries + [(code, code) for code in recorded if code not in known], recorded)
        self.interpreter = QCheckBox(translate("consultation", "mit D&olmetschung"))
        self.interpreter.setChecked(bool(editing and consultation.interpreter_used))
        self.language = with_code(
            combo(context.entries("languages"),
                  empty=translate("consultation", "— keine Angabe —")),
            consultation.interpreter_language if editing else None)
        self.notes = text_edit(6 if editing else 4)
        if editing:
            self.notes.setPlainText(consultation.notes)
        self.client = QLineEdit()
        self.completer = QCompleter(self)
        self.follow_up = QCheckBox(translate("consultation", "Wiedervorlage s&etzen"))
        self.follow_up_on = date_edit(dt.date.today() + dt.timedelta(days=14))
        self.follow_up_text = line_edit(limit=2000)
        if not editing:
            self.client.setPlaceholderText(
                translate("consultation", "Namen tippen, dann Pfeiltaste und Eingabe"))
            self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.completer.setModel(QStringListModel(self))
            self.client.setCompleter(self.completer)
            add_row(self.form, translate("consultation", "&Person:"), self.client)
        add_row(self.form, translate("consultation", "&Wann:"), self.held_at)
        add_row(self.form, translate("consultation", "&Dauer:"), self.minutes)
        add_row(self.form, translate("consultation", "&Art:"), self.mode)
        add_row(self.form, translate("consultation", "&Handlungsfelder:"), self.fields)
        self.form.addRow("", self.interpreter)
        add_row(self.form, translate("consultation", "Sp&rache der Dolmetschung:"),
                self.language)
        add_row(self.form, translate("consultation", "&Notizen:"), self.notes)
        if not editing:
            self.form.addRow("", self.follow_up)
            add_row(self.form, translate("consultation", "Wiedervorlage a&m:"),
                    self.follow_up_on)
            add_row(self.form, translate("consultation", "&Text der Wiedervorlage:"),
                    self.follow_up_text)
        self.interpreter.toggled.connect(self.language.setEnabled)
        self.language.setEnabled(self.interpreter.isChecked())
        self.follow_up.toggled.connect(self._follow_up_toggled)
        self._follow_up_toggled(False)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.submit)
        self._track()
        self._fields_start = self.checked_fields()
        # As opened: a correction writes only what differs from this (see changed_by_user).
        self.read = self.values() if editing else None
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self.ready = editing
        if editing:
            self.held_at.setFocus()
        else:
            if rows is not None:
                self._choices(client_choices(rows))
            else:
                from kim_desktop.ui.caseload import load_caseload

                context.read(lambda s: client_choices(load_caseload(s)), self._choices)
            self.client.setFocus()

    @property
    def editing(self) -> bool:
        return bool(self.consultation_id)

    def _track(self) -> None:
        self.track([self.client, self.minutes, self.mode, self.interpreter, self.language,
                    self.notes, self.follow_up, self.follow_up_on, self.follow_up_text])

    def _choices(self, choices: list[tuple[str, str]]) -> None:
        self._by_label = dict(choices)
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList([label for label, _ in choices])
        if self.client_id:
            for label, client_id in choices:
                if client_id == self.client_id:
                    self.client.setText(label)
                    self._track()
                    self.minutes.setFocus()
                    break
        self.ready = True

    def _follow_up_toggled(self, on: bool) -> None:
        self.follow_up_on.setEnabled(on)
        self.follow_up_text.setEnabled(on)

    def checked_fields(self) -> list[str]:
        return self.fields.checked()

    def dirty(self) -> bool:
        return (super().dirty() or self.checked_fields() != self._fields_start
                or self.held_at.dateTime() != self._start_held_at)

    def chosen_client(self) -> str:
        """The person picked; when correcting, the consultation's own."""
        if self.editing:
            return self.client_id
        text = self.client.text().strip()
        if text in self._by_label:
            return self._by_label[text]
        matches = [cid for label, cid in self._by_label.items()
                   if text and text.casefold() in label.casefold()]
        return matches[0] if len(matches) == 1 else ""

    def chosen_held_at(self) -> dt.datetime:
        """The time as entered; a recorded one left untouched stays exact to the second."""
        if self.original_held_at is not None and self.held_at.dateTime() == self._start_held_at:
            return self.original_held_at
        held = self.held_at.dateTime().toPython()
        assert isinstance(held, dt.datetime)
        return held.astimezone()

    def values(self) -> dict[str, Any]:
        """The form's values, by the parameter names of the consultation services."""
        interpreter = self.interpreter.isChecked()
        return {
            "held_at": self.chosen_held_at(), "duration_minutes": self.minutes.value(),
            "mode_code": str(self.mode.currentData()), "fields_of_action": self.checked_fields(),
            "notes": self.notes.toPlainText(), "interpreter_used": interpreter,
            "interpreter_language": (self.language.currentData() or None) if interpreter
            else None,
        }

    def submit(self) -> None:
        client_id = self.chosen_client()
        if not client_id:
            self.error.show_message(translate(
                "consultation", "Bitte eine Person aus der Liste wählen."))
            self.client.setFocus()
            return
        if not self.checked_fields():
            self.error.show_message(translate(
                "consultation", "Bitte mindestens ein Handlungsfeld ankreuzen."))
            self.fields.setFocus()
            return
        values = self.values()
        if self.editing:
            consultation_id, read = self.consultation_id, self.read
            self.save_with(self.context, lambda s: services.update_consultation(
                s, consultation_id=consultation_id, read=read, **values))
            return
        follow_up_on = date_of(self.follow_up_on) if self.follow_up.isChecked() else None
        follow_up_text = self.follow_up_text.text()
        self.context.settings.set(LAST_CONSULTATION_MODE, values["mode_code"])
        self.save_with(self.context, lambda s: services.record_consultation(
            s, client_id=client_id, follow_up_on=follow_up_on, follow_up_text=follow_up_text,
            **values))

"""Quick consultation entry (Ctrl+N from anywhere): keyboard only, done in under 30 seconds.

Defaults: today and now, the last mode used, 30 minutes. The person is picked by typing a
few letters of the name; Ctrl+Enter saves from any field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from kim_desktop.core import services
from kim_desktop.ui.client_file.dialogs import (
    FieldsOfAction,
    combo,
    date_edit,
    date_of,
    minutes_box,
    moment_edit,
    text_edit,
)
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import (
    QCheckBox,
    QCompleter,
    QDateTime,
    QKeySequence,
    QLineEdit,
    QShortcut,
    QStringListModel,
    Qt,
    QWidget,
    translate,
)
from kim_desktop.ui.settings import LAST_CONSULTATION_MODE
from kim_desktop.ui.widgets import FormDialog, add_row

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


class QuickConsultationDialog(FormDialog):
    def __init__(self, context: Context, *, client_id: str = "",
                 rows: Sequence[Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(translate("quick_consultation", "Beratungskontakt erfassen"), parent)
        self.context = context
        self.client_id = client_id
        self._by_label: dict[str, str] = {}
        self.client = QLineEdit()
        self.client.setPlaceholderText(
            translate("quick_consultation", "Namen tippen, dann Pfeiltaste und Eingabe")
        )
        self.completer = QCompleter(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setModel(QStringListModel(self))
        self.client.setCompleter(self.completer)
        self.held_at = moment_edit(QDateTime.currentDateTime())
        self.minutes = minutes_box(DEFAULT_MINUTES)
        self.mode = combo(context.entries("consultation_modes"))
        last = self.mode.findData(context.settings.get(LAST_CONSULTATION_MODE))
        self.mode.setCurrentIndex(max(last, 0))
        self.fields = FieldsOfAction(context.entries("fields_of_action"))
        self.interpreter = QCheckBox(translate("quick_consultation", "mit D&olmetschung"))
        self.notes = text_edit(4)
        self.follow_up = QCheckBox(translate("quick_consultation", "Wiedervorlage s&etzen"))
        self.follow_up_on = date_edit(dt.date.today() + dt.timedelta(days=14))
        self.follow_up_text = QLineEdit()
        self.follow_up_text.setMaxLength(2000)
        add_row(self.form, translate("quick_consultation", "&Person:"), self.client)
        add_row(self.form, translate("quick_consultation", "&Wann:"), self.held_at)
        add_row(self.form, translate("quick_consultation", "&Dauer:"), self.minutes)
        add_row(self.form, translate("quick_consultation", "&Art:"), self.mode)
        add_row(self.form, translate("quick_consultation", "&Handlungsfelder:"), self.fields)
        self.form.addRow("", self.interpreter)
        add_row(self.form, translate("quick_consultation", "&Notizen:"), self.notes)
        self.form.addRow("", self.follow_up)
        add_row(self.form, translate("quick_consultation", "Wiedervorlage a&m:"),
                self.follow_up_on)
        add_row(self.form, translate("quick_consultation", "Wiedervorlage &Text:"),
                self.follow_up_text)
        self.follow_up.toggled.connect(self._follow_up_toggled)
        self._follow_up_toggled(False)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.submit)
        self.track([self.client, self.minutes, self.mode, self.notes, self.interpreter,
                    self.follow_up, self.follow_up_text])
        self._fields_start = self.checked_fields()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self.ready = False
        if rows is not None:
            self._choices(client_choices(rows))
        else:
            from kim_desktop.ui.caseload import load_caseload

            context.read(lambda s: client_choices(load_caseload(s)), self._choices)
        self.client.setFocus()

    def _choices(self, choices: list[tuple[str, str]]) -> None:
        self._by_label = dict(choices)
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList([label for label, _ in choices])
        if self.client_id:
            for label, client_id in choices:
                if client_id == self.client_id:
                    self.client.setText(label)
                    self.track([self.client, self.minutes, self.mode, self.notes,
                                self.interpreter, self.follow_up, self.follow_up_text])
                    self.minutes.setFocus()
                    break
        self.ready = True

    def _follow_up_toggled(self, on: bool) -> None:
        self.follow_up_on.setEnabled(on)
        self.follow_up_text.setEnabled(on)

    def checked_fields(self) -> list[str]:
        return self.fields.checked()

    def dirty(self) -> bool:
        return super().dirty() or self.checked_fields() != self._fields_start

    def chosen_client(self) -> str:
        text = self.client.text().strip()
        if text in self._by_label:
            return self._by_label[text]
        matches = [cid for label, cid in self._by_label.items()
                   if text and text.casefold() in label.casefold()]
        return matches[0] if len(matches) == 1 else ""

    def submit(self) -> None:
        client_id = self.chosen_client()
        if not client_id:
            self.error.show_message(translate(
                "quick_consultation", "Bitte eine Person aus der Liste wählen."))
            self.client.setFocus()
            return
        fields = self.checked_fields()
        if not fields:
            self.error.show_message(translate(
                "quick_consultation", "Bitte mindestens ein Handlungsfeld ankreuzen."))
            self.fields.setFocus()
            return
        held = self.held_at.dateTime().toPython()
        assert isinstance(held, dt.datetime)
        held_at = held.astimezone()
        minutes, mode = self.minutes.value(), str(self.mode.currentData())
        notes, interpreter = self.notes.toPlainText(), self.interpreter.isChecked()
        follow_up_on = date_of(self.follow_up_on) if self.follow_up.isChecked() else None
        follow_up_text = self.follow_up_text.text()
        self.context.settings.set(LAST_CONSULTATION_MODE, mode)
        self.save_with(self.context, lambda s: services.record_consultation(
            s, client_id=client_id, held_at=held_at, duration_minutes=minutes, mode_code=mode,
            fields_of_action=fields, notes=notes, interpreter_used=interpreter,
            follow_up_on=follow_up_on, follow_up_text=follow_up_text,
        ))

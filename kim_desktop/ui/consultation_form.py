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
from kim_desktop.ui.drafts import reopener
from kim_desktop.ui.formats import person_details
from kim_desktop.ui.qt import (
    QCheckBox,
    QCompleter,
    QKeySequence,
    QLineEdit,
    QShortcut,
    QStringListModel,
    Qt,
    QWidget,
    translate,
)
from kim_desktop.ui.settings import LAST_CONSULTATION_MODE
from kim_desktop.ui.widgets import add_row, field_value
from kim_desktop.ui.widgets.rows import RecordForm

DEFAULT_MINUTES = 30
#: The declared fields of a consultation the form edits, in its order.
FIELDS = ("held_at", "duration_minutes", "mode_code", "fields_of_action", "interpreter_used",
          "interpreter_language", "notes")


def client_choices(rows: Sequence[Any]) -> list[tuple[str, str]]:
    """(label, client id) of everyone in the caseload, for the type-ahead picker: the name
    with what tells two equal names apart."""
    return [(f"{row.name} ({person_details(row.birth_date, row.municipality, row.client_id)})",
             row.client_id) for row in rows]


class ConsultationForm(RecordForm):
    """Records a new consultation, or with ``consultation`` corrects that one. ``client_id``
    preselects the person of a new one; ``rows`` (caseload rows) saves reading them again."""

    draft_form = "consultation"

    def __init__(self, context: Context, *, consultation: Any = None, client_id: str = "",
                 rows: Sequence[Any] | None = None, parent: QWidget | None = None) -> None:
        editing = consultation is not None
        super().__init__(translate("consultation", "Beratungskontakt bearbeiten") if editing
                         else translate("consultation", "Beratungskontakt erfassen"), context,
                         parent)
        self.confirmation = translate("consultation", "Beratungskontakt gespeichert.")
        self.consultation_id: str = consultation.id if editing else ""
        self.client_id = consultation.client_id if editing else client_id
        self._by_label: dict[str, str] = {}
        self.client = QLineEdit()
        self.completer = QCompleter(self)
        if not editing:
            self.client.setPlaceholderText(
                translate("consultation", "Namen tippen, dann Pfeiltaste und Eingabe"))
            self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.completer.setModel(QStringListModel(self))
            self.client.setCompleter(self.completer)
            add_row(self.form, translate("consultation", "Person:"), self.client)
            self.also_track([self.client])
        self.original_held_at: dt.datetime | None = (
            consultation.held_at.astimezone() if editing else None)
        values: dict[str, Any] = (
            {name: getattr(consultation, name) for name in FIELDS} if editing
            else {"held_at": dt.datetime.now().astimezone().replace(second=0, microsecond=0),
                  "duration_minutes": DEFAULT_MINUTES,
                  "mode_code": self._last_mode(context)})
        self.rows = self.add_fields("consultation", FIELDS, values)
        self.held_at, self.minutes = self.rows["held_at"], self.rows["duration_minutes"]
        self.mode, self.fields = self.rows["mode_code"], self.rows["fields_of_action"]
        self.interpreter = self.rows["interpreter_used"]
        self.language, self.notes = self.rows["interpreter_language"], self.rows["notes"]
        self.minutes.setSingleStep(5)
        self._start_held_at = field_value(self.held_at)
        self.follow_up = QCheckBox(translate("consultation", "Wiedervorlage setzen"))
        self.form.addRow("", self.follow_up)
        self.also_track([self.follow_up])
        self.follow_ups = self.add_fields("consultation", ["follow_up_on", "follow_up_text"], {
            "follow_up_on": dt.date.today() + dt.timedelta(days=14)})
        self.follow_up_on = self.follow_ups["follow_up_on"]
        self.follow_up_text = self.follow_ups["follow_up_text"]
        if editing:
            for widget in (self.follow_up, self.follow_up_on, self.follow_up_text):
                self.form.setRowVisible(widget, False)
        self.interpreter.toggled.connect(self.language.setEnabled)
        self.language.setEnabled(self.interpreter.isChecked())
        self.follow_up.toggled.connect(self._follow_up_toggled)
        self._follow_up_toggled(False)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.try_submit)
        # As opened: a correction writes only what differs from this (see changed_by_user).
        self.read = self.values() if editing else None
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

    @staticmethod
    def _last_mode(context: Context) -> str:
        """The mode last recorded, while the catalog still has it."""
        last = context.settings.get(LAST_CONSULTATION_MODE)
        codes = [code for code, _ in context.entries("consultation_modes")]
        return last if last in codes else (codes[0] if codes else "")

    def draft_subject(self) -> dict[str, str]:
        # A new one's person is in the draft as typed, so it needs no id to open again;
        # the id of the person picked lets their erasure take the draft with it.
        if self.editing:
            return {"consultation_id": self.consultation_id}
        client_id = self.chosen_client()
        return {"client_id": client_id} if client_id else {}

    @property
    def editing(self) -> bool:
        return bool(self.consultation_id)

    def _choices(self, choices: list[tuple[str, str]]) -> None:
        self._by_label = dict(choices)
        model = self.completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList([label for label, _ in choices])
        if self.client_id:
            for label, client_id in choices:
                if client_id == self.client_id:
                    self.client.setText(label)
                    self.track(self._tracked)
                    self.minutes.setFocus()
                    break
        self.ready = True

    def _follow_up_toggled(self, on: bool) -> None:
        self.follow_up_on.setEnabled(on)
        self.follow_up_text.setEnabled(on)

    def checked_fields(self) -> list[str]:
        return list(self.rows.value("fields_of_action"))

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

    def chosen_held_at(self) -> dt.datetime | None:
        """The time as entered; a recorded one left untouched stays exact to the second."""
        if self.original_held_at is not None and field_value(self.held_at) == \
                self._start_held_at:
            return self.original_held_at
        return self.rows.value("held_at")

    def values(self) -> dict[str, Any]:
        """The form's values, by the parameter names of the consultation services."""
        values = self.rows.values()
        values["held_at"] = self.chosen_held_at()
        if not values["interpreter_used"]:
            values["interpreter_language"] = None
        return values

    def submit(self) -> None:
        client_id = self.chosen_client()
        if not client_id:
            self.refuse(translate("consultation", "Bitte eine Person aus der Liste wählen."),
                        self.client)
            return
        if not self.checked_fields():
            self.refuse(translate("consultation", "Bitte mindestens ein Handlungsfeld "
                                  "ankreuzen."), self.fields)
            return
        values = self.values()
        if self.editing:
            consultation_id, read = self.consultation_id, self.read
            self.save_with(self.context, lambda s: services.update_consultation(
                s, consultation_id=consultation_id, read=read, **values))
            return
        follow_up = self.follow_ups.values() if self.follow_up.isChecked() else {
            "follow_up_on": None, "follow_up_text": ""}
        self.context.settings.set(LAST_CONSULTATION_MODE, values["mode_code"] or "")
        self.save_with(self.context, lambda s: services.record_consultation(
            s, client_id=client_id, **follow_up, **values))


@reopener(ConsultationForm.draft_form)
def reopen(window: Any, subject: dict[str, str], show: Any) -> None:
    """A new consultation opens over the window; a correction in its person's file, once
    the consultation is read (none, when it was removed meanwhile)."""
    from kim_desktop.core.models import Consultation

    consultation_id = subject.get("consultation_id", "")
    if not consultation_id:
        show(ConsultationForm(window.context, parent=window))
        return

    def read(session: Any) -> Any:
        found = session.get(Consultation, consultation_id)
        return found if found is not None and found.deleted_at is None else None

    def opened(consultation: Any) -> None:
        if consultation is not None:
            file = window.open_client(consultation.client_id)
            show(ConsultationForm(window.context, consultation=consultation, parent=file))

    window.context.read(read, opened)

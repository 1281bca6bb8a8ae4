"""The form for a person's master data, for a new person or an existing one."""

from __future__ import annotations

import dataclasses
from typing import Any

from kim_desktop.core import services
from kim_desktop.core.services import ClientData
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import QCheckBox, QLineEdit, QWidget, Signal, translate
from kim_desktop.ui.widgets import FormDialog, add_row, combo, date_edit, date_of


def genders() -> list[tuple[str, str]]:
    return [
        ("unspecified", translate("client_form", "keine Angabe")),
        ("female", translate("client_form", "weiblich")),
        ("male", translate("client_form", "männlich")),
        ("diverse", translate("client_form", "divers")),
    ]


def _line(text: str, limit: int) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(limit)
    return edit


def _select(box: Any, code: str | None) -> None:
    index = box.findData(code or "")
    box.setCurrentIndex(max(index, 0))


class ClientForm(FormDialog):
    """Emits :attr:`created` with the new client's id."""

    created = Signal(str)

    def __init__(self, context: Context, *, client: Any = None,
                 parent: QWidget | None = None) -> None:
        title = (translate("client_form", "Neue Person") if client is None
                 else translate("client_form", "Stammdaten bearbeiten"))
        super().__init__(title, parent)
        self.context = context
        self.client = client
        data = ClientData.of(client) if client is not None else ClientData(last_name="")
        self.data = data
        self.last_name = _line(data.last_name, 100)
        self.first_name = _line(data.first_name, 100)
        self.birth_date = date_edit(data.birth_date, optional=True)
        self.gender = combo(genders())
        _select(self.gender, data.gender)
        self.municipality = combo(context.entries("municipalities"),
                                  empty=translate("client_form", "— bitte wählen —"))
        _select(self.municipality, data.municipality_code)
        self.nationality = combo(context.entries("countries"),
                                 empty=translate("client_form", "— unbekannt —"))
        _select(self.nationality, data.nationalities[0] if data.nationalities else "")
        self.language = combo(context.entries("languages"),
                              empty=translate("client_form", "— unbekannt —"))
        _select(self.language, data.languages[0] if data.languages else "")
        self.interpreter = QCheckBox(translate("client_form", "&Dolmetschung nötig"))
        self.interpreter.setChecked(data.interpreter_needed)
        self.phone = _line(data.phone, 50)
        self.email = _line(data.email, 200)
        self.street = _line(data.street, 200)
        self.postal_code = _line(data.postal_code, 10)
        self.town = _line(data.town, 100)
        self.entry_date = date_edit(data.entry_date, optional=True)
        add_row(self.form, translate("client_form", "&Nachname:"), self.last_name)
        add_row(self.form, translate("client_form", "&Vorname:"), self.first_name)
        add_row(self.form, translate("client_form", "&Geburtsdatum:"), self.birth_date)
        add_row(self.form, translate("client_form", "Ges&chlecht:"), self.gender)
        add_row(self.form, translate("client_form", "&Kommune:"), self.municipality)
        add_row(self.form, translate("client_form", "Staats&angehörigkeit:"), self.nationality)
        add_row(self.form, translate("client_form", "Sprac&he:"), self.language)
        self.form.addRow("", self.interpreter)
        add_row(self.form, translate("client_form", "&Telefon:"), self.phone)
        add_row(self.form, translate("client_form", "&E-Mail:"), self.email)
        add_row(self.form, translate("client_form", "St&raße:"), self.street)
        add_row(self.form, translate("client_form", "&Postleitzahl:"), self.postal_code)
        add_row(self.form, translate("client_form", "&Ort:"), self.town)
        add_row(self.form, translate("client_form", "Einreise a&m:"), self.entry_date)
        self.track([self.last_name, self.first_name, self.birth_date, self.gender,
                    self.municipality, self.nationality, self.language, self.interpreter,
                    self.phone, self.email, self.street, self.postal_code, self.town,
                    self.entry_date])
        self.last_name.textChanged.connect(self._check_name)
        self.last_name.setFocus()

    def _check_name(self) -> None:
        if self.last_name.text().strip():
            self.error.show_message("")

    def form_data(self) -> ClientData:
        def keep_first(chosen: str, existing: list[str]) -> list[str]:
            rest = [code for code in existing[1:] if code != chosen]
            return ([chosen] if chosen else []) + rest

        return dataclasses.replace(
            self.data,
            last_name=self.last_name.text(),
            first_name=self.first_name.text(),
            birth_date=date_of(self.birth_date),
            gender=self.gender.currentData(),
            municipality_code=self.municipality.currentData() or "",
            nationalities=keep_first(self.nationality.currentData() or "",
                                     self.data.nationalities),
            languages=keep_first(self.language.currentData() or "", self.data.languages),
            interpreter_needed=self.interpreter.isChecked(),
            phone=self.phone.text(),
            email=self.email.text(),
            street=self.street.text(),
            postal_code=self.postal_code.text(),
            town=self.town.text(),
            entry_date=date_of(self.entry_date),
        )

    def submit(self) -> None:
        if not self.last_name.text().strip():
            self.error.show_message(translate("client_form", "Bitte den Nachnamen angeben."))
            self.last_name.setFocus()
            return
        if not self.municipality.currentData():
            self.error.show_message(translate("client_form", "Bitte die Kommune wählen."))
            self.municipality.setFocus()
            return
        data = self.form_data()
        if self.client is None:
            self.save_with(self.context, lambda s: services.create_client(s, data=data))
        else:
            client_id, read = self.client.id, self.data
            self.save_with(self.context, lambda s: services.update_client(
                s, client_id=client_id, data=data, read=read))

    def saved(self) -> None:
        super().saved()
        if self.client is None and self.result_change is not None:
            self.created.emit(self.result_change.client_id)

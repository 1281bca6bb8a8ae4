"""The form for a person's master data, for a new person or an existing one; and the form of
the pre-check facts. Both list the declared fields they edit: :data:`MASTER_DATA` and
:data:`PRECHECK_FACTS` are also the rows the client file shows."""

from __future__ import annotations

import dataclasses
from typing import Any

from kim_desktop.core import services
from kim_desktop.core.services import ClientData
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import QWidget, Signal, translate
from kim_desktop.ui.widgets.rows import RecordForm

#: The person's master data, in the order the form and the file show them.
MASTER_DATA = (
    "last_name", "first_name", "birth_name", "birth_date", "gender", "municipality_code",
    "nationalities", "languages", "interpreter_needed", "phone", "email", "street",
    "postal_code", "town", "entry_date",
)

#: The facts the Baustein III pre-check asks about, each optional until known.
PRECHECK_FACTS = (
    "passport", "german_oral", "german_oral_on", "german_written", "german_written_on",
    "naturalisation_test_passed", "livelihood_own_share", "convictions_above_threshold",
    "school_years_successful", "qualification",
)


class ClientForm(RecordForm):
    """Emits :attr:`created` with the new client's id. With ``facts``, it edits the
    pre-check facts of ``client`` instead of the master data."""

    created = Signal(str)

    def __init__(self, context: Context, *, client: Any = None, facts: bool = False,
                 parent: QWidget | None = None) -> None:
        title = (translate("client_form", "Angaben für die Vorprüfung") if facts
                 else translate("client_form", "Neue Person") if client is None
                 else translate("client_form", "Stammdaten bearbeiten"))
        super().__init__(title, context, parent)
        self.confirmation = translate("client_form", "Angaben gespeichert.")
        self.client = client
        self.data = ClientData.of(client) if client is not None else ClientData(last_name="")
        names = PRECHECK_FACTS if facts else MASTER_DATA
        self.rows = self.add_fields("client", names, dataclasses.asdict(self.data))
        if not facts:
            self.last_name, self.first_name = self.rows["last_name"], self.rows["first_name"]
            self.birth_date, self.entry_date = self.rows["birth_date"], self.rows["entry_date"]
            self.municipality = self.rows["municipality_code"]
            self.street, self.email = self.rows["street"], self.rows["email"]

    def form_data(self) -> ClientData:
        return dataclasses.replace(self.data, **self.rows.values())

    def submit(self) -> None:
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

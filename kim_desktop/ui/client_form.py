"""The form for a person's master data, for a new person or an existing one; and the form of
the pre-check facts. Both list the declared fields they edit: :data:`MASTER_DATA` and
:data:`PRECHECK_FACTS` are also the rows the client file shows."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy.orm import Session

from kim_desktop.core import services
from kim_desktop.core.services import ClientData
from kim_desktop.core.services.duplicates import SimilarClient, similar_clients
from kim_desktop.ui.context import Context
from kim_desktop.ui.drafts import reopener
from kim_desktop.ui.formats import person_details
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.widgets import assign_access_keys
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

#: What tells one person from another; a correction of one of them asks "Person schon
#: erfasst?" as a new person does.
IDENTIFYING = ("last_name", "first_name", "birth_date", "municipality_code")


class ClientForm(RecordForm):
    """Emits :attr:`created` with the new client's id. With ``facts``, it edits the
    pre-check facts of ``client`` instead of the master data."""

    created = Signal(str)
    #: The user chose to open a person already recorded instead (argument: their id).
    open_existing = Signal(str)
    draft_form = "client"

    def __init__(self, context: Context, *, client: Any = None, facts: bool = False,
                 parent: QWidget | None = None) -> None:
        title = (translate("client_form", "Angaben für die Vorprüfung") if facts
                 else translate("client_form", "Neue Person") if client is None
                 else translate("client_form", "Stammdaten bearbeiten"))
        super().__init__(title, context, parent)
        self.facts = facts
        #: The question "Person schon erfasst?" while it is open.
        self.similar: SimilarPersons | None = None
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

    def draft_subject(self) -> dict[str, str]:
        if self.client is None:
            return {}
        return {"client_id": self.client.id, "facts": "1" if self.facts else ""}

    def form_data(self) -> ClientData:
        return dataclasses.replace(self.data, **self.rows.values())

    def submit(self) -> None:
        data = self.form_data()
        if self.client is not None and all(
                getattr(data, name) == getattr(self.data, name) for name in IDENTIFYING):
            client_id, read = self.client.id, self.data
            self.save_with(self.context, lambda s: services.update_client(
                s, client_id=client_id, data=data, read=read))
            return
        # A new person, or a correction that makes this one look like another: ask first.
        exclude = self.client.id if self.client is not None else None
        self.set_busy(True)
        self.context.read(lambda s: similar_clients(
            s, first_name=data.first_name, last_name=data.last_name,
            birth_date=data.birth_date, municipality_code=data.municipality_code or "",
            exclude_id=exclude),
            lambda found: self._checked(data, found),
            on_error=self._not_checked)

    def _not_checked(self, error: Exception) -> None:
        self.set_busy(False)
        self.refuse(user_message(error))

    def _checked(self, data: ClientData, similar: list[SimilarClient]) -> None:
        """Saves the person, unless someone similar is recorded and the user chooses to
        open that file or to go back to the form."""
        self.set_busy(False)
        if not similar:
            self._save(data)
            return
        self.similar = SimilarPersons(self.context, similar, self,
                                      editing=self.client is not None)
        self.similar.finished.connect(lambda choice: self._chosen(data, choice))
        self.similar.open()

    def _chosen(self, data: ClientData, choice: int) -> None:
        chosen = self.similar.chosen() if self.similar is not None else ""
        self.similar = None
        if choice == SimilarPersons.OPEN and chosen:
            self.track(self._tracked)  # given up on purpose: nothing to ask or keep
            self.reject()
            self.open_existing.emit(chosen)
        elif choice == SimilarPersons.CREATE:
            self._save(data)

    def _save(self, data: ClientData) -> None:
        if self.client is None:
            self.save_with(self.context, lambda s: services.create_client(s, data=data))
            return
        client_id, read = self.client.id, self.data
        self.save_with(self.context, lambda s: services.update_client(
            s, client_id=client_id, data=data, read=read))

    def saved(self) -> None:
        super().saved()
        if self.client is None and self.result_change is not None:
            self.created.emit(self.result_change.client_id)


@reopener(ClientForm.draft_form)
def reopen(window: Any, subject: dict[str, str], show: Any) -> None:
    """A new person's form opens over the window; an existing person's in their file."""
    from kim_desktop.core.models import Client

    client_id = subject.get("client_id", "")
    if not client_id:
        form = ClientForm(window.context, parent=window)
        form.created.connect(window.open_client)
        form.open_existing.connect(window.open_client)
        show(form)
        return

    def read(session: Session) -> Any:
        found = session.get(Client, client_id)
        return found if found is not None and found.deleted_at is None else None

    def opened(client: Any) -> None:
        if client is not None:
            file = window.open_client(client_id)
            show(ClientForm(window.context, client=client, facts=bool(subject.get("facts")),
                            parent=file))

    window.context.read(read, opened)


class SimilarPersons(QDialog):
    """Names the persons already recorded who may be the one being entered, with what
    tells them apart; it finishes with :attr:`CREATE`, :attr:`OPEN` or 0 (back)."""

    CREATE = 2
    OPEN = 3

    def __init__(self, context: Context, similar: list[SimilarClient],
                 parent: QWidget | None = None, *, editing: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("client_form", "Person schon erfasst?"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "client_form", "Diese Personen sind schon erfasst und könnten dieselbe sein:"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.persons = QListWidget()
        self.persons.setAccessibleName(translate("client_form", "Ähnliche Personen"))
        for person in similar:
            details = person_details(person.birth_date,
                                     context.label("municipalities", person.municipality_code),
                                     person.client_id)
            item = QListWidgetItem(f"{person.name} ({details})")
            item.setData(Qt.ItemDataRole.UserRole, person.client_id)
            self.persons.addItem(item)
        self.persons.setCurrentRow(0)
        intro.setBuddy(self.persons)
        layout.addWidget(self.persons)
        buttons = QDialogButtonBox()
        open_button = QPushButton(translate("client_form", "Vorhandene Akte öffnen"))
        create = QPushButton(translate("client_form", "Trotzdem speichern") if editing
                             else translate("client_form", "Trotzdem anlegen"))
        back = QPushButton(translate("client_form", "Zurück zum Formular"))
        buttons.addButton(open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(create, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(back, QDialogButtonBox.ButtonRole.RejectRole)
        open_button.clicked.connect(lambda: self.done(self.OPEN))
        create.clicked.connect(lambda: self.done(self.CREATE))
        back.clicked.connect(self.reject)
        self.persons.itemActivated.connect(lambda _: self.done(self.OPEN))
        layout.addWidget(buttons)
        open_button.setDefault(True)  # once in the dialog, as on the unlock screen
        assign_access_keys(self)
        self.persons.setFocus()

    def chosen(self) -> str:
        item = self.persons.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

"""Settings → Datenschutz, for the office admin: the controller and the data-protection
officer that the Art. 15 information names (:mod:`kim_desktop.core.office_contacts`)."""

from __future__ import annotations

from kim_desktop.core.office_contacts import (
    OfficeContacts,
    office_contacts,
    save_office_contacts,
    with_contacts,
)
from kim_desktop.core.provisioning import CONTACT_MAX_LENGTH
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import add_row


class OfficeContactsSection(QGroupBox):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(translate("office_contacts", "Datenschutz"), parent)
        self.context = context
        contacts = office_contacts(context.data_dir)
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "office_contacts",
            "Die Auskunft nach Art. 15 DSGVO nennt die verantwortliche Stelle und die oder den "
            "Datenschutzbeauftragten; ohne beide wird sie nicht erstellt.",
        ))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.controller = self._field(contacts.controller)
        self.controller_contact = self._field(contacts.controller_contact)
        self.dpo_name = self._field(contacts.dpo_name)
        self.dpo_contact = self._field(contacts.dpo_contact)
        add_row(form, translate("office_contacts", "&Verantwortliche Stelle mit Anschrift:"),
                self.controller)
        add_row(form, translate("office_contacts", "Kontakt der Stelle (Telefon, E-&Mail):"),
                self.controller_contact)
        add_row(form, translate("office_contacts", "Datenschutzbeauftra&gte*r mit Anschrift:"),
                self.dpo_name)
        add_row(form, translate("office_contacts",
                                "Kontakt der/des Beauftragten (&Post, Telefon, E-Mail):"),
                self.dpo_contact)
        layout.addLayout(form)
        self.save = QPushButton(translate("office_contacts", "Datenschutzangaben &übernehmen"))
        self.save.clicked.connect(self.store)
        layout.addWidget(self.save)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)

    @staticmethod
    def _field(value: str) -> QLineEdit:
        field = QLineEdit(value)
        field.setMaxLength(CONTACT_MAX_LENGTH)
        field.setMinimumWidth(field.fontMetrics().averageCharWidth() * 50)
        return field

    def store(self) -> None:
        contacts = OfficeContacts(
            self.controller.text().strip(), self.controller_contact.text().strip(),
            self.dpo_name.text().strip(), self.dpo_contact.text().strip())
        try:
            save_office_contacts(self.context.data_dir, contacts)
        except OSError as error:
            self.notice.setText(translate(
                "office_contacts", "Die Angaben konnten nicht gespeichert werden: {reason}")
                .format(reason=error.strerror or ""))
            return
        # What IT provisioned fills what the office left empty.
        contacts = office_contacts(self.context.data_dir)
        self.context.catalogs = with_contacts(self.context.catalogs, contacts)
        self.notice.setText(
            translate("office_contacts", "Gespeichert.") if contacts.complete else translate(
                "office_contacts", "Gespeichert. Solange verantwortliche Stelle oder "
                "Datenschutzbeauftragte*r fehlen, wird keine Auskunft erstellt."))

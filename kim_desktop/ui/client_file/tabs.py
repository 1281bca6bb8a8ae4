"""The tabs of a client file. Each shows one part of :class:`ClientFileData` and offers the
actions that belong there."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kim_desktop.core import services
from kim_desktop.ui.client_file import dialogs
from kim_desktop.ui.client_file.data import ClientFileData
from kim_desktop.ui.client_file.lists import RecordList, yes_no
from kim_desktop.ui.formats import day, moment
from kim_desktop.ui.qt import (
    QFormLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)

if TYPE_CHECKING:
    from kim_desktop.ui.client_file.view import ClientFile


def open_case_or_say(file: ClientFile) -> Any:
    """The open case; without one, says so in the file and returns None."""
    case = file.data.open_case if file.data else None
    if case is None:
        file.error.show_message(translate("client_file", "Bitte zuerst einen Fall eröffnen."))
    return case


class MasterDataTab(QWidget):
    def __init__(self, file: ClientFile) -> None:
        super().__init__()
        self.file = file
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, title in [
            ("name", translate("client_file", "Name")),
            ("birth_date", translate("client_file", "Geburtsdatum")),
            ("nationalities", translate("client_file", "Staatsangehörigkeiten")),
            ("languages", translate("client_file", "Sprachen")),
            ("interpreter", translate("client_file", "Dolmetschung nötig")),
            ("contact", translate("client_file", "Kontakt")),
            ("address", translate("client_file", "Anschrift")),
            ("entry_date", translate("client_file", "Einreise")),
        ]:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.form.addRow(title + ":", value)
            self.values[key] = value
        layout.addLayout(self.form)
        edit = QPushButton(translate("client_file", "Stammdaten &bearbeiten …"))
        edit.clicked.connect(self._edit)
        layout.addWidget(edit, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(translate("client_file", "Aufenthaltsstatus (Verlauf):")))
        self.periods = RecordList(
            [translate("client_file", "Status"), translate("client_file", "Rechtsgrundlage"),
             translate("client_file", "von"), translate("client_file", "bis")],
            translate("client_file", "Noch kein Aufenthaltsstatus erfasst."),
            translate("client_file", "Aufenthaltsstatus"),
        )
        layout.addWidget(self.periods, 1)

    def show_data(self, data: ClientFileData) -> None:
        client, label = data.client, self.file.context.label
        values = {
            "name": client.display_name,
            "birth_date": day(client.birth_date),
            "nationalities": ", ".join(label("countries", c) for c in client.nationalities or []),
            "languages": ", ".join(label("languages", c) for c in client.languages or []),
            "interpreter": yes_no(client.interpreter_needed),
            "contact": " · ".join(p for p in (client.phone, client.email) if p),
            "address": ", ".join(p for p in (client.street,
                                             f"{client.postal_code} {client.town}".strip()) if p),
            "entry_date": day(client.entry_date),
        }
        for key, text in values.items():
            self.values[key].setText(text or "—")
        self.periods.set_records(data.periods, lambda p: [
            label("residence_statuses", p.status_code), p.legal_basis, day(p.valid_from),
            day(p.valid_to) or translate("client_file", "laufend"),
        ])

    def _edit(self) -> None:
        from kim_desktop.ui.client_form import ClientForm

        if self.file.data is not None:
            ClientForm(self.file.context, client=self.file.data.client, parent=self).open()


class ConsentsTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "Art"), translate("client_file", "Stelle"),
             translate("client_file", "Zweck"), translate("client_file", "erteilt"),
             translate("client_file", "gültig bis"), translate("client_file", "Stand")],
            translate("client_file", "Noch keine Einwilligung erfasst."),
            translate("client_file", "Einwilligungen und Schweigepflichtentbindungen"),
        )
        self.file = file
        self.add_button(translate("client_file", "&Erfassen …"),
                        lambda: dialogs.ConsentDialog(file.context, file.client_id, self).open())
        self.withdraw = self.add_button(translate("client_file", "&Widerrufen"), self._withdraw,
                                        needs_selection=True)
        self.finish_buttons()

    def show_data(self, data: ClientFileData) -> None:
        today, label = dt.date.today(), self.file.context.label
        self.set_records(data.consents, lambda c: [
            translate("client_file", "Einwilligung") if c.kind == "data_processing"
            else translate("client_file", "Schweigepflichtentbindung"),
            label("partner_agencies", c.recipient_agency_code), c.purpose, day(c.granted_on),
            day(c.expires_on) or "—",
            translate("client_file", "gültig") if c.is_valid_on(today)
            else translate("client_file", "widerrufen") if c.withdrawn_on
            else translate("client_file", "nicht gültig"),
        ])

    def _withdraw(self) -> None:
        consent = self.current()
        if consent is not None:
            self.file.context.write(lambda s: services.withdraw_consent(
                s, consent_id=consent.id, withdrawn_on=dt.date.today()))


class NeedsTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "Handlungsfeld"), translate("client_file", "Bedarf"),
             translate("client_file", "am"), translate("client_file", "Ressourcen"),
             translate("client_file", "Notizen")],
            translate("client_file", "Noch keine Bedarfe eingeschätzt."),
            translate("client_file", "Bedarfe je Handlungsfeld"),
        )
        self.file = file
        self.add_button(translate("client_file", "Bedarf &einschätzen …"), self._add)
        self.finish_buttons()

    def show_data(self, data: ClientFileData) -> None:
        levels = dict(dialogs.need_levels())
        label = self.file.context.label
        self.set_records(data.needs, lambda n: [
            label("fields_of_action", n.field_of_action_code), levels.get(n.level, n.level),
            day(n.assessed_on), n.strengths, n.notes,
        ])

    def _add(self) -> None:
        case = open_case_or_say(self.file)
        if case is None:
            return
        dialogs.NeedDialog(self.file.context, case.id, self).open()


class PlanTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "Ziel"), translate("client_file", "Handlungsfeld"),
             translate("client_file", "vereinbart"), translate("client_file", "bis"),
             translate("client_file", "Stand"), translate("client_file", "Maßnahmen")],
            translate("client_file", "Noch keine Ziele vereinbart."),
            translate("client_file", "Hilfeplan: Ziele und Maßnahmen"),
        )
        self.file = file
        self.add_button(translate("client_file", "Ziel &vereinbaren …"), self._add)
        self.finish_buttons()

    def show_data(self, data: ClientFileData) -> None:
        label = self.file.context.label
        statuses = {"open": translate("client_file", "offen"),
                    "achieved": translate("client_file", "erreicht"),
                    "partly_achieved": translate("client_file", "teilweise erreicht"),
                    "not_achieved": translate("client_file", "nicht erreicht"),
                    "dropped": translate("client_file", "aufgegeben")}
        self.set_records(data.goals, lambda g: [
            g.description, label("fields_of_action", g.field_of_action_code), day(g.agreed_on),
            day(g.due_on), statuses.get(g.status, g.status),
            "; ".join(m.description for m in data.measures if m.goal_id == g.id),
        ])

    def _add(self) -> None:
        case = open_case_or_say(self.file)
        if case is None:
            return
        dialogs.GoalDialog(self.file.context, case.id, self).open()


class ConsultationsTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "Wann"), translate("client_file", "Dauer"),
             translate("client_file", "Art"), translate("client_file", "Handlungsfelder"),
             translate("client_file", "Notizen")],
            translate("client_file", "Noch keine Beratungskontakte. Strg+N erfasst einen."),
            translate("client_file", "Beratungskontakte"),
        )
        self.file = file
        self.add_button(translate("client_file", "Beratungskontakt &erfassen …"), self._add)
        self.finish_buttons()

    def show_data(self, data: ClientFileData) -> None:
        label = self.file.context.label
        self.set_records(data.consultations, lambda c: [
            moment(c.held_at),
            translate("client_file", "{minutes} min").format(minutes=c.duration_minutes),
            label("consultation_modes", c.mode_code),
            ", ".join(label("fields_of_action", f) for f in c.fields_of_action or []),
            c.notes.replace("\n", " ")[:200],
        ])

    def _add(self) -> None:
        from kim_desktop.ui.quick_consultation import QuickConsultationDialog

        QuickConsultationDialog(self.file.context, client_id=self.file.client_id,
                                parent=self).open()


class ReferralsTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "Stelle"), translate("client_file", "Anliegen"),
             translate("client_file", "geplant"), translate("client_file", "Stand"),
             translate("client_file", "Ergebnis")],
            translate("client_file", "Noch keine Vermittlungen."),
            translate("client_file", "Vermittlungen"),
        )
        self.file = file
        self.add_button(translate("client_file", "Vermittlung &planen …"),
                        lambda: dialogs.ReferralDialog(file.context, file.client_id, self).open())
        self.finish_buttons()

    def show_data(self, data: ClientFileData) -> None:
        label = self.file.context.label
        states = {"planned": translate("client_file", "geplant"),
                  "sent": translate("client_file", "gesendet"),
                  "accepted": translate("client_file", "angenommen"),
                  "declined": translate("client_file", "abgelehnt"),
                  "completed": translate("client_file", "abgeschlossen"),
                  "cancelled": translate("client_file", "abgebrochen")}
        self.set_records(data.referrals, lambda r: [
            label("partner_agencies", r.agency_code), r.purpose, day(r.planned_on),
            states.get(r.state, r.state), r.outcome,
        ])


class FollowUpsTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "fällig"), translate("client_file", "Worum"),
             translate("client_file", "Stand")],
            translate("client_file", "Keine Wiedervorlagen."),
            translate("client_file", "Wiedervorlagen"),
        )
        self.file = file
        self.add_button(translate("client_file", "&Wiedervorlage …"),
                        lambda: dialogs.FollowUpDialog(file.context, file.client_id, self).open())
        self.add_button(translate("client_file", "&Erledigt"), self._done, needs_selection=True)
        self.finish_buttons()

    def show_data(self, data: ClientFileData) -> None:
        today = dt.date.today()

        def state(f: Any) -> str:
            if f.done_on:
                return translate("client_file", "erledigt am {date}").format(date=day(f.done_on))
            if f.due_on < today:
                return translate("client_file", "überfällig")
            if f.due_on == today:
                return translate("client_file", "heute fällig")
            return translate("client_file", "offen")

        self.set_records(data.follow_ups, lambda f: [day(f.due_on), f.text, state(f)])

    def _done(self) -> None:
        follow_up = self.current()
        if follow_up is not None and follow_up.done_on is None:
            self.file.context.write(lambda s: services.complete_follow_up(
                s, follow_up_id=follow_up.id, done_on=dt.date.today()))


class GapsTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "Kategorie"), translate("client_file", "Beschreibung"),
             translate("client_file", "beobachtet"), translate("client_file", "freigegeben")],
            translate("client_file", "Dieser Fall ist mit keiner strukturellen Fehlstelle "
                      "verknüpft."),
            translate("client_file", "Strukturelle Fehlstellen"),
        )
        self.file = file

    def show_data(self, data: ClientFileData) -> None:
        label = self.file.context.label
        self.set_records(data.gaps, lambda g: [
            label("structural_gap_categories", g.category_code), g.description,
            day(g.observed_on), yes_no(g.released_at is not None),
        ])


class HistoryTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "Wann"), translate("client_file", "Wer"),
             translate("client_file", "Was")],
            translate("client_file", "Kein Verlauf."),
            translate("client_file", "Verlauf aus dem Protokoll"),
        )

    def show_data(self, data: ClientFileData) -> None:
        actions = {"create": translate("client_file", "angelegt"),
                   "update": translate("client_file", "geändert"),
                   "view": translate("client_file", "angesehen"),
                   "export": translate("client_file", "exportiert"),
                   "delete": translate("client_file", "gelöscht")}
        self.set_records(data.history, lambda e: [
            moment(e.at), e.user, actions.get(e.action, e.action),
        ])


def build_tabs(file: ClientFile) -> list[tuple[str, QWidget]]:
    from kim_desktop.ui.client_file.attachments import AttachmentsTab

    return [
        (translate("client_file", "Stammdaten"), MasterDataTab(file)),
        (translate("client_file", "Einwilligungen"), ConsentsTab(file)),
        (translate("client_file", "Bedarfe"), NeedsTab(file)),
        (translate("client_file", "Hilfeplan"), PlanTab(file)),
        (translate("client_file", "Beratungskontakte"), ConsultationsTab(file)),
        (translate("client_file", "Vermittlungen"), ReferralsTab(file)),
        (translate("client_file", "Wiedervorlagen"), FollowUpsTab(file)),
        (translate("client_file", "Anhänge"), AttachmentsTab(file)),
        (translate("client_file", "Fehlstellen"), GapsTab(file)),
        (translate("client_file", "Verlauf"), HistoryTab(file)),
    ]

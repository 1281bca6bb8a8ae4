"""The tabs of a client file. Each shows one part of :class:`ClientFileData` and offers the
actions that belong there; this module holds the person and the plan, ``contact_tabs`` the
contacts and records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kim_desktop.core import services
from kim_desktop.core.models import GoalStatus, MeasureStatus, NeedLevel, Responsible
from kim_desktop.ui.client_file import dialogs
from kim_desktop.ui.client_file.data import ClientFileData
from kim_desktop.ui.client_file.household import HouseholdList
from kim_desktop.ui.client_file.lists import RecordList
from kim_desktop.ui.client_form import MASTER_DATA
from kim_desktop.ui.fields import choice_label
from kim_desktop.ui.formats import day
from kim_desktop.ui.qt import (
    QFormLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import scrolling
from kim_desktop.ui.widgets.rows import ShownRows

if TYPE_CHECKING:
    from kim_desktop.ui.client_file.view import ClientFile


def open_case_or_say(file: ClientFile) -> Any:
    """The open case; without one, says so in the file and returns None."""
    case = file.data.open_case if file.data else None
    if case is None:
        file.error.show_message(translate("client_file", "Bitte zuerst einen Fall eröffnen."))
    return case


class MasterDataTab(QWidget):
    """The master data (the rows of :data:`MASTER_DATA`), the residence status history and
    the household, in a scroll area: on a small screen it scrolls instead of growing."""

    def __init__(self, file: ClientFile) -> None:
        super().__init__()
        self.file = file
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        outer.addWidget(scrolling(body))
        layout = QVBoxLayout(body)
        self.form = QFormLayout()
        self.rows = ShownRows(self.form, "client", MASTER_DATA)
        layout.addLayout(self.form)
        edit = QPushButton(translate("client_file", "Stammdaten bea&rbeiten …"))
        edit.clicked.connect(self.edit)
        layout.addWidget(edit, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(translate("client_file", "Aufenthaltsstatus (Verlauf):")))
        self.periods = RecordList(
            [translate("client_file", "Status"), translate("client_file", "Rechtsgrundlage"),
             translate("client_file", "von"), translate("client_file", "bis")],
            translate("client_file", "Noch kein Aufenthaltsstatus erfasst."),
            translate("client_file", "Aufenthaltsstatus"),
        )
        self.periods.add_button(translate("client_file", "Aufenthalts&status erfassen …"),
                                self.add_period)
        self.periods.add_button(translate("client_file", "Status &korrigieren …"),
                                self.correct_period, needs_selection=True)
        self.periods.finish_buttons()
        self.periods.tree.itemActivated.connect(lambda *_: self.correct_period())
        layout.addWidget(self.periods, 1)
        layout.addWidget(QLabel(translate("client_file", "Haushalt:")))
        self.household = HouseholdList(file)
        layout.addWidget(self.household, 1)
        for part in (self.periods, self.household):  # flush with the labels above them
            inner = part.layout()
            assert inner is not None
            inner.setContentsMargins(0, 0, 0, 0)

    def show_data(self, data: ClientFileData) -> None:
        self.household.show_data(data)
        label = self.file.context.label
        self.rows.show(data.client, label)
        self.periods.set_records(data.periods, lambda p: [
            label("residence_statuses", p.status_code), p.legal_basis, day(p.valid_from),
            day(p.valid_to) or translate("client_file", "laufend"),
        ])

    def edit(self) -> Any:
        """Opens the master data form; the form, or None while the file is still loading."""
        from kim_desktop.ui.client_form import ClientForm

        if self.file.data is None:
            return None
        form = ClientForm(self.file.context, client=self.file.data.client, parent=self)
        form.open()
        return form

    def add_period(self) -> dialogs.ResidencePeriodDialog:
        dialog = dialogs.ResidencePeriodDialog(self.file.context, self.file.client_id, self)
        dialog.open()
        return dialog

    def correct_period(self) -> dialogs.ResidencePeriodDialog | None:
        """Opens the chosen period for a correction."""
        period = self.periods.current()
        if period is None:
            return None
        dialog = dialogs.ResidencePeriodDialog(self.file.context, self.file.client_id, self,
                                               period=period)
        dialog.open()
        return dialog


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
             translate("client_file", "am"), translate("client_file", "Stand"),
             translate("client_file", "Ressourcen"), translate("client_file", "Notizen")],
            translate("client_file", "Noch keine Bedarfe eingeschätzt."),
            translate("client_file", "Bedarfe je Handlungsfeld"),
        )
        self.file = file
        self.add_button(translate("client_file", "Bedarf &einschätzen …"), self._add)
        self.add_button(translate("client_file", "Neu ein&schätzen …"), self.reassess,
                        needs_selection=True)
        self.finish_buttons()
        self.tree.itemActivated.connect(lambda *_: self.reassess())

    def show_data(self, data: ClientFileData) -> None:
        label = self.file.context.label
        current: dict[str, str] = {}
        for need in data.needs:  # newest first: the first of each field is the current one
            current.setdefault(need.field_of_action_code, need.id)
        self.set_records(data.needs, lambda n: [
            label("fields_of_action", n.field_of_action_code), choice_label(NeedLevel, n.level),
            day(n.assessed_on),
            translate("client_file", "aktuell") if current[n.field_of_action_code] == n.id
            else translate("client_file", "abgelöst"),
            n.strengths, n.notes,
        ])

    def _add(self) -> None:
        case = open_case_or_say(self.file)
        if case is None:
            return
        dialogs.NeedDialog(self.file.context, case.id, self).open()

    def reassess(self) -> dialogs.NeedDialog | None:
        """Opens the selected need's field for a new assessment, prefilled with it."""
        need = self.current()
        case = open_case_or_say(self.file) if need is not None else None
        if case is None:
            return None
        dialog = dialogs.NeedDialog(self.file.context, case.id, self, earlier=need)
        dialog.open()
        return dialog


class PlanTab(QWidget):
    """The plan: the goals above, the measures of the selected goal below. Enter on a goal
    edits it (with its status), on a measure sets the measure's status."""

    def __init__(self, file: ClientFile) -> None:
        super().__init__()
        self.file = file
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.goals = RecordList(
            [translate("client_file", "Ziel"), translate("client_file", "Handlungsfeld"),
             translate("client_file", "vereinbart"), translate("client_file", "bis"),
             translate("client_file", "Stand"), translate("client_file", "Ergebnis")],
            translate("client_file", "Noch keine Ziele vereinbart."),
            translate("client_file", "Hilfeplan: Ziele"),
        )
        self.goals.add_button(translate("client_file", "Ziel vereinbaren …"), self._add)
        self.goals.add_button(translate("client_file", "Ziel bearbeiten …"), self.edit_goal,
                              needs_selection=True)
        self.goals.finish_buttons()
        self.goals.tree.itemActivated.connect(lambda *_: self.edit_goal())
        self.measures = RecordList(
            [translate("client_file", "Maßnahme"), translate("client_file", "Verantwortlich"),
             translate("client_file", "fällig"), translate("client_file", "Stand"),
             translate("client_file", "Ergebnis")],
            translate("client_file", "Für dieses Ziel sind noch keine Maßnahmen vereinbart."),
            translate("client_file", "Maßnahmen des Ziels"),
        )
        self.add_measure_button = self.measures.add_button(
            translate("client_file", "Maßnahme vereinbaren …"), self._measure)
        self.measures.add_button(translate("client_file", "Stand der Maßnahme …"),
                                 self.measure_status, needs_selection=True)
        self.measures.finish_buttons()
        self.measures.tree.itemActivated.connect(lambda *_: self.measure_status())
        # The headings carry no Alt letter: the window's menus, tabs and header leave too few
        # for more than the two that add; each list follows its buttons in the Tab order.
        for title, part in ((translate("client_file", "Ziele:"), self.goals),
                            (translate("client_file", "Maßnahmen des gewählten Ziels:"),
                             self.measures)):
            layout.addWidget(QLabel(title))
            layout.addWidget(part, 1)
        self.goals.tree.currentItemChanged.connect(lambda *_: self._show_measures())
        self._data: ClientFileData | None = None

    def show_data(self, data: ClientFileData) -> None:
        self._data = data
        label = self.file.context.label
        self.goals.set_records(data.goals, lambda g: [
            g.description, label("fields_of_action", g.field_of_action_code), day(g.agreed_on),
            day(g.due_on), choice_label(GoalStatus, g.status), g.outcome,
        ])
        if self.goals.current() is None:
            self.goals.select_first()  # the newest goal: its measures show below
        self._show_measures()

    def _show_measures(self) -> None:
        goal = self.goals.current()
        measures = [m for m in self._data.measures if goal is not None
                    and m.goal_id == goal.id] if self._data is not None else []
        label = self.file.context.label
        self.measures.set_records(measures, lambda m: [
            m.description,
            label("partner_agencies", m.partner_agency_code) if m.partner_agency_code
            else choice_label(Responsible, m.responsible),
            day(m.due_on), choice_label(MeasureStatus, m.status), m.outcome,
        ])
        self.add_measure_button.setEnabled(goal is not None)

    def _add(self) -> None:
        case = open_case_or_say(self.file)
        if case is None:
            return
        dialog = dialogs.GoalDialog(self.file.context, case.id, self)
        self.goals.select_saved(dialog)
        dialog.open()

    def edit_goal(self) -> dialogs.GoalDialog | None:
        """Opens the selected goal to correct it and to set where it stands."""
        goal = self.goals.current()
        if goal is None:
            return None
        dialog = dialogs.GoalDialog(self.file.context, goal.case_id, self, goal=goal)
        dialog.open()
        return dialog

    def _measure(self) -> None:
        goal = self.goals.current()
        if goal is not None:
            dialog = dialogs.MeasureDialog(self.file.context, goal.id, self)
            self.measures.select_saved(dialog)
            dialog.open()

    def measure_status(self) -> dialogs.MeasureDialog | None:
        """Opens the selected measure to set its status, outcome and due day."""
        measure = self.measures.current()
        if measure is None:
            return None
        dialog = dialogs.MeasureDialog(self.file.context, measure.goal_id, self,
                                       measure=measure)
        dialog.open()
        return dialog


def tab_factories(file: ClientFile) -> list[tuple[str, Callable[[], QWidget]]]:
    """Each tab's title and how to make it; tabs are made when first looked at."""
    from kim_desktop.ui.client_file.attachments import AttachmentsTab
    from kim_desktop.ui.client_file.contact_tabs import (
        ConsultationsTab,
        FollowUpsTab,
        GapsTab,
        HistoryTab,
        ReferralsTab,
    )
    from kim_desktop.ui.client_file.precheck import PrecheckTab

    return [
        (translate("client_file", "Stammdaten"), lambda: MasterDataTab(file)),
        (translate("client_file", "Einwilligungen"), lambda: ConsentsTab(file)),
        (translate("client_file", "Bedarfe"), lambda: NeedsTab(file)),
        (translate("client_file", "Hilfeplan"), lambda: PlanTab(file)),
        (translate("client_file", "Beratungskontakte"), lambda: ConsultationsTab(file)),
        (translate("client_file", "Vermittlungen"), lambda: ReferralsTab(file)),
        (translate("client_file", "Wiedervorlagen"), lambda: FollowUpsTab(file)),
        (translate("client_file", "Anhänge"), lambda: AttachmentsTab(file)),
        (translate("client_file", "Fehlstellen"), lambda: GapsTab(file)),
        (translate("client_file", "Verlauf"), lambda: HistoryTab(file)),
        (translate("client_file", "Vorprüfung"), lambda: PrecheckTab(file)),
    ]

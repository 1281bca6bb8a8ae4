"""The small forms of a client file: case opening, closing and reopening, follow-ups,
consents, needs, goals, referrals. Each validates inline and saves through one service."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kim_desktop.core import services
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import day
from kim_desktop.ui.qt import QCheckBox, QLabel, QLineEdit, QWidget, translate
from kim_desktop.ui.widgets import (
    MAX_TEXT,
    FormDialog,
    add_row,
    combo,
    date_edit,
    date_of,
    text_edit,
)


class OpenCaseDialog(FormDialog):
    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Fall eröffnen"), parent)
        self.context, self.client_id = context, client_id
        self.opened_on = date_edit()
        self.reason = text_edit()
        self.criteria = [
            QCheckBox(text) for _, text in context.entries("target_group_criteria")
        ]
        add_row(self.form, translate("dialogs", "&Eröffnet am:"), self.opened_on)
        add_row(self.form, translate("dialogs", "&Anlass:"), self.reason)
        for box, (code, _) in zip(self.criteria, context.entries("target_group_criteria"),
                                  strict=True):
            box.setProperty("code", code)
            self.form.addRow("", box)
        self.track([self.opened_on, self.reason, *self.criteria])

    def submit(self) -> None:
        opened_on = date_of(self.opened_on) or dt.date.today()
        reason = self.reason.toPlainText()
        criteria = [str(b.property("code")) for b in self.criteria if b.isChecked()]
        self.save_with(self.context, lambda s: services.open_case(
            s, client_id=self.client_id, opened_on=opened_on, reason=reason,
            target_group_criteria=criteria,
        ))


class CloseCaseDialog(FormDialog):
    def __init__(self, context: Context, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Fall abschließen"), parent)
        self.context, self.case_id = context, case_id
        self.closed_on = date_edit()
        self.reason = combo(context.entries("closure_reasons"),
                            empty=translate("dialogs", "Bitte wählen …"))
        self.note = text_edit()
        add_row(self.form, translate("dialogs", "Abgeschlossen &am:"), self.closed_on)
        add_row(self.form, translate("dialogs", "&Grund:"), self.reason)
        add_row(self.form, translate("dialogs", "&Bemerkung:"), self.note)
        self.track([self.closed_on, self.reason, self.note])

    def submit(self) -> None:
        if not self.reason.currentData():
            self.error.show_message(translate("dialogs", "Bitte einen Abschlussgrund wählen."))
            self.reason.setFocus()
            return
        closed_on = date_of(self.closed_on) or dt.date.today()
        code, note = self.reason.currentData(), self.note.toPlainText()
        self.save_with(self.context, lambda s: services.close_case(
            s, case_id=self.case_id, closed_on=closed_on, reason_code=code, note=note
        ))


class ReopenCaseDialog(FormDialog):
    def __init__(self, context: Context, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Fall wieder eröffnen"), parent)
        self.context, self.case_id = context, case_id
        self.reopened_on = date_edit()
        self.reason = text_edit()
        add_row(self.form, translate("dialogs", "Wieder eröffnet &am:"), self.reopened_on)
        add_row(self.form, translate("dialogs", "&Grund:"), self.reason)
        self.track([self.reopened_on, self.reason])

    def submit(self) -> None:
        reopened_on = date_of(self.reopened_on) or dt.date.today()
        reason = self.reason.toPlainText()
        self.save_with(self.context, lambda s: services.reopen_case(
            s, case_id=self.case_id, reopened_on=reopened_on, reason=reason
        ))


class FollowUpDialog(FormDialog):
    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Wiedervorlage"), parent)
        self.context, self.client_id = context, client_id
        self.due_on = date_edit(dt.date.today() + dt.timedelta(days=14))
        self.text = QLineEdit()
        self.text.setMaxLength(MAX_TEXT)
        add_row(self.form, translate("dialogs", "&Fällig am:"), self.due_on)
        add_row(self.form, translate("dialogs", "&Worum geht es?"), self.text)
        self.track([self.due_on, self.text])

    def submit(self) -> None:
        due_on = date_of(self.due_on) or dt.date.today()
        text = self.text.text()
        self.save_with(self.context, lambda s: services.add_follow_up(
            s, client_id=self.client_id, due_on=due_on, text=text
        ))


class ConsentDialog(FormDialog):
    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Einwilligung oder Schweigepflichtentbindung"),
                         parent)
        self.context, self.client_id = context, client_id
        self.kind = combo([
            ("data_processing", translate("dialogs", "Einwilligung in die Datenverarbeitung")),
            ("confidentiality_waiver", translate("dialogs", "Schweigepflichtentbindung")),
        ])
        self.agency = combo(context.entries("partner_agencies"),
                            empty=translate("dialogs", "— keine —"))
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(MAX_TEXT)
        self.granted_on = date_edit()
        self.expires_on = date_edit(optional=True)
        self.language = combo(context.entries("languages"))
        index = self.language.findData("de")
        self.language.setCurrentIndex(max(index, 0))
        add_row(self.form, translate("dialogs", "&Art:"), self.kind)
        add_row(self.form, translate("dialogs", "&Empfangende Stelle:"), self.agency)
        add_row(self.form, translate("dialogs", "&Zweck:"), self.purpose)
        add_row(self.form, translate("dialogs", "Erteilt a&m:"), self.granted_on)
        add_row(self.form, translate("dialogs", "Gültig &bis:"), self.expires_on)
        add_row(self.form, translate("dialogs", "Sp&rache des Formulars:"), self.language)
        self.track([self.kind, self.agency, self.purpose, self.granted_on, self.expires_on,
                    self.language])

    def submit(self) -> None:
        kind, agency = self.kind.currentData(), self.agency.currentData() or None
        purpose, language = self.purpose.text(), self.language.currentData() or "de"
        granted_on = date_of(self.granted_on) or dt.date.today()
        expires_on = date_of(self.expires_on)
        self.save_with(self.context, lambda s: services.grant_consent(
            s, client_id=self.client_id, kind=kind, granted_on=granted_on, purpose=purpose,
            recipient_agency_code=agency, expires_on=expires_on, form_language=language,
        ))


class NeedDialog(FormDialog):
    """Assesses a need; with ``earlier`` (an assessment) it re-assesses that field of action,
    prefilled, and the new assessment supersedes the earlier one, which stays on record."""

    def __init__(self, context: Context, case_id: str, parent: QWidget | None = None,
                 *, earlier: Any = None) -> None:
        super().__init__(translate("dialogs", "Bedarf neu einschätzen") if earlier is not None
                         else translate("dialogs", "Bedarf einschätzen"), parent)
        self.context, self.case_id = context, case_id
        self.field = combo(context.entries("fields_of_action"))
        self.level = combo(need_levels())
        self.assessed_on = date_edit()
        self.strengths = text_edit(3)
        self.notes = text_edit(3)
        if earlier is not None:
            self.field.setCurrentIndex(max(self.field.findData(earlier.field_of_action_code), 0))
            self.field.setEnabled(False)
            self.level.setCurrentIndex(max(self.level.findData(earlier.level), 0))
            self.strengths.setPlainText(earlier.strengths)
            self.notes.setPlainText(earlier.notes)
            note = QLabel(translate("dialogs", "Die neue Einschätzung löst die vom {date} ab; "
                                    "diese bleibt im Verlauf.").format(
                                        date=day(earlier.assessed_on)))
            note.setWordWrap(True)
            self.form.addRow(note)
        add_row(self.form, translate("dialogs", "&Handlungsfeld:"), self.field)
        add_row(self.form, translate("dialogs", "&Bedarf:"), self.level)
        add_row(self.form, translate("dialogs", "Eingeschätzt &am:"), self.assessed_on)
        add_row(self.form, translate("dialogs", "&Ressourcen und Stärken:"), self.strengths)
        add_row(self.form, translate("dialogs", "&Notizen:"), self.notes)
        self.track([self.field, self.level, self.assessed_on, self.strengths, self.notes])

    def submit(self) -> None:
        field, level = self.field.currentData(), self.level.currentData()
        on = date_of(self.assessed_on) or dt.date.today()
        strengths, notes = self.strengths.toPlainText(), self.notes.toPlainText()
        self.save_with(self.context, lambda s: services.assess_need(
            s, case_id=self.case_id, field_of_action_code=field, level=level, assessed_on=on,
            strengths=strengths, notes=notes,
        ))


class GoalDialog(FormDialog):
    def __init__(self, context: Context, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Ziel vereinbaren"), parent)
        self.context, self.case_id = context, case_id
        self.field = combo(context.entries("fields_of_action"))
        self.description = text_edit(3)
        self.agreed_on = date_edit()
        self.due_on = date_edit(optional=True)
        add_row(self.form, translate("dialogs", "&Handlungsfeld:"), self.field)
        add_row(self.form, translate("dialogs", "&Ziel:"), self.description)
        add_row(self.form, translate("dialogs", "Vereinbart &am:"), self.agreed_on)
        add_row(self.form, translate("dialogs", "&Bis:"), self.due_on)
        self.track([self.field, self.description, self.agreed_on, self.due_on])

    def submit(self) -> None:
        field, text = self.field.currentData(), self.description.toPlainText()
        agreed_on = date_of(self.agreed_on) or dt.date.today()
        due_on = date_of(self.due_on)
        self.save_with(self.context, lambda s: services.add_goal(
            s, case_id=self.case_id, field_of_action_code=field, description=text,
            agreed_on=agreed_on, due_on=due_on,
        ))


class ReferralDialog(FormDialog):
    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Vermittlung planen"), parent)
        self.context, self.client_id = context, client_id
        self.agency = combo(context.entries("partner_agencies"))
        self.field = combo(context.entries("fields_of_action"),
                           empty=translate("dialogs", "— keines —"))
        self.purpose = text_edit(3)
        self.planned_on = date_edit()
        add_row(self.form, translate("dialogs", "S&telle:"), self.agency)
        add_row(self.form, translate("dialogs", "&Handlungsfeld:"), self.field)
        add_row(self.form, translate("dialogs", "&Anliegen:"), self.purpose)
        add_row(self.form, translate("dialogs", "Geplant a&m:"), self.planned_on)
        self.track([self.agency, self.field, self.purpose, self.planned_on])

    def submit(self) -> None:
        agency, field = self.agency.currentData(), self.field.currentData() or None
        purpose = self.purpose.toPlainText()
        planned_on = date_of(self.planned_on) or dt.date.today()
        self.save_with(self.context, lambda s: services.plan_referral(
            s, client_id=self.client_id, agency_code=agency, planned_on=planned_on,
            purpose=purpose, field_of_action_code=field,
        ))


def goal_statuses() -> list[tuple[str, str]]:
    return [
        ("open", translate("dialogs", "offen")),
        ("achieved", translate("dialogs", "erreicht")),
        ("partly_achieved", translate("dialogs", "teilweise erreicht")),
        ("not_achieved", translate("dialogs", "nicht erreicht")),
        ("dropped", translate("dialogs", "aufgegeben")),
    ]


class GoalStatusDialog(FormDialog):
    def __init__(self, context: Context, goal: Any, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Stand des Ziels"), parent)
        self.context, self.goal_id = context, goal.id
        self.status = combo(goal_statuses())
        self.status.setCurrentIndex(max(self.status.findData(goal.status), 0))
        self.outcome = text_edit(3)
        self.outcome.setPlainText(goal.outcome or "")
        add_row(self.form, translate("dialogs", "&Stand:"), self.status)
        add_row(self.form, translate("dialogs", "&Ergebnis:"), self.outcome)
        self.track([self.status, self.outcome])

    def submit(self) -> None:
        status, outcome = self.status.currentData(), self.outcome.toPlainText()
        self.save_with(self.context, lambda s: services.update_goal(
            s, goal_id=self.goal_id, status=status, outcome=outcome))


class MeasureDialog(FormDialog):
    def __init__(self, context: Context, goal_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Maßnahme vereinbaren"), parent)
        self.context, self.goal_id = context, goal_id
        self.description = text_edit(3)
        self.responsible = combo([
            ("client", translate("dialogs", "Klient*in")),
            ("case_manager", translate("dialogs", "Case-Management")),
            ("partner_agency", translate("dialogs", "Partnerstelle")),
        ])
        self.agency = combo(context.entries("partner_agencies"),
                            empty=translate("dialogs", "— keine —"))
        self.due_on = date_edit(optional=True)
        add_row(self.form, translate("dialogs", "&Maßnahme:"), self.description)
        add_row(self.form, translate("dialogs", "&Wer:"), self.responsible)
        add_row(self.form, translate("dialogs", "S&telle:"), self.agency)
        add_row(self.form, translate("dialogs", "&Bis:"), self.due_on)
        self.track([self.description, self.responsible, self.agency, self.due_on])

    def submit(self) -> None:
        responsible = self.responsible.currentData()
        agency = self.agency.currentData() or None
        if responsible == "partner_agency" and agency is None:
            self.error.show_message(translate("dialogs", "Bitte die Partnerstelle wählen."))
            self.agency.setFocus()
            return
        description, due_on = self.description.toPlainText(), date_of(self.due_on)
        self.save_with(self.context, lambda s: services.add_measure(
            s, goal_id=self.goal_id, description=description, responsible=responsible,
            partner_agency_code=agency if responsible == "partner_agency" else None,
            due_on=due_on,
        ))


class ResidencePeriodDialog(FormDialog):
    """A new residence status from a day on; the open period before it ends the day before."""

    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Aufenthaltsstatus erfassen"), parent)
        self.context, self.client_id = context, client_id
        self.status = combo(context.entries("residence_statuses"))
        self.valid_from = date_edit()
        self.valid_to = date_edit(optional=True)
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_TEXT)
        add_row(self.form, translate("dialogs", "&Status:"), self.status)
        add_row(self.form, translate("dialogs", "&Gültig ab:"), self.valid_from)
        add_row(self.form, translate("dialogs", "Gültig &bis:"), self.valid_to)
        add_row(self.form, translate("dialogs", "&Notiz:"), self.note)
        self.track([self.status, self.valid_from, self.valid_to, self.note])

    def submit(self) -> None:
        status, note = self.status.currentData(), self.note.text()
        valid_from = date_of(self.valid_from) or dt.date.today()
        valid_to = date_of(self.valid_to)
        self.save_with(self.context, lambda s: services.add_residence_period(
            s, client_id=self.client_id, status_code=status, valid_from=valid_from,
            valid_to=valid_to, note=note,
        ))


def need_levels() -> list[tuple[str, str]]:
    return [
        ("none", translate("dialogs", "kein Bedarf")),
        ("low", translate("dialogs", "gering")),
        ("medium", translate("dialogs", "mittel")),
        ("high", translate("dialogs", "hoch")),
    ]

"""The small forms of a client file: case opening, closing and reopening, follow-ups,
consents, needs, goals and measures, referrals, residence periods. Each lists the declared
fields it edits (their labels, editors and checks come from the declaration), validates
inline and saves through one service."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kim_desktop.core import services
from kim_desktop.core.models import ConsentKind, MeasureStatus, Responsible
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import day
from kim_desktop.ui.qt import QCompleter, QLabel, Qt, QWidget, translate
from kim_desktop.ui.widgets.rows import RecordForm


def _today() -> dt.date:
    return dt.date.today()


class OpenCaseDialog(RecordForm):
    draft_form = "case_open"

    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Fall eröffnen"), context, parent)
        self.confirmation = translate("dialogs", "Fall eröffnet.")
        self.client_id = client_id
        self.rows = self.add_fields("case_record", ["opened_on", "open_reason",
                                                    "target_group_criteria"],
                                    {"opened_on": _today()})
        self.opened_on, self.reason = self.rows["opened_on"], self.rows["open_reason"]

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_id}

    def submit(self) -> None:
        values, client_id = self.rows.values(), self.client_id
        self.save_with(self.context, lambda s: services.open_case(
            s, client_id=client_id, opened_on=values["opened_on"],
            reason=values["open_reason"],
            target_group_criteria=values["target_group_criteria"]))


class CloseCaseDialog(RecordForm):
    draft_form = "case_close"

    def __init__(self, context: Context, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Fall abschließen"), context, parent)
        self.confirmation = translate("dialogs", "Fall abgeschlossen.")
        self.case_id = case_id
        self.rows = self.add_fields("case_record", ["closed_on", "closure_reason_code",
                                                    "closure_note"], {"closed_on": _today()})
        self.closed_on = self.rows["closed_on"]
        self.reason, self.note = self.rows["closure_reason_code"], self.rows["closure_note"]

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_of_file(), "record_id": self.case_id}

    def submit(self) -> None:
        values, case_id = self.rows.values(), self.case_id
        if not values["closure_reason_code"]:
            self.refuse(translate("dialogs", "Bitte einen Abschlussgrund wählen."), self.reason)
            return
        self.save_with(self.context, lambda s: services.close_case(
            s, case_id=case_id, closed_on=values["closed_on"],
            reason_code=values["closure_reason_code"], note=values["closure_note"]))


class ReopenCaseDialog(RecordForm):
    draft_form = "case_reopen"

    def __init__(self, context: Context, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Fall wieder eröffnen"), context, parent)
        self.confirmation = translate("dialogs", "Fall wieder eröffnet.")
        self.case_id = case_id
        self.rows = self.add_fields("case_record", ["reopened_on", "reopen_reason"],
                                    {"reopened_on": _today()})
        self.reopened_on, self.reason = self.rows["reopened_on"], self.rows["reopen_reason"]

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_of_file(), "record_id": self.case_id}

    def submit(self) -> None:
        values, case_id = self.rows.values(), self.case_id
        self.save_with(self.context, lambda s: services.reopen_case(
            s, case_id=case_id, reopened_on=values["reopened_on"],
            reason=values["reopen_reason"]))


class FollowUpDialog(RecordForm):
    """Sets a follow-up; with ``follow_up`` reschedules, rewords or reassigns it. Who it is
    for is typed, with the office's local users offered as completions."""

    draft_form = "follow_up"

    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None,
                 *, follow_up: Any = None) -> None:
        super().__init__(translate("dialogs", "Wiedervorlage ändern") if follow_up is not None
                         else translate("dialogs", "Wiedervorlage"), context, parent)
        self.confirmation = translate("dialogs", "Wiedervorlage gespeichert.")
        self.client_id = client_id
        self.follow_up_id = follow_up.id if follow_up is not None else ""
        names = ["due_on", "text", "assigned_user"]
        values = ({name: getattr(follow_up, name) for name in names} if follow_up is not None
                  else {"due_on": _today() + dt.timedelta(days=14),
                        "assigned_user": context.user})
        self.rows = self.add_fields("follow_up", names, values)
        self.due_on, self.text = self.rows["due_on"], self.rows["text"]
        self.assigned_user = self.rows["assigned_user"]
        users = QCompleter(sorted(user.name for user in context.vault.users()), self)
        users.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.assigned_user.setCompleter(users)
        self.read = self.rows.values() if follow_up is not None else None

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_id, "record_id": self.follow_up_id}

    def submit(self) -> None:
        values, client_id, follow_up_id, read = (self.rows.values(), self.client_id,
                                                 self.follow_up_id, self.read)
        if follow_up_id:
            self.save_with(self.context, lambda s: services.update_follow_up(
                s, follow_up_id=follow_up_id, read=read, **values))
        else:
            self.save_with(self.context, lambda s: services.add_follow_up(
                s, client_id=client_id, **values))


class ConsentDialog(RecordForm):
    draft_form = "consent"

    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Einwilligung oder Schweigepflichtentbindung"),
                         context, parent)
        self.confirmation = translate("dialogs", "Einwilligung gespeichert.")
        self.client_id = client_id
        self.rows = self.add_fields(
            "consent", ["kind", "recipient_agency_code", "purpose", "granted_on", "expires_on",
                        "form_language"],
            {"kind": ConsentKind.DATA_PROCESSING, "granted_on": _today(), "form_language": "de"})
        self.kind, self.agency = self.rows["kind"], self.rows["recipient_agency_code"]
        self.purpose, self.granted_on = self.rows["purpose"], self.rows["granted_on"]
        self.expires_on, self.language = self.rows["expires_on"], self.rows["form_language"]

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_id}

    def submit(self) -> None:
        values, client_id = self.rows.values(), self.client_id
        self.save_with(self.context, lambda s: services.grant_consent(
            s, client_id=client_id, **values))


class NeedDialog(RecordForm):
    """Assesses a need; with ``earlier`` (an assessment) it re-assesses that field of action,
    prefilled, and the new assessment supersedes the earlier one, which stays on record."""

    draft_form = "need"

    def __init__(self, context: Context, case_id: str, parent: QWidget | None = None,
                 *, earlier: Any = None) -> None:
        super().__init__(translate("dialogs", "Bedarf neu einschätzen") if earlier is not None
                         else translate("dialogs", "Bedarf einschätzen"), context, parent)
        self.confirmation = translate("dialogs", "Bedarf gespeichert.")
        self.case_id = case_id
        self.earlier_id = earlier.id if earlier is not None else ""
        values: dict[str, Any] = {"assessed_on": _today()}
        if earlier is not None:
            note = QLabel(translate("dialogs", "Die neue Einschätzung löst die vom {date} ab; "
                                    "diese bleibt im Verlauf.").format(
                                        date=day(earlier.assessed_on)))
            note.setWordWrap(True)
            self.form.addRow(note)
            values.update(field_of_action_code=earlier.field_of_action_code,
                          level=earlier.level, strengths=earlier.strengths,
                          notes=earlier.notes)
        self.rows = self.add_fields("needs_assessment", [
            "field_of_action_code", "level", "assessed_on", "strengths", "notes"], values)
        self.field, self.level = self.rows["field_of_action_code"], self.rows["level"]
        self.assessed_on, self.strengths = self.rows["assessed_on"], self.rows["strengths"]
        self.notes = self.rows["notes"]
        self.field.setEnabled(earlier is None)

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_of_file(), "case_id": self.case_id,
                "record_id": self.earlier_id}

    def submit(self) -> None:
        values, case_id = self.rows.values(), self.case_id
        self.save_with(self.context, lambda s: services.assess_need(
            s, case_id=case_id, **values))


class GoalDialog(RecordForm):
    """Agrees a goal; with ``goal`` corrects its text, field of action and days and sets
    where it stands (status and outcome)."""

    draft_form = "goal"

    def __init__(self, context: Context, case_id: str, parent: QWidget | None = None,
                 *, goal: Any = None) -> None:
        super().__init__(translate("dialogs", "Ziel bearbeiten") if goal is not None
                         else translate("dialogs", "Ziel vereinbaren"), context, parent)
        self.confirmation = translate("dialogs", "Ziel gespeichert.")
        self.case_id, self.goal_id = case_id, goal.id if goal is not None else ""
        names = ["field_of_action_code", "description", "agreed_on", "due_on"]
        if goal is not None:
            names += ["status", "outcome"]
        values = ({name: getattr(goal, name) for name in names} if goal is not None
                  else {"agreed_on": _today()})
        self.rows = self.add_fields("goal", names, values)
        self.field, self.description = self.rows["field_of_action_code"], self.rows["description"]
        self.agreed_on, self.due_on = self.rows["agreed_on"], self.rows["due_on"]
        if goal is not None:
            self.status, self.outcome = self.rows["status"], self.rows["outcome"]
        self.read = self.rows.values() if goal is not None else None

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_of_file(), "case_id": self.case_id,
                "record_id": self.goal_id}

    def submit(self) -> None:
        values, case_id, goal_id, read = self.rows.values(), self.case_id, self.goal_id, \
            self.read
        if goal_id:
            self.save_with(self.context, lambda s: services.edit_goal(
                s, goal_id=goal_id, read=read, **values))
        else:
            self.save_with(self.context, lambda s: services.add_goal(
                s, case_id=case_id, **values))


class ReferralDialog(RecordForm):
    draft_form = "referral"

    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None) -> None:
        super().__init__(translate("dialogs", "Vermittlung planen"), context, parent)
        self.confirmation = translate("dialogs", "Vermittlung gespeichert.")
        self.client_id = client_id
        self.rows = self.add_fields("referral", ["agency_code", "field_of_action_code",
                                                 "purpose", "planned_on"],
                                    {"planned_on": _today()})
        self.agency, self.field = self.rows["agency_code"], self.rows["field_of_action_code"]
        self.purpose, self.planned_on = self.rows["purpose"], self.rows["planned_on"]

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_id}

    def submit(self) -> None:
        values, client_id = self.rows.values(), self.client_id
        self.save_with(self.context, lambda s: services.plan_referral(
            s, client_id=client_id, **values))


class MeasureDialog(RecordForm):
    """Agrees a measure for a goal; with ``measure`` sets its status and outcome."""

    draft_form = "measure"

    def __init__(self, context: Context, goal_id: str, parent: QWidget | None = None,
                 *, measure: Any = None) -> None:
        super().__init__(translate("dialogs", "Stand der Maßnahme") if measure is not None
                         else translate("dialogs", "Maßnahme vereinbaren"), context, parent)
        self.confirmation = translate("dialogs", "Maßnahme gespeichert.")
        self.goal_id, self.measure_id = goal_id, measure.id if measure is not None else ""
        if measure is None:
            self.rows = self.add_fields("measure", ["description", "responsible",
                                                    "partner_agency_code", "due_on"],
                                        {"responsible": Responsible.CLIENT})
            self.description = self.rows["description"]
            self.responsible, self.agency = self.rows["responsible"], \
                self.rows["partner_agency_code"]
            self.due_on = self.rows["due_on"]
        else:
            shown = QLabel(measure.description)
            shown.setWordWrap(True)
            self.form.addRow(QLabel(translate("dialogs", "Maßnahme:")), shown)  # nothing to type
            self.rows = self.add_fields("measure", ["status", "outcome", "due_on"], {
                "status": measure.status or MeasureStatus.PLANNED,
                "outcome": measure.outcome, "due_on": measure.due_on})
            self.status, self.outcome = self.rows["status"], self.rows["outcome"]
            self.due_on = self.rows["due_on"]

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_of_file(), "goal_id": self.goal_id,
                "record_id": self.measure_id}

    def submit(self) -> None:
        values = self.rows.values()
        if self.measure_id:
            measure_id = self.measure_id
            self.save_with(self.context, lambda s: services.update_measure(
                s, measure_id=measure_id, **values))
            return
        if values["responsible"] == Responsible.PARTNER_AGENCY and not values[
                "partner_agency_code"]:
            self.refuse(translate("dialogs", "Bitte die Partnerstelle wählen."), self.agency)
            return
        if values["responsible"] != Responsible.PARTNER_AGENCY:
            values["partner_agency_code"] = None
        goal_id = self.goal_id
        self.save_with(self.context, lambda s: services.add_measure(
            s, goal_id=goal_id, **values))


class ResidencePeriodDialog(RecordForm):
    """A new residence status from a day on (the open period before it ends the day before);
    with ``period`` a correction of that period."""

    draft_form = "residence_period"

    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None,
                 *, period: Any = None) -> None:
        super().__init__(translate("dialogs", "Aufenthaltsstatus korrigieren")
                         if period is not None
                         else translate("dialogs", "Aufenthaltsstatus erfassen"), context, parent)
        self.confirmation = translate("dialogs", "Aufenthaltsstatus gespeichert.")
        self.client_id, self.period_id = client_id, period.id if period is not None else ""
        names = ["status_code", "valid_from", "valid_to", "legal_basis", "note"]
        values = ({name: getattr(period, name) for name in names} if period is not None
                  else {"valid_from": _today()})
        if period is None:
            names.remove("legal_basis")  # a new one takes its catalog's
        self.rows = self.add_fields("residence_status_period", names, values)
        self.status, self.note = self.rows["status_code"], self.rows["note"]
        self.valid_from, self.valid_to = self.rows["valid_from"], self.rows["valid_to"]

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_id, "record_id": self.period_id}

    def submit(self) -> None:
        values = self.rows.values()
        if self.period_id:
            period_id = self.period_id
            self.save_with(self.context, lambda s: services.update_residence_period(
                s, period_id=period_id, **values))
            return
        client_id = self.client_id
        self.save_with(self.context, lambda s: services.add_residence_period(
            s, client_id=client_id, **values))

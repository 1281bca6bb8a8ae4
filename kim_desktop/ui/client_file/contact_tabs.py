"""The client-file tabs of contacts and records: consultations, referrals, follow-ups, the
structural gaps a case is linked to, and the history from the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kim_desktop.core import services
from kim_desktop.core.models import REFERRAL_TRANSITIONS, ReferralState
from kim_desktop.ui.client_file import dialogs
from kim_desktop.ui.client_file.data import ClientFileData
from kim_desktop.ui.client_file.lists import RecordList, yes_no
from kim_desktop.ui.client_file.phase import PhaseHistory
from kim_desktop.ui.client_file.referral_dialogs import (
    AcceptReferralDialog,
    CancelReferralDialog,
    CompleteReferralDialog,
    DeclineReferralDialog,
    ReferralStepDialog,
    SendReferralDialog,
)
from kim_desktop.ui.consultation_form import ConsultationForm
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import day, moment
from kim_desktop.ui.labels import referral_state_label
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import QLabel, QVBoxLayout, QWidget, translate
from kim_desktop.ui.widgets import confirm, confirm_saved

if TYPE_CHECKING:
    from kim_desktop.ui.client_file.view import ClientFile


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
        self.add_button(translate("client_file", "Bearbei&ten …"), self.edit,
                        needs_selection=True)
        self.finish_buttons()
        self.tree.itemActivated.connect(lambda *_: self.edit())

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
        ConsultationForm(self.file.context, client_id=self.file.client_id, parent=self).open()

    def edit(self) -> ConsultationForm | None:
        consultation = self.current()
        if consultation is None:
            return None
        dialog = ConsultationForm(self.file.context, consultation=consultation, parent=self)
        dialog.open()
        return dialog


def referral_state_text(referral: Any) -> str:
    """The state with the day it was reached, e.g. "abgelehnt am 03.11.26"."""
    state = referral_state_label(referral.state)
    on = {"sent": referral.sent_on, "accepted": referral.answered_on,
          "declined": referral.answered_on, "completed": referral.completed_on,
          "cancelled": referral.completed_on}.get(referral.state)
    if on is None:
        return state
    return translate("client_file", "{state} am {date}").format(state=state, date=day(on))


def referral_note(referral: Any) -> str:
    """The outcome or the reason a referral ended, and a send without a waiver, in words."""
    parts = []
    if referral.state == "declined":
        parts.append(translate("client_file", "Grund: {reason}").format(
            reason=referral.decline_reason) if referral.decline_reason
            else translate("client_file", "ohne Angabe von Gründen"))
    elif referral.state == "cancelled":
        parts.append(translate("client_file", "Grund: {reason}").format(
            reason=referral.outcome))
    elif referral.outcome:
        parts.append(referral.outcome)
    if referral.override_reason:
        parts.append(translate("client_file", "ohne Schweigepflichtentbindung gesendet: "
                               "{reason}").format(reason=referral.override_reason))
    return " · ".join(p.replace("\n", " ") for p in parts)


class ReferralsTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "Stelle"), translate("client_file", "Anliegen"),
             translate("client_file", "geplant"), translate("client_file", "Stand"),
             translate("client_file", "Ergebnis oder Grund")],
            translate("client_file", "Noch keine Vermittlungen."),
            translate("client_file", "Vermittlungen"),
        )
        self.file = file
        self.add_button(translate("client_file", "Vermittlung &planen …"), self._plan)
        # each step is offered only where the referral's state allows it
        self.steps = {
            "sent": self.add_button(translate("client_file", "&Gesendet …"), self.send),
            "accepted": self.add_button(translate("client_file", "A&ngenommen …"), self.accept),
            "declined": self.add_button(translate("client_file", "Abgelehn&t …"), self.decline),
            "completed": self.add_button(translate("client_file", "Abg&eschlossen …"),
                                         self.complete),
            "cancelled": self.add_button(translate("client_file", "Vermittlung abbre&chen …"),
                                          self.cancel),
        }
        self.finish_buttons()
        self.tree.currentItemChanged.connect(lambda *_: self._offer_steps())
        self._offer_steps()

    def _plan(self) -> None:
        dialog = dialogs.ReferralDialog(self.file.context, self.file.client_id, self)
        self.select_saved(dialog)  # sending is the next step: offered at once
        dialog.open()

    def _offer_steps(self) -> None:
        referral = self.current()
        allowed = (REFERRAL_TRANSITIONS.get(ReferralState(referral.state), frozenset())
                   if referral is not None and referral.state in set(ReferralState)
                   else frozenset())
        for target, button in self.steps.items():
            button.setEnabled(target in allowed)

    def send(self) -> SendReferralDialog | None:
        referral = self.current()
        if referral is None or self.file.data is None:
            return None
        dialog = SendReferralDialog(self.file.context, referral, self.file.data.consents, self)
        dialog.open()
        return dialog

    def accept(self) -> ReferralStepDialog | None:
        return self._step(AcceptReferralDialog)

    def decline(self) -> ReferralStepDialog | None:
        return self._step(DeclineReferralDialog)

    def complete(self) -> ReferralStepDialog | None:
        return self._step(CompleteReferralDialog)

    def cancel(self) -> ReferralStepDialog | None:
        return self._step(CancelReferralDialog)

    def _step(
        self, dialog_class: Callable[[Context, str, QWidget], ReferralStepDialog]
    ) -> ReferralStepDialog | None:
        referral = self.current()
        if referral is None:
            return None
        dialog = dialog_class(self.file.context, referral.id, self)
        dialog.open()
        return dialog

    def show_data(self, data: ClientFileData) -> None:
        label = self.file.context.label
        self.set_records(data.referrals, lambda r: [
            label("partner_agencies", r.agency_code), r.purpose, day(r.planned_on),
            referral_state_text(r), referral_note(r),
        ])


def follow_up_state(follow_up: Any, today: dt.date) -> str:
    if follow_up.done_on:
        return translate("client_file", "erledigt am {date}").format(date=day(follow_up.done_on))
    if follow_up.due_on < today:
        return translate("client_file", "überfällig")
    if follow_up.due_on == today:
        return translate("client_file", "heute fällig")
    return translate("client_file", "offen")


class FollowUpsTab(RecordList):
    """The person's follow-ups, due first; Enter on an open one changes it."""

    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("client_file", "fällig"), translate("client_file", "Worum"),
             translate("client_file", "Zuständig"), translate("client_file", "Stand")],
            translate("client_file", "Keine Wiedervorlagen."),
            translate("client_file", "Wiedervorlagen"),
        )
        self.file = file
        self.add_button(translate("client_file", "Neue Wiedervorlage …"), self._add)
        self.change_button = self.add_button(translate("client_file", "Ändern …"), self.edit)
        self.done_button = self.add_button(translate("client_file", "Als erledigt markieren"),
                                           self._done)
        self.delete_button = self.add_button(translate("client_file", "Löschen …"), self.delete,
                                             needs_selection=True)
        self.finish_buttons()
        self.tree.itemActivated.connect(lambda *_: self.edit())
        self.tree.currentItemChanged.connect(lambda *_: self._offer())
        self._offer()

    def _offer(self) -> None:
        """A follow-up that is done can only be deleted."""
        follow_up = self.current()
        still_open = follow_up is not None and follow_up.done_on is None
        self.change_button.setEnabled(still_open)
        self.done_button.setEnabled(still_open)

    def show_data(self, data: ClientFileData) -> None:
        today = dt.date.today()
        self.set_records(data.follow_ups, lambda f: [
            day(f.due_on), f.text, f.assigned_user, follow_up_state(f, today)])
        self._offer()

    def _add(self) -> None:
        dialog = dialogs.FollowUpDialog(self.file.context, self.file.client_id, self)
        self.select_saved(dialog)
        dialog.open()

    def edit(self) -> dialogs.FollowUpDialog | None:
        """Opens the selected open follow-up to reschedule, reword or reassign it."""
        follow_up = self.current()
        if follow_up is None or follow_up.done_on is not None:
            return None
        dialog = dialogs.FollowUpDialog(self.file.context, self.file.client_id, self,
                                        follow_up=follow_up)
        dialog.open()
        return dialog

    def _done(self) -> None:
        follow_up = self.current()
        if follow_up is not None and follow_up.done_on is None:
            self.file.context.write(lambda s: services.complete_follow_up(
                s, follow_up_id=follow_up.id, done_on=dt.date.today()),
                lambda _: confirm_saved(self, translate("client_file", "Wiedervorlage erledigt.")),
                on_error=lambda e: self.file.error.show_message(user_message(e)))

    def delete(self) -> None:
        """Deletes the selected follow-up after asking (it stays in the audit log)."""
        follow_up = self.current()
        if follow_up is None or not confirm(
                self, translate("client_file", "Wiedervorlage löschen"),
                translate("client_file", "Die Wiedervorlage vom {date} löschen? Im Protokoll "
                          "bleibt vermerkt, wer sie gelöscht hat.").format(
                              date=day(follow_up.due_on)),
                translate("client_file", "Löschen")):
            return
        self.file.context.write(
            lambda s: services.remove_record(s, kind="follow_up", record_id=follow_up.id),
            lambda _: confirm_saved(self, translate("client_file", "Wiedervorlage gelöscht.")),
            on_error=lambda e: self.file.error.show_message(user_message(e)))


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


class HistoryTab(QWidget):
    """The phase history of the case above, the audit log of the person below."""

    def __init__(self, file: ClientFile) -> None:
        super().__init__()
        self.file = file
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(translate("client_file", "Phasen des Falls:")))
        self.phases = PhaseHistory()
        layout.addWidget(self.phases, 1)
        layout.addWidget(QLabel(translate("client_file", "Protokoll:")))
        self.log = RecordList(
            [translate("client_file", "Wann"), translate("client_file", "Wer"),
             translate("client_file", "Was")],
            translate("client_file", "Kein Verlauf."),
            translate("client_file", "Verlauf aus dem Protokoll"),
        )
        layout.addWidget(self.log, 1)

    def show_data(self, data: ClientFileData) -> None:
        self.phases.show_changes(data.phase_changes, self.file.context.label)
        actions = {"create": translate("client_file", "angelegt"),
                   "update": translate("client_file", "geändert"),
                   "view": translate("client_file", "angesehen"),
                   "export": translate("client_file", "exportiert"),
                   "delete": translate("client_file", "gelöscht")}
        self.log.set_records(data.history, lambda e: [
            moment(e.at), e.user, actions.get(e.action, e.action),
        ])

"""The steps of a referral: sending it (with the waiver check), the agency accepting or
declining it, its end with an outcome, and cancelling one that has not ended. Each asks for its day
and, where the step has one, the reason or outcome, which the referral list shows
afterwards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from kim_desktop.core import services
from kim_desktop.core.models import ConsentKind
from kim_desktop.core.services import Change
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import day
from kim_desktop.ui.qt import QLabel, QWidget, translate
from kim_desktop.ui.widgets import InvalidDate
from kim_desktop.ui.widgets.rows import RecordForm


def waiver_for(consents: Sequence[Any], agency_code: str, on: dt.date) -> Any:
    """The client's confidentiality waiver for the agency valid on ``on``, if any (the
    service checks the same again when it sends)."""
    return next((c for c in consents
                 if c.kind == ConsentKind.CONFIDENTIALITY_WAIVER
                 and c.recipient_agency_code == agency_code and c.is_valid_on(on)), None)


class SendReferralDialog(RecordForm):
    """Sends a planned referral. Without a valid waiver for the agency on the day it says so
    and asks for the documented reason for sending anyway; with one it asks nothing more."""

    draft_form = "referral_send"

    def __init__(self, context: Context, referral: Any, consents: Sequence[Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("referrals", "Vermittlung senden"), context, parent)
        self.confirmation = translate("referrals", "Vermittlung als gesendet gespeichert.")
        self.name_save(translate("referrals", "Als gesendet &speichern"))
        self.referral_id = referral.id
        self.agency_code, self.consents = referral.agency_code, list(consents)
        self.agency = QLabel(context.label("partner_agencies", referral.agency_code))
        self.agency.setWordWrap(True)
        self.form.addRow(translate("referrals", "Stelle:"), self.agency)
        self.rows = self.add_fields("referral", ["sent_on"], {"sent_on": dt.date.today()})
        self.sent_on = self.rows["sent_on"]
        self.waiver_note = QLabel()
        self.waiver_note.setWordWrap(True)
        self.form.addRow(self.waiver_note)
        self.reason_rows = self.add_fields("referral", ["override_reason"])
        self.override_reason = self.reason_rows["override_reason"]
        self.waiver: Any = None
        self.sent_on.textChanged.connect(self._check_waiver)
        self._check_waiver()

    def _check_waiver(self) -> None:
        try:
            on = self.sent_on.date() or dt.date.today()
        except InvalidDate:
            return  # says so when saved
        self.waiver = waiver_for(self.consents, self.agency_code, on)
        if self.waiver is not None:
            until = (translate("referrals", ", gültig bis {date}").format(
                date=day(self.waiver.expires_on)) if self.waiver.expires_on else "")
            self.waiver_note.setText(translate(
                "referrals", "✓ Eine Schweigepflichtentbindung für diese Stelle liegt vor "
                "(erteilt am {granted}{until}).").format(granted=day(self.waiver.granted_on),
                                                        until=until))
        else:
            self.waiver_note.setText(translate(
                "referrals", "⚠ Für diese Stelle liegt am {date} keine gültige "
                "Schweigepflichtentbindung vor. Ohne sie darf die Vermittlung nur mit einer "
                "dokumentierten Begründung gesendet werden, etwa bei Gefahr im Verzug. Besser "
                "ist meist, zuerst die Schweigepflichtentbindung einzuholen und zu erfassen."
            ).format(date=day(on)))
        self.form.setRowVisible(self.override_reason, self.waiver is None)

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_of_file(), "record_id": self.referral_id}

    def submit(self) -> None:
        sent_on = self.rows.value("sent_on")
        reason = "" if self.waiver is not None else self.reason_rows.value("override_reason")
        if self.waiver is None and not reason.strip():
            self.refuse(translate(
                "referrals", "Bitte begründen, warum ohne Schweigepflichtentbindung gesendet "
                "wird."), self.override_reason)
            return
        referral_id = self.referral_id
        self.save_with(self.context, lambda s: services.send_referral(
            s, referral_id=referral_id, sent_on=sent_on, override_reason=reason))


class ReferralStepDialog(RecordForm):
    """A step recorded with the day it happened and, where the step has one, a text (the
    agency's reason, the outcome): ``day_field`` and ``text_field`` are declared fields of
    the referral. Subclasses name the step and call the service."""

    def __init__(self, context: Context, referral_id: str, *, title: str, save_text: str,
                 day_field: str, text_field: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, context, parent)
        self.confirmation = translate("referrals", "Vermittlung gespeichert.")
        self.name_save(save_text)
        self.referral_id = referral_id
        names = [day_field] + ([text_field] if text_field else [])
        self.rows = self.add_fields("referral", names, {day_field: dt.date.today()})
        self.day = self.rows[day_field]
        self.reason: QWidget | None = self.rows[text_field] if text_field else None
        self.day_field, self.text_field = day_field, text_field

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_of_file(), "record_id": self.referral_id}

    def submit(self) -> None:
        on = self.rows.value(self.day_field)
        text = self.rows.value(self.text_field) if self.text_field else ""
        referral_id, record = self.referral_id, self.record
        self.save_with(self.context, lambda s: record(s, referral_id, on, text))

    def record(self, session: Session, referral_id: str, on: dt.date, text: str) -> Change:
        raise NotImplementedError


class AcceptReferralDialog(ReferralStepDialog):
    """The agency took the person on."""

    draft_form = "referral_accept"

    def __init__(self, context: Context, referral_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, referral_id, parent=parent,
                         title=translate("referrals", "Vermittlung angenommen"),
                         save_text=translate("referrals", "Als angenommen &speichern"),
                         day_field="accepted_on")

    def record(self, session: Session, referral_id: str, on: dt.date, text: str) -> Change:
        return services.answer_referral(session, referral_id=referral_id, accepted=True,
                                        answered_on=on)


class DeclineReferralDialog(ReferralStepDialog):
    """The agency declined a sent referral; its reason, when it gave one, is kept."""

    draft_form = "referral_decline"

    def __init__(self, context: Context, referral_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, referral_id, parent=parent,
                         title=translate("referrals", "Vermittlung abgelehnt"),
                         save_text=translate("referrals", "Als abgelehnt &speichern"),
                         day_field="declined_on", text_field="decline_reason")

    def record(self, session: Session, referral_id: str, on: dt.date, text: str) -> Change:
        return services.answer_referral(session, referral_id=referral_id, accepted=False,
                                        answered_on=on, reason=text)


class CompleteReferralDialog(ReferralStepDialog):
    """An accepted referral ended; what came of it is required."""

    draft_form = "referral_complete"

    def __init__(self, context: Context, referral_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, referral_id, parent=parent,
                         title=translate("referrals", "Vermittlung abgeschlossen"),
                         save_text=translate("referrals", "Als abgeschlossen &speichern"),
                         day_field="completed_on", text_field="outcome")

    def record(self, session: Session, referral_id: str, on: dt.date, text: str) -> Change:
        return services.complete_referral(session, referral_id=referral_id, completed_on=on,
                                          outcome=text)


class CancelReferralDialog(ReferralStepDialog):
    """Cancels a referral that has not ended (the agency never answered, the person moved
    away); the reason is required."""

    draft_form = "referral_cancel"

    def __init__(self, context: Context, referral_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, referral_id, parent=parent,
                         title=translate("referrals", "Vermittlung abbrechen"),
                         save_text=translate("referrals", "Als abgebrochen &speichern"),
                         day_field="cancelled_on", text_field="cancel_reason")

    def record(self, session: Session, referral_id: str, on: dt.date, text: str) -> Change:
        return services.cancel_referral(session, referral_id=referral_id, cancelled_on=on,
                                        reason=text)

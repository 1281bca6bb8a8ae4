"""The steps of a referral that need more than a click: sending it (with the waiver check),
the agency declining it, and cancelling a planned one. Each asks for its day and, where the
step needs one, the reason, which the referral list shows afterwards."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from kim_desktop.core import services
from kim_desktop.core.models import ConsentKind
from kim_desktop.ui.client_file.dialogs import date_edit, date_of, text_edit
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import day
from kim_desktop.ui.qt import QDialogButtonBox, QLabel, QWidget, translate
from kim_desktop.ui.widgets import FormDialog, add_row


def name_save(dialog: FormDialog, text: str) -> None:
    """Says on the save button which step is recorded: "Abbrechen" next to "Speichern" in
    a dialog about cancelling would leave the user guessing."""
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).setText(text)


def waiver_for(consents: Sequence[Any], agency_code: str, on: dt.date) -> Any:
    """The client's confidentiality waiver for the agency valid on ``on``, if any (the
    service checks the same again when it sends)."""
    return next((c for c in consents
                 if c.kind == ConsentKind.CONFIDENTIALITY_WAIVER
                 and c.recipient_agency_code == agency_code and c.is_valid_on(on)), None)


class SendReferralDialog(FormDialog):
    """Sends a planned referral. Without a valid waiver for the agency on the day it says so
    and asks for the documented reason for sending anyway; with one it asks nothing more."""

    def __init__(self, context: Context, referral: Any, consents: Sequence[Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("referrals", "Vermittlung senden"), parent)
        name_save(self, translate("referrals", "Als gesendet &speichern"))
        self.context, self.referral_id = context, referral.id
        self.agency_code, self.consents = referral.agency_code, list(consents)
        self.agency = QLabel(context.label("partner_agencies", referral.agency_code))
        self.agency.setWordWrap(True)
        self.form.addRow(translate("referrals", "Stelle:"), self.agency)
        self.sent_on = date_edit()
        add_row(self.form, translate("referrals", "Gesendet &am:"), self.sent_on)
        self.waiver_note = QLabel()
        self.waiver_note.setWordWrap(True)
        self.form.addRow(self.waiver_note)
        self.override_reason = text_edit(4)
        add_row(self.form, translate("referrals", "&Begründung der Ausnahme:"),
                self.override_reason)
        self.waiver: Any = None
        self.sent_on.dateChanged.connect(self._check_waiver)
        self._check_waiver()
        self.track([self.sent_on, self.override_reason])
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _check_waiver(self) -> None:
        on = date_of(self.sent_on) or dt.date.today()
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

    def submit(self) -> None:
        sent_on = date_of(self.sent_on) or dt.date.today()
        reason = "" if self.waiver is not None else self.override_reason.toPlainText()
        if self.waiver is None and not reason.strip():
            self.error.show_message(translate(
                "referrals", "Bitte begründen, warum ohne Schweigepflichtentbindung gesendet "
                "wird."))
            self.override_reason.setFocus()
            return
        referral_id = self.referral_id
        self.save_with(self.context, lambda s: services.send_referral(
            s, referral_id=referral_id, sent_on=sent_on, override_reason=reason))


class DeclineReferralDialog(FormDialog):
    """The agency declined a sent referral; its reason, when it gave one, is kept."""

    def __init__(self, context: Context, referral_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("referrals", "Vermittlung abgelehnt"), parent)
        name_save(self, translate("referrals", "Als abgelehnt &speichern"))
        self.context, self.referral_id = context, referral_id
        self.answered_on = date_edit()
        self.reason = text_edit(4)
        add_row(self.form, translate("referrals", "Abgelehnt &am:"), self.answered_on)
        add_row(self.form, translate("referrals", "&Grund der Stelle (falls genannt):"),
                self.reason)
        self.track([self.answered_on, self.reason])

    def submit(self) -> None:
        answered_on = date_of(self.answered_on) or dt.date.today()
        reason, referral_id = self.reason.toPlainText(), self.referral_id
        self.save_with(self.context, lambda s: services.answer_referral(
            s, referral_id=referral_id, accepted=False, answered_on=answered_on,
            reason=reason))


class CancelReferralDialog(FormDialog):
    """Cancels a referral that was only planned; the reason is required."""

    def __init__(self, context: Context, referral_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("referrals", "Vermittlung abbrechen"), parent)
        name_save(self, translate("referrals", "Als abgebrochen &speichern"))
        self.context, self.referral_id = context, referral_id
        self.cancelled_on = date_edit()
        self.reason = text_edit(4)
        add_row(self.form, translate("referrals", "Abgebrochen &am:"), self.cancelled_on)
        add_row(self.form, translate("referrals", "&Grund:"), self.reason)
        self.track([self.cancelled_on, self.reason])

    def submit(self) -> None:
        cancelled_on = date_of(self.cancelled_on) or dt.date.today()
        reason, referral_id = self.reason.toPlainText(), self.referral_id
        self.save_with(self.context, lambda s: services.cancel_referral(
            s, referral_id=referral_id, cancelled_on=cancelled_on, reason=reason))

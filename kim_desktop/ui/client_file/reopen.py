"""How the small forms of a client file open again after an unlock with their drafts
(:mod:`kim_desktop.ui.drafts`): in the person's file, once it has loaded, for the record they
were editing (none, when it was removed meanwhile)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from kim_desktop.ui.client_file import dialogs
from kim_desktop.ui.client_file.household import HouseholdMemberDialog
from kim_desktop.ui.client_file.phase import PhaseDialog
from kim_desktop.ui.client_file.precheck_referral import PrecheckReferralDialog
from kim_desktop.ui.client_file.referral_dialogs import (
    AcceptReferralDialog,
    CancelReferralDialog,
    CompleteReferralDialog,
    DeclineReferralDialog,
    SendReferralDialog,
)
from kim_desktop.ui.drafts import reopener
from kim_desktop.ui.erasure import RequestErasureDialog

#: Builds a form in ``file`` from the file's data and the draft's subject; None: its record
#: is gone.
Builder = Callable[[Any, Any, dict[str, str]], Any]


def _record(records: Iterable[Any], record_id: str) -> Any:
    return next((record for record in records if record.id == record_id), None)


def _in_file(build: Builder) -> Callable[[Any, dict[str, str], Callable[[Any], None]], None]:
    """A reopener that opens the subject's client file and, once its data is there, the
    form ``build`` makes."""
    def reopen(window: Any, subject: dict[str, str], show: Callable[[Any], None]) -> None:
        client_id = subject.get("client_id", "")
        if not client_id:
            return
        file = window.open_client(client_id)

        def build_and_show() -> None:
            form = build(file, file.data, subject)
            if form is not None:
                show(form)

        def loaded() -> None:
            file.loaded.disconnect(loaded)
            build_and_show()

        if file.data is not None:
            build_and_show()
        else:
            file.loaded.connect(loaded)
    return reopen


def _editing(records: Iterable[Any], subject: dict[str, str]) -> tuple[bool, Any]:
    """Whether the draft edits a record, and that record (None when it is gone)."""
    record_id = subject.get("record_id", "")
    return bool(record_id), _record(records, record_id) if record_id else None


def _follow_up(file: Any, data: Any, subject: dict[str, str]) -> Any:
    editing, record = _editing(data.follow_ups, subject)
    if editing and record is None:
        return None
    return dialogs.FollowUpDialog(file.context, file.client_id, file, follow_up=record)


def _goal(file: Any, data: Any, subject: dict[str, str]) -> Any:
    editing, record = _editing(data.goals, subject)
    if editing and record is None:
        return None
    return dialogs.GoalDialog(file.context, subject.get("case_id", ""), file, goal=record)


def _measure(file: Any, data: Any, subject: dict[str, str]) -> Any:
    editing, record = _editing(data.measures, subject)
    if (editing and record is None) or _record(data.goals, subject.get("goal_id", "")) is None:
        return None
    return dialogs.MeasureDialog(file.context, subject["goal_id"], file, measure=record)


def _need(file: Any, data: Any, subject: dict[str, str]) -> Any:
    editing, record = _editing(data.needs, subject)
    if editing and record is None:
        return None
    return dialogs.NeedDialog(file.context, subject.get("case_id", ""), file, earlier=record)


def _period(file: Any, data: Any, subject: dict[str, str]) -> Any:
    editing, record = _editing(data.periods, subject)
    if editing and record is None:
        return None
    return dialogs.ResidencePeriodDialog(file.context, file.client_id, file, period=record)


def _member(file: Any, data: Any, subject: dict[str, str]) -> Any:
    editing, record = _editing(data.household, subject)
    if editing and record is None:
        return None
    return HouseholdMemberDialog(file.context, file.client_id, record, file)


def _referral_step(step: Any) -> Builder:
    """Builds the dialog of a referral's ``step`` for the referral the draft names."""
    def build(file: Any, data: Any, subject: dict[str, str]) -> Any:
        referral = _record(data.referrals, subject.get("record_id", ""))
        if referral is None:
            return None
        if step is SendReferralDialog:
            return SendReferralDialog(file.context, referral, data.consents, file)
        return step(file.context, referral.id, file)
    return build


def _case(dialog_class: Any) -> Builder:
    """Builds ``dialog_class`` (closing, reopening or the phase) for the draft's case."""
    def build(file: Any, data: Any, subject: dict[str, str]) -> Any:
        case = _record(data.cases, subject.get("record_id", ""))
        if case is None:
            return None
        if dialog_class is PhaseDialog:
            return PhaseDialog(file.context, case, file) if case.closed_on is None else None
        return dialog_class(file.context, case.id, file)
    return build


for dialog_class in (dialogs.CloseCaseDialog, dialogs.ReopenCaseDialog, PhaseDialog):
    reopener(dialog_class.draft_form)(_in_file(_case(dialog_class)))

for step in (SendReferralDialog, AcceptReferralDialog, DeclineReferralDialog,
             CompleteReferralDialog, CancelReferralDialog):
    reopener(step.draft_form)(_in_file(_referral_step(step)))

for form, build in (
    (dialogs.FollowUpDialog.draft_form, _follow_up),
    (dialogs.GoalDialog.draft_form, _goal),
    (dialogs.MeasureDialog.draft_form, _measure),
    (dialogs.NeedDialog.draft_form, _need),
    (dialogs.ResidencePeriodDialog.draft_form, _period),
    (HouseholdMemberDialog.draft_form, _member),
    (dialogs.OpenCaseDialog.draft_form,
     lambda file, _data, _subject: dialogs.OpenCaseDialog(file.context, file.client_id, file)),
    (dialogs.ConsentDialog.draft_form,
     lambda file, _data, _subject: dialogs.ConsentDialog(file.context, file.client_id, file)),
    (dialogs.ReferralDialog.draft_form,
     lambda file, _data, _subject: dialogs.ReferralDialog(file.context, file.client_id, file)),
    (RequestErasureDialog.draft_form,
     lambda file, _data, _subject: RequestErasureDialog(file.context, file.client_id, file)),
    # the purpose comes back with the draft, as the case manager left it
    (PrecheckReferralDialog.draft_form,
     lambda file, _data, subject: PrecheckReferralDialog(
         file.context, file.client_id, subject.get("agency_code", ""), "", file)),
):
    reopener(form)(_in_file(build))

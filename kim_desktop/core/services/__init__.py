"""Domain writes and queries. Every write is a keyword-only function
``fn(session, *, ...) -> Change`` that validates, writes in one transaction (committed
inside) and raises :class:`~kim_desktop.core.errors.DomainError` with nothing written when a
rule is broken. The session must carry ``info["user"]`` and ``expire_on_commit=False``.
"""

from kim_desktop.core.services._base import Change
from kim_desktop.core.services.attachments import (
    MAX_ATTACHMENT_BYTES,
    add_attachment,
    sniff_media_type,
)
from kim_desktop.core.services.cases import (
    change_phase,
    close_case,
    open_case,
    phase_transition_allowed,
    reopen_case,
    update_case,
)
from kim_desktop.core.services.clients import (
    ClientData,
    add_household_member,
    add_residence_period,
    create_client,
    update_client,
    update_household_member,
    update_residence_period,
)
from kim_desktop.core.services.consents import grant_consent, valid_waiver, withdraw_consent
from kim_desktop.core.services.contacts import (
    add_follow_up,
    complete_follow_up,
    record_consultation,
    update_consultation,
    update_follow_up,
)
from kim_desktop.core.services.gaps import (
    check_gap_release,
    record_gap,
    release_gap,
    update_gap,
)
from kim_desktop.core.services.records import (
    REMOVABLE,
    open_attachment,
    record_export,
    record_listing,
    record_view,
    remove_record,
)
from kim_desktop.core.services.referrals import (
    answer_referral,
    cancel_referral,
    complete_referral,
    plan_referral,
    send_referral,
)
from kim_desktop.core.services.work import (
    add_goal,
    add_measure,
    assess_need,
    edit_goal,
    update_goal,
    update_measure,
)

__all__ = [
    "MAX_ATTACHMENT_BYTES",
    "REMOVABLE",
    "Change",
    "ClientData",
    "add_attachment",
    "add_follow_up",
    "add_goal",
    "add_household_member",
    "add_measure",
    "add_residence_period",
    "answer_referral",
    "assess_need",
    "cancel_referral",
    "change_phase",
    "check_gap_release",
    "close_case",
    "complete_follow_up",
    "complete_referral",
    "create_client",
    "edit_goal",
    "grant_consent",
    "open_attachment",
    "open_case",
    "phase_transition_allowed",
    "plan_referral",
    "record_consultation",
    "record_export",
    "record_gap",
    "record_listing",
    "record_view",
    "release_gap",
    "remove_record",
    "reopen_case",
    "send_referral",
    "sniff_media_type",
    "update_case",
    "update_client",
    "update_consultation",
    "update_follow_up",
    "update_gap",
    "update_goal",
    "update_household_member",
    "update_measure",
    "update_residence_period",
    "valid_waiver",
    "withdraw_consent",
]

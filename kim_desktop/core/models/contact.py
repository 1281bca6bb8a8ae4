"""Contacts with and for the client: consultations, referrals and follow-ups."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, Boolean, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord


class Consultation(SyncedRecord, Base):
    """A counselling contact (Beratungskontakt). ``mode_code`` is from the consultation-modes
    catalog, ``fields_of_action`` holds codes of the fields-of-action catalog."""

    __tablename__ = "consultation"
    __table_args__ = (
        # client view: a client's consultations in time order
        Index("ix_consultation_client_held", "client_id", "held_at"),
        # own statistics by month and field: answered from the index alone, never reading
        # the (large) rows with their notes
        Index(
            "ix_consultation_held", "held_at", "deleted_at", "created_by", "duration_minutes",
            "fields_of_action",
        ),
    )

    client_id: Mapped[str] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36), default=None)
    held_at: Mapped[dt.datetime] = mapped_column()
    duration_minutes: Mapped[int] = mapped_column(Integer)
    mode_code: Mapped[str] = mapped_column(String(30))
    interpreter_used: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Language code of the interpretation, when an interpreter took part.
    interpreter_language: Mapped[str | None] = mapped_column(String(10), default=None)
    fields_of_action: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")


class ReferralState(StrEnum):
    PLANNED = "planned"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


#: The referral state machine: which states each state may move to.
REFERRAL_TRANSITIONS: dict[ReferralState, frozenset[ReferralState]] = {
    ReferralState.PLANNED: frozenset({ReferralState.SENT, ReferralState.CANCELLED}),
    ReferralState.SENT: frozenset({ReferralState.ACCEPTED, ReferralState.DECLINED}),
    ReferralState.ACCEPTED: frozenset({ReferralState.COMPLETED}),
    ReferralState.DECLINED: frozenset(),
    ReferralState.COMPLETED: frozenset(),
    ReferralState.CANCELLED: frozenset(),
}


class Referral(SyncedRecord, Base):
    """A referral (Vermittlung) to a partner agency (partner-agency catalog).

    Sending needs a confidentiality waiver for the agency valid on the day sent
    (``waiver_id``), or a documented ``override_reason`` instead.
    """

    __tablename__ = "referral"
    __table_args__ = (Index("ix_referral_client", "client_id"),)

    client_id: Mapped[str] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36), default=None)
    agency_code: Mapped[str] = mapped_column(String(60))
    field_of_action_code: Mapped[str | None] = mapped_column(String(40), default=None)
    purpose: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12), default=ReferralState.PLANNED)
    planned_on: Mapped[dt.date] = mapped_column(Date)
    sent_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    answered_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    completed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    waiver_id: Mapped[str | None] = mapped_column(String(36), default=None)
    override_reason: Mapped[str] = mapped_column(Text, default="")
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")


class FollowUp(SyncedRecord, Base):
    """A reminder to come back to a client on a day (Wiedervorlage)."""

    __tablename__ = "follow_up"
    __table_args__ = (
        # caseload: next open follow-up per client, follow-ups due
        Index("ix_follow_up_client_open", "client_id", "done_on", "deleted_at", "due_on"),
        Index("ix_follow_up_due", "due_on"),
    )

    client_id: Mapped[str] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36), default=None)
    consultation_id: Mapped[str | None] = mapped_column(String(36), default=None)
    assigned_user: Mapped[str] = mapped_column(String(100), default="")
    due_on: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[dt.date | None] = mapped_column(Date, default=None)

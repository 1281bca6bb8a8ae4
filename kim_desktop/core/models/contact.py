"""Contacts with and for the client: consultations, referrals and follow-ups."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord
from kim_desktop.core.fields import Choice, Kind, field

MAX_DURATION_MINUTES = 720


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

    client_id: Mapped[str] = mapped_column(String(36), info=field("Person", Kind.RECORD))
    case_id: Mapped[str | None] = mapped_column(
        String(36), default=None, info=field("Fall", Kind.RECORD))
    held_at: Mapped[dt.datetime] = mapped_column(
        info=field("Zeitpunkt", Kind.MOMENT, required=True, past=True))
    duration_minutes: Mapped[int] = mapped_column(
        Integer, info=field("Dauer", Kind.NUMBER, required=True, low=1,
                            high=MAX_DURATION_MINUTES, unit="min"))
    mode_code: Mapped[str] = mapped_column(
        String(30), info=field("Art des Kontakts", Kind.CATALOG, catalog="consultation_modes",
                               required=True))
    fields_of_action: Mapped[list[str]] = mapped_column(
        JSON, default=list,
        info=field("Handlungsfelder", Kind.CODES, catalog="fields_of_action", required=True))
    interpreter_used: Mapped[bool] = mapped_column(
        Boolean, default=False, info=field("Mit Dolmetschung", Kind.FLAG))
    #: Language code of the interpretation, when an interpreter took part.
    interpreter_language: Mapped[str | None] = mapped_column(
        String(10), default=None,
        info=field("Sprache der Dolmetschung", Kind.CATALOG, catalog="languages"))
    notes: Mapped[str] = mapped_column(
        Text, default="", info=field("Notizen", Kind.TEXT, limit=20_000))


class ReferralState(Choice):
    PLANNED = "planned", "geplant"
    SENT = "sent", "gesendet"
    ACCEPTED = "accepted", "angenommen"
    DECLINED = "declined", "abgelehnt"
    COMPLETED = "completed", "abgeschlossen"
    CANCELLED = "cancelled", "abgebrochen"


#: The referral state machine: which states each state may move to. A referral is
#: cancelled until it has ended: the agency may never answer, or the person moves away.
REFERRAL_TRANSITIONS: dict[ReferralState, frozenset[ReferralState]] = {
    ReferralState.PLANNED: frozenset({ReferralState.SENT, ReferralState.CANCELLED}),
    ReferralState.SENT: frozenset({ReferralState.ACCEPTED, ReferralState.DECLINED,
                                   ReferralState.CANCELLED}),
    ReferralState.ACCEPTED: frozenset({ReferralState.COMPLETED, ReferralState.CANCELLED}),
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

    client_id: Mapped[str] = mapped_column(String(36), info=field("Person", Kind.RECORD))
    case_id: Mapped[str | None] = mapped_column(
        String(36), default=None, info=field("Fall", Kind.RECORD))
    agency_code: Mapped[str] = mapped_column(
        String(60), info=field("Stelle", Kind.CATALOG, catalog="partner_agencies",
                               required=True))
    field_of_action_code: Mapped[str | None] = mapped_column(
        String(40), default=None,
        info=field("Handlungsfeld", Kind.CATALOG, catalog="fields_of_action"))
    purpose: Mapped[str] = mapped_column(
        Text, default="", info=field("Anliegen", Kind.TEXT, limit=2000, required=True))
    state: Mapped[str] = mapped_column(
        String(12), default=ReferralState.PLANNED,
        info=field("Stand", Kind.CHOICE, choices=ReferralState))
    planned_on: Mapped[dt.date] = mapped_column(
        Date, info=field("Geplant am", Kind.DATE, required=True, past=True))
    sent_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Gesendet am", Kind.DATE, required=True, past=True))
    answered_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Antwort am", Kind.DATE, past=True))
    completed_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Abgeschlossen am", Kind.DATE, required=True, past=True))
    waiver_id: Mapped[str | None] = mapped_column(
        String(36), default=None, info=field("Schweigepflichtentbindung", Kind.RECORD))
    override_reason: Mapped[str] = mapped_column(
        Text, default="", info=field("Begründung der Ausnahme", Kind.TEXT, limit=2000))
    decline_reason: Mapped[str] = mapped_column(
        Text, default="", info=field("Grund der Ablehnung", Kind.TEXT, limit=2000))
    #: The outcome of a completed referral, the reason of a cancelled one.
    outcome: Mapped[str] = mapped_column(
        Text, default="", info=field("Ergebnis", Kind.TEXT, limit=4000))


class FollowUp(SyncedRecord, Base):
    """A reminder to come back to a client on a day (Wiedervorlage)."""

    __tablename__ = "follow_up"
    __table_args__ = (
        # caseload: next open follow-up per client, follow-ups due
        Index("ix_follow_up_client_open", "client_id", "done_on", "deleted_at", "due_on"),
        Index("ix_follow_up_due", "due_on"),
    )

    client_id: Mapped[str] = mapped_column(String(36), info=field("Person", Kind.RECORD))
    case_id: Mapped[str | None] = mapped_column(
        String(36), default=None, info=field("Fall", Kind.RECORD))
    consultation_id: Mapped[str | None] = mapped_column(
        String(36), default=None, info=field("Beratungskontakt", Kind.RECORD))
    due_on: Mapped[dt.date] = mapped_column(
        Date, info=field("Fällig am", Kind.DATE, required=True))
    text: Mapped[str] = mapped_column(
        Text, default="", info=field("Worum es geht", Kind.TEXT, limit=2000, required=True))
    assigned_user: Mapped[str] = mapped_column(
        String(100), default="", info=field("Zuständig"))
    done_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Erledigt am", Kind.DATE, required=True, past=True))

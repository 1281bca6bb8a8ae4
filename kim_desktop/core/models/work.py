"""The case work: needs assessments, goals and measures."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord
from kim_desktop.core.fields import Choice, Kind, field


class NeedLevel(Choice):
    NONE = "none", "kein Bedarf"
    LOW = "low", "gering"
    MEDIUM = "medium", "mittel"
    HIGH = "high", "hoch"


class NeedsAssessment(SyncedRecord, Base):
    """The need in one field of action (fields-of-action catalog) as assessed on a day.
    Later assessments of the same field supersede earlier ones; all are kept."""

    __tablename__ = "needs_assessment"
    __table_args__ = (
        # caseload filter by field of action; case view
        Index("ix_needs_case_field", "case_id", "field_of_action_code", "level", "deleted_at"),
    )

    case_id: Mapped[str] = mapped_column(String(36), info=field("Fall", Kind.RECORD))
    field_of_action_code: Mapped[str] = mapped_column(
        String(40), info=field("Handlungsfeld", Kind.CATALOG, catalog="fields_of_action",
                               required=True))
    level: Mapped[str] = mapped_column(
        String(10), info=field("Bedarf", Kind.CHOICE, choices=NeedLevel, required=True))
    assessed_on: Mapped[dt.date] = mapped_column(
        Date, info=field("Eingeschätzt am", Kind.DATE, required=True, past=True))
    strengths: Mapped[str] = mapped_column(
        Text, default="", info=field("Ressourcen und Stärken", Kind.TEXT, limit=4000))
    notes: Mapped[str] = mapped_column(
        Text, default="", info=field("Notizen", Kind.TEXT, limit=4000))


class GoalStatus(Choice):
    OPEN = "open", "offen"
    ACHIEVED = "achieved", "erreicht"
    PARTLY_ACHIEVED = "partly_achieved", "teilweise erreicht"
    NOT_ACHIEVED = "not_achieved", "nicht erreicht"
    DROPPED = "dropped", "aufgegeben"


class Goal(SyncedRecord, Base):
    """A goal agreed with the client (Zielvereinbarung) in one field of action."""

    __tablename__ = "goal"
    __table_args__ = (Index("ix_goal_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(String(36), info=field("Fall", Kind.RECORD))
    field_of_action_code: Mapped[str] = mapped_column(
        String(40), info=field("Handlungsfeld", Kind.CATALOG, catalog="fields_of_action",
                               required=True))
    description: Mapped[str] = mapped_column(
        Text, info=field("Ziel", Kind.TEXT, limit=2000, required=True))
    agreed_on: Mapped[dt.date] = mapped_column(
        Date, info=field("Ziel vereinbart am", Kind.DATE, required=True, past=True))
    due_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Fällig am", Kind.DATE))
    status: Mapped[str] = mapped_column(
        String(20), default=GoalStatus.OPEN,
        info=field("Stand", Kind.CHOICE, choices=GoalStatus, required=True))
    outcome: Mapped[str] = mapped_column(
        Text, default="", info=field("Ergebnis", Kind.TEXT, limit=4000))


class Responsible(Choice):
    CLIENT = "client", "Klient*in"
    CASE_MANAGER = "case_manager", "Case-Management"
    PARTNER_AGENCY = "partner_agency", "Partnerstelle"


class MeasureStatus(Choice):
    PLANNED = "planned", "geplant"
    IN_PROGRESS = "in_progress", "in Arbeit"
    DONE = "done", "erledigt"
    CANCELLED = "cancelled", "abgebrochen"


class Measure(SyncedRecord, Base):
    """A step towards a goal and who takes it. ``partner_agency_code`` is set exactly when
    ``responsible`` is ``partner_agency``."""

    __tablename__ = "measure"
    __table_args__ = (Index("ix_measure_goal", "goal_id"),)

    goal_id: Mapped[str] = mapped_column(String(36), info=field("Ziel", Kind.RECORD))
    description: Mapped[str] = mapped_column(
        Text, info=field("Maßnahme", Kind.TEXT, limit=2000, required=True))
    responsible: Mapped[str] = mapped_column(
        String(20), info=field("Verantwortlich", Kind.CHOICE, choices=Responsible,
                               required=True))
    partner_agency_code: Mapped[str | None] = mapped_column(
        String(60), default=None,
        info=field("Partnerstelle", Kind.CATALOG, catalog="partner_agencies"))
    due_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Fällig am", Kind.DATE))
    status: Mapped[str] = mapped_column(
        String(20), default=MeasureStatus.PLANNED,
        info=field("Stand", Kind.CHOICE, choices=MeasureStatus, required=True))
    outcome: Mapped[str] = mapped_column(
        Text, default="", info=field("Ergebnis", Kind.TEXT, limit=4000))

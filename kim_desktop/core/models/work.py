"""The case work: needs assessments, goals and measures."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord


class NeedLevel(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class NeedsAssessment(SyncedRecord, Base):
    """The need in one field of action (fields-of-action catalog) as assessed on a day.
    Later assessments of the same field supersede earlier ones; all are kept."""

    __tablename__ = "needs_assessment"
    __table_args__ = (
        # caseload filter by field of action; case view
        Index("ix_needs_case_field", "case_id", "field_of_action_code", "level", "deleted_at"),
    )

    case_id: Mapped[str] = mapped_column(String(36))
    field_of_action_code: Mapped[str] = mapped_column(String(40))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    level: Mapped[str] = mapped_column(String(10))
    strengths: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class GoalStatus(StrEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    PARTLY_ACHIEVED = "partly_achieved"
    NOT_ACHIEVED = "not_achieved"
    DROPPED = "dropped"


class Goal(SyncedRecord, Base):
    """A goal agreed with the client (Zielvereinbarung) in one field of action."""

    __tablename__ = "goal"
    __table_args__ = (Index("ix_goal_case", "case_id"),)

    case_id: Mapped[str] = mapped_column(String(36))
    field_of_action_code: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    agreed_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default=GoalStatus.OPEN)
    outcome: Mapped[str] = mapped_column(Text, default="")


class Responsible(StrEnum):
    CLIENT = "client"
    CASE_MANAGER = "case_manager"
    PARTNER_AGENCY = "partner_agency"


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Measure(SyncedRecord, Base):
    """A step towards a goal and who takes it. ``partner_agency_code`` is set exactly when
    ``responsible`` is ``partner_agency``."""

    __tablename__ = "measure"
    __table_args__ = (Index("ix_measure_goal", "goal_id"),)

    goal_id: Mapped[str] = mapped_column(String(36))
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(20))
    partner_agency_code: Mapped[str | None] = mapped_column(String(60), default=None)
    due_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(20), default=MeasureStatus.PLANNED)
    outcome: Mapped[str] = mapped_column(Text, default="")

"""Tables of Baustein I, the steering work on released gaps: topics that group gaps across
offices, project groups, their measures, and the history of every change.

Rows are never deleted: a deletion sets ``deleted_at`` and ``deleted_by``, and every change,
deletions included, adds a row to ``steering_history`` (who, when, what, the values after).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync_server.db import Base, utcnow


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_SOLVABLE_LOCALLY = "not_solvable_locally"


MEASURE_STATUS_LABELS = {
    MeasureStatus.PLANNED: "geplant",
    MeasureStatus.IN_PROGRESS: "in Umsetzung",
    MeasureStatus.DONE: "umgesetzt",
    MeasureStatus.NOT_SOLVABLE_LOCALLY: "vor Ort nicht lösbar",
}


class TopicState(StrEnum):
    """A topic's state, derived from its measures (never stored)."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    SOLVED = "solved"
    NOT_SOLVABLE_LOCALLY = "not_solvable_locally"


TOPIC_STATE_LABELS = {
    TopicState.OPEN: "offen",
    TopicState.IN_PROGRESS: "in Bearbeitung",
    TopicState.SOLVED: "gelöst",
    TopicState.NOT_SOLVABLE_LOCALLY: "vor Ort nicht lösbar (an das Land)",
}


class Tracked:
    """Who made a row and who changed or deleted it last, and when."""

    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    deleted_by: Mapped[str | None] = mapped_column(String(100), default=None)


class ProjectGroup(Tracked, Base):
    __tablename__ = "project_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200))
    field_of_action: Mapped[str] = mapped_column(String(64))
    #: The member organisations as free text, without persons' data.
    members: Mapped[str] = mapped_column(Text, default="")


class Topic(Tracked, Base):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(200))
    field_of_action: Mapped[str] = mapped_column(String(64))
    project_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("project_groups.id"), default=None)

    # The project group's page lists its topics.
    __table_args__ = (Index("ix_topics_project_group", "project_group_id"),)


class TopicMunicipality(Base):
    """A municipality the topic affects."""

    __tablename__ = "topic_municipalities"

    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), primary_key=True)
    municipality: Mapped[str] = mapped_column(String(64), primary_key=True)


class TopicGap(Base):
    """A released gap grouped into a topic; the key makes a gap belong to one topic at most.
    Ungrouping deletes the row (the history keeps it)."""

    __tablename__ = "topic_gaps"

    office_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    gap_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    added_by: Mapped[str] = mapped_column(String(100))

    # A topic's page and its count read its gaps.
    __table_args__ = (Index("ix_topic_gaps_topic", "topic_id"),)


class Measure(Tracked, Base):
    """A measure a project group agreed on for a topic."""

    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"))
    action: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[dt.date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(32), default=MeasureStatus.PLANNED.value)
    outcome: Mapped[str] = mapped_column(Text, default="")

    # A topic's state and page read its measures.
    __table_args__ = (Index("ix_measures_topic", "topic_id"),)


class SteeringChange(Base):
    """One change of a topic, project group or measure: who, when, and the values after."""

    __tablename__ = "steering_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    #: ``topic``, ``project_group`` or ``measure``.
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    #: ``create``, ``update``, ``delete``, ``group``, ``ungroup``, ``assign``.
    action: Mapped[str] = mapped_column(String(20))
    #: The topic a change belongs to, so the topic's page shows its measures' changes too.
    topic_id: Mapped[int | None] = mapped_column(Integer, default=None)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    # The topic's page lists its history; a project group's or measure's by entity.
    __table_args__ = (Index("ix_steering_history_topic", "topic_id"),
                      Index("ix_steering_history_entity", "entity", "entity_id"))

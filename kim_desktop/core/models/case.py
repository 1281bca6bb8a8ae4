"""The case (Fall) with its DGCC phases and their history."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, Date, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord


class Phase(StrEnum):
    """The phases of case management after the DGCC standard, in order."""

    INTAKE = "intake"  # Klärung / Zugang
    ASSESSMENT = "assessment"  # Einschätzung / Assessment
    PLANNING = "planning"  # Hilfeplanung / Zielvereinbarung
    IMPLEMENTATION = "implementation"  # Umsetzung / Linking
    MONITORING = "monitoring"  # Monitoring
    EVALUATION = "evaluation"  # Evaluation
    CLOSURE = "closure"  # Abschluss


PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)


class PhaseEvent(StrEnum):
    OPENED = "opened"
    ADVANCED = "advanced"
    RETURNED = "returned"
    CLOSED = "closed"
    REOPENED = "reopened"


class Case(SyncedRecord, Base):
    """One episode of case management for a client. Open while ``closed_on`` is None.

    A client has at most one open case: the services refuse a second one. The database does
    not enforce it, on purpose: two devices may each open a case offline, and the sync must
    apply both rather than stall; the case manager then closes one (the caseload shows the
    older).
    ``target_group_criteria`` holds codes of the target-group catalog."""

    __tablename__ = "case_record"
    __table_args__ = (
        # caseload: probes each client's open case and reads its phase from the index alone
        # (no index on phase itself: it would tempt the planner to sort every match instead of
        # walking clients in name order)
        Index(
            "ix_case_open_by_client", "client_id", "opened_on", "id", "phase", "responsible_user",
            sqlite_where=text("closed_on IS NULL AND deleted_at IS NULL"),
            postgresql_where=text("closed_on IS NULL AND deleted_at IS NULL"),
        ),
    )

    client_id: Mapped[str] = mapped_column(String(36))
    responsible_user: Mapped[str] = mapped_column(String(100))
    phase: Mapped[str] = mapped_column(String(20), default=Phase.INTAKE)
    target_group_criteria: Mapped[list[str]] = mapped_column(JSON, default=list)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    open_reason: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    closure_reason_code: Mapped[str | None] = mapped_column(String(40), default=None)
    closure_note: Mapped[str] = mapped_column(Text, default="")
    reopened_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    reopen_reason: Mapped[str] = mapped_column(Text, default="")

    @property
    def is_open(self) -> bool:
        return self.closed_on is None and self.deleted_at is None


class CasePhaseChange(SyncedRecord, Base):
    """One step of a case's phase history: opening, each phase change, closure, reopening."""

    __tablename__ = "case_phase_change"
    __table_args__ = (Index("ix_case_phase_change_case", "case_id", "changed_on"),)

    case_id: Mapped[str] = mapped_column(String(36))
    event: Mapped[str] = mapped_column(String(16))
    from_phase: Mapped[str | None] = mapped_column(String(20), default=None)
    to_phase: Mapped[str] = mapped_column(String(20))
    changed_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")

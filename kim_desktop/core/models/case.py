"""The case (Fall) with its DGCC phases and their history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord
from kim_desktop.core.fields import Choice, Kind, field


class Phase(Choice):
    """The phases of case management after the DGCC standard, in order."""

    INTAKE = "intake", "Klärung"  # Klärung / Zugang
    ASSESSMENT = "assessment", "Einschätzung"  # Einschätzung / Assessment
    PLANNING = "planning", "Hilfeplanung"  # Hilfeplanung / Zielvereinbarung
    IMPLEMENTATION = "implementation", "Umsetzung"  # Umsetzung / Linking
    MONITORING = "monitoring", "Monitoring"
    EVALUATION = "evaluation", "Evaluation"
    CLOSURE = "closure", "Abschluss"


PHASE_ORDER: tuple[Phase, ...] = tuple(Phase)


class PhaseEvent(Choice):
    OPENED = "opened", "eröffnet"
    ADVANCED = "advanced", "weiter"
    RETURNED = "returned", "zurück"
    CLOSED = "closed", "abgeschlossen"
    REOPENED = "reopened", "wieder eröffnet"


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

    client_id: Mapped[str] = mapped_column(String(36), info=field("Person", Kind.RECORD))
    responsible_user: Mapped[str] = mapped_column(
        String(100), info=field("Zuständig", required=True))
    phase: Mapped[str] = mapped_column(
        String(20), default=Phase.INTAKE, info=field("Phase", Kind.CHOICE, choices=Phase))
    target_group_criteria: Mapped[list[str]] = mapped_column(
        JSON, default=list,
        info=field("Zielgruppenmerkmale", Kind.CODES, catalog="target_group_criteria"))
    opened_on: Mapped[dt.date] = mapped_column(
        Date, info=field("Fall eröffnet am", Kind.DATE, required=True, past=True))
    open_reason: Mapped[str] = mapped_column(
        Text, default="", info=field("Anlass", Kind.TEXT, limit=2000, required=True))
    closed_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Abgeschlossen am", Kind.DATE, past=True))
    closure_reason_code: Mapped[str | None] = mapped_column(
        String(40), default=None,
        info=field("Abschlussgrund", Kind.CATALOG, catalog="closure_reasons"))
    closure_note: Mapped[str] = mapped_column(
        Text, default="", info=field("Bemerkung", Kind.TEXT, limit=2000))
    reopened_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Wieder eröffnet am", Kind.DATE, past=True))
    reopen_reason: Mapped[str] = mapped_column(
        Text, default="", info=field("Grund der Wiedereröffnung", Kind.TEXT, limit=2000))

    @property
    def is_open(self) -> bool:
        return self.closed_on is None and self.deleted_at is None


class CasePhaseChange(SyncedRecord, Base):
    """One step of a case's phase history: opening, each phase change, closure, reopening."""

    __tablename__ = "case_phase_change"
    __table_args__ = (Index("ix_case_phase_change_case", "case_id", "changed_on"),)

    case_id: Mapped[str] = mapped_column(String(36), info=field("Fall", Kind.RECORD))
    event: Mapped[str] = mapped_column(
        String(16), info=field("Schritt", Kind.CHOICE, choices=PhaseEvent))
    from_phase: Mapped[str | None] = mapped_column(
        String(20), default=None, info=field("Vorherige Phase", Kind.CHOICE, choices=Phase))
    to_phase: Mapped[str] = mapped_column(
        String(20), info=field("Phase", Kind.CHOICE, choices=Phase, required=True))
    changed_on: Mapped[dt.date] = mapped_column(
        Date, info=field("Gewechselt am", Kind.DATE, required=True, past=True))
    reason: Mapped[str] = mapped_column(
        Text, default="", info=field("Grund", Kind.TEXT, limit=2000))

"""Pseudonymous report facts and released structural gaps, as the desktops upload them.

Columns follow ``wire.ReportFact`` and ``wire.ReleasedGap``; lists and dicts are JSON. The
coordinator dashboard queries these tables. A row keeps its office but neither the device that
sent it nor when: with request logs, those would link a fact to the records pushed beside it
(revision ``0011_unlinkable_facts``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sync_server.db import Base


class ReportFactRow(Base):
    __tablename__ = "report_facts"
    __table_args__ = (
        UniqueConstraint("office_id", "key", "fact_kind", "month", name="ux_report_facts_key"),
        # Reports filter by month range and fact kind across offices.
        Index("ix_report_facts_month_kind", "month", "fact_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    office_id: Mapped[str] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(128))
    fact_kind: Mapped[str] = mapped_column(String(32))
    month: Mapped[str] = mapped_column(String(7))
    municipality: Mapped[str] = mapped_column(String(64))
    fields_of_action: Mapped[list[str]] = mapped_column(JSON, default=list)
    target_group: Mapped[list[str]] = mapped_column(JSON, default=list)
    age_band: Mapped[str | None] = mapped_column(String(16))
    gender: Mapped[str | None] = mapped_column(String(16))
    status_category: Mapped[str | None] = mapped_column(String(64))
    phase: Mapped[str | None] = mapped_column(String(32))
    case_opened: Mapped[dt.date | None]
    case_closed: Mapped[dt.date | None]
    closure_reason: Mapped[str | None] = mapped_column(String(64))
    referrals: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    goals_total: Mapped[int] = mapped_column(default=0)
    goals_reached: Mapped[int] = mapped_column(default=0)
    consultations: Mapped[int] = mapped_column(default=0)
    minutes: Mapped[int] = mapped_column(default=0)
    prechecks: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    deleted: Mapped[bool] = mapped_column(default=False)
    #: The cell key method's record key, 32 bits (sync_server/reports/perturbation.py).
    record_key: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class ServerSecret(Base):
    """Secrets the server makes for itself; ``record_key`` derives the facts' record keys."""

    __tablename__ = "server_secrets"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    #: Hex.
    value: Mapped[str] = mapped_column(String(128))


class ReleasedGapRow(Base):
    __tablename__ = "released_gaps"
    __table_args__ = (UniqueConstraint("office_id", "key", name="ux_released_gaps_key"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    office_id: Mapped[str] = mapped_column(ForeignKey("offices.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(128))
    category: Mapped[str] = mapped_column(String(64))
    field_of_action: Mapped[str] = mapped_column(String(64))
    municipality: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text)
    case_count: Mapped[int] = mapped_column(default=0)
    released_on: Mapped[dt.date]
    withdrawn: Mapped[bool] = mapped_column(default=False)

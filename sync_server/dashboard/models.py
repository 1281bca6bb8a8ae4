"""Tables of the dashboard: its users, their sessions, and the steering group's gap status."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sync_server.db import Base, utcnow


class Role(StrEnum):
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class GapState(StrEnum):
    NEW = "new"
    PROJECT_GROUP = "project_group"
    RESOLVED = "resolved"


GAP_STATE_LABELS = {
    GapState.NEW: "neu",
    GapState.PROJECT_GROUP: "in einer Projektgruppe",
    GapState.RESOLVED: "behoben",
}


class DashboardUser(Base):
    __tablename__ = "dashboard_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    #: The TOTP secret sealed under the server's secret key (``v1:`` and base64), or a base32
    #: secret of before that; None when the second factor is not set up.
    totp_secret: Mapped[str | None] = mapped_column(String(200), default=None)
    #: The time step of the last TOTP code accepted: that code, and older ones, are spent.
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger, default=None)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: Set by ``kim-server user disable``: the account logs in no more.
    disabled_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class DashboardUserMunicipality(Base):
    """A municipality a coordinator may see. A coordinator without any sees the whole Kreis."""

    __tablename__ = "dashboard_user_municipalities"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("dashboard_users.id", ondelete="CASCADE"), primary_key=True)
    municipality: Mapped[str] = mapped_column(String(64), primary_key=True)


class DashboardSession(Base):
    """A login. Kept in the database so several stateless workers share it."""

    __tablename__ = "dashboard_sessions"

    #: SHA-256 of the cookie value; the cookie itself is never stored.
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("dashboard_users.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    #: False between a correct password and a correct TOTP code.
    complete: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column()

    # Expired sessions are swept by expiry time.
    __table_args__ = (Index("ix_dashboard_sessions_expires_at", "expires_at"),)


class GapStatus(Base):
    """The steering group's status of one released gap (new, in a project group, resolved)."""

    __tablename__ = "gap_status"

    office_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    gap_key: Mapped[str] = mapped_column(String(128), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), default=GapState.NEW.value)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")

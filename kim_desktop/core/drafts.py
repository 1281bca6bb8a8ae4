"""Drafts: what a form held when it was interrupted, kept inside the encrypted database.

A form saves its draft while it is typed in and when the program locks, so neither the idle
lock nor a crash loses what was typed; after the next unlock the same user gets the form
back with it. A draft is this machine's and this user's alone: it never syncs (it is no
:class:`~kim_desktop.core.db.SyncedRecord`) and it goes once the form is saved or discarded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Index, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kim_desktop.core.db import Base, utcnow


class Draft(Base):
    """One interrupted form: which form (``form``), about what (``subject``, record ids
    only), and its fields' values."""

    __tablename__ = "form_draft"
    #: The drafts of the user who unlocks, read once per unlock.
    __table_args__ = (Index("ix_form_draft_user", "user"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user: Mapped[str] = mapped_column(String(100))
    form: Mapped[str] = mapped_column(String(64))
    subject: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    values: Mapped[list[Any]] = mapped_column(JSON, default=list)
    saved_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


@dataclass(frozen=True)
class DraftData:
    id: str
    form: str
    subject: dict[str, str]
    values: list[Any]
    saved_at: dt.datetime


def _user(session: Session) -> str:
    user = session.info.get("user")
    if not user:
        raise RuntimeError("a draft needs session.info['user']")
    return str(user)


def save_draft(session: Session, *, draft_id: str, form: str, subject: dict[str, str],
               values: list[Any]) -> None:
    """Keeps (or replaces) the draft ``draft_id`` of the current user."""
    draft = session.get(Draft, draft_id)
    if draft is None:
        draft = Draft(id=draft_id, user=_user(session))
        session.add(draft)
    draft.form, draft.subject, draft.values = form, dict(subject), list(values)
    draft.saved_at = utcnow()
    session.commit()


def discard_draft(session: Session, *, draft_id: str) -> None:
    session.execute(delete(Draft).where(Draft.id == draft_id))
    session.commit()


def drafts_of_user(session: Session) -> list[DraftData]:
    """The current user's drafts, oldest first."""
    rows = session.scalars(
        select(Draft).where(Draft.user == _user(session)).order_by(Draft.saved_at))
    return [DraftData(d.id, d.form, dict(d.subject), list(d.values), d.saved_at) for d in rows]

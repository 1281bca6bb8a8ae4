"""Drafts: what a form held when it was interrupted, kept inside the encrypted database.

A form saves its draft while it is typed in and when the program locks, so neither the idle
lock nor a crash loses what was typed; after the next unlock the same user gets the form
back with it. A draft is this machine's and this user's alone: it never syncs (it is no
:class:`~kim_desktop.core.db.SyncedRecord`) and it goes once the form is saved or discarded.
A draft about a person goes with the person: their erasure removes every user's drafts about
them (:func:`discard_drafts_about`), and one whose person is gone is dropped, not reopened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Index, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kim_desktop.core.db import Base, utcnow
from kim_desktop.core.models import Client, Consultation


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


def _persons_of(session: Session, rows: Sequence[Draft],
                live_only: bool = False) -> dict[str, str | None]:
    """The person each draft is about, by draft id: the client its subject names, or the
    client of the consultation it corrects; "" for a draft about no one, None for one whose
    consultation is gone (or, ``live_only``, deleted)."""
    named = {d.subject.get("consultation_id", "") for d in rows} - {""}
    query = select(Consultation.id, Consultation.client_id).where(Consultation.id.in_(named))
    if live_only:
        query = query.where(Consultation.deleted_at.is_(None))
    by_consultation = {row[0]: row[1] for row in session.execute(query)} if named else {}
    persons: dict[str, str | None] = {}
    for draft in rows:
        consultation_id = draft.subject.get("consultation_id", "")
        persons[draft.id] = (by_consultation.get(consultation_id) if consultation_id
                             else draft.subject.get("client_id", ""))
    return persons


def discard_drafts_about(session: Session, *, client_ids: Collection[str]) -> None:
    """Removes every user's drafts about these persons, in the current transaction: after an
    erasure nothing typed about them stays in the vault."""
    if not client_ids:
        return
    rows = session.scalars(select(Draft)).all()
    persons = _persons_of(session, rows)
    gone = [d.id for d in rows if persons[d.id] in client_ids]
    if gone:
        session.execute(delete(Draft).where(Draft.id.in_(gone)))


def drafts_of_user(session: Session) -> list[DraftData]:
    """The current user's drafts, oldest first. One whose person or consultation is gone is
    dropped: there is nothing left to open it in."""
    rows = session.scalars(
        select(Draft).where(Draft.user == _user(session)).order_by(Draft.saved_at)).all()
    persons = _persons_of(session, rows, live_only=True)
    named = {p for p in persons.values() if p}
    live = set(session.scalars(select(Client.id).where(
        Client.id.in_(named), Client.deleted_at.is_(None)))) if named else set()
    stale = {d.id for d in rows if persons[d.id] is None
             or (persons[d.id] and persons[d.id] not in live)}
    if stale:
        session.execute(delete(Draft).where(Draft.id.in_(stale)))
        session.commit()
    return [DraftData(d.id, d.form, dict(d.subject), list(d.values), d.saved_at)
            for d in rows if d.id not in stale]

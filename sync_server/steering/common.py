"""What the steering services share: their error, checks of the texts and codes a coordinator
types, and the history every change writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from kim_protocol import export_text
from kim_protocol.catalogs import default_catalogs
from sync_server.db import utcnow
from sync_server.steering.models import SteeringChange, Tracked


class SteeringError(Exception):
    """A change a coordinator asked for that cannot be made; ``message`` is German."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


class NotFound(SteeringError):
    def __init__(self, what: str) -> None:
        super().__init__(f"{what} gibt es nicht (mehr).", 404)


def checked_text(raw: str | None, *, what: str, max_length: int, required: bool = True,
                 multiline: bool = False) -> str:
    """The text as stored: trimmed, within its length, without control or invisible
    characters (the pages and exports would show them as nothing, or turn the text around);
    line breaks only where ``multiline``."""
    value = (raw or "").replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").strip()
    if required and not value:
        raise SteeringError(f"{what}: bitte ausfüllen.")
    if len(value) > max_length:
        raise SteeringError(f"{what}: höchstens {max_length} Zeichen.")
    if export_text.clean(value) != value or (not multiline and "\n" in value):
        raise SteeringError(f"{what}: bitte ohne Steuerzeichen, unsichtbare Zeichen und "
                            + ("Zeichen zur Schreibrichtung." if multiline
                               else "Zeilenumbrüche."))
    return value


def field_of_action(code: str | None) -> str:
    fields = default_catalogs().fields_of_action
    if not code or code not in fields.codes():
        raise SteeringError("Handlungsfeld: bitte aus der Liste wählen.")
    return code


def municipality_codes(codes: Iterable[str], *, allowed: frozenset[str] | None) -> list[str]:
    """Known municipality codes in the catalog's order; a limited coordinator names only
    their own."""
    known = default_catalogs().municipalities.codes()
    wanted = set(codes)
    unknown = wanted - set(known)
    if unknown:
        raise SteeringError("Kommune: bitte aus der Liste wählen.")
    if allowed is not None and not wanted <= allowed:
        raise SteeringError("Diese Kommune ist für Ihr Konto nicht freigegeben.")
    return [code for code in known if code in wanted]


def parse_due_date(raw: str | None) -> dt.date | None:
    """A due date as the date field sends it (YYYY-MM-DD), or none."""
    value = (raw or "").strip()
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise SteeringError("Fällig am: bitte ein Datum wie 2026-06-30 angeben.") from None
    if not dt.date(2000, 1, 1) <= day <= dt.date(2100, 12, 31):
        raise SteeringError("Fällig am: bitte ein Datum zwischen 2000 und 2100 angeben.")
    return day


def touch(row: Tracked, actor: str, *, created: bool = False) -> None:
    now = utcnow()
    if created:
        row.created_at, row.created_by = now, actor
    row.updated_at, row.updated_by = now, actor


def record(session: Session, *, actor: str, entity: str, entity_id: int, action: str,
           topic_id: int | None = None, detail: dict[str, Any] | None = None) -> None:
    """One line of ``steering_history``; ``detail`` holds the values after the change."""
    session.add(SteeringChange(at=utcnow(), actor=actor, entity=entity, entity_id=entity_id,
                               action=action, topic_id=topic_id, detail=detail or {}))

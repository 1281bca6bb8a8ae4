"""Persons who may already be recorded: asked before a new person is created, so that the
same name, birth date and municipality are not entered twice without a word."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from kim_desktop.core.models import Client
from kim_desktop.core.names import key_words, phonetic

#: At most this many similar persons are named.
LIMIT = 10


@dataclass(frozen=True)
class SimilarClient:
    client_id: str
    name: str
    birth_date: dt.date | None
    municipality_code: str


def _name_keys(first_name: str, last_name: str) -> tuple[str, str]:
    """The spelling-tolerant key (the search key's words, see
    :func:`~kim_desktop.core.names.key_words`) and the phonetic one of a name."""
    words = sorted(key_words(f"{first_name} {last_name}"))
    return " ".join(words), " ".join(sorted(phonetic(w) for w in words))


def similar_clients(session: Session, *, first_name: str, last_name: str,
                    birth_date: dt.date | None, municipality_code: str,
                    exclude_id: str | None = None) -> list[SimilarClient]:
    """Live persons whose name sounds the same and who share the birth date, or whose name
    is spelt the same (up to case, accents and order) in the same municipality."""
    spelt, sounds = _name_keys(first_name, last_name)
    if not spelt:
        return []
    # The stored key holds every name word framed by spaces: it narrows the municipality's
    # persons to those with the same last name before the names are compared here.
    same_place = and_(Client.municipality_code == municipality_code, *(
        Client.search_key.contains(f" {word} ", autoescape=True)
        for word in key_words(last_name))) if municipality_code else None
    same_day = Client.birth_date == birth_date if birth_date is not None else None
    chances = [c for c in (same_place, same_day) if c is not None]
    if not chances:
        return []
    query = select(Client).where(Client.deleted_at.is_(None), or_(*chances))
    if exclude_id:
        query = query.where(Client.id != exclude_id)
    found: list[SimilarClient] = []
    for client in session.scalars(query.order_by(Client.last_name, Client.first_name)):
        their_spelt, their_sounds = _name_keys(client.first_name, client.last_name)
        day_and_sound = birth_date is not None and client.birth_date == birth_date and (
            their_sounds == sounds)
        place_and_name = bool(municipality_code) and (
            client.municipality_code == municipality_code) and their_spelt == spelt
        if day_and_sound or place_and_name:
            found.append(SimilarClient(client.id, client.display_name, client.birth_date,
                                       client.municipality_code))
            if len(found) == LIMIT:
                break
    return found

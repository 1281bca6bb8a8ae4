"""Conflicts kept for the case manager: list them, and resolve them field by field.

A conflict holds the fields both this device and another changed differently since their
common version. Until it is resolved, the record keeps this device's values on those fields and
is not pushed. The resolution is a local edit, pushed as a new version on top of the remote one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.core.names import search_keys
from kim_desktop.core.outbox import queue_again
from kim_desktop.sync.payloads import values_of
from kim_desktop.sync.state import SyncConflict


def _client_search_keys(client: Any) -> None:
    client.search_key, client.phonetic_key = search_keys(
        client.first_name, client.last_name, client.birth_name)


#: Columns computed from others, by kind, and what computes them: never offered for a choice,
#: recomputed from the chosen values (a person's search keys follow the names chosen).
DERIVED: dict[str, tuple[frozenset[str], Callable[[Any], None]]] = {
    "client": (frozenset({"search_key", "phonetic_key"}), _client_search_keys),
}


def _choosable(kind: str, fields: list[str]) -> list[str]:
    derived, _ = DERIVED.get(kind, (frozenset(), None))
    return [name for name in fields if name not in derived]


class ConflictError(Exception):
    """A resolution that cannot be applied; the message is German."""


@dataclass(frozen=True)
class ConflictView:
    id: str
    kind: str
    record_id: str
    #: The fields to choose for, without the derived ones.
    fields: list[str]
    local: dict[str, Any]
    remote: dict[str, Any]
    base: dict[str, Any]
    remote_version: int


@dataclass(frozen=True)
class ResolvedConflict:
    kind: str
    record_id: str


def list_conflicts(session: Session) -> list[ConflictView]:
    return [
        ConflictView(row.id, row.kind, row.record_id, _choosable(row.kind, json.loads(row.fields)),
                     json.loads(row.local_payload), json.loads(row.remote_payload),
                     json.loads(row.base_payload), row.remote_version)
        for row in session.scalars(select(SyncConflict).order_by(SyncConflict.created_at))
    ]


def resolve_conflict(session: Session, *, conflict_id: str,
                     choices: dict[str, Any]) -> ResolvedConflict:
    """Applies the user's choice per conflicting field: ``"local"``, ``"remote"`` or a value.

    Every conflicting field needs a choice, except the derived ones, which are recomputed.
    Writes in one transaction and commits.
    """
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise ConflictError("Dieser Konflikt ist bereits gelöst.")
    fields = _choosable(conflict.kind, json.loads(conflict.fields))
    missing = [name for name in fields if name not in choices]
    unknown = [name for name in choices if name not in fields]
    if missing or unknown:
        raise ConflictError(
            "Bitte für jedes abweichende Feld genau eine Wahl treffen "
            f"(fehlt: {', '.join(missing) or '–'}; unbekannt: {', '.join(unknown) or '–'})."
        )
    model = RECORD_KINDS.get(conflict.kind)
    record = session.get(model, conflict.record_id) if model else None
    if record is None:
        raise ConflictError("Der Datensatz zu diesem Konflikt ist nicht mehr vorhanden.")
    remote = values_of(conflict.kind, json.loads(conflict.remote_payload))
    for name, choice in choices.items():
        if choice == "local":
            continue
        if choice == "remote":
            setattr(record, name, remote.get(name))
        elif isinstance(choice, str):
            setattr(record, name, values_of(conflict.kind, {name: choice}).get(name))
        else:
            setattr(record, name, choice)
    if conflict.kind in DERIVED:
        DERIVED[conflict.kind][1](record)
    session.delete(conflict)
    session.flush()
    queue_again(session, kind=conflict.kind, record_id=conflict.record_id,
                version=record.version)
    session.commit()
    return ResolvedConflict(conflict.kind, conflict.record_id)

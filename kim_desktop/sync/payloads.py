"""Record payloads as the sync carries them: JSON-ready, binary columns as base64 text.

:func:`kim_desktop.core.db.record_to_payload` leaves ``bytes`` (attachments) as they are; JSON
cannot hold them, so the sync writes them as unpadded URL-safe base64 and reads them back.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Date, DateTime, LargeBinary, inspect, select
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS, SyncedRecord, record_to_payload
from kim_protocol.timestamps import UTCDateTime
from kim_protocol.wire import b64decode


@cache
def _binary_fields(kind: str) -> tuple[str, ...]:
    mapper = inspect(RECORD_KINDS[kind])
    return tuple(attr.key for attr in mapper.column_attrs
                 if isinstance(attr.columns[0].type, LargeBinary))


@cache
def _columns(kind: str) -> tuple[ColumnElement[Any], ...]:
    """The record's columns that travel, labelled with their attribute keys, as
    ``record_to_payload`` names them: all but the binary ones."""
    mapper = inspect(RECORD_KINDS[kind])
    binary = _binary_fields(kind)
    return tuple(attr.columns[0].label(attr.key) for attr in mapper.column_attrs
                 if attr.key not in binary)


@cache
def known_fields(kind: str) -> frozenset[str]:
    """The payload keys this version knows for ``kind``: its columns' attribute keys."""
    return frozenset(attr.key for attr in inspect(RECORD_KINDS[kind]).column_attrs)


def unknown_fields(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The fields of a payload this version does not know (a newer version's), to be kept
    and sent back unchanged; all of them for a kind this version does not know."""
    if kind not in RECORD_KINDS:
        return dict(payload)
    known = known_fields(kind)
    if payload.keys() <= known:
        return {}
    return {key: value for key, value in payload.items() if key not in known}


@dataclass(frozen=True)
class RequiredFields:
    #: Keys whose column takes no NULL (the id and version are the sync's own).
    not_null: frozenset[str]
    #: Of those, the keys a new record cannot do without: their column has no default.
    without_default: frozenset[str]


@cache
def required_fields(kind: str) -> RequiredFields:
    not_null: set[str] = set()
    without_default: set[str] = set()
    for attr in inspect(RECORD_KINDS[kind]).column_attrs:
        column = attr.columns[0]
        if column.nullable or column.primary_key or attr.key == "version":
            continue
        not_null.add(attr.key)
        if column.default is None and column.server_default is None:
            without_default.add(attr.key)
    return RequiredFields(frozenset(not_null), frozenset(without_default))


def payload_of(record: SyncedRecord) -> dict[str, Any]:
    payload = record_to_payload(record)
    for key in _binary_fields(type(record).__tablename__):  # type: ignore[attr-defined]
        payload.pop(key, None)
    return payload


def payloads_of(session: Session, kind: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The payloads of the records ``ids`` of ``kind`` by id, as :func:`payload_of` gives them,
    read with one Core query on the session's connection, past the ORM (the push's hottest
    path)."""
    model = RECORD_KINDS[kind]
    keys = [str(column.key) for column in _columns(kind)]
    query = select(*_columns(kind)).where(model.id.in_(ids))
    payloads: dict[str, dict[str, Any]] = {}
    for row in session.connection().execute(query):
        payload = dict(zip(keys, row, strict=True))
        for key, value in payload.items():
            if value is not None and type(value) not in _PLAIN:
                payload[key] = _json_ready(value)
        payloads[payload["id"]] = payload
    return payloads


#: Types JSON takes as they are (exact types: an enum may derive from str).
_PLAIN = frozenset({str, int, float, bool, list, dict})


def _json_ready(value: Any) -> Any:
    """A column value as :func:`payload_of` puts it into a payload."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _to_datetime(value: Any) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _to_binary(value: Any) -> Any:
    return b64decode(value) if isinstance(value, str) else value


@cache
def _converters(kind: str) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Per column key of ``kind``: how a payload value becomes a column value, decided once
    per kind."""
    mapper = inspect(RECORD_KINDS[kind])
    binary = _binary_fields(kind)
    plan: list[tuple[str, Callable[[Any], Any] | None]] = []
    for attr in mapper.column_attrs:
        column_type = attr.columns[0].type
        if isinstance(column_type, UTCDateTime | DateTime):
            plan.append((attr.key, _to_datetime))
        elif isinstance(column_type, Date):
            plan.append((attr.key, dt.date.fromisoformat))
        elif attr.key in binary:
            plan.append((attr.key, _to_binary))
        else:
            plan.append((attr.key, None))
    return tuple(plan)


def values_of(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Typed column values of a payload; keys the local schema does not know are dropped, and
    so is content that is not the file the record names (:func:`_named_content`)."""
    values: dict[str, Any] = {}
    for key, convert in _converters(kind):
        if key in payload:
            value = payload[key]
            values[key] = value if convert is None or value is None else convert(value)
    if values.get("content") is not None and not _named_content(values):
        del values["content"]
    return values


def _named_content(values: dict[str, Any]) -> bool:
    """Whether inline content (an attachment of a version before the blobs) is the file its
    record names by size and SHA-256: other bytes, from a faulty or hostile device, would
    replace the file here and, by the copy of equal content, other attachments of it."""
    content = values["content"]
    return (isinstance(content, bytes) and len(content) == values.get("size")
            and hashlib.sha256(content).hexdigest() == values.get("sha256"))

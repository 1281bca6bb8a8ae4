"""Record payloads as the sync carries them: JSON-ready, binary columns as base64 text.

:func:`kim_desktop.core.db.record_to_payload` leaves ``bytes`` (attachments) as they are; JSON
cannot hold them, so the sync writes them as unpadded URL-safe base64 and reads them back.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, LargeBinary, inspect, select
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS, SyncedRecord, payload_to_values, record_to_payload


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@cache
def _binary_fields(kind: str) -> tuple[str, ...]:
    mapper = inspect(RECORD_KINDS[kind])
    return tuple(attr.key for attr in mapper.column_attrs
                 if isinstance(attr.columns[0].type, LargeBinary))


@cache
def _columns(kind: str) -> tuple[ColumnElement[Any], ...]:
    """The record's columns labelled with their attribute keys, as ``record_to_payload`` names
    them."""
    mapper = inspect(RECORD_KINDS[kind])
    return tuple(attr.columns[0].label(attr.key) for attr in mapper.column_attrs)


def payload_of(record: SyncedRecord) -> dict[str, Any]:
    payload = record_to_payload(record)
    for key in _binary_fields(type(record).__tablename__):  # type: ignore[attr-defined]
        if isinstance(payload.get(key), bytes | bytearray | memoryview):
            payload[key] = b64encode(bytes(payload[key]))
    return payload


def payloads_of(session: Session, kind: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The payloads of the records ``ids`` of ``kind`` by id, as :func:`payload_of` gives them,
    read with one Core query instead of loading ORM objects (the push's hottest path)."""
    model = RECORD_KINDS[kind]
    binary = _binary_fields(kind)
    payloads: dict[str, dict[str, Any]] = {}
    for row in session.execute(select(*_columns(kind)).where(model.id.in_(ids))).mappings():
        payload: dict[str, Any] = {}
        for key, value in row.items():
            if isinstance(value, dt.datetime | dt.date):
                value = value.isoformat()
            elif isinstance(value, enum.Enum):
                value = value.value
            elif key in binary and isinstance(value, bytes | bytearray | memoryview):
                value = b64encode(bytes(value))
            payload[key] = value
        payloads[payload["id"]] = payload
    return payloads


def values_of(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    values = payload_to_values(kind, payload)
    for key in _binary_fields(kind):
        if isinstance(values.get(key), str):
            values[key] = b64decode(values[key])
    return values

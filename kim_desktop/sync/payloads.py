"""Record payloads as the sync carries them: JSON-ready, binary columns as base64 text.

:func:`kim_desktop.core.db.record_to_payload` leaves ``bytes`` (attachments) as they are; JSON
cannot hold them, so the sync writes them as unpadded URL-safe base64 and reads them back.
"""

from __future__ import annotations

import base64
from typing import Any

from sqlalchemy import LargeBinary, inspect

from kim_desktop.core.db import RECORD_KINDS, SyncedRecord, payload_to_values, record_to_payload


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _binary_fields(kind: str) -> list[str]:
    mapper = inspect(RECORD_KINDS[kind])
    return [attr.key for attr in mapper.column_attrs
            if isinstance(attr.columns[0].type, LargeBinary)]


def payload_of(record: SyncedRecord) -> dict[str, Any]:
    payload = record_to_payload(record)
    for key in _binary_fields(type(record).__tablename__):  # type: ignore[attr-defined]
        if isinstance(payload.get(key), bytes | bytearray | memoryview):
            payload[key] = b64encode(bytes(payload[key]))
    return payload


def values_of(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    values = payload_to_values(kind, payload)
    for key in _binary_fields(kind):
        if isinstance(values.get(key), str):
            values[key] = b64decode(values[key])
    return values

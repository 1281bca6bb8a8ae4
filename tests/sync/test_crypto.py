"""Payload sealing, the office key and its check value."""

from __future__ import annotations

import os

import pytest

from kim_desktop.core.recovery_key import generate_recovery_key, parse_recovery_key
from kim_desktop.sync.crypto import (
    PayloadError,
    encode_payload,
    key_check_value,
    key_matches,
    office_key_from_recovery,
    open_sealed,
    seal,
)

IDS = {"office_id": "office-1", "kind": "client",
       "record_id": "6f1c1d7e-1111-4222-8333-444455556666", "version": 3}


def test_seal_round_trip_and_binding() -> None:
    key = os.urandom(32)
    payload = {"first_name": "Testa", "notes": "ä" * 50}
    sealed = seal(key, payload=payload, **IDS)  # type: ignore[arg-type]
    assert open_sealed(key, sealed=sealed, **IDS) == payload  # type: ignore[arg-type]
    assert b"Testa" not in sealed
    for field, other in [("office_id", "office-2"), ("kind", "consultation"),
                         ("record_id", "6f1c1d7e-1111-4222-8333-444455556667"), ("version", 4)]:
        with pytest.raises(PayloadError):
            open_sealed(key, sealed=sealed, **{**IDS, field: other})  # type: ignore[arg-type]
    with pytest.raises(PayloadError):
        open_sealed(os.urandom(32), sealed=sealed, **IDS)  # type: ignore[arg-type]
    tampered = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(PayloadError):
        open_sealed(key, sealed=tampered, **IDS)  # type: ignore[arg-type]
    with pytest.raises(PayloadError):
        open_sealed(key, sealed=b"short", **IDS)  # type: ignore[arg-type]


def test_payload_is_compressed() -> None:
    payload = {"notes": "Beratung zur Wohnungssuche. " * 40}
    assert len(encode_payload(payload)) < len(payload["notes"]) // 5


def test_recovery_key_gives_the_office_key_and_the_check_verifies_it() -> None:
    text, secret = generate_recovery_key()
    key = office_key_from_recovery(secret)
    assert key == office_key_from_recovery(parse_recovery_key(text.lower()))
    check = key_check_value(key)
    assert key not in check and len(check) == 32
    assert key_matches(key, check)
    _other_text, other_secret = generate_recovery_key()
    assert not key_matches(office_key_from_recovery(other_secret), check)

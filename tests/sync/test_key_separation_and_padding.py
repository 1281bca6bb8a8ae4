"""Subkeys of the office key, the check value's one-time renewal for offices of before, padded
payloads, and device names that say nothing about the machine; against a real server."""

from __future__ import annotations

import hashlib
import hmac
import os
import random

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select, text, update

from kim_desktop.sync.crypto import (
    NONCE_BYTES,
    encode_payload,
    key_check_value,
    legacy_key_check_value,
    open_sealed,
    padded_size,
    seal,
)
from kim_desktop.sync.enroll import enroll
from kim_desktop.sync.http import RefusedError, SyncHttp
from kim_desktop.sync.state import SyncState, load_office_key, load_state
from kim_protocol import wire
from kim_protocol.payload import payload_json
from kim_protocol.wire import associated_data, b64encode
from tests.sync.conftest import Office
from tests.sync.helpers import add_consultations

IDS = {"office_id": "office-1", "kind": "consultation",
       "record_id": "6f1c1d7e-1111-4222-8333-444455556666", "version": 1}


def test_the_office_key_itself_neither_seals_nor_checks() -> None:
    key = os.urandom(32)
    sealed = seal(key, payload={"notes": "Beratung"}, **IDS)  # type: ignore[arg-type]
    aad = associated_data(**IDS)  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017 - InvalidTag: another key sealed it
        AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    assert key_check_value(key) != hmac.new(key, b"kim key check v1", hashlib.sha256).digest()
    assert key_check_value(key) != hmac.new(key, b"kim key check v2", hashlib.sha256).digest()
    assert legacy_key_check_value(key) == hmac.new(key, b"kim key check v1",
                                                   hashlib.sha256).digest()


def test_a_ciphertext_of_before_the_subkeys_still_opens() -> None:
    key = os.urandom(32)
    payload = {"notes": "alt"}
    plain = encode_payload(payload)
    nonce = os.urandom(NONCE_BYTES)
    old = nonce + AESGCM(key).encrypt(nonce, plain, associated_data(**IDS))  # type: ignore[arg-type]
    assert open_sealed(key, sealed=old, **IDS) == payload  # type: ignore[arg-type]
    assert payload_json(payload)


def test_a_notes_length_no_longer_shows_in_the_sealed_size() -> None:
    key = os.urandom(32)
    rng = random.Random(7)
    sizes = set()
    for length in range(0, 120, 7):
        notes = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(length))
        sizes.add(len(seal(key, payload={"notes": notes, "minutes": 30}, **IDS)))  # type: ignore[arg-type]
    assert len(sizes) == 1
    for length in range(257, 70_000, 997):
        assert length <= padded_size(length) < length * 1.25


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_an_office_of_before_renews_its_check_value_once_and_nobody_is_locked_out(
    office: Office,
) -> None:
    sessions, client = office.device("a")
    with sessions() as session:
        state = load_state(session)
        opened = load_office_key(session)
        assert state is not None and opened is not None
        office_key, token = bytes(opened), state.device_token
        legacy = legacy_key_check_value(office_key)
        # As an older version left it: the check value under the office key itself.
        session.execute(update(SyncState).values(key_check=legacy))
        session.commit()
    with office.admin.engine.begin() as connection:
        connection.execute(text("UPDATE offices SET key_check = :value, key_check_renewed = "
                                "false WHERE id = :id"),
                           {"value": b64encode(legacy), "id": office.office_id})
    # A device joining now still verifies the recovery key against the old value.
    other_sessions, other = office.device("b")
    add_consultations(sessions, 3, random.Random(3))
    client.run()
    with office.admin.engine.connect() as connection:
        stored = connection.execute(text("SELECT key_check, key_check_renewed FROM offices "
                                         "WHERE id = :id"), {"id": office.office_id}).one()
        actions = connection.execute(text("SELECT action FROM admin_audit")).scalars().all()
    assert stored[0] == b64encode(key_check_value(office_key)) and stored[1]
    assert "office.key_check_renewed" in actions
    assert other.run().pulled == 3
    with other_sessions() as session:
        assert session.scalar(select(SyncState.key_check)) == key_check_value(office_key)
    # The renewal happens once: replacing the value again is refused.
    http = SyncHttp(office.server.url, token=token)
    try:
        with pytest.raises(RefusedError) as refused:
            http.publish_key_check(wire.KeyCheckRequest(
                key_check=b64encode(os.urandom(32)),
                replaces=b64encode(key_check_value(office_key))))
        assert refused.value.status == 409
    finally:
        http.close()
    office.device("c")  # a later device joins with the recovery key against the new value


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_a_device_that_read_the_check_value_cannot_replace_it(office: Office) -> None:
    office.device("a")
    hostile_sessions, _ = office.device("b")
    with hostile_sessions() as session:
        state = load_state(session)
        assert state is not None and state.key_check is not None
        token, current = state.device_token, state.key_check
    http = SyncHttp(office.server.url, token=token)
    try:
        with pytest.raises(RefusedError) as refused:
            http.publish_key_check(wire.KeyCheckRequest(key_check=b64encode(os.urandom(32)),
                                                        replaces=b64encode(current)))
        assert refused.value.status == 409
    finally:
        http.close()
    office.device("c")  # a new device still joins with the office's real recovery key


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_a_device_is_named_by_number_unless_it_gives_a_name(office: Office) -> None:
    for name in ("x", "y"):
        with office.make_db(name)() as session:
            result = enroll(session, server_url=office.server.url,
                            code=office.admin.code(office.office_id),
                            office_recovery_key=office.recovery_key)
        office.recovery_key = office.recovery_key or result.office_recovery_key
    office.device("Empfang")
    with office.admin.engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM devices WHERE office_id = :id "
                                        "ORDER BY enrolled_at"),
                                   {"id": office.office_id}).scalars().all()
    assert names == ["Gerät 1", "Gerät 2", "Empfang"]

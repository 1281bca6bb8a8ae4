"""Joining an office: the one-time enrollment code, then the office key.

The first device of an office creates the office key and shows the office recovery key once;
it publishes the key's check value so that later devices can verify a typed recovery key
against it. A later device must enter the office recovery key. Token, office key and check
value are kept only in the encrypted vault database (``sync_state``, and the office key as a
stored secret of the vault: :func:`kim_desktop.sync.state.store_office_key`).

The state is committed before the check value is published: if the program dies in between,
the key is not lost, and the next sync publishes the check value.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kim_desktop.core.errors import InvalidRecoveryKey
from kim_desktop.core.key_memory import wipe
from kim_desktop.core.provisioning import ServerTrust
from kim_desktop.core.recovery_key import generate_recovery_key, parse_recovery_key
from kim_desktop.sync import messages
from kim_desktop.sync.crypto import (
    OfficeKey,
    key_check_value,
    key_matches,
    legacy_key_check_value,
    office_key_from_recovery,
)
from kim_desktop.sync.http import RefusedError, SyncError, SyncHttp
from kim_desktop.sync.state import (
    STATE_ID,
    SyncState,
    has_office_key,
    load_state,
    store_office_key,
)
from kim_protocol import __version__, wire
from kim_protocol.wire import b64decode, b64encode


class EnrollError(SyncError):
    """Enrollment cannot go on; the German message says what to do."""


@dataclass(frozen=True)
class Enrollment:
    device_id: str
    office_id: str
    office_name: str
    municipality: str
    #: True once the office key is present and the device can sync.
    key_ready: bool
    #: The new office recovery key; set only when this enrollment created the office key.
    office_recovery_key: str | None = None


def _enrollment(session: Session, state: SyncState,
                recovery_text: str | None = None) -> Enrollment:
    return Enrollment(state.device_id, state.office_id, state.office_name, state.municipality,
                      has_office_key(session), recovery_text)


def _parse(text: str) -> bytearray:
    try:
        return office_key_from_recovery(parse_recovery_key(text))
    except InvalidRecoveryKey as error:
        # Said as the recovery key's own error is, in the interface language too.
        wrapped = EnrollError(error.template, **error.params)
        wrapped.context = error.context
        raise wrapped from error


def enroll(session: Session, *, server_url: str, code: str,
           office_recovery_key: str | None = None, device_name: str | None = None,
           trust: ServerTrust | None = None) -> Enrollment:
    """Enrolls this device with a one-time code; commits the new ``sync_state``.

    ``trust`` is the TLS trust from provisioning; it is kept in the state, and every later
    request checks the server against it.
    """
    existing = load_state(session)
    if existing is not None and existing.device_token:
        raise EnrollError(messages.ALREADY_ENROLLED)
    typed_key = _parse(office_recovery_key) if office_recovery_key else None
    name = (device_name or wire.DEFAULT_DEVICE_NAME)[:100]
    http = SyncHttp(server_url, trust=trust)
    try:
        response = http.enroll(wire.EnrollRequest(code=code.strip(), device_name=name,
                                                  app_version=__version__))
    finally:
        http.close()
    state = existing or SyncState(id=STATE_ID)
    state.server_url = server_url.rstrip("/")
    state.ca_pem = trust.certificates_pem if trust and trust.mode == "trust" else None
    state.pin_sha256 = trust.spki_sha256 if trust and trust.mode == "pin" else None
    state.office_id = response.office_id
    state.office_name = response.office_name
    state.municipality = response.municipality
    state.device_id = response.device_id
    state.device_name = name
    state.device_token = response.token
    state.pull_cursor = 0
    state.next_seq = 1
    # A new identity: its first sync begins its first epoch, and nothing of the old one holds.
    state.epoch = state.epoch_place = state.epoch_from_seq = None
    state.revoked = None
    recovery_text = None
    if response.key_check is None:
        if typed_key is None:
            recovery_text, secret = generate_recovery_key()
            typed_key = office_key_from_recovery(secret)
        store_office_key(session, typed_key)
        state.key_check = key_check_value(typed_key)
        state.key_check_pending = True
    else:
        state.key_check = b64decode(response.key_check)
        state.key_check_pending = False
        store_office_key(session, typed_key if typed_key and key_matches(
            typed_key, state.key_check) else None)
    if typed_key is not None:
        wipe(typed_key)
    session.add(state)
    session.commit()
    if state.key_check_pending:
        publish_key_check(session)
    if office_recovery_key and not has_office_key(session):
        raise EnrollError(messages.KEY_WRONG)
    return _enrollment(session, state, recovery_text)


def publish_key_check(session: Session) -> None:
    """Publishes the office key's check value; when another device was first, forgets ours."""
    state = load_state(session)
    if state is None or not state.key_check_pending or state.key_check is None:
        return
    http = SyncHttp(state.server_url, token=state.device_token, trust=state.trust())
    try:
        http.publish_key_check(wire.KeyCheckRequest(key_check=b64encode(state.key_check)))
    except RefusedError as error:
        if error.status != 409:
            raise
        store_office_key(session, None)
        state.key_check = None
        state.key_check_pending = False
        session.commit()
        raise EnrollError(messages.KEY_TAKEN) from error
    finally:
        http.close()
    state.key_check_pending = False
    session.commit()


def needs_key_check_renewal(state: SyncState, office_key: OfficeKey | None) -> bool:
    """True while this office's check value is still of the form before the key subkeys."""
    return (office_key is not None and state.key_check is not None
            and not state.key_check_pending
            and state.key_check == legacy_key_check_value(office_key))


def renew_key_check(session: Session, office_key: OfficeKey) -> None:
    """Replaces the office's old-form check value with the current one (once per office; a
    second device finds it done and takes the current value)."""
    state = load_state(session)
    if state is None or not needs_key_check_renewal(state, office_key):
        return
    assert state.key_check is not None
    current = key_check_value(office_key)
    http = SyncHttp(state.server_url, token=state.device_token, trust=state.trust())
    try:
        http.publish_key_check(wire.KeyCheckRequest(key_check=b64encode(current),
                                                    replaces=b64encode(state.key_check)))
    finally:
        http.close()
    state.key_check = current
    session.commit()


def enter_office_recovery_key(session: Session, *, office_recovery_key: str) -> Enrollment:
    """Completes the enrollment of a device that joined without (or with a wrong) key."""
    state = load_state(session)
    if state is None or not state.device_token:
        raise EnrollError(messages.NOT_ENROLLED_YET)
    office_key = _parse(office_recovery_key)
    try:
        if state.key_check is None:
            # Another device won the race to create the office key: the server decides whether
            # this key is that one (the same check value is accepted, another refused).
            store_office_key(session, office_key)
            state.key_check = key_check_value(office_key)
            state.key_check_pending = True
            session.commit()
            publish_key_check(session)
        elif not key_matches(office_key, state.key_check):
            raise EnrollError(messages.KEY_WRONG)
        store_office_key(session, office_key)
        session.commit()
    finally:
        wipe(office_key)
    return _enrollment(session, state)

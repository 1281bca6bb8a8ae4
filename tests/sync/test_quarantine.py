"""Pulled records that do not open or parse are put aside: the sync goes on past them, the
status counts them, later syncs try them again, and no payload reaches the log."""

from __future__ import annotations

import logging
import os
import random
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from sqlalchemy import select

from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.core.models import Consultation
from kim_desktop.sync.crypto import open_sealed, seal, seal_json
from kim_desktop.sync.enroll import enter_office_recovery_key
from kim_desktop.sync.state import SyncQuarantine, load_office_key, load_state, store_office_key
from kim_desktop.sync.status import sync_status
from kim_desktop.ui.sync_status import status_text
from kim_protocol.payload import payload_json
from kim_protocol.wire import b64decode, b64encode
from tests.sync.conftest import Office
from tests.sync.helpers import Sessions, add_consultations, cursor, snapshot
from tests.sync.models import SyncTestParent

SECRET_NOTE = "Vertrauliche Notiz 4711"


@dataclass(frozen=True)
class Writer:
    """What a test needs of a device to push past its sync client."""

    office_id: str
    device_token: str
    office_key: bytes


def _state(sessions: Sessions) -> Writer:
    with sessions() as session:
        state = load_state(session)
        office_key = load_office_key(session)
        assert state is not None and office_key is not None
        return Writer(state.office_id, state.device_token, bytes(office_key))


def _raw_push(office: Office, token: str, operations: list[dict[str, Any]]) -> list[Any]:
    """A push past the sync client, as a damaged or hostile client could send it."""
    response = requests.post(f"{office.server.url}/v1/push", json={"operations": operations},
                             headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert response.status_code == 200, response.text
    return [result["status"] for result in response.json()["results"]]


def _sealed(state: Writer, record_id: str, version: int, payload: dict[str, Any]) -> str:
    return b64encode(seal(state.office_key, office_id=state.office_id, kind="consultation",
                          record_id=record_id, version=version, payload=payload))


def _quarantined(sessions: Sessions) -> dict[str, tuple[int, str, int]]:
    with sessions() as session:
        return {row.record_id: (row.version, row.reason, row.attempts)
                for row in session.scalars(select(SyncQuarantine))}


def test_forged_and_garbled_records_are_put_aside_and_the_sync_goes_on(
    office: Office, caplog: pytest.LogCaptureFixture
) -> None:
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    ids = add_consultations(a_db, 30, random.Random(5))
    a.run()
    writer = _state(a_db)
    template = snapshot(a_db)[ids[0]]
    forged, garbled = str(uuid.uuid4()), str(uuid.uuid4())
    bad_date = dict(template, id=garbled, held_at="kein Datum", notes=SECRET_NOTE)
    assert _raw_push(office, writer.device_token, [
        {"seq": 10**9, "kind": "consultation", "record_id": forged, "base_version": 0,
         "ciphertext": b64encode(os.urandom(80))},
        {"seq": 10**9 + 1, "kind": "consultation", "record_id": garbled, "base_version": 0,
         "ciphertext": _sealed(writer, garbled, 1, bad_date)},
    ]) == ["applied", "applied"]
    more = add_consultations(a_db, 5, random.Random(6))
    a.run()

    with caplog.at_level(logging.DEBUG):
        result = b.run()
    assert (result.pulled, result.quarantined, result.offline) == (35, 2, False)
    assert set(snapshot(b_db)) == set(ids) | set(more)
    assert _quarantined(b_db) == {forged: (1, "decrypt", 1), garbled: (1, "parse", 1)}
    assert cursor(b_db) == cursor(a_db)
    with b_db() as session:
        status = sync_status(session)
    assert (status.quarantined, status.last_error, status.online) == (2, None, True)
    assert SECRET_NOTE not in caplog.text and garbled not in caplog.text

    # Every later sync tries them again; they stay aside, nothing arrives twice.
    assert b.run().pulled == 0
    assert _quarantined(b_db) == {forged: (1, "decrypt", 2), garbled: (1, "parse", 2)}

    # A newer version that opens replaces the one put aside.
    repaired = dict(template, id=garbled, notes="repariert")
    assert _raw_push(office, writer.device_token, [
        {"seq": 10**9 + 2, "kind": "consultation", "record_id": garbled, "base_version": 1,
         "ciphertext": _sealed(writer, garbled, 2, repaired)},
    ]) == ["applied"]
    assert b.run().pulled == 1
    assert snapshot(b_db)[garbled]["notes"] == "repariert"
    assert set(_quarantined(b_db)) == {forged}


def test_records_that_did_not_open_arrive_once_the_office_key_is_entered_again(
    office: Office
) -> None:
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    ids = add_consultations(a_db, 12, random.Random(8))
    a.run()
    with b_db() as session:
        # A damaged office key in the vault: nothing pulled opens.
        store_office_key(session, os.urandom(32))
        session.commit()
    result = b.run()
    assert (result.pulled, result.quarantined, result.offline) == (0, 12, False)
    assert cursor(b_db) == cursor(a_db)
    with b_db() as session:
        assert sync_status(session).quarantined == 12
        assert office.recovery_key is not None
        enter_office_recovery_key(session, office_recovery_key=office.recovery_key)
    assert b.run().pulled == 12
    assert _quarantined(b_db) == {}
    assert snapshot(b_db) == snapshot(a_db)
    assert set(snapshot(b_db)) == set(ids)


def _pull_record(office: Office, state: Writer, record_id: str) -> dict[str, Any]:
    """The server's current version of a record, opened as another device would."""
    since, found = 0, None
    while True:
        page = requests.get(f"{office.server.url}/v1/pull", params={"since": since},
                            headers={"Authorization": f"Bearer {state.device_token}"},
                            timeout=30).json()
        for record in page["records"]:
            if record["record_id"] == record_id:
                found = record
        since = page["next_cursor"]
        if not page["more"]:
            break
    assert found is not None
    return open_sealed(state.office_key, office_id=state.office_id, kind=found["kind"],
                       record_id=record_id, version=found["version"],
                       sealed=b64decode(found["ciphertext"]))


def test_records_that_open_but_do_not_apply_are_put_aside_and_the_rest_arrives(
    office: Office, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Reproduced on main: a record without a required column, as a newer version or a buggy
    peer could send it, aborted every sync of every device of the office with a traceback,
    a new device's first sync included."""
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    ids = add_consultations(a_db, 20, random.Random(9))
    a.run()
    writer = _state(a_db)
    template = snapshot(a_db)[ids[0]]
    lacking, empty, refused, future = (str(uuid.uuid4()) for _ in range(4))
    parent = {"id": future, "name": "aus der Zukunft", "notes": SECRET_NOTE,
              "created_at": template["created_at"], "updated_at": template["updated_at"]}
    operations = [
        (lacking, "consultation", {k: v for k, v in template.items() if k != "held_at"}),
        (empty, "consultation", dict(template, mode_code=None)),
        (refused, "consultation", dict(template, notes={"nicht": "Text"})),
        (future, "test_sync_parent", parent),
    ]
    assert _raw_push(office, writer.device_token, [
        {"seq": 10**9 + index, "kind": kind, "record_id": record_id, "base_version": 0,
         "ciphertext": b64encode(seal(writer.office_key, office_id=writer.office_id,
                                      kind=kind, record_id=record_id, version=1,
                                      payload=dict(payload, id=record_id)))}
        for index, (record_id, kind, payload) in enumerate(operations)
    ]) == ["applied"] * 4
    more = add_consultations(a_db, 5, random.Random(10))
    a.run()

    # This version does not know the parent kind yet: an update will bring it.
    monkeypatch.delitem(RECORD_KINDS, "test_sync_parent")
    with caplog.at_level(logging.DEBUG):
        result = b.run()
    assert (result.pulled, result.quarantined, result.offline) == (25, 4, False)
    reasons = {lacking: "missing", empty: "missing", refused: "constraint", future: "kind"}
    assert {key: reason for key, (_v, reason, _n) in _quarantined(b_db).items()} == reasons
    assert set(snapshot(b_db)) == set(ids) | set(more)
    assert cursor(b_db) == cursor(a_db)
    assert SECRET_NOTE not in caplog.text and future not in caplog.text
    c_db, c = office.device("c")
    assert (c.run().pulled, len(_quarantined(c_db))) == (25, 4)  # a new device's first sync

    # Later syncs try them again; after the update that knows the kind, it arrives.
    assert b.run().pulled == 0
    assert {key: attempts for key, (_v, _r, attempts) in _quarantined(b_db).items()} == {
        lacking: 2, empty: 2, refused: 2, future: 2}
    monkeypatch.undo()
    assert b.run().pulled == 1
    assert set(_quarantined(b_db)) == {lacking, empty, refused}
    with b_db() as session:
        assert sync_status(session).quarantined == 3
        row = session.get(SyncTestParent, future)
        assert row is not None and row.name == "aus der Zukunft"


def test_fields_of_a_newer_version_go_back_unchanged_when_edited_here(office: Office) -> None:
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    ids = add_consultations(a_db, 2, random.Random(11))
    a.run()
    b.run()
    writer = _state(a_db)
    newer = dict(snapshot(a_db)[ids[0]], mood="zuversichtlich", follow_up={"in_days": 14})
    assert _raw_push(office, writer.device_token, [
        {"seq": 10**9, "kind": "consultation", "record_id": ids[0], "base_version": 1,
         "ciphertext": _sealed(writer, ids[0], 2, newer)}]) == ["applied"]
    assert b.run().pulled == 1

    # An edit here sends the newer fields back as they were.
    with b_db() as session:
        session.get(Consultation, ids[0]).notes = "hier ergänzt"  # type: ignore[union-attr]
        session.commit()
    assert b.run().pushed == 1
    sent = _pull_record(office, writer, ids[0])
    assert (sent["notes"], sent["mood"], sent["follow_up"]) == (
        "hier ergänzt", "zuversichtlich", {"in_days": 14})

    # A merge with a pending edit here takes the newer version's change of its own field.
    with b_db() as session:
        session.get(Consultation, ids[0]).duration_minutes = 99  # type: ignore[union-attr]
        session.commit()
    newest = dict(sent, mood="erleichtert")
    assert _raw_push(office, writer.device_token, [
        {"seq": 10**9 + 1, "kind": "consultation", "record_id": ids[0], "base_version": 3,
         "ciphertext": _sealed(writer, ids[0], 4, newest)}]) == ["applied"]
    result = b.run()
    assert result.conflicts == 0
    merged = _pull_record(office, writer, ids[0])
    assert (merged["duration_minutes"], merged["mood"], merged["notes"]) == (
        99, "erleichtert", "hier ergänzt")


def test_numbers_no_record_holds_and_deep_nesting_do_not_stop_any_pull(office: Office) -> None:
    """Reproduced on main: a consultation of 10**30 minutes stopped every pull of every device
    for good (OverflowError storing it), a payload nested 100,000 deep likewise (RecursionError
    opening it), and 1e400 minutes was stored as infinity, after which every sync of a device
    failed building its report facts."""
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    ids = add_consultations(a_db, 3, random.Random(11))
    a.run()
    writer = _state(a_db)
    template = snapshot(a_db)[ids[0]]
    huge, deep, endless, negative = (str(uuid.uuid4()) for _ in range(4))
    texts = {
        huge: payload_json(dict(template, id=huge, duration_minutes=10**30)),
        deep: "[" * 100_000 + "]" * 100_000,
        endless: payload_json(dict(template, id=endless)).replace(
            f'"duration_minutes":{template["duration_minutes"]}', '"duration_minutes":1e400'),
    }
    assert "1e400" in texts[endless]
    operations = [
        {"seq": 10**9 + index, "kind": "consultation", "record_id": record_id,
         "base_version": 0,
         "ciphertext": b64encode(seal_json(writer.office_key, office_id=writer.office_id,
                                           kind="consultation", record_id=record_id,
                                           version=1, text=text))}
        for index, (record_id, text) in enumerate(texts.items())]
    operations.append({"seq": 10**9 + 9, "kind": "consultation", "record_id": negative,
                       "base_version": 0,
                       "ciphertext": _sealed(writer, negative, 1,
                                             dict(template, id=negative, duration_minutes=-50))})
    assert _raw_push(office, writer.device_token, operations) == ["applied"] * 4
    more = add_consultations(a_db, 2, random.Random(12))
    a.run()

    result = b.run()  # pulls, then builds and sends its report facts
    assert (result.pulled, result.quarantined) == (6, 3)
    assert {key: reason for key, (_v, reason, _n) in _quarantined(b_db).items()} == {
        huge: "parse", deep: "parse", endless: "parse"}
    assert set(snapshot(b_db)) == set(ids) | set(more) | {negative}
    assert cursor(b_db) == cursor(a_db)
    assert b.run().pulled == 0  # and the next sync goes through as well


def test_an_own_change_to_a_record_put_aside_says_it_waits_for_an_update(
    office: Office,
) -> None:
    """Reproduced on main: a device changed a consultation while another device, of a newer
    version, wrote a version of it this one puts aside. The change stayed in the outbox for
    good, every sync said "Gesendet: 0, Konflikte: 0, abgelehnt: 0", and nothing told why."""
    a_db, a = office.device("a")
    b_db, b = office.device("b")
    [record_id] = add_consultations(a_db, 1, random.Random(13))
    a.run()
    b.run()
    writer = _state(a_db)
    template = snapshot(a_db)[record_id]
    assert _raw_push(office, writer.device_token, [{
        "seq": 10**9, "kind": "consultation", "record_id": record_id,
        "base_version": template["version"],
        "ciphertext": _sealed(writer, record_id, template["version"] + 1,
                              dict(template, mode_code=None))}]) == ["applied"]
    with b_db() as session:
        session.get_one(Consultation, record_id).notes = "am Telefon ergänzt"
        session.commit()
    b.run()
    b.run()
    with b_db() as session:
        status = sync_status(session)
    assert (status.pending, status.quarantined) == (1, 1)  # kept, not lost
    assert "1 eigene Änderung wartet auf ein Update von KIM" in status_text(status)

"""An erasure arriving by sync overrides everything of the person on the receiving device."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core import services
from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.core.models import Client, Consultation
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.services.retention import erase_client
from kim_desktop.sync.apply import Incoming, apply_incoming
from kim_desktop.sync.payloads import payload_of
from kim_desktop.sync.push import seal_batch
from kim_desktop.sync.state import SyncBase, SyncConflict, SyncState
from kim_protocol.payload import payload_json
from tests.core.conftest import new_client

Factory = Callable[[str], Callable[[], Session]]
NOTE = "Termin beim Jobcenter, Schulden 3.000 EUR"


def _outgoing(session: Session) -> list[Incoming]:
    """What the session's outbox would bring another device, as the pull gives it."""
    incoming = []
    for kind, record_id in session.execute(
            select(OutboxEntry.kind, OutboxEntry.record_id).distinct()):
        row = session.get(RECORD_KINDS[kind], record_id)
        incoming.append(Incoming(kind, record_id, row.version, payload_of(row)))
    return incoming


def _acknowledge(session: Session) -> None:
    """The outbox as pushed and acknowledged: each record's version is its base."""
    for item in _outgoing(session):
        session.merge(SyncBase(record_id=item.record_id, kind=item.kind, version=item.version,
                               payload=payload_json(item.payload)))
    session.execute(OutboxEntry.__table__.delete())
    session.commit()


def _pull(session: Session, records: list[Incoming]) -> None:
    session.info["applying_remote"] = True
    apply_incoming(session, records)
    session.commit()
    session.info["applying_remote"] = False
    session.expire_all()


def _consultation(session: Session, client_id: str, notes: str) -> str:
    return services.record_consultation(
        session, client_id=client_id, held_at=dt.datetime.now(dt.UTC) - dt.timedelta(hours=1),
        duration_minutes=30, mode_code="in_person", fields_of_action=["housing"],
        notes=notes).ids[0]


def _stored(session: Session) -> str:
    """Every record, shadow base, conflict and queued change the device holds, as text."""
    rows = [payload_json(payload_of(row)) for model in (Client, Consultation)
            for row in session.scalars(select(model))]
    rows += session.scalars(select(SyncBase.payload)).all()
    rows += [c.local_payload + c.base_payload for c in session.scalars(select(SyncConflict))]
    return "\n".join(rows)


def _office(local_db: Factory) -> tuple[Session, Session, str]:
    """Devices A (the admin's) and B, both holding one synced person with a consultation."""
    a, b = local_db("a")(), local_db("b")()
    a.info["role"] = "office_admin"
    client_id = new_client(a, last_name="Abu Radan", phone="0571 818461")
    _consultation(a, client_id, "Erstgespräch")
    sent = _outgoing(a)
    _acknowledge(a)
    _pull(b, sent)
    return a, b, client_id


def test_an_erasure_overrides_an_unsent_edit_and_conflict_on_another_device(
    local_db: Factory,
) -> None:
    """Reproduced on main: B merged A's erasure with its unsent edit of the phone number, kept
    it on the erased record, queued it to go out again, and kept B's whole record in a
    conflict; a consultation recorded on B meanwhile stayed with its notes."""
    a, b, client_id = _office(local_db)
    data = services.ClientData.of(b.get(Client, client_id))
    data.phone = "0571 NEU 4711"
    services.update_client(b, client_id=client_id, data=data)
    offline = _consultation(b, client_id, NOTE)
    erase_client(a, client_id=client_id, confirm=True)
    _pull(b, _outgoing(a))
    client = b.get(Client, client_id)
    assert client is not None and client.erased_at is not None and not client.phone
    assert b.scalars(select(SyncConflict)).all() == []
    # nothing of the person goes out again; B's log of what it did does
    assert set(b.scalars(select(OutboxEntry.kind))) == {"audit_event"}
    consultation = b.get(Consultation, offline)
    assert consultation is not None and consultation.deleted_at is not None
    stored = _stored(b)
    for text in ("0571", "Abu Radan", NOTE, "Erstgespräch"):
        assert text not in stored


def test_a_record_made_after_the_erasure_elsewhere_arrives_erased_and_goes_as_tombstone(
    local_db: Factory,
) -> None:
    """Reproduced on main: A stored B's consultation, recorded offline after A erased the
    person, live with its notes under the erased person."""
    a, b, client_id = _office(local_db)
    late = _consultation(b, client_id, NOTE)
    erase_client(a, client_id=client_id, confirm=True)
    _acknowledge(a)
    _pull(a, [item for item in _outgoing(b) if item.record_id == late])
    consultation = a.get(Consultation, late)
    assert consultation is not None and consultation.deleted_at is not None
    assert NOTE not in _stored(a)
    # its tombstone goes to the office in place of the content the server holds
    state = SyncState(server_url="", office_id="o", device_id="a", device_token="t", next_seq=1)
    [operation] = seal_batch(a, state, bytes(range(32)), limit=10)
    assert (operation.record_id, operation.deleted) == (late, True)
    assert NOTE not in operation.payload

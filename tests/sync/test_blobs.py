"""Attachments travel as encrypted blobs in chunks, apart from the record payloads."""

from __future__ import annotations

import datetime as dt
import os
import random
import threading
import uuid
from collections.abc import Callable
from functools import partial

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from kim_desktop.core.db import record_to_payload
from kim_desktop.core.models import Attachment, Client
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.core.services import add_attachment, remove_record
from kim_desktop.core.services.retention import erase_client
from kim_desktop.sync import messages
from kim_desktop.sync.client import Progress
from kim_desktop.sync.crypto import seal, seal_blob
from kim_desktop.sync.http import RefusedError, SyncHttp
from kim_desktop.sync.rejected import reason_in_words, send_again
from kim_desktop.sync.state import (
    SyncBlobChunk,
    SyncBlobFailure,
    SyncBlobSent,
    load_office_key,
    load_state,
)
from kim_desktop.sync.status import blob_failures, rejected_changes, sync_status
from kim_protocol import wire
from kim_protocol.wire import b64encode
from sync_server.db import transaction, utcnow
from sync_server.models import Blob as ServerBlob
from sync_server.services import blobs as server_blob_service
from tests.core.conftest import new_client
from tests.server.conftest import Admin, ServerProcess
from tests.sync.conftest import Office
from tests.sync.helpers import Sessions, add_consultations, settled, snapshot

PDF_HEAD = b"%PDF-1.7\n%\xe2\xe3\n"
MIB = 1024 * 1024


def pdf(size: int) -> bytes:
    """A PDF of ``size`` bytes that does not compress (random, as a scan is)."""
    return PDF_HEAD + os.urandom(size - len(PDF_HEAD))


def attach(sessions: Sessions, content: bytes) -> str:
    with sessions() as session:
        client_id = new_client(session)
        return add_attachment(session, client_id=client_id, filename="scan.pdf",
                              content=content).ids[0]


def pending_ids(session: Session) -> set[str]:
    return set(session.scalars(select(OutboxEntry.record_id)))


def content_of(sessions: Sessions, attachment_id: str) -> bytes | None:
    with sessions() as session:
        return session.scalar(select(Attachment.content).where(Attachment.id == attachment_id))


def test_an_attachment_over_the_old_limit_reaches_the_other_device(office: Office) -> None:
    """Reproduced on main: a 3 MB attachment was refused by the server (too large for one
    operation), put aside, and never reached another device."""
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    content = pdf(3 * 1024 * 1024)
    attachment_id = attach(a_db, content)
    add_consultations(a_db, 3, random.Random(1))
    result = a.run()
    assert result.rejected == 0
    assert settled(a_db)
    b.run()
    assert content_of(b_db, attachment_id) == content
    assert snapshot(a_db).keys() == snapshot(b_db).keys()


def server_blobs(office: Office) -> list[tuple[str, int, int]]:
    """The office's blobs on the server: id, chunk count, chunks stored."""
    with office.admin.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(  # type: ignore[misc]
            "SELECT blob_id, count, stored FROM blobs WHERE office_id = :o ORDER BY blob_id"
        ), {"o": office.office_id})]


def stored_bytes(office: Office) -> int:
    with office.admin.engine.connect() as connection:
        return int(connection.execute(text("SELECT stored_bytes FROM offices WHERE id = :o"),
                                      {"o": office.office_id}).scalar_one())


def cut_at(phase: str, after: int) -> tuple[threading.Event, Callable[[Progress], None]]:
    """A cancel event set once ``phase`` has moved ``after`` bytes: the sync stops there."""
    cancel = threading.Event()

    def report(step: Progress) -> None:
        if step.phase == phase and step.done >= after:
            cancel.set()

    return cancel, report


def test_a_cut_upload_and_a_cut_download_resume_where_they_stopped(office: Office) -> None:
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    content = pdf(3 * MIB + 1000)
    attachment_id = attach(a_db, content)
    cancel, report = cut_at("upload", MIB)
    assert a.run(progress=report, cancel=cancel).cancelled
    [(blob_id, count, stored)] = server_blobs(office)
    assert (count, stored) == (4, 1)
    with a_db() as session:
        assert attachment_id in pending_ids(session)
    b.run()
    assert content_of(b_db, attachment_id) is None and attachment_id not in snapshot(b_db)

    assert not a.run().cancelled
    assert server_blobs(office) == [(blob_id, 4, 4)]
    assert settled(a_db)

    cancel, report = cut_at("download", 2 * MIB)
    assert b.run(progress=report, cancel=cancel).cancelled
    assert content_of(b_db, attachment_id) is None
    with b_db() as session:
        assert session.scalar(select(func.count()).select_from(SyncBlobChunk)) == 2
    fetched: list[int] = []
    b.run(progress=lambda step: fetched.append(step.done) if step.phase == "download" else None)
    assert content_of(b_db, attachment_id) == content
    # Only the two chunks not fetched before came now (the progress counts from the start).
    assert fetched == [3 * MIB, 3 * MIB + 1000]
    with b_db() as session:
        assert session.scalar(select(func.count()).select_from(SyncBlobChunk)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_equal_files_are_one_blob_per_office(office: Office) -> None:
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    content = pdf(2 * MIB)
    first, second = attach(a_db, content), attach(a_db, content)
    a.run()
    assert [(count, stored) for _id, count, stored in server_blobs(office)] == [(2, 2)]
    used = stored_bytes(office)
    # The same file attached on another device: its blob is there, nothing more is stored.
    third = attach(b_db, content)
    b.run()
    assert len(server_blobs(office)) == 1
    assert stored_bytes(office) - used < 64 * 1024  # the records only
    a.run()
    for sessions in (a_db, b_db):
        assert {content_of(sessions, i) for i in (first, second, third)} == {content}
    # Another office's key makes another blob id from the same content.
    other = office.other_office()
    (c_db, c) = other.device("c")
    attach(c_db, content)
    c.run()
    assert {row[0] for row in server_blobs(other)}.isdisjoint(
        row[0] for row in server_blobs(office))


def test_a_chunk_that_does_not_open_is_asked_for_again_and_then_said_in_words(
    office: Office,
) -> None:
    """A chunk damaged on the server: asked for once more, then the attachment says why its
    content does not come, nothing of it is kept, the rest of the sync goes, and a later sync
    that gets a good copy fills it in."""
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    content = pdf(MIB + 10)
    attachment_id = attach(a_db, content)
    mine = add_consultations(a_db, 2, random.Random(3))
    a.run()
    where = "WHERE chunk_index = 1"
    with office.admin.engine.begin() as connection:
        good = connection.execute(text(f"SELECT ciphertext FROM blob_chunks {where}")).scalar()
        connection.execute(text(f"UPDATE blob_chunks SET ciphertext = :c {where}"),
                           {"c": os.urandom(200)})
    result = b.run()
    assert result.pulled >= 4 and set(mine) <= set(snapshot(b_db))
    assert content_of(b_db, attachment_id) is None
    with b_db() as session:
        # The good chunk before it is kept for the next try; the bad one is not.
        assert set(session.scalars(select(SyncBlobChunk.index))) == {0}
        assert blob_failures(session, [attachment_id]) == {attachment_id: messages.BLOB_DAMAGED}
        status = sync_status(session)
        assert (status.loading, status.not_arriving) == (1, 1)
    with office.admin.engine.begin() as connection:
        connection.execute(text(f"UPDATE blob_chunks SET ciphertext = :c {where}"), {"c": good})
    b.run()
    assert content_of(b_db, attachment_id) == content
    with b_db() as session:
        assert session.scalar(select(func.count()).select_from(SyncBlobFailure)) == 0
        assert sync_status(session).not_arriving == 0


def test_an_attachment_of_an_older_version_with_its_content_inline_still_arrives(
    office: Office,
) -> None:
    (a_db, _a), (b_db, b) = office.device("a"), office.device("b")
    content = pdf(200 * 1024)
    attachment_id = attach(a_db, content)
    with a_db() as session:
        state = load_state(session)
        office_key = load_office_key(session)
        assert state is not None and office_key is not None
        client_row = session.get(Client, session.get(Attachment, attachment_id).client_id)
        operations = []
        for seq, (kind, row) in enumerate(
                (("client", client_row), ("attachment", session.get(Attachment, attachment_id))),
                start=state.next_seq):
            payload = record_to_payload(row)
            if kind == "attachment":  # as versions before the blobs sent it
                payload["content"] = b64encode(payload["content"])
                del payload["blob_id"]
            operations.append(wire.PushOperation(
                seq=seq, kind=kind, record_id=row.id, base_version=0,
                ciphertext=b64encode(seal(office_key, office_id=state.office_id,
                                          kind=kind, record_id=row.id, version=1,
                                          payload=payload))))
        http = SyncHttp(state.server_url, token=state.device_token)
        answers = http.push(wire.PushRequest(operations=operations)).results
        http.close()
    assert [answer.status for answer in answers] == [wire.OperationStatus.APPLIED] * 2
    b.run()
    assert content_of(b_db, attachment_id) == content


def test_a_full_office_holds_the_attachment_back_and_sends_it_once_there_is_room(
    server_db_url: str, local_db: Callable[[str], Sessions], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KIM_SERVER_OFFICE_QUOTA_BYTES", str(MIB))
    server = ServerProcess(server_db_url)
    server.start()
    admin = Admin(server_db_url)
    try:
        office = Office(server, admin, admin.office(), local_db)
        (a_db, a), (b_db, b) = office.device("a"), office.device("b")
        content = pdf(2 * MIB)
        attachment_id = attach(a_db, content)
        notes = add_consultations(a_db, 5, random.Random(5))
        result = a.run()
        assert result.held_back == messages.QUOTA_EXCEEDED and not result.cancelled
        with a_db() as session:
            assert pending_ids(session) == {attachment_id}
            assert sync_status(session).last_error == messages.QUOTA_EXCEEDED
        # The other changes fitted, and went.
        b.run()
        assert set(notes) <= set(snapshot(b_db)) and attachment_id not in snapshot(b_db)

        server.stop()
        monkeypatch.setenv("KIM_SERVER_OFFICE_QUOTA_BYTES", str(8 * MIB))
        server.start()
        assert a.run().held_back is None and settled(a_db)
        b.run()
        assert content_of(b_db, attachment_id) == content
    finally:
        server.stop()
        admin.engine.dispose()


def test_chunks_of_an_attachment_deleted_midway_do_not_stay(office: Office) -> None:
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    attachment_id = attach(a_db, pdf(3 * MIB))
    a.run()
    cancel, report = cut_at("download", MIB)
    assert b.run(progress=report, cancel=cancel).cancelled
    with b_db() as session:
        assert session.scalar(select(func.count()).select_from(SyncBlobChunk)) >= 1
    with a_db() as session:
        remove_record(session, kind="attachment", record_id=attachment_id)
    a.run()
    b.run()
    with b_db() as session:
        assert session.scalar(select(func.count()).select_from(SyncBlobChunk)) == 0
        assert session.get(Attachment, attachment_id).deleted_at is not None



def hostile_device(office: Office) -> tuple[SyncHttp, bytearray, str]:
    """A second enrolled device of the office, driven by hand: it holds the office key."""
    sessions, _ = office.device("hostile")
    with sessions() as session:
        state = load_state(session)
        office_key = load_office_key(session)
        assert state is not None and office_key is not None
        return SyncHttp(state.server_url, token=state.device_token), office_key, state.office_id


def test_a_hostile_device_cannot_block_or_replace_a_blob(office: Office) -> None:
    """Reproduced on main: an enrolled device that knows (or guesses) a file uploaded garbage
    under its blob id before its owner did; the server took the blob as complete, the owner's
    upload found it so and sent nothing, and every other device showed the file "wird geladen"
    for ever."""
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    http, office_key, office_id = hostile_device(office)
    content = pdf(2 * MIB + 300)
    real = seal_blob(office_key, office_id=office_id, content=content)
    # Garbage sealed under the office key, as only a device of the office can seal it.
    forged = seal_blob(office_key, office_id=office_id, content=pdf(len(content)))
    refused = []
    for attempt in (partial(http.announce_blob, real.blob_id, forged.manifest),
                    *(partial(http.put_chunk, real.blob_id, index, chunk)
                      for index, chunk in enumerate(forged.chunks))):
        with pytest.raises(RefusedError) as error:
            attempt()
        refused.append(error.value.code)
    assert refused == ["blob_manifest", "blob_not_found", "blob_not_found", "blob_not_found"]
    # The real manifest is only digests: it may announce it, and still cannot store garbage.
    assert http.announce_blob(real.blob_id, real.manifest).have == []
    for index, chunk in enumerate(forged.chunks):
        with pytest.raises(RefusedError) as error:
            http.put_chunk(real.blob_id, index, chunk)
        assert error.value.code == "chunk_digest"
    attachment_id = attach(a_db, content)
    a.run()
    assert settled(a_db)
    b.run()
    assert content_of(b_db, attachment_id) == content
    http.close()


def test_an_upload_goes_on_from_the_chunks_another_device_sent(office: Office) -> None:
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    http, office_key, office_id = hostile_device(office)
    content = pdf(3 * MIB)
    sealed = seal_blob(office_key, office_id=office_id, content=content)
    http.announce_blob(sealed.blob_id, sealed.manifest)
    http.put_chunk(sealed.blob_id, 1, sealed.chunks[1])
    http.close()
    attachment_id = attach(a_db, content)
    sent: list[int] = []
    a.run(progress=lambda step: sent.append(step.done) if step.phase == "upload" else None)
    # The same file sealed on another device is the same chunks: the one there is not resent.
    assert sent == [MIB, 3 * MIB]
    assert server_blobs(office) == [(sealed.blob_id, 3, 3)]
    b.run()
    assert content_of(b_db, attachment_id) == content


def test_a_blob_the_server_refuses_is_put_aside_with_its_reason(
    server_db_url: str, local_db: Callable[[str], Sessions], monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reproduced on main: an attachment whose blob the server refused (larger than its
    limit) stayed pending and held back for ever, said nowhere."""
    monkeypatch.setenv("KIM_SERVER_MAX_BLOB_BYTES", str(MIB))
    server = ServerProcess(server_db_url)
    server.start()
    admin = Admin(server_db_url)
    try:
        office = Office(server, admin, admin.office(), local_db)
        (a_db, a), (b_db, b) = office.device("a"), office.device("b")
        attachment_id = attach(a_db, pdf(2 * MIB))
        notes = add_consultations(a_db, 3, random.Random(8))
        result = a.run()
        assert result.rejected == 1 and result.held_back is None
        with a_db() as session:
            [refused] = rejected_changes(session)
            assert (refused.kind, refused.record_id) == ("attachment", attachment_id)
            assert reason_in_words(refused.reason) == messages.REJECTED_BLOB_TOO_LARGE
            assert sync_status(session).rejected == 1 and pending_ids(session) == set()
        b.run()
        assert set(notes) <= set(snapshot(b_db)) and attachment_id not in snapshot(b_db)
        with a_db() as session:
            send_again(session, rejected_id=refused.id)
            assert pending_ids(session) == {attachment_id}
    finally:
        server.stop()
        admin.engine.dispose()


def test_a_blob_pruned_before_its_record_went_is_uploaded_again(office: Office) -> None:
    """The server prunes a blob no record names once it has not been used for the retention;
    a device that had it confirmed and then waited that long to push its record gets
    ``blob_missing``, uploads it again and pushes: nothing is lost, nothing is put aside."""
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    content = pdf(MIB + 5)
    attachment_id = attach(a_db, content)
    # As a device stands whose blob was confirmed, then pruned before its record went.
    with a_db() as session:
        state, office_key = load_state(session), load_office_key(session)
        assert state is not None and office_key is not None
        blob_id = seal_blob(office_key, office_id=state.office_id, content=content).blob_id
        session.execute(update(Attachment).where(Attachment.id == attachment_id)
                        .values(blob_id=blob_id))
        session.add(SyncBlobSent(blob_id=blob_id))
        session.commit()
    first = a.run()
    assert first.rejected == 0 and server_blobs(office) == []
    with a_db() as session:
        assert pending_ids(session) == {attachment_id}
        assert session.scalar(select(func.count()).select_from(SyncBlobSent)) == 0
    a.run()
    assert settled(a_db) and server_blobs(office) == [(blob_id, 2, 2)]
    b.run()
    assert content_of(b_db, attachment_id) == content
    # The record names its blob on the server, which keeps it however old.
    with transaction(office.admin.sessions) as session:
        session.execute(update(ServerBlob).values(
            last_used_at=utcnow() - dt.timedelta(days=400)))
        assert server_blob_service.prune_expired(session, days=30, actor="test").blobs == 0


def test_an_attachment_that_went_under_an_old_blob_id_goes_again_under_its_new_one(
    office: Office,
) -> None:
    """Yesterday's blob ids could not be checked by the server, whose migration
    0013_blob_manifests deleted those blobs. An attachment that had already gone under such an
    id then reached no other device ("kommt nicht an" for ever), though the device that
    attached it still held the file."""
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    content = pdf(MIB + 5)
    attachment_id = attach(a_db, content)
    a.run()
    b.run()
    assert content_of(b_db, attachment_id) == content
    # As yesterday's version left both devices after the server's migration: the record went
    # under an id the server no longer has a blob for, and B pulled it without its content.
    old_id = "0f" * 32
    with a_db() as session:
        session.execute(update(Attachment).where(Attachment.id == attachment_id)
                        .values(blob_id=old_id))
        session.execute(SyncBlobSent.__table__.delete())
        session.commit()
    with b_db() as session:
        session.execute(update(Attachment).where(Attachment.id == attachment_id)
                        .values(blob_id=old_id, content=None))
        session.commit()
    with transaction(office.admin.sessions) as session:
        session.execute(ServerBlob.__table__.delete())

    a.run()
    b.run()
    assert content_of(b_db, attachment_id) == content
    with b_db() as session:
        assert blob_failures(session, [attachment_id]) == {}
        # What a device fetched it knows complete: it never seals that file to check its id.
        assert session.scalar(select(func.count()).select_from(SyncBlobSent)) == 1
    # Once checked, an attachment is not sealed again at every sync.
    with a_db() as session:
        assert session.scalar(select(func.count()).select_from(SyncBlobSent)) == 1


def push_attachment_copy(office: Office, attachment_id: str, sessions: Sessions,
                         **changes: object) -> None:
    """A hostile device pushes a new attachment record copied from ``attachment_id``'s, with
    ``changes`` to its payload."""
    http, office_key, office_id = hostile_device(office)
    with sessions() as session:
        payload = record_to_payload(session.get(Attachment, attachment_id))
    payload.pop("content")
    record_id = str(uuid.uuid4())
    payload.update(id=record_id, filename="copy.pdf", **changes)
    answer = http.push(wire.PushRequest(operations=[wire.PushOperation(
        seq=1, kind="attachment", record_id=record_id, base_version=0,
        ciphertext=b64encode(seal(office_key, office_id=office_id, kind="attachment",
                                  record_id=record_id, version=1, payload=payload)))]))
    assert [result.status for result in answer.results] == [wire.OperationStatus.APPLIED]
    http.close()


def test_content_inside_a_payload_does_not_replace_a_file(office: Office) -> None:
    """Reproduced on main: a hostile device pushed a copy of a real attachment's record with
    a few bytes of its own as "content"; a device that had not fetched the real file yet took
    those bytes for both, and the real file was lost there."""
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    content = pdf(2 * MIB + 300)
    attachment_id = attach(a_db, content)
    a.run()
    push_attachment_copy(office, attachment_id, a_db, content=b64encode(b"%PDF-evil"))
    b.run()
    assert content_of(b_db, attachment_id) == content
    with b_db() as session:
        copies = session.scalars(select(Attachment.content)
                                 .where(Attachment.filename == "copy.pdf")).all()
    assert copies == [content]



def test_an_erased_persons_files_go_from_every_device(office: Office) -> None:
    """Reproduced on main: an erasure blanked the attachment rows on the other devices but left
    the files' bytes there (content travels apart from the payload), and with them in their
    backups."""
    (a_db, a), (b_db, b) = office.device("a"), office.device("b")
    attachment_id = attach(a_db, pdf(MIB + 300))
    a.run()
    b.run()
    assert content_of(b_db, attachment_id) is not None
    with a_db() as session:
        client_id = session.get(Attachment, attachment_id).client_id
        session.info["role"] = "office_admin"  # only the office admin erases
        erase_client(session, client_id=client_id, confirm=True)
    a.run()
    b.run()
    assert content_of(b_db, attachment_id) is None
    with b_db() as session:
        if session.get_bind().dialect.name == "sqlite":  # erased text does not linger
            assert session.scalar(text("PRAGMA secure_delete")) == 1

"""Attachments as blobs: their content goes up and comes down in sealed chunks, apart from the
record payloads, and resumes where a cut sync stopped.

**Up.** Before a push, every pending attachment with content whose blob the server has not
confirmed is sealed (:func:`~kim_desktop.sync.crypto.seal_blob`): the same file gives the same
chunks on every device, and the blob id is the SHA-256 of the chunks' digests, which the server
checks for every chunk it takes. The attachment gets that id, the manifest is announced, and
only the chunks the server lacks go, whichever device sent the others. An attachment record is
held back from the push until its blob is complete on the server (:func:`waiting_for_blob`),
so no device ever pulls a record whose content cannot come. Equal files of an office are one
blob; the second upload finds it complete and sends nothing. When the server refuses a blob for
another reason than a full storage, its attachment is put aside among the refused changes with
the server's reason (``sync_rejected``): listed in the program, sent again or discarded there.

**Down.** After a pull, every attachment without content whose blob id is set is fetched: a
copy of equal content already here is taken as it is, otherwise the chunks are fetched one by
one and each opened chunk is kept (``sync_blob_chunk``) in a transaction of its own, so a cut
download goes on with the next chunk. Once all are there the content is put together, checked
against the record's size and SHA-256, and written into the attachment; until then the
program shows the file as "wird geladen". A chunk that does not open under the office key is
asked for once more; when the copy still does not open, the server lacks it, or the content
does not match, the blob's failure is kept with its reason (``sync_blob_failure``), the
program says so in words, and every later sync tries again. The log counts them, never with
an id.

Writing the content is no local change: the outbox sees nothing (Core statements, past the
ORM's flush hook).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, TypeVar

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from kim_desktop.core.models import Attachment
from kim_desktop.sync.apply import OUTBOX_TABLE
from kim_desktop.sync.crypto import OfficeKey, PayloadError, chunk_count, open_chunk, seal_blob
from kim_desktop.sync.http import QUOTA_EXCEEDED, RefusedError, SyncHttp
from kim_desktop.sync.payloads import payloads_of
from kim_desktop.sync.push import lock_for_write
from kim_desktop.sync.state import (
    BLOB_DAMAGED,
    BLOB_MISMATCH,
    BLOB_MISSING,
    SyncBase,
    SyncBlobChunk,
    SyncBlobFailure,
    SyncBlobSent,
    SyncRejected,
    SyncState,
)
from kim_protocol.wire import BLOB_CHUNK_BYTES

_T = TypeVar("_T")
log = logging.getLogger(__name__)

ATTACHMENTS: Table = Attachment.__table__  # type: ignore[assignment]
_SENT: Table = SyncBlobSent.__table__  # type: ignore[assignment]
_CHUNKS: Table = SyncBlobChunk.__table__  # type: ignore[assignment]
_FAILURES: Table = SyncBlobFailure.__table__  # type: ignore[assignment]



@dataclass(frozen=True)
class BlobProgress:
    """Content bytes sent or fetched so far in this step, of ``total``."""

    direction: str  # "upload" or "download"
    done: int
    total: int


class Transaction(Protocol):
    def __call__(self, work: Callable[[Session], _T], /) -> _T: ...


class Retrying(Protocol):
    def __call__(self, call: Callable[[], _T], cancel: threading.Event, /) -> _T: ...


@dataclass(frozen=True)
class Blob:
    blob_id: str
    size: int
    sha256: str = ""


def _pending_attachments() -> Any:
    """Attachments with content and changes waiting in the outbox."""
    return (ATTACHMENTS.c.id.in_(select(OUTBOX_TABLE.c.record_id)
                                 .where(OUTBOX_TABLE.c.kind == "attachment"))
            & ATTACHMENTS.c.content.is_not(None) & ATTACHMENTS.c.deleted_at.is_(None))


def waiting_for_blob(session: Session) -> set[str]:
    """Ids of pending attachments whose blob the server does not have complete yet: the push
    holds them back."""
    connection = session.connection()
    return set(connection.scalars(
        select(ATTACHMENTS.c.id).where(
            _pending_attachments(),
            ATTACHMENTS.c.blob_id.is_(None)
            | ATTACHMENTS.c.blob_id.not_in(select(_SENT.c.blob_id)))
    ))  # fmt: skip


def prepare_uploads(session: Session) -> list[Blob]:
    """The files pending attachments need on the server and it has not confirmed, each once
    (by SHA-256; ``blob_id`` as known so far)."""
    rows = session.connection().execute(
        select(ATTACHMENTS.c.blob_id, ATTACHMENTS.c.size, ATTACHMENTS.c.sha256).where(
            _pending_attachments(),
            ATTACHMENTS.c.blob_id.is_(None)
            | ATTACHMENTS.c.blob_id.not_in(select(_SENT.c.blob_id)))
    ).all()  # fmt: skip
    return list({row.sha256: Blob(row.blob_id or "", row.size, row.sha256)
                 for row in rows}.values())


def renew_unchecked_blob_ids(office_key: OfficeKey, office_id: str, session: Session) -> int:
    """Gives each attachment whose file is here, whose blob this device has not seen complete
    on the server, and which waits for no push, the blob id its content has now; returns how
    many had another one.

    Yesterday's version named blobs otherwise; the server could not check those and deleted
    them (its migration 0013_blob_manifests). A record that had gone under such an id would
    reach no other device. Its attachment now changes here (a new version in the outbox), so
    its blob is uploaded under the new id and the record goes again. An attachment whose id
    is right is marked as seen complete (this device has its file), and is not sealed again.
    """
    lock_for_write(session)
    rows = session.connection().execute(
        select(ATTACHMENTS.c.id, ATTACHMENTS.c.blob_id, ATTACHMENTS.c.content).where(
            ATTACHMENTS.c.content.is_not(None), ATTACHMENTS.c.blob_id.is_not(None),
            ATTACHMENTS.c.deleted_at.is_(None),
            ATTACHMENTS.c.blob_id.not_in(select(_SENT.c.blob_id)),
            ATTACHMENTS.c.id.not_in(select(OUTBOX_TABLE.c.record_id)
                                    .where(OUTBOX_TABLE.c.kind == "attachment")))
    ).all()  # fmt: skip
    renamed = 0
    confirmed: set[str] = set()
    for row in rows:
        current = seal_blob(office_key, office_id=office_id, content=bytes(row.content)).blob_id
        if current == row.blob_id:
            confirmed.add(current)
            continue
        attachment = session.get(Attachment, row.id)
        assert attachment is not None
        attachment.blob_id = None  # a local change: a new version, in the outbox
        renamed += 1
    for blob_id in confirmed:
        _seen_complete(session.connection(), blob_id)
    session.commit()
    if renamed:
        log.warning("attachments under an old blob id go again: %d", renamed)
    return renamed


def _content_of(sha256: str, session: Session) -> bytes:
    content = session.connection().scalar(
        select(ATTACHMENTS.c.content)
        .where(ATTACHMENTS.c.sha256 == sha256, ATTACHMENTS.c.content.is_not(None)).limit(1))
    assert content is not None
    return bytes(content)


def _name_blob(sha256: str, blob_id: str, session: Session) -> None:
    """Gives the pending attachments of this content their blob id."""
    lock_for_write(session)
    session.connection().execute(
        update(ATTACHMENTS).where(_pending_attachments(), ATTACHMENTS.c.sha256 == sha256)
        .values(blob_id=blob_id))  # fmt: skip
    session.commit()


def _seen_complete(connection: Any, blob_id: str) -> None:
    """Keeps that the server has ``blob_id`` complete (this device sent or fetched it)."""
    if connection.scalar(select(_SENT.c.blob_id).where(_SENT.c.blob_id == blob_id)) is None:
        connection.execute(insert(_SENT), {"blob_id": blob_id})


def _mark_sent(blob_id: str, session: Session) -> None:
    _seen_complete(session.connection(), blob_id)
    session.commit()


def _put_aside(sha256: str, reason: str, session: Session) -> int:
    """Puts the pending attachments of a file whose blob the server refused among the refused
    changes, with its reason, out of the outbox: the program lists them, to send again or
    discard. Returns how many."""
    lock_for_write(session)
    connection = session.connection()
    ids = list(connection.scalars(select(ATTACHMENTS.c.id).where(
        _pending_attachments(), ATTACHMENTS.c.sha256 == sha256)))
    payloads = payloads_of(session, "attachment", ids)
    for attachment_id in ids:
        base = session.get(SyncBase, attachment_id)
        session.add(SyncRejected(
            seq=0, kind="attachment", record_id=attachment_id,
            base_version=base.version if base is not None else 0, reason=reason[:500],
            payload=json.dumps(payloads[attachment_id]),
        ))  # fmt: skip
    connection.execute(delete(OUTBOX_TABLE).where(OUTBOX_TABLE.c.record_id.in_(ids)))
    session.commit()
    return len(ids)


def prepare_downloads(session: Session) -> list[Blob]:
    """The blobs pulled attachments still wait for, each once. Content already here under the
    same blob id (an equal file) is copied first, and the chunks of blobs no attachment waits
    for any more are dropped, in this transaction."""
    lock_for_write(session)
    connection = session.connection()
    waiting = connection.execute(
        select(ATTACHMENTS.c.id, ATTACHMENTS.c.blob_id, ATTACHMENTS.c.size,
               ATTACHMENTS.c.sha256)
        .where(ATTACHMENTS.c.content.is_(None), ATTACHMENTS.c.blob_id.is_not(None),
               ATTACHMENTS.c.deleted_at.is_(None))
    ).all()  # fmt: skip
    blobs: dict[str, Blob] = {}
    for row in waiting:
        if row.blob_id in blobs:
            continue
        have = connection.scalar(
            select(ATTACHMENTS.c.content).where(
                ATTACHMENTS.c.blob_id == row.blob_id, ATTACHMENTS.c.content.is_not(None),
                ATTACHMENTS.c.sha256 == row.sha256).limit(1))  # fmt: skip
        if have is not None:
            _fill(connection, row.blob_id, row.sha256, bytes(have))
        else:
            blobs[row.blob_id] = Blob(row.blob_id, row.size, row.sha256)
    # Chunks and failures of a blob no attachment waits for any more (it was deleted
    # meanwhile, or has arrived) go.
    waited_for = [row.blob_id for row in waiting]
    connection.execute(delete(_CHUNKS).where(_CHUNKS.c.blob_id.not_in(waited_for)))
    connection.execute(delete(_FAILURES).where(
        _FAILURES.c.blob_id.not_in(list(blobs))))
    session.commit()
    return list(blobs.values())


def _fill(connection: Any, blob_id: str, sha256: str, content: bytes) -> None:
    connection.execute(
        update(ATTACHMENTS)
        .where(ATTACHMENTS.c.blob_id == blob_id, ATTACHMENTS.c.sha256 == sha256,
               ATTACHMENTS.c.content.is_(None))
        .values(content=content))  # fmt: skip


def _chunks_here(blob_id: str, session: Session) -> set[int]:
    return set(session.connection().scalars(
        select(_CHUNKS.c.chunk_index).where(_CHUNKS.c.blob_id == blob_id)))


def _keep_chunk(blob_id: str, index: int, content: bytes, session: Session) -> None:
    connection = session.connection()
    connection.execute(delete(_CHUNKS).where(_CHUNKS.c.blob_id == blob_id,
                                             _CHUNKS.c.chunk_index == index))
    connection.execute(insert(_CHUNKS), {"blob_id": blob_id, "chunk_index": index,
                                         "content": content})
    session.commit()


def _failed(blob_id: str, reason: str, session: Session) -> None:
    connection = session.connection()
    connection.execute(delete(_FAILURES).where(_FAILURES.c.blob_id == blob_id))
    connection.execute(insert(_FAILURES), {"blob_id": blob_id, "reason": reason})
    session.commit()


def _assemble(blob: Blob, session: Session) -> bool:
    """Puts the chunks together into the attachments that wait for them; False (and the
    chunks dropped, the failure kept) when the content does not match the record."""
    lock_for_write(session)
    connection = session.connection()
    content = b"".join(connection.scalars(
        select(_CHUNKS.c.content).where(_CHUNKS.c.blob_id == blob.blob_id)
        .order_by(_CHUNKS.c.chunk_index)))  # fmt: skip
    matches = len(content) == blob.size and hashlib.sha256(content).hexdigest() == blob.sha256
    connection.execute(delete(_FAILURES).where(_FAILURES.c.blob_id == blob.blob_id))
    if matches:
        _fill(connection, blob.blob_id, blob.sha256, content)
        # Fetched by the chunks' digests, so its id is of the current form: no need to seal
        # it again to check (renew_unchecked_blob_ids).
        _seen_complete(connection, blob.blob_id)
    else:
        connection.execute(insert(_FAILURES), {"blob_id": blob.blob_id, "reason": BLOB_MISMATCH})
    connection.execute(delete(_CHUNKS).where(_CHUNKS.c.blob_id == blob.blob_id))
    session.commit()
    return matches


def _expected_length(blob: Blob, index: int, count: int) -> int:
    return blob.size - (count - 1) * BLOB_CHUNK_BYTES if index == count - 1 \
        else BLOB_CHUNK_BYTES


class BlobTransfer:
    """The blob steps of one sync run (:class:`~kim_desktop.sync.client.SyncClient`)."""

    def __init__(self, http: SyncHttp, state: SyncState, office_key: OfficeKey,
                 transaction: Transaction, retrying: Retrying,
                 report: Callable[[BlobProgress], None], cancel: threading.Event) -> None:
        self.http, self.state, self.office_key = http, state, office_key
        self.transaction, self.retrying = transaction, retrying
        self.report, self.cancel = report, cancel
        #: Blobs fetched and written into their attachments by :meth:`download`.
        self.fetched = 0
        #: Attachments :meth:`upload` put aside because the server refused their blob.
        self.refused = 0

    def upload(self) -> bool:
        """Sends every blob pending attachments need; False when cancelled midway."""
        blobs = self.transaction(prepare_uploads)
        total = sum(blob.size for blob in blobs)
        done = 0
        for blob in blobs:
            if self.cancel.is_set():
                return False
            try:
                if not self._upload(blob, done, total):
                    return False
            except RefusedError as error:
                if error.code == QUOTA_EXCEEDED:
                    raise
                # Its attachments are put aside with the reason; the others go.
                self.refused += self.transaction(partial(
                    _put_aside, blob.sha256, f"{error.code or 'refused'}: {error}"))
                log.warning("attachment blob refused by the server: %s", error.code)
            done += blob.size
        return True

    def _upload(self, blob: Blob, done: int, total: int) -> bool:
        """Seals one file, announces its blob and sends the chunks the server lacks; False
        when cancelled midway."""
        content = self.transaction(partial(_content_of, blob.sha256))
        sealed = seal_blob(self.office_key, office_id=self.state.office_id, content=content)
        blob = Blob(sealed.blob_id, blob.size, blob.sha256)
        self.transaction(partial(_name_blob, blob.sha256, blob.blob_id))
        status = self.retrying(partial(self.http.announce_blob, blob.blob_id, sealed.manifest),
                               self.cancel)
        have = set(status.have)
        for index, chunk in enumerate(sealed.chunks):
            if index in have:
                continue
            if self.cancel.is_set():
                return False
            status = self.retrying(partial(self.http.put_chunk, blob.blob_id, index, chunk),
                                   self.cancel)
            self.report(BlobProgress(
                "upload", done + min(blob.size, (index + 1) * BLOB_CHUNK_BYTES), total))
        if status.complete:
            self.transaction(partial(_mark_sent, blob.blob_id))
        return True

    def download(self) -> bool:
        """Fetches every blob pulled attachments wait for; False when cancelled midway."""
        blobs = self.transaction(prepare_downloads)
        total = sum(blob.size for blob in blobs)
        done = 0
        failed = 0
        for blob in blobs:
            count = chunk_count(blob.size)
            here = self.transaction(partial(_chunks_here, blob.blob_id))
            for index in range(count):
                length = _expected_length(blob, index, count)
                if index not in here:
                    if self.cancel.is_set():
                        return False
                    failure = self._fetch(blob, index, count)
                    if failure is not None:
                        self.transaction(partial(_failed, blob.blob_id, failure))
                        failed += 1
                        break
                    self.report(BlobProgress("download", done + length, total))
                done += length
            else:
                if self.transaction(partial(_assemble, blob)):
                    self.fetched += 1
                else:
                    failed += 1
        if failed:
            log.warning("attachments not fetched, they will be tried again: %d", failed)
        return True

    def _fetch(self, blob: Blob, index: int, count: int) -> str | None:
        """Fetches and keeps one chunk; the reason when no good copy came (a copy that does
        not open is asked for once more: it may have been damaged on its way)."""
        for _attempt in range(2):
            sealed = self.retrying(partial(self.http.get_chunk, blob.blob_id, index),
                                   self.cancel)
            if sealed is None:
                return BLOB_MISSING
            try:
                content = open_chunk(self.office_key, office_id=self.state.office_id,
                                     content_sha256=blob.sha256, index=index, count=count,
                                     sealed=sealed)
            except PayloadError:
                continue
            if len(content) != _expected_length(blob, index, count):
                return BLOB_MISMATCH
            self.transaction(partial(_keep_chunk, blob.blob_id, index, content))
            return None
        return BLOB_DAMAGED

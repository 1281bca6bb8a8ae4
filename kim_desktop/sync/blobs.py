"""Attachments as blobs: their content goes up and comes down in sealed chunks, apart from the
record payloads, and resumes where a cut sync stopped.

**Up.** Before a push, every pending attachment with content gets its blob id
(:func:`~kim_desktop.sync.crypto.blob_id_of`), and each blob the server does not have complete
is sent chunk by chunk: the server says which chunks it has, and only the others go. An
attachment record is held back from the push until its blob is complete on the server
(:func:`waiting_for_blob`), so no device ever pulls a record whose content cannot come. Equal
files of an office have one blob id; the second upload finds it complete and sends nothing.

**Down.** After a pull, every attachment without content whose blob id is set is fetched: a
copy of equal content already here is taken as it is, otherwise the chunks are fetched one by
one and each opened chunk is kept (``sync_blob_chunk``) in a transaction of its own, so a cut
download goes on with the next chunk. Once all are there the content is put together, checked
against the record's size and SHA-256, and written into the attachment; until then the
program shows the file as "wird geladen". A chunk that does not open under the office key, or
content that does not match, is dropped and fetched again at a later sync; it is counted in
the log, never with an id.

Writing the content is no local change: the outbox sees nothing (Core statements, past the
ORM's flush hook).
"""

from __future__ import annotations

import hashlib
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
from kim_desktop.sync.crypto import (
    OfficeKey,
    PayloadError,
    blob_id_of,
    chunk_count,
    open_chunk,
    seal_chunk,
)
from kim_desktop.sync.http import QUOTA_EXCEEDED, RefusedError, SyncHttp
from kim_desktop.sync.push import lock_for_write
from kim_desktop.sync.state import SyncBlobChunk, SyncBlobSent, SyncState
from kim_protocol.wire import BLOB_CHUNK_BYTES

_T = TypeVar("_T")
log = logging.getLogger(__name__)

ATTACHMENTS: Table = Attachment.__table__  # type: ignore[assignment]
_SENT: Table = SyncBlobSent.__table__  # type: ignore[assignment]
_CHUNKS: Table = SyncBlobChunk.__table__  # type: ignore[assignment]


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


def prepare_uploads(session: Session, office_key: OfficeKey) -> list[Blob]:
    """Gives every pending attachment with content its blob id and returns the blobs not yet
    complete on the server, each once. One transaction."""
    lock_for_write(session)
    connection = session.connection()
    for attachment_id in connection.scalars(
        select(ATTACHMENTS.c.id).where(_pending_attachments(), ATTACHMENTS.c.blob_id.is_(None))
    ).all():
        content = connection.scalar(
            select(ATTACHMENTS.c.content).where(ATTACHMENTS.c.id == attachment_id))
        assert content is not None
        connection.execute(update(ATTACHMENTS).where(ATTACHMENTS.c.id == attachment_id)
                           .values(blob_id=blob_id_of(office_key, content)))
    rows = connection.execute(
        select(ATTACHMENTS.c.blob_id, ATTACHMENTS.c.size).where(
            _pending_attachments(), ATTACHMENTS.c.blob_id.not_in(select(_SENT.c.blob_id)))
    ).all()  # fmt: skip
    session.commit()
    return list({row.blob_id: Blob(row.blob_id, row.size) for row in rows}.values())


def _content_of(blob_id: str, session: Session) -> bytes:
    content = session.connection().scalar(
        select(ATTACHMENTS.c.content)
        .where(ATTACHMENTS.c.blob_id == blob_id, ATTACHMENTS.c.content.is_not(None)).limit(1))
    assert content is not None
    return bytes(content)


def _mark_sent(blob_id: str, session: Session) -> None:
    connection = session.connection()
    if connection.scalar(select(_SENT.c.blob_id).where(_SENT.c.blob_id == blob_id)) is None:
        connection.execute(insert(_SENT), {"blob_id": blob_id})
    session.commit()


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
    # Chunks of a blob no attachment waits for any more (it was deleted meanwhile) go.
    connection.execute(delete(_CHUNKS).where(
        _CHUNKS.c.blob_id.not_in([row.blob_id for row in waiting])))
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


def _assemble(blob: Blob, session: Session) -> bool:
    """Puts the chunks together into the attachments that wait for them; False (and the
    chunks dropped) when the content does not match the record."""
    lock_for_write(session)
    connection = session.connection()
    content = b"".join(connection.scalars(
        select(_CHUNKS.c.content).where(_CHUNKS.c.blob_id == blob.blob_id)
        .order_by(_CHUNKS.c.chunk_index)))  # fmt: skip
    matches = len(content) == blob.size and hashlib.sha256(content).hexdigest() == blob.sha256
    if matches:
        _fill(connection, blob.blob_id, blob.sha256, content)
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

    def upload(self) -> bool:
        """Sends every blob pending attachments need; False when cancelled midway."""
        blobs = self.transaction(partial(prepare_uploads, office_key=self.office_key))
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
                # Its attachment stays pending and held back; the others go.
                log.warning("attachment blob refused by the server: %s", error.code)
            done += blob.size
        return True

    def _upload(self, blob: Blob, done: int, total: int) -> bool:
        """Sends the chunks of one blob the server lacks; False when cancelled midway."""
        count = chunk_count(blob.size)
        status = self.retrying(partial(self.http.blob_status, blob.blob_id), self.cancel)
        if status is None or not status.complete:
            have = set(status.have) if status is not None else set()
            content = self.transaction(partial(_content_of, blob.blob_id))
            for index in range(count):
                start = index * BLOB_CHUNK_BYTES
                if index not in have:
                    if self.cancel.is_set():
                        return False
                    sealed = seal_chunk(
                        self.office_key, office_id=self.state.office_id, blob_id=blob.blob_id,
                        index=index, count=count, content=content[start:start + BLOB_CHUNK_BYTES])
                    status = self.retrying(partial(self.http.put_chunk, blob.blob_id, index,
                                                   count, sealed), self.cancel)
                    self.report(BlobProgress(
                        "upload", done + min(blob.size, start + BLOB_CHUNK_BYTES), total))
        if status is not None and status.complete:
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
                    if not self._fetch(blob, index, count):
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

    def _fetch(self, blob: Blob, index: int, count: int) -> bool:
        sealed = self.retrying(partial(self.http.get_chunk, blob.blob_id, index), self.cancel)
        if sealed is None:
            return False
        try:
            content = open_chunk(self.office_key, office_id=self.state.office_id,
                                 blob_id=blob.blob_id, index=index, count=count, sealed=sealed)
        except PayloadError:
            return False
        if len(content) != _expected_length(blob, index, count):
            return False
        self.transaction(partial(_keep_chunk, blob.blob_id, index, content))
        return True

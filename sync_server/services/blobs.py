"""Blobs: attachments' content in sealed chunks, stored per office (ciphertext only).

A blob is addressed by what the server can check itself. Its id is the SHA-256 of its
*manifest*, the SHA-256 digests of its sealed chunks one after another, and each chunk must
hash to its digest there. A device first announces the manifest (:func:`announce`), then
uploads the chunks (:func:`put_chunk`), each in a transaction of its own, so a cut upload
resumes with the chunks the server lacks (:func:`status`), whichever device sent the others.
Nothing but the right bytes can be stored under an id: no device can block or replace another
device's blob by uploading first. Devices seal deterministically (the nonce comes from the
chunk), so equal files of an office have equal chunks and one blob. Chunks and manifests count
into the office's storage (``offices.stored_bytes``), under the same row lock as a push.

The server cannot read a chunk. Besides the digests it checks sizes: every chunk but the last
is exactly :data:`~kim_protocol.wire.SEALED_CHUNK_BYTES`, so a blob stores at most its count of
those. Every lookup is scoped to the device's office: a blob id of another office is simply
unknown here.

**Pruning.** A pushed record names its blob (``records.blob_id``), and a blob keeps when it was
last announced, uploaded to or named by a push (``blobs.last_used_at``). :func:`prune_unused`
deletes the blobs that no live record names and that have not been used for the retention: an
upload left incomplete, a blob whose record never came, an attachment deleted (its tombstone
keeps the name for the retention), so devices that have not synced since still find it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Connection,
    Select,
    Table,
    bindparam,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from kim_protocol import wire
from sync_server.db import utcnow
from sync_server.models import Blob, BlobChunk, Office, SyncRecord
from sync_server.services import audit
from sync_server.services.sync import MIN_CIPHERTEXT_BYTES, QuotaExceeded

BLOBS: Table = Blob.__table__  # type: ignore[assignment]
CHUNKS: Table = BlobChunk.__table__  # type: ignore[assignment]
OFFICES: Table = Office.__table__  # type: ignore[assignment]
RECORDS: Table = SyncRecord.__table__  # type: ignore[assignment]

_LOCK_OFFICE = (
    update(OFFICES)
    .where(OFFICES.c.id == bindparam("office_id"))
    .values(stored_bytes=OFFICES.c.stored_bytes)
    .returning(OFFICES.c.stored_bytes)
)


class BlobError(Exception):
    """A chunk or blob request the server refuses: status, stable code, German message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


def max_chunks(max_blob_bytes: int) -> int:
    """The most chunks a blob of at most ``max_blob_bytes`` content bytes has."""
    return -(-max_blob_bytes // wire.BLOB_CHUNK_BYTES)


@dataclass(frozen=True)
class BlobLimits:
    max_blob_bytes: int = 25 * 1024 * 1024
    office_quota_bytes: int = 20 * 1024**3


def _have(connection: Connection, office_id: str, blob_id: str) -> list[int]:
    return list(connection.scalars(
        select(CHUNKS.c.chunk_index)
        .where(CHUNKS.c.office_id == office_id, CHUNKS.c.blob_id == blob_id)
        .order_by(CHUNKS.c.chunk_index)
    ))  # fmt: skip


def status(connection: Connection, *, office_id: str, blob_id: str) -> wire.BlobStatus | None:
    """What the office stores of the blob, or None when it has none of it."""
    row = connection.execute(
        select(BLOBS.c.count.label("chunks"), BLOBS.c.completed_at)
        .where(BLOBS.c.office_id == office_id, BLOBS.c.blob_id == blob_id)
    ).one_or_none()  # fmt: skip
    if row is None:
        return None
    have = _have(connection, office_id, blob_id)
    return wire.BlobStatus(
        blob_id=blob_id, count=row.chunks, have=have, complete=row.completed_at is not None
    )


def _stored_status(connection: Connection, office_id: str, blob_id: str) -> wire.BlobStatus:
    result = status(connection, office_id=office_id, blob_id=blob_id)
    assert result is not None
    return result


def _grow(connection: Connection, office_id: str, stored_bytes: int, grown: int,
          limits: BlobLimits) -> None:
    """Counts ``grown`` bytes into the office's storage (row locked by the caller);
    :class:`QuotaExceeded` when they do not fit."""
    if stored_bytes + grown > limits.office_quota_bytes:
        raise QuotaExceeded
    connection.execute(
        update(OFFICES).where(OFFICES.c.id == office_id)
        .values(stored_bytes=OFFICES.c.stored_bytes + grown)
    )  # fmt: skip


def announce(connection: Connection, *, office_id: str, blob_id: str, manifest: bytes,
             limits: BlobLimits) -> wire.BlobStatus:
    """Registers a blob by its manifest in the caller's transaction, or answers the status of
    the blob already there (an equal id is an equal manifest). Raises :class:`BlobError` for a
    manifest that is not one or does not hash to ``blob_id``, :class:`QuotaExceeded` when the
    office's storage is full."""
    if not manifest or len(manifest) % wire.CHUNK_DIGEST_BYTES:
        raise BlobError(
            422, "blob_manifest",
            "Die Prüfsummen des Anhangs sind unvollständig angekommen.",
        )  # fmt: skip
    count = len(manifest) // wire.CHUNK_DIGEST_BYTES
    if count > max_chunks(limits.max_blob_bytes):
        raise BlobError(
            413, "blob_too_large",
            "Der Anhang ist zu groß für den Sync-Server (zu viele Teile).",
        )  # fmt: skip
    if hashlib.sha256(manifest).hexdigest() != blob_id:
        raise BlobError(
            422, "blob_manifest",
            "Die Prüfsummen des Anhangs passen nicht zu seiner Kennung.",
        )  # fmt: skip
    stored_bytes = connection.execute(_LOCK_OFFICE, {"office_id": office_id}).scalar_one()
    now = utcnow()
    if status(connection, office_id=office_id, blob_id=blob_id) is None:
        _grow(connection, office_id, stored_bytes, len(manifest), limits)
        connection.execute(insert(BLOBS), {
            "office_id": office_id, "blob_id": blob_id, "count": count, "stored": 0,
            "manifest": manifest, "created_at": now, "last_used_at": now,
        })  # fmt: skip
    else:
        # Found by a device about to push a record naming it: not to be pruned meanwhile.
        connection.execute(update(BLOBS).where(BLOBS.c.office_id == office_id,
                                               BLOBS.c.blob_id == blob_id)
                           .values(last_used_at=now))
    return _stored_status(connection, office_id, blob_id)


def put_chunk(
    connection: Connection, *, office_id: str, blob_id: str, index: int, ciphertext: bytes,
    limits: BlobLimits,
) -> wire.BlobStatus:
    """Stores chunk ``index`` of an announced blob in the caller's transaction; raises
    :class:`BlobError` for a chunk that cannot belong there (its digest among them),
    :class:`QuotaExceeded` when the office's storage is full. A chunk already stored is the
    same bytes, and is answered with the status."""
    if len(ciphertext) > wire.SEALED_CHUNK_BYTES:
        raise BlobError(413, "chunk_too_large", "Ein Anhangteil ist zu groß.")
    stored_bytes = connection.execute(_LOCK_OFFICE, {"office_id": office_id}).scalar_one()
    where = (BLOBS.c.office_id == office_id, BLOBS.c.blob_id == blob_id)
    blob = connection.execute(
        select(BLOBS.c.count.label("chunks"), BLOBS.c.stored, BLOBS.c.manifest).where(*where)
    ).one_or_none()
    if blob is None:
        raise BlobError(
            404, "blob_not_found",
            "Diesen Anhang gibt es auf dem Server nicht: seine Prüfsummen fehlen.",
        )  # fmt: skip
    if not 0 <= index < blob.chunks:
        raise BlobError(
            422, "chunk_index",
            "Die Nummer des Anhangteils liegt außerhalb des Anhangs.",
        )  # fmt: skip
    if len(ciphertext) < MIN_CIPHERTEXT_BYTES or (
        index < blob.chunks - 1 and len(ciphertext) != wire.SEALED_CHUNK_BYTES
    ):
        raise BlobError(
            422, "chunk_size",
            "Ein Anhangteil hat nicht die Größe, die seine Stelle im Anhang verlangt.",
        )  # fmt: skip
    start = index * wire.CHUNK_DIGEST_BYTES
    if hashlib.sha256(ciphertext).digest() != bytes(
            blob.manifest[start:start + wire.CHUNK_DIGEST_BYTES]):
        raise BlobError(
            422, "chunk_digest",
            "Ein Anhangteil passt nicht zu seiner Prüfsumme und wird nicht angenommen.",
        )  # fmt: skip
    have = connection.scalar(
        select(CHUNKS.c.chunk_index)
        .where(CHUNKS.c.office_id == office_id, CHUNKS.c.blob_id == blob_id,
               CHUNKS.c.chunk_index == index)
    )  # fmt: skip
    if have is None:
        _grow(connection, office_id, stored_bytes, len(ciphertext), limits)
        connection.execute(insert(CHUNKS), {
            "office_id": office_id, "blob_id": blob_id, "chunk_index": index,
            "ciphertext": ciphertext,
        })  # fmt: skip
        stored = blob.stored + 1
        now = utcnow()
        connection.execute(
            update(BLOBS).where(*where)
            .values(stored=stored, completed_at=now if stored == blob.chunks else None,
                    last_used_at=now)
        )  # fmt: skip
    return _stored_status(connection, office_id, blob_id)


def get_chunk(connection: Connection, *, office_id: str, blob_id: str, index: int) -> bytes:
    """A stored chunk of a complete blob of the office; :class:`BlobError` 404 otherwise (an
    incomplete blob is still being uploaded)."""
    row = connection.execute(
        select(CHUNKS.c.ciphertext)
        .join(BLOBS, (BLOBS.c.office_id == CHUNKS.c.office_id)
              & (BLOBS.c.blob_id == CHUNKS.c.blob_id))
        .where(CHUNKS.c.office_id == office_id, CHUNKS.c.blob_id == blob_id,
               CHUNKS.c.chunk_index == index, BLOBS.c.completed_at.is_not(None))
    ).scalar_one_or_none()  # fmt: skip
    if row is None:
        raise BlobError(404, "chunk_not_found", "Dieser Anhangteil liegt nicht auf dem Server.")
    return bytes(row)


@dataclass(frozen=True)
class PrunedBlobs:
    blobs: int
    bytes: int


def _unused(office_id: str | None, older_than: dt.datetime) -> Select[Any]:
    """Blobs not used since ``older_than`` that no live record names, nor a tombstone of
    after ``older_than``; of one office, or of all with ``office_id`` None."""
    named = exists().where(
        RECORDS.c.office_id == BLOBS.c.office_id, RECORDS.c.blob_id == BLOBS.c.blob_id,
        RECORDS.c.deleted.is_(False) | (RECORDS.c.updated_at >= older_than))
    query = select(BLOBS.c.office_id, BLOBS.c.blob_id).where(
        BLOBS.c.last_used_at < older_than, ~named)
    return query if office_id is None else query.where(BLOBS.c.office_id == office_id)


def prune_unused(connection: Connection, *, older_than: dt.datetime) -> PrunedBlobs:
    """Deletes, in the caller's transaction, the blobs no record needs any more: unused since
    ``older_than`` (an upload left incomplete, a blob whose record never came) and named by no
    live record nor by a tombstone of after ``older_than`` (an attachment deleted, its record
    edited to another file). Their bytes leave the office's storage. Each office's blobs are
    judged again under its row lock, so an upload or a push naming one meanwhile keeps it."""
    offices = sorted({row.office_id for row in connection.execute(_unused(None, older_than))})
    pruned = freed = 0
    for office_id in offices:
        connection.execute(_LOCK_OFFICE, {"office_id": office_id})
        blob_ids = [row.blob_id for row in connection.execute(_unused(office_id, older_than))]
        if not blob_ids:
            continue
        chunks = (CHUNKS.c.office_id == office_id, CHUNKS.c.blob_id.in_(blob_ids))
        blobs = (BLOBS.c.office_id == office_id, BLOBS.c.blob_id.in_(blob_ids))
        size = int(connection.scalar(
            select(func.coalesce(func.sum(func.length(CHUNKS.c.ciphertext)), 0)).where(*chunks)
        ) or 0) + int(connection.scalar(
            select(func.coalesce(func.sum(func.length(BLOBS.c.manifest)), 0)).where(*blobs)
        ) or 0)  # fmt: skip
        connection.execute(delete(CHUNKS).where(*chunks))
        connection.execute(delete(BLOBS).where(*blobs))
        connection.execute(
            update(OFFICES).where(OFFICES.c.id == office_id)
            .values(stored_bytes=OFFICES.c.stored_bytes - size)
        )  # fmt: skip
        pruned += len(blob_ids)
        freed += size
    return PrunedBlobs(blobs=pruned, bytes=freed)


def prune_expired(session: Session, *, days: int, actor: str) -> PrunedBlobs:
    """:func:`prune_unused` for the retention of ``days``, in the session's transaction, with
    an entry in the admin audit log when any went (``kim-server prune`` and ``serve``)."""
    pruned = prune_unused(session.connection(),
                          older_than=utcnow() - dt.timedelta(days=days))
    if pruned.blobs:
        audit.record(session, actor=actor, action="blobs.prune",
                     detail={"days": days, "blobs": pruned.blobs, "bytes": pruned.bytes})
    return pruned

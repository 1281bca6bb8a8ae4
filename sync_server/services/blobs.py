"""Blobs: attachments' content in sealed chunks, stored per office (ciphertext only).

A device uploads a blob chunk by chunk (:func:`put_chunk`), each in a transaction of its own,
so a cut upload resumes with the chunks the server lacks (:func:`status`). The first chunk
fixes the blob's chunk count; a chunk that names another count, an index outside it, or a size
no chunk of that place can have is refused with its own code, and nothing is stored. Once the
server has every chunk the blob is complete and never changes again. Chunks count into the
office's storage (``offices.stored_bytes``), under the same row lock as a push.

The server cannot read a chunk. It checks what it can: sizes (every chunk but the last is
exactly :data:`~kim_protocol.wire.SEALED_CHUNK_BYTES`, so a blob stores at most its count of
those) and counts. Every lookup is scoped to the device's office: a blob id of another office
is simply unknown here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from kim_protocol import wire
from sync_server.db import utcnow
from sync_server.models import Blob, BlobChunk, Office
from sync_server.services.sync import MIN_CIPHERTEXT_BYTES, QuotaExceeded

BLOBS: Table = Blob.__table__  # type: ignore[assignment]
CHUNKS: Table = BlobChunk.__table__  # type: ignore[assignment]
OFFICES: Table = Office.__table__  # type: ignore[assignment]

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


def put_chunk(
    connection: Connection, *, office_id: str, blob_id: str, index: int, count: int,
    ciphertext: bytes, limits: BlobLimits,
) -> wire.BlobStatus:
    """Stores chunk ``index`` of ``count`` in the caller's transaction; raises
    :class:`BlobError` for a chunk that cannot belong there, :class:`QuotaExceeded` when the
    office's storage is full. A chunk sent again replaces the one stored, until the blob is
    complete; after that the blob is left as it is and its status answered."""
    if not 1 <= count <= max_chunks(limits.max_blob_bytes):
        raise BlobError(
            413, "blob_too_large",
            "Der Anhang ist zu groß für den Sync-Server (zu viele Teile).",
        )  # fmt: skip
    if not 0 <= index < count:
        raise BlobError(
            422, "chunk_index",
            "Die Nummer des Anhangteils liegt außerhalb des Anhangs.",
        )  # fmt: skip
    if len(ciphertext) > wire.SEALED_CHUNK_BYTES:
        raise BlobError(413, "chunk_too_large", "Ein Anhangteil ist zu groß.")
    if len(ciphertext) < MIN_CIPHERTEXT_BYTES or (
        index < count - 1 and len(ciphertext) != wire.SEALED_CHUNK_BYTES
    ):
        raise BlobError(
            422, "chunk_size",
            "Ein Anhangteil hat nicht die Größe, die seine Stelle im Anhang verlangt.",
        )  # fmt: skip
    stored_bytes = connection.execute(_LOCK_OFFICE, {"office_id": office_id}).scalar_one()
    where = (BLOBS.c.office_id == office_id, BLOBS.c.blob_id == blob_id)
    blob = connection.execute(
        select(BLOBS.c.count.label("chunks"), BLOBS.c.stored, BLOBS.c.completed_at)
        .where(*where)
    ).one_or_none()
    if blob is not None and blob.chunks != count:
        raise BlobError(
            409, "blob_count_mismatch",
            "Die Anzahl der Anhangteile passt nicht zu dem, was der Server schon hat.",
        )  # fmt: skip
    if blob is not None and blob.completed_at is not None:
        result = status(connection, office_id=office_id, blob_id=blob_id)
        assert result is not None
        return result
    chunk_where = (CHUNKS.c.office_id == office_id, CHUNKS.c.blob_id == blob_id,
                   CHUNKS.c.chunk_index == index)
    old = connection.execute(select(CHUNKS.c.ciphertext).where(*chunk_where)).scalar_one_or_none()
    grown = len(ciphertext) - (len(old) if old is not None else 0)
    if grown > 0 and stored_bytes + grown > limits.office_quota_bytes:
        raise QuotaExceeded
    now = utcnow()
    stored = (blob.stored if blob is not None else 0) + (old is None)
    if blob is None:
        connection.execute(insert(BLOBS), {
            "office_id": office_id, "blob_id": blob_id, "count": count, "stored": 0,
            "created_at": now,
        })  # fmt: skip
    if old is None:
        connection.execute(insert(CHUNKS), {
            "office_id": office_id, "blob_id": blob_id, "chunk_index": index,
            "ciphertext": ciphertext,
        })  # fmt: skip
    else:
        connection.execute(update(CHUNKS).where(*chunk_where).values(ciphertext=ciphertext))
    connection.execute(
        update(BLOBS).where(*where)
        .values(stored=stored, completed_at=now if stored == count else None)
    )  # fmt: skip
    if grown:
        connection.execute(
            update(OFFICES).where(OFFICES.c.id == office_id)
            .values(stored_bytes=OFFICES.c.stored_bytes + grown)
        )  # fmt: skip
    result = status(connection, office_id=office_id, blob_id=blob_id)
    assert result is not None
    return result


def get_chunk(connection: Connection, *, office_id: str, blob_id: str, index: int) -> bytes:
    """A stored chunk of a complete blob of the office; :class:`BlobError` 404 otherwise (an
    incomplete blob is still being uploaded, and its chunks may yet be replaced)."""
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

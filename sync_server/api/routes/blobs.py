"""Blobs: the chunks of attachments, uploaded and downloaded one by one (ciphertext only).

A manifest and a chunk travel as raw bytes (``application/octet-stream``), not as base64 in
JSON. See :mod:`sync_server.services.blobs` for what the server checks.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from kim_protocol import wire
from sync_server.api.deps import Credentials, as_device
from sync_server.api.errors import COMMON_ERROR_RESPONSES, ApiError
from sync_server.api.routes.sync import QUOTA_EXCEEDED
from sync_server.config import Settings
from sync_server.services import blobs
from sync_server.services.sync import QuotaExceeded

router = APIRouter(prefix="/v1/blobs", tags=["Sync"], responses=COMMON_ERROR_RESPONSES)

BlobIdPath = Annotated[str, Path(pattern=wire.BLOB_ID_PATTERN)]
#: A chunk's number in an address fits a database integer (2**63 answered 500); one out of
#: the blob's range is the service's to refuse, with its code.
ChunkIndex = Annotated[int, Path(le=2**31 - 1)]
NOT_FOUND = ApiError(404, "blob_not_found", "Diesen Anhang gibt es auf dem Server nicht.")


def _refused(error: blobs.BlobError) -> ApiError:
    return ApiError(error.status, error.code, error.message)


@router.get("/{blob_id}", response_model=wire.BlobStatus)
async def blob_status(request: Request, blob_id: BlobIdPath,
                      credentials: Credentials) -> wire.BlobStatus:
    """The chunks the server has of the office's blob; 404 ``blob_not_found`` for none."""
    found = await as_device(request, credentials, lambda connection, device: blobs.status(
        connection, office_id=device.office_id, blob_id=blob_id))
    if found is None:
        raise NOT_FOUND
    return found


def _limits(request: Request) -> blobs.BlobLimits:
    settings: Settings = request.app.state.settings
    return blobs.BlobLimits(max_blob_bytes=settings.max_blob_bytes,
                            office_quota_bytes=settings.office_quota_bytes)


_QUOTA_RESPONSE: dict[int | str, dict[str, Any]] = {
    507: {"model": wire.ErrorResponse, "description": QUOTA_EXCEEDED.message},
}


@router.put("/{blob_id}", response_model=wire.BlobStatus, responses=_QUOTA_RESPONSE)
async def announce(request: Request, blob_id: BlobIdPath,
                   credentials: Credentials) -> wire.BlobStatus:
    """Registers the blob by its manifest (the raw body: the SHA-256 digests of its sealed
    chunks, whose SHA-256 is ``blob_id``) and answers its status; sent again, only the status."""
    limits = _limits(request)
    body = await request.body()
    try:
        return await as_device(request, credentials, lambda connection, device: blobs.announce(
            connection, office_id=device.office_id, blob_id=blob_id, manifest=body,
            limits=limits))
    except blobs.BlobError as error:
        raise _refused(error) from error
    except QuotaExceeded as error:
        raise QUOTA_EXCEEDED from error


@router.put("/{blob_id}/chunks/{index}", response_model=wire.BlobStatus,
            responses=_QUOTA_RESPONSE)
async def put_chunk(request: Request, blob_id: BlobIdPath, index: ChunkIndex,
                    credentials: Credentials) -> wire.BlobStatus:
    """Stores one sealed chunk (the raw body) as chunk ``index`` of an announced blob, if it
    hashes to its digest in the manifest."""
    limits = _limits(request)
    body = await request.body()
    try:
        return await as_device(request, credentials, lambda connection, device: blobs.put_chunk(
            connection, office_id=device.office_id, blob_id=blob_id, index=index,
            ciphertext=body, limits=limits))
    except blobs.BlobError as error:
        raise _refused(error) from error
    except QuotaExceeded as error:
        raise QUOTA_EXCEEDED from error


@router.get("/{blob_id}/chunks/{index}", response_class=Response,
            responses={200: {"content": {"application/octet-stream": {}}}})
async def get_chunk(request: Request, blob_id: BlobIdPath, index: ChunkIndex,
                    credentials: Credentials) -> Response:
    """One sealed chunk of a complete blob of the office."""
    try:
        data = await as_device(request, credentials, lambda connection, device: blobs.get_chunk(
            connection, office_id=device.office_id, blob_id=blob_id, index=index))
    except blobs.BlobError as error:
        raise _refused(error) from error
    return Response(data, media_type="application/octet-stream")

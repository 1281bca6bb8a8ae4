"""Blobs: the chunks of attachments, uploaded and downloaded one by one (ciphertext only).

A chunk travels as the raw sealed bytes (``application/octet-stream``), not as base64 in
JSON. See :mod:`sync_server.services.blobs` for what the server checks.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from kim_protocol import wire
from sync_server.api.deps import Credentials, as_device
from sync_server.api.errors import COMMON_ERROR_RESPONSES, ApiError
from sync_server.api.routes.sync import QUOTA_EXCEEDED
from sync_server.config import Settings
from sync_server.services import blobs
from sync_server.services.sync import QuotaExceeded

router = APIRouter(prefix="/v1/blobs", tags=["Sync"], responses=COMMON_ERROR_RESPONSES)

BlobIdPath = Annotated[str, Path(pattern=wire.BLOB_ID_PATTERN)]
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


@router.put(
    "/{blob_id}/chunks/{index}", response_model=wire.BlobStatus,
    responses={507: {"model": wire.ErrorResponse, "description": QUOTA_EXCEEDED.message}},
)  # fmt: skip
async def put_chunk(
    request: Request, blob_id: BlobIdPath, index: int, credentials: Credentials,
    count: Annotated[int, Query(description="Anzahl der Teile des Anhangs")],
) -> wire.BlobStatus:
    """Stores one sealed chunk (the raw body) as chunk ``index`` of ``count``."""
    settings: Settings = request.app.state.settings
    limits = blobs.BlobLimits(max_blob_bytes=settings.max_blob_bytes,
                              office_quota_bytes=settings.office_quota_bytes)
    body = await request.body()
    try:
        return await as_device(request, credentials, lambda connection, device: blobs.put_chunk(
            connection, office_id=device.office_id, blob_id=blob_id, index=index, count=count,
            ciphertext=body, limits=limits))
    except blobs.BlobError as error:
        raise _refused(error) from error
    except QuotaExceeded as error:
        raise QUOTA_EXCEEDED from error


@router.get("/{blob_id}/chunks/{index}", response_class=Response,
            responses={200: {"content": {"application/octet-stream": {}}}})
async def get_chunk(request: Request, blob_id: BlobIdPath, index: int,
                    credentials: Credentials) -> Response:
    """One sealed chunk of a complete blob of the office."""
    try:
        data = await as_device(request, credentials, lambda connection, device: blobs.get_chunk(
            connection, office_id=device.office_id, blob_id=blob_id, index=index))
    except blobs.BlobError as error:
        raise _refused(error) from error
    return Response(data, media_type="application/octet-stream")

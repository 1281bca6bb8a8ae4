"""Push and pull of a device's office records (ciphertext only).

Both routes run on the hot path of every sync: each makes one trip to the thread pool, where
authentication, the work and the commit share one connection (:func:`deps.as_device`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import Connection

from kim_protocol import wire
from sync_server.api.deps import AuthenticatedDevice, Credentials, as_device
from sync_server.api.errors import COMMON_ERROR_RESPONSES, ApiError
from sync_server.config import Settings
from sync_server.services import epochs, sync
from sync_server.services.devices import DeviceError

router = APIRouter(prefix="/v1", tags=["Sync"], responses=COMMON_ERROR_RESPONSES)


def _json(model: BaseModel) -> Response:
    """Serialises a wire model once, in pydantic's core (skipping FastAPI's re-validation of
    a model this server has just built)."""
    return Response(model.model_dump_json(), media_type="application/json")


QUOTA_EXCEEDED = ApiError(
    507, "quota_exceeded",
    "Der Speicherplatz des Büros auf dem Sync-Server ist erschöpft. Die Änderungen bleiben auf "
    "diesem Gerät gespeichert. Bitte wenden Sie sich an Ihre IT.",
)  # fmt: skip


def _limits(request: Request) -> sync.PushLimits:
    settings: Settings = request.app.state.settings
    return sync.PushLimits(max_operation_bytes=settings.max_operation_bytes,
                           office_quota_bytes=settings.office_quota_bytes)


@router.post(
    "/push", response_model=wire.PushResponse,
    responses={
        409: {"model": wire.ErrorResponse, "description": "device_copied, epoch_changed"},
        507: {"model": wire.ErrorResponse, "description": QUOTA_EXCEEDED.message},
    },
)  # fmt: skip
async def push(request: Request, body: wire.PushRequest, credentials: Credentials) -> Response:
    """Applies up to 250 operations; each gets applied, duplicate, conflict or rejected."""
    limits = _limits(request)

    def work(connection: Connection, device: AuthenticatedDevice) -> list[wire.OperationResult]:
        epochs.check_push(connection, device_id=device.id, current=device.epoch,
                          epoch=body.epoch)
        return sync.push(
            connection, device_id=device.id, office_id=device.office_id,
            pruned_seq=device.pruned_seq, operations=body.operations, limits=limits,
        )  # fmt: skip

    try:
        results = await as_device(request, credentials, work)
    except sync.QuotaExceeded as error:
        raise QUOTA_EXCEEDED from error
    except DeviceError as error:
        raise ApiError(error.status, error.code, error.message) from error
    return _json(wire.PushResponse(results=results))


@router.get("/pull", response_model=wire.PullResponse)
async def pull(
    request: Request,
    credentials: Credentials,
    since: Annotated[int, Query(ge=0, le=2**62, description="Cursor: letzte server_seq")] = 0,
    limit: Annotated[int, Query(ge=1, le=wire.MAX_PULL_LIMIT)] = 500,
) -> Response:
    """Records of the device's office after ``since``, in sequence order, with tombstones."""
    page = await as_device(
        request,
        credentials,
        lambda connection, device: sync.pull(
            connection, office_id=device.office_id, since=since, limit=limit
        ),
    )
    return _json(page)


@router.get("/acknowledged", response_model=wire.Acknowledged)
async def acknowledged(
    request: Request,
    credentials: Credentials,
    from_seq: Annotated[
        int, Query(ge=1, le=wire.MAX_SEQ, description="erste Sequenznummer, die das Gerät "
                   "nicht kennt")
    ] = 1,
) -> Response:
    """What the server applied for this device: its highest sequence number, and where to pull
    again from for those from ``from_seq`` on. Asked after a restore or a ``seq_stale``."""
    answer = await as_device(
        request,
        credentials,
        lambda connection, device: sync.acknowledged(
            connection, device_id=device.id, pruned_seq=device.pruned_seq, from_seq=from_seq
        ),
    )
    return _json(answer)

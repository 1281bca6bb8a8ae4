"""Push and pull of a device's office records (ciphertext only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from kim_desktop.sync import wire
from sync_server.api.deps import CurrentDevice, SessionDep
from sync_server.api.errors import COMMON_ERROR_RESPONSES
from sync_server.services import sync

router = APIRouter(prefix="/v1", tags=["Sync"], responses=COMMON_ERROR_RESPONSES)


@router.post("/push", response_model=wire.PushResponse)
def push(body: wire.PushRequest, device: CurrentDevice, session: SessionDep) -> wire.PushResponse:
    """Applies up to 250 operations; each gets applied, duplicate, conflict or rejected."""
    with session.begin():
        results = sync.push(
            session, device_id=device.id, office_id=device.office_id, operations=body.operations
        )
    return wire.PushResponse(results=results)


@router.get("/pull", response_model=wire.PullResponse)
def pull(
    device: CurrentDevice,
    session: SessionDep,
    since: Annotated[int, Query(ge=0, le=2**62, description="Cursor: letzte server_seq")] = 0,
    limit: Annotated[int, Query(ge=1, le=wire.MAX_PULL_LIMIT)] = 500,
) -> wire.PullResponse:
    """Records of the device's office after ``since``, in sequence order, with tombstones."""
    with session.begin():
        return sync.pull(session, office_id=device.office_id, since=since, limit=limit)

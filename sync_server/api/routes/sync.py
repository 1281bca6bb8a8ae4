"""Push and pull of a device's office records (ciphertext only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel

from kim_desktop.sync import wire
from sync_server.api.deps import CurrentDevice, SessionDep
from sync_server.api.errors import COMMON_ERROR_RESPONSES
from sync_server.services import sync

router = APIRouter(prefix="/v1", tags=["Sync"], responses=COMMON_ERROR_RESPONSES)


def _json(model: BaseModel) -> Response:
    """Serialises a wire model once, in pydantic's core (skipping FastAPI's re-validation of
    a model this server has just built)."""
    return Response(model.model_dump_json(), media_type="application/json")


@router.post("/push", response_model=wire.PushResponse)
def push(body: wire.PushRequest, device: CurrentDevice, session: SessionDep) -> Response:
    """Applies up to 250 operations; each gets applied, duplicate, conflict or rejected."""
    results = sync.push(
        session, device_id=device.id, office_id=device.office_id, operations=body.operations
    )
    session.commit()
    return _json(wire.PushResponse(results=results))


@router.get("/pull", response_model=wire.PullResponse)
def pull(
    device: CurrentDevice,
    session: SessionDep,
    since: Annotated[int, Query(ge=0, le=2**62, description="Cursor: letzte server_seq")] = 0,
    limit: Annotated[int, Query(ge=1, le=wire.MAX_PULL_LIMIT)] = 500,
) -> Response:
    """Records of the device's office after ``since``, in sequence order, with tombstones."""
    page = sync.pull(session, office_id=device.office_id, since=since, limit=limit)
    return _json(page)

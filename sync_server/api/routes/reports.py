"""Uploads for the coordinators' reports: pseudonymous facts and released structural gaps."""

from __future__ import annotations

from fastapi import APIRouter

from kim_protocol import wire
from sync_server.api.deps import CurrentDevice, SessionDep
from sync_server.api.errors import COMMON_ERROR_RESPONSES
from sync_server.services import reports

router = APIRouter(prefix="/v1", tags=["Berichte"], responses=COMMON_ERROR_RESPONSES)


@router.put("/report-facts", response_model=wire.UpsertResponse)
def upsert_facts(
    body: wire.FactsUpsert, device: CurrentDevice, session: SessionDep
) -> wire.UpsertResponse:
    """Stores facts of the device's office, replacing earlier ones with the same key and month."""
    accepted = reports.upsert_facts(
        session, office_id=device.office_id, device_id=device.id, facts=body.facts
    )
    session.commit()
    return wire.UpsertResponse(accepted=accepted)


@router.put("/structural-gaps", response_model=wire.UpsertResponse)
def upload_gaps(
    body: wire.GapsUpload, device: CurrentDevice, session: SessionDep
) -> wire.UpsertResponse:
    """Stores released structural gaps of the device's office, replacing by key."""
    accepted = reports.upsert_gaps(
        session, office_id=device.office_id, device_id=device.id, gaps=body.gaps
    )
    session.commit()
    return wire.UpsertResponse(accepted=accepted)

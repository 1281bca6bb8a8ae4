"""Uploads for the coordinators' reports: pseudonymous facts and released structural gaps.

Each item is checked on arrival (:mod:`sync_server.reports.arrival`). When some are refused,
the others are stored all the same and the answer is a 422 ``wire.UpsertRefused`` naming each
refused item by index, with a stable code.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from kim_protocol import wire
from sync_server.api.deps import CurrentDevice, SessionDep
from sync_server.api.errors import COMMON_ERROR_RESPONSES
from sync_server.services import reports

router = APIRouter(prefix="/v1", tags=["Berichte"], responses={
    **COMMON_ERROR_RESPONSES,
    422: {"model": wire.UpsertRefused | wire.ErrorResponse,
          "description": "Einzelne Angaben abgelehnt (die übrigen sind gespeichert) oder die "
          "Anfrage ist ungültig"},
})


class FactsUpload(BaseModel):
    """``wire.FactsUpsert`` with each fact left unparsed, so one bad fact refuses only itself."""

    model_config = ConfigDict(extra="forbid")
    facts: list[Any] = Field(max_length=5000)


class GapsUpload(BaseModel):
    model_config = ConfigDict(extra="forbid")
    gaps: list[Any] = Field(max_length=1000)


def refusal_message(refused: int, accepted: int) -> str:
    """"1 Angabe wurde abgelehnt, 3 gespeichert." in German, singular or plural."""
    what = ("1 Angabe wurde abgelehnt" if refused == 1
            else f"{refused} Angaben wurden abgelehnt")
    return f"{what}, {accepted or 'keine'} gespeichert."


def _answer(accepted: int, refused: list[wire.RefusedItem]) -> wire.UpsertResponse | JSONResponse:
    if not refused:
        return wire.UpsertResponse(accepted=accepted)
    body = wire.UpsertRefused(
        code="items_refused",
        message=refusal_message(len(refused), accepted),
        accepted=accepted, refused=refused,
    )
    return JSONResponse(body.model_dump(), status_code=422)


@router.put("/report-facts", response_model=wire.UpsertResponse)
def upsert_facts(
    body: FactsUpload, device: CurrentDevice, session: SessionDep
) -> wire.UpsertResponse | JSONResponse:
    """Stores facts of the device's office, replacing earlier ones with the same key and month."""
    facts, refused = reports.check_facts(session, office_id=device.office_id, items=body.facts)
    accepted = reports.upsert_facts(session, office_id=device.office_id, facts=facts)
    session.commit()
    return _answer(accepted, refused)


@router.put("/structural-gaps", response_model=wire.UpsertResponse)
def upload_gaps(
    body: GapsUpload, device: CurrentDevice, session: SessionDep
) -> wire.UpsertResponse | JSONResponse:
    """Stores released structural gaps of the device's office, replacing by key."""
    gaps, refused = reports.check_gaps(session, office_id=device.office_id, items=body.gaps)
    accepted = reports.upsert_gaps(session, office_id=device.office_id, gaps=gaps)
    session.commit()
    return _answer(accepted, refused)


@router.delete("/report-facts", response_model=wire.ReportsCleared)
def clear_reports(device: CurrentDevice, session: SessionDep) -> wire.ReportsCleared:
    """Deletes all report facts of the device's office and withdraws its released gaps, so
    that the device can send all of them again: an office replaces facts that a device which
    went wrong sent."""
    facts, gaps = reports.clear_office(session, office_id=device.office_id)
    session.commit()
    return wire.ReportsCleared(facts=facts, gaps=gaps)

"""Liveness and readiness for load balancers and monitoring."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text

from sync_server.api.deps import SessionDep

router = APIRouter(tags=["Betrieb"])


class HealthPublic(BaseModel):
    status: str
    database: str


@router.get("/healthz", response_model=HealthPublic)
def healthz(session: SessionDep) -> HealthPublic:
    """Answers 200 when the server and its database respond (503 otherwise)."""
    session.execute(text("SELECT 1"))
    return HealthPublic(status="ok", database="ok")

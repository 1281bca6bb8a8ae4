"""The admin audit log: every administrative change writes one entry in its own transaction."""

from __future__ import annotations

import getpass
from typing import Any

from sqlalchemy.orm import Session

from sync_server.models import AuditEntry


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    office_id: str | None = None,
    device_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        actor=actor, action=action, office_id=office_id, device_id=device_id, detail=detail or {}
    )
    session.add(entry)
    return entry

"""What the sync tests compare: every synced record of a device, the server's counts, edits."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.core.models import Consultation
from kim_desktop.sync.payloads import payload_of
from kim_desktop.sync.state import SyncInflight, load_state
from tests.server.conftest import Admin

Sessions = Callable[[], Session]
START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def snapshot(sessions: Sessions) -> dict[str, dict[str, Any]]:
    """Every synced record of a device by id, with all its columns."""
    with sessions() as session:
        return {row.id: payload_of(row) for model in set(RECORD_KINDS.values())
                for row in session.scalars(select(model))}


def cursor(sessions: Sessions) -> int:
    with sessions() as session:
        state = load_state(session)
        assert state is not None
        return state.pull_cursor


def settled(sessions: Sessions) -> bool:
    """Nothing waits: no outbox entry, nothing in flight."""
    with sessions() as session:
        outbox = session.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one()
        return outbox == 0 and session.scalar(select(func.count()).select_from(SyncInflight)) == 0


def db_path(sessions: Sessions) -> str:
    with sessions() as session:
        database = session.get_bind().url.database
        assert database is not None
        return database


def add_consultations(sessions: Sessions, count: int, rng: random.Random, *,
                      client_id: str | None = None) -> list[str]:
    with sessions() as session:
        rows = [Consultation(
            client_id=client_id or "00000000-0000-4000-8000-000000000001",
            held_at=START + dt.timedelta(hours=rng.randrange(5000)),
            duration_minutes=rng.randrange(10, 120), mode_code=rng.choice(["in_person", "phone"]),
            fields_of_action=rng.sample(["work", "housing", "language", "health"], 2),
            notes=f"Gesprächsnotiz {rng.random():.12f}",
        ) for _ in range(count)]
        session.add_all(rows)
        session.commit()
        return [row.id for row in rows]


def edit_notes(sessions: Sessions, ids: list[str], rng: random.Random, count: int) -> None:
    with sessions() as session:
        for record_id in rng.sample(ids, min(count, len(ids))):
            row = session.get(Consultation, record_id)
            assert row is not None
            row.notes += f" +{rng.randrange(10**6)}"
        session.commit()


def server_counts(admin: Admin, office_id: str) -> tuple[int, int, int]:
    """Records, the sum of their versions, and applied operations of the office's devices.

    Every applied operation makes exactly one version, so the sum equals the operations; an
    operation applied twice would break that, a lost one would leave a device behind.
    """
    with admin.engine.connect() as connection:
        records, versions = connection.execute(text(
            "SELECT count(*), coalesce(sum(version), 0) FROM records WHERE office_id = :o"
        ), {"o": office_id}).one()
        ops = connection.execute(text(
            "SELECT count(*) FROM applied_ops a JOIN devices d ON d.id = a.device_id "
            "WHERE d.office_id = :o"
        ), {"o": office_id}).scalar_one()
    return int(records), int(versions), int(ops)

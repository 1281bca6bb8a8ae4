"""Report facts and released structural gaps, checked one by one and upserted per office.

Facts are keyed by (office, key, fact_kind, month) and gaps by (office, key); a later upload of
the same key replaces the row. Deleted facts and withdrawn gaps stay as rows with their flag,
so the reports can drop them and a late upload of an older state cannot resurrect them unseen.
Each item passes :mod:`sync_server.reports.arrival` first; those that fail are refused by
index and the rest are stored. Rows keep the office, never the device or the time
(docs/reporting.md §1). :func:`clear_office` empties an office's facts for a replacement from
a clean device.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Table, delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kim_protocol import wire
from kim_protocol.catalogs import default_catalogs
from sync_server.models import ReleasedGapRow, ReportFactRow, ServerSecret
from sync_server.reports import arrival
from sync_server.reports.perturbation import record_key
from sync_server.services.devices import office_municipalities

_Item = TypeVar("_Item")


def _checked(
    items: Sequence[Any], check: Callable[[Any], _Item]
) -> tuple[list[_Item], list[wire.RefusedItem]]:
    good: list[_Item] = []
    refused: list[wire.RefusedItem] = []
    for index, raw in enumerate(items):
        try:
            good.append(check(raw))
        except arrival.Refused as error:
            refused.append(wire.RefusedItem(index=index, code=error.code, message=error.message))
    return good, refused


def office_codes(session: Session, office_id: str) -> arrival.Codes:
    return arrival.Codes.for_office(default_catalogs(), office_municipalities(session, office_id))


def record_key_secret(session: Session) -> bytes:
    """The server's secret for record keys (revision 0009_cell_keys makes it; made here too
    if the row was lost, under a concurrent maker's conflict)."""
    table = ServerSecret.__table__
    assert isinstance(table, Table)
    dialect = session.get_bind().dialect.name
    statement = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    session.execute(statement.values(name="record_key", value=secrets.token_hex(32))
                    .on_conflict_do_nothing(index_elements=["name"]))
    return bytes.fromhex(session.get_one(ServerSecret, "record_key").value)


def check_facts(
    session: Session, *, office_id: str, items: Sequence[Any]
) -> tuple[list[wire.ReportFact], list[wire.RefusedItem]]:
    """The facts of an upload that may be stored, and the refusals of the others."""
    codes = office_codes(session, office_id)
    today = dt.date.today()
    return _checked(items, lambda raw: arrival.check_fact(raw, codes, today=today))


def check_gaps(
    session: Session, *, office_id: str, items: Sequence[Any]
) -> tuple[list[wire.ReleasedGap], list[wire.RefusedItem]]:
    codes = office_codes(session, office_id)
    today = dt.date.today()
    return _checked(items, lambda raw: arrival.check_gap(raw, codes, today=today))


def _upsert(
    session: Session, table: Table, rows: list[dict[str, Any]], keys: Sequence[str]
) -> None:
    """INSERT ... ON CONFLICT DO UPDATE as one executemany (SQLAlchemy batches the VALUES)."""
    dialect = session.get_bind().dialect.name
    statement = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    updates = {name: statement.excluded[name] for name in rows[0] if name not in keys}
    session.execute(statement.on_conflict_do_update(index_elements=list(keys), set_=updates), rows)


def upsert_facts(session: Session, *, office_id: str, facts: Sequence[wire.ReportFact]) -> int:
    secret = record_key_secret(session)
    latest: dict[tuple[str, str, str], dict[str, Any]] = {}
    for fact in facts:  # the last of several uploads of one key in a batch wins
        row = fact.model_dump(mode="python")
        row["fact_kind"] = fact.fact_kind.value
        # A code twice in a list counts once. On PostgreSQL the rollup triggers would otherwise
        # insert one rollup key twice in one statement, which it refuses (a 500).
        for name in ("fields_of_action", "target_group"):
            row[name] = list(dict.fromkeys(row[name]))
        row.update(office_id=office_id,
                   record_key=record_key(secret, fact.key, row["fact_kind"], fact.month))
        latest[(fact.key, row["fact_kind"], fact.month)] = row
    if latest:
        table = ReportFactRow.__table__
        assert isinstance(table, Table)
        _upsert(session, table, list(latest.values()), ("office_id", "key", "fact_kind", "month"))
    return len(facts)


def upsert_gaps(session: Session, *, office_id: str, gaps: Sequence[wire.ReleasedGap]) -> int:
    latest: dict[str, dict[str, Any]] = {}
    for gap in gaps:
        row = gap.model_dump(mode="python")
        row.update(office_id=office_id)
        latest[gap.key] = row
    if latest:
        table = ReleasedGapRow.__table__
        assert isinstance(table, Table)
        _upsert(session, table, list(latest.values()), ("office_id", "key"))
    return len(gaps)


def clear_office(session: Session, *, office_id: str) -> tuple[int, int]:
    """Deletes all facts of the office and withdraws its gaps, before a device of the office
    sends all of them again (``kim-desktop reports resend``): how facts from a device that
    went wrong are purged. A gap sent again is shown again, with its board status.
    Returns (facts deleted, gaps withdrawn)."""
    facts = session.execute(delete(ReportFactRow).where(ReportFactRow.office_id == office_id))
    gaps = session.execute(
        update(ReleasedGapRow)
        .where(ReleasedGapRow.office_id == office_id, ReleasedGapRow.withdrawn.is_(False))
        .values(withdrawn=True)
    )
    return (int(getattr(facts, "rowcount", 0) or 0), int(getattr(gaps, "rowcount", 0) or 0))

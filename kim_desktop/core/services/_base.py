"""What every service shares: the change description, the transaction and the checks."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for, require
from kim_desktop.core.db import Base, SyncedRecord, new_id, utcnow
from kim_desktop.core.errors import DomainError
from kim_desktop.core.fields import Field, Kind, declared
from kim_desktop.core.models import AuditEvent, Case, Client
from kim_protocol.export_text import hidden_characters

R = TypeVar("R", bound=SyncedRecord)


@dataclass(frozen=True)
class Change:
    """What a write changed, so that every screen can decide whether to refresh.

    ``kind`` is the record kind (table name), ``ids`` the records written, ``action`` one of
    ``created``, ``updated``, ``deleted``, ``erased``; ``client_id`` the person concerned, if
    any; ``related`` further changes made in the same transaction.
    """

    kind: str
    ids: tuple[str, ...]
    action: str
    client_id: str | None = None
    related: tuple[Change, ...] = ()

    def touches(self, kind: str) -> bool:
        return self.kind == kind or any(c.touches(kind) for c in self.related)


@contextmanager
def write(session: Session) -> Iterator[None]:
    """One transaction: commits when the block ends, rolls back on any error."""
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise


def today() -> dt.date:
    return dt.date.today()


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def current_user(session: Session) -> str:
    return str(session.info.get("user", ""))


def require_admin(session: Session) -> None:
    """Refuses (``admin_only``) unless the session's user is an office admin."""
    if session.info.get("role") != "office_admin":
        raise DomainError("admin_only")


def audit(
    session: Session, *, action: str, record: SyncedRecord, detail: str = ""
) -> AuditEvent:
    """Adds an audit event for ``record`` to the current transaction."""
    event = AuditEvent(
        at=utcnow(),
        user=current_user(session),
        action=action,
        record_kind=record.kind,
        record_id=record.id,
        detail=detail,
    )
    with_id(event)
    session.add(event)
    return event


def get_live(session: Session, model: type[R], record_id: str) -> R:
    """The record, or ``not_found`` / ``deleted``."""
    record = session.get(model, record_id) if record_id else None
    if record is None:
        raise DomainError("not_found", kind=str(model.__tablename__))  # type: ignore[attr-defined]
    if record.deleted_at is not None:
        if isinstance(record, Client) and record.erased_at is not None:
            raise DomainError("erased")
        raise DomainError("deleted", kind=record.kind)
    return record


def live_client(session: Session, client_id: str) -> Client:
    """The client, refusing erased ones."""
    return get_live(session, Client, client_id)


def open_case_of(session: Session, client_id: str) -> Case | None:
    return session.scalars(
        select(Case).where(
            Case.client_id == client_id, Case.closed_on.is_(None), Case.deleted_at.is_(None)
        )
    ).first()


def with_id(record: Base) -> str:
    """The record's id, assigned now if the record is new (ids are needed before flush)."""
    if getattr(record, "id", None) is None:
        record.id = new_id()  # type: ignore[attr-defined]
    return str(record.id)  # type: ignore[attr-defined]


# --- checks ------------------------------------------------------------------------------


def clean(session: Session, key: str, value: Any) -> Any:
    """``value`` checked and tidied as the field ``key`` ("table.column") is declared (see
    :mod:`kim_desktop.core.fields`); a :class:`DomainError` naming the field otherwise."""
    spec = declared(key)
    if spec.kind in (Kind.LINE, Kind.TEXT):
        return text(value, field=key, limit=spec.limit or 0, required=spec.required,
                    multiline=spec.kind == Kind.TEXT)
    if value is None or value == "" or value == []:
        if spec.required:
            raise DomainError("required", field=key)
        return [] if spec.kind == Kind.CODES else _empty(spec)
    return _checked(session, spec, value)


def _empty(spec: Field) -> Any:
    return False if spec.kind == Kind.FLAG else None


def _checked(session: Session, spec: Field, value: Any) -> Any:
    key = spec.key
    if spec.kind == Kind.DATE:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise DomainError("invalid_value", field=key)
        return past(value, field=key) if spec.past else value
    if spec.kind == Kind.MOMENT:
        if not isinstance(value, dt.datetime):
            raise DomainError("invalid_value", field=key)
        return past_moment(value, field=key) if spec.past else value
    if spec.kind == Kind.CHOICE:
        assert spec.choices is not None
        return str(one_of(value, list(spec.choices), field=key))
    if spec.kind == Kind.CATALOG:
        return require(catalogs_for(session)[spec.catalog], str(value)).code
    if spec.kind == Kind.CODES:
        if not isinstance(value, list | tuple):
            raise DomainError("invalid_value", field=key)
        catalog = catalogs_for(session)[spec.catalog]
        return list(dict.fromkeys(require(catalog, str(code)).code for code in value))
    if spec.kind in (Kind.FLAG, Kind.FACT):
        if not isinstance(value, bool):
            raise DomainError("invalid_value", field=key)
        return value
    if spec.kind in (Kind.NUMBER, Kind.SHARE):
        number_types = (int,) if spec.kind == Kind.NUMBER else (int, float)
        if isinstance(value, bool) or not isinstance(value, number_types) or value != value:
            raise DomainError("invalid_value", field=key)
        if spec.low is not None and spec.high is not None:
            in_range(value, spec.low, spec.high, field=key)
        return value
    return value


def clean_all(session: Session, table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Every value checked by :func:`clean` as the field of that name in ``table``."""
    return {name: clean(session, f"{table}.{name}", value) for name, value in values.items()}


def text(value: str | None, *, field: str, limit: int, required: bool = False,
         multiline: bool = False) -> str:
    """The stripped text; ``required`` / ``too_long`` / ``hidden_characters`` otherwise (a
    ``multiline`` text may hold line breaks, as ``\n``, and tabs)."""
    cleaned = (value or "").strip()
    if multiline:
        cleaned = cleaned.replace("\r\n", "\n")
    if hidden_characters(cleaned, multiline=multiline):
        raise DomainError("hidden_characters", field=field)
    if required and not cleaned:
        raise DomainError("required", field=field)
    if len(cleaned) > limit:
        raise DomainError("too_long", field=field, limit=limit)
    return cleaned


def past(day: dt.date | None, *, field: str) -> dt.date | None:
    """Refuses a date after today."""
    if day is not None and day > today():
        raise DomainError("future_date", field=field)
    return day


def past_moment(moment: dt.datetime, *, field: str) -> dt.datetime:
    if moment.tzinfo is None:
        raise DomainError("invalid_value", field=field)
    if moment > utcnow() + dt.timedelta(minutes=5):
        raise DomainError("future_date", field=field)
    return moment


def ordered(
    earlier: dt.date | None, later: dt.date | None, *, earlier_field: str, later_field: str
) -> None:
    """Refuses ``later`` before ``earlier`` (when both are given)."""
    if earlier is not None and later is not None and later < earlier:
        raise DomainError("date_order", earlier=earlier_field, later=later_field)


#: The days a period may reach: nothing the office records lies outside them, and a day
#: after 31.12.9999 or a local midnight before 01.01.0001 in UTC cannot even be computed.
EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2999, 12, 31)


def period(
    since: dt.date | None, until: dt.date | None, *, earlier_field: str, later_field: str
) -> None:
    """Refuses a period that ends before it begins or reaches outside the possible days."""
    ordered(since, until, earlier_field=earlier_field, later_field=later_field)
    if any(day is not None and not EARLIEST_DAY <= day <= LATEST_DAY for day in (since, until)):
        raise DomainError("period_out_of_range", low=f"{EARLIEST_DAY:%d.%m.%Y}",
                          high=f"{LATEST_DAY:%d.%m.%Y}")


def one_of(value: Any, allowed: Iterable[Any], *, field: str) -> Any:
    if value not in set(allowed):
        raise DomainError("invalid_value", field=field)
    return value


def in_range(value: float | None, low: float, high: float, *, field: str) -> None:
    if value is not None and not low <= value <= high:
        # One allowed value reads as that value, not as "zwischen 1 und 1".
        raise DomainError("not_that_value" if low == high else "out_of_range", field=field,
                          low=low, high=high)


def changed_by_user(current: Mapping[str, Any], read: Mapping[str, Any] | None,
                    edited: Mapping[str, Any]) -> dict[str, Any]:
    """What an edit form saves: ``edited`` where the user changed what the form was opened
    with (``read``), what is stored now (``current``) everywhere else, so that a change a
    sync or another window made meanwhile to a field left alone is kept. Without ``read``,
    all of ``edited``."""
    if read is None:
        return dict(edited)
    return {name: value if value != read.get(name) else current[name]
            for name, value in edited.items()}


class Keep(enum.Enum):
    """For a parameter that may be left out to keep what is stored, where None means "clear"."""

    KEEP = "keep"


KEEP = Keep.KEEP

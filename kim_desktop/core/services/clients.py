"""Clients, their household and their residence status history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for, require
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import (
    Client,
    Gender,
    HouseholdMember,
    ResidenceStatusPeriod,
)
from kim_desktop.core.names import search_keys
from kim_desktop.core.services._base import (
    Change,
    audit,
    changed_by_user,
    clean_all,
    get_live,
    live_client,
    ordered,
    with_id,
    write,
)

EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)


@dataclass
class ClientData:
    """Everything the client form and the pre-check facts edit, by column name (each field's
    label, kind and limits are declared with its column); ``None`` in a Baustein III fact
    means unknown."""

    last_name: str
    first_name: str = ""
    municipality_code: str = ""
    birth_name: str = ""
    birth_date: dt.date | None = None
    gender: str = Gender.UNSPECIFIED
    nationalities: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    interpreter_needed: bool = False
    phone: str = ""
    email: str = ""
    street: str = ""
    postal_code: str = ""
    town: str = ""
    entry_date: dt.date | None = None
    school_years_successful: int | None = None
    qualification: str | None = None
    german_oral: str | None = None
    german_oral_on: dt.date | None = None
    german_written: str | None = None
    german_written_on: dt.date | None = None
    naturalisation_test_passed: bool | None = None
    livelihood_own_share: float | None = None
    passport: bool | None = None
    convictions_above_threshold: bool | None = None

    @classmethod
    def of(cls, client: Client) -> ClientData:
        """The form values of a stored client."""
        values = {f.name: getattr(client, f.name) for f in fields(cls)}
        values["nationalities"] = list(values["nationalities"] or [])
        values["languages"] = list(values["languages"] or [])
        return cls(**values)


def _validated(session: Session, data: ClientData) -> dict[str, object]:
    values: dict[str, object] = clean_all(session, "client", asdict(data))
    if values["email"] and "@" not in str(values["email"]):
        raise DomainError("invalid_value", field="client.email")
    ordered(EARLIEST_BIRTH_DATE, data.birth_date, earlier_field="client.earliest_birth_date",
            later_field="client.birth_date")
    ordered(data.birth_date, data.entry_date, earlier_field="client.birth_date",
            later_field="client.entry_date")
    search_key, phonetic_key = search_keys(
        str(values["first_name"]), str(values["last_name"]), str(values["birth_name"])
    )
    values["search_key"], values["phonetic_key"] = search_key, phonetic_key
    return values


def create_client(session: Session, *, data: ClientData) -> Change:
    """Records a new client."""
    with write(session):
        client = Client(**_validated(session, data))
        with_id(client)
        session.add(client)
        audit(session, action="create", record=client)
    return Change("client", (client.id,), "created", client.id)


def update_client(session: Session, *, client_id: str, data: ClientData,
                  read: ClientData | None = None) -> Change:
    """Replaces the client's form values.

    With ``read``, the values the form was opened with, only what the user changed is
    written: a field that a sync or another window changed meanwhile, and that was left alone
    in this form, keeps its new value instead of being set back to what the form showed.
    """
    with write(session):
        client = live_client(session, client_id)
        if read is not None:
            data = ClientData(**changed_by_user(
                asdict(ClientData.of(client)), asdict(read), asdict(data)))
        for name, value in _validated(session, data).items():
            setattr(client, name, value)
        audit(session, action="update", record=client)
    return Change("client", (client_id,), "updated", client_id)


# --- household ---------------------------------------------------------------------------


def _member_values(
    session: Session,
    relation: str,
    first_name: str,
    birth_date: dt.date | None,
    unmarried: bool | None,
    attends_school: bool | None,
) -> dict[str, object]:
    return clean_all(session, "household_member", {
        "relation": relation, "first_name": first_name, "birth_date": birth_date,
        "unmarried": unmarried, "attends_school": attends_school,
    })


def add_household_member(
    session: Session,
    *,
    client_id: str,
    relation: str,
    first_name: str = "",
    birth_date: dt.date | None = None,
    unmarried: bool | None = None,
    attends_school: bool | None = None,
) -> Change:
    with write(session):
        live_client(session, client_id)
        member = HouseholdMember(
            client_id=client_id,
            **_member_values(session, relation, first_name, birth_date, unmarried,
                             attends_school),
        )
        with_id(member)
        session.add(member)
        audit(session, action="create", record=member)
    return Change("household_member", (member.id,), "created", client_id)


def update_household_member(
    session: Session,
    *,
    member_id: str,
    relation: str,
    first_name: str = "",
    birth_date: dt.date | None = None,
    unmarried: bool | None = None,
    attends_school: bool | None = None,
    read: Mapping[str, Any] | None = None,
) -> Change:
    """Corrects a household member; ``read`` as in :func:`update_client`, by parameter name."""
    with write(session):
        member = get_live(session, HouseholdMember, member_id)
        live_client(session, member.client_id)
        edited = {"relation": relation, "first_name": first_name, "birth_date": birth_date,
                  "unmarried": unmarried, "attends_school": attends_school}
        chosen = changed_by_user({name: getattr(member, name) for name in edited}, read,
                                 edited)
        values = _member_values(session, **chosen)
        for name, value in values.items():
            setattr(member, name, value)
        audit(session, action="update", record=member)
    return Change("household_member", (member_id,), "updated", member.client_id)


# --- residence status --------------------------------------------------------------------


def _periods(session: Session, client_id: str, *, excluding: str | None = None) -> list[
    ResidenceStatusPeriod
]:
    query = select(ResidenceStatusPeriod).where(
        ResidenceStatusPeriod.client_id == client_id, ResidenceStatusPeriod.deleted_at.is_(None)
    )
    if excluding:
        query = query.where(ResidenceStatusPeriod.id != excluding)
    return list(session.scalars(query.order_by(ResidenceStatusPeriod.valid_from)))


def _overlaps(a_from: dt.date, a_to: dt.date | None, b_from: dt.date, b_to: dt.date | None) -> bool:
    return (a_to is None or b_from <= a_to) and (b_to is None or a_from <= b_to)


def _period_values(
    session: Session,
    status_code: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    legal_basis: str | None,
    note: str,
) -> dict[str, object]:
    entry = require(catalogs_for(session).residence_statuses, status_code)
    basis = entry.get("legal_basis", "") if legal_basis is None else legal_basis
    values = clean_all(session, "residence_status_period", {
        "status_code": status_code, "legal_basis": basis, "valid_from": valid_from,
        "valid_to": valid_to, "note": note,
    })
    ordered(valid_from, valid_to, earlier_field="residence_status_period.valid_from",
            later_field="residence_status_period.valid_to")
    return values


def add_residence_period(
    session: Session,
    *,
    client_id: str,
    status_code: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    legal_basis: str | None = None,
    note: str = "",
) -> Change:
    """Adds a residence status period (``legal_basis`` defaults to the catalog's).

    A still-open earlier period ends the day before the new one starts; any other overlap is
    refused. ``valid_to`` may lie in the future (a permit's expiry).
    """
    with write(session):
        live_client(session, client_id)
        values = _period_values(session, status_code, valid_from, valid_to, legal_basis, note)
        related: list[Change] = []
        for period in _periods(session, client_id):
            if period.valid_to is None and period.valid_from < valid_from:
                period.valid_to = valid_from - dt.timedelta(days=1)
                related.append(Change("residence_status_period", (period.id,), "updated",
                                      client_id))
            elif _overlaps(period.valid_from, period.valid_to, valid_from, valid_to):
                raise DomainError("period_overlap")
        period = ResidenceStatusPeriod(client_id=client_id, **values)
        with_id(period)
        session.add(period)
        audit(session, action="create", record=period)
    return Change("residence_status_period", (period.id,), "created", client_id, tuple(related))


def update_residence_period(
    session: Session,
    *,
    period_id: str,
    status_code: str,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    legal_basis: str | None = None,
    note: str = "",
) -> Change:
    """Corrects a period; it must not overlap the client's other periods."""
    with write(session):
        period = get_live(session, ResidenceStatusPeriod, period_id)
        live_client(session, period.client_id)
        values = _period_values(session, status_code, valid_from, valid_to, legal_basis, note)
        for other in _periods(session, period.client_id, excluding=period_id):
            if _overlaps(other.valid_from, other.valid_to, valid_from, valid_to):
                raise DomainError("period_overlap")
        for name, value in values.items():
            setattr(period, name, value)
        audit(session, action="update", record=period)
    return Change("residence_status_period", (period_id,), "updated", period.client_id)

"""Fixtures for the domain tests: a fresh in-memory database per test and small factories."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

import kim_desktop.core.models  # noqa: F401  (registers every table)
from kim_desktop.core.db import Base
from kim_desktop.core.errors import DomainError
from kim_desktop.core.services import ClientData, create_client, grant_consent, open_case

TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)


@pytest.fixture
def session() -> Iterator[Session]:
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine, info={"user": "anna"}, expire_on_commit=False) as session:
        yield session
    engine.dispose()


def snapshot(session: Session) -> dict[str, list[Any]]:
    """Every row of every table, to prove a refused write changed nothing."""
    session.rollback()
    return {
        table.name: sorted(map(tuple, session.execute(select(table)).all()), key=repr)
        for table in Base.metadata.sorted_tables
    }


def assert_refused(
    session: Session, code: str, service: Callable[..., Any], **kwargs: Any
) -> DomainError:
    """The service raises DomainError ``code`` and the database is unchanged."""
    before = snapshot(session)
    with pytest.raises(DomainError) as raised:
        service(session, **kwargs)
    assert raised.value.code == code, str(raised.value)
    assert snapshot(session) == before
    return raised.value


def client_data(**overrides: Any) -> ClientData:
    values: dict[str, Any] = {
        "first_name": "Testa",
        "last_name": "Beispiel",
        "municipality_code": "minden",
        "birth_date": dt.date(1990, 5, 17),
        "nationalities": ["SY"],
        "languages": ["ar"],
    }
    values.update(overrides)
    return ClientData(**values)


def new_client(session: Session, **overrides: Any) -> str:
    return create_client(session, data=client_data(**overrides)).ids[0]


def new_case(session: Session, client_id: str, *, opened_on: dt.date | None = None) -> str:
    change = open_case(
        session, client_id=client_id, opened_on=opened_on or TODAY - dt.timedelta(days=60),
        reason="Erstkontakt", target_group_criteria=["first_orientation"],
    )
    return change.ids[0]


def new_waiver(session: Session, client_id: str, agency: str, **overrides: Any) -> str:
    values: dict[str, Any] = {
        "client_id": client_id, "kind": "confidentiality_waiver",
        "granted_on": TODAY - dt.timedelta(days=30), "purpose": "Vermittlung",
        "recipient_agency_code": agency,
    }
    values.update(overrides)
    return grant_consent(session, **values).ids[0]

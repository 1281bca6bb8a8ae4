"""Fixtures of the report tests: a migrated database (SQLite file or a fresh PostgreSQL
schema), an office, facts written through the real models, and the real ASGI app."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from kim_protocol.catalogs import default_catalogs
from sync_server.app import create_app
from sync_server.config import Settings
from sync_server.dashboard import auth
from sync_server.dashboard.models import Role
from sync_server.db import make_engine, make_session_factory, upgrade
from tests.sync_server.reports.reports_helpers import PASSWORD

PG_BASE = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


#: The server key the TOTP secrets are sealed under in these tests.
SECRET_KEY = "k" * 40


@pytest.fixture(scope="session")
def pg_schema_url() -> Iterator[str]:
    """One migrated PostgreSQL schema for this run (unique name: parallel runs never meet);
    each test empties it instead of migrating anew."""
    schema = f"reports_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_BASE)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{PG_BASE}?options=-csearch_path%3D{schema}"
    migrated = make_engine(url)
    upgrade(migrated)
    migrated.dispose()
    try:
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    url: str = request.getfixturevalue("pg_schema_url")
    engine = make_engine(url)
    with engine.begin() as connection:
        tables = [t for t in inspect(connection).get_table_names() if t != "alembic_version"]
        connection.execute(text(
            "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    engine.dispose()
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def office_id(sessions: sessionmaker[Session]) -> str:
    """An office serving every municipality of the Kreis (the demo spreads its clients)."""
    from sync_server.services import devices

    with sessions() as session, session.begin():
        return devices.create_office(
            session, name="Integrationsbüro Minden", actor="test",
            municipalities=default_catalogs().municipalities.codes(),
        ).id


@pytest.fixture
def add(sessions: sessionmaker[Session]) -> Any:
    def _add(*rows: Any) -> None:
        with sessions() as session, session.begin():
            session.add_all(rows)
    return _add


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(db_url=db_url, rate_limit_ip_burst=10_000, rate_limit_ip_per_second=1000.0,
                    secret_key=SECRET_KEY)


@pytest.fixture
def client(settings: Settings, engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings), base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def make_user(sessions: sessionmaker[Session]) -> Any:
    def _make(name: str, role: Role = Role.COORDINATOR, *, with_totp: bool = False) -> str | None:
        with sessions() as session, session.begin():
            user = auth.add_user(session, name=name, role=role, password=PASSWORD,
                                 with_totp=with_totp, secret_key=SECRET_KEY)
            return auth.totp_secret(user, SECRET_KEY)
    return _make


@pytest.fixture
def device_token(sessions: sessionmaker[Session], office_id: str) -> str:
    """A real device of the office, enrolled through the services: its bearer token."""
    from sync_server.services import devices

    with sessions() as session, session.begin():
        issued = devices.issue_enrollment_code(
            session, office_id=office_id, ttl=dt.timedelta(hours=1), actor="test"
        )
    with sessions() as session, session.begin():
        return devices.enroll(
            session, code=issued.code, device_name="Laptop 1", app_version="1.0"
        ).token

"""Fixtures of the sync server tests: a fresh database per test on SQLite and PostgreSQL, the
real ASGI app, enrolled devices, and a real ``kim-server serve`` process on a free port.

PostgreSQL must be reachable at 127.0.0.1:5432 (user postgres); each test session creates its
own uniquely named database and drops it afterwards. If PostgreSQL is missing the tests fail.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from kim_protocol import wire
from sync_server.app import create_app
from sync_server.config import Settings
from sync_server.db import make_engine, make_session_factory, transaction, upgrade
from sync_server.services import devices

PG_ADMIN_URL = os.environ.get(
    "KIM_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
ROOT = Path(__file__).resolve().parents[2]


PG_PREFIX = "kim_server_test_"


def _drop_orphans(connection: Connection) -> None:
    """Drops databases of earlier test runs whose process died before its teardown."""
    names = connection.scalars(
        text("SELECT datname FROM pg_database WHERE datname LIKE :prefix"),
        {"prefix": PG_PREFIX + "%"},
    ).all()
    for name in names:
        pid = name[len(PG_PREFIX) :].split("_")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A migrated PostgreSQL database of its own for this test session."""
    name = f"{PG_PREFIX}{os.getpid()}_{secrets.token_hex(4)}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            _drop_orphans(connection)
            connection.execute(text(f'CREATE DATABASE "{name}"'))
            # Killing our server never kills PostgreSQL, so tests need no fsync per commit.
            connection.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    except Exception as error:  # fail loudly: these tests must not silently skip
        pytest.fail(f"PostgreSQL unter {PG_ADMIN_URL} ist nicht erreichbar: {error}")
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = connection.scalars(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version'"
            )
        ).all()
        if tables:
            names = ", ".join(f'"{t}"' for t in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database: a new SQLite file, or the session's PostgreSQL database
    emptied."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.db'}"
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        return url
    url = str(request.getfixturevalue("pg_url"))
    _truncate_postgres(url)
    return url


@pytest.fixture
def pg_only_url(pg_url: str) -> str:
    _truncate_postgres(pg_url)
    return pg_url


def settings_for(db_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "db_url": db_url,
        "rate_limit_device_per_second": 10_000.0,
        "rate_limit_device_burst": 10_000,
        "rate_limit_ip_per_second": 10_000.0,
        "rate_limit_ip_burst": 10_000,
        "db_pool_size": 4,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def app(db_url: str) -> FastAPI:
    return create_app(settings_for(db_url))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@dataclass(frozen=True)
class Device:
    device_id: str
    office_id: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class Admin:
    """What the admin CLI does, through the same services, on the test database."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url, pool_size=2)
        self.sessions = make_session_factory(self.engine)

    def office(self, name: str = "KIM Minden", municipality: str = "Minden") -> str:
        with transaction(self.sessions) as session:
            return devices.create_office(
                session, name=name, municipalities=[municipality], actor="test"
            ).id

    def code(self, office_id: str, *, hours: float = 1) -> str:
        with transaction(self.sessions) as session:
            return devices.issue_enrollment_code(
                session, office_id=office_id, ttl=dt.timedelta(hours=hours), actor="test"
            ).code

    def revoke(self, device_id: str, *, wipe: bool = False) -> None:
        with transaction(self.sessions) as session:
            devices.revoke_device(session, device_id=device_id, wipe=wipe, actor="test")


@pytest.fixture
def admin(db_url: str) -> Iterator[Admin]:
    admin = Admin(db_url)
    yield admin
    admin.engine.dispose()


def enroll_with(http: httpx.Client | TestClient, code: str, name: str = "Rathaus-PC") -> Device:
    response = http.post(
        "/v1/enroll", json={"code": code, "device_name": name, "app_version": "0.1.0"}
    )
    assert response.status_code == 200, response.text
    body = wire.EnrollResponse.model_validate(response.json())
    return Device(device_id=body.device_id, office_id=body.office_id, token=body.token)


@pytest.fixture
def enroll(client: TestClient, admin: Admin) -> Callable[..., Device]:
    """Enrolls a new device into ``office_id`` (default: a new office) through the API."""

    def make(office_id: str | None = None) -> Device:
        return enroll_with(client, admin.code(office_id or admin.office()))

    return make


def ciphertext(size: int = 40) -> str:
    """Random bytes shaped like AES-GCM output, base64url without padding."""
    return secrets.token_urlsafe(size)


def op(seq: int, record_id: str | None = None, *, base: int = 0, **fields: object) -> dict:
    value: dict[str, object] = {
        "seq": seq,
        "kind": "consultation",
        "record_id": record_id or str(uuid.uuid4()),
        "base_version": base,
        "ciphertext": ciphertext(),
    }
    value.update(fields)
    return value


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerProcess:
    """``kim-server serve`` as a child process on a free loopback port."""

    def __init__(self, url: str, *, workers: int = 1, extra: list[str] | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.db_url = url
        self.workers = workers
        self.extra = extra or []
        self.env = env or {}
        self.port = free_port()
        self.scheme = "https" if "--ssl-certfile" in self.extra else "http"
        self.process: subprocess.Popen[str] | None = None
        self.log: list[str] = []

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        env = dict(os.environ)
        env.update(
            KIM_SERVER_RATE_LIMIT_DEVICE_PER_SECOND="10000",
            KIM_SERVER_RATE_LIMIT_DEVICE_BURST="10000",
            KIM_SERVER_RATE_LIMIT_IP_PER_SECOND="10000",
            KIM_SERVER_RATE_LIMIT_IP_BURST="10000",
            KIM_SERVER_DB_POOL_SIZE="4",
        )
        env.update(self.env)
        command = [
            sys.executable, "-m", "sync_server", "--db", self.db_url, "serve",
            "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers),
            *self.extra,
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
            text=True, start_new_session=True,
        )  # fmt: skip
        ready = threading.Event()
        self.log = []

        def drain(stream: object, log: list[str]) -> None:
            # Ready once the socket is bound ("running on") and every worker has started.
            started, bound = 0, False
            for line in stream:  # type: ignore[attr-defined]
                log.append(line)
                started += "Application startup complete" in line
                bound = bound or "Uvicorn running on" in line
                if bound and started >= self.workers:
                    ready.set()
            ready.set()  # the process ended: stop waiting

        threading.Thread(target=drain, args=(self.process.stderr, self.log), daemon=True).start()
        if not ready.wait(timeout) or self.process.poll() is not None:
            self.stop()
            raise AssertionError("kim-server serve did not start:\n" + "".join(self.log[-30:]))

    def kill(self) -> None:
        """SIGKILL, no chance to clean up (a power cut, the OOM killer)."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


class Servers:
    """Starts ``kim-server serve`` processes; the fixture stops them all afterwards."""

    def __init__(self) -> None:
        self.started: list[ServerProcess] = []

    def start(self, url: str, *, workers: int = 1, extra: list[str] | None = None,
              env: dict[str, str] | None = None) -> ServerProcess:
        """``env`` overrides the environment, the tests' generous rate limits included."""
        server = ServerProcess(url, workers=workers, extra=extra, env=env)
        self.started.append(server)
        server.start()
        return server


@pytest.fixture
def servers() -> Iterator[Servers]:
    pool = Servers()
    yield pool
    for server in pool.started:
        server.stop()

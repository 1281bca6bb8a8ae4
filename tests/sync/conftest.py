"""Fixtures of the sync tests: local device databases and a real ``kim-server`` process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

import kim_desktop.core.models  # noqa: F401  (registers every table)
from kim_desktop.core.db import Base
from kim_desktop.core.provisioning import ServerTrust, spki_sha256
from kim_desktop.core.stored_secrets import SecretBox
from kim_desktop.sync.client import RetryPolicy, SyncClient
from kim_desktop.sync.enroll import Enrollment, enroll
from tests.core.conftest import session
from tests.server.conftest import Admin, ServerProcess, _truncate_postgres, pg_url
from tests.sync.certs import server_certificate, tls_options
from tests.sync.models import TestBase

#: Fixtures of other folders used here too: the in-memory domain session of the core tests
#: (the report facts are derived from it).
__all__ = ["pg_url", "session"]


#: The data key the plain test databases stand for.
TEST_DATA_KEY = bytes(range(32))


def local_engine(path: Path) -> Engine:
    """A plain SQLite file with the vault's pragmas that matter here (foreign keys, WAL)."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(connection: object, _record: object) -> None:
        cursor = connection.cursor()  # type: ignore[attr-defined]
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    Base.metadata.create_all(engine)
    TestBase.metadata.create_all(engine)
    return engine


def session_factory(engine: Engine, user: str = "anna") -> Callable[[], Session]:
    """Sessions as a vault gives them: with a box for the stored secrets (the office key),
    under one fixed data key, so that a helper process opens the same database too."""
    box = SecretBox(TEST_DATA_KEY)
    return lambda: Session(engine, info={"user": user, "secrets": box}, expire_on_commit=False)


@pytest.fixture
def local_db(tmp_path: Path) -> Iterator[Callable[[str], Callable[[], Session]]]:
    """Makes fresh device databases: ``local_db("a")`` gives a session factory."""
    engines: list[Engine] = []

    def make(name: str) -> Callable[[], Session]:
        engine = local_engine(tmp_path / f"{name}.db")
        engines.append(engine)
        return session_factory(engine)

    yield make
    for engine in engines:
        engine.dispose()


# --- a real server -----------------------------------------------------------------------

#: Short backoff: tests exercise retries without waiting long.
FAST_RETRY = RetryPolicy(attempts=6, base_delay=0.05, max_delay=0.5)


@dataclass
class Office:
    """A server with one office; ``device()`` enrolls a new local database into it."""

    server: ServerProcess
    admin: Admin
    office_id: str
    make_db: Callable[[str], Callable[[], Session]]
    recovery_key: str | None = None
    #: The TLS trust devices are enrolled with (None: a plain-HTTP server on loopback).
    trust: ServerTrust | None = None

    def device(self, name: str, *, url: str | None = None) -> tuple[Callable[[], Session],
                                                                   SyncClient]:
        sessions = self.make_db(name)
        code = self.admin.code(self.office_id)
        with sessions() as session:
            result: Enrollment = enroll(session, server_url=url or self.server.url, code=code,
                                        office_recovery_key=self.recovery_key, device_name=name,
                                        trust=self.trust)
        if result.office_recovery_key:
            self.recovery_key = result.office_recovery_key
        assert result.key_ready
        return sessions, SyncClient(sessions, retry=FAST_RETRY)

    def other_office(self) -> Office:
        return Office(self.server, self.admin, self.admin.office(name="KIM Rahden",
                                                                municipality="Rahden"),
                      self.make_db, trust=self.trust)


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    url = str(request.getfixturevalue("pg_url"))
    _truncate_postgres(url)
    return url


@pytest.fixture
def office(
    server_db_url: str, local_db: Callable[[str], Callable[[], Session]]
) -> Iterator[Office]:
    yield from _office(ServerProcess(server_db_url), local_db)


@pytest.fixture
def pinned_office(
    server_db_url: str, local_db: Callable[[str], Callable[[], Session]], tmp_path: Path
) -> Iterator[Office]:
    """:func:`office` behind TLS with a self-signed certificate, which devices pin."""
    key, cert = server_certificate(tmp_path / "tls")
    pin = ServerTrust("pin", None, spki_sha256(cert.read_text(encoding="ascii")))
    yield from _office(ServerProcess(server_db_url, extra=tls_options(key, cert)), local_db, pin)


def _office(server: ServerProcess, local_db: Callable[[str], Callable[[], Session]],
            trust: ServerTrust | None = None) -> Iterator[Office]:
    server.start()
    admin = Admin(server.db_url)
    try:
        yield Office(server, admin, admin.office(), local_db, trust=trust)
    finally:
        server.stop()
        admin.engine.dispose()

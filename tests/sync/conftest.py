"""Fixtures of the sync tests: local device databases and a real ``kim-server`` process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

import kim_desktop.core.models  # noqa: F401  (registers every table)
from kim_desktop.core.db import Base
from tests.sync import models  # noqa: F401  (registers the test tables)


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
    return engine


def session_factory(engine: Engine, user: str = "anna") -> Callable[[], Session]:
    return lambda: Session(engine, info={"user": user}, expire_on_commit=False)


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

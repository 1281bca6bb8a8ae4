"""What every ``kim-server`` command shares: the database URL, sessions and the error type."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session

from sync_server.config import Settings, default_db_url
from sync_server.db import make_engine, make_session_factory


class CliError(Exception):
    """A problem the admin can fix; printed as a German message, never as a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def database_error(error: DatabaseError, *,
                   unreachable: str = "Die Datenbank ist nicht erreichbar.") -> CliError:
    """The German message for a database URL that cannot be used: the server does not answer
    (``unreachable``), or the file is something else (a text file, an encrypted vault)."""
    if isinstance(error, OperationalError):
        return CliError(unreachable)
    return CliError("Unter dieser Datenbank-URL liegt keine Datenbank des KIM-Servers (die Datei "
                    "ist keine Datenbank oder beschädigt). Bitte --db bzw. KIM_SERVER_DB prüfen.")


def common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="Datenbank-URL (Standard: KIM_SERVER_DB oder eine SQLite-Datei im Datenordner)",
    )
    return common


def db_url(args: argparse.Namespace) -> str:
    return getattr(args, "db", None) or os.environ.get("KIM_SERVER_DB") or default_db_url()


def settings(args: argparse.Namespace) -> Settings:
    try:
        return Settings.from_env(db_url=db_url(args))
    except ValidationError as error:
        names = sorted({str(e["loc"][0]).upper() for e in error.errors() if e.get("loc")})
        raise CliError(
            "Ungültige Einstellung: " + ", ".join(f"KIM_SERVER_{name}" for name in names)
        ) from error


def engine_for(args: argparse.Namespace) -> Engine:
    url = settings(args).db_url
    try:
        return make_engine(url)
    except (ArgumentError, ValueError, ModuleNotFoundError) as error:
        raise CliError(f"Die Datenbank-URL ist ungültig: {type(error).__name__}") from error


@contextmanager
def session_for(args: argparse.Namespace) -> Iterator[Session]:
    """A session in one transaction on an initialised database."""
    engine = engine_for(args)
    try:
        try:
            if not inspect(engine).has_table("alembic_version"):
                raise CliError(
                    "Die Datenbank ist noch nicht eingerichtet: bitte `kim-server init`."
                )
        except DatabaseError as error:
            raise database_error(error) from error
        with make_session_factory(engine)() as session, session.begin():
            yield session
    finally:
        engine.dispose()


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))

"""What every ``kim-server`` command shares: the database URL and the error type."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import platformdirs


class CliError(Exception):
    """A problem the admin can fix; printed as a German message, never as a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def default_db_url() -> str:
    folder = Path(platformdirs.user_data_dir("kim-server", "KIM"))
    return f"sqlite:///{folder / 'kim-server.db'}"


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

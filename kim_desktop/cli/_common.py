"""What every ``kim-desktop`` command shares: the data folder and the error type."""

from __future__ import annotations

import argparse
from pathlib import Path

import platformdirs


class CliError(Exception):
    """A problem the user can fix; printed as a German message, never as a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("kim-desktop", "KIM"))


def common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="Datenordner (Standard: der Datenordner der Plattform)",
    )
    return common


def data_dir(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "data_dir", None) or default_data_dir())

"""What every ``kim-desktop`` command shares: the data folder and the error type."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import platformdirs

from kim_desktop.core.provisioning import ENV_VAR as PROVISIONING_ENV_VAR
from kim_protocol.export_text import clean


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
    common.add_argument(
        "--provisioning",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DATEI",
        help="Bereitstellungsdatei (Standard: KIM_PROVISIONING oder die systemweite Datei)",
    )
    return common


def apply_provisioning_option(args: argparse.Namespace) -> None:
    """Make ``--provisioning`` win over ``KIM_PROVISIONING`` for everything this process
    starts, so the first-run wizard finds it through ``find_provisioning()`` alone."""
    path = getattr(args, "provisioning", None)
    if path is not None:
        os.environ[PROVISIONING_ENV_VAR] = str(Path(path).resolve())


def data_dir(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "data_dir", None) or default_data_dir())


def shown(text: str | None) -> str:
    """A stored text (a name, a reason) for one line of a terminal: without the control and
    bidi characters that texts stored before they were refused may hold (an escape sequence
    would clear or recolour the terminal, U+202E turn the line), line breaks as spaces."""
    return clean(text or "").replace("\n", " ")

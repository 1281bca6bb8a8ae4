"""The ``kim-server`` admin command line.

Each module in this package (not starting with ``_``) adds its commands through
``register(subparsers, common)``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DatabaseError

from kim_protocol import __version__
from sync_server.cli._common import CliError, common_parser


def build_parser() -> argparse.ArgumentParser:
    common = common_parser()
    parser = argparse.ArgumentParser(
        prog="kim-server", description="KIM Sync-Server: Verwaltung", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"kim-server {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="BEFEHL", required=True)
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CliError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return error.exit_code
    except DatabaseError:
        # Opened, but not of this server's schema (another program's file, a foreign schema).
        print("Fehler: Die Datenbank hat nicht den Aufbau des KIM-Servers. Bitte --db bzw. "
              "KIM_SERVER_DB prüfen.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130

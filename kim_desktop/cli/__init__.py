"""The ``kim-desktop`` command line.

Each module in this package (not starting with ``_``) adds its commands through
``register(subparsers, common)``, so a new command group is a new file and nothing else.
With no command, the desktop program opens.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence

from kim_desktop.cli._common import CliError, apply_provisioning_option, common_parser
from kim_protocol import __version__


def build_parser() -> argparse.ArgumentParser:
    common = common_parser()
    parser = argparse.ArgumentParser(
        prog="kim-desktop",
        description="KIM Desktop – Fallmanagement im Kommunalen Integrationsmanagement",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"kim-desktop {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="BEFEHL")
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        module.register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    apply_provisioning_option(args)
    handler = getattr(args, "handler", None)
    if handler is None:
        from kim_desktop.cli._gui import run_gui

        handler = run_gui
    else:
        # The program's log is English and for developers; a command says in German
        # what matters to the person who runs it (Python would print warnings to stderr).
        logging.getLogger("kim_desktop").addHandler(logging.NullHandler())
    try:
        return int(handler(args) or 0)
    except CliError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130

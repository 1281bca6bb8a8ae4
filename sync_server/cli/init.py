"""``kim-server init``: creates or upgrades the database schema."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.exc import OperationalError

from sync_server.cli._common import CliError, engine_for
from sync_server.db import upgrade


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "init", parents=[common], help="Datenbank anlegen oder auf den neuesten Stand bringen"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    engine = engine_for(args)
    try:
        upgrade(engine)
    except OperationalError as error:
        raise CliError("Die Datenbank ist nicht erreichbar oder nicht beschreibbar.") from error
    finally:
        engine.dispose()
    print("Datenbank ist eingerichtet.")
    return 0

"""``kim-server init``: creates or upgrades the database schema; with ``KIM_SERVER_SECRET_KEY``
set it also seals TOTP secrets stored before they were encrypted."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.exc import DatabaseError

from sync_server.cli._common import database_error, engine_for, session_for, settings
from sync_server.dashboard.auth import seal_plaintext_totp_secrets
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
    except DatabaseError as error:
        raise database_error(
            error, unreachable="Die Datenbank ist nicht erreichbar oder nicht beschreibbar."
        ) from error
    finally:
        engine.dispose()
    secret_key = settings(args).secret_key
    if secret_key is not None:
        with session_for(args) as session:
            sealed = seal_plaintext_totp_secrets(session, secret_key)
        if sealed:
            print(f"TOTP-Schlüssel verschlüsselt: {sealed}")
    print("Datenbank ist eingerichtet.")
    return 0

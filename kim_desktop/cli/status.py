"""``kim-desktop status``: what support may see of a data folder, without personal data.

It opens the vault (which applies pending migrations, as every start does), then prints the
schema version, the number of rows per table and the integrity check. IT runs it after an
upgrade to confirm that the data came through.
"""

from __future__ import annotations

import argparse

from sqlalchemy import inspect, text

from kim_desktop.cli._common import data_dir
from kim_desktop.cli._vault import open_vault_from_args, vault_errors


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "status",
        parents=[common],
        help="öffnet die Datenbank und zeigt Version, Anzahl der Datensätze und Prüfergebnis",
        description=(
            "Öffnet die Datenbank (dabei werden ausstehende Migrationen angewendet) und zeigt "
            "ohne personenbezogene Daten: Schema-Version, Zeilen je Tabelle, Integritätsprüfung. "
            "Passwort aus KIM_PASSWORD oder Abfrage im Terminal."
        ),
    )
    parser.add_argument(
        "--user", metavar="NAME", help="lokaler Benutzer (Standard: KIM_USER oder der einzige)"
    )
    parser.set_defaults(handler=show_status)


def show_status(args: argparse.Namespace) -> int:
    from kim_desktop.core import migrate

    vault = open_vault_from_args(args)
    try:
        with vault_errors():
            with vault.engine.connect() as connection:
                revisions = sorted(migrate.current_revisions(connection))
                tables = sorted(
                    name for name in inspect(connection).get_table_names()
                    if name != "alembic_version"
                )
                counts = {
                    name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                    for name in tables
                }
            problems = vault.check()
    finally:
        vault.close()
    folder = data_dir(args)
    print(f"Datenordner:    {folder}")
    print(f"Schema-Version: {', '.join(revisions)}")
    print(f"Programm kennt: {', '.join(sorted(migrate.head_revisions()))}")
    for name, count in counts.items():
        print(f"Tabelle {name}: {count}")
    print("Integritätsprüfung: " + ("OK" if not problems else "; ".join(problems)))
    return 0 if not problems else 1

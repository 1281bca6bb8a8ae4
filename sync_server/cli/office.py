"""``kim-server office add|list``: the offices (one per town hall team)."""

from __future__ import annotations

import argparse
from typing import Any

from sync_server.cli._common import CliError, print_json, session_for
from sync_server.services import audit, devices


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("office", parents=[common], help="Büros verwalten")
    commands = parser.add_subparsers(dest="office_command", metavar="BEFEHL", required=True)
    add = commands.add_parser("add", parents=[common], help="ein Büro anlegen")
    add.add_argument("--name", required=True, help="Name des Büros")
    add.add_argument("--municipality", required=True, help="Kommune")
    add.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    add.set_defaults(handler=add_office)
    listing = commands.add_parser("list", parents=[common], help="Büros auflisten")
    listing.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    listing.set_defaults(handler=list_offices)


def add_office(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        try:
            office = devices.create_office(
                session, name=args.name, municipality=args.municipality, actor=audit.cli_actor()
            )
        except devices.DeviceError as error:
            raise CliError(error.message) from error
        result = {"office_id": office.id, "name": office.name, "municipality": office.municipality}
    if args.json:
        print_json(result)
    else:
        print(result["office_id"])
    return 0


def list_offices(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        rows = [
            {
                "office_id": o.id,
                "name": o.name,
                "municipality": o.municipality,
                "key_check_set": o.key_check is not None,
            }
            for o in devices.list_offices(session)
        ]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['office_id']}  {row['municipality']:<22} {row['name']}")
    return 0

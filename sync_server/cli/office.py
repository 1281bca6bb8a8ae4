"""``kim-server office add|edit|list|reset-key-check``: the offices (one per town hall team),
the municipalities each serves, and IT's reset of an office key's check value."""

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
    add.add_argument("--municipality", required=True, action="append",
                     help="Kommune, die das Büro betreut (mehrfach möglich; die erste ist der "
                     "Sitz). Nur für diese Kommunen nimmt der Server Auswertungsdaten an.")
    add.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    add.set_defaults(handler=add_office)
    edit = commands.add_parser("edit", parents=[common], help="ein Büro ändern")
    edit.add_argument("--office", required=True, help="Büro-ID")
    edit.add_argument("--name", help="neuer Name")
    edit.add_argument("--municipality", action="append",
                      help="ersetzt die Liste der betreuten Kommunen (mehrfach möglich)")
    edit.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    edit.set_defaults(handler=edit_office)
    listing = commands.add_parser("list", parents=[common], help="Büros auflisten")
    listing.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    listing.set_defaults(handler=list_offices)
    reset = commands.add_parser(
        "reset-key-check", parents=[common],
        help="den Prüfwert des Büroschlüssels löschen (wenn ein falscher gesetzt wurde); das "
        "nächste Gerät, das mit dem Wiederherstellungsschlüssel des Büros beitritt, setzt ihn neu",
    )
    reset.add_argument("--office", required=True, help="Büro-ID")
    reset.set_defaults(handler=reset_key_check)


def _describe(session: Any, office: Any) -> dict[str, Any]:
    return {
        "office_id": office.id,
        "name": office.name,
        "municipalities": devices.office_municipalities(session, office.id),
        "key_check_set": office.key_check is not None,
    }


def _print(result: dict[str, Any], args: argparse.Namespace) -> None:
    if args.json:
        print_json(result)
    else:
        print(result["office_id"])


def add_office(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        try:
            devices.check_municipalities_free(session, args.municipality)
            office = devices.create_office(
                session, name=args.name, municipalities=args.municipality,
                actor=audit.cli_actor(),
            )
        except devices.DeviceError as error:
            raise CliError(error.message) from error
        result = _describe(session, office)
    _print(result, args)
    return 0


def edit_office(args: argparse.Namespace) -> int:
    if args.name is None and args.municipality is None:
        raise CliError("Nichts zu ändern: bitte --name oder --municipality angeben.")
    with session_for(args) as session:
        try:
            if args.municipality is not None:
                devices.check_municipalities_free(session, args.municipality,
                                                  office_id=args.office)
            office = devices.edit_office(
                session, office_id=args.office, name=args.name,
                municipalities=args.municipality, actor=audit.cli_actor(),
            )
        except devices.DeviceError as error:
            raise CliError(error.message) from error
        result = _describe(session, office)
    _print(result, args)
    return 0


def list_offices(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        rows = [_describe(session, o) for o in devices.list_offices(session)]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['office_id']}  {', '.join(row['municipalities']):<30} {row['name']}")
    return 0


def reset_key_check(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        try:
            devices.reset_key_check(session, office_id=args.office, actor=audit.cli_actor())
        except devices.DeviceError as error:
            raise CliError(error.message) from error
    print("Der Prüfwert des Büroschlüssels ist gelöscht. Das nächste Gerät des Büros bitte mit "
          "dem Wiederherstellungsschlüssel des Büros registrieren: es setzt den Prüfwert neu. "
          "Ein Gerät, das ohne ihn beitritt, legt einen neuen Büroschlüssel an.")
    return 0

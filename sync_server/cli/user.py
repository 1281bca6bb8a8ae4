"""``kim-server user add|list|edit|disable|enable|reset-password|delete``: accounts of the
coordinator dashboard.

The password comes from ``KIM_PASSWORD`` or a prompt (twice), never from the command line,
where other users of the machine could read it. An unknown name is a German message and exit
code 2; every change is in the server's audit log.
"""

from __future__ import annotations

import argparse
import getpass
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from kim_protocol.catalogs import default_catalogs
from sync_server.cli._common import CliError, print_json, session_for, settings
from sync_server.dashboard import accounts, auth
from sync_server.dashboard.models import Role
from sync_server.db import utcnow
from sync_server.services import audit


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("user", parents=[common], help="Dashboard-Konten verwalten")
    commands = parser.add_subparsers(dest="user_command", metavar="BEFEHL", required=True)
    add = commands.add_parser("add", parents=[common], help="ein Konto anlegen")
    add.add_argument("--name", required=True, help="Anmeldename")
    add.add_argument("--role", required=True, choices=[r.value for r in Role],
                     help="coordinator (Koordination) oder admin (IT)")
    add.add_argument("--totp", action="store_true",
                     help="zweiten Faktor (TOTP) einrichten; zeigt den Schlüssel einmal an")
    add.add_argument("--municipality", action="append", default=[],
                     help="nur diese Kommune zeigen (mehrfach möglich; ohne: ganzer Kreis)")
    add.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    add.set_defaults(handler=add_user)
    listing = commands.add_parser("list", parents=[common], help="alle Konten auflisten")
    listing.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    listing.set_defaults(handler=list_users)
    edit = commands.add_parser(
        "edit", parents=[common], help="die Kommunen eines Koordinationskontos festlegen")
    edit.add_argument("--name", required=True, help="Anmeldename")
    scope = edit.add_mutually_exclusive_group(required=True)
    scope.add_argument("--municipality", action="append",
                       help="nur diese Kommune zeigen (mehrfach möglich; ersetzt die Liste)")
    scope.add_argument("--all-municipalities", action="store_true",
                       help="den ganzen Kreis zeigen (hebt die Beschränkung auf)")
    edit.set_defaults(handler=edit_user)
    for command, text, handler in (
        ("disable", "ein Konto deaktivieren (meldet es sofort ab)", disable_user),
        ("enable", "ein deaktiviertes Konto wieder öffnen", enable_user),
        ("reset-password", "ein neues Passwort setzen (hebt eine Sperre auf, meldet ab)",
         reset_password),
        ("delete", "ein Konto löschen", delete_user),
    ):
        sub = commands.add_parser(command, parents=[common], help=text)
        sub.add_argument("--name", required=True, help="Anmeldename")
        sub.set_defaults(handler=handler)


def _password() -> str:
    from_env = os.environ.get("KIM_PASSWORD")
    if from_env is not None:
        return from_env
    try:
        first = getpass.getpass("Passwort (mindestens 12 Zeichen): ")
        second = getpass.getpass("Passwort wiederholen: ")
    except EOFError:
        raise CliError("Kein Passwort: bitte KIM_PASSWORD setzen oder eingeben.") from None
    if first != second:
        raise CliError("Die Passwörter stimmen nicht überein.")
    return first


#: Said to the admin who runs ``user add --totp`` (the dashboard's own message sends its
#: users to IT): what to set, and that the server needs the same value.
NO_SECRET_KEY = (
    "Für den zweiten Faktor (--totp) braucht der Server die Einstellung "
    "KIM_SERVER_SECRET_KEY mit mindestens 32 zufälligen Zeichen, z. B.: "
    "export KIM_SERVER_SECRET_KEY=$(openssl rand -hex 32). Denselben Wert bitte auch dem "
    "laufenden Server geben (Umgebung des Dienstes, siehe docs/server.md) und den Befehl "
    "dann erneut ausführen."
)


@contextmanager
def _accounts(args: argparse.Namespace) -> Iterator[Session]:
    """A session whose account errors become German CLI messages."""
    with session_for(args) as session:
        try:
            yield session
        except auth.LoginError as error:
            raise CliError(str(error)) from error


def _where(codes: Sequence[str]) -> str:
    catalog = default_catalogs().municipalities
    return ", ".join(catalog.label(code) for code in codes) if codes else "ganzer Kreis"


def add_user(args: argparse.Namespace) -> int:
    secret_key = settings(args).secret_key
    if args.totp and secret_key is None:
        raise CliError(NO_SECRET_KEY)
    password = _password()
    try:
        auth.check_password_policy(password)
        if args.municipality and args.role != Role.COORDINATOR.value:
            raise auth.LoginError(
                "Nur Koordinationskonten (coordinator) lassen sich auf Kommunen beschränken.")
        accounts.municipality_codes(args.municipality)
    except auth.LoginError as error:
        raise CliError(str(error)) from error
    with _accounts(args) as session:
        user = auth.add_user(session, name=args.name, role=Role(args.role),
                             password=password, with_totp=args.totp, secret_key=secret_key)
        codes = list(accounts.municipality_codes(args.municipality))
        accounts.limit_to(session, name=user.name, municipalities=codes)
        audit.record(session, actor=audit.cli_actor(), action="dashboard_user.add",
                     detail={"name": user.name, "role": user.role, "municipalities": codes})
        result: dict[str, Any] = {"name": user.name, "role": user.role,
                                  "municipalities": codes}
        secret = auth.totp_secret(user, secret_key)
        if secret:
            result["totp_uri"] = auth.totp_uri(user.name, secret)
    if args.json:
        print_json(result)
    else:
        print(f"Konto {result['name']} ({result['role']}, {_where(codes)}) angelegt.")
        if "totp_uri" in result:
            print("Bitte in der Authenticator-App einrichten (wird nicht wieder angezeigt):")
            print(result["totp_uri"])
    return 0


def list_users(args: argparse.Namespace) -> int:
    with _accounts(args) as session:
        found = accounts.accounts(session)
    now = utcnow()
    if args.json:
        print_json([{"name": a.name, "role": a.role, "municipalities": list(a.municipalities),
                     "totp": a.totp, "state": a.state(now), "created_at": a.created_at,
                     "disabled_at": a.disabled_at} for a in found])
        return 0
    if not found:
        print("Noch keine Konten: `kim-server user add` legt eines an.")
    for a in found:
        second = ", zweiter Faktor" if a.totp else ""
        print(f"{a.name}\t{a.role}\t{a.state(now)}{second}\t{_where(a.municipalities)}\t"
              f"angelegt {a.created_at:%d.%m.%Y}")
    return 0


def edit_user(args: argparse.Namespace) -> int:
    with _accounts(args) as session:
        user = accounts.limit_to(session, name=args.name,
                                 municipalities=args.municipality or [])
        codes = list(accounts.municipalities_of(session, user.id))
        audit.record(session, actor=audit.cli_actor(), action="dashboard_user.edit",
                     detail={"name": user.name, "municipalities": codes})
    print(f"Konto {user.name} zeigt jetzt: {_where(codes)}.")
    return 0


def disable_user(args: argparse.Namespace) -> int:
    with _accounts(args) as session:
        user = accounts.disable(session, name=args.name)
        audit.record(session, actor=audit.cli_actor(), action="dashboard_user.disable",
                     detail={"name": user.name})
    print(f"Konto {user.name} deaktiviert und abgemeldet.")
    return 0


def enable_user(args: argparse.Namespace) -> int:
    with _accounts(args) as session:
        user = accounts.enable(session, name=args.name)
        audit.record(session, actor=audit.cli_actor(), action="dashboard_user.enable",
                     detail={"name": user.name})
    print(f"Konto {user.name} wieder geöffnet.")
    return 0


def reset_password(args: argparse.Namespace) -> int:
    with _accounts(args) as session:
        accounts.find(session, args.name)
        password = _password()
        user = accounts.reset_password(session, name=args.name, password=password)
        audit.record(session, actor=audit.cli_actor(), action="dashboard_user.reset_password",
                     detail={"name": user.name})
    print(f"Neues Passwort für {user.name} gesetzt; offene Anmeldungen sind beendet.")
    return 0


def delete_user(args: argparse.Namespace) -> int:
    with _accounts(args) as session:
        name = accounts.remove(session, name=args.name)
        audit.record(session, actor=audit.cli_actor(), action="dashboard_user.delete",
                     detail={"name": name})
    print(f"Konto {name} gelöscht.")
    return 0

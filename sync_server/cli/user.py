"""``kim-server user add``: accounts of the coordinator dashboard.

The password comes from ``KIM_PASSWORD`` or a prompt (twice), never from the command line,
where other users of the machine could read it.
"""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Any

from sync_server.cli._common import CliError, print_json, session_for, settings
from sync_server.dashboard import auth
from sync_server.dashboard.models import Role
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
    add.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    add.set_defaults(handler=add_user)


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


def add_user(args: argparse.Namespace) -> int:
    secret_key = settings(args).secret_key
    if args.totp and secret_key is None:
        raise CliError(NO_SECRET_KEY)
    password = _password()
    try:
        auth.check_password_policy(password)
    except auth.LoginError as error:
        raise CliError(str(error)) from error
    with session_for(args) as session:
        try:
            user = auth.add_user(session, name=args.name, role=Role(args.role),
                                 password=password, with_totp=args.totp, secret_key=secret_key)
        except auth.LoginError as error:
            raise CliError(str(error)) from error
        audit.record(session, actor=audit.cli_actor(), action="dashboard_user.add",
                     detail={"name": user.name, "role": user.role})
        result: dict[str, Any] = {"name": user.name, "role": user.role}
        secret = auth.totp_secret(user, secret_key)
        if secret:
            result["totp_uri"] = auth.totp_uri(user.name, secret)
    if args.json:
        print_json(result)
    else:
        print(f"Konto {result['name']} ({result['role']}) angelegt.")
        if "totp_uri" in result:
            print("Bitte in der Authenticator-App einrichten (wird nicht wieder angezeigt):")
            print(result["totp_uri"])
    return 0

"""Vault commands: init, check, backup, restore, passwd, reset-password, useradd, rekey."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from kim_desktop.cli._common import CliError, data_dir
from kim_desktop.cli._vault import (
    EXIT_DAMAGED,
    damage_report,
    new_password_from_env_or_prompt,
    open_vault_from_args,
    password_from_env_or_prompt,
    vault_errors,
)
from kim_desktop.core.backup import PREVIOUS_FOLDER
from kim_desktop.core.vault import REKEY_BACKUP_NAME, Role, Vault

ROLE_LABELS = {Role.CASE_MANAGER: "Case-Management", Role.OFFICE_ADMIN: "Büroleitung"}

PASSWORD_HELP = "Passwort aus KIM_PASSWORD oder Abfrage im Terminal."
NEW_PASSWORD_HELP = "Neues Passwort aus KIM_NEW_PASSWORD oder doppelte Abfrage im Terminal."


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    init = subparsers.add_parser(
        "init",
        parents=[common],
        help="legt die verschlüsselte Datenbank an",
        description="Legt die verschlüsselte Datenbank an, mit NAME als Büroleitung, und zeigt "
        "einmalig den Wiederherstellungsschlüssel. Passwort aus KIM_PASSWORD oder doppelte "
        "Abfrage im Terminal.",
    )
    init.add_argument("--user", required=True, metavar="NAME")
    init.set_defaults(handler=run_init)

    check = subparsers.add_parser(
        "check",
        parents=[common],
        help="prüft die Datenbank (Exit 0: in Ordnung, 1: beschädigt)",
        description=f"Prüft Verschlüsselung und Datenbank. {PASSWORD_HELP}",
    )
    check.add_argument("--user", metavar="NAME")
    check.set_defaults(handler=run_check)

    backup = subparsers.add_parser(
        "backup",
        parents=[common],
        help="sichert die verschlüsselte Datenbank in eine Datei",
        description=f"Schreibt eine verschlüsselte Sicherung, während alles offen bleibt. "
        f"{PASSWORD_HELP}",
    )
    backup.add_argument("--out", required=True, type=Path, metavar="DATEI")
    backup.add_argument("--user", metavar="NAME")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore",
        parents=[common],
        help="spielt eine Sicherung zurück",
        description="Ersetzt die Datenbank durch eine Sicherung. Die bisherigen Dateien "
        f"bleiben im Unterordner {PREVIOUS_FOLDER}/. Passwörter und Benutzer sind danach "
        "die vom Zeitpunkt der Sicherung. Der nächste Abgleich beginnt eine neue Sync-Epoche "
        "und holt zurück, was seit der Sicherung gesendet wurde.",
    )
    restore.add_argument("--from", dest="source", required=True, type=Path, metavar="DATEI")
    restore.set_defaults(handler=run_restore)

    passwd = subparsers.add_parser(
        "passwd",
        parents=[common],
        help="ändert ein Passwort",
        description=f"Ändert das Passwort von NAME. Altes Passwort: {PASSWORD_HELP} "
        f"{NEW_PASSWORD_HELP}",
    )
    passwd.add_argument("--user", required=True, metavar="NAME")
    passwd.set_defaults(handler=run_passwd)

    reset = subparsers.add_parser(
        "reset-password",
        parents=[common],
        help="setzt ein Passwort mit dem Wiederherstellungsschlüssel neu",
        description="Setzt das Passwort von NAME mit dem Wiederherstellungsschlüssel neu. "
        "Neues Passwort aus KIM_PASSWORD oder doppelte Abfrage im Terminal. Ohne "
        "--recovery-key wird der Schlüssel abgefragt.",
    )
    reset.add_argument("--user", required=True, metavar="NAME")
    reset.add_argument("--recovery-key", metavar="SCHLÜSSEL")
    reset.set_defaults(handler=run_reset_password)

    useradd = subparsers.add_parser(
        "useradd",
        parents=[common],
        help="legt einen weiteren Benutzer an (nur Büroleitung)",
        description="Legt einen Benutzer an. Anmeldung als Büroleitung (--admin, KIM_USER oder "
        f"der einzige Benutzer). {PASSWORD_HELP} {NEW_PASSWORD_HELP}",
    )
    useradd.add_argument("--user", required=True, metavar="NAME")
    useradd.add_argument(
        "--role", choices=[role.value for role in Role], default=Role.CASE_MANAGER.value
    )
    useradd.add_argument("--admin", metavar="NAME")
    useradd.set_defaults(handler=run_useradd)

    rekey = subparsers.add_parser(
        "rekey",
        parents=[common],
        help="erneuert den Schlüssel der Datenbank (nur Büroleitung)",
        description="Schlüssel erneuern: schreibt zuerst eine geprüfte Sicherung "
        f"({REKEY_BACKUP_NAME} im Datenordner) und verschlüsselt die Datenbank dann mit einem "
        "neuen Schlüssel. Alle Passwörter und der Wiederherstellungsschlüssel bleiben gültig; "
        "alte Kopien der Schlüsseldatei öffnen danach nichts mehr. Die nach einer "
        f"Wiederherstellung in {PREVIOUS_FOLDER}/ abgelegten Dateien werden gelöscht. "
        f"{PASSWORD_HELP}",
    )
    rekey.add_argument("--user", metavar="NAME")
    rekey.add_argument("--recovery-key", metavar="SCHLÜSSEL",
                       help="vom Wiederherstellungsblatt; ohne ihn wird er abgefragt (er "
                       "beweist, dass der Wiederherstellungseintrag nicht ausgetauscht wurde)")
    rekey.set_defaults(handler=run_rekey)


def run_init(args: argparse.Namespace) -> int:
    password = new_password_from_env_or_prompt("KIM_PASSWORD")
    with vault_errors():
        vault, recovery_key = Vault.create(data_dir(args), admin=args.user, password=password)
    vault.close()
    print(f"Die verschlüsselte Datenbank ist eingerichtet in {data_dir(args)}.")
    print(f"Benutzer: {vault.user.name} ({ROLE_LABELS[vault.user.role]})")
    print()
    print("Wiederherstellungsschlüssel – wird nur dieses eine Mal angezeigt.")
    print("Bitte ausdrucken oder abschreiben und sicher verwahren. Ohne ihn und ohne")
    print("Passwort kann niemand, auch der Support nicht, die Daten wieder lesen:")
    print()
    print(f"    {recovery_key}")
    print()
    return 0


def run_check(args: argparse.Namespace) -> int:
    vault = open_vault_from_args(args)
    try:
        with vault_errors():
            problems = vault.check()
    finally:
        vault.close()
    if problems:
        print(damage_report(problems), file=sys.stderr)
        return EXIT_DAMAGED
    print("Die Datenbank ist in Ordnung.")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    vault = open_vault_from_args(args)
    try:
        with vault_errors():
            vault.backup(args.out)
    finally:
        vault.close()
    print(f"Sicherung geschrieben: {args.out}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    target = data_dir(args)
    had_vault = Vault.exists(target)
    with vault_errors():
        Vault.restore(target, source=args.source)
    print(f"Sicherung zurückgespielt nach {target}.")
    if had_vault:
        print(f"Die bisherigen Dateien liegen in {target / PREVIOUS_FOLDER}.")
    print("Ist der Rechner bei einem Sync-Server registriert, holt er beim nächsten Abgleich "
          "zurück, was er seit der Sicherung gesendet hatte.")
    print("Wer nach der Sicherung gelöscht wurde, wird bei der nächsten Anmeldung erneut "
          "gelöscht.")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    old_password = password_from_env_or_prompt(f"Bisheriges Passwort für {args.user}")
    new_password = new_password_from_env_or_prompt()
    vault = open_vault_from_args(args, password=old_password)
    try:
        with vault_errors():
            vault.change_password(
                user=args.user, old_password=old_password, new_password=new_password
            )
    finally:
        vault.close()
    print(f"Das Passwort von {args.user} ist geändert.")
    return 0


def _recovery_key_from_args_or_prompt(args: argparse.Namespace) -> str:
    if args.recovery_key is not None:
        return str(args.recovery_key)
    if not sys.stdin.isatty():
        raise CliError("Bitte den Wiederherstellungsschlüssel mit --recovery-key angeben.")
    return getpass.getpass("Wiederherstellungsschlüssel: ")


def run_reset_password(args: argparse.Namespace) -> int:
    recovery_key = _recovery_key_from_args_or_prompt(args)
    new_password = new_password_from_env_or_prompt("KIM_PASSWORD")
    with vault_errors():
        rekeyed = Vault.reset_password(
            data_dir(args), user=args.user, recovery_key=recovery_key, new_password=new_password
        )
    print(f"Das Passwort von {args.user} ist neu gesetzt.")
    if rekeyed:
        print("Der Schlüssel der Datenbank ist erneuert: alte Kopien der Schlüsseldatei öffnen "
              "nichts mehr.")
    else:
        print("Der Schlüssel der Datenbank wird erneuert, sobald sich alle Benutzer*innen "
              "einmal angemeldet haben (kim-desktop rekey).")
    return 0


def run_rekey(args: argparse.Namespace) -> int:
    vault = open_vault_from_args(args)
    try:
        recovery_key = _recovery_key_from_args_or_prompt(args)
        with vault_errors():
            backup = vault.rekey(recovery_key=recovery_key)
    finally:
        vault.close()
    print("Der Schlüssel der Datenbank ist erneuert. Alle Passwörter und der "
          "Wiederherstellungsschlüssel bleiben gültig.")
    print(f"Geprüfte Sicherung: {backup}")
    return 0


def run_useradd(args: argparse.Namespace) -> int:
    admin = args.admin or os.environ.get("KIM_USER") or _only_admin(args)
    new_password = new_password_from_env_or_prompt()
    vault = open_vault_from_args(args, user=admin)
    try:
        with vault_errors():
            added = vault.add_user(name=args.user, role=Role(args.role), password=new_password)
    finally:
        vault.close()
    print(f"Benutzer angelegt: {added.name} ({ROLE_LABELS[added.role]})")
    return 0


def _only_admin(args: argparse.Namespace) -> str:
    with vault_errors():
        admins = [u.name for u in Vault.local_users(data_dir(args)) if u.role == Role.OFFICE_ADMIN]
    if len(admins) != 1:
        raise CliError("Bitte mit --admin NAME angeben, wer als Büroleitung anmeldet.")
    return admins[0]

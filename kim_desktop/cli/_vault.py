"""Opening the vault from the command line: who, with which password, and German errors.

* The user: ``--user NAME``, else ``KIM_USER``, else the only local user there is.
* The password: ``KIM_PASSWORD``, else a prompt on the terminal. A second password (a new
  one) comes from ``KIM_NEW_PASSWORD``, else a prompt asked twice.

Vault errors become :class:`CliError`: a damaged vault or backup exits with 1, everything else
a user can fix (wrong password included) with 2.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from kim_desktop.cli._common import CliError, data_dir
from kim_desktop.core.errors import BackupInvalid, DomainError, VaultCorrupt, VaultError
from kim_desktop.core.office_contacts import office_contacts, with_contacts
from kim_desktop.core.vault import Vault
from kim_protocol.catalogs import CatalogError, load_catalogs

EXIT_DAMAGED = 1
EXIT_USER_ERROR = 2


@contextmanager
def vault_errors() -> Iterator[None]:
    """Turn vault errors raised inside the block into command-line errors."""
    try:
        yield
    except (VaultCorrupt, BackupInvalid) as error:
        raise CliError(str(error), EXIT_DAMAGED) from error
    except VaultError as error:
        raise CliError(str(error), EXIT_USER_ERROR) from error


def damage_report(problems: list[str]) -> str:
    """What ``check`` found, and what to do about it."""
    return "\n".join([
        "Die Datenbank ist beschädigt:", *(f"  {problem}" for problem in problems),
        "Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).",
    ])


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise CliError(
            "Kein Passwort angegeben: bitte KIM_PASSWORD setzen oder im Terminal aufrufen."
        )
    return getpass.getpass(f"{label}: ")


def password_from_env_or_prompt(label: str = "Passwort") -> str:
    password = os.environ.get("KIM_PASSWORD")
    return password if password is not None else _prompt(label)


def new_password_from_env_or_prompt(variable: str = "KIM_NEW_PASSWORD") -> str:
    """A new password from ``variable``, or typed twice at the prompt."""
    password = os.environ.get(variable)
    if password is not None:
        return password
    first = _prompt("Neues Passwort")
    if _prompt("Neues Passwort wiederholen") != first:
        raise CliError("Die beiden Passwörter stimmen nicht überein.")
    return first


def chosen_user(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("KIM_USER")
    if name:
        return str(name)
    with vault_errors():
        names = [local.name for local in Vault.local_users(data_dir(args))]
    if len(names) == 1:
        return names[0]
    raise CliError("Es gibt mehrere Benutzer: bitte --user NAME angeben (oder KIM_USER setzen).")


def open_vault_from_args(
    args: argparse.Namespace, *, user: str | None = None, password: str | None = None
) -> Vault:
    """Unlock the vault in ``--data-dir``; ``user`` and ``password`` default as described in
    the module docstring."""
    name = user or chosen_user(args)
    with vault_errors():
        if not Vault.exists(data_dir(args)):
            raise CliError(
                f"Im Datenordner {data_dir(args)} gibt es keine Datenbank. "
                "Bitte zuerst »kim-desktop init --user NAME« aufrufen.",
                EXIT_USER_ERROR,
            )
        if password is None:
            password = password_from_env_or_prompt(f"Passwort für {name}")
        vault = Vault.unlock(data_dir(args), user=name, password=password)
    if vault.erased_again:
        print(erased_again_text(vault.erased_again), file=sys.stderr)
    return vault


def erased_again_text(count: int) -> str:
    """Says that the unlock erased again persons a restored backup brought back."""
    if count == 1:
        return ("1 Person, die nach der zurückgespielten Sicherung gelöscht worden war, ist "
                "erneut gelöscht.")
    return (f"{count} Personen, die nach der zurückgespielten Sicherung gelöscht worden "
            "waren, sind erneut gelöscht.")


@contextmanager
def vault_session(args: argparse.Namespace) -> Iterator[Session]:
    """A session on the unlocked vault, with the office's catalog overrides."""
    try:
        catalogs = with_contacts(load_catalogs(data_dir(args)), office_contacts(data_dir(args)))
    except CatalogError as error:
        raise CliError(str(error)) from error
    vault = open_vault_from_args(args)
    try:
        session = vault.session()
        session.info["catalogs"] = catalogs
        with session:
            try:
                yield session
            except DomainError as error:
                raise CliError(str(error)) from error
    finally:
        vault.close()

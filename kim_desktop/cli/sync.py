"""Sync commands: ``enroll`` joins this device to its office, ``sync`` pushes and pulls."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kim_desktop.cli._common import CliError, data_dir
from kim_desktop.cli._vault import (
    EXIT_DAMAGED,
    damage_report,
    open_vault_from_args,
    vault_errors,
)
from kim_desktop.core.vault import Vault
from kim_desktop.sync import messages
from kim_desktop.sync.client import NotEnrolledError, SyncClient
from kim_desktop.sync.enroll import Enrollment, enroll, enter_office_recovery_key
from kim_desktop.sync.http import OfflineError, RevokedError, SyncError
from kim_desktop.sync.state import load_state
from kim_desktop.sync.wipe import destroy_vault_files

EXIT_FAILED = 3
EXIT_REVOKED = 4


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    enroll_parser = subparsers.add_parser(
        "enroll", parents=[common], help="meldet dieses Gerät beim Sync-Server an",
        description="Meldet dieses Gerät mit einem Registrierungscode der IT beim Sync-Server "
        "an. Das erste Gerät eines Büros legt den Büroschlüssel an und zeigt einmalig den "
        "Büro-Wiederherstellungsschlüssel; jedes weitere Gerät braucht ihn.",
    )
    enroll_parser.add_argument("--server", metavar="URL")
    enroll_parser.add_argument("--code", metavar="CODE")
    enroll_parser.add_argument("--office-recovery-key", metavar="SCHLÜSSEL")
    enroll_parser.add_argument("--ca-file", type=Path, metavar="DATEI",
                               help="CA-Zertifikat des Servers (PEM), aus der Bereitstellung")
    enroll_parser.add_argument("--device-name", metavar="NAME")
    enroll_parser.add_argument("--user", metavar="NAME")
    enroll_parser.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    enroll_parser.set_defaults(handler=run_enroll)

    sync_parser = subparsers.add_parser(
        "sync", parents=[common], help="überträgt Änderungen zum und vom Sync-Server")
    sync_parser.add_argument("--user", metavar="NAME")
    sync_parser.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    sync_parser.set_defaults(handler=run_sync)


def _print(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(text)


def _enroll(args: argparse.Namespace, vault: Vault) -> Enrollment:
    with vault.session() as session:
        state = load_state(session)
        if state is not None and state.device_token and not args.code:
            if not args.office_recovery_key:
                raise CliError(messages.KEY_NEEDED if state.office_key is None
                               else "Dieses Gerät ist bereits angemeldet.")
            return enter_office_recovery_key(session,
                                             office_recovery_key=args.office_recovery_key)
        if not args.server or not args.code:
            raise CliError("Bitte --server URL und --code CODE angeben.")
        if args.ca_file is not None and not args.ca_file.is_file():
            raise CliError(f"CA-Zertifikat nicht gefunden: {args.ca_file}")
        return enroll(session, server_url=args.server, code=args.code,
                      office_recovery_key=args.office_recovery_key,
                      device_name=args.device_name,
                      ca_file=str(args.ca_file.resolve()) if args.ca_file else None)


def run_enroll(args: argparse.Namespace) -> int:
    vault = open_vault_from_args(args)
    try:
        result = _enroll(args, vault)
    except OfflineError as error:
        raise CliError(str(error), EXIT_FAILED) from error
    except SyncError as error:
        raise CliError(str(error), 2) from error
    finally:
        vault.close()
    data: dict[str, Any] = {"device_id": result.device_id, "office_id": result.office_id,
                            "office_name": result.office_name,
                            "municipality": result.municipality, "key_ready": result.key_ready}
    lines = [f"Angemeldet im Büro {result.office_name} ({result.municipality}).",
             f"Geräte-ID: {result.device_id}"]
    if result.office_recovery_key:
        data["office_recovery_key"] = result.office_recovery_key
        lines += ["", "Büro-Wiederherstellungsschlüssel – wird nur dieses eine Mal angezeigt.",
                  "Bitte ausdrucken und sicher verwahren. Jedes weitere Gerät des Büros",
                  "braucht ihn; ohne ihn kann niemand die Daten des Büros lesen:", "",
                  f"    {result.office_recovery_key}", ""]
    _print(args, data, "\n".join(lines))
    if not result.key_ready:
        raise CliError(messages.KEY_NEEDED, EXIT_FAILED)
    return 0


def run_sync(args: argparse.Namespace) -> int:
    vault = open_vault_from_args(args)
    folder = data_dir(args)
    try:
        with vault_errors():
            problems = vault.check()
    except CliError:
        vault.close()
        raise
    if problems:
        # Pushing from a damaged vault would spread the damage to the office, and pulling
        # would write into it: nothing happens until the backup is back.
        vault.close()
        raise CliError(damage_report(problems) + "\nEs wurde nichts synchronisiert.",
                       EXIT_DAMAGED)

    def tell(message: str) -> None:
        print(message, file=sys.stderr)

    def destroy() -> None:
        vault.close()
        destroy_vault_files(folder)

    client = SyncClient(vault.session, on_wipe=tell, destroy=destroy)
    try:
        result = client.run()
    except RevokedError as error:
        raise CliError(str(error), EXIT_REVOKED) from error
    except NotEnrolledError as error:
        raise CliError(str(error), 2) from error
    except SyncError as error:
        raise CliError(str(error), EXIT_FAILED) from error
    finally:
        vault.close()
    if result.offline:
        raise CliError(messages.OFFLINE, EXIT_FAILED)
    _print(args, {"pushed": result.pushed, "pulled": result.pulled,
                  "conflicts": result.conflicts, "rejected": result.rejected,
                  "held_back": result.held_back},
           f"Gesendet: {result.pushed}, empfangen: {result.pulled}, "
           f"Konflikte: {result.conflicts}, abgelehnt: {result.rejected}")
    if result.held_back:
        raise CliError(result.held_back, EXIT_FAILED)
    return 0

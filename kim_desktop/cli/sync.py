"""Sync commands: ``enroll`` joins this device to its office, ``sync`` pushes and pulls."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from cryptography import x509

from kim_desktop.cli._common import CliError, data_dir
from kim_desktop.cli._vault import (
    EXIT_DAMAGED,
    damage_report,
    open_vault_from_args,
    vault_errors,
)
from kim_desktop.core.errors import DomainError
from kim_desktop.core.provisioning import (
    ProvisioningError,
    ServerTrust,
    find_provisioning,
    load_provisioning,
)
from kim_desktop.core.services._base import require_admin
from kim_desktop.core.vault import Vault
from kim_desktop.sync import messages
from kim_desktop.sync.client import NotEnrolledError, SyncClient
from kim_desktop.sync.enroll import Enrollment, enroll, enter_office_recovery_key
from kim_desktop.sync.http import OfflineError, RevokedError, SyncError
from kim_desktop.sync.state import has_office_key, load_state
from kim_desktop.sync.status import sync_status
from kim_desktop.sync.wipe import destroy_vault_files
from kim_protocol.server_url import ServerUrlError, canonical_server_url

EXIT_FAILED = 3
EXIT_REVOKED = 4


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    enroll_parser = subparsers.add_parser(
        "enroll", parents=[common], help="meldet dieses Gerät beim Sync-Server an",
        description="Meldet dieses Gerät mit einem Registrierungscode der IT beim Sync-Server "
        "an. Das erste Gerät eines Büros legt den Büroschlüssel an und zeigt einmalig den "
        "Büro-Wiederherstellungsschlüssel; jedes weitere Gerät braucht ihn.",
    )
    enroll_parser.add_argument("--server", metavar="URL",
                               help="Adresse des Sync-Servers; ohne sie die der Bereitstellung")
    enroll_parser.add_argument("--code", metavar="CODE")
    enroll_parser.add_argument("--office-recovery-key", metavar="SCHLÜSSEL")
    trust = enroll_parser.add_mutually_exclusive_group()
    trust.add_argument("--ca-file", type=Path, metavar="DATEI",
                       help="CA-Zertifikat des Servers (PEM); ohne --ca-file und --pin-sha256 "
                       "gilt das der Bereitstellung")
    trust.add_argument("--pin-sha256", metavar="HEX",
                       help="SHA-256 des öffentlichen Server-Schlüssels (SPKI, 64 Hex-Zeichen)")
    enroll_parser.add_argument("--renew-trust", action="store_true",
                               help="ein angemeldetes Gerät übernimmt ein neues Zertifikat oder "
                               "einen neuen Pin (aus --ca-file, --pin-sha256 oder der "
                               "Bereitstellung), etwa nach einem Schlüsselwechsel des Servers")
    enroll_parser.add_argument("--device-name", metavar="NAME")
    enroll_parser.add_argument("--user", metavar="NAME")
    enroll_parser.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    enroll_parser.set_defaults(handler=run_enroll)

    sync_parser = subparsers.add_parser(
        "sync", parents=[common], help="überträgt Änderungen zum und vom Sync-Server",
        description="Sendet die Änderungen dieses Geräts an den Sync-Server und holt die der "
        "anderen Geräte des Büros, Ende-zu-Ende-verschlüsselt. Empfangene Datensätze, die "
        "sich nicht öffnen lassen, werden zurückgestellt und bei jedem Abgleich erneut "
        "versucht. Passwort aus KIM_PASSWORD oder Abfrage im Terminal.")
    sync_parser.add_argument("--user", metavar="NAME",
                             help="lokaler Benutzer (Standard: KIM_USER oder der einzige)")
    sync_parser.add_argument(
        "--resend-reports", action="store_true",
        help="ersetzt alle Auswertungsangaben des Büros auf dem Server durch die dieses "
        "Geräts, etwa nachdem ein fehlerhaftes Gerät falsche Angaben gesendet hat")
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
        if args.renew_trust:
            if state is None or not state.device_token:
                raise CliError(messages.NOT_ENROLLED_YET)
            try:
                require_admin(session)
            except DomainError as error:
                raise CliError(str(error)) from error
            _server, trust = _server_and_trust(args)
            if trust is None:
                # Never back to the system's certificates: a proxy inspecting TLS would be
                # trusted from then on.
                raise CliError(messages.RENEW_WITHOUT_TRUST)
            state.ca_pem = trust.certificates_pem if trust and trust.mode == "trust" else None
            state.pin_sha256 = trust.spki_sha256 if trust and trust.mode == "pin" else None
            session.commit()
            return Enrollment(state.device_id, state.office_id, state.office_name,
                              state.municipality, has_office_key(session))
        if state is not None and state.device_token and not args.code:
            if not args.office_recovery_key:
                raise CliError(messages.KEY_NEEDED if not has_office_key(session)
                               else "Dieses Gerät ist bereits angemeldet.")
            return enter_office_recovery_key(session,
                                             office_recovery_key=args.office_recovery_key)
        server, trust = _server_and_trust(args)
        if not server or not args.code:
            raise CliError("Bitte --server URL und --code CODE angeben.")
        return enroll(session, server_url=server, code=args.code,
                      office_recovery_key=args.office_recovery_key,
                      device_name=args.device_name, trust=trust)


def _server_and_trust(args: argparse.Namespace) -> tuple[str | None, ServerTrust | None]:
    """The server and its TLS trust: as given on the command line, else as provisioned."""
    if args.ca_file is not None:
        try:
            pem = args.ca_file.read_text(encoding="ascii")
            x509.load_pem_x509_certificates(pem.encode("ascii"))
        except OSError as error:
            raise CliError(f"CA-Zertifikat nicht lesbar: {args.ca_file} ({error.strerror})") \
                from None
        except (UnicodeDecodeError, ValueError):
            raise CliError(f"Kein gültiges PEM-Zertifikat: {args.ca_file}") from None
        return args.server, ServerTrust("trust", pem, None)
    if args.pin_sha256 is not None:
        pin = args.pin_sha256.strip().lower()
        if not re.fullmatch(r"[0-9a-f]{64}", pin):
            raise CliError("--pin-sha256 muss ein SHA-256-Wert aus 64 Hex-Zeichen sein.")
        return args.server, ServerTrust("pin", None, pin)
    try:
        path = find_provisioning()
        provisioning = load_provisioning(path) if path is not None else None
    except ProvisioningError as error:
        raise CliError(str(error)) from None
    if provisioning is None:
        return args.server, None
    if not args.server or not provisioning.server_url:
        return args.server or provisioning.server_url, provisioning.server_trust
    try:
        server = canonical_server_url(args.server)
    except ServerUrlError:
        return args.server, None  # enroll refuses it in its own words, before any request
    if server == canonical_server_url(provisioning.server_url):
        # Another spelling of IT's server (a trailing "/", upper case, ":443"): IT's trust.
        return provisioning.server_url, provisioning.server_trust
    if provisioning.server_trust is not None:
        # IT's trust belongs to IT's server; falling back to the system's roots for another
        # one would let a proxy with a publicly trusted certificate in without a word.
        raise CliError(messages.OTHER_SERVER_THAN_PROVISIONED.format(
            server=args.server, provisioned=provisioning.server_url))
    return args.server, None


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


def _set_aside(count: int) -> str:
    """What the records put aside (they do not open or apply) mean, and what helps."""
    if count == 1:
        what = ("1 empfangener Datensatz lässt sich nicht öffnen; er ist zurückgestellt und "
                "wird")
    else:
        what = (f"{count} empfangene Datensätze lassen sich nicht öffnen; sie sind "
                "zurückgestellt und werden")
    return (f"Hinweis: {what} bei jedem Abgleich erneut versucht. Bitte den "
            "Büro-Wiederherstellungsschlüssel prüfen (kim-desktop enroll "
            "--office-recovery-key) oder KIM Desktop aktualisieren.")


def _waiting_for_update(count: int) -> str:
    """What changes of this device's own that wait for an update of the program mean."""
    what = "1 eigene Änderung wartet" if count == 1 else f"{count} eigene Änderungen warten"
    return (f"Hinweis: {what} auf ein Update von KIM Desktop: eine neuere Fassung vom "
            "Sync-Server lässt sich hier nicht öffnen. Nichts geht verloren; nach dem Update "
            "wird beides zusammengeführt.")


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
        result = client.resend_reports() if args.resend_reports else client.run()
        with vault.session() as session:
            status = sync_status(session)
        aside = status.quarantined
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
                  "quarantined": aside, "held_back": result.held_back,
                  "waiting_for_update": status.waiting_for_update},
           f"Gesendet: {result.pushed}, empfangen: {result.pulled}, "
           f"Konflikte: {result.conflicts}, abgelehnt: {result.rejected}, "
           f"zurückgestellt: {aside}")
    if aside:
        tell(_set_aside(aside))
    if status.waiting_for_update:
        tell(_waiting_for_update(status.waiting_for_update))
    if result.held_back:
        raise CliError(result.held_back, EXIT_FAILED)
    return 0

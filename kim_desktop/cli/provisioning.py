"""``kim-desktop provisioning``: lets IT check a provisioning file before rolling it out."""

from __future__ import annotations

import argparse
from pathlib import Path

from kim_desktop.cli._common import CliError
from kim_desktop.core.provisioning import ProvisioningError, find_provisioning, load_provisioning
from kim_protocol.catalogs import default_catalogs


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "provisioning",
        parents=[common],
        help="prüft eine Bereitstellungsdatei und zeigt, was sie festlegt",
        description=(
            "Prüft eine Bereitstellungsdatei. Ohne DATEI wird die Datei geprüft, die das "
            "Programm beim Start verwenden würde (--provisioning, KIM_PROVISIONING, systemweit)."
        ),
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="DATEI")
    parser.set_defaults(handler=check_provisioning)


def check_provisioning(args: argparse.Namespace) -> int:
    try:
        path = args.file or find_provisioning()
        if path is None:
            raise CliError("Keine Bereitstellungsdatei gefunden.", exit_code=1)
        provisioning = load_provisioning(path)
    except ProvisioningError as error:
        raise CliError(str(error), exit_code=1) from None
    trust = provisioning.server_trust
    rows = [
        ("Datei", str(provisioning.source)),
        ("Büro", provisioning.office_name),
        ("Kommune", default_catalogs().municipalities.label(provisioning.municipality)),
        ("Server", provisioning.server_url or "(keiner, nur offline)"),
        ("Zertifikat", "Systemvertrauen" if trust is None else
         f"{trust.mode} (SPKI-SHA-256 {trust.spki_sha256})" if trust.mode == "pin" else
         "eigene Zertifizierungsstelle"),
        ("Sperre nach", f"{provisioning.auto_lock_minutes} Minuten"),
        ("Aufbewahrung", "Voreinstellung des Programms"
         if provisioning.retention_years_after_closure is None
         else f"{provisioning.retention_years_after_closure} Jahre nach Fallabschluss"),
        ("Sprache", provisioning.language),
        ("Barrierefreiheit", "Voreinstellung des Programms" if provisioning.accessibility_contact
         is None else f"Kontakt {provisioning.accessibility_contact}"),
    ]
    if provisioning.accessibility_date is not None:
        rows.append(("", f"Erklärung vom {provisioning.accessibility_date}"))
    if provisioning.accessibility_url is not None:
        rows.append(("", f"veröffentlicht unter {provisioning.accessibility_url}"))
    for key, label in (("controller", "Verantwortlich"), ("dpo_name", "Datenschutz")):
        if key in provisioning.data_protection:
            rows.append((label, provisioning.data_protection[key]))
    for label, value in rows:
        print(f"{label + ':' if label else '':<18}{value}")
    print("Die Bereitstellungsdatei ist gültig.")
    return 0

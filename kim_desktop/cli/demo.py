"""``kim-desktop demo``: a demo office with synthetic people, opened in the program.

The first call creates the vault (user ``demo``, the password below) and fills it with
synthetic clients through the domain's demo-data generator; later calls just open it. The
password is printed here and shown on the unlock screen: this office holds no real data.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import TYPE_CHECKING

from kim_desktop.cli._common import CliError, data_dir

if TYPE_CHECKING:
    from kim_desktop.core.office_contacts import OfficeContacts

DEMO_USER = "demo"
DEMO_PASSWORD = "Demo Büro mit erfundenen Personen"


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser(
        "demo",
        parents=[common],
        help="öffnet KIM Desktop mit einem Demo-Büro (erfundene Personen)",
        description="Legt beim ersten Aufruf ein Demo-Büro mit erfundenen Personen an und "
        "öffnet es.",
    )
    demo.add_argument("--clients", type=int, default=300, metavar="N",
                      help="Anzahl erfundener Personen beim Anlegen (Standard: 300)")
    demo.add_argument("--reset", action="store_true",
                      help="das Demo-Büro vorher löschen und neu anlegen")
    demo.add_argument("--no-window", action="store_true",
                      help="nur anlegen, das Programm nicht öffnen")
    demo.set_defaults(handler=run_demo)


def _progress(done: int, total: int) -> bool:
    width = 30
    filled = width * done // max(total, 1)
    print(f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{total} Personen",
          end="", file=sys.stderr, flush=True)
    return True


def _demo_contacts() -> OfficeContacts:
    from kim_desktop.core.office_contacts import OfficeContacts

    return OfficeContacts(
        controller="Demo-Stadt, KIM-Büro (erfunden)",
        controller_contact="Musterweg 1, 00000 Demo-Stadt, kim@demo.invalid",
        dpo_name="Datenschutzbeauftragte*r der Demo-Stadt (erfunden)",
        dpo_contact="datenschutz@demo.invalid")


def create_demo_office(folder: object, clients: int) -> None:
    from pathlib import Path

    from kim_desktop.core.demo import generate_demo_data
    from kim_desktop.core.office_contacts import save_office_contacts
    from kim_desktop.core.vault import Vault

    target = Path(str(folder))
    vault, _ = Vault.create(target, admin=DEMO_USER, password=DEMO_PASSWORD)
    with vault, vault.session() as session:
        print(f"Lege ein Demo-Büro mit {clients} erfundenen Personen an …", file=sys.stderr)
        generate_demo_data(session, clients=clients, seed=2026, progress=_progress)
        print(file=sys.stderr)
    # Made up as the people are, so that the demo's Art. 15 information can be written.
    save_office_contacts(target, _demo_contacts())


def run_demo(args: argparse.Namespace) -> int:
    from kim_desktop.core.vault import Vault

    folder = data_dir(args)
    if args.clients < 0 or args.clients > 100_000:
        raise CliError("--clients muss zwischen 0 und 100000 liegen.")
    if args.reset and folder.exists():
        if not Vault.exists(folder) and any(folder.iterdir()):
            raise CliError(f"{folder} ist kein Demo-Büro; es wird nicht gelöscht.")
        shutil.rmtree(folder)
    if not Vault.exists(folder):
        create_demo_office(folder, args.clients)
    print(f"Demo-Büro in {folder}\n  Benutzer: {DEMO_USER}\n  Passwort: {DEMO_PASSWORD}",
          file=sys.stderr)
    if args.no_window:
        return 0
    from kim_desktop.ui.app import run

    return run(folder, demo_user=DEMO_USER, demo_password=DEMO_PASSWORD)

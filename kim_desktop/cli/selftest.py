"""``kim-desktop selftest``: proves an installation works, with no window and no user data.

Municipal IT runs it after a silent install (and CI runs it on the installed ``.deb``). It
uses only the installed files and a temporary folder: an encrypted database is created,
migrated, written, locked, unlocked and read back, and Qt starts offscreen and builds the main
window.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from kim_desktop.cli._common import CliError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "selftest",
        parents=[common],
        help="prüft die Installation (verschlüsselte Datenbank, Migrationen, Oberfläche)",
        description="Prüft die Installation ohne Fenster und ohne Benutzerdaten.",
    )
    parser.set_defaults(handler=run_selftest)


def run_selftest(args: argparse.Namespace) -> int:
    checks: list[tuple[str, Callable[[Path], None]]] = [
        ("verschlüsselte Datenbank", _check_encrypted_database),
        ("Bereitstellungsdatei", _check_provisioning),
        ("Oberfläche", _check_user_interface),
    ]
    with tempfile.TemporaryDirectory(prefix="kim-selftest-") as folder:
        for label, check in checks:
            try:
                check(Path(folder))
            except CliError:
                raise
            except Exception as error:
                raise CliError(
                    f"Selbsttest fehlgeschlagen bei „{label}“: {type(error).__name__}: {error}",
                    exit_code=1,
                ) from error
            print(f"{label}: OK")
    print("OK")
    return 0


def _check_encrypted_database(folder: Path) -> None:
    from kim_desktop.core import selfcheck

    selfcheck.check_vault(folder / "vault")


def _check_provisioning(folder: Path) -> None:
    from kim_desktop.core.provisioning import (
        ProvisioningError,
        find_provisioning,
        load_provisioning,
    )

    try:
        path = find_provisioning()
        if path is not None:
            load_provisioning(path)
    except ProvisioningError as error:
        raise CliError(f"Selbsttest: {error}", exit_code=1) from None


def _check_user_interface(folder: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kim_desktop.ui import selfcheck

    selfcheck.build_main_window(folder / "window")

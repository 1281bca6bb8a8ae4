"""The Qt half of ``kim-desktop selftest``: Qt starts (offscreen) and builds the main window
on a new, empty vault, the way the program opens after the first-run wizard."""

from __future__ import annotations

import secrets
from pathlib import Path

from kim_desktop.core.vault import Vault
from kim_desktop.ui.app import AppController, application


def build_main_window(data_dir: Path) -> None:
    """Open the real main window on a new vault in ``data_dir``, let it load, close it."""
    app = application()
    vault, _recovery_key = Vault.create(
        data_dir, admin="selbsttest", password=secrets.token_urlsafe(24)
    )
    controller = AppController(data_dir)
    try:
        controller.open_main(vault)
        app.processEvents()
        if controller.window is None or not controller.window.isVisible():
            raise RuntimeError("das Hauptfenster wurde nicht angezeigt")
    finally:
        controller.close()

"""Fixtures of the UI tests: one offscreen QApplication (pytest-qt), translations built once,
and for every test a fresh copy of a small vault made once per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kim_desktop.core import vault_header

USER = "anna"
PASSWORD = "Kaffee morgens im Rathaus"


@dataclass(frozen=True)
class CheapArgon2(vault_header.Argon2Params):
    """Argon2id at its cheapest, so that tests do not spend half a second per unlock."""

    memory_kib: int = 8
    iterations: int = 1
    lanes: int = 1


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault_header, "Argon2Params", CheapArgon2)


@pytest.fixture(scope="session", autouse=True)
def translations() -> None:
    from kim_desktop.ui import i18n

    i18n.build()


def _make_vault(folder: Path, clients: int) -> Path:
    from kim_desktop.core.demo import generate_demo_data
    from kim_desktop.core.vault import Vault

    original = vault_header.Argon2Params
    vault_header.Argon2Params = CheapArgon2  # type: ignore[misc]
    try:
        vault, recovery_key = Vault.create(folder, admin=USER, password=PASSWORD)
    finally:
        vault_header.Argon2Params = original  # type: ignore[misc]
    with vault:
        if clients:
            with vault.session() as session:
                generate_demo_data(session, clients=clients, seed=7,
                                   consultations_per_client=3)
    (folder.parent / "recovery-key.txt").write_text(recovery_key, encoding="utf-8")
    write_office_contacts(folder)
    return folder


def write_office_contacts(folder: Path) -> None:
    """The controller and officer an office admin enters: an Art. 15 PDF needs both."""
    from kim_desktop.core.office_contacts import OfficeContacts, save_office_contacts

    save_office_contacts(folder, OfficeContacts(
        "Beispielstadt, Der Bürgermeister, Am Markt 1, 32000 Beispielstadt", "kim@example.org",
        "Datenschutzbeauftragte der Beispielstadt", "datenschutz@example.org"))


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_vault(tmp_path_factory.mktemp("template") / "vault", clients=40)


@pytest.fixture
def data_dir(tmp_path: Path, template_vault: Path) -> Path:
    """A fresh copy of the session's demo vault (40 synthetic people)."""
    target = tmp_path / "vault"
    shutil.copytree(template_vault, target)
    return target


@pytest.fixture
def recovery_key(template_vault: Path) -> str:
    return (template_vault.parent / "recovery-key.txt").read_text(encoding="utf-8")


@pytest.fixture
def empty_data_dir(tmp_path: Path) -> Path:
    return tmp_path / "new"


@pytest.fixture
def controller(qtbot: Any, data_dir: Path) -> Iterator[Any]:
    from kim_desktop.ui.app import AppController

    controller = AppController(data_dir)
    yield controller
    controller.close()


def unlock(qtbot: Any, controller: Any, password: str = PASSWORD) -> Any:
    controller.start()
    dialog = controller.unlock_dialog
    dialog.user.setText(USER)
    dialog.password.setText(password)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    window = controller.window
    qtbot.addWidget(window)
    return window


def to_joining(qtbot: Any, controller: Any) -> Any:
    """Starts the first run, creates the office admin, confirms the recovery sheet and ticks
    "join a sync server"; the wizard's sync page."""
    controller.start()
    wizard = controller.wizard
    qtbot.addWidget(wizard)
    fields = wizard.admin_page.fields
    fields.user.setText(USER)
    fields.password.setText(PASSWORD)
    fields.repeat.setText(PASSWORD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=10_000)
    wizard.recovery_page.kept.setChecked(True)
    wizard.next()
    page = wizard.sync_page
    page.join.setChecked(True)
    return page


@pytest.fixture
def window(qtbot: Any, controller: Any) -> Any:
    """The main window, unlocked as the office admin, with the caseload loaded."""
    window = unlock(qtbot, controller)
    window.show_page("caseload")
    caseload = window.pages["caseload"]
    qtbot.waitUntil(lambda: caseload.loaded, timeout=10_000)
    return window


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers every message box with its default and records its title."""
    from kim_desktop.ui.qt import QMessageBox

    shown: list[str] = []

    def record(*args: Any, **kwargs: Any) -> Any:
        shown.append(str(args[1]) if len(args) > 1 else "")
        return QMessageBox.StandardButton.Discard

    shown_by_hand = QMessageBox.exec

    def built(box: Any) -> Any:
        """A warning box made by hand (messages.warn, plain text) is recorded too, instead
        of waiting for a click; other boxes a test answers by keys are shown."""
        if box.icon() != QMessageBox.Icon.Warning:
            return shown_by_hand(box)
        shown.append(box.windowTitle())
        return QMessageBox.StandardButton.Ok

    for method in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, method, staticmethod(record))
    monkeypatch.setattr(QMessageBox, "exec", built)
    return shown

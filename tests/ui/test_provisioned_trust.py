"""The first-run wizard joins the server IT provisioned, checked against IT's certificate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kim_desktop.core.vault import Vault
from kim_desktop.sync.state import load_state
from tests.server.conftest import Admin, ServerProcess
from tests.sync.certs import authority, server_certificate, tls_options
from tests.ui.conftest import PASSWORD, USER, to_joining


@pytest.fixture
def provisioned_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                       ) -> Iterator[tuple[ServerProcess, Admin, str]]:
    ca = authority("KIM Kreis-CA")
    process = ServerProcess(f"sqlite:///{tmp_path / 'server.db'}",
                            extra=tls_options(*server_certificate(tmp_path / "tls", ca)))
    process.start()
    (tmp_path / "kim-ca.pem").write_text(ca.pem, encoding="ascii")
    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text(
        f'[server]\nurl = "{process.url}"\nca_certificate = "kim-ca.pem"\n'
        'tls_mode = "trust"\n\n[office]\nname = "KIM Rahden"\nmunicipality = "Rahden"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("KIM_PROVISIONING", str(provisioning))
    admin = Admin(process.db_url)
    try:
        yield process, admin, ca.pem
    finally:
        process.stop()
        admin.engine.dispose()


def test_the_wizard_joins_the_provisioned_server_with_its_ca(
    qtbot: Any, empty_data_dir: Path, provisioned_server: tuple[ServerProcess, Admin, str]
) -> None:
    from kim_desktop.ui.app import AppController

    process, admin, ca_pem = provisioned_server
    controller = AppController(empty_data_dir)
    try:
        page = to_joining(qtbot, controller)
        assert page.url.text() == process.url and page.url.isReadOnly()
        page.code.setFocus()
        qtbot.keyClicks(page.code, admin.code(admin.office()))
        assert not page.validatePage()
        qtbot.waitUntil(lambda: page.enrolled, timeout=30_000)
        page.kept.setChecked(True)
        controller.wizard.accept()
        qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    finally:
        controller.close()
    with Vault.unlock(empty_data_dir, user=USER, password=PASSWORD) as vault, \
            vault.session() as session:
        state = load_state(session)
        assert state is not None and state.ca_pem == ca_pem
        assert state.server_url == process.url


def test_the_provisioned_server_in_another_spelling_keeps_its_trust(
    qtbot: Any, empty_data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``kim-desktop-gui --server HTTPS://kim.example/`` gave the wizard no trust on main."""
    from kim_desktop.ui.app import AppController

    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text(
        f'[server]\nurl = "https://kim.example"\ntls_mode = "pin"\npin_sha256 = "{"ab" * 32}"\n'
        '\n[office]\nname = "KIM Rahden"\nmunicipality = "Rahden"\n', encoding="utf-8")
    monkeypatch.setenv("KIM_PROVISIONING", str(provisioning))
    controller = AppController(empty_data_dir, server_url="HTTPS://kim.example:443/")
    try:
        controller.start()
        assert controller.wizard is not None
        assert controller.wizard.trust is not None
        assert controller.wizard.trust.spki_sha256 == "ab" * 32
    finally:
        controller.close()

"""A colleague's large attachment as the case manager sees it arrive: "wird geladen" in the
file until its content is here, and the attachments' progress in the status bar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kim_desktop.core.errors import DomainError
from kim_desktop.core.services import add_attachment, open_attachment
from kim_desktop.core.vault import Vault
from kim_desktop.sync import messages
from kim_desktop.sync.client import SyncClient
from kim_desktop.sync.enroll import enroll
from kim_desktop.ui.qt import QMessageBox, Qt
from tests.core.conftest import new_client
from tests.sync.conftest import FAST_RETRY, local_engine, session_factory
from tests.sync.test_blobs import MIB, cut_at, pdf
from tests.ui.conftest import PASSWORD, USER, unlock
from tests.ui.test_client_file_editing import on_database, tab
from tests.ui.test_sync_with_server import Server, server, synced

#: The real server process of the other sync UI tests.
__all__ = ["server"]


def test_a_pulled_attachment_is_loading_until_its_blob_is_here(
    qtbot: Any, controller: Any, data_dir: Path, server: Server, tmp_path: Path,
) -> None:
    content = pdf(3 * MIB)
    colleague = session_factory(local_engine(tmp_path / "colleague.db"))
    with colleague() as session:
        joined = enroll(session, server_url=server.process.url, code=server.code(),
                        device_name="Kollegin")
        client_id = new_client(session, last_name="Anhang", first_name="Test")
        attachment_id = add_attachment(session, client_id=client_id, filename="bescheid.pdf",
                                       content=content).ids[0]
    assert SyncClient(colleague, retry=FAST_RETRY).run().pushed > 0

    # This device joins; its first sync is cut while the attachment's chunks come down.
    with Vault.unlock(data_dir, user=USER, password=PASSWORD) as vault:
        with vault.session() as session:
            enroll(session, server_url=server.process.url, code=server.code(),
                   office_recovery_key=joined.office_recovery_key)
        cancel, report = cut_at("download", MIB)
        assert SyncClient(vault.session, retry=FAST_RETRY).run(progress=report,
                                                               cancel=cancel).cancelled

    window = unlock(qtbot, controller)
    view = window.open_client(client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    page = tab(view, "Anhänge")
    row = page.tree.topLevelItem(0)
    assert (row.text(0), row.text(2)) == ("bescheid.pdf", "3.0 MB – wird geladen")
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=10_000)
    assert "Anhänge werden noch geladen: 1" in window.sync_status.state.text()
    # Opening it says why it cannot be opened yet, in words.
    with pytest.raises(DomainError) as loading:
        on_database(window, lambda session: open_attachment(
            session, attachment_id=attachment_id, use="view"))
    assert loading.value.code == "attachment_loading"
    assert "wird noch vom Sync-Server geladen" in str(loading.value)

    shown: list[str] = []
    window.sync.progress.connect(lambda *_: shown.append(window.sync_status.state.text()))
    status = synced(qtbot, window)
    assert status.last_error is None
    # Counted from the start: the chunks the cut sync fetched are not fetched again.
    downloads = [text for text in shown if text.startswith("Lade Anhänge")]
    assert downloads[-1] == "Lade Anhänge … 3.0 MB von 3.0 MB", shown
    qtbot.waitUntil(lambda: page.tree.topLevelItem(0).text(2) == "3.0 MB", timeout=10_000)
    assert status.loading == 0 and "geladen" not in window.sync_status.state.text()


def test_an_attachment_whose_content_does_not_arrive_says_why(
    qtbot: Any, controller: Any, data_dir: Path, server: Server, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    colleague = session_factory(local_engine(tmp_path / "colleague.db"))
    with colleague() as session:
        joined = enroll(session, server_url=server.process.url, code=server.code(),
                        device_name="Kollegin")
        client_id = new_client(session, last_name="Anhang", first_name="Test")
        add_attachment(session, client_id=client_id, filename="bescheid.pdf",
                       content=pdf(2 * MIB))
    assert SyncClient(colleague, retry=FAST_RETRY).run().pushed > 0
    # The server's copy is damaged: every copy this device gets fails to open.
    with server.admin.engine.begin() as connection:
        connection.execute(text("UPDATE blob_chunks SET ciphertext = :c"), {"c": bytes(300)})
    with Vault.unlock(data_dir, user=USER, password=PASSWORD) as vault:
        with vault.session() as session:
            enroll(session, server_url=server.process.url, code=server.code(),
                   office_recovery_key=joined.office_recovery_key)
        SyncClient(vault.session, retry=FAST_RETRY).run()

    window = unlock(qtbot, controller)
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=10_000)
    assert ("1 Anhänge kommen nicht vom Sync-Server an; jeder Abgleich versucht es erneut, "
            "der Grund steht beim Anhang") in window.sync_status.state.text()
    view = window.open_client(client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    page = tab(view, "Anhänge")
    assert page.tree.topLevelItem(0).text(2) == "2.0 MB – kommt nicht an"
    # Opening it (Enter on the row) says why, in words, instead of "still loading".
    shown: list[str] = []
    # Every box the program shows (messages.warn builds its own, in plain text) is heard
    # here instead of waiting for a click.
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Home)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert shown == [messages.BLOB_DAMAGED]

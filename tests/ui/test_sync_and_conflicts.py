"""The sync state in the status bar, and a kept conflict resolved field by field."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from kim_desktop.core.db import record_to_payload
from kim_desktop.core.models import Client
from kim_desktop.sync.state import SyncConflict
from kim_desktop.sync.status import SyncStatus
from kim_desktop.ui.conflicts import ConflictsDialog
from kim_desktop.ui.qt import QLabel
from kim_desktop.ui.sync_status import status_text


def test_local_office_says_so_and_cannot_sync(qtbot: Any, window: Any) -> None:
    bar = window.sync_status
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=10_000)
    assert "Nur lokal" in bar.state.text()
    assert not bar.sync_now.isEnabled()
    assert bar.pending.isHidden()  # nothing waits for a server the office does not have
    start = window.pages["start"]
    assert "Nur lokal" in start.sync_line.text()
    window.sync.sync_now()
    assert not window.sync.running


def _make_conflict(window: Any) -> tuple[str, str, str]:
    def work(session: Any) -> tuple[str, str, str]:
        client = session.scalars(select(Client).order_by(Client.last_name)).first()
        local = record_to_payload(client)
        remote = dict(local, phone="0571 999999", version=client.version + 1)
        session.add(SyncConflict(
            kind="client", record_id=client.id, fields=json.dumps(["phone"]),
            local_payload=json.dumps(local), remote_payload=json.dumps(remote),
            base_payload=json.dumps(local), remote_version=client.version + 1,
        ))
        session.commit()
        return client.id, client.phone, "0571 999999"

    return window.context.taskman.run_blocking_on_database(
        lambda: work(window.context.vault.session()))


def test_conflict_shown_side_by_side_and_resolved(qtbot: Any, window: Any) -> None:
    client_id, local_phone, remote_phone = _make_conflict(window)
    window.sync.refresh()
    qtbot.waitUntil(lambda: window.sync.status.conflicts == 1, timeout=10_000)
    assert not window.sync_status.conflicts.isHidden()
    assert "Konflikte: 1" in window.sync_status.conflicts.text()
    dialog = ConflictsDialog(window.context, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.list.count() == 1
    def name(session: Any) -> str:
        with session:
            client = session.get(Client, client_id)
            return f"{client.last_name}, {client.first_name}"

    person = window.context.taskman.run_blocking_on_database(
        lambda: name(window.context.vault.session()))
    # Whose record and which field, in words: not the stored column name.
    assert dialog.list.item(0).text() == f"{person}\nPerson: Telefon"
    assert [label.text() for label in dialog.fields_box.findChildren(QLabel)][-1] == "Telefon"
    radios = [dialog.groups["phone"].button(i).text() for i in (0, 1)]
    assert radios == [local_phone or "(leer)", remote_phone]
    dialog.choose("phone", "remote")
    assert dialog.choices() == {"phone": "remote"}
    dialog.resolve_current()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.list.count() == 0, timeout=10_000)
    assert not dialog.empty.isHidden()
    phone = window.context.taskman.run_blocking_on_database(
        lambda: window.context.vault.session().get(Client, client_id).phone)
    assert phone == remote_phone
    qtbot.waitUntil(lambda: window.sync.status.conflicts == 0, timeout=10_000)


def test_records_that_do_not_open_are_said_in_the_status(qtbot: Any, window: Any) -> None:
    status = SyncStatus(enrolled=True, last_sync=None, pending=0, rejected=0, conflicts=0,
                        quarantined=3, online=True, last_error=None, revoked=None)
    window.sync_status.show_status(status)
    text = window.sync_status.state.text()
    assert "3 Datensätze vom Server lassen sich nicht öffnen" in text and "⚠" in text
    assert "nicht öffnen" not in status_text(replace(status, quarantined=0))

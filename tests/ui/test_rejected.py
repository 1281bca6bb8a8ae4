"""Changes the sync server refused: in the status bar, listed with the reason in words, sent
again or discarded after a confirmation, by keyboard."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import select

from kim_desktop.core.db import record_to_payload
from kim_desktop.core.models import AuditEvent, Client
from kim_desktop.core.outbox import OutboxEntry
from kim_desktop.sync.rejected import DISCARD_ACTION
from kim_desktop.sync.state import SyncBase, SyncRejected
from kim_desktop.ui import rejected as rejected_module
from kim_desktop.ui.qt import QApplication, Qt
from kim_desktop.ui.rejected import RejectedDialog


def _on_database(window: Any, work: Any) -> Any:
    def run() -> Any:
        with window.context.vault.session() as session:
            return work(session)

    return window.context.taskman.run_blocking_on_database(run)


def _refuse(window: Any) -> tuple[str, str]:
    """A client whose last change the server refused as too large; the office has the
    client with another phone number."""

    def work(session: Any) -> tuple[str, str]:
        client = session.scalars(select(Client).order_by(Client.last_name)).first()
        office = dict(record_to_payload(client), phone="0571 111111")
        session.merge(SyncBase(record_id=client.id, kind="client", version=client.version,
                               payload=json.dumps(office)))
        session.add(SyncRejected(seq=7, kind="client", record_id=client.id, base_version=1,
                                 reason="too_large: zu groß", payload="{}",
                                 rejected_at=dt.datetime.now(dt.UTC)))
        session.execute(OutboxEntry.__table__.delete())
        session.commit()
        return client.id, office["phone"]

    return _on_database(window, work)


def _focused(qtbot: Any, widget: Any) -> Any:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=5_000)
    return QApplication.focusWidget()


def test_rejected_changes_are_listed_sent_again_and_discarded(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client_id, office_phone = _refuse(window)
    window.sync.refresh()
    qtbot.waitUntil(lambda: window.sync.status.rejected == 1, timeout=10_000)
    bar = window.sync_status
    assert not bar.rejected.isHidden() and "Abgelehnt: 1" in bar.rejected.text()

    dialog = RejectedDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10_000)
    assert dialog.list.count() == 1
    text = dialog.list.item(0).text()
    assert text.startswith("Person, abgelehnt ")
    assert "Die Änderung ist zu groß für den Sync-Server." in text

    qtbot.keyClick(_focused(qtbot, dialog.list), Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.loaded and dialog.list.count() == 0, timeout=10_000)
    assert not dialog.empty.isHidden()
    queued = _on_database(window, lambda session: session.scalars(
        select(OutboxEntry.record_id)).all())
    assert queued == [client_id]

    _refuse(window)
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.list.count() == 1, timeout=10_000)
    asked: list[str] = []

    def answer(_parent: Any, title: str, _text: str, _action: str) -> bool:
        asked.append(title)
        return len(asked) > 1  # the first time the case manager says no

    monkeypatch.setattr(rejected_module, "confirm", answer)
    qtbot.keyClick(_focused(qtbot, dialog.list), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: asked == ["Änderung verwerfen"], timeout=5_000)
    assert dialog.list.count() == 1
    qtbot.keyClick(_focused(qtbot, dialog.list), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.loaded and dialog.list.count() == 0, timeout=10_000)

    def after(session: Any) -> tuple[str, list[str]]:
        phone = session.get(Client, client_id).phone
        events = session.scalars(select(AuditEvent.record_id).where(
            AuditEvent.action == DISCARD_ACTION)).all()
        return phone, list(events)

    assert _on_database(window, after) == (office_phone, [client_id])
    qtbot.waitUntil(lambda: window.sync.status.rejected == 0, timeout=10_000)
    assert bar.rejected.isHidden()

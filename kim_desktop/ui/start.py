"""The start screen: what is due today and overdue, the latest consultations, open conflicts
and the sync state; one Enter opens the person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.models import Client, Consultation, FollowUp
from kim_desktop.ui.client_file.lists import RecordList
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import day, moment
from kim_desktop.ui.qt import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.sync import SyncController
from kim_desktop.ui.sync_status import status_text

if TYPE_CHECKING:
    from kim_desktop.sync.status import SyncStatus

RECENT = 15


@dataclass(frozen=True)
class StartData:
    due: list[tuple[FollowUp, str]]
    recent: list[tuple[Consultation, str]]


def _name(client: Client) -> str:
    return client.display_name


def load_start(session: Session, today: dt.date) -> StartData:
    due = session.execute(
        select(FollowUp, Client)
        .join(Client, Client.id == FollowUp.client_id)
        .where(FollowUp.done_on.is_(None), FollowUp.deleted_at.is_(None),
               FollowUp.due_on <= today, Client.deleted_at.is_(None))
        .order_by(FollowUp.due_on)
        .limit(200)
    ).all()
    recent = session.execute(
        select(Consultation, Client)
        .join(Client, Client.id == Consultation.client_id)
        .where(Consultation.deleted_at.is_(None), Client.deleted_at.is_(None))
        .order_by(Consultation.held_at.desc())
        .limit(RECENT)
    ).all()
    return StartData(
        due=[(f, _name(c)) for f, c in due],
        recent=[(k, _name(c)) for k, c in recent],
    )


class StartPage(QWidget):
    open_client = Signal(str)

    def __init__(self, context: Context, sync: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.greeting = QLabel()
        self.greeting.setWordWrap(True)
        layout.addWidget(self.greeting)
        grid = QGridLayout()
        self.due = RecordList(
            [translate("start", "fällig"), translate("start", "Person"),
             translate("start", "Worum")],
            translate("start", "Heute ist nichts fällig."),
            translate("start", "Fällige Wiedervorlagen"),
        )
        self.recent = RecordList(
            [translate("start", "Wann"), translate("start", "Person"),
             translate("start", "Art")],
            translate("start", "Noch keine Beratungskontakte. Strg+N erfasst den ersten."),
            translate("start", "Letzte Beratungskontakte"),
        )
        self.due_title = QLabel(translate("start", "<b>Wiedervorlagen: heute und überfällig</b>"))
        self.recent_title = QLabel(translate("start", "<b>Letzte Beratungskontakte</b>"))
        grid.addWidget(self.due_title, 0, 0)
        grid.addWidget(self.recent_title, 0, 1)
        grid.addWidget(self.due, 1, 0)
        grid.addWidget(self.recent, 1, 1)
        layout.addLayout(grid, 1)
        sync_row = QHBoxLayout()
        self.sync_line = QLabel()
        self.sync_line.setWordWrap(True)
        self.conflicts = QPushButton()
        self.conflicts.hide()
        self.conflicts.clicked.connect(self._show_conflicts)
        sync_row.addWidget(self.sync_line, 1)
        sync_row.addWidget(self.conflicts)
        layout.addLayout(sync_row)
        sync.status_changed.connect(self.show_sync_state)
        if sync.status is not None:
            self.show_sync_state(sync.status)
        self.due.tree.itemActivated.connect(lambda *_: self._open(self.due))
        self.recent.tree.itemActivated.connect(lambda *_: self._open(self.recent))
        context.taskman.changed.connect(self._changed)
        self.data: StartData | None = None
        self.reload()

    def reload(self) -> None:
        today = dt.date.today()
        self.context.read(lambda s: load_start(s, today), self._show)

    def _changed(self, change: Any) -> None:
        if any(change.touches(kind) for kind in ("follow_up", "consultation", "client")):
            self.reload()

    def _show(self, data: StartData) -> None:
        self.data = data
        today = dt.date.today()
        overdue = sum(1 for f, _ in data.due if f.due_on < today)
        self.greeting.setText(
            translate("start", "Guten Tag, {user}. Heute fällig: {today}, überfällig: {overdue}.")
            .format(user=self.context.user, today=len(data.due) - overdue, overdue=overdue)
        )

        def state(f: FollowUp) -> str:
            if f.due_on < today:
                return translate("start", "überfällig seit {date}").format(date=day(f.due_on))
            return translate("start", "heute")

        self.due.set_records(data.due, lambda r: [state(r[0]), r[1], r[0].text])
        self.recent.set_records(data.recent, lambda r: [
            moment(r[0].held_at), r[1], self.context.label("consultation_modes", r[0].mode_code),
        ])

    def show_sync_state(self, status: SyncStatus) -> None:
        self.sync_line.setText(translate("start", "Abgleich: {state}").format(
            state=status_text(status)))
        self.conflicts.setVisible(status.conflicts > 0)
        self.conflicts.setText(translate("start", "Offene Konflikte: {count} …").format(
            count=status.conflicts))

    def _show_conflicts(self) -> None:
        from kim_desktop.ui.conflicts import ConflictsDialog

        ConflictsDialog(self.context, self).open()

    def _open(self, records: RecordList) -> None:
        record = records.current()
        if record is not None:
            self.open_client.emit(record[0].client_id)

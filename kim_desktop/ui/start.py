"""The start screen: the follow-ups of today, the overdue and the coming ones (the user's own,
or everyone's), the latest consultations, open conflicts and the sync state; one Enter opens
the person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.models import (
    Client,
    Consultation,
    ErasureRequest,
    FollowUp,
    Referral,
    ReferralState,
)
from kim_desktop.core.services.erasure_requests import open_erasure_requests
from kim_desktop.core.services.retention import due_for_erasure
from kim_desktop.ui.client_file.lists import RecordList
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import counted, day, file_number, moment
from kim_desktop.ui.qt import (
    QApplication,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    Qt,
    QTabBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.settings import REFERRAL_REMINDER_DAYS
from kim_desktop.ui.sync import SyncController
from kim_desktop.ui.sync_status import status_text
from kim_protocol.export_text import clean

if TYPE_CHECKING:
    from kim_desktop.sync.status import SyncStatus

RECENT = 15
#: How far ahead the start page lists follow-ups coming up.
UPCOMING_DAYS = 14
#: The most follow-ups of one group the start page reads.
GROUP_LIMIT = 200


@dataclass(frozen=True)
class StartData:
    """The follow-ups by group (each with the person's name), and the latest consultations.
    ``today`` first, then ``overdue`` (the most recent first: what slipped yesterday before
    what has waited for months), then ``upcoming`` in date order."""

    today: list[tuple[FollowUp, str]]
    overdue: list[tuple[FollowUp, str]]
    upcoming: list[tuple[FollowUp, str]]
    recent: list[tuple[Consultation, str]]
    #: Referrals sent long enough ago without an answer (the latest first, as the overdue
    #: follow-ups), with the person's name.
    unanswered: list[tuple[Referral, str]] = field(default_factory=list)


@dataclass(frozen=True)
class AdminTasks:
    """What waits for the office admin: erasure requests (each with the person's name) and
    how many persons the retention rules make due for erasure."""

    requests: list[tuple[ErasureRequest, str]]
    due: int


def load_admin_tasks(session: Session) -> AdminTasks:
    return AdminTasks(open_erasure_requests(session), len(due_for_erasure(session)))


def _name(client: Client) -> str:
    return client.display_name


def load_start(session: Session, today: dt.date, *, user: str | None = None,
               reminder_days: int = 14) -> StartData:
    """What the start page shows; with ``user``, only the follow-ups assigned to them and
    the referrals they made. A referral still "gesendet" ``reminder_days`` after it was sent
    is a reminder."""
    def follow_ups(*where: Any, order: Any) -> list[tuple[FollowUp, str]]:
        statement = (
            select(FollowUp, Client)
            .join(Client, Client.id == FollowUp.client_id)
            .where(FollowUp.done_on.is_(None), FollowUp.deleted_at.is_(None),
                   Client.deleted_at.is_(None), *where)
            .order_by(order, Client.last_name, Client.first_name)
            .limit(GROUP_LIMIT))
        if user is not None:
            statement = statement.where(FollowUp.assigned_user == user)
        return [(f, _name(c)) for f, c in session.execute(statement).all()]

    recent = session.execute(
        select(Consultation, Client)
        .join(Client, Client.id == Consultation.client_id)
        .where(Consultation.deleted_at.is_(None), Client.deleted_at.is_(None))
        .order_by(Consultation.held_at.desc())
        .limit(RECENT)
    ).all()
    waiting = (
        select(Referral, Client)
        .join(Client, Client.id == Referral.client_id)
        .where(Referral.state == ReferralState.SENT, Referral.deleted_at.is_(None),
               Client.deleted_at.is_(None),
               Referral.sent_on <= today - dt.timedelta(days=reminder_days))
        .order_by(Referral.sent_on.desc(), Client.last_name, Client.first_name)
        .limit(GROUP_LIMIT))
    if user is not None:
        waiting = waiting.where(Referral.created_by == user)
    return StartData(
        unanswered=[(r, _name(c)) for r, c in session.execute(waiting).all()],
        today=follow_ups(FollowUp.due_on == today, order=FollowUp.due_on),
        overdue=follow_ups(FollowUp.due_on < today, order=FollowUp.due_on.desc()),
        upcoming=follow_ups(FollowUp.due_on > today,
                            FollowUp.due_on <= today + dt.timedelta(days=UPCOMING_DAYS),
                            order=FollowUp.due_on),
        recent=[(k, _name(c)) for k, c in recent],
    )


class FollowUpAgenda(QTreeWidget):
    """The follow-ups in three groups, each headed with its count; ``current()`` is the
    selected follow-up with its person's name (None on a heading)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels([translate("start", "fällig"), translate("start", "Person"),
                              translate("start", "Worum")])
        self.setAccessibleName(translate("start", "Wiedervorlagen"))
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self._rows: list[tuple[Any, str]] = []

    def show_groups(self, data: StartData, today: dt.date,
                    agency_label: Callable[[str], str] = str) -> None:
        """The three groups of follow-ups, then the referrals without an answer (with the
        file number beside the name; ``agency_label`` names an agency's code)."""
        self.clear()
        self._rows = []
        groups = [
            (translate("start", "Heute ({count})"), data.today,
             lambda f: translate("start", "heute")),
            (translate("start", "Überfällig ({count})"), data.overdue,
             lambda f: translate("start", "seit {date}").format(date=day(f.due_on))),
            (translate("start", "Demnächst ({count})"), data.upcoming,
             lambda f: day(f.due_on)),
        ]
        for title, rows, when in groups:
            def follow_up_row(f: Any, n: str, w: Callable[[Any], str] = when) -> list[str]:
                return [w(f), n, f.text]
            self._group(title.format(count=len(rows)), rows, follow_up_row)
        if data.unanswered:
            self._group(
                translate("start", "Vermittlungen ohne Antwort ({count})").format(
                    count=len(data.unanswered)), data.unanswered, lambda r, n: [
                    translate("start", "gesendet {date}").format(date=day(r.sent_on)),
                    f"{n} ({file_number(r.client_id)})",
                    translate("start", "keine Antwort von {agency}").format(
                        agency=agency_label(r.agency_code))])
        for column in range(2):
            self.resizeColumnToContents(column)
        first = next((heading.child(0) for heading in map(self.topLevelItem,
                                                          range(self.topLevelItemCount()))
                      if heading is not None and heading.childCount()), None)
        if first is not None:
            self.setCurrentItem(first)

    def _group(self, title: str, rows: list[tuple[Any, str]],
               columns: Callable[[Any, str], list[str]]) -> None:
        """A bold heading and its rows; each row remembers its record (see :meth:`current`)."""
        heading = QTreeWidgetItem([title])
        heading.setFirstColumnSpanned(True)
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        self.addTopLevelItem(heading)
        for record, name in rows:
            item = QTreeWidgetItem(columns(record, name))
            item.setData(0, Qt.ItemDataRole.UserRole, len(self._rows))
            for column in range(3):
                item.setToolTip(column, item.text(column))
            heading.addChild(item)
            self._rows.append((record, name))
        heading.setExpanded(True)

    def current(self) -> tuple[Any, str] | None:
        item = self.currentItem()
        index = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return self._rows[index] if isinstance(index, int) else None


class AdminPanel(QGroupBox):
    """The office admin's part of the start page: the reminder of the deletion run when
    persons are due, and the erasure requests to grant or decline."""

    show_deletion_run = Signal()

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(translate("start", "Für die Büroleitung"), parent)
        self.context = context
        layout = QVBoxLayout(self)
        due_row = QHBoxLayout()
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.to_run = QPushButton(translate("start", "&Zum Löschlauf"))
        self.to_run.clicked.connect(self.show_deletion_run)
        due_row.addWidget(self.due, 1)
        due_row.addWidget(self.to_run)
        layout.addLayout(due_row)
        self.requests = RecordList(
            [translate("start", "Beantragt am"), translate("start", "Person"),
             translate("start", "von"), translate("start", "Grund")],
            translate("start", "Keine Löschanträge."),
            translate("start", "Löschanträge"),
        )
        self.approve = self.requests.add_button(
            translate("start", "&Genehmigen und löschen …"), self.approve_current,
            needs_selection=True)
        self.decline = self.requests.add_button(
            translate("start", "Ablehne&n …"), self.decline_current, needs_selection=True)
        self.requests.finish_buttons()
        layout.addWidget(self.requests)
        self.tasks: AdminTasks | None = None

    def show_tasks(self, tasks: AdminTasks) -> None:
        self.tasks = tasks
        self.due.setText(counted(
            tasks.due,
            translate("start", "Zur Löschung fällig nach den Aufbewahrungsfristen: 1 Person."),
            translate("start", "Zur Löschung fällig nach den Aufbewahrungsfristen: "
                               "{count} Personen.")) if tasks.due else translate(
            "start", "Niemand ist zur Löschung fällig."))
        self.to_run.setVisible(tasks.due > 0)
        self.requests.set_records(tasks.requests, lambda r: [
            day(r[0].created_at.date()), clean(r[1]), clean(r[0].created_by),
            clean(r[0].reason).replace("\n", " ")])
        if self.requests.current() is None:
            self.requests.select_first()  # the oldest: Alt and a letter decide it

    def approve_current(self) -> None:
        from kim_desktop.core.services.erasure_requests import approve_erasure
        from kim_desktop.ui.erasure import confirmed_erasure
        from kim_desktop.ui.messages import show_error

        record = self.requests.current()
        if record is None:
            return
        request, person = record
        if not confirmed_erasure(self, translate(
                "start", "{name} wird auf Antrag von {user} gelöscht.").format(
                name=person, user=request.created_by)):
            return
        request_id = request.id
        self.context.write(lambda s: approve_erasure(s, request_id=request_id, confirm=True),
                           on_error=lambda e: show_error(self, e))

    def decline_current(self) -> Any:
        from kim_desktop.ui.erasure import DeclineErasureDialog

        record = self.requests.current()
        if record is None:
            return None
        dialog = DeclineErasureDialog(self.context, record[0].id, self,
                                      client_id=record[0].client_id)
        dialog.open()
        return dialog


class StartPage(QWidget):
    open_client = Signal(str)
    show_deletion_run = Signal()

    def __init__(self, context: Context, sync: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.greeting = QLabel()
        self.greeting.setWordWrap(True)
        layout.addWidget(self.greeting)
        grid = QGridLayout()
        self.due = FollowUpAgenda()
        whose = QHBoxLayout()
        self.mine = QRadioButton(translate("start", "&Meine"))
        self.everyone = QRadioButton(translate("start", "A&lle"))
        self.mine.setChecked(True)
        self.mine.toggled.connect(lambda _: self.reload())
        for choice in (self.mine, self.everyone):
            choice.setAccessibleName(translate("start", "Wiedervorlagen: {whose}").format(
                whose=choice.text().replace("&", "")))
            whose.addWidget(choice)
        whose.addStretch()
        self.recent = RecordList(
            [translate("start", "Wann"), translate("start", "Person"),
             translate("start", "Art")],
            translate("start", "Noch keine Beratungskontakte. Strg+N erfasst den ersten."),
            translate("start", "Letzte Beratungskontakte"),
        )
        self.due_title = QLabel(translate("start", "<b>Wiedervorlagen</b>"))
        self.recent_title = QLabel(translate("start", "<b>Letzte Beratungskontakte</b>"))
        grid.addWidget(self.due_title, 0, 0)
        grid.addWidget(self.recent_title, 0, 1)
        grid.addLayout(whose, 1, 0)
        grid.addWidget(self.due, 2, 0)
        grid.addWidget(self.recent, 1, 1, 2, 1)
        layout.addLayout(grid, 1)
        sync_row = QHBoxLayout()
        self.sync_line = QLabel()
        self.sync_line.setTextFormat(Qt.TextFormat.PlainText)  # holds the server's messages
        self.sync_line.setWordWrap(True)
        self.conflicts = QPushButton()
        self.conflicts.hide()
        self.conflicts.clicked.connect(self._show_conflicts)
        sync_row.addWidget(self.sync_line, 1)
        sync_row.addWidget(self.conflicts)
        layout.addLayout(sync_row)
        self.admin: AdminPanel | None = None
        if context.is_admin:
            self.admin = AdminPanel(context)
            self.admin.show_deletion_run.connect(self.show_deletion_run)
            self.admin.requests.tree.itemActivated.connect(
                lambda *_: self._open(self.admin.requests.current() if self.admin else None))
            layout.addWidget(self.admin)
        sync.status_changed.connect(self.show_sync_state)
        if sync.status is not None:
            self.show_sync_state(sync.status)
        self.due.itemActivated.connect(lambda *_: self._open(self.due.current()))
        self.recent.tree.itemActivated.connect(lambda *_: self._open(self.recent.current()))
        context.taskman.changed.connect(self._changed)
        self.data: StartData | None = None
        self.reload()

    def reload(self) -> None:
        today, user = dt.date.today(), self.context.user if self.mine.isChecked() else None
        days = self.context.settings.get(REFERRAL_REMINDER_DAYS)
        self.context.read(lambda s: load_start(s, today, user=user, reminder_days=days),
                          self._show)
        if self.admin is not None:
            # apart from the rest: it reads every person, and the follow-ups come first
            self.context.read(load_admin_tasks, self.admin.show_tasks)

    def _changed(self, change: Any) -> None:
        if any(change.touches(kind) for kind in ("follow_up", "consultation", "client",
                                                 "erasure_request", "case_record",
                                                 "referral")):
            self.reload()

    def _show(self, data: StartData) -> None:
        today = dt.date.today()
        self.greeting.setText(
            translate("start", "Guten Tag, {user}. Heute fällig: {today}, überfällig: {overdue}.")
            .format(user=self.context.user, today=len(data.today), overdue=len(data.overdue))
        )
        first = self.data is None
        self.data = data
        self.due.show_groups(data, today,
                             lambda code: self.context.label("partner_agencies", code))
        focused = QApplication.focusWidget()
        if first and self.isVisible() and (focused is None or isinstance(focused, QTabBar)):
            self.due.setFocus()  # after unlock, one Enter opens today's first person
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

    def _open(self, record: tuple[Any, str] | None) -> None:
        if record is not None:
            self.open_client.emit(record[0].client_id)

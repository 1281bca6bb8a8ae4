"""Soon eligible (Bald berechtigt): the clients whose time-based conditions for § 25a or
§ 25b AufenthG or § 10 StAG will be met within N months, with what is still missing. A
pre-check for planning the work, never a legal decision; the screen says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from kim_desktop.core.models import Client
from kim_desktop.core.precheck import load_rules
from kim_desktop.core.precheck.bridge import MAX_MONTHS, clients_becoming_eligible
from kim_desktop.core.precheck.report import DISCLAIMER
from kim_desktop.ui.caseload import change_touches
from kim_desktop.ui.client_file.precheck import status_label
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import day
from kim_desktop.ui.i18n import precheck_text
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.widgets import ErrorLabel, name, shrinkable

DEFAULT_MONTHS = 6
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class EligibleRow:
    client_id: str
    name: str
    rule: str
    rule_title: str
    status: str
    eligible_from: dt.date
    missing: tuple[str, ...]
    unknown: tuple[str, ...]


def load_eligible(session: Any, months: int, as_of: dt.date) -> list[EligibleRow]:
    """The soon-eligible clients with their names and the titles of the missing conditions."""
    found = clients_becoming_eligible(session, within_months=months, as_of=as_of)
    ids = {item.client_id for item in found}
    clients = session.scalars(select(Client).where(Client.id.in_(ids))).all() if ids else []
    names = {client.id: client.display_name for client in clients}
    rules = load_rules()
    titles = {
        rule_id: {c.id: c.title for version in rule.versions for c in version.conditions}
        for rule_id, rule in rules.items()
    }
    return [
        EligibleRow(
            item.client_id, names.get(item.client_id, ""), item.rule, rules[item.rule].title,
            item.status, item.eligible_from,
            tuple(titles[item.rule].get(c, c) for c in item.missing),
            tuple(titles[item.rule].get(c, c) for c in item.unknown),
        )
        for item in found
    ]


def still_open(row: EligibleRow) -> str:
    """What is still missing: the conditions not yet met, then those no facts are recorded
    for (to be asked about), each said as such."""
    parts = []
    if row.missing:
        parts.append(translate("eligibility", "Noch nicht erfüllt: {conditions}").format(
            conditions="; ".join(map(precheck_text, row.missing))))
    if row.unknown:
        parts.append(translate("eligibility", "Angaben fehlen: {conditions}").format(
            conditions="; ".join(map(precheck_text, row.unknown))))
    return " · ".join(parts) or translate("eligibility", "—")


class EligibilityPage(QWidget):
    """Emits :attr:`open_client` with a client id (Enter or double-click on a row)."""

    open_client = Signal(str)

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        note = QLabel(translate("precheck", DISCLAIMER))
        note.setWordWrap(True)
        layout.addWidget(note)
        bar = QHBoxLayout()
        self.months = QSpinBox()
        self.months.setRange(1, MAX_MONTHS)
        self.months.setValue(DEFAULT_MONTHS)
        self.months.setSuffix(translate("eligibility", " Monate"))
        name(self.months, translate("eligibility", "Zeitraum in Monaten"))
        months_label = QLabel(translate("eligibility", "Berechtigt &innerhalb von:"))
        months_label.setBuddy(self.months)
        self.rule = shrinkable(QComboBox())
        self.rule.addItem(translate("eligibility", "Alle Regeln"), "")
        for rule_id, rule in load_rules().items():
            self.rule.addItem(precheck_text(rule.title), rule_id)
        name(self.rule, translate("eligibility", "Regel"))
        rule_label = QLabel(translate("eligibility", "&Regel:"))
        rule_label.setBuddy(self.rule)
        for widget in (months_label, self.months, rule_label):
            bar.addWidget(widget)
        bar.addWidget(self.rule, 1)
        layout.addLayout(bar)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.table = QTableWidget(0, 5)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in the caseload
        self.table.setHorizontalHeaderLabels([
            translate("eligibility", "Name"), translate("eligibility", "Regel"),
            translate("eligibility", "Stand"), translate("eligibility", "voraussichtlich ab"),
            translate("eligibility", "Fehlende Voraussetzungen"),
        ])
        name(self.table, translate("eligibility", "Bald berechtigte Klient*innen"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.rows: list[EligibleRow] = []
        self.loaded = False
        self._requested = False
        self.months.valueChanged.connect(self.reload)
        self.rule.currentIndexChanged.connect(self._fill)
        context.taskman.changed.connect(self._changed)

    def shown(self) -> None:
        """Evaluates on first view: every client is checked, so not at program start."""
        if not self._requested:
            self.reload()

    def reload(self) -> None:
        self._requested = True
        self.loaded = False
        months, today = self.months.value(), dt.date.today()
        self.context.read(
            lambda s: load_eligible(s, months, today), self._loaded,
            on_error=lambda e: self.error.show_message(user_message(e)),
        )

    def _loaded(self, rows: list[EligibleRow]) -> None:
        self.rows = rows
        self.error.show_message("")
        self._fill()
        self.loaded = True

    def _changed(self, change: Any) -> None:
        kinds = {"client", "residence_status_period", "household_member"}
        if self._requested and any(change_touches(change, kind) for kind in kinds):
            self.reload()

    def visible_rows(self) -> list[EligibleRow]:
        rule = self.rule.currentData()
        return [row for row in self.rows if not rule or row.rule == rule]

    def _fill(self) -> None:
        rows = self.visible_rows()
        self.table.setRowCount(len(rows))
        for position, row in enumerate(rows):
            cells = [
                row.name or translate("eligibility", "(ohne Namen)"), precheck_text(row.rule_title),
                status_label(row.status), day(row.eligible_from),
                still_open(row),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(CLIENT_ID_ROLE, row.client_id)
                self.table.setItem(position, column, item)
        # The missing conditions take the rest of the width and wrap, so that they are read
        # without scrolling sideways.
        for column in range(self.table.columnCount() - 1):
            self.table.resizeColumnToContents(column)
        self.table.resizeRowsToContents()
        self.summary.setText(
            (translate("eligibility", "{count} Treffer im nächsten Monat")
             if self.months.value() == 1
             else translate("eligibility", "{count} Treffer in den nächsten {months} Monaten")
             ).format(count=len(rows), months=self.months.value()) if rows else translate(
                "eligibility", "In diesem Zeitraum wird voraussichtlich niemand berechtigt."
            )
        )

    def client_at(self, position: int) -> str:
        item = self.table.item(position, 0)
        return str(item.data(CLIENT_ID_ROLE)) if item is not None else ""

    def _open(self, index: QModelIndex) -> None:
        client_id = index.data(CLIENT_ID_ROLE)
        if client_id:
            self.open_client.emit(client_id)


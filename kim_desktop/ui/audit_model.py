"""The office-wide audit log as a table: the rows a filter read, replaced in bulk, newest
first; a record by its kind and id, its person by their file number. It needs no widget
and is tested without one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kim_desktop.core.models import AuditEvent
from kim_desktop.core.services.audit_log import action_word, kind_word
from kim_desktop.ui.formats import day, file_number
from kim_desktop.ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    translate,
)

Index = QModelIndex | QPersistentModelIndex
#: The id of the person a row concerns ("" for none), for opening their file.
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class AuditRow:
    """One event as the view shows it: the record by kind and id, the person by their id."""

    at: dt.datetime
    user: str
    action: str
    kind: str
    record_id: str
    person: str
    detail: str


def audit_rows(events: Sequence[AuditEvent], owners: Mapping[str, str]) -> list[AuditRow]:
    return [AuditRow(e.at if e.at.tzinfo else e.at.replace(tzinfo=dt.UTC), e.user, e.action,
                     e.record_kind, e.record_id, owners.get(e.record_id, ""), e.detail)
            for e in events]


def _when(row: AuditRow) -> str:
    local = row.at.astimezone()
    return day(local.date()) + local.strftime(" %H:%M:%S")


COLUMNS: list[tuple[Callable[[], str], Callable[[AuditRow], str]]] = [
    (lambda: translate("audit", "Zeitpunkt"), _when),
    (lambda: translate("audit", "Benutzer*in"), lambda r: r.user),
    (lambda: translate("audit", "Aktion"),
     lambda r: translate("audit_log", action_word(r.action))),
    (lambda: translate("audit", "Art"), lambda r: translate("audit_log", kind_word(r.kind))),
    (lambda: translate("audit", "Datensatz"), lambda r: r.record_id),
    (lambda: translate("audit", "Person"), lambda r: file_number(r.person) if r.person else ""),
    (lambda: translate("audit", "Angabe"), lambda r: r.detail),
]


class AuditModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, position: int) -> AuditRow:
        return self._rows[position]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return COLUMNS[index.column()][1](row)
        if role == PERSON_ROLE:
            return row.person
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]()
        return None

"""Conflicts kept by the sync: both versions side by side, chosen field by field.

Nothing is overwritten silently: until the case manager chooses, the record keeps this
computer's values on the disputed fields and is not sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from kim_desktop.core.fields import Field, declared
from kim_desktop.core.models import Case, Client, Goal
from kim_desktop.core.services import Change
from kim_desktop.sync.conflicts import ConflictView, list_conflicts, resolve_conflict
from kim_desktop.sync.payloads import values_of
from kim_desktop.ui.context import Context
from kim_desktop.ui.fields import label
from kim_desktop.ui.fields import shown as shown_value
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import EmptyState, ErrorLabel


def kind_label(kind: str) -> str:
    labels = {
        "client": translate("conflicts", "Person"),
        "case_record": translate("conflicts", "Fall"),
        "consultation": translate("conflicts", "Beratungskontakt"),
        "follow_up": translate("conflicts", "Wiedervorlage"),
        "referral": translate("conflicts", "Vermittlung"),
        "consent": translate("conflicts", "Einwilligung"),
        "goal": translate("conflicts", "Ziel"),
        "measure": translate("conflicts", "Maßnahme"),
        "needs_assessment": translate("conflicts", "Bedarf"),
        "structural_gap": translate("conflicts", "Fehlstelle"),
        "attachment": translate("conflicts", "Anhang"),
    }
    return labels.get(kind, kind)


@dataclass(frozen=True)
class ConflictEntry:
    """A conflict as the dialog shows it: whose record it is, and both sides' typed values."""

    conflict: ConflictView
    person: str
    local: dict[str, Any]
    remote: dict[str, Any]


def load_conflicts(session: Session) -> list[ConflictEntry]:
    return [
        ConflictEntry(conflict, _person(session, conflict),
                      values_of(conflict.kind, conflict.local),
                      values_of(conflict.kind, conflict.remote))
        for conflict in list_conflicts(session)
    ]


def _person(session: Session, conflict: ConflictView) -> str:
    """"Nachname, Vorname" of the person the record belongs to; "" for a structural gap."""
    record = conflict.local
    client_id = conflict.record_id if conflict.kind == "client" else record.get("client_id")
    case_id = record.get("case_id")
    if client_id is None and record.get("goal_id"):
        goal = session.get(Goal, record["goal_id"])
        case_id = goal.case_id if goal is not None else None
    if client_id is None and case_id:
        case = session.get(Case, case_id)
        client_id = case.client_id if case is not None else None
    client = session.get(Client, client_id) if client_id else None
    if client is None or not (client.last_name or client.first_name):
        return ""
    return ", ".join(name for name in (client.last_name, client.first_name) if name)


class ConflictsDialog(QDialog):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("conflicts", "Konflikte lösen"))
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "conflicts", "Dieselben Angaben wurden hier und auf einem anderen Rechner "
            "unterschiedlich geändert. Wählen Sie je Feld, welche Fassung gilt."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QHBoxLayout()
        self.list = QListWidget()
        self.list.setAccessibleName(translate("conflicts", "Konflikte"))
        self.list.setMaximumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        body.addWidget(self.list)
        self.fields_box = QWidget()
        self.grid = QGridLayout(self.fields_box)
        body.addWidget(self.fields_box, 1)
        layout.addLayout(body, 1)
        self.empty = EmptyState(translate("conflicts", "Keine offenen Konflikte."))
        layout.addWidget(self.empty)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.apply = QPushButton(translate("conflicts", "Auswahl &übernehmen"))
        buttons.addButton(self.apply, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("conflicts", "&Schließen"))
        buttons.rejected.connect(self.reject)
        self.apply.clicked.connect(self.resolve_current)
        layout.addWidget(buttons)
        self.conflicts: list[ConflictEntry] = []
        self.groups: dict[str, QButtonGroup] = {}
        self.list.currentRowChanged.connect(self._show)
        self.resize(self.fontMetrics().averageCharWidth() * 120,
                    self.fontMetrics().lineSpacing() * 28)
        self.loaded = False
        self.reload()

    def reload(self) -> None:
        self.context.read(load_conflicts, self._loaded)

    def _loaded(self, conflicts: list[ConflictEntry]) -> None:
        self.conflicts = conflicts
        self.list.clear()
        for entry in conflicts:
            fields = ", ".join(label(f"{entry.conflict.kind}.{name}")
                               for name in entry.conflict.fields)
            kind = kind_label(entry.conflict.kind)
            text = translate("conflicts", "{kind}: {fields}").format(kind=kind, fields=fields)
            if entry.person:
                text = f"{entry.person}\n{text}"
            self.list.addItem(QListWidgetItem(text))
        self.empty.setVisible(not conflicts)
        self.fields_box.setVisible(bool(conflicts))
        self.apply.setEnabled(bool(conflicts))
        self.loaded = True
        if conflicts:
            self.list.setCurrentRow(0)

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.groups.clear()

    def _show(self, row: int) -> None:
        self._clear_grid()
        if not 0 <= row < len(self.conflicts):
            return
        entry = self.conflicts[row]
        conflict = entry.conflict
        headers = [translate("conflicts", "Feld"),
                   translate("conflicts", "Fassung dieses Rechners"),
                   translate("conflicts", "Fassung des anderen Rechners")]
        for column, text in enumerate(headers):
            self.grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        for line, field in enumerate(conflict.fields, start=1):
            name = label(f"{conflict.kind}.{field}")
            self.grid.addWidget(QLabel(name), line, 0, Qt.AlignmentFlag.AlignTop)
            local = QRadioButton(self.shown(conflict.kind, field, entry.local.get(field)))
            remote = QRadioButton(self.shown(conflict.kind, field, entry.remote.get(field)))
            local.setAccessibleName(translate("conflicts", "{field}: diese Fassung").format(
                field=name))
            remote.setAccessibleName(translate("conflicts", "{field}: andere Fassung").format(
                field=name))
            local.setChecked(True)
            group = QButtonGroup(self.fields_box)
            group.addButton(local, 0)
            group.addButton(remote, 1)
            self.groups[field] = group
            self.grid.addWidget(local, line, 1)
            self.grid.addWidget(remote, line, 2)
        self.grid.setRowStretch(len(conflict.fields) + 1, 1)

    def shown(self, kind: str, field: str, value: Any) -> str:
        """A value as the forms show it: catalog entries and stored codes by name, dates and
        yes/no in the interface language."""
        if value is None or value == "" or value == []:
            return translate("conflicts", "(leer)")
        if field == "case_ids":
            return translate("conflicts", "Fälle: {count}").format(count=len(value))
        if isinstance(value, bytes):
            return translate("conflicts", "{size} Bytes").format(size=len(value))
        try:
            spec = declared(f"{kind}.{field}")
        except KeyError:
            spec = Field(field)
        return shown_value(spec, value, self.context.label)

    def choices(self) -> dict[str, str]:
        return {field: "remote" if group.checkedId() == 1 else "local"
                for field, group in self.groups.items()}

    def choose(self, field: str, side: str) -> None:
        self.groups[field].button(1 if side == "remote" else 0).setChecked(True)

    def resolve_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        conflict_id, choices = self.conflicts[row].conflict.id, self.choices()
        self.apply.setEnabled(False)

        def failed(error: Exception) -> None:
            self.apply.setEnabled(True)
            self.error.show_message(user_message(error))

        def work(session: Any) -> Change:
            resolved = resolve_conflict(session, conflict_id=conflict_id, choices=choices)
            return Change(resolved.kind, (resolved.record_id,), "updated",
                          resolved.record_id if resolved.kind == "client" else None)

        self.context.write(work, lambda _: self.reload(), on_error=failed)

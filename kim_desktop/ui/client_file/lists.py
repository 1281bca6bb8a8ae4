"""A small read-only list with an empty state and buttons, the shape of most client-file tabs.

A client's own records are few (tens, rarely hundreds), so a tree widget is enough here; the
large caseload list uses model/view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kim_desktop.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QStackedLayout,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import EmptyState


class RecordList(QWidget):
    """Columns of text per record; ``current()`` is the selected record."""

    def __init__(
        self,
        headers: Sequence[str],
        empty_text: str,
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self._stack = QStackedLayout()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(list(headers))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName(accessible_name)
        # A list scrolls from three rows on: two lists on a tab still fit 1366×768 at 150 %.
        self.tree.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.empty = EmptyState(empty_text)
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.tree)
        layout.addLayout(self._stack)
        self._records: list[Any] = []
        self._wanted: str | None = None

    def add_button(
        self, text: str, slot: Callable[[], Any], *, needs_selection: bool = False
    ) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        if needs_selection:
            button.setEnabled(False)
            self.tree.currentItemChanged.connect(
                lambda current, _: button.setEnabled(current is not None)
            )
        self.buttons.addWidget(button)
        return button

    def finish_buttons(self) -> None:
        self.buttons.addStretch()

    def set_records(self, records: Sequence[Any], cells: Callable[[Any], Sequence[str]]) -> None:
        """Shows ``records``; the record selected before stays selected (after an action the
        list is read again, and the user goes on with the same row)."""
        kept = self._wanted or record_id(self.current())
        self.tree.clear()
        self._records = list(records)
        selected: QTreeWidgetItem | None = None
        for record in self._records:
            item = QTreeWidgetItem([str(c) for c in cells(record)])
            for column in range(item.columnCount()):
                item.setToolTip(column, item.text(column))
            self.tree.addTopLevelItem(item)
            if kept is not None and record_id(record) == kept:
                selected = item
        if selected is not None:
            self.tree.setCurrentItem(selected)
            self._wanted = None
        for column in range(self.tree.columnCount() - 1):
            self.tree.resizeColumnToContents(column)
        self._stack.setCurrentWidget(self.tree if self._records else self.empty)

    def select_saved(self, dialog: Any) -> None:
        """Once ``dialog`` has saved a new record, selects it when the list shows it, so that
        the next action (a measure for the new goal) needs no search for it."""
        def saved() -> None:
            change = dialog.result_change
            if change is not None and change.ids:
                self._wanted = change.ids[0]

        dialog.accepted.connect(saved)

    def current(self) -> Any:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = self.tree.indexOfTopLevelItem(item)
        return self._records[index] if 0 <= index < len(self._records) else None

    def select_first(self) -> None:
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(
                first,
                0,
                self.tree.selectionModel().SelectionFlag.ClearAndSelect,
            )


def record_id(record: Any) -> str | None:
    """The id of a listed record, or of the first record of a listed row of several."""
    if isinstance(record, tuple):
        record = record[0] if record else None
    return getattr(record, "id", None)


def yes_no(value: bool | None) -> str:
    if value is None:
        return translate("lists", "unbekannt")
    return translate("lists", "ja") if value else translate("lists", "nein")


ALIGN_TOP = Qt.AlignmentFlag.AlignTop

"""The caseload screen (Klient*innen): search as you type, filters, chosen columns, sorting."""

from __future__ import annotations

from typing import Any

from kim_desktop.core.services.search import CaseloadFilter as Query
from kim_desktop.core.services.search import caseload
from kim_desktop.ui.caseload_model import (
    CLIENT_ID_ROLE,
    PHASES,
    CaseloadFilter,
    CaseloadModel,
    caseload_columns,
)
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import counted
from kim_desktop.ui.labels import phase_label
from kim_desktop.ui.qt import (
    QAbstractItemView,
    QAction,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.settings import CASELOAD_COLUMNS
from kim_desktop.ui.widgets import name, shrinkable

#: Above any office's caseload: the table loads everyone at once and filters in memory.
BULK_LIMIT = 1_000_000


def load_caseload(session: Any) -> list[Any]:
    return caseload(session, filter=Query(limit=BULK_LIMIT))


def clients_with_need(session: Any, field_of_action: str) -> frozenset[str]:
    rows = caseload(session, filter=Query(field_of_action_code=field_of_action,
                                          limit=BULK_LIMIT))
    return frozenset(row.client_id for row in rows)


#: The search field keeps room for at least this many characters of a name.
SEARCH_CHARS = 20


class CaseloadPage(QWidget):
    """Emits :attr:`open_client` with a client id (Enter or double-click on a row)."""

    open_client = Signal(str)
    new_client = Signal()

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = CaseloadModel(caseload_columns(context.label), self)
        self.model.set_columns(context.settings.get(CASELOAD_COLUMNS))
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("caseload", "Name suchen …"))
        self.search.setClearButtonEnabled(True)
        name(self.search, translate("caseload", "Suche nach Name"))
        # Room for the placeholder and a long name, whatever the scale and the font: beside
        # the button it would otherwise be the first to give way.
        metrics = self.search.fontMetrics()
        self.search.setMinimumWidth(max(metrics.horizontalAdvance(self.search.placeholderText()),
                                        metrics.averageCharWidth() * SEARCH_CHARS))
        search_label = QLabel(translate("caseload", "&Suche:"))
        search_label.setBuddy(self.search)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 2)
        self.municipality = self._combo(
            translate("caseload", "Alle Kommunen"), context.entries("municipalities"),
            translate("caseload", "Kommune"),
        )
        self.phase = self._combo(
            translate("caseload", "Alle Phasen"),
            [(p, phase_label(p)) for p in PHASES[:-1]]
            + [("none", translate("caseload", "ohne offenen Fall"))],
            translate("caseload", "Phase"),
        )
        self.field = self._combo(
            translate("caseload", "Alle Handlungsfelder"), context.entries("fields_of_action"),
            translate("caseload", "Handlungsfeld"),
        )
        # The filters in a row of their own: on a small or scaled screen, one row would cut
        # the search field and the filters' texts short.
        filters = QHBoxLayout()
        for combo in (self.municipality, self.phase, self.field):
            filters.addWidget(combo, 1)
        self.due = QCheckBox(translate("caseload", "Wiedervorlage &fällig"))
        filters.addWidget(self.due)
        self.columns_button = QToolButton()
        self.columns_button.setText(translate("caseload", "S&palten"))
        name(self.columns_button, translate("caseload", "Sichtbare Spalten wählen"))
        self.columns_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.columns_button.setMenu(self._columns_menu())
        filters.addWidget(self.columns_button)
        self.new_button = QPushButton(translate("caseload", "&Neue Person …"))
        self.new_button.clicked.connect(self.new_client)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        layout.addLayout(filters)

        self.table = QTableView()
        self.table.setModel(self.model)
        name(self.table, translate("caseload", "Klient*innen"))
        # Tab leaves the table (arrows move between rows); Qt's default, Tab from cell to
        # cell, catches a keyboard user in it.
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._sized_for: list[str] = []
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        layout.addWidget(self.table)
        self.summary = QLabel()
        layout.addWidget(self.summary)

        self.search.textChanged.connect(self.apply_filter)
        for combo in (self.municipality, self.phase):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.field.currentIndexChanged.connect(self._field_changed)
        self.due.toggled.connect(self.apply_filter)
        self.search.returnPressed.connect(self._open_first)
        self.model.modelReset.connect(self._summarise)
        context.taskman.changed.connect(self._changed)
        self.loaded = False
        self._with_need: frozenset[str] | None = None
        self._requested = False

    def shown(self) -> None:
        """Loads on first view, so the program starts without reading the whole caseload."""
        if not self._requested:
            self.reload()

    def _combo(self, everything: str, entries: list[tuple[str, str]], label: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        for code, text in entries:
            combo.addItem(text, code)
        name(combo, label)
        return shrinkable(combo)

    def _columns_menu(self) -> QMenu:
        menu = QMenu(self)
        chosen = set(self.context.settings.get(CASELOAD_COLUMNS))
        for column in self.model.all_columns:
            action = QAction(column.title(), menu)
            action.setCheckable(True)
            action.setChecked(column.key in chosen)
            action.setData(column.key)
            action.toggled.connect(self._columns_changed)
            menu.addAction(action)
        return menu

    def _size_columns(self) -> None:
        """Widths in characters of the current font, so they scale with the system font."""
        keys = [column.key for column in self.model.columns]
        if keys == self._sized_for:
            return
        self._sized_for = keys
        chars = {"name": 32, "age": 7, "municipality": 20, "phase": 20,
                 "next_follow_up": 26, "consent": 16}
        width = self.fontMetrics().averageCharWidth()
        for position, column in enumerate(self.model.columns):
            self.table.setColumnWidth(position, chars.get(column.key, 16) * width)

    def _columns_changed(self) -> None:
        menu = self.columns_button.menu()
        keys = [a.data() for a in menu.actions() if a.isChecked()]
        self.context.settings.set(CASELOAD_COLUMNS, keys)
        self.model.set_columns(keys)

    def reload(self) -> None:
        self._requested = True
        self.context.read(load_caseload, self._loaded)

    def _loaded(self, rows: list[Any]) -> None:
        if self.field.currentData():
            self._field_changed()
        selected = self.selected_client()
        self.model.set_rows(rows)
        self.loaded = True
        if selected:
            position = self.model.row_of(selected)
            if position >= 0:
                self.table.selectRow(position)

    def _changed(self, change: Any) -> None:
        kinds = {"client", "case_record", "follow_up", "consultation", "needs_assessment"}
        if self._requested and any(change_touches(change, kind) for kind in kinds):
            self.reload()

    def current_filter(self) -> CaseloadFilter:
        return CaseloadFilter(
            text=self.search.text(),
            municipality=self.municipality.currentData() or "",
            phase=self.phase.currentData() or "",
            follow_up_due=self.due.isChecked(),
            client_ids=self._with_need,
        )

    def _field_changed(self) -> None:
        field = self.field.currentData()
        if not field:
            self._with_need = None
            self.apply_filter()
            return
        self.context.read(lambda s: clients_with_need(s, field), self._need_found)

    def _need_found(self, client_ids: frozenset[str]) -> None:
        self._with_need = client_ids
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _summarise(self) -> None:
        self._size_columns()
        shown, total = self.model.rowCount(), self.model.total
        if total == 0:
            text = translate(
                "caseload", "Noch keine Klient*innen erfasst. Mit „Neue Person“ legen Sie die "
                "erste an."
            )
        elif shown == total:
            text = counted(total, translate("caseload", "1 Klient*in"),
                           translate("caseload", "{count} Klient*innen"))
        else:
            text = (translate("caseload", "{shown} von 1 Klient*in") if total == 1
                    else translate("caseload", "{shown} von {total} Klient*innen")).format(
                shown=shown, total=total)
        self.summary.setText(text)

    def selected_client(self) -> str:
        index = self.table.currentIndex()
        return str(index.data(CLIENT_ID_ROLE)) if index.isValid() else ""

    def _open(self, index: QModelIndex) -> None:
        client_id = index.data(CLIENT_ID_ROLE)
        if client_id:
            self.open_client.emit(client_id)

    def _open_first(self) -> None:
        if self.model.rowCount() == 1:
            self.open_client.emit(self.model.row_at(0).client_id)
        elif self.model.rowCount() > 1:
            self.table.setFocus()
            self.table.selectRow(0)

    def focus_search(self) -> None:
        self.shown()
        self.search.setFocus()
        self.search.selectAll()


def change_touches(change: Any, kind: str) -> bool:
    touches = getattr(change, "touches", None)
    return bool(touches(kind)) if callable(touches) else False

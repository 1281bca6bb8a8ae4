"""The office admin's view of the office-wide audit log: who viewed, changed, exported or
erased which record, and when, filtered by person, user, action and period, and saved as CSV
or PDF for the data-protection officer (the saving is logged). Records appear by their id,
persons by their file number (the export: by their id); Enter on a row opens that person's
file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kim_desktop.core.services import Change
from kim_desktop.core.services.audit_log import ACTION_WORDS
from kim_desktop.core.services.audit_review import (
    AuditFilter,
    audit_events,
    audit_users,
    export_audit,
    record_owners,
)
from kim_desktop.ui.audit_model import PERSON_ROLE, AuditModel, AuditRow, audit_rows
from kim_desktop.ui.context import Context
from kim_desktop.ui.messages import show_error, user_message
from kim_desktop.ui.qt import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.taskman import Cancelled, Progress
from kim_desktop.ui.widgets import DateField, ErrorLabel, InvalidDate, name, shrinkable

#: The most events the view reads at once (the newest); the export takes all of the filter.
SHOWN = 2000


@dataclass(frozen=True)
class AuditPage:
    """What one filter read: its rows and everyone the log names (for the user filter)."""

    filter: AuditFilter
    rows: list[AuditRow]
    users: list[str]


def load_audit(session: Session, flt: AuditFilter) -> AuditPage:
    events = audit_events(session, flt)
    return AuditPage(flt, audit_rows(events, record_owners(session, events)),
                     audit_users(session))


class AuditView(QWidget):
    """Only for the office admin (the core refuses everyone else as well)."""

    open_client = Signal(str)

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        title = QLabel(translate("audit", "<b>Protokoll der Zugriffe</b> – wer welchen "
                                          "Datensatz wann angesehen, geändert, exportiert oder "
                                          "gelöscht hat"))
        title.setWordWrap(True)
        layout.addWidget(title)
        grid = QGridLayout()
        self.person = QLineEdit()
        self.person.setPlaceholderText(translate("audit", "Aktennummer, z. B. 3F2A1C"))
        self.person.setClearButtonEnabled(True)
        self.user = shrinkable(QComboBox())
        self.user.addItem(translate("audit", "Alle"), "")
        self.action = shrinkable(QComboBox())
        self.action.addItem(translate("audit", "Alle"), "")
        for code, word in ACTION_WORDS.items():
            self.action.addItem(translate("audit_log", word), code)
        self.since = DateField()
        self.until = DateField()
        fields: list[tuple[str, QWidget]] = [
            (translate("audit", "&Person (Akte):"), self.person),
            (translate("audit", "&Benutzer*in:"), self.user),
            (translate("audit", "A&ktion:"), self.action),
            (translate("audit", "&Von:"), self.since),
            (translate("audit", "B&is:"), self.until),
        ]
        for position, (text, field) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(field)
            name(field, text.replace("&", "").rstrip(":"))
            grid.addWidget(label, position // 3, 2 * (position % 3))
            grid.addWidget(field, position // 3, 2 * (position % 3) + 1)
        self.show_button = QPushButton(translate("audit", "An&zeigen"))
        self.show_button.clicked.connect(self.reload)
        grid.addWidget(self.show_button, 1, 5)
        layout.addLayout(grid)
        self.error = ErrorLabel()
        layout.addWidget(self.error)

        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        name(self.table, translate("audit", "Einträge des Protokolls"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in the caseload
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        bottom.addWidget(self.summary, 1)
        self.notice = QLabel()
        bottom.addWidget(self.notice)
        self.progress_bar = QProgressBar()
        name(self.progress_bar, translate("audit", "Fortschritt beim Speichern"))
        self.progress_bar.hide()
        self.cancel = QPushButton(translate("audit", "Speichern abb&rechen"))
        self.cancel.hide()
        bottom.addWidget(self.progress_bar)
        bottom.addWidget(self.cancel)
        self.csv_button = QPushButton(translate("audit", "Als &CSV speichern …"))
        self.pdf_button = QPushButton(translate("audit", "Als PD&F speichern …"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.pdf_button)
        layout.addLayout(bottom)

        for edit in (self.person, self.since, self.until):
            edit.returnPressed.connect(self.reload)
        self.user.activated.connect(lambda _: self.reload())
        self.action.activated.connect(lambda _: self.reload())
        context.taskman.changed.connect(self._changed)
        self.loaded = False
        self._requested = False
        self.shown_filter: AuditFilter | None = None
        self._saving = ""
        self._sized = False

    def shown(self) -> None:
        """Reads the log whenever the view is shown: opening a file logs its view without
        announcing a change (it would make every screen refresh)."""
        self.reload()

    def show_person(self, client_id: str) -> None:
        """The events about one person (from their file)."""
        self.person.setText(client_id)
        self.reload()

    def chosen_filter(self) -> AuditFilter | None:
        """The filter the fields say; None (with the reason shown) when a date is no date."""
        for field in (self.since, self.until):
            if field.problem():
                self.error.show_message(field.problem())
                return None
        try:
            since, until = self.since.date(), self.until.date()
        except InvalidDate:
            return None
        return AuditFilter(client_id=self.person.text().strip(),
                           user=str(self.user.currentData() or ""),
                           action=str(self.action.currentData() or ""),
                           since=since, until=until, limit=SHOWN)

    def reload(self) -> None:
        flt = self.chosen_filter()
        if flt is None:
            return
        self._requested = True
        self.context.read(lambda s: load_audit(s, flt), self._show, on_error=self._refused)

    def _refused(self, error: Exception) -> None:
        self.error.show_message(user_message(error))
        self.model.set_rows([])
        self.summary.setText("")
        self.loaded = True

    def _show(self, page: AuditPage) -> None:
        self.error.show_message("")
        self.shown_filter = page.filter
        self.model.set_rows(page.rows)
        if page.rows and not self._sized:
            self._sized = True
            self.table.resizeColumnsToContents()
            for column in (4, 5):  # ids differ in width: room for the widest
                self.table.setColumnWidth(column, self.table.columnWidth(column)
                                          + 3 * self.fontMetrics().averageCharWidth())
        chosen = self.user.currentData()
        self.user.blockSignals(True)
        while self.user.count() > 1:
            self.user.removeItem(1)
        for user in page.users:
            self.user.addItem(user, user)
        self.user.setCurrentIndex(max(self.user.findData(chosen or ""), 0))
        self.user.blockSignals(False)
        if len(page.rows) >= SHOWN:
            text = translate("audit", "Die neuesten {count} Einträge; ältere mit einem "
                                      "engeren Zeitraum.").format(count=len(page.rows))
        elif len(page.rows) == 1:
            text = translate("audit", "Ein Eintrag")
        else:
            text = translate("audit", "{count} Einträge").format(count=len(page.rows))
        self.summary.setText(text)
        self.loaded = True

    def _changed(self, change: Any) -> None:
        if self._requested and self.isVisible():
            self.reload()

    def _open(self, index: QModelIndex) -> None:
        person = index.data(PERSON_ROLE)
        if person:
            self.open_client.emit(str(person))

    def save(self, fmt: str) -> None:
        """Saves what the filter selects (all of it, not only the rows shown) after asking
where."""
        flt = self.chosen_filter()
        if flt is None:
            return
        suffix = {"csv": "CSV (*.csv)", "pdf": "PDF (*.pdf)"}[fmt]
        chosen, _ = QFileDialog.getSaveFileName(
            self, translate("audit", "Protokoll speichern"),
            f"Protokoll-{dt.date.today():%Y-%m-%d}.{fmt}", suffix)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")

        progress = Progress()
        progress.reported.connect(self._progressed)
        self.cancel.clicked.connect(progress.cancel)

        def work(session: Session) -> Change:
            # every event of the filter, in chunks, with progress and a way to stop
            export_audit(session, flt=flt, format=fmt, out=path, progress=progress.report)
            return Change("audit_event", (), "created")

        self._saving = path.name
        self.notice.setText(translate("audit", "Protokoll wird gespeichert …"))
        self.progress_bar.setRange(0, 0)
        for widget in (self.progress_bar, self.cancel):
            widget.show()
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(False)
        self.context.write(work, self._saved, on_error=self._not_saved, progress=progress)

    def _progressed(self, done: int, total: int, _: str) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _end_saving(self) -> None:
        for widget in (self.progress_bar, self.cancel):
            widget.hide()
        self.cancel.clicked.disconnect()
        for button in (self.csv_button, self.pdf_button):
            button.setEnabled(True)

    def _saved(self, _: Change) -> None:
        self._end_saving()
        self.notice.setText(
            translate("audit", "Protokoll gespeichert: {file}").format(file=self._saving))

    def _not_saved(self, error: Exception) -> None:
        self._end_saving()
        if isinstance(error, Cancelled):
            self.notice.setText(translate("audit", "Speichern abgebrochen; keine Datei "
                                                   "angelegt."))
            return
        self.notice.setText("")
        show_error(self, error)

"""The deletion run for the office admin: who is due for erasure under which retention rule,
the archive copy the rule requires (each person's full Art. 15 export as JSON, written to a
folder before they are erased), then the erasure, person by person with progress, after a
typed confirmation. Showing the list is logged, as in the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from kim_desktop.core.catalogs import catalogs_for
from kim_desktop.core.errors import DomainError
from kim_desktop.core.services import record_listing
from kim_desktop.core.services.export import archive_writer
from kim_desktop.core.services.retention import (
    AFTER_CLOSURE,
    ErasureCandidate,
    due_for_erasure,
    erase_if_still_due,
)
from kim_desktop.ui.context import Context
from kim_desktop.ui.erasure import confirmed_erasure
from kim_desktop.ui.formats import counted, day, file_number
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.taskman import Cancelled, Progress
from kim_desktop.ui.widgets import ErrorLabel, name
from kim_protocol.catalogs import RetentionSettings

#: The kinds of change that can make a person due or no longer due: a person created or
#: erased, a case opened, closed or reopened, a consultation recorded or removed.
BECOMES_DUE_OR_NOT = ("client", "case_record", "consultation")


@dataclass(frozen=True)
class DeletionRun:
    due: list[ErasureCandidate]
    retention: RetentionSettings


def load_deletion_run(session: Session) -> DeletionRun:
    due = due_for_erasure(session)
    record_listing(session, client_ids=[c.client_id for c in due], detail="deletion run")
    return DeletionRun(due, catalogs_for(session).retention)


@dataclass(frozen=True)
class Erased:
    """What a run erased (it may have stopped early: cancelled, or an archive copy failed),
    whom it left because they were no longer due, and whom because files of theirs have not
    arrived on this machine (each with those files' names)."""

    ids: tuple[str, ...]
    wanted: int
    skipped: tuple[str, ...] = ()
    incomplete: tuple[tuple[str, str], ...] = ()
    kind: str = "client"
    action: str = "erased"
    client_id: str | None = None

    def touches(self, kind: str) -> bool:
        return kind == "client"


def erase_due(session: Session, candidates: list[ErasureCandidate], archive: Path | None,
              progress: Progress) -> Erased:
    """Erases ``candidates`` one by one (each in its own transaction), each after its archive
    copy in ``archive`` when given, and skips whoever is no longer due (a new case, a
    consultation since the list was read) and, with ``archive``, whoever's files have not
    arrived yet; stops, keeping what is done, when cancelled."""
    done: list[str] = []
    skipped: list[str] = []
    incomplete: list[tuple[str, str]] = []
    for position, candidate in enumerate(candidates):
        try:
            progress.report(position, len(candidates))
        except Cancelled:
            break
        try:
            erased = erase_if_still_due(
                session, candidate=candidate,
                archive=archive_writer(archive / f"{candidate.client_id}.json")
                if archive is not None else None)
        except DomainError as error:
            if error.code != "archive_incomplete":
                raise
            incomplete.append((candidate.client_id, error.params["files"]))
            continue
        (done if erased is not None else skipped).append(candidate.client_id)
    progress.reported.emit(len(done) + len(skipped) + len(incomplete), len(candidates), "")
    return Erased(tuple(done), len(candidates), tuple(skipped), tuple(incomplete))


def rule_text(candidate: ErasureCandidate) -> str:
    if candidate.rule == AFTER_CLOSURE:
        return translate("deletion_run", "Fall abgeschlossen am {date}").format(
            date=day(candidate.last_case_closed_on))
    return translate("deletion_run", "ohne Fall, letzter Kontakt")


class DeletionRunPage(QWidget):
    """Only for the office admin (the core refuses everyone else as well)."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        layout.addWidget(self.rules)
        self.list = QTreeWidget()
        self.list.setHeaderLabels([
            translate("deletion_run", "Person"), translate("deletion_run", "Akte"),
            translate("deletion_run", "fällig seit"), translate("deletion_run", "Regel"),
            translate("deletion_run", "Archivkopie")])
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformRowHeights(True)
        name(self.list, translate("deletion_run", "Zur Löschung fällige Personen (Leertaste: "
                                                  "mitlöschen oder nicht)"))
        layout.addWidget(self.list, 1)
        folder_row = QHBoxLayout()
        folder_label = QLabel(translate("deletion_run", "Archiv&ordner:"))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(translate(
            "deletion_run", "Ordner für die Archivkopien (je Person eine JSON-Datei)"))
        folder_label.setBuddy(self.folder)
        name(self.folder, translate("deletion_run", "Archivordner"))
        self.choose = QPushButton(translate("deletion_run", "Ordner &wählen …"))
        self.choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose)
        layout.addLayout(folder_row)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        run_row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # it names files
        self.summary.setWordWrap(True)
        self.progress_bar = QProgressBar()
        name(self.progress_bar, translate("deletion_run", "Fortschritt des Löschlaufs"))
        self.progress_bar.hide()
        self.cancel = QPushButton(translate("deletion_run", "Löschlauf a&nhalten"))
        self.cancel.hide()
        self.erase_button = QPushButton(translate("deletion_run", "Ausgewählte &löschen …"))
        self.erase_button.clicked.connect(self.erase_chosen)
        run_row.addWidget(self.summary, 1)
        run_row.addWidget(self.progress_bar)
        run_row.addWidget(self.cancel)
        run_row.addWidget(self.erase_button)
        layout.addLayout(run_row)
        self.run: DeletionRun | None = None
        self.loaded = False
        self.running = False
        context.taskman.changed.connect(self._changed)

    def shown(self) -> None:
        if not self.running:
            self.reload()

    def reload(self) -> None:
        self.context.read(load_deletion_run, self._show, on_error=self._failed)

    def _failed(self, error: Exception) -> None:
        self.error.show_message(user_message(error))
        self.loaded = True

    def _changed(self, change: Any) -> None:
        if not self.running and self.isVisible() and any(
                change.touches(kind) for kind in BECOMES_DUE_OR_NOT):
            self.reload()

    def _show(self, run: DeletionRun) -> None:
        self.run = run
        rules = run.retention

        def archive(required: bool) -> str:
            return (translate("deletion_run", "mit Archivkopie") if required
                    else translate("deletion_run", "ohne Archivkopie"))

        def years(count: int) -> str:
            return counted(count, translate("deletion_run", "1 Jahr"),
                           translate("deletion_run", "{count} Jahre"))

        self.rules.setText(translate(
            "deletion_run", "<b>Löschlauf</b> – fällig ist, wessen Aufbewahrungsfrist "
            "abgelaufen ist: {after} nach dem Abschluss des letzten Falls ({archive1}), "
            "{without} nach dem letzten Kontakt ohne Fall ({archive2}). Die Fristen legt "
            "die oder der Datenschutzbeauftragte fest.").format(
            after=years(rules.years_after_closure), archive1=archive(rules.archive_after_closure),
            without=years(rules.years_without_case),
            archive2=archive(rules.archive_without_case)))
        self.list.clear()
        for candidate in run.due:
            item = QTreeWidgetItem([
                candidate.name, file_number(candidate.client_id), day(candidate.due_since),
                rule_text(candidate),
                translate("deletion_run", "verlangt") if candidate.archive_required
                else translate("deletion_run", "nicht verlangt")])
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setData(0, Qt.ItemDataRole.UserRole, candidate.client_id)
            self.list.addTopLevelItem(item)
        for column in range(4):
            self.list.resizeColumnToContents(column)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self.erase_button.setEnabled(bool(run.due))
        if not self.running and not self.summary.text().startswith("✓"):
            self.summary.setText(counted(
                len(run.due), translate("deletion_run", "1 Person fällig."),
                translate("deletion_run", "{count} Personen fällig.")) if run.due else translate(
                "deletion_run", "Niemand ist zur Löschung fällig."))
        self.loaded = True

    def chosen(self) -> list[ErasureCandidate]:
        if self.run is None:
            return []
        items = [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]
        checked = {str(item.data(0, Qt.ItemDataRole.UserRole)) for item in items
                   if item is not None and item.checkState(0) == Qt.CheckState.Checked}
        return [c for c in self.run.due if c.client_id in checked]

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("deletion_run", "Archivordner wählen"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def erase_chosen(self) -> None:
        """Checks the archive step the rules require, asks for the confirmation word, then
        erases the chosen persons with progress."""
        chosen = self.chosen()
        if not chosen:
            self.error.show_message(translate("deletion_run", "Niemand ist ausgewählt."))
            return
        folder = Path(self.folder.text().strip()) if self.folder.text().strip() else None
        needing = sum(c.archive_required for c in chosen)
        if folder is None and needing:
            self.error.show_message(translate(
                "deletion_run", "Für {count} der Personen verlangt die Regel vorher eine "
                "Archivkopie: bitte einen Archivordner angeben.").format(count=needing))
            self.folder.setFocus()
            return
        if folder is not None and not folder.is_dir():
            self.error.show_message(translate(
                "deletion_run", "Den Archivordner gibt es nicht: {folder}").format(
                folder=str(folder)))
            self.folder.setFocus()
            return
        self.error.show_message("")
        what = counted(
            len(chosen), translate("deletion_run", "1 Person wird gelöscht{archive}."),
            translate("deletion_run", "{count} Personen werden gelöscht{archive}."),
            archive=translate("deletion_run", ", vorher je eine Archivkopie in den Archivordner")
            if folder is not None else "")
        if not confirmed_erasure(self, what):
            return
        self.start(chosen, folder)

    def start(self, chosen: list[ErasureCandidate], folder: Path | None) -> None:
        progress = Progress()
        progress.reported.connect(self._progressed)
        self.cancel.clicked.connect(progress.cancel)
        self.running = True
        self.progress_bar.setRange(0, len(chosen))
        self.progress_bar.setValue(0)
        for widget in (self.progress_bar, self.cancel):
            widget.show()
        self.erase_button.setEnabled(False)
        self.summary.setText(translate("deletion_run", "Löschlauf läuft …"))
        self.context.write(lambda s: erase_due(s, chosen, folder, progress), self._finished,
                           on_error=self._stopped, progress=progress)

    def _progressed(self, done: int, total: int, _: str) -> None:
        self.progress_bar.setValue(done)
        self.summary.setText(translate("deletion_run", "{done} von {total} gelöscht …").format(
            done=done, total=total))

    def _end(self) -> None:
        self.running = False
        for widget in (self.progress_bar, self.cancel):
            widget.hide()
        self.cancel.clicked.disconnect()
        self.reload()

    def _finished(self, erased: Erased) -> None:
        summary = translate("deletion_run", "✓ {done} von {wanted} Personen gelöscht.").format(
            done=len(erased.ids), wanted=erased.wanted)
        if erased.skipped:
            summary += " " + counted(
                len(erased.skipped),
                translate("deletion_run", "1 Person war nicht mehr fällig (etwa ein neuer "
                                          "Fall) und ist nicht gelöscht."),
                translate("deletion_run", "{count} Personen waren nicht mehr fällig (etwa "
                                          "ein neuer Fall) und sind nicht gelöscht."))
        if erased.incomplete:
            summary += " " + counted(
                len(erased.incomplete),
                translate("deletion_run", "1 Person ist nicht gelöscht, weil Dateien noch "
                                          "nicht auf diesem Rechner angekommen sind; bitte "
                                          "erst abgleichen: {persons}."),
                translate("deletion_run", "{count} Personen sind nicht gelöscht, weil Dateien "
                                          "noch nicht auf diesem Rechner angekommen sind; "
                                          "bitte erst abgleichen: {persons}."),
                persons="; ".join(f"{file_number(client_id)} ({files})"
                                  for client_id, files in erased.incomplete))
        self.summary.setText(summary)
        self._end()

    def _stopped(self, error: Exception) -> None:
        self.summary.setText("")
        self.error.show_message(translate(
            "deletion_run", "Der Löschlauf hat angehalten: {reason} Wer schon gelöscht ist, "
            "bleibt gelöscht; die übrigen stehen noch in der Liste.").format(
            reason=user_message(error)))
        self._end()


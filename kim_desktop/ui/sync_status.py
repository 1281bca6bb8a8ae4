"""The sync state in the status bar: online or offline, last sync, changes waiting, problems
and conflicts, "sync now". Every state is said in words, never by colour alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kim_desktop.sync.messages import CONTEXT
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import counted, moment, size_text
from kim_desktop.ui.qt import QHBoxLayout, QLabel, QPushButton, Qt, QWidget, translate
from kim_desktop.ui.sync import SyncController

if TYPE_CHECKING:
    from kim_desktop.sync.status import SyncStatus


def status_text(status: SyncStatus) -> str:
    if status.revoked:
        return translate("sync_status", "Gerät gesperrt: {reason}").format(
            reason=translate(CONTEXT, status.revoked))
    if not status.enrolled:
        return translate("sync_status", "Nur lokal – kein Sync-Server eingerichtet")
    state = (translate("sync_status", "Online") if status.online
             else translate("sync_status", "Offline"))
    last = (translate("sync_status", "letzter Abgleich {when}").format(
        when=moment(status.last_sync)) if status.last_sync
        else translate("sync_status", "noch nie abgeglichen"))
    text = f"{state} · {last}"
    if status.last_error:
        # Kept as German text; the client's own messages are found in the catalogue.
        text += " · ⚠ " + translate(CONTEXT, status.last_error)
    if status.loading:
        text += " · " + translate(
            "sync_status", "Anhänge werden noch geladen: {count}").format(count=status.loading)
    if status.not_arriving:
        text += " · ⚠ " + translate(
            "sync_status", "{count} Anhänge kommen nicht vom Sync-Server an; jeder Abgleich "
            "versucht es erneut, der Grund steht beim Anhang").format(count=status.not_arriving)
    if status.quarantined:
        text += " · ⚠ " + counted(
            status.quarantined,
            translate("sync_status", "1 Datensatz vom Server lässt sich nicht öffnen und wird "
                      "bei jedem Abgleich erneut versucht; bitte den "
                      "Büro-Wiederherstellungsschlüssel prüfen oder KIM aktualisieren"),
            translate("sync_status", "{count} Datensätze vom Server lassen sich nicht öffnen "
                      "und werden bei jedem Abgleich erneut versucht; bitte den "
                      "Büro-Wiederherstellungsschlüssel prüfen oder KIM aktualisieren"))
    if status.waiting_for_update:
        text += " · ⚠ " + counted(
            status.waiting_for_update,
            translate("sync_status", "1 eigene Änderung wartet auf ein Update von KIM: eine "
                      "neuere Fassung vom Server lässt sich hier nicht öffnen; nichts geht "
                      "verloren, nach dem Update wird beides zusammengeführt"),
            translate("sync_status", "{count} eigene Änderungen warten auf ein Update von KIM: "
                      "neuere Fassungen vom Server lassen sich hier nicht öffnen; nichts geht "
                      "verloren, nach dem Update wird beides zusammengeführt"))
    if status.reports_refused:
        text += " · ⚠ " + counted(
            status.reports_refused,
            translate("sync_status", "1 Auswertungsangabe hat der Server abgelehnt "
                      "(unbekannter Code oder eine Kommune, die das Büro dort nicht betreut); "
                      "bitte die IT informieren"),
            translate("sync_status", "{count} Auswertungsangaben hat der Server abgelehnt "
                      "(unbekannter Code oder eine Kommune, die das Büro dort nicht betreut); "
                      "bitte die IT informieren"))
    return text


class SyncStatusBar(QWidget):
    def __init__(self, context: Context, controller: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.controller = controller
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.state = QLabel(translate("sync_status", "Abgleich: Stand wird gelesen …"))
        # It shows the server's messages: never read as HTML (colours, links).
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.pending = QLabel()
        self.conflicts = QPushButton()
        self.conflicts.hide()
        self.conflicts.clicked.connect(self.show_conflicts)
        self.rejected = QPushButton()
        self.rejected.hide()
        self.rejected.clicked.connect(self.show_rejected)
        self.sync_now = QPushButton(translate("sync_status", "Jetzt s&ynchronisieren"))
        self.sync_now.setEnabled(False)
        self.sync_now.clicked.connect(controller.sync_now)
        self.cancel = QPushButton(translate("sync_status", "Abgleich &abbrechen"))
        self.cancel.hide()
        self.cancel.clicked.connect(controller.cancel)
        layout.addWidget(self.state)
        layout.addStretch()
        for widget in (self.pending, self.conflicts, self.rejected, self.sync_now, self.cancel):
            layout.addWidget(widget)
        controller.status_changed.connect(self.show_status)
        controller.progress.connect(self._progress)
        controller.running_changed.connect(self._running)
        if controller.status is not None:
            self.show_status(controller.status)

    def show_status(self, status: SyncStatus) -> None:
        self.state.setText(status_text(status))
        self.pending.setText(
            translate("sync_status", "Nicht abgeglichene Änderungen: {count}").format(
                count=status.pending)
        )
        self.pending.setVisible(status.enrolled)
        self.conflicts.setVisible(status.conflicts > 0)
        self.conflicts.setText(translate("sync_status", "Konflikte: {count} …").format(
            count=status.conflicts))
        self.rejected.setVisible(status.rejected > 0)
        self.rejected.setText(translate("sync_status", "Abgelehnt: {count} …").format(
            count=status.rejected))
        self.sync_now.setEnabled(self.controller.can_sync and not self.controller.running)
        self.sync_now.setToolTip("" if self.controller.can_sync else translate(
            "sync_status", "Kein Sync-Server eingerichtet: Dieses Büro arbeitet nur lokal."))

    def _progress(self, phase: str, done: int, total: int) -> None:
        if phase in ("upload", "download"):
            text = (translate("sync_status", "Sende Anhänge … {done} von {total}")
                    if phase == "upload"
                    else translate("sync_status", "Lade Anhänge … {done} von {total}"))
            self.state.setText(text.format(done=size_text(done), total=size_text(total)))
            return
        texts = {
            "push": translate("sync_status", "Sende Änderungen … {done}"),
            "pull": translate("sync_status", "Hole Änderungen … {done}"),
            "reports": translate("sync_status", "Sende Auswertungsdaten … {done}"),
        }
        self.state.setText(texts.get(phase, texts["pull"]).format(done=done))

    def _running(self, running: bool) -> None:
        self.cancel.setVisible(running)
        self.sync_now.setEnabled(not running and self.controller.can_sync)
        if running:
            self.state.setText(translate("sync_status", "Abgleich läuft …"))

    def show_conflicts(self) -> None:
        from kim_desktop.ui.conflicts import ConflictsDialog

        ConflictsDialog(self.context, self).open()

    def show_rejected(self) -> None:
        from kim_desktop.ui.rejected import RejectedDialog

        RejectedDialog(self.context, self).open()

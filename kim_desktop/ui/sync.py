"""Sync as a UI flow (as Anki's ``aqt.sync``): a timer, "sync now", a sync when the network
comes back, progress that can be cancelled, and a refresh of every screen afterwards.

The sync client (with pydantic and requests) is imported when the first sync starts, on the UI
thread: not at startup, where it would cost a quarter of a second before the first screen, and
not on a worker thread, where importing pydantic for the first time after PySide6 trips
shiboken's import hook (a circular import).

A sync runs on the network pool. Each of its transactions is one task on the database thread,
so a case manager's edits take turns with it instead of waiting for a long first sync to end;
an edit made meanwhile waits in the outbox for the next push.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from kim_desktop.sync.status import SyncStatus, sync_status
from kim_desktop.ui.context import Context
from kim_desktop.ui.qt import QNetworkInformation, QObject, QTimer, Signal
from kim_desktop.ui.settings import SYNC_AUTOMATIC, SYNC_INTERVAL_MINUTES
from kim_desktop.ui.taskman import Cancelled, Progress

if TYPE_CHECKING:
    from kim_desktop.sync.client import Progress as SyncProgress
    from kim_desktop.sync.client import SyncResult


@dataclass(frozen=True)
class Synced:
    """The change a sync made: pulled records may be of any kind, so every screen looks."""

    result: SyncResult
    kind: str = "sync"
    client_id: str | None = None

    def touches(self, kind: str) -> bool:
        return (self.result.pulled > 0 or self.result.conflicts > 0 or self.result.fetched > 0
                or kind == "sync")


@dataclass(frozen=True)
class SyncStopped:
    """A sync that failed midway: what it pulled before is saved (each group is its own
    transaction), and nobody knows what, so every screen looks again."""

    kind: str = "sync"
    client_id: str | None = None

    def touches(self, kind: str) -> bool:
        return True


#: With automatic sync on, the first sync starts this long after the main window has read the
#: sync state: the colleagues' changes arrive at the start of the day, after the first screen.
FIRST_SYNC_DELAY_MS = 3_000


class SyncController(QObject):
    status_changed = Signal(object)  # SyncStatus
    #: phase ("push", "pull", "reports": records done; "upload", "download": bytes), done,
    #: total (bytes of the attachments' step; 0 for records)
    progress = Signal(str, int, int)
    running_changed = Signal(bool)

    def __init__(self, context: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.status: SyncStatus | None = None
        self.running = False
        self._progress: Progress | None = None
        self._first_status = True
        self._stopped = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.apply_settings()
        context.taskman.changed.connect(self._changed)
        self._watch_network()
        self.refresh()

    def apply_settings(self) -> None:
        settings = self.context.settings
        self.timer.setInterval(settings.get(SYNC_INTERVAL_MINUTES) * 60_000)
        if settings.get(SYNC_AUTOMATIC):
            self.timer.start()
        else:
            self.timer.stop()

    def _watch_network(self) -> None:
        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability == QNetworkInformation.Reachability.Online and self.context.settings.get(
            SYNC_AUTOMATIC
        ):
            self.sync_now()

    def refresh(self) -> None:
        if self.context.vault.is_locked:
            return  # locked or closed meanwhile: the next unlock reads the status anew
        self.context.read(sync_status, self._status)

    def _status(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)
        if self._first_status:
            self._first_status = False
            if self.can_sync and self.context.settings.get(SYNC_AUTOMATIC):
                QTimer.singleShot(FIRST_SYNC_DELAY_MS, self, self.sync_now)

    def _changed(self, change: Any) -> None:
        if not self.running:
            self.refresh()

    @property
    def can_sync(self) -> bool:
        """Enrolled. A revoked device syncs too, by a handshake only: that is how a wipe
        order given after the revocation reaches it."""
        return bool(self.status and self.status.enrolled)

    def sync_now(self, *, resend_reports: bool = False) -> None:
        """Starts a sync; with ``resend_reports`` it first has the server drop all report
        facts and gaps of the office and then sends this device's (the office admin's way to
        purge what a device that went wrong sent)."""
        if self.running or self._stopped or not self.can_sync or self.context.vault.is_locked:
            return
        from kim_desktop.sync.client import SyncClient

        self.running = True
        self.running_changed.emit(True)
        progress = self._progress = Progress()
        progress.reported.connect(
            lambda done, total, phase: self.progress.emit(phase, done, total))

        def report(step: SyncProgress) -> None:
            progress.reported.emit(step.done, step.total, step.phase)  # it stops by itself

        taskman = self.context.taskman
        vault, wipe = self.context.vault, self.context.remote_wipe
        client = SyncClient(
            vault.session, database=taskman.run_blocking_on_database,
            on_wipe=wipe.on_wipe if wipe is not None else None,
            destroy=partial(wipe.destroy, vault, self.context.data_dir) if wipe is not None
            else None)

        run = client.resend_reports if resend_reports else client.run

        def work() -> Synced:
            try:
                return Synced(run(progress=report, cancel=progress.cancel_event))
            except Exception:
                if progress.cancelled:
                    # Stopped for a lock or for closing: the vault closed under the run, and
                    # the next sync resumes where this one stopped; nothing to tell anyone.
                    raise Cancelled from None
                raise

        taskman.network(work, on_done=self._done, on_error=self._failed, progress=progress)

    def cancel(self) -> None:
        if self._progress is not None:
            self._progress.cancel()

    def stop(self) -> None:
        """For locking and closing: a running sync stops after its current transaction, and
        none starts any more (a timer may still fire before the window is gone)."""
        self._stopped = True
        self.timer.stop()
        self.cancel()

    def _done(self, synced: Synced) -> None:
        self.running = False
        self.running_changed.emit(False)
        # Every screen looks whether the pulled records touch it; this status refreshes too.
        self.context.taskman.changed.emit(synced)

    def _failed(self, error: Exception) -> None:
        from kim_desktop.sync.http import SyncError

        self.running = False
        self.running_changed.emit(False)
        self.context.taskman.changed.emit(SyncStopped())  # refreshes this status as well
        if not isinstance(error, SyncError | Cancelled):
            # A sync error is kept in the status and shown there; anything else is said in
            # the status bar like every other failed background task.
            self.context.taskman.failed.emit(error)

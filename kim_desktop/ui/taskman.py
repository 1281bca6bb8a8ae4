"""The one task runner of the UI (as Anki's ``aqt.taskman``).

* One database worker thread owns the vault and its connection: every query and write runs
  there, in order, so the UI thread never waits on SQLCipher.
* A small separate pool does network work, so a slow server never holds up a save.
* Results and errors come back to the UI thread by signal; long work reports progress and
  may be cancelled.
* Every successful write returns a description of what changed; :attr:`TaskManager.changed`
  announces it and each screen decides for itself whether to refresh.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, TypeVar

from kim_desktop.ui.qt import QObject, Signal, isValid

log = logging.getLogger(__name__)

T = TypeVar("T")

DATABASE_THREAD = "kim-db"


class Cancelled(Exception):
    """Raised inside a task when the user cancelled it."""


class Progress(QObject):
    """Progress of one long task; thread-safe to report from the worker."""

    reported = Signal(int, int, str)

    def __init__(self) -> None:
        super().__init__()
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        """Called from the worker; raises :class:`Cancelled` once the user cancelled."""
        self.reported.emit(done, total, text)
        self.check()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_event(self) -> threading.Event:
        """For workers that take a :class:`threading.Event` to stop early."""
        return self._cancel

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Task(Generic[T]):
    """A handle on submitted work: its future and an optional progress."""

    def __init__(self, future: Future[T], progress: Progress | None) -> None:
        self.future = future
        self.progress = progress


class TaskManager(QObject):
    """Runs work off the UI thread and brings results back to it."""

    #: A write succeeded; the argument is its change description (``kind``, ``client_id``,
    #: ``touches(kind)``, as :class:`kim_desktop.core.services.Change`).
    changed = Signal(object)
    #: A task failed and had no error handler of its own; argument: the exception.
    failed = Signal(object)
    _to_main = Signal(object)

    def __init__(self, *, network_workers: int = 2) -> None:
        super().__init__()
        self._database = ThreadPoolExecutor(max_workers=1, thread_name_prefix=DATABASE_THREAD)
        self._network = ThreadPoolExecutor(
            max_workers=network_workers, thread_name_prefix="kim-net"
        )
        self._to_main.connect(self._call)
        self._shut_down = False

    def run_on_main(self, closure: Callable[[], None]) -> None:
        """Run ``closure`` on the UI thread (safe to call from any thread)."""
        self._to_main.emit(closure)

    def query(
        self,
        work: Callable[[], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        progress: Progress | None = None,
    ) -> Task[T]:
        """Run a read on the database thread."""
        return self._submit(self._database, work, on_done, on_error, progress, announce=False)

    def write(
        self,
        work: Callable[[], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        progress: Progress | None = None,
    ) -> Task[T]:
        """Run a write on the database thread; on success :attr:`changed` carries its result."""
        return self._submit(self._database, work, on_done, on_error, progress, announce=True)

    def network(
        self,
        work: Callable[[], T],
        *,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        progress: Progress | None = None,
    ) -> Task[T]:
        """Run network work on the network pool."""
        return self._submit(self._network, work, on_done, on_error, progress, announce=False)

    def run_blocking_on_database(self, work: Callable[[], T]) -> T:
        """Run ``work`` on the database thread and wait for it. For a network task that needs
        one transaction at a time (the sync: other database work takes turns with it), and for
        locking and shutdown; never from the database thread itself, which would wait forever.
        """
        if threading.current_thread().name.startswith(DATABASE_THREAD):
            raise RuntimeError("run_blocking_on_database called on the database thread")
        return self._database.submit(work).result()

    def shutdown(self) -> None:
        """Stops both pools. Work submitted afterwards (a timer or a delivered result that
        asks for more, while the program closes) is cancelled, never an error."""
        self._shut_down = True
        self._network.shutdown(wait=True, cancel_futures=True)
        self._database.shutdown(wait=True, cancel_futures=True)

    def _submit(
        self,
        executor: ThreadPoolExecutor,
        work: Callable[[], T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[Exception], None] | None,
        progress: Progress | None,
        *,
        announce: bool,
    ) -> Task[T]:
        def finished(future: Future[T]) -> None:
            self.run_on_main(lambda: self._deliver(future, on_done, on_error, announce))

        if self._shut_down:
            cancelled: Future[T] = Future()
            cancelled.cancel()
            return Task(cancelled, progress)
        future = executor.submit(work)
        future.add_done_callback(finished)
        return Task(future, progress)

    def _deliver(
        self,
        future: Future[T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[Exception], None] | None,
        announce: bool,
    ) -> None:
        if future.cancelled() or self._shut_down:
            return
        if not (_alive(on_done) and _alive(on_error)):
            # The screen that asked was closed (or the program locked) meanwhile.
            on_done = on_error = None
        error = future.exception()
        if error is None:
            result = future.result()
            if on_done is not None:
                on_done(result)
            if announce and callable(getattr(result, "touches", None)):
                self.changed.emit(result)
            return
        if not isinstance(error, Exception):
            raise error
        if on_error is not None:
            on_error(error)
        elif not isinstance(error, Cancelled):
            self.failed.emit(error)

    @staticmethod
    def _call(closure: Any) -> None:
        closure()


def _alive(callback: Callable[..., Any] | None) -> bool:
    """False when ``callback`` is a method of a Qt object that no longer exists."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or isValid(owner)

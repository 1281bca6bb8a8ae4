"""What every screen of an unlocked program needs: the vault, the task runner, the settings
and the catalogs, with reads and writes that each run in their own session on the database
thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from kim_desktop.ui.qt import QLocale
from kim_desktop.ui.settings import Settings
from kim_desktop.ui.taskman import Progress, Task, TaskManager
from kim_protocol.catalogs import CatalogEntry, Catalogs

T = TypeVar("T")


@dataclass
class Context:
    data_dir: Path
    vault: Any
    taskman: TaskManager
    settings: Settings
    catalogs: Catalogs
    #: A demo office (opened by ``kim-desktop demo``): offers to add synthetic people.
    demo: bool = False
    #: Carries out a wipe order from IT (:class:`kim_desktop.ui.wipe.RemoteWipe`).
    remote_wipe: Any = None
    #: Closes the vault, puts the backup at the path in place and shows the sign-in again
    #: (:meth:`kim_desktop.ui.app.AppController.restore_backup`).
    restore: Callable[[Path], None] | None = None

    @property
    def user(self) -> str:
        return str(self.vault.user.name)

    @property
    def is_admin(self) -> bool:
        """The office admin (Büroleitung): reads the audit log, runs the deletion run,
        erases."""
        return str(self.vault.user.role) == "office_admin"

    def _in_session(self, work: Callable[[Session], T]) -> Callable[[], T]:
        def run() -> T:
            with self.vault.session() as session:
                session.info["catalogs"] = self.catalogs
                return work(session)

        return run

    def read(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        *,
        on_error: Callable[[Exception], None] | None = None,
        progress: Progress | None = None,
    ) -> Task[T]:
        return self.taskman.query(
            self._in_session(work), on_done=on_done, on_error=on_error, progress=progress
        )

    def write(
        self,
        work: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        *,
        on_error: Callable[[Exception], None] | None = None,
        progress: Progress | None = None,
    ) -> Task[T]:
        return self.taskman.write(
            self._in_session(work), on_done=on_done, on_error=on_error, progress=progress
        )

    def label(self, catalog: str, code: str | None) -> str:
        """A catalog entry's label in the interface language; the code when unknown."""
        if not code:
            return ""
        entry = self.catalogs[catalog].get(code)
        return entry_label(entry) if entry else code

    def entries(self, catalog: str) -> list[tuple[str, str]]:
        return [(e.code, entry_label(e)) for e in self.catalogs[catalog]]


def entry_label(entry: CatalogEntry) -> str:
    if QLocale().language() == QLocale.Language.English and entry.label_en:
        return entry.label_en
    return entry.label

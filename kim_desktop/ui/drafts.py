"""Drafts of open forms over the idle lock and a crash (:mod:`kim_desktop.core.drafts`).

A form that names its ``draft_form`` keeps what is typed in the encrypted database: every
few seconds while it changes, and once more when the program locks. After the next unlock
by the same user, :func:`reopen_drafts` opens each such form again with its input, in the
client file it belonged to. Forms say how they are opened again with :func:`reopener`.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kim_desktop.core import drafts
from kim_desktop.ui.qt import QApplication, QTimer, isValid, translate

if TYPE_CHECKING:
    from kim_desktop.ui.main_window import MainWindow
    from kim_desktop.ui.widgets.rows import RecordForm

#: How often an open form's input is compared with its saved draft.
DRAFT_INTERVAL_MS = 2_000

#: Opens a form again: ``(window, subject, show)``; calls ``show(form)`` once it is built
#: (perhaps after a read), or not at all when its record is gone.
Reopener = Callable[["MainWindow", dict[str, str], Callable[["RecordForm"], None]], None]

_REOPENERS: dict[str, Reopener] = {}
#: The modules whose forms keep drafts (each registers its :func:`reopener` on import).
FORM_MODULES = ("kim_desktop.ui.consultation_form", "kim_desktop.ui.client_form",
                "kim_desktop.ui.client_file.reopen", "kim_desktop.ui.gaps",
                "kim_desktop.ui.gap_release", "kim_desktop.ui.erasure")


def reopener(form: str) -> Callable[[Reopener], Reopener]:
    """Registers how the form named ``form`` is opened again after an unlock."""
    def register(function: Reopener) -> Reopener:
        _REOPENERS[form] = function
        return function
    return register


class DraftKeeper:
    """Keeps one form's draft: saved while it differs from what was last kept, discarded
    once the form is saved or its input thrown away."""

    def __init__(self, form: RecordForm) -> None:
        self.form = form
        self.draft_id = str(uuid.uuid4())
        self._kept: list[object] | None = None
        self._timer = QTimer(form)
        self._timer.setInterval(DRAFT_INTERVAL_MS)
        self._timer.timeout.connect(self.keep)
        self._timer.start()

    def adopt(self, draft_id: str, values: list[object]) -> None:
        """Continues the draft ``draft_id``, whose ``values`` the form shows again."""
        self.draft_id = draft_id
        self._kept = list(values)

    def _pending(self) -> tuple[str, dict[str, str], list[object]] | None:
        form = self.form
        values = form.draft()
        if not form.dirty() or values == self._kept:
            return None
        return form.draft_form, form.draft_subject(), values

    def keep(self) -> None:
        """Saves the draft on the database thread, if the input changed since."""
        if not self.form.isVisible():
            return
        pending = self._pending()
        if pending is None:
            return
        name, subject, values = pending
        self._kept = values
        draft_id = self.draft_id
        self.form.context.read(lambda s: drafts.save_draft(
            s, draft_id=draft_id, form=name, subject=subject, values=values))

    def keep_now(self, session: Any) -> None:
        """Saves the draft in ``session`` at once (the lock calls it on the database
        thread, before the vault closes)."""
        pending = self._pending()
        if pending is not None:
            name, subject, values = pending
            drafts.save_draft(session, draft_id=self.draft_id, form=name, subject=subject,
                              values=values)

    def discard(self) -> None:
        self._timer.stop()
        if self._kept is not None:
            draft_id = self.draft_id
            self._kept = None
            self.form.context.read(lambda s: drafts.discard_draft(s, draft_id=draft_id))


def open_forms() -> list[RecordForm]:
    """The forms on screen that keep drafts."""
    from kim_desktop.ui.widgets.rows import RecordForm

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, RecordForm) and isValid(w) and w.isVisible()
            and w.keeper is not None]


def keep_all(vault: Any) -> None:
    """Saves the draft of every open form; on the database thread, before a lock."""
    keepers = [form.keeper for form in open_forms() if form.keeper is not None]
    if not keepers:
        return
    with vault.session() as session:
        for keeper in keepers:
            keeper.keep_now(session)


def reopen_drafts(window: MainWindow) -> None:
    """Opens the forms the user left unsaved, each with what was typed."""
    for module in FORM_MODULES:
        importlib.import_module(module)
    context = window.context

    def reopen(found: list[drafts.DraftData]) -> None:
        for draft in found:
            function = _REOPENERS.get(draft.form)
            if function is None or not isValid(window):
                continue
            function(window, draft.subject, _shower(window, draft))

    context.read(drafts.drafts_of_user, reopen)


def _shower(window: MainWindow, draft: drafts.DraftData) -> Callable[[RecordForm], None]:
    def show(form: RecordForm) -> None:
        form.restore_draft(draft.values)
        if form.keeper is not None:
            form.keeper.adopt(draft.id, draft.values)
        form.open()
        window.statusBar().showMessage(translate(
            "drafts", "Nicht gespeicherte Eingaben wiederhergestellt."), 10_000)
    return show

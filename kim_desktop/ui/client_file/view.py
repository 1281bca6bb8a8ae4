"""The client file (Akte): a header that says who and where in the case, and one tab per
part of the work. It loads in one read and refreshes when a write touches this client."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from kim_desktop.core import services
from kim_desktop.ui.client_file import dialogs
from kim_desktop.ui.client_file.data import ClientFileData, load_client_file
from kim_desktop.ui.client_file.data_protection import erasure_state
from kim_desktop.ui.client_file.phase import PhaseDialog
from kim_desktop.ui.client_file.tabs import tab_factories
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import day, file_number
from kim_desktop.ui.labels import phase_label
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QFont,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    QShortcut,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.widgets import (
    ErrorLabel,
    FormDialog,
    access_keys_of,
    assign_access_keys,
    with_access_key,
)


def age_on(birth_date: dt.date | None, today: dt.date) -> int | None:
    if birth_date is None:
        return None
    years = today.year - birth_date.year
    return years - ((today.month, today.day) < (birth_date.month, birth_date.day))


def consent_text(data: ClientFileData, today: dt.date) -> str:
    consent = data.consent_on(today)
    if consent is None:
        return translate("client_file", "Einwilligung: keine gültige")
    if consent.expires_on is None:
        return translate("client_file", "Einwilligung: gültig")
    return translate("client_file", "Einwilligung: gültig bis {date}").format(
        date=day(consent.expires_on)
    )


class ClientFile(QWidget):
    title_changed = Signal(object, str)
    closed = Signal()
    loaded = Signal()

    def __init__(self, context: Context, client_id: str, parent: QWidget | None = None,
                 *, reserved: Iterable[str] = ()) -> None:
        """``reserved``: the Alt letters of the window around the file (its menus)."""
        super().__init__(parent)
        self.context = context
        self.client_id = client_id
        self.data: ClientFileData | None = None
        layout = QVBoxLayout(self)
        self.name = QLabel(translate("client_file", "Wird geladen …"))
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        header = QVBoxLayout()
        header.addWidget(self.name)
        header.addWidget(self.facts)
        actions = QHBoxLayout()
        self.case_button = QPushButton()
        self.case_button.clicked.connect(self._case_action)
        self.phase_button = QPushButton(translate("client_file", "&Phase wechseln …"))
        self.phase_button.clicked.connect(self.change_phase)
        self.export_button = QPushButton(translate("client_file", "Aus&kunft (Art. 15) …"))
        self.export_button.clicked.connect(self._export)
        self.erase_button = QPushButton(
            translate("client_file", "Person &löschen …") if context.is_admin
            else translate("client_file", "&Löschung beantragen …"))
        self.erase_button.clicked.connect(self._erase)
        for button in (self.case_button, self.phase_button, self.export_button,
                       self.erase_button):
            actions.addWidget(button)
        actions.addStretch()
        header.addLayout(actions)
        layout.addLayout(header)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        self.erasure = QLabel()
        self.erasure.setWordWrap(True)
        self.erasure.hide()
        layout.addWidget(self.erasure)
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setAccessibleName(translate("client_file", "Teile der Akte"))
        layout.addWidget(self.tabs, 1)
        self._factories = tab_factories(self)
        self._built: dict[int, QWidget] = {}
        # Alt keys: the header's letters (whatever the case button says), a number per tab;
        # each page's controls take from the letters left when the page is made.
        self.keys = set(reserved) | access_keys_of(
            [case_action_text(a) for a in ("open", "close", "reopen")]
            + [b.text() for b in (self.phase_button, self.export_button, self.erase_button)])
        self.titles = [title for title, _ in self._factories]
        for number, title in enumerate(self.titles, start=1):
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, numbered_tab(number, title, self.keys))
        self.tabs.currentChanged.connect(self.page)
        # Ctrl+PgDn/PgUp: the next and the previous part, wherever the focus is in the window
        # (Qt's tabs take them only on their own tab bar); only the file shown answers.
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self, lambda step=step: self.step_part(step))
        self.page(0)
        self.tabs.setEnabled(False)
        self.case_button.setEnabled(False)
        self.phase_button.setEnabled(False)
        context.taskman.changed.connect(self._changed)
        self.reload()
        # Logged after the first read, so the file shows without waiting for the commit;
        # run as a read so that the log entry does not make every screen refresh.
        context.read(lambda s: services.record_view(s, client_id=client_id))

    def reload(self) -> None:
        self.context.read(
            lambda s: load_client_file(s, self.client_id), self._show, on_error=self._failed,
        )

    def _failed(self, error: Exception) -> None:
        self.error.show_message(user_message(error))
        self.name.setText(translate("client_file", "Akte nicht verfügbar"))

    def _changed(self, change: Any) -> None:
        if getattr(change, "action", "") == "erased" and self.client_id in getattr(
                change, "ids", ()):  # erased with others (the deletion run)
            self.closed.emit()
            return
        # A sync that pulled records or attachments' content may have brought this file's.
        if getattr(change, "client_id", None) == self.client_id or (
            getattr(change, "kind", "") == "structural_gap"
        ) or (getattr(change, "kind", "") == "sync" and change.touches("attachment")):
            if getattr(change, "action", "") == "erased":
                self.closed.emit()
                return
            self.reload()

    def _show(self, data: ClientFileData) -> None:
        self.data = data
        client = data.client
        today = dt.date.today()
        self.name.setText(client.display_name or translate("client_file", "(ohne Namen)"))
        self.title_changed.emit(self, client.display_name[:30] or "…")
        case = data.open_case
        age = age_on(client.birth_date, today)
        parts = []
        if age is not None:
            parts.append(translate("client_file", "{age} Jahre").format(age=age))
        if client.municipality_code:
            parts.append(self.context.label("municipalities", client.municipality_code))
        if case is not None:
            parts.append(translate("client_file", "Phase: {phase}").format(
                phase=phase_label(case.phase)))
        elif data.latest_case is not None:
            parts.append(translate("client_file", "Fall abgeschlossen am {date}").format(
                date=day(data.latest_case.closed_on)))
        else:
            parts.append(translate("client_file", "kein Fall eröffnet"))
        parts.append(consent_text(data, today))
        parts.append(file_number(client.id))
        self.facts.setText(" · ".join(parts))
        self.facts.setAccessibleName(self.facts.text())
        self.erasure.setText(erasure_state(data.erasure_request))
        self.erasure.setVisible(bool(self.erasure.text()))
        self.case_button.setText(case_action_text(
            "close" if case is not None else "reopen" if data.latest_case is not None
            else "open"))
        self.case_button.setEnabled(True)
        self.phase_button.setEnabled(case is not None)
        self.tabs.setEnabled(True)
        for page in self._built.values():
            page.show_data(data)  # type: ignore[attr-defined]
        self.loaded.emit()

    def step_part(self, step: int) -> None:
        """Shows the part ``step`` tabs on (back, when negative), round the end."""
        if self.tabs.isEnabled():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def page(self, index: int) -> QWidget:
        """The tab's page, made on first use (opening a file builds one tab, not eleven)."""
        if index not in self._built:
            page = self._factories[index][1]()
            holder = self.tabs.widget(index)
            assert holder is not None
            layout = holder.layout()
            assert layout is not None
            layout.addWidget(page)
            assign_access_keys(page, reserved=self.keys, fresh=True)
            self._built[index] = page
            if self.data is not None:
                page.show_data(self.data)  # type: ignore[attr-defined]
        return self._built[index]

    def page_titled(self, title: str) -> QWidget:
        return self.page(self.titles.index(title))

    def _case_action(self) -> Any:
        if self.data is None:
            return None
        case = self.data.open_case
        dialog: FormDialog
        if case is not None:
            dialog = dialogs.CloseCaseDialog(self.context, case.id, self)
        elif self.data.latest_case is not None:
            dialog = dialogs.ReopenCaseDialog(self.context, self.data.latest_case.id, self)
        else:
            dialog = dialogs.OpenCaseDialog(self.context, self.client_id, self)
        dialog.open()
        return dialog

    def change_phase(self) -> PhaseDialog | None:
        """Opens the phase dialog of the open case (None without one)."""
        case = self.data.open_case if self.data is not None else None
        if case is None:
            return None
        dialog = PhaseDialog(self.context, case, self)
        dialog.open()
        return dialog

    def _export(self) -> None:
        from kim_desktop.ui.client_file.data_protection import export_client

        export_client(self)

    def _erase(self) -> Any:
        from kim_desktop.ui.client_file.data_protection import erase_client

        return erase_client(self)


def numbered_tab(number: int, title: str, used: set[str]) -> str:
    """A tab's title with Alt and its number (1 … 9, then 0) in front: letters would not
    do, eleven tabs take the letters their pages' buttons need. Tabs past the tenth take a
    letter of ``used``'s rest."""
    if number > 10:
        return with_access_key(title, used)
    digit = str(number % 10)
    used.add(digit)
    return f"&{digit} {title}"


def case_action_text(action: str) -> str:
    """The header button's text for ``action``: "open", "close" or "reopen" the case."""
    return {
        "open": translate("client_file", "Fall er&öffnen …"),
        "close": translate("client_file", "Fall a&bschließen …"),
        "reopen": translate("client_file", "Fall wieder er&öffnen …"),
    }[action]

"""The main window: the screens as tabs, client files as further tabs, menus with shortcuts
for everything, and the sync state in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kim_desktop.core.vault import Role
from kim_desktop.ui.context import Context
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QMainWindow,
    QMessageBox,
    QShowEvent,
    QTabWidget,
    QTimer,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.settings import WINDOW_GEOMETRY
from kim_desktop.ui.widgets import access_keys_in, access_keys_of, confirm


class MainWindow(QMainWindow):
    lock_requested = Signal()
    closed = Signal()
    auto_lock_changed = Signal(int)

    def __init__(self, context: Context) -> None:
        super().__init__()
        self.context = context
        self._discarding = False
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(translate("main_window", "Bereiche"))
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)
        self.pages: dict[str, QWidget] = {}
        self.client_files: dict[str, QWidget] = {}
        self.sync: Any = None
        self._build()
        context.taskman.failed.connect(self._failed)
        geometry = context.settings.get(WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(self.fontMetrics().averageCharWidth() * 150,
                        self.fontMetrics().lineSpacing() * 40)
        self._fit_screen()
        self._fitted_with_frame = False

    def _fit_screen(self) -> None:
        """Within the screen's free area: a size saved on a larger screen, or the default
        at 150 % scaling on 1366×768, must not put the status bar and tabs off-screen."""
        screen = self.screen()
        if screen is None:
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()
        self.resize(min(self.width(), free.width() - frame.width()),
                    min(self.height(), free.height() - frame.height()))
        if not free.contains(self.frameGeometry().topLeft()):
            self.move(free.topLeft())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted_with_frame:
            # The window manager's frame is known only once the window is shown.
            self._fitted_with_frame = True
            QTimer.singleShot(0, self, self._fit_screen)

    # --- construction ------------------------------------------------------------------

    def _page_factories(self) -> list[tuple[str, str, Callable[[], QWidget]]]:
        from kim_desktop.ui.audit import AuditView
        from kim_desktop.ui.caseload import CaseloadPage
        from kim_desktop.ui.deletion_run import DeletionRunPage
        from kim_desktop.ui.eligibility import EligibilityPage
        from kim_desktop.ui.gaps import GapsPage
        from kim_desktop.ui.settings_page import SettingsPage
        from kim_desktop.ui.start import StartPage
        from kim_desktop.ui.statistics import StatisticsPage

        def caseload() -> QWidget:
            page = CaseloadPage(self.context)
            page.open_client.connect(self.open_client)
            page.new_client.connect(self.new_client)
            return page

        def start() -> QWidget:
            page = StartPage(self.context, self.sync)
            page.open_client.connect(self.open_client)
            page.show_deletion_run.connect(lambda: self.show_page("deletion_run"))
            return page

        def eligibility() -> QWidget:
            page = EligibilityPage(self.context)
            page.open_client.connect(self.open_client)
            return page

        def settings() -> QWidget:
            page = SettingsPage(self.context)
            page.language_changed.connect(self.retranslate)
            page.auto_lock_changed.connect(self.auto_lock_changed)
            page.sync_changed.connect(self.sync.apply_settings)
            return page

        def audit() -> QWidget:
            page = AuditView(self.context)
            page.open_client.connect(self.open_client)
            return page

        admin: list[tuple[str, str, Callable[[], QWidget]]] = [
            ("audit", translate("main_window", "Pr&otokoll"), audit),
            ("deletion_run", translate("main_window", "&Löschlauf"),
             lambda: DeletionRunPage(self.context)),
        ] if self.context.is_admin else []
        return [
            ("start", translate("main_window", "&Start"), start),
            ("caseload", translate("main_window", "&Klient*innen"), caseload),
            ("gaps", translate("main_window", "Strukturelle &Fehlstellen"),
             lambda: GapsPage(self.context)),
            ("statistics", translate("main_window", "S&tatistik"),
             lambda: StatisticsPage(self.context)),
            ("settings", translate("main_window", "&Einstellungen"), settings),
            ("eligibility", translate("main_window", "&Bald berechtigt"), eligibility),
            *admin,
        ]

    def _build(self) -> None:
        from kim_desktop.ui.sync import SyncController
        from kim_desktop.ui.sync_status import SyncStatusBar

        self.setWindowTitle(
            translate("main_window", "KIM Desktop – {user}").format(user=self.context.user)
        )
        if self.sync is None:
            self.sync = SyncController(self.context, self)
        self.pages.clear()
        for key, title, factory in self._page_factories():
            page = factory()
            self.pages[key] = page
            index = self.tabs.addTab(page, title.replace("&", ""))
            self.tabs.tabBar().setTabButton(index, self.tabs.tabBar().ButtonPosition.RightSide,
                                            None)
        self.menuBar().clear()
        self._build_menus()
        self.sync_status = SyncStatusBar(self.context, self.sync)
        # No stretch: Qt draws a status message (a save confirmed, a background error) only
        # left of the permanent widgets, so the sync status keeps to its own width.
        self.statusBar().addPermanentWidget(self.sync_status)

    def _action(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("main_window", "&Datei"))
        self.quick_action = self._action(
            translate("main_window", "Neuer &Beratungskontakt …"), "Ctrl+N",
            self.quick_consultation,
        )
        file_menu.addAction(self.quick_action)
        file_menu.addAction(self._action(
            translate("main_window", "Neue &Person …"), "Ctrl+Shift+N", self.new_client
        ))
        file_menu.addAction(self._action(
            translate("main_window", "Jetzt s&ynchronisieren"), "F5", self.sync.sync_now
        ))
        if self.context.vault.user.role == Role.OFFICE_ADMIN:
            file_menu.addAction(self._action(
                translate("main_window", "Berichtsdaten erneut s&enden …"), None,
                self.resend_reports))
        if self.context.is_admin:
            file_menu.addAction(self._action(
                translate("main_window", "Export für die Datenbank &KIM …"), None,
                self.office_export))
        file_menu.addSeparator()
        file_menu.addAction(self._action(
            translate("main_window", "&Sperren"), "Ctrl+L", self.lock_requested.emit
        ))
        file_menu.addAction(self._action(
            translate("main_window", "Bee&nden"), QKeySequence.StandardKey.Quit, self.close
        ))
        view_menu = self.menuBar().addMenu(translate("main_window", "&Ansicht"))
        for number, (key, title, _) in enumerate(self._page_factories(), start=1):
            view_menu.addAction(self._action(title, f"Ctrl+{number}", self._shower(key)))
        view_menu.addAction(self._action(
            translate("main_window", "Klient*innen s&uchen"), "Ctrl+F", self.focus_search
        ))
        view_menu.addAction(self._action(
            translate("main_window", "Akte s&chließen"), "Ctrl+W", self.close_current_file
        ))
        help_menu = self.menuBar().addMenu(translate("main_window", "&Hilfe"))
        help_menu.addAction(self._action(
            translate("main_window", "Erklärung zur &Barrierefreiheit …"), None,
            self.accessibility_statement
        ))
        help_menu.addAction(self._action(
            translate("main_window", "Über &KIM Desktop"), None, self._about
        ))

    def resend_reports(self) -> None:
        """After a confirmation, the office's report data on the server are replaced by this
        device's (office admins only)."""
        if not self.sync.can_sync:
            self.statusBar().showMessage(translate(
                "main_window", "Dieses Gerät ist mit keinem Sync-Server verbunden."),
                30_000)
            return
        if confirm(self, translate("main_window", "Berichtsdaten erneut senden"), translate(
                "main_window", "Der Sync-Server löscht alle Berichtsdaten dieses Büros "
                "(Auswertungsangaben und freigegebene Fehlstellen) und erhält sie neu von "
                "diesem Gerät. So werden falsche Angaben eines fehlerhaften Geräts entfernt. "
                "Die Koordination sieht bis zum Ende des Abgleichs weniger Zahlen."),
                translate("main_window", "Erneut senden")):
            self.sync.sync_now(resend_reports=True)

    def _shower(self, key: str) -> Callable[[], None]:
        return lambda: self.show_page(key)

    # --- navigation --------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.pages[key])

    def focus_search(self) -> None:
        self.show_page("caseload")
        self.pages["caseload"].focus_search()  # type: ignore[attr-defined]

    def open_client(self, client_id: str) -> QWidget:
        from kim_desktop.ui.client_file import ClientFile

        existing = self.client_files.get(client_id)
        if existing is not None:
            self.tabs.setCurrentWidget(existing)
            return existing
        menus = [action.text() for action in self.menuBar().actions()]
        reserved = access_keys_of(menus) | access_keys_in(self.statusBar())
        view = ClientFile(self.context, client_id, reserved=reserved)
        view.title_changed.connect(self._retitle)
        view.closed.connect(lambda cid=client_id: self._forget_file(cid))
        self.client_files[client_id] = view
        self.tabs.addTab(view, translate("main_window", "Akte"))
        self.tabs.setCurrentWidget(view)
        return view

    def _retitle(self, view: QWidget, title: str) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.setTabText(index, title)

    def _forget_file(self, client_id: str) -> None:
        view = self.client_files.pop(client_id, None)
        if view is not None:
            index = self.tabs.indexOf(view)
            if index >= 0:
                self.tabs.removeTab(index)
            view.deleteLater()

    def _close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for client_id, view in list(self.client_files.items()):
            if view is widget:
                self._forget_file(client_id)

    def close_current_file(self) -> None:
        self._close_tab(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        shown = getattr(widget, "shown", None)
        if callable(shown):
            shown()

    def current_client(self) -> str:
        widget = self.tabs.currentWidget()
        for client_id, view in self.client_files.items():
            if view is widget:
                return client_id
        if widget is self.pages.get("caseload"):
            return str(widget.selected_client())  # type: ignore[attr-defined]
        return ""

    # --- dialogs -----------------------------------------------------------------------

    def quick_consultation(self) -> Any:
        from kim_desktop.ui.consultation_form import ConsultationForm

        caseload = self.pages["caseload"]
        rows = caseload.model.rows() if caseload.loaded else None  # type: ignore[attr-defined]
        dialog = ConsultationForm(self.context, client_id=self.current_client(), rows=rows,
                                  parent=self)
        dialog.open()
        return dialog

    def new_client(self) -> Any:
        from kim_desktop.ui.client_form import ClientForm

        dialog = ClientForm(self.context, parent=self)
        dialog.created.connect(self.open_client)
        dialog.open_existing.connect(self.open_client)
        dialog.open()
        return dialog

    def office_export(self) -> Any:
        from kim_desktop.ui.office_export import OfficeExportDialog

        dialog = OfficeExportDialog(self.context, self)
        dialog.open()
        return dialog

    def accessibility_statement(self) -> Any:
        from kim_desktop.ui.accessibility_statement import AccessibilityStatementDialog

        dialog = AccessibilityStatementDialog(self.context, self)
        dialog.open()
        return dialog

    def _about(self) -> None:
        from kim_protocol import __version__

        QMessageBox.about(
            self,
            translate("main_window", "Über KIM Desktop"),
            translate(
                "main_window",
                "KIM Desktop {version}\nFallmanagement im Kommunalen Integrationsmanagement.",
            ).format(version=__version__),
        )

    def _failed(self, error: Exception) -> None:
        """Errors of background work without a handler of their own: said in the status bar,
        never as a stack of modal boxes."""
        self.statusBar().showMessage("⚠ " + user_message(error), 30_000)

    # --- language and lifetime ---------------------------------------------------------

    def retranslate(self) -> None:
        """Rebuilds every screen in the new language; open client files stay open."""
        open_files = list(self.client_files)
        current = self.tabs.currentIndex()
        for view in self.client_files.values():
            view.deleteLater()
        self.client_files.clear()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.statusBar().removeWidget(self.sync_status)
        self.sync_status.deleteLater()
        self._build()
        for client_id in open_files:
            self.open_client(client_id)
        self.tabs.setCurrentIndex(min(current, self.tabs.count() - 1))

    def discard(self) -> None:
        """Closes the window for locking: no "closed" signal, the program keeps running."""
        self._discarding = True
        self.context.taskman.failed.disconnect(self._failed)
        self.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.sync is not None:
            # A running sync stops after its current transaction, before the vault is locked.
            self.sync.stop()
        self.context.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)
        if not self._discarding:
            self.closed.emit()

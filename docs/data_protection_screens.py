"""Screenshots of the office admin's data-protection screens with synthetic demo data, made
offscreen (a demo office is made afresh; nothing else in docs/ changes).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/data_protection_screens.py

Writes ``docs/audit-view.png`` and ``docs/deletion-run.png``.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from screenshots import SIZE, wait_until

from kim_desktop.cli.demo import DEMO_PASSWORD, DEMO_USER, create_demo_office
from kim_desktop.ui import i18n
from kim_desktop.ui.app import AppController, application
from kim_desktop.ui.qt import QApplication, QWidget

DOCS = Path(__file__).resolve().parent


def grab(app: QApplication, widget: QWidget, name: str) -> None:
    if widget.isWindow() and widget.parent() is None:
        widget.resize(*SIZE)  # the offscreen screen is smaller; the window fits it when shown
    for _ in range(20):
        app.processEvents()
    path = DOCS / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(DOCS.parent))


def grab_audit_view(app: QApplication, window: Any) -> None:
    """A morning's reading of a few files, then the log as the office admin sees it."""
    from kim_desktop.core.services.export import export_client

    window.show_page("caseload")
    caseload = window.pages["caseload"]
    wait_until(app, lambda: caseload.loaded)
    for position in (3, 8, 11, 3):
        view = window.open_client(caseload.model.row_at(position).client_id)
        wait_until(app, lambda v=view: v.data is not None)
        window.close_current_file()
    exported = caseload.model.row_at(8).client_id

    def art15(folder: str) -> None:
        with window.context.vault.session() as session:
            session.info["catalogs"] = window.context.catalogs
            export_client(session, client_id=exported, format="json",
                          out=Path(folder) / "auskunft.json")

    with tempfile.TemporaryDirectory() as folder:
        window.context.taskman.run_blocking_on_database(lambda: art15(folder))
    window.show_page("audit")
    audit = window.pages["audit"]
    audit.loaded = False
    audit.reload()
    wait_until(app, lambda: audit.loaded)
    grab(app, window, "audit-view")


def make_some_due(window: Any) -> None:
    """Ages a few closed cases past the retention period, and a few persons without a case."""
    from sqlalchemy import select

    from kim_desktop.core.models import Case, Client
    from kim_desktop.core.services.retention import add_years

    def work() -> None:
        with window.context.vault.session() as session:
            today = dt.date.today()
            closed = session.scalars(select(Case).where(Case.closed_on.is_not(None))
                                     .limit(4)).all()
            for years, case in enumerate(closed, start=3):
                case.opened_on = add_years(today, -years - 2)
                case.closed_on = add_years(today, -years)
            with_case = select(Case.client_id)
            for client in session.scalars(select(Client).where(Client.id.not_in(with_case))
                                          .limit(2)):
                client.created_at = client.created_at.replace(year=today.year - 2)
            session.commit()

    window.context.taskman.run_blocking_on_database(work)


def grab_deletion_run(app: QApplication, window: Any) -> None:
    make_some_due(window)
    window.show_page("deletion_run")
    page = window.pages["deletion_run"]
    page.loaded = False
    page.reload()
    wait_until(app, lambda: page.loaded)
    grab(app, window, "deletion-run")


def main() -> int:
    i18n.build()
    app = application()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "demo"
        create_demo_office(folder, 120)
        controller = AppController(folder, demo_user=DEMO_USER, demo_password=DEMO_PASSWORD)
        controller.start()
        dialog = controller.unlock_dialog
        assert dialog is not None
        dialog.try_unlock()
        wait_until(app, lambda: controller.window is not None)
        window = controller.window
        grab_audit_view(app, window)
        grab_deletion_run(app, window)
        controller.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

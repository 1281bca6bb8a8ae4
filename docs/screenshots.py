"""Screenshots of the main screens with synthetic demo data, as a case manager sees them: on
a real X display (Xvfb, 1366×768, the openbox window manager), maximised, at 100 % and at
150 % scaling.

    .venv/bin/python docs/screenshots.py [--language en]

Needs ``xvfb-run`` and ``openbox`` (Debian: ``apt-get install xvfb openbox``). Writes
``docs/screenshot-*.png`` and, at 150 %, ``docs/screenshot-*-150.png``; the README shows them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kim_desktop.cli.demo import DEMO_PASSWORD, DEMO_USER, create_demo_office
from kim_desktop.ui import i18n
from kim_desktop.ui.app import AppController, application
from kim_desktop.ui.qt import QApplication, QWidget
from kim_desktop.ui.settings import LANGUAGE, Settings

DOCS = Path(__file__).resolve().parent
SIZE = (1280, 800)
SCREEN = "1366x768x24"
SCALES = {"1": "", "1.5": "-150"}
#: The file names' ending at this run's scale ("" at 100 %).
SUFFIX = SCALES.get(os.environ.get("QT_SCALE_FACTOR", "1"), "")


def wait_until(app: QApplication, condition: Callable[[], Any], limit: int = 2000) -> None:
    for _ in range(limit):
        app.processEvents()
        if condition():
            return
        time.sleep(0.01)  # let the database thread work between event rounds
    raise TimeoutError("screen did not get ready")


def grab(app: QApplication, widget: QWidget, name: str) -> None:
    for _ in range(20):
        app.processEvents()
    path = DOCS / f"screenshot-{name}{SUFFIX}.png"
    widget.grab().save(str(path))
    print(path.relative_to(DOCS.parent))


def record_example_gap(controller: AppController) -> None:
    import datetime as dt

    from kim_desktop.core import services

    context = controller.context
    assert context is not None

    def work() -> None:
        with context.vault.session() as session:
            session.info["catalogs"] = context.catalogs
            services.record_gap(
                session, category_code=context.catalogs["structural_gap_categories"].codes()[0],
                field_of_action_code="german", municipality_code="rahden",
                description="Integrationskurse mit Kinderbetreuung fehlen; Mütter mit kleinen "
                "Kindern warten bis zu einem Jahr auf einen Platz.",
                observed_on=dt.date.today(),
            )

    context.taskman.run_blocking_on_database(work)


def plan_example_referral(controller: AppController, client_id: str) -> None:
    """A planned referral to an agency without a waiver, so that sending it explains why a
    reason is asked for."""
    import datetime as dt

    from kim_desktop.core import services

    context = controller.context
    assert context is not None

    def work() -> None:
        with context.vault.session() as session:
            session.info["catalogs"] = context.catalogs
            services.plan_referral(
                session, client_id=client_id, agency_code="integration_course_provider",
                planned_on=dt.date.today(), purpose="Anmeldung zum Integrationskurs mit "
                "Kinderbetreuung", field_of_action_code="german",
            )

    context.taskman.run_blocking_on_database(work)


def make_example_conflict(controller: AppController, client_id: str) -> None:
    """What a sync leaves when the same person's phone and street were changed here and on
    another computer of the office: a conflict to be decided field by field."""
    import json

    from kim_desktop.core.db import record_to_payload
    from kim_desktop.core.models import Client
    from kim_desktop.sync.state import SyncConflict

    context = controller.context
    assert context is not None

    def work() -> None:
        with context.vault.session() as session:
            client = session.get(Client, client_id)
            assert client is not None
            base = record_to_payload(client)
            local = dict(base, phone="0571 4489 201", street="Lange Straße 12")
            remote = dict(base, phone="0176 2231 5590", street="Lange Str. 12a",
                          version=client.version + 1)
            session.add(SyncConflict(
                kind="client", record_id=client.id, fields=json.dumps(["phone", "street"]),
                local_payload=json.dumps(local), remote_payload=json.dumps(remote),
                base_payload=json.dumps(base), remote_version=client.version + 1,
            ))
            session.commit()

    context.taskman.run_blocking_on_database(work)


def grab_case_cycle(app: QApplication, window: Any, caseload: Any) -> None:
    """A person with an open case: the phase dialog, the plan, the follow-ups and Verlauf
    with the phase history."""
    row = next(caseload.model.row_at(i) for i in range(caseload.model.rowCount())
               if caseload.model.row_at(i).case_id and caseload.model.row_at(i).phase
               not in (None, "intake"))
    view = window.open_client(row.client_id)
    wait_until(app, lambda: view.data is not None)
    phase = view.change_phase()
    assert phase is not None
    grab(app, phase, "phase")
    phase.reject()
    for index, name in ((3, "plan"), (6, "follow-ups"), (9, "history")):
        view.tabs.setCurrentIndex(index)
        grab(app, window, f"client-file-{name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=sorted(i18n.LANGUAGES), default="de")
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--on-display", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.on_display:
        return on_xvfb(sys.argv[1:])
    window_manager = subprocess.Popen(["openbox"], stderr=subprocess.DEVNULL)
    try:
        return shoot(args)
    finally:
        window_manager.terminate()


def on_xvfb(arguments: list[str]) -> int:
    """Runs the shots once per scale, each on a display of its own."""
    for scale in SCALES:
        environment = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=scale,
                           QT_LOGGING_RULES="default.warning=false")
        done = subprocess.run(
            ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, __file__,
             "--on-display", *arguments], env=environment, check=False)
        if done.returncode:
            return done.returncode
    return 0


def shoot(args: argparse.Namespace) -> int:
    i18n.build()
    app = application()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "demo"
        create_demo_office(folder, args.clients)
        Settings(folder).set(LANGUAGE, args.language)
        controller = AppController(folder, demo_user=DEMO_USER, demo_password=DEMO_PASSWORD)
        controller.start()
        dialog = controller.unlock_dialog
        assert dialog is not None
        grab(app, dialog, "unlock")
        dialog.try_unlock()
        wait_until(app, lambda: controller.window is not None)
        window = controller.window
        window.showMaximized()
        wait_until(app, lambda: window.width() >= 900)  # the window manager maximised it
        start = window.pages["start"]
        wait_until(app, lambda: start.data is not None)
        grab(app, window, "start")
        window.show_page("caseload")
        caseload = window.pages["caseload"]
        wait_until(app, lambda: caseload.loaded)
        grab(app, window, "caseload")
        row = caseload.model.row_at(2)
        view = window.open_client(row.client_id)
        wait_until(app, lambda: view.data is not None)
        grab(app, window, "client-file")
        view.tabs.setCurrentIndex(4)
        grab(app, window, "client-file-consultations")
        plan_example_referral(controller, row.client_id)
        loaded = view.data
        view.reload()
        wait_until(app, lambda: view.data is not loaded)
        view.tabs.setCurrentIndex(5)
        referrals = view.page(5)
        referrals.select_first()  # the newest: planned today
        grab(app, window, "client-file-referrals")
        send = referrals.send()
        grab(app, send, "referral-send")
        send.reject()
        grab_case_cycle(app, window, caseload)
        quick = window.quick_consultation()
        wait_until(app, lambda: quick.ready)
        grab(app, quick, "quick-consultation")
        quick.reject()
        record_example_gap(controller)
        window.show_page("gaps")
        wait_until(app, lambda: bool(window.pages["gaps"].list._records))
        grab(app, window, "gaps")
        window.show_page("statistics")
        wait_until(app, lambda: window.pages["statistics"].loaded)
        grab(app, window, "statistics")
        window.show_page("settings")
        grab(app, window, "settings")
        window.show_page("eligibility")
        wait_until(app, lambda: window.pages["eligibility"].loaded)
        grab(app, window, "eligibility")
        make_example_conflict(controller, row.client_id)
        from kim_desktop.ui.conflicts import ConflictsDialog

        conflicts = ConflictsDialog(window.context, window)
        conflicts.resize(900, 420)
        wait_until(app, lambda: conflicts.loaded)
        grab(app, conflicts, "conflicts")
        conflicts.reject()
        controller.close()
        first = AppController(Path(temp) / "new")
        first.start()
        assert first.wizard is not None
        first.wizard.admin_page.fields.user.setText("Büro Rahden")
        grab(app, first.wizard, "first-run")
        first.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

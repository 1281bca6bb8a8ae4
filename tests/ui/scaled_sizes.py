"""Run as a program (``python -m tests.ui.scaled_sizes DIR``) with ``QT_SCALE_FACTOR`` set:
opens the program on a small demo vault in DIR, shows every screen, a client file with each
of its tabs and the two main forms, and prints as JSON the smallest size (in device pixels)
each lets its window have. A fresh interpreter, because the scale is fixed when Qt starts."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(folder: Path) -> None:
    from kim_desktop.core import vault_header
    from kim_desktop.ui import i18n
    from kim_desktop.ui.app import AppController, application
    from kim_desktop.ui.qt import QPushButton
    from tests.ui.conftest import PASSWORD, USER, CheapArgon2, _make_vault

    vault_header.Argon2Params = CheapArgon2  # type: ignore[misc]
    data = _make_vault(folder / "vault", clients=5)
    app = application()
    i18n.build()
    controller = AppController(data)
    controller.start()

    def wait(condition: Callable[[], bool]) -> None:
        end = time.monotonic() + 30
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError
            app.processEvents()
            time.sleep(0.005)

    dialog = controller.unlock_dialog
    assert dialog is not None
    unlock_message = _unlock_with_a_message(app, dialog, data, wait)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.try_unlock()
    wait(lambda: controller.window is not None)
    window = controller.window
    scale = window.devicePixelRatioF()
    sizes: dict[str, list[int]] = {}
    cut: dict[str, list[str]] = {}

    def measure(name: str, widget: Any) -> None:
        app.processEvents()
        hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        sizes[name] = [round(hint.width() * scale), round(hint.height() * scale)]

    window.show_page("caseload")
    caseload = window.pages["caseload"]
    wait(lambda: caseload.loaded)
    for key in list(window.pages):
        window.show_page(key)
        measure(key, window)
    window.show_page("caseload")
    window.show()
    window.resize(window.minimumSizeHint())  # as narrow as the caseload lets its window be
    app.processEvents()
    search = caseload.search
    metrics = search.fontMetrics()
    search_width: dict[str, Any] = {"caseload": {
        "width": search.width(), "chars": metrics.averageCharWidth(),
        "placeholder": metrics.horizontalAdvance(search.placeholderText())}}
    view = window.open_client(caseload.model.row_at(0).client_id)
    wait(lambda: view.data is not None)
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        measure("file: " + view.tabs.tabText(index).replace("&", ""), window)
    for name, form in (("consultation", window.quick_consultation()),
                       ("new person", window.new_client())):
        measure(name, form)
        if name == "consultation":  # the person is looked up by typing into this field
            app.processEvents()
            metrics = form.client.fontMetrics()
            search_width["consultation"] = {
                "width": form.client.width(), "chars": metrics.averageCharWidth(),
                "placeholder": metrics.horizontalAdvance(form.client.placeholderText())}
        form.hide()
    for name, dialog in _small_dialogs(window, view):
        measure("dialog: " + name, dialog)
        dialog.show()
        app.processEvents()
        # Opened at the size it gives itself: its buttons lie inside it.
        buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]
        inside = dialog.rect()
        sizes["dialog opened: " + name] = [round(dialog.width() * scale),
                                           round(dialog.height() * scale)]
        cut[name] = [b.text().replace("&", "") for b in buttons
                     if not inside.contains(b.geometry().translated(
                         b.parentWidget().mapTo(dialog, b.parentWidget().rect().topLeft())))]
        dialog.hide()
    print(json.dumps({"scale": scale, "sizes": sizes, "unlock_message": unlock_message,
                      "search": search_width,
                      "cut_buttons": {name: texts for name, texts in cut.items() if texts}}))
    controller.close()


def _small_dialogs(window: Any, view: Any) -> list[tuple[str, Any]]:
    """Every small dialog of the program, made as the screens make them (records they edit
    stand in as plain values)."""
    import datetime as dt
    from types import SimpleNamespace

    from kim_desktop.ui.accounts import RekeyDialog
    from kim_desktop.ui.client_file import dialogs
    from kim_desktop.ui.client_file.household import HouseholdMemberDialog
    from kim_desktop.ui.client_file.phase import PhaseDialog
    from kim_desktop.ui.client_file.precheck_referral import PrecheckReferralDialog
    from kim_desktop.ui.client_file.referral_dialogs import (
        AcceptReferralDialog,
        CancelReferralDialog,
        CompleteReferralDialog,
        DeclineReferralDialog,
        SendReferralDialog,
    )
    from kim_desktop.ui.client_form import ClientForm
    from kim_desktop.ui.conflicts import ConflictsDialog
    from kim_desktop.ui.gaps import GapDialog
    from kim_desktop.ui.rejected import RejectedDialog
    from kim_desktop.ui.wipe import WipeDialog

    context, today = window.context, dt.date.today()
    referral = SimpleNamespace(id="x", agency_code="jobcenter_minden_luebbecke")
    goal = SimpleNamespace(id="x", field_of_action_code="work", description="", status=None,
                           outcome=None, agreed_on=today, due_on=None)
    measure = SimpleNamespace(id="x", description="Bewerbung", status=None, outcome=None,
                              due_on=None)
    follow_up = SimpleNamespace(id="x", due_on=today, text="", assigned_user="anna")
    period = SimpleNamespace(id="x", status_code="", valid_from=today, valid_to=None,
                             legal_basis="", note="")
    made = [
        HouseholdMemberDialog(context, "x"), dialogs.OpenCaseDialog(context, view.client_id),
        dialogs.CloseCaseDialog(context, "x"), dialogs.ReopenCaseDialog(context, "x"),
        dialogs.FollowUpDialog(context, "x"),
        dialogs.FollowUpDialog(context, "x", follow_up=follow_up),
        dialogs.ConsentDialog(context, "x"), dialogs.NeedDialog(context, "x"),
        dialogs.GoalDialog(context, "x"), dialogs.GoalDialog(context, "x", goal=goal),
        dialogs.MeasureDialog(context, "x"), dialogs.MeasureDialog(context, "x", measure=measure),
        dialogs.ReferralDialog(context, "x"), dialogs.ResidencePeriodDialog(context, "x"),
        dialogs.ResidencePeriodDialog(context, "x", period=period),
        PhaseDialog(context, SimpleNamespace(id="x", phase="assessment")),
        SendReferralDialog(context, referral, []), AcceptReferralDialog(context, "x"),
        DeclineReferralDialog(context, "x"), CompleteReferralDialog(context, "x"),
        CancelReferralDialog(context, "x"),
        PrecheckReferralDialog(context, "x", "auslaenderbehoerde_kreis", "Vorprüfung"),
        GapDialog(context), ClientForm(context, client=view.data.client, facts=True),
        window.pages["settings"].accounts.change_password(),
        window.pages["settings"].accounts.add_user(), RekeyDialog(context),
        RejectedDialog(context), ConflictsDialog(context), WipeDialog("Löschung"),
    ]
    return [(f"{type(d).__name__} {d.windowTitle()}", d) for d in made]


def _unlock_with_a_message(app: Any, dialog: Any, data: Path,
                           wait: Callable[[Callable[[], bool]], None]) -> dict[str, Any]:
    """Types user and password while a second instance holds the vault, and reports the
    heights the message leaves the fields and buttons, beside those they ask for."""
    from PySide6.QtTest import QTest

    from kim_desktop.core.vault import Vault
    from kim_desktop.ui.qt import Qt
    from tests.ui.conftest import PASSWORD, USER

    second_instance = Vault.unlock(data, user=USER, password=PASSWORD)
    try:
        dialog.activateWindow()
        wait(lambda: app.focusWidget() is dialog.user)
        QTest.keyClicks(app.focusWidget(), USER)
        QTest.keyClick(app.focusWidget(), Qt.Key.Key_Tab)
        QTest.keyClicks(app.focusWidget(), PASSWORD)
        QTest.keyClick(app.focusWidget(), Qt.Key.Key_Return)
        wait(lambda: dialog.message.isVisible() and dialog.unlock_button.isEnabled())
        app.processEvents()
        message = dialog.message
        return {
            "fields": {name: [widget.height(), widget.sizeHint().height()] for name, widget in (
                ("user", dialog.user), ("password", dialog.password),
                ("unlock", dialog.unlock_button))},
            "message": [message.height(), message.heightForWidth(message.width())],
        }
    finally:
        second_instance.close()
        dialog.message.show_message("")
        dialog.user.clear()
        dialog.password.clear()


if __name__ == "__main__":
    main(Path(sys.argv[1]))

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
    print(json.dumps({"scale": scale, "sizes": sizes, "unlock_message": unlock_message,
                      "search": search_width}))
    controller.close()


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

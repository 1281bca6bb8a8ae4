"""What the user reads when something goes wrong: German (or translated), never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from kim_desktop.ui.qt import QMessageBox, Qt, QWidget, translate

log = logging.getLogger(__name__)


def user_message(error: BaseException) -> str:
    """The message for ``error`` in the interface language: rule violations and vault errors
    speak for themselves (their German template translated in their context); anything else is
    a defect, logged by type only (its text may hold personal data)."""
    template = getattr(error, "template", None)
    context = getattr(error, "context", None)
    if isinstance(template, str) and isinstance(context, str):
        params = dict(getattr(error, "params", {}) or {})
        if context == "DomainError":
            params = _domain_words(str(getattr(error, "code", "")), params)
        try:
            return translate(context, template).format(**params)
        except (KeyError, IndexError, ValueError):
            return str(error)
    if type(error).__module__.startswith("kim_desktop") and str(error):
        return str(error)
    if isinstance(error, OSError):
        return translate("messages", "Die Datei konnte nicht gelesen oder geschrieben werden.")
    log.error("unexpected %s", type(error).__name__, exc_info=error)
    return translate("messages",
        "Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherten Daten sind nicht betroffen."
    )


def _domain_words(code: str, params: dict[str, Any]) -> dict[str, Any]:
    """A domain error's field keys and stored codes as words of the interface language."""
    from kim_desktop.core import fields
    from kim_desktop.core.errors import CODE_PARAMS, FIELD_PARAMS
    from kim_desktop.ui.fields import choice_label, label

    for name in FIELD_PARAMS:
        if isinstance(params.get(name), str):
            params[name] = label(params[name])
    if code in CODE_PARAMS:
        choices = fields.declared(CODE_PARAMS[code]).choices
        assert choices is not None
        for name in ("current", "target"):
            params[name] = choice_label(choices, str(params.get(name, "")))
    return params


def show_error(parent: QWidget | None, error: BaseException) -> None:
    warn(parent, translate("messages", "KIM Desktop"), user_message(error))


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A warning box whose text is shown as it is: a message may come from the server, and
    QMessageBox would take HTML in it as markup."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()

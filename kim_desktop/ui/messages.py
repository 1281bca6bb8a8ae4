"""What the user reads when something goes wrong: German (or translated), never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable

from kim_desktop.ui.labels import phase_label, referral_state_label
from kim_desktop.ui.qt import QMessageBox, QWidget, translate

log = logging.getLogger(__name__)

# Errors whose ``current`` and ``target`` are stored codes, and the words shown for them.
CODE_LABELS: dict[str, Callable[[str], str]] = {
    "phase_transition": phase_label,
    "referral_transition": referral_state_label,
}


def user_message(error: BaseException) -> str:
    """The message for ``error`` in the interface language: rule violations and vault errors
    speak for themselves (their German template translated in their context); anything else is
    a defect, logged by type only (its text may hold personal data)."""
    template = getattr(error, "template", None)
    context = getattr(error, "context", None)
    if isinstance(template, str) and isinstance(context, str):
        from kim_desktop.core.errors import FIELD_PARAMS

        params = dict(getattr(error, "params", {}) or {})
        for name in FIELD_PARAMS:
            if isinstance(params.get(name), str):
                params[name] = translate("DomainField", params[name])
        code_label = CODE_LABELS.get(getattr(error, "code", ""))
        if code_label is not None:
            for name in ("current", "target"):
                params[name] = code_label(str(params.get(name, "")))
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


def show_error(parent: QWidget | None, error: BaseException) -> None:
    QMessageBox.warning(parent, translate("messages", "KIM Desktop"), user_message(error))

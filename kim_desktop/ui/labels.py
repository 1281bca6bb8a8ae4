"""The words the interface shows for the codes core stores: case phases and referral states.
Screens and error messages use the same ones."""

from __future__ import annotations

from kim_desktop.ui.qt import translate


def phase_label(phase: str | None) -> str:
    labels = {
        "intake": translate("phase", "Klärung"),
        "assessment": translate("phase", "Einschätzung"),
        "planning": translate("phase", "Hilfeplanung"),
        "implementation": translate("phase", "Umsetzung"),
        "monitoring": translate("phase", "Monitoring"),
        "evaluation": translate("phase", "Evaluation"),
        "closure": translate("phase", "Abschluss"),
    }
    if phase is None:
        return translate("phase", "kein offener Fall")
    return labels.get(phase, phase)


def referral_state_label(state: str) -> str:
    labels = {
        "planned": translate("client_file", "geplant"),
        "sent": translate("client_file", "gesendet"),
        "accepted": translate("client_file", "angenommen"),
        "declined": translate("client_file", "abgelehnt"),
        "completed": translate("client_file", "abgeschlossen"),
        "cancelled": translate("client_file", "abgebrochen"),
    }
    return labels.get(state, state)

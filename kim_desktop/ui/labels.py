"""The words the interface shows for the stored codes screens name most: case phases and
referral states (their German words are declared with the codes, in core)."""

from __future__ import annotations

from kim_desktop.core.models import Phase, ReferralState
from kim_desktop.ui.fields import choice_label
from kim_desktop.ui.qt import translate


def phase_label(phase: str | None) -> str:
    if phase is None:
        return translate("phase", "kein offener Fall")
    return choice_label(Phase, phase)


def referral_state_label(state: str) -> str:
    return choice_label(ReferralState, state)

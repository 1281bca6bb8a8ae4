"""The case's phase: the dialog that moves it along the DGCC cycle (only to the phases the
core allows from where it is), and its history as the "Verlauf" tab shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from kim_desktop.core import services
from kim_desktop.core.models import PHASE_ORDER, Phase, PhaseEvent
from kim_desktop.core.services.cases import phase_transition_allowed
from kim_desktop.ui.client_file.lists import RecordList
from kim_desktop.ui.context import Context
from kim_desktop.ui.fields import choice_label
from kim_desktop.ui.formats import day
from kim_desktop.ui.labels import phase_label
from kim_desktop.ui.qt import QLabel, QWidget, translate
from kim_desktop.ui.widgets.rows import RecordForm


def allowed_phases(current: str) -> list[Phase]:
    """The phases an open case in ``current`` may move to: the next one first (the usual
    step), then the earlier ones, latest first (a return to re-assess)."""
    position = PHASE_ORDER.index(Phase(current))
    forward = list(PHASE_ORDER[position + 1:])
    back = list(reversed(PHASE_ORDER[:position]))
    return [p for p in forward + back if phase_transition_allowed(current, p)]


class PhaseDialog(RecordForm):
    """Moves an open case to another phase on a day; going back asks for the reason."""

    draft_form = "phase"

    def __init__(self, context: Context, case: Any, parent: QWidget | None = None) -> None:
        super().__init__(translate("phase", "Phase wechseln"), context, parent)
        self.confirmation = translate("phase", "Phase gewechselt.")
        self.case_id, self.current = case.id, str(case.phase)
        shown = QLabel(phase_label(case.phase))
        self.form.addRow(QLabel(translate("phase", "Bisher:")), shown)  # nothing to type
        self.rows = self.add_fields("case_phase_change", ["to_phase", "changed_on", "reason"],
                                    {"changed_on": dt.date.today()})
        self.phase, self.changed_on = self.rows["to_phase"], self.rows["changed_on"]
        self.reason = self.rows["reason"]
        self.phase.clear()
        for target in allowed_phases(self.current):
            self.phase.addItem(choice_label(Phase, target), str(target))
        self.phase.setCurrentIndex(0)
        self.also_track([])  # the baseline after the phases are listed

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_of_file(), "record_id": self.case_id}

    def submit(self) -> None:
        values, case_id = self.rows.values(), self.case_id
        self.save_with(self.context, lambda s: services.change_phase(
            s, case_id=case_id, phase=values["to_phase"], changed_on=values["changed_on"],
            reason=values["reason"]))


def phase_step_text(change: Any) -> str:
    """What a step of the history did: "Klärung → Einschätzung", "Fall eröffnet"."""
    if change.event == PhaseEvent.OPENED:
        return translate("phase", "Fall eröffnet ({phase})").format(
            phase=phase_label(change.to_phase))
    if change.event == PhaseEvent.CLOSED:
        return translate("phase", "Fall abgeschlossen")
    return translate("phase", "{before} → {after}").format(
        before=phase_label(change.from_phase), after=phase_label(change.to_phase))


class PhaseHistory(RecordList):
    """The case's phase history, newest first: when, who, what and why."""

    def __init__(self) -> None:
        super().__init__(
            [translate("phase", "am"), translate("phase", "Wer"), translate("phase", "Schritt"),
             translate("phase", "Art"), translate("phase", "Grund")],
            translate("phase", "Noch kein Fall eröffnet."),
            translate("phase", "Phasenverlauf"),
        )

    def show_changes(self, changes: Sequence[Any],
                     catalog_label: Callable[[str, str], str]) -> None:
        """``catalog_label``: a closure's reason is its note, or else its catalog code."""
        def reason(change: Any) -> str:
            if change.event == PhaseEvent.CLOSED:
                return catalog_label("closure_reasons", change.reason)
            return str(change.reason).replace("\n", " ")

        self.set_records(changes, lambda c: [
            day(c.changed_on), c.created_by, phase_step_text(c),
            choice_label(PhaseEvent, c.event), reason(c),
        ])

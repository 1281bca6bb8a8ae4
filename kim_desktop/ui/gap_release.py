"""Releasing a structural gap: the dialog shows exactly what leaves the office, says what in
the text is personal data of the office's records (then it cannot be released), and for a
last name alone asks the case manager to confirm that the text does not mean the person.
Over a lock the dialog keeps its place and the confirmation, which comes back only while the
check names the same persons."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from kim_desktop.core import services
from kim_desktop.core.models import StructuralGap
from kim_desktop.core.release_check import ReleaseCheck
from kim_desktop.ui.context import Context
from kim_desktop.ui.drafts import reopener
from kim_desktop.ui.formats import file_number
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import ErrorLabel, add_row
from kim_desktop.ui.widgets.rows import RecordForm

#: File numbers shown per last name: enough to look the person up, no more.
SHOWN_FILES = 5


def names_text(check: ReleaseCheck) -> str:
    """Per last name in the text, the files of the people it may mean."""
    lines = []
    for name in check.names_alone:
        files = ", ".join(file_number(i) for i in name.client_ids[:SHOWN_FILES])
        more = len(name.client_ids) - SHOWN_FILES
        if more > 0:
            files += translate("gaps", " und {n} weitere").format(n=more)
        lines.append(translate("gaps", "„{name}“ ist ein Nachname in den Akten: {files}")
                     .format(name=name.fragment, files=files))
    return "\n".join(lines)


def blocked_text(check: ReleaseCheck) -> str:
    found = "\n".join(translate("gaps", "„{fragment}“: {what}").format(
        fragment=f.fragment, what=translate("anonymity", f.what)) for f in check.blocked)
    return translate("gaps", "So kann die Beschreibung nicht freigegeben werden. Sie "
                     "enthält:\n{found}\nBitte unter „Bearbeiten“ anders formulieren.").format(
        found=found)


class GapReleaseDialog(RecordForm):
    """Releases ``gap`` once the check over every client of the office allows it."""

    confirmation = ""
    draft_form = "gap_release"

    def __init__(self, context: Context, gap: StructuralGap,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("gaps", "Fehlstelle freigeben"), context, parent)
        self.gap_id = gap.id
        #: A confirmation kept over a lock: whether given, and for whom.
        self._kept_confirmation: list[object] = []
        self.confirmation = translate("gaps", "Fehlstelle freigegeben.")
        self.check: ReleaseCheck | None = None
        self.sent = QPlainTextEdit()
        self.sent.setReadOnly(True)
        self.sent.setPlainText(gap.description)
        self.sent.setMaximumHeight(self.sent.fontMetrics().lineSpacing() * 8)
        add_row(self.form, translate("gaps", "Dieser &Text verlässt das Büro:"), self.sent)
        label = context.label
        with_it = QLabel(translate(
            "gaps", "{category}, {field_of_action}, {municipality}; {cases} verknüpfte Fälle (als "
            "Anzahl, ohne Personen)").format(
            category=label("structural_gap_categories", gap.category_code),
            field_of_action=label("fields_of_action", gap.field_of_action_code),
            municipality=label("municipalities", gap.municipality_code),
            cases=len(gap.case_ids or [])))
        with_it.setWordWrap(True)
        add_row(self.form, translate("gaps", "Dazu:"), with_it)
        self.state = QLabel(translate("gaps", "Die Beschreibung wird mit allen Personen des "
                                              "Büros abgeglichen …"))
        self.state.setWordWrap(True)
        self.form.addRow(self.state)
        self.blocked = ErrorLabel()
        self.form.addRow(self.blocked)
        self.names = QLabel()
        self.names.setWordWrap(True)
        self.names.hide()
        self.form.addRow(self.names)
        self.not_meant = QCheckBox(translate(
            "gaps", "Ich &bestätige: Die Beschreibung meint keine dieser Personen."))
        self.not_meant.hide()
        self.not_meant.toggled.connect(self._offer)
        self.form.addRow(self.not_meant)
        self.also_track([self.not_meant])
        self.release_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.release_button.setText(translate("gaps", "&Freigeben"))
        self.release_button.setEnabled(False)
        gap_id = gap.id
        context.read(lambda s: services.check_gap_release(s, gap_id=gap_id), self._checked,
                     on_error=lambda error: self.refuse(user_message(error)))

    def draft_subject(self) -> dict[str, str]:
        return {"record_id": self.gap_id}

    def draft(self) -> list[object]:
        names = list(self.check.to_confirm) if self.check is not None else []
        return [self.not_meant.isChecked(), *names]

    def restore_draft(self, values: Sequence[object]) -> None:
        self._kept_confirmation = list(values)
        if self.check is not None:
            self._confirm_again(self.check)

    def _confirm_again(self, check: ReleaseCheck) -> None:
        """Ticks the confirmation kept over a lock, if it was given for the persons the
        check names now."""
        kept, self._kept_confirmation = self._kept_confirmation, []
        if kept and kept[0] is True and kept[1:] == list(check.to_confirm):
            self.not_meant.setChecked(True)

    def _checked(self, check: ReleaseCheck) -> None:
        self.check = check
        self.state.hide()
        if check.blocked:
            self.blocked.show_message(blocked_text(check))
        elif check.names_alone:
            self.names.setText(names_text(check))
            self.names.show()
            self.not_meant.show()
            self.not_meant.setFocus()
            self._confirm_again(check)
        else:
            self.state.setText(translate("gaps", "Keine personenbezogenen Angaben aus den "
                                                 "Akten gefunden."))
            self.state.show()
        self._offer()

    def _offer(self) -> None:
        check = self.check
        self.release_button.setEnabled(
            check is not None and not check.blocked
            and (not check.names_alone or self.not_meant.isChecked()))

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if not busy:
            self._offer()

    def try_submit(self) -> None:
        if self.release_button.isEnabled():
            super().try_submit()

    def submit(self) -> None:
        check, gap_id = self.check, self.gap_id
        assert check is not None
        not_meant = check.to_confirm if self.not_meant.isChecked() else ()
        self.save_with(self.context, lambda s: services.release_gap(
            s, gap_id=gap_id, not_meant=not_meant))


@reopener(GapReleaseDialog.draft_form)
def reopen(window: Any, subject: dict[str, str], show: Any) -> None:
    """The release opens over the window again while the gap is there and not released."""
    gap_id = subject.get("record_id", "")

    def read(session: Session) -> StructuralGap | None:
        found = session.get(StructuralGap, gap_id)
        pending = found is not None and found.deleted_at is None and found.released_at is None
        return found if pending else None

    def opened(gap: StructuralGap | None) -> None:
        if gap is not None:
            show(GapReleaseDialog(window.context, gap, window))

    window.context.read(read, opened)

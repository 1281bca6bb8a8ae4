"""Releasing a structural gap: the dialog shows exactly what leaves the office, says what in
the text is personal data of the office's records (then it cannot be released), and for a
last name alone asks the case manager to confirm that the text does not mean the person."""

from __future__ import annotations

from kim_desktop.core import services
from kim_desktop.core.models import StructuralGap
from kim_desktop.core.release_check import ReleaseCheck
from kim_desktop.ui.context import Context
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
from kim_desktop.ui.widgets import ErrorLabel, FormDialog, add_row

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


class GapReleaseDialog(FormDialog):
    """Releases ``gap`` once the check over every client of the office allows it."""

    confirmation = ""

    def __init__(self, context: Context, gap: StructuralGap,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("gaps", "Fehlstelle freigeben"), parent)
        self.context, self.gap_id = context, gap.id
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
        self.release_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.release_button.setText(translate("gaps", "&Freigeben"))
        self.release_button.setEnabled(False)
        gap_id = gap.id
        context.read(lambda s: services.check_gap_release(s, gap_id=gap_id), self._checked,
                     on_error=lambda error: self.refuse(user_message(error)))

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

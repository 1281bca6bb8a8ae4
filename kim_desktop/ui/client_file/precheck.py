"""The pre-check panel for Baustein III (§§ 25a, 25b AufenthG, § 10 StAG): which conditions
look met, which are missing, from when the person is likely eligible, with the legal basis
and rule version. A pre-check, never a decision; the panel says so."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kim_desktop.core.precheck import PrecheckReport, evaluate
from kim_desktop.core.precheck.bridge import facts_from_client
from kim_desktop.core.precheck.report import DISCLAIMER
from kim_desktop.ui.client_file.data import ClientFileData
from kim_desktop.ui.client_form import PRECHECK_FACTS
from kim_desktop.ui.formats import day
from kim_desktop.ui.i18n import precheck_text
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QShowEvent,
    QSplitter,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import ErrorLabel, missing_text, scrolling
from kim_desktop.ui.widgets.rows import ShownRows

if TYPE_CHECKING:
    from kim_desktop.ui.client_file.view import ClientFile


def status_label(status: str) -> str:
    return {
        "met": translate("precheck", "erfüllt"),
        "not_met": translate("precheck", "nicht erfüllt"),
        "unknown": translate("precheck", "offen (Angabe fehlt)"),
    }.get(status, status)


def rule_version_text(version: str | None) -> str:
    """A rule version ("aufenthg_25a/2022-12-31") as the date of the law's state it checks
    ("Stand 31.12.2022")."""
    _, _, valid_from = (version or "").rpartition("/")
    try:
        return translate("precheck", "Stand {date}").format(
            date=day(dt.date.fromisoformat(valid_from)))
    except ValueError:
        return version or "–"


def precheck_of(session: Any, client_id: str, as_of: dt.date) -> PrecheckReport:
    return evaluate(facts_from_client(session, client_id, as_of=as_of), as_of=as_of)


class PrecheckTab(QWidget):
    def __init__(self, file: ClientFile) -> None:
        super().__init__()
        self.file = file
        layout = QVBoxLayout(self)
        note = QLabel(translate("precheck", DISCLAIMER))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        facts = QGroupBox(translate("precheck", "Angaben für die Vorprüfung"))
        facts_layout = QVBoxLayout(facts)
        self.facts_form = QFormLayout()
        self.facts = ShownRows(self.facts_form, "client", PRECHECK_FACTS,
                               missing=missing_text())
        facts_layout.addLayout(self.facts_form)
        self.edit_facts = QPushButton(translate("precheck", "An&gaben bearbeiten …"))
        self.edit_facts.clicked.connect(self.edit)
        facts_layout.addWidget(self.edit_facts, 0, Qt.AlignmentFlag.AlignLeft)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.to_immigration = QPushButton(
            translate("precheck", "Vermittlung an A&usländerbehörde vorbereiten …"))
        self.to_immigration.clicked.connect(lambda: self.prepare_referral("auslaenderbehoerde"))
        self.to_naturalisation = QPushButton(
            translate("precheck", "Vermittlung an Ei&nbürgerungsbehörde vorbereiten …"))
        self.to_naturalisation.clicked.connect(
            lambda: self.prepare_referral("einbuergerungsbehoerde"))
        for button in (self.to_immigration, self.to_naturalisation):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch()
        results_layout.addLayout(buttons)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([
            translate("precheck", "Regel / Voraussetzung"), translate("precheck", "Stand"),
            translate("precheck", "voraussichtlich ab"), translate("precheck", "Erläuterung"),
        ])
        self.tree.setAccessibleName(translate("precheck", "Vorprüfung"))
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)  # explanations in full, over several lines
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(True)
        results_layout.addWidget(self.tree, 1)
        # The tree cuts long explanations short; the current row's stands here in full, for
        # the keyboard as for a screen reader.
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.detail.setAccessibleName(translate("precheck", "Erläuterung der gewählten Zeile"))
        results_layout.addWidget(self.detail)
        self.tree.currentItemChanged.connect(self._detail)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scrolling(facts))
        split.addWidget(results)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        self.report: PrecheckReport | None = None
        self._stale = ""

    def show_data(self, data: ClientFileData) -> None:
        """The facts at once; the rules evaluated when the tab is seen, so opening a file
        stays quick."""
        self.facts.show(data.client, self.file.context.label)
        self._stale = data.client.id
        if self.isVisible():
            self._evaluate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._evaluate()

    def _evaluate(self) -> None:
        client_id, self._stale = self._stale, ""
        today = dt.date.today()
        self.file.context.read(
            lambda s: precheck_of(s, client_id, today), self._show,
            on_error=lambda e: self.error.show_message(user_message(e)),
        )

    def edit(self) -> QWidget | None:
        """Opens the form of the pre-check facts."""
        from kim_desktop.ui.client_form import ClientForm

        if self.file.data is None:
            return None
        form = ClientForm(self.file.context, client=self.file.data.client, facts=True,
                          parent=self)
        form.open()
        return form

    def prepare_referral(self, category: str) -> QWidget | None:
        """Opens the prefilled referral to the agency of ``category`` for confirmation."""
        from kim_desktop.ui.client_file.precheck_referral import (
            PrecheckReferralDialog,
            agency_for,
            best_result,
            purpose_text,
        )

        if self.report is None:
            return None
        agency = agency_for(self.file.context.catalogs, category)
        if agency is None:
            self.error.show_message(translate(
                "precheck", "Im Katalog der Partnerstellen fehlt eine passende Behörde."))
            return None
        result = best_result(self.report, category)
        dialog = PrecheckReferralDialog(self.file.context, self.file.client_id, agency,
                                        purpose_text(result, self.report.as_of), self)
        dialog.open()
        return dialog

    def _show(self, report: PrecheckReport) -> None:
        self.report = report
        self.to_immigration.setEnabled(True)
        self.to_naturalisation.setEnabled(True)
        self.error.show_message("")
        self.tree.clear()
        for result in report.results:
            basis = ", ".join(p for p in (result.legal_basis or "",
                                          rule_version_text(result.rule_version)) if p)
            rule = QTreeWidgetItem([precheck_text(result.title), status_label(result.status),
                                    day(result.eligible_from), basis])
            for condition in result.conditions:
                rule.addChild(QTreeWidgetItem([
                    precheck_text(condition.title), status_label(condition.status),
                    day(condition.eligible_from), precheck_text(condition.explanation),
                ]))
            for warning in result.warnings:
                rule.addChild(QTreeWidgetItem([
                    translate("precheck", "Hinweis"), "⚠", day(warning.due),
                    precheck_text(warning.message),
                ]))
            self.tree.addTopLevelItem(rule)
            rule.setExpanded(True)
            for item in [rule, *(rule.child(i) for i in range(rule.childCount()))]:
                for column in range(item.columnCount() if item is not None else 0):
                    item.setToolTip(column, item.text(column))  # type: ignore[union-attr]
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        # A long rule title must not push the explanation out of sight (at 150 % it did).
        widest = max(self.tree.fontMetrics().averageCharWidth() * 40,
                     self.tree.viewport().width() * 2 // 5)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), widest))
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _detail(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            self.detail.setText("")
            return
        title, state, since, explanation = (item.text(column) for column in range(4))
        state = f"{state}, {translate('precheck', 'voraussichtlich ab')} {since}" if since \
            else state
        self.detail.setText(f"{title} ({state}): {explanation}" if explanation
                            else f"{title} ({state})")

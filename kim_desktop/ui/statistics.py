"""The case manager's own statistics: open cases by phase, consultations by field of action
and by month, over a chosen period."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kim_desktop.ui.caseload_model import PHASES
from kim_desktop.ui.client_file.lists import RecordList
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import counted
from kim_desktop.ui.labels import phase_label
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLocale,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import ErrorLabel, date_edit, date_of, name


class StatisticsPage(QWidget):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = dt.date.today()
        self.start = date_edit(today.replace(month=1, day=1))
        self.end = date_edit(today)
        self.mine = QCheckBox(translate("statistics", "nur &meine Fälle"))
        self.mine.setChecked(True)
        for text, widget in ((translate("statistics", "&Von:"), self.start),
                             (translate("statistics", "&Bis:"), self.end)):
            label = QLabel(text)
            label.setBuddy(widget)
            name(widget, text.replace("&", "").rstrip(":"))
            bar.addWidget(label)
            bar.addWidget(widget)
        bar.addWidget(self.mine)
        bar.addStretch()
        layout.addLayout(bar)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        grid = QGridLayout()
        self.phases = RecordList(
            [translate("statistics", "Phase"), translate("statistics", "offene Fälle")],
            translate("statistics", "Keine offenen Fälle."),
            translate("statistics", "Offene Fälle nach Phase"))
        self.fields = RecordList(
            [translate("statistics", "Handlungsfeld"), translate("statistics", "Kontakte")],
            translate("statistics", "Keine Beratungskontakte im Zeitraum."),
            translate("statistics", "Beratungskontakte nach Handlungsfeld"))
        self.months = RecordList(
            [translate("statistics", "Monat"), translate("statistics", "Kontakte"),
             translate("statistics", "Minuten"), translate("statistics", "Fälle eröffnet"),
             translate("statistics", "Fälle abgeschlossen")],
            translate("statistics", "Keine Daten im Zeitraum."),
            translate("statistics", "Verlauf nach Monat"))
        grid.addWidget(self.phases, 0, 0)
        grid.addWidget(self.fields, 0, 1)
        grid.addWidget(self.months, 1, 0, 1, 2)
        layout.addLayout(grid, 1)
        for widget in (self.start, self.end):
            widget.editingFinished.connect(self.reload)
        self.mine.toggled.connect(self.reload)
        self.error = ErrorLabel()
        layout.insertWidget(2, self.error)
        context.taskman.changed.connect(self._changed)
        self.loaded = False

    def shown(self) -> None:
        if not self.loaded:
            self.reload()

    def _changed(self, change: Any) -> None:
        if self.loaded and (change.touches("consultation") or change.touches("case_record")):
            self.reload()

    def reload(self) -> None:
        from kim_desktop.core.services.statistics import own_statistics

        problem = self.start.problem() or self.end.problem()
        if problem:
            self.error.show_message(problem)
            return
        start = date_of(self.start) or dt.date.today().replace(month=1, day=1)
        end = date_of(self.end) or dt.date.today()
        user = self.context.user if self.mine.isChecked() else None
        self.context.read(
            lambda s: own_statistics(s, start=start, end=end, user=user), self._show,
            on_error=lambda e: self.error.show_message(user_message(e)),
        )

    def _show(self, figures: Any) -> None:
        self.loaded = True
        self.error.show_message("")
        label = self.context.label
        consultations = sum(figures.consultations_by_month.values())
        minutes = sum(figures.minutes_by_month.values())
        locale = QLocale()
        self.summary.setText(translate(
            "statistics", "{consultations} mit zusammen {hours} Stunden im Zeitraum; "
            "{open}.").format(
                consultations=counted(consultations,
                                      translate("statistics", "1 Beratungskontakt"),
                                      translate("statistics", "{count} Beratungskontakte")),
                hours=locale.toString(minutes / 60, "f", 1),
                open=counted(sum(figures.open_cases_by_phase.values()),
                             translate("statistics", "1 offener Fall"),
                             translate("statistics", "{count} offene Fälle"))))
        number = locale.toString
        self.phases.set_records(
            sorted(figures.open_cases_by_phase.items(),
                   key=lambda r: PHASES.index(r[0]) if r[0] in PHASES else len(PHASES)),
            lambda r: [phase_label(r[0]), number(r[1])])
        self.fields.set_records(
            sorted(figures.consultations_by_field.items(), key=lambda r: -r[1]),
            lambda r: [label("fields_of_action", r[0]), number(r[1])])
        months = sorted(set(figures.consultations_by_month) | set(figures.cases_opened_by_month)
                        | set(figures.cases_closed_by_month))
        self.months.set_records(months, lambda m: [
            month_name(locale, m), number(figures.consultations_by_month.get(m, 0)),
            number(figures.minutes_by_month.get(m, 0)),
            number(figures.cases_opened_by_month.get(m, 0)),
            number(figures.cases_closed_by_month.get(m, 0)),
        ])
        for table in (self.phases, self.fields, self.months):
            align_figures_right(table)


def month_name(locale: QLocale, month: str) -> str:
    """``2026-03`` as the locale writes a month: "März 2026", "March 2026"."""
    year, number = month.split("-")
    return f"{locale.standaloneMonthName(int(number))} {year}"


def align_figures_right(table: RecordList) -> None:
    """Counts line up by their last digit; the first column is the row's name."""
    tree = table.tree
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for column in range(1, tree.columnCount()):
        tree.headerItem().setTextAlignment(column, right)
        for row in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(row)
            assert item is not None
            item.setTextAlignment(column, right)

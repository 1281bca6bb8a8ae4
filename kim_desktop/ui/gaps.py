"""Structural gaps: record them, link the cases they were seen in, and release an anonymised
description to coordination. While typing, a warning names what looks personal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core import services
from kim_desktop.core.anonymity import personal_data_hints
from kim_desktop.core.catalogs import catalogs_for
from kim_desktop.core.models import Case, Client, StructuralGap
from kim_desktop.ui.caseload import load_caseload
from kim_desktop.ui.client_file.lists import RecordList
from kim_desktop.ui.context import Context
from kim_desktop.ui.drafts import reopener
from kim_desktop.ui.formats import day, moment, person_details
from kim_desktop.ui.gap_release import GapReleaseDialog
from kim_desktop.ui.qt import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QModelIndex,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)
from kim_desktop.ui.widgets import ErrorLabel, add_row
from kim_desktop.ui.widgets.rows import RecordForm


def load_gaps(session: Session) -> list[StructuralGap]:
    return list(session.scalars(
        select(StructuralGap).where(StructuralGap.deleted_at.is_(None))
        .order_by(StructuralGap.observed_on.desc())
    ))


def open_cases(session: Session, linked: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(case id, the person as picked: name, birth date, municipality, file number) of every
    open case, to link a gap to, and of the cases in ``linked`` (a gap's, which may be
    closed by now: editing the gap must not drop them)."""
    cases = [(row.case_id, f"{row.name} ("
              f"{person_details(row.birth_date, row.municipality, row.client_id)})")
             for row in load_caseload(session) if row.case_id]
    listed = {case_id for case_id, _ in cases}
    missing = [case_id for case_id in linked if case_id not in listed]
    if missing:
        municipalities = catalogs_for(session).municipalities
        closed = session.execute(
            select(Case.id, Client).join(Client, Client.id == Case.client_id)
            .where(Case.id.in_(missing))).all()
        cases += [(case_id, translate("gaps", "{name} ({details}, Fall abgeschlossen)").format(
            name=client.display_name, details=person_details(
                client.birth_date, municipalities.label(client.municipality_code or ""),
                client.id))) for case_id, client in closed]
    return cases


def anonymity_warning(text: str) -> str:
    hints = personal_data_hints(text)
    if not hints:
        return ""
    found = sorted({translate("anonymity", hint.what) for hint in hints})
    return translate(
        "gaps", "Die Beschreibung enthält vermutlich {what}. Bitte so formulieren, dass "
        "niemand erkennbar ist."
    ).format(what=", ".join(found))


class CaseChecks(QListWidget):
    """The cases to tick, narrowed by the filter. Home and End go to the first and last case
    shown: Qt's went to rows the filter hid, and Space then ticked a case nobody saw."""

    def shown_rows(self) -> list[int]:
        return [i for i in range(self.count()) if not self.item(i).isHidden()]

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        ends = {QAbstractItemView.CursorAction.MoveHome: 0,
                QAbstractItemView.CursorAction.MoveEnd: -1}
        rows = self.shown_rows()
        if action in ends and rows:
            return self.indexFromItem(self.item(rows[ends[action]]))
        return super().moveCursor(action, modifiers)


class GapDialog(RecordForm):
    """Records a structural gap; with ``gap`` (one not released yet) changes it."""

    draft_form = "gap"

    def __init__(self, context: Context, parent: QWidget | None = None, *,
                 gap: StructuralGap | None = None) -> None:
        super().__init__(translate("gaps", "Strukturelle Fehlstelle bearbeiten")
                         if gap is not None
                         else translate("gaps", "Strukturelle Fehlstelle erfassen"),
                         context, parent)
        self.confirmation = translate("gaps", "Fehlstelle gespeichert.")
        self.gap_id = gap.id if gap is not None else ""
        names = ["category_code", "field_of_action_code", "municipality_code", "observed_on",
                 "description"]
        self.rows = self.add_fields("structural_gap", names, {
            name: getattr(gap, name) for name in names} if gap is not None
            else {"observed_on": dt.date.today()})
        self.category, self.field = self.rows["category_code"], self.rows["field_of_action_code"]
        self.municipality = self.rows["municipality_code"]
        self.observed_on, self.description = self.rows["observed_on"], self.rows["description"]
        self.warning = ErrorLabel()
        self.case_filter = QLineEdit()
        self.case_filter.setPlaceholderText(translate("gaps", "Fälle nach Name filtern …"))
        self.cases = CaseChecks()
        self.cases.setMaximumHeight(self.cases.fontMetrics().lineSpacing() * 8)
        self.form.addRow("", self.warning)
        add_row(self.form, translate("gaps", "Fälle suchen:"), self.case_filter)
        add_row(self.form, translate("gaps", "Verknüpfte Fälle:"), self.cases)
        self.description.textChanged.connect(self._check)
        self.case_filter.textChanged.connect(self._filter_cases)
        linked = list(gap.case_ids or []) if gap is not None else []
        context.read(lambda s: open_cases(s, linked), lambda cases: self._cases(cases, linked))

    def _cases(self, cases: list[tuple[str, str]], linked: Sequence[str]) -> None:
        for case_id, client_name in cases:
            item = QListWidgetItem(client_name)
            item.setData(Qt.ItemDataRole.UserRole, case_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if case_id in linked
                               else Qt.CheckState.Unchecked)
            self.cases.addItem(item)

    def _filter_cases(self, text: str) -> None:
        needle = text.casefold()
        for i in range(self.cases.count()):
            item = self.cases.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
        current, rows = self.cases.currentItem(), self.cases.shown_rows()
        if rows and (current is None or current.isHidden()):
            self.cases.setCurrentRow(rows[0])  # Tab and Space tick the first case shown

    def _check(self) -> None:
        self.warning.show_message(anonymity_warning(self.description.toPlainText()))

    def linked(self) -> list[str]:
        return [
            str(self.cases.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.cases.count())
            if self.cases.item(i).checkState() == Qt.CheckState.Checked
        ]

    def draft_subject(self) -> dict[str, str]:
        return {"record_id": self.gap_id}

    def submit(self) -> None:
        values, case_ids, gap_id = self.rows.values(), self.linked(), self.gap_id
        if gap_id:
            self.save_with(self.context, lambda s: services.update_gap(
                s, gap_id=gap_id, case_ids=case_ids, **values))
        else:
            self.save_with(self.context, lambda s: services.record_gap(
                s, case_ids=case_ids, **values))


class GapsPage(QWidget):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "gaps", "Strukturelle Fehlstellen sind Stellen, an denen Integration immer wieder "
            "hakt. Nur die anonyme Beschreibung geht an die Koordination, und erst nach "
            "Freigabe."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = RecordList(
            [translate("gaps", "beobachtet"), translate("gaps", "Kategorie"),
             translate("gaps", "Handlungsfeld"), translate("gaps", "Kommune"),
             translate("gaps", "Fälle"), translate("gaps", "Stand"),
             translate("gaps", "Beschreibung")],
            translate("gaps", "Noch keine strukturellen Fehlstellen erfasst."),
            translate("gaps", "Strukturelle Fehlstellen"),
        )
        self.list.add_button(translate("gaps", "Fehlstelle &erfassen …"), self.record)
        self.edit_button = self.list.add_button(translate("gaps", "&Bearbeiten …"), self.edit)
        self.release_button = self.list.add_button(
            translate("gaps", "&Freigeben …"), self.release)
        self.list.finish_buttons()
        self.list.tree.itemActivated.connect(lambda *_: self.edit())
        self.list.tree.currentItemChanged.connect(lambda *_: self._offer())
        self._offer()
        layout.addWidget(self.list, 1)
        context.taskman.changed.connect(self._changed)
        self._requested = False

    def shown(self) -> None:
        if not self._requested:
            self.reload()

    def reload(self) -> None:
        self._requested = True
        self.context.read(load_gaps, self._show)

    def _changed(self, change: Any) -> None:
        if self._requested and change.touches("structural_gap"):
            self.reload()

    def _show(self, gaps: list[StructuralGap]) -> None:
        label = self.context.label
        self.list.set_records(gaps, lambda g: [
            day(g.observed_on), label("structural_gap_categories", g.category_code),
            label("fields_of_action", g.field_of_action_code),
            label("municipalities", g.municipality_code), str(len(g.case_ids or [])),
            translate("gaps", "freigegeben am {when}").format(when=moment(g.released_at))
            if g.released_at else translate("gaps", "nicht freigegeben"),
            g.description.replace("\n", " "),
        ])
        self._offer()

    def _offer(self) -> None:
        """A released gap is frozen: it can be neither changed nor released again."""
        gap = self.list.current()
        self.edit_button.setEnabled(gap is not None and gap.released_at is None)
        self.release_button.setEnabled(gap is not None and gap.released_at is None)

    def edit(self) -> GapDialog | None:
        """Opens the selected gap to change it, unless it has been released."""
        gap = self.list.current()
        if gap is None or gap.released_at is not None:
            return None
        dialog = GapDialog(self.context, self, gap=gap)
        dialog.open()
        return dialog

    def record(self) -> GapDialog:
        dialog = GapDialog(self.context, self)
        self.list.select_saved(dialog)  # its release is the next step: offered at once
        dialog.open()
        return dialog

    def release(self) -> GapReleaseDialog | None:
        """Opens the release of the selected gap, unless it has been released."""
        gap = self.list.current()
        if gap is None or gap.released_at is not None:
            return None
        dialog = GapReleaseDialog(self.context, gap, self)
        dialog.open()
        return dialog


@reopener(GapDialog.draft_form)
def reopen(window: Any, subject: dict[str, str], show: Any) -> None:
    """A new gap's form opens over the window; a change, once the gap is read (none, when
    it was removed meanwhile)."""
    gap_id = subject.get("record_id", "")
    if not gap_id:
        show(GapDialog(window.context, window))
        return

    def read(session: Session) -> Any:
        found = session.get(StructuralGap, gap_id)
        return found if found is not None and found.deleted_at is None else None

    def opened(gap: Any) -> None:
        if gap is not None:
            show(GapDialog(window.context, window, gap=gap))

    window.context.read(read, opened)

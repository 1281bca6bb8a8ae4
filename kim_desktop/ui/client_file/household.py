"""The people in a client's household, part of the master data: minor unmarried children
count for § 25b AufenthG, so each member has a relation, a birth date and whether they are
unmarried and at school, each of which may be unknown."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kim_desktop.core import services
from kim_desktop.core.services.search import age_on
from kim_desktop.ui.client_file.data import ClientFileData
from kim_desktop.ui.client_file.lists import RecordList, yes_no
from kim_desktop.ui.context import Context
from kim_desktop.ui.formats import day
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import QLineEdit, QWidget, translate
from kim_desktop.ui.widgets import (
    MAX_TEXT,
    FormDialog,
    add_row,
    combo,
    confirm,
    date_edit,
    date_of,
    yes_no_box,
    yes_no_value,
)

if TYPE_CHECKING:
    from kim_desktop.ui.client_file.view import ClientFile


def relations() -> list[tuple[str, str]]:
    return [
        ("child", translate("household", "Kind")),
        ("spouse", translate("household", "Ehepartner*in")),
        ("partner", translate("household", "Partner*in")),
        ("parent", translate("household", "Elternteil")),
        ("sibling", translate("household", "Geschwister")),
        ("other", translate("household", "andere Person")),
    ]


class HouseholdMemberDialog(FormDialog):
    """Adds a member, or with ``member`` corrects one (prefilled)."""

    def __init__(self, context: Context, client_id: str, member: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            translate("household", "Person im Haushalt bearbeiten") if member is not None
            else translate("household", "Person im Haushalt hinzufügen"), parent)
        self.context, self.client_id = context, client_id
        self.member_id = member.id if member is not None else None
        self.relation = combo(relations())
        self.first_name = QLineEdit()
        self.first_name.setMaxLength(MAX_TEXT)
        if member is not None:
            self.relation.setCurrentIndex(max(self.relation.findData(member.relation), 0))
            self.first_name.setText(member.first_name)
        self.birth_date = date_edit(getattr(member, "birth_date", None), optional=True)
        self.unmarried = yes_no_box(getattr(member, "unmarried", None))
        self.attends_school = yes_no_box(getattr(member, "attends_school", None))
        add_row(self.form, translate("household", "&Beziehung:"), self.relation)
        add_row(self.form, translate("household", "&Vorname:"), self.first_name)
        add_row(self.form, translate("household", "&Geburtsdatum:"), self.birth_date)
        add_row(self.form, translate("household", "&Ledig:"), self.unmarried)
        add_row(self.form, translate("household", "Geht zur Sch&ule:"), self.attends_school)
        self.track([self.relation, self.first_name, self.birth_date, self.unmarried,
                    self.attends_school])
        # As opened: a correction writes only what differs from this (see changed_by_user).
        self.read = self.values()

    def values(self) -> dict[str, Any]:
        """The form's values, by the services' parameter names."""
        return {"relation": str(self.relation.currentData()),
                "first_name": self.first_name.text(), "birth_date": date_of(self.birth_date),
                "unmarried": yes_no_value(self.unmarried),
                "attends_school": yes_no_value(self.attends_school)}

    def submit(self) -> None:
        client_id, member_id, values, read = self.client_id, self.member_id, self.values(), \
            self.read
        self.save_with(self.context, lambda s: services.add_household_member(
            s, client_id=client_id, **values,
        ) if member_id is None else services.update_household_member(
            s, member_id=member_id, read=read, **values,
        ))


class HouseholdList(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("household", "Beziehung"), translate("household", "Vorname"),
             translate("household", "Geburtsdatum"), translate("household", "Alter"),
             translate("household", "ledig"), translate("household", "Schule")],
            translate("household", "Niemand im Haushalt erfasst."),
            translate("household", "Haushalt"),
        )
        self.file = file
        self.add_button(translate("household", "Person im Haushalt hin&zufügen …"), self.add)
        self.add_button(translate("household", "Person im Haushalt &ändern …"), self.edit,
                        needs_selection=True)
        self.add_button(translate("household", "Aus dem Haushalt en&tfernen …"), self.remove,
                        needs_selection=True)
        self.finish_buttons()
        self.tree.itemActivated.connect(lambda *_: self.edit())

    def show_data(self, data: ClientFileData) -> None:
        names, today = dict(relations()), dt.date.today()
        self.set_records(data.household, lambda m: [
            names.get(m.relation, m.relation), m.first_name, day(m.birth_date),
            str(age) if (age := age_on(m.birth_date, today)) is not None else "",
            yes_no(m.unmarried), yes_no(m.attends_school),
        ])

    def add(self) -> HouseholdMemberDialog:
        dialog = HouseholdMemberDialog(self.file.context, self.file.client_id, parent=self)
        dialog.open()
        return dialog

    def edit(self) -> HouseholdMemberDialog | None:
        member = self.current()
        if member is None:
            return None
        dialog = HouseholdMemberDialog(self.file.context, self.file.client_id, member, self)
        dialog.open()
        return dialog

    def remove(self) -> None:
        member = self.current()
        if member is None:
            return
        who = dict(relations()).get(member.relation, member.relation)
        if member.first_name:
            who = f"{member.first_name} ({who})"
        if not confirm(self, translate("household", "Aus dem Haushalt entfernen"),
                       translate("household", "{who} aus dem Haushalt entfernen? Der Eintrag "
                                 "bleibt im Protokoll.").format(who=who),
                       translate("household", "Entfernen")):
            return
        self.file.context.write(
            lambda s: services.remove_record(s, kind="household_member", record_id=member.id),
            on_error=lambda e: self.file.error.show_message(user_message(e)))

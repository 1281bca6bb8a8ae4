"""The people in a client's household, part of the master data: minor unmarried children
count for § 25b AufenthG, so each member has a relation, a birth date and whether they are
unmarried and at school, each of which may be unknown."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kim_desktop.core import services
from kim_desktop.core.models import HouseholdRelation
from kim_desktop.core.services.search import age_on
from kim_desktop.ui.client_file.data import ClientFileData
from kim_desktop.ui.client_file.lists import RecordList, yes_no
from kim_desktop.ui.context import Context
from kim_desktop.ui.fields import choice_label
from kim_desktop.ui.formats import day
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import QWidget, translate
from kim_desktop.ui.widgets import confirm
from kim_desktop.ui.widgets.rows import RecordForm

if TYPE_CHECKING:
    from kim_desktop.ui.client_file.view import ClientFile


MEMBER_FIELDS = ("relation", "first_name", "birth_date", "unmarried", "attends_school")


def relation_label(code: str) -> str:
    return choice_label(HouseholdRelation, code)


class HouseholdMemberDialog(RecordForm):
    """Adds a member, or with ``member`` corrects one (prefilled)."""

    draft_form = "household_member"

    def __init__(self, context: Context, client_id: str, member: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(
            translate("household", "Person im Haushalt bearbeiten") if member is not None
            else translate("household", "Person im Haushalt hinzufügen"), context, parent)
        self.confirmation = translate("household", "Haushalt gespeichert.")
        self.client_id = client_id
        self.member_id = member.id if member is not None else None
        values = ({name: getattr(member, name) for name in MEMBER_FIELDS}
                  if member is not None else {"relation": HouseholdRelation.CHILD})
        self.rows = self.add_fields("household_member", MEMBER_FIELDS, values)
        self.relation, self.first_name = self.rows["relation"], self.rows["first_name"]
        self.birth_date, self.unmarried = self.rows["birth_date"], self.rows["unmarried"]
        self.attends_school = self.rows["attends_school"]
        # As opened: a correction writes only what differs from this (see changed_by_user).
        self.read = self.values()

    def draft_subject(self) -> dict[str, str]:
        return {"client_id": self.client_id, "record_id": self.member_id or ""}

    def values(self) -> dict[str, Any]:
        """The form's values, by the services' parameter names."""
        return self.rows.values()

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
        today = dt.date.today()
        self.set_records(data.household, lambda m: [
            relation_label(m.relation), m.first_name, day(m.birth_date),
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
        who = relation_label(member.relation)
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

"""The audit log as people read it: its actions and record kinds in German words."""

from __future__ import annotations

#: What an audit event's ``action`` says, in words.
ACTION_WORDS = {
    "create": "angelegt",
    "update": "geändert",
    "view": "angesehen",
    "list": "in einer Liste gezeigt",
    "export": "exportiert",
    "delete": "gelöscht",
    "erase": "endgültig gelöscht",
    "release": "freigegeben",
    "not_meant": "als nicht gemeint bestätigt (Freigabe einer Fehlstelle)",
    "sync_discard": "Änderung verworfen",
}
#: What an audit event's ``record_kind`` names, in words.
KIND_WORDS = {
    "client": "Person",
    "case_record": "Fall",
    "case_phase_change": "Phasenwechsel",
    "household_member": "Haushaltsmitglied",
    "residence_status_period": "Aufenthaltsstatus",
    "consent": "Einwilligung",
    "consultation": "Beratungskontakt",
    "referral": "Vermittlung",
    "follow_up": "Wiedervorlage",
    "attachment": "Anhang",
    "structural_gap": "Strukturelle Lücke",
    "needs_assessment": "Bedarf",
    "goal": "Ziel",
    "measure": "Maßnahme",
    "audit_log": "Protokoll",
}


def action_word(action: str) -> str:
    return ACTION_WORDS.get(action, action)


def kind_word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind)

"""The audit log as people read it: its actions and record kinds in German words (marked for
translation in the context ``audit_log``, which the program shows them in)."""

from __future__ import annotations

from kim_desktop.core.errors import QT_TRANSLATE_NOOP

#: What an audit event's ``action`` says, in words.
ACTION_WORDS = {
    "create": QT_TRANSLATE_NOOP("audit_log", "angelegt"),
    "update": QT_TRANSLATE_NOOP("audit_log", "geändert"),
    "view": QT_TRANSLATE_NOOP("audit_log", "angesehen"),
    "list": QT_TRANSLATE_NOOP("audit_log", "in einer Liste gezeigt"),
    "export": QT_TRANSLATE_NOOP("audit_log", "exportiert"),
    "delete": QT_TRANSLATE_NOOP("audit_log", "gelöscht"),
    "erase": QT_TRANSLATE_NOOP("audit_log", "endgültig gelöscht"),
    "release": QT_TRANSLATE_NOOP("audit_log", "freigegeben"),
    "not_meant": QT_TRANSLATE_NOOP(
        "audit_log", "als nicht gemeint bestätigt (Freigabe einer Fehlstelle)"),
    "sync_discard": QT_TRANSLATE_NOOP("audit_log", "Änderung verworfen"),
    "request": QT_TRANSLATE_NOOP("audit_log", "Löschung beantragt"),
    "decline": QT_TRANSLATE_NOOP("audit_log", "Löschantrag abgelehnt"),
}
#: What an audit event's ``record_kind`` names, in words.
KIND_WORDS = {
    "client": QT_TRANSLATE_NOOP("audit_log", "Person"),
    "case_record": QT_TRANSLATE_NOOP("audit_log", "Fall"),
    "case_phase_change": QT_TRANSLATE_NOOP("audit_log", "Phasenwechsel"),
    "household_member": QT_TRANSLATE_NOOP("audit_log", "Haushaltsmitglied"),
    "residence_status_period": QT_TRANSLATE_NOOP("audit_log", "Aufenthaltsstatus"),
    "consent": QT_TRANSLATE_NOOP("audit_log", "Einwilligung"),
    "consultation": QT_TRANSLATE_NOOP("audit_log", "Beratungskontakt"),
    "referral": QT_TRANSLATE_NOOP("audit_log", "Vermittlung"),
    "follow_up": QT_TRANSLATE_NOOP("audit_log", "Wiedervorlage"),
    "attachment": QT_TRANSLATE_NOOP("audit_log", "Anhang"),
    "structural_gap": QT_TRANSLATE_NOOP("audit_log", "Strukturelle Lücke"),
    "needs_assessment": QT_TRANSLATE_NOOP("audit_log", "Bedarf"),
    "goal": QT_TRANSLATE_NOOP("audit_log", "Ziel"),
    "measure": QT_TRANSLATE_NOOP("audit_log", "Maßnahme"),
    "audit_log": QT_TRANSLATE_NOOP("audit_log", "Protokoll"),
    "erasure_request": QT_TRANSLATE_NOOP("audit_log", "Löschantrag"),
    "office_export": QT_TRANSLATE_NOOP("audit_log", "Export für die Datenbank KIM"),
}


def action_word(action: str) -> str:
    return ACTION_WORDS.get(action, action)


def kind_word(kind: str) -> str:
    return KIND_WORDS.get(kind, kind)

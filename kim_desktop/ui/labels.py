"""The words the interface shows for what core stores as codes: case phases, referral states
and the names of stored fields. Screens, dialogs and error messages use the same ones."""

from __future__ import annotations

from kim_desktop.ui.qt import translate


def phase_label(phase: str | None) -> str:
    labels = {
        "intake": translate("phase", "Klärung"),
        "assessment": translate("phase", "Einschätzung"),
        "planning": translate("phase", "Hilfeplanung"),
        "implementation": translate("phase", "Umsetzung"),
        "monitoring": translate("phase", "Monitoring"),
        "evaluation": translate("phase", "Evaluation"),
        "closure": translate("phase", "Abschluss"),
    }
    if phase is None:
        return translate("phase", "kein offener Fall")
    return labels.get(phase, phase)


def referral_state_label(state: str) -> str:
    labels = {
        "planned": translate("client_file", "geplant"),
        "sent": translate("client_file", "gesendet"),
        "accepted": translate("client_file", "angenommen"),
        "declined": translate("client_file", "abgelehnt"),
        "completed": translate("client_file", "abgeschlossen"),
        "cancelled": translate("client_file", "abgebrochen"),
    }
    return labels.get(state, state)


def field_label(field: str) -> str:
    """The name of a stored field, as the forms call it; the column name when unknown."""
    labels = {
        "answered_on": translate("field", "Beantwortet am"),
        "agency_code": translate("field", "Stelle"),
        "agreed_on": translate("field", "Vereinbart am"),
        "assessed_on": translate("field", "Eingeschätzt am"),
        "assigned_user": translate("field", "Zuständig"),
        "attends_school": translate("field", "Geht zur Schule"),
        "birth_date": translate("field", "Geburtsdatum"),
        "birth_name": translate("field", "Geburtsname"),
        "case_id": translate("field", "Fall"),
        "case_ids": translate("field", "Verknüpfte Fälle"),
        "category_code": translate("field", "Kategorie"),
        "client_id": translate("field", "Person"),
        "closed_on": translate("field", "Abgeschlossen am"),
        "closure_note": translate("field", "Abschlussvermerk"),
        "closure_reason_code": translate("field", "Abschlussgrund"),
        "completed_on": translate("field", "Abgeschlossen am"),
        "consultation_id": translate("field", "Beratungskontakt"),
        "content": translate("field", "Dateiinhalt"),
        "convictions_above_threshold": translate("field", "Verurteilungen über der Grenze"),
        "decline_reason": translate("field", "Grund der Ablehnung"),
        "deleted_at": translate("field", "Entfernt am"),
        "description": translate("field", "Beschreibung"),
        "done_on": translate("field", "Erledigt am"),
        "due_on": translate("field", "Fällig am"),
        "duration_minutes": translate("field", "Dauer (Minuten)"),
        "email": translate("field", "E-Mail"),
        "entry_date": translate("field", "Einreise"),
        "erased_at": translate("field", "Gelöscht am"),
        "expires_on": translate("field", "Gültig bis"),
        "field_of_action_code": translate("field", "Handlungsfeld"),
        "fields_of_action": translate("field", "Handlungsfelder"),
        "filename": translate("field", "Dateiname"),
        "first_name": translate("field", "Vorname"),
        "form_language": translate("field", "Sprache des Formulars"),
        "gender": translate("field", "Geschlecht"),
        "german_oral": translate("field", "Deutsch mündlich"),
        "german_written": translate("field", "Deutsch schriftlich"),
        "goal_id": translate("field", "Ziel"),
        "granted_on": translate("field", "Erteilt am"),
        "held_at": translate("field", "Zeitpunkt"),
        "interpreter_language": translate("field", "Sprache der Dolmetschung"),
        "interpreter_needed": translate("field", "Dolmetschung nötig"),
        "interpreter_used": translate("field", "Mit Dolmetschung"),
        "kind": translate("field", "Art"),
        "languages": translate("field", "Sprachen"),
        "last_name": translate("field", "Nachname"),
        "legal_basis": translate("field", "Rechtsgrundlage"),
        "level": translate("field", "Bedarf"),
        "livelihood_own_share": translate("field", "Eigenanteil am Lebensunterhalt"),
        "media_type": translate("field", "Dateityp"),
        "mode_code": translate("field", "Art des Kontakts"),
        "municipality_code": translate("field", "Kommune"),
        "nationalities": translate("field", "Staatsangehörigkeiten"),
        "naturalisation_test_passed": translate("field", "Einbürgerungstest bestanden"),
        "note": translate("field", "Notiz"),
        "notes": translate("field", "Notizen"),
        "observed_on": translate("field", "Beobachtet am"),
        "open_reason": translate("field", "Anlass"),
        "opened_on": translate("field", "Eröffnet am"),
        "outcome": translate("field", "Ergebnis"),
        "override_reason": translate("field", "Begründung der Ausnahme"),
        "partner_agency_code": translate("field", "Partnerstelle"),
        "passport": translate("field", "Pass vorhanden"),
        "phase": translate("field", "Phase"),
        "phone": translate("field", "Telefon"),
        "planned_on": translate("field", "Geplant am"),
        "postal_code": translate("field", "Postleitzahl"),
        "purpose": translate("field", "Zweck"),
        "qualification": translate("field", "Abschluss"),
        "reason": translate("field", "Grund"),
        "recipient_agency_code": translate("field", "Empfangende Stelle"),
        "relation": translate("field", "Beziehung"),
        "released_at": translate("field", "Freigegeben am"),
        "released_by": translate("field", "Freigegeben von"),
        "reopen_reason": translate("field", "Grund der Wiedereröffnung"),
        "reopened_on": translate("field", "Wiedereröffnet am"),
        "responsible": translate("field", "Verantwortlich"),
        "responsible_user": translate("field", "Zuständig"),
        "school_years_successful": translate("field", "Erfolgreiche Schuljahre"),
        "sent_on": translate("field", "Gesendet am"),
        "state": translate("field", "Stand"),
        "status": translate("field", "Stand"),
        "status_code": translate("field", "Aufenthaltsstatus"),
        "street": translate("field", "Straße"),
        "strengths": translate("field", "Stärken"),
        "target_group_criteria": translate("field", "Zielgruppenmerkmale"),
        "text": translate("field", "Worum"),
        "town": translate("field", "Ort"),
        "unmarried": translate("field", "Ledig"),
        "valid_from": translate("field", "Gültig ab"),
        "valid_to": translate("field", "Gültig bis"),
        "waiver_id": translate("field", "Schweigepflichtentbindung"),
        "withdrawn_on": translate("field", "Widerrufen am"),
    }
    return labels.get(field, field)

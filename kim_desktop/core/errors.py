"""Rule violations of the domain: one exception type with a stable code per rule.

Messages are German templates, marked with :func:`QT_TRANSLATE_NOOP` so that Qt's ``lupdate``
extracts them (context ``"DomainError"``) without core importing Qt. The UI shows
``QCoreApplication.translate("DomainError", error.template).format(**error.params)``; every other
caller may use ``str(error)``. Parameters are codes, dates and numbers, never personal data.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    return text


_C = "DomainError"

#: Every rule's German message, by stable code. Codes never change once released.
MESSAGES: dict[str, str] = {
    "not_found": QT_TRANSLATE_NOOP(_C, "Der Datensatz ({kind}) wurde nicht gefunden."),
    "erased": QT_TRANSLATE_NOOP(
        _C, "Die Person wurde gelöscht; es sind keine Änderungen mehr möglich."
    ),
    "deleted": QT_TRANSLATE_NOOP(_C, "Der Datensatz ({kind}) ist gelöscht."),
    "required": QT_TRANSLATE_NOOP(_C, "Bitte „{field}“ angeben."),
    "too_long": QT_TRANSLATE_NOOP(_C, "„{field}“ ist zu lang (höchstens {limit} Zeichen)."),
    "unknown_code": QT_TRANSLATE_NOOP(_C, "Unbekannter Eintrag „{value}“ im Katalog {catalog}."),
    "invalid_value": QT_TRANSLATE_NOOP(_C, "Ungültiger Wert für „{field}“."),
    "future_date": QT_TRANSLATE_NOOP(_C, "„{field}“ darf nicht in der Zukunft liegen."),
    "date_order": QT_TRANSLATE_NOOP(_C, "„{later}“ darf nicht vor „{earlier}“ liegen."),
    "out_of_range": QT_TRANSLATE_NOOP(_C, "„{field}“ muss zwischen {low} und {high} liegen."),
    "period_overlap": QT_TRANSLATE_NOOP(
        _C, "Der Aufenthaltszeitraum überschneidet sich mit einem bestehenden Zeitraum."
    ),
    "case_already_open": QT_TRANSLATE_NOOP(_C, "Für diese Person ist bereits ein Fall offen."),
    "case_closed": QT_TRANSLATE_NOOP(_C, "Der Fall ist abgeschlossen."),
    "case_not_closed": QT_TRANSLATE_NOOP(_C, "Der Fall ist nicht abgeschlossen."),
    "phase_transition": QT_TRANSLATE_NOOP(
        _C, "Von der Phase „{current}“ geht es nicht direkt zur Phase „{target}“."
    ),
    "reason_required": QT_TRANSLATE_NOOP(_C, "Bitte einen Grund angeben."),
    "referral_transition": QT_TRANSLATE_NOOP(
        _C, "Eine Vermittlung im Status „{current}“ kann nicht „{target}“ werden."
    ),
    "waiver_missing": QT_TRANSLATE_NOOP(
        _C,
        "Für diese Stelle liegt am {date} keine gültige Schweigepflichtentbindung vor. "
        "Bitte eine erfassen oder die Ausnahme begründen.",
    ),
    "waiver_needs_agency": QT_TRANSLATE_NOOP(
        _C, "Eine Schweigepflichtentbindung braucht eine empfangende Stelle."
    ),
    "consent_withdrawn": QT_TRANSLATE_NOOP(_C, "Die Einwilligung ist bereits widerrufen."),
    "attachment_too_large": QT_TRANSLATE_NOOP(
        _C, "Die Datei ist zu groß (höchstens {limit_mb} MB)."
    ),
    "attachment_empty": QT_TRANSLATE_NOOP(_C, "Die Datei ist leer."),
    "attachment_type": QT_TRANSLATE_NOOP(
        _C, "Dieser Dateityp wird nicht angenommen (erlaubt: PDF, PNG, JPEG, DOCX, ODT)."
    ),
    "gap_not_anonymous": QT_TRANSLATE_NOOP(
        _C, "Die Beschreibung enthält vermutlich personenbezogene Angaben ({hint})."
    ),
    "gap_released": QT_TRANSLATE_NOOP(
        _C, "Die Fehlstelle ist bereits freigegeben und kann nicht mehr geändert werden."
    ),
    "already_done": QT_TRANSLATE_NOOP(_C, "Die Wiedervorlage ist bereits erledigt."),
    "retention_not_due": QT_TRANSLATE_NOOP(
        _C, "Die Aufbewahrungsfrist ist noch nicht abgelaufen (bis {date})."
    ),
    "confirmation_required": QT_TRANSLATE_NOOP(_C, "Die Löschung muss bestätigt werden."),
}


class DomainError(Exception):
    """A rule of the domain was broken; nothing was written.

    ``code`` is stable (see :data:`MESSAGES`), ``template`` the German message with ``{}``
    placeholders and ``params`` their values.
    """

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.template = MESSAGES[code]
        self.params = params
        super().__init__(self.template.format(**params))

    @property
    def message(self) -> str:
        return str(self)

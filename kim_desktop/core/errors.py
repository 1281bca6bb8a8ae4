"""The errors users can cause, each with a German message that is safe to show.

* :class:`DomainError`: a rule of case management was broken (stable code per rule).
* :class:`VaultError` and subclasses: the encrypted store (password, recovery key, backups).
  They live apart from :mod:`kim_desktop.core.vault` so that small modules (the recovery key)
  can raise them without importing the storage stack. No message ever contains a password, a
  key or personal data.

Domain messages are German templates, marked with :func:`QT_TRANSLATE_NOOP` so that Qt's
``lupdate`` extracts them (context ``"DomainError"``) without core importing Qt. The UI shows
``QCoreApplication.translate("DomainError", error.template).format(**error.params)``, with the
field names in :data:`FIELD_PARAMS` translated in context ``"DomainField"``; every other caller
may use ``str(error)``. Parameters are codes, field names, dates and numbers, never personal
data.
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


_F = "DomainField"

#: The parameters of :data:`MESSAGES` that name a field of a form (the German label).
FIELD_PARAMS = ("field", "earlier", "later")

#: Every field name the services put into those parameters. The UI shows them through the
#: translation context ``"DomainField"``; a test keeps the list complete.
FIELD_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP(_F, "1.1.1900"),
    QT_TRANSLATE_NOOP(_F, "Abgebrochen am"),
    QT_TRANSLATE_NOOP(_F, "Abgeschlossen am"),
    QT_TRANSLATE_NOOP(_F, "Abschluss"),
    QT_TRANSLATE_NOOP(_F, "Anliegen"),
    QT_TRANSLATE_NOOP(_F, "Antwort am"),
    QT_TRANSLATE_NOOP(_F, "Art"),
    QT_TRANSLATE_NOOP(_F, "Art des Datensatzes"),
    QT_TRANSLATE_NOOP(_F, "Bedarf"),
    QT_TRANSLATE_NOOP(_F, "Begründung"),
    QT_TRANSLATE_NOOP(_F, "Beobachtet am"),
    QT_TRANSLATE_NOOP(_F, "Beratung"),
    QT_TRANSLATE_NOOP(_F, "Beschreibung"),
    QT_TRANSLATE_NOOP(_F, "Beziehung"),
    QT_TRANSLATE_NOOP(_F, "Dateiname"),
    QT_TRANSLATE_NOOP(_F, "Datum"),
    QT_TRANSLATE_NOOP(_F, "Dauer"),
    QT_TRANSLATE_NOOP(_F, "Dauer (Minuten)"),
    QT_TRANSLATE_NOOP(_F, "Deutsch mündlich"),
    QT_TRANSLATE_NOOP(_F, "Deutsch schriftlich"),
    QT_TRANSLATE_NOOP(_F, "E-Mail"),
    QT_TRANSLATE_NOOP(_F, "Eigenanteil am Lebensunterhalt"),
    QT_TRANSLATE_NOOP(_F, "Eingeschätzt am"),
    QT_TRANSLATE_NOOP(_F, "Einreisedatum"),
    QT_TRANSLATE_NOOP(_F, "Erfolgreiche Schuljahre"),
    QT_TRANSLATE_NOOP(_F, "Ergebnis"),
    QT_TRANSLATE_NOOP(_F, "Erledigt am"),
    QT_TRANSLATE_NOOP(_F, "Erteilt am"),
    QT_TRANSLATE_NOOP(_F, "Eröffnet am"),
    QT_TRANSLATE_NOOP(_F, "Fall eröffnet am"),
    QT_TRANSLATE_NOOP(_F, "Format"),
    QT_TRANSLATE_NOOP(_F, "Fällig am"),
    QT_TRANSLATE_NOOP(_F, "Geburtsdatum"),
    QT_TRANSLATE_NOOP(_F, "Geburtsname"),
    QT_TRANSLATE_NOOP(_F, "Geplant am"),
    QT_TRANSLATE_NOOP(_F, "Gesendet am"),
    QT_TRANSLATE_NOOP(_F, "Geschlecht"),
    QT_TRANSLATE_NOOP(_F, "Grund"),
    QT_TRANSLATE_NOOP(_F, "Gültig ab"),
    QT_TRANSLATE_NOOP(_F, "Gültig bis"),
    QT_TRANSLATE_NOOP(_F, "Handlungsfelder"),
    QT_TRANSLATE_NOOP(_F, "Letzter Phasenwechsel"),
    QT_TRANSLATE_NOOP(_F, "Maßnahme"),
    QT_TRANSLATE_NOOP(_F, "Monate"),
    QT_TRANSLATE_NOOP(_F, "Nachname"),
    QT_TRANSLATE_NOOP(_F, "Notiz"),
    QT_TRANSLATE_NOOP(_F, "Notizen"),
    QT_TRANSLATE_NOOP(_F, "Ort"),
    QT_TRANSLATE_NOOP(_F, "Partnerstelle"),
    QT_TRANSLATE_NOOP(_F, "Postleitzahl"),
    QT_TRANSLATE_NOOP(_F, "Rechtsgrundlage"),
    QT_TRANSLATE_NOOP(_F, "Sprache der Sprachmittlung"),
    QT_TRANSLATE_NOOP(_F, "Status"),
    QT_TRANSLATE_NOOP(_F, "Straße"),
    QT_TRANSLATE_NOOP(_F, "Stärken und Ressourcen"),
    QT_TRANSLATE_NOOP(_F, "Telefon"),
    QT_TRANSLATE_NOOP(_F, "Verantwortlich"),
    QT_TRANSLATE_NOOP(_F, "Vereinbart am"),
    QT_TRANSLATE_NOOP(_F, "Vorheriger Schritt"),
    QT_TRANSLATE_NOOP(_F, "Vorname"),
    QT_TRANSLATE_NOOP(_F, "Widerrufen am"),
    QT_TRANSLATE_NOOP(_F, "Wiedereröffnet am"),
    QT_TRANSLATE_NOOP(_F, "Wiedervorlage"),
    QT_TRANSLATE_NOOP(_F, "Wiedervorlage am"),
    QT_TRANSLATE_NOOP(_F, "Zeitpunkt"),
    QT_TRANSLATE_NOOP(_F, "Ziel"),
    QT_TRANSLATE_NOOP(_F, "Ziel vereinbart am"),
    QT_TRANSLATE_NOOP(_F, "Zuständig"),
    QT_TRANSLATE_NOOP(_F, "Zweck"),
)


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


class VaultError(Exception):
    """Base of every vault error; the message is German and safe to show."""


class WrongPassword(VaultError):
    """The user name or password did not fit. ``retry_after``: seconds until the next try."""

    def __init__(self, message: str, *, retry_after: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class AttemptDelayed(VaultError):
    """Too many failed attempts lately; the next try is allowed after ``retry_after`` s."""

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class VaultCorrupt(VaultError):
    """The database or its header is damaged; the user should restore a backup."""


class VaultInUse(VaultError):
    """Another KIM Desktop instance has this data folder open."""


class VaultMissing(VaultError):
    """There is no vault in the data folder yet."""


class VaultExists(VaultError):
    """A vault already exists where a new one was to be created."""


class PasswordPolicyError(VaultError):
    """A new password is too weak."""


class InvalidRecoveryKey(VaultError):
    """A recovery key was mistyped (checksum or format) or does not belong to this vault."""


class VaultLocked(VaultError):
    """The vault was locked; unlock it again before using it."""


class PermissionDenied(VaultError):
    """The signed-in user's role does not allow this."""


class BackupInvalid(VaultError):
    """A backup file is damaged or is not a KIM Desktop backup."""

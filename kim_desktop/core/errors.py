"""The errors users can cause, each with a German message that is safe to show.

* :class:`DomainError`: a rule of case management was broken (stable code per rule).
* :class:`VaultError` and subclasses: the encrypted store (password, recovery key, backups).
  They live apart from :mod:`kim_desktop.core.vault` so that small modules (the recovery key)
  can raise them without importing the storage stack. No message ever contains a password, a
  key or personal data.

Both kinds are raised with a stable code and parameters; the code picks a German template
(:data:`MESSAGES`, :data:`VAULT_MESSAGES`), which the translation catalogue collects in the
error's :attr:`context` without core importing Qt. A domain error names fields by their keys
(:mod:`kim_desktop.core.fields`): the UI shows
``QCoreApplication.translate(error.context, error.template).format(**params)`` with the
fields' labels in the interface language; every other caller (the CLI, the logs' absence of
them) may use ``str(error)``, the German text. Parameters are codes, field keys, file names,
dates and numbers, never personal data.
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
    "hidden_characters": QT_TRANSLATE_NOOP(
        _C, "„{field}“ enthält Steuerzeichen, einen Zeilenumbruch oder unsichtbare Zeichen "
        "(etwa solche, die die Schreibrichtung umkehren); bitte ohne sie eingeben."
    ),
    "unknown_code": QT_TRANSLATE_NOOP(_C, "Unbekannter Eintrag „{value}“ im Katalog {catalog}."),
    "invalid_value": QT_TRANSLATE_NOOP(_C, "Ungültiger Wert für „{field}“."),
    "future_date": QT_TRANSLATE_NOOP(_C, "„{field}“ darf nicht in der Zukunft liegen."),
    "date_order": QT_TRANSLATE_NOOP(_C, "„{later}“ darf nicht vor „{earlier}“ liegen."),
    "out_of_range": QT_TRANSLATE_NOOP(_C, "„{field}“ muss zwischen {low} und {high} liegen."),
    "not_that_value": QT_TRANSLATE_NOOP(_C, "„{field}“ muss {low} sein."),
    "period_out_of_range": QT_TRANSLATE_NOOP(
        _C, "Zeitraum außerhalb des möglichen Bereichs: bitte Tage vom {low} bis zum {high} "
        "angeben."
    ),
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
    "data_protection_contacts_missing": QT_TRANSLATE_NOOP(
        _C, "Die Auskunft nach Art. 15 muss die verantwortliche Stelle und die oder den "
        "Datenschutzbeauftragten nennen; solange eine der beiden Angaben fehlt, wird sie nicht "
        "erstellt. Die Büroleitung "
        "trägt sie unter Einstellungen → Datenschutz ein (oder IT in der "
        "Bereitstellungsdatei, [data_protection])."
    ),
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
    "attachment_loading": QT_TRANSLATE_NOOP(
        _C, "Die Datei wird noch vom Sync-Server geladen. Bitte nach dem nächsten Abgleich "
        "erneut versuchen."
    ),
    "archive_incomplete": QT_TRANSLATE_NOOP(
        _C, "Die Archivkopie wäre unvollständig: auf diesem Rechner fehlt noch der Inhalt von "
        "{files}. Bitte erst abgleichen; die Person ist nicht gelöscht."
    ),
    "attachment_type": QT_TRANSLATE_NOOP(
        _C, "Dieser Dateityp wird nicht angenommen (erlaubt: PDF, PNG, JPEG, DOCX, ODT)."
    ),
    "gap_not_anonymous": QT_TRANSLATE_NOOP(
        _C, "Die Beschreibung enthält vermutlich personenbezogene Angaben ({hint})."
    ),
    "gap_names_unconfirmed": QT_TRANSLATE_NOOP(
        _C, "Die Beschreibung enthält den Nachnamen einer Person aus den Akten. Bitte "
        "bestätigen, dass sie keine Person meint."
    ),
    "gap_released": QT_TRANSLATE_NOOP(
        _C, "Die Fehlstelle ist bereits freigegeben und kann nicht mehr geändert werden."
    ),
    "already_done": QT_TRANSLATE_NOOP(_C, "Die Wiedervorlage ist bereits erledigt."),
    "unknown_user": QT_TRANSLATE_NOOP(
        _C, "Im Büro arbeitet niemand unter dem Namen „{name}“: bitte einen der "
        "vorgeschlagenen Benutzernamen wählen."),
    "retention_not_due": QT_TRANSLATE_NOOP(
        _C, "Die Aufbewahrungsfrist ist noch nicht abgelaufen (bis {date})."
    ),
    "confirmation_required": QT_TRANSLATE_NOOP(_C, "Die Löschung muss bestätigt werden."),
    "admin_only": QT_TRANSLATE_NOOP(_C, "Das darf nur die Büroleitung."),
    "erasure_requested": QT_TRANSLATE_NOOP(
        _C, "Die Löschung dieser Person ist schon beantragt; die Büroleitung entscheidet."),
    "erasure_request_decided": QT_TRANSLATE_NOOP(
        _C, "Über diesen Löschantrag ist schon entschieden."),
    "audit_pdf_too_long": QT_TRANSLATE_NOOP(
        _C, "Die Auswahl hat {count} Einträge, ein PDF des Protokolls höchstens {high}: bitte "
        "Zeitraum eingrenzen oder CSV wählen."),
    "file_number_short": QT_TRANSLATE_NOOP(
        _C, "Bitte die Aktennummer der Person angeben (mindestens {shortest} Zeichen)."),
    "file_number_ambiguous": QT_TRANSLATE_NOOP(
        _C, "Mehrere Personen haben eine Kennung, die so beginnt: bitte mehr Zeichen der "
        "Kennung angeben (sie steht im Export des Protokolls)."),
}


#: The parameters of :data:`MESSAGES` that name a field, by its key (``"client.last_name"``,
#: see :mod:`kim_desktop.core.fields`); the message shows the field's label.
FIELD_PARAMS = ("field", "earlier", "later")

#: Errors whose ``current`` and ``target`` are stored codes, by the table and column they are
#: codes of; the message shows their words.
CODE_PARAMS = {"phase_transition": "case_record.phase", "referral_transition": "referral.state"}


class DomainError(Exception):
    """A rule of the domain was broken; nothing was written.

    ``code`` is stable (see :data:`MESSAGES`), ``template`` the German message with ``{}``
    placeholders and ``params`` their values: field keys and codes, which ``str(error)``
    shows as German words.
    """

    context = _C

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.template = MESSAGES[code]
        self.params = params
        super().__init__(self.template.format(**german_params(code, params)))

    @property
    def message(self) -> str:
        return str(self)


def german_params(code: str, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with field keys and stored codes as their German words."""
    from kim_desktop.core import fields

    words = dict(params)
    for name in FIELD_PARAMS:
        if isinstance(words.get(name), str):
            words[name] = fields.label(words[name])
    if code in CODE_PARAMS:
        choices = fields.declared(CODE_PARAMS[code]).choices
        for name in ("current", "target"):
            value = words.get(name)
            if choices is not None and value in set(choices):
                words[name] = choices(value).label
    return words


_V = "VaultError"
_RESTORE = " Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI)."
_ADVICE = (
    " Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und "
    "die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es "
    "dann nicht."
)

#: Every vault message, by stable code; ``{file}`` is one of the data folder's file names and
#: ``{reason}`` the operating system's own words.
VAULT_MESSAGES: dict[str, str] = {
    "wrong_password": "Benutzername oder Passwort ist falsch.",
    "wrong_password_wait": (
        "Benutzername oder Passwort ist falsch. Nächster Versuch in {seconds} Sekunden möglich."
    ),
    "attempts_delayed": "Zu viele Fehlversuche. Bitte in {seconds} Sekunden erneut versuchen.",
    "locked": "Die Datenbank ist gesperrt. Bitte erneut anmelden.",
    "in_use": (
        "KIM Desktop ist mit diesem Datenordner bereits geöffnet (in einem anderen Fenster oder "
        "von einem anderen Benutzerkonto). Bitte dort weiterarbeiten oder das andere Programm "
        "erst schließen."
    ),
    "no_vault": (
        "In diesem Datenordner gibt es noch keine Datenbank. "
        "Bitte zuerst einrichten (kim-desktop init --user NAME)."
    ),
    "vault_exists": (
        "In diesem Datenordner gibt es bereits eine Datenbank. Sie wird nicht überschrieben."
    ),
    "upgrade_failed": (
        "Die Datenbank konnte nicht auf den Stand dieser Programmversion gebracht werden. "
        "Es wurde nichts verändert. Bitte den Support verständigen."
    ),
    "database_missing": "Im Datenordner fehlt die Datenbank {file}." + _RESTORE,
    "database_incomplete": "Die Datenbank {file} ist unvollständig." + _RESTORE,
    "database_damaged": (
        "Die Datenbank {file} ist beschädigt und kann nicht gelesen werden." + _RESTORE
    ),
    "disk_full": (
        "Auf dem Datenträger des Datenordners ist kein Platz mehr frei. Es wurde nichts "
        "verändert. Bitte Platz schaffen und es dann erneut versuchen; eine Sicherung "
        "zurückzuspielen hilft dabei nicht."
    ),
    "disk_error": (
        "Der Datenträger des Datenordners meldet einen Lese- oder Schreibfehler. Es wurde "
        "nichts verändert. Bitte prüfen, ob er voll, schreibgeschützt oder nicht erreichbar "
        "ist, und es dann erneut versuchen; erst wenn der Fehler bleibt, die IT fragen."
    ),
    "header_missing": "Im Datenordner fehlt die Schlüsseldatei {file}." + _RESTORE,
    "header_damaged": "Die Schlüsseldatei {file} im Datenordner ist beschädigt." + _RESTORE,
    "header_unknown_role": (
        "Die Schlüsseldatei {file} enthält eine unbekannte Rolle." + _RESTORE
    ),
    "header_mismatch": "Die Schlüsseldatei passt nicht zur Datenbank." + _RESTORE,
    "header_tampered": (
        "Die Schlüsseldatei {file} wurde verändert: Ihre Prüfsumme passt nicht zum Schlüssel "
        "der Datenbank. Sicherheitshalber wird nichts geöffnet." + _RESTORE
    ),
    "header_role_changed": (
        "Die Schlüsseldatei {file} wurde verändert: Die Rolle eines Benutzers wurde darin von "
        "Hand geändert. Das Passwort stimmt, aber sicherheitshalber wird nichts geöffnet."
        + _RESTORE
    ),
    "header_earlier_key": (
        "Die Schlüsseldatei {file} gehört zu einem früheren Schlüssel der Datenbank {database}: "
        "Die Datenbank wurde seitdem mit „Schlüssel erneuern“ neu verschlüsselt, und eine "
        "ältere {file} (etwa aus einer Kopie oder Sicherung) wurde neben sie gelegt. Die "
        "Datenbank selbst ist nicht beschädigt. Bitte die aktuelle {file} zurücklegen oder "
        "eine Sicherung zurückspielen, die beide Dateien enthält "
        "(kim-desktop restore --from DATEI, etwa rekey-backup.tar im Datenordner)."
    ),
    "header_kdf_bounds": (
        "Die Schlüsseldatei {file} verlangt eine unzulässig aufwendige Schlüsselableitung "
        "und wurde vermutlich verändert." + _RESTORE
    ),
    "header_newer": (
        "Die Schlüsseldatei stammt von einer neueren Version von KIM Desktop. "
        "Bitte das Programm aktualisieren."
    ),
    "header_unreadable": "Die Schlüsseldatei {file} kann nicht gelesen werden ({reason}).",
    "header_unwritable": (
        "Die Schlüsseldatei {file} konnte nicht gespeichert werden ({reason}). "
        "Es wurde nichts verändert."
    ),
    "no_such_user": "Diesen Benutzer gibt es in diesem Datenordner nicht.",
    "user_exists": "Den Benutzernamen »{name}« gibt es schon.",
    "user_name_empty": "Der Benutzername darf nicht leer sein.",
    "user_name_long": "Der Benutzername darf höchstens {limit} Zeichen lang sein.",
    "user_name_control": "Der Benutzername enthält Steuerzeichen.",
    "only_admin_passwords": "Nur die Büroleitung darf Passwörter anderer ändern.",
    "only_admin_users": "Nur die Büroleitung darf Benutzer anlegen.",
    "password_short": (
        "Das Passwort ist zu kurz: Es braucht mindestens {minimum} Zeichen." + _ADVICE
    ),
    "password_invisible": (
        "Das Passwort enthält unsichtbare Zeichen oder Steuerzeichen (etwa ein Leerzeichen "
        "ohne Breite, eine Schreibrichtungsmarke oder einen Tabulator), die man beim nächsten "
        "Mal nicht sicher wieder eintippt. Bitte nur sichtbare Zeichen und normale Leerzeichen "
        "verwenden."
    ),
    "password_weak": "Das Passwort wäre zu schnell erraten." + _ADVICE,
    "password_weak_user": (
        "Das Passwort wäre zu schnell erraten: Es besteht vor allem aus dem Benutzernamen."
        + _ADVICE
    ),
    "password_weak_context": (
        "Das Passwort wäre zu schnell erraten: Es besteht vor allem aus Wörtern, die jeder "
        "zuerst probiert, der weiß, wo das Programm läuft (KIM, Integration, Rathaus, Kreis, "
        "die Orte im Kreis, der Name des Büros)." + _ADVICE
    ),
    "password_weak_common": (
        "Das Passwort wäre zu schnell erraten: Es ist ein häufiges Passwort oder ähnelt einem "
        "(auch mit Zahlen oder Zeichen daran)." + _ADVICE
    ),
    "password_weak_keyboard": (
        "Das Passwort wäre zu schnell erraten: Es enthält eine Tastenfolge wie »qwertz« oder "
        "»asdf«." + _ADVICE
    ),
    "password_weak_sequence": (
        "Das Passwort wäre zu schnell erraten: Es enthält eine Folge wie »1234« oder »abcd«."
        + _ADVICE
    ),
    "password_weak_repeat": (
        "Das Passwort wäre zu schnell erraten: Es wiederholt Zeichen oder Teile." + _ADVICE
    ),
    "password_weak_date": (
        "Das Passwort wäre zu schnell erraten: Jahreszahlen und Daten helfen kaum." + _ADVICE
    ),
    "password_weak_word_year": (
        "Das Passwort wäre zu schnell erraten: Wort + Jahreszahl (wie »Sommer2024« oder "
        "»Hannover1996!«) probieren Angreifer als Erstes, auch mit Großbuchstaben und Zeichen "
        "daran; die Jahreszahl macht das Wort kaum sicherer." + _ADVICE
    ),
    "password_weak_names": (
        "Das Passwort wäre zu schnell erraten: Es besteht vor allem aus einem gebräuchlichen "
        "Namen." + _ADVICE
    ),
    "password_weak_phrase": (
        "Das Passwort wäre zu schnell erraten: Es ist ein bekannter Spruch, Gruß, Lied- oder "
        "Filmtitel oder beginnt damit (auch mit Zahlen oder Zeichen daran); solche Sätze "
        "probieren Angreifer als Erstes." + _ADVICE
    ),
    "password_weak_words": (
        "Das Passwort wäre zu schnell erraten: Es besteht aus zu wenigen, zu häufigen Wörtern."
        + _ADVICE
    ),
    "recovery_key_characters": (
        "Der Wiederherstellungsschlüssel enthält ungültige Zeichen: {characters}. "
        "Erlaubt sind Ziffern und Buchstaben außer U."
    ),
    "recovery_key_length": (
        "Der Wiederherstellungsschlüssel hat {length} statt {expected} Zeichen ({blocks} Blöcke "
        "zu je {block} Zeichen). Bitte vollständig abtippen."
    ),
    "recovery_key_typo_block": (
        "Der Wiederherstellungsschlüssel enthält einen Tippfehler (Block {blocks}). "
        "Bitte mit dem ausgedruckten Blatt vergleichen."
    ),
    "recovery_key_typo_blocks": (
        "Der Wiederherstellungsschlüssel enthält einen Tippfehler (Blöcke {blocks}). "
        "Bitte mit dem ausgedruckten Blatt vergleichen."
    ),
    "recovery_key_typo_last": (
        "Der Wiederherstellungsschlüssel enthält einen Tippfehler im letzten Block. "
        "Bitte mit dem ausgedruckten Blatt vergleichen."
    ),
    "recovery_key_foreign": (
        "Dieser Wiederherstellungsschlüssel gehört nicht zu diesem Datenordner."
    ),
    "backup_missing": "Die Sicherungsdatei gibt es nicht: {path}",
    "backup_folder_missing": "Der Ordner für die Sicherung existiert nicht: {folder}",
    "backup_unwritable": "Die Sicherung konnte nicht geschrieben werden ({reason}).",
    "backup_failed": "Die Sicherung ist fehlgeschlagen ({reason}).",
    "backup_unverified": "Die Sicherung konnte nicht fehlerfrei geschrieben werden.",
    "only_admin_rekey": "Nur die Büroleitung darf den Schlüssel erneuern.",
    "rekey_legacy_users": (
        "Der Schlüssel kann erst erneuert werden, wenn sich diese Benutzer*innen einmal mit "
        "dieser Version angemeldet haben: {names}. Es wurde nichts verändert."
    ),
    "rekey_needs_recovery_key": (
        "Zum Erneuern des Schlüssels wird der Wiederherstellungsschlüssel vom ausgedruckten "
        "Blatt gebraucht: Mit ihm wird geprüft, dass der neue Schlüssel für ihn gilt und nicht "
        "für einen anderen (er bleibt danach gültig)."
    ),
    "rekey_recovery_changed": (
        "Dieser Wiederherstellungsschlüssel öffnet den Wiederherstellungseintrag in vault.json "
        "nicht. Entweder ist es nicht der Schlüssel dieses Datenordners, oder der Eintrag wurde "
        "verändert (etwa durch eine andere Benutzerin oder einen anderen Benutzer dieses "
        "Rechners). Der Schlüssel wird nicht erneuert; bitte den Schlüssel vom "
        "Wiederherstellungsblatt prüfen und sonst die IT verständigen."
    ),
    "rekey_unverified": (
        "Nach der Schlüsselerneuerung besteht die Datenbank die Prüfung nicht. Bitte die "
        "Sicherung rekey-backup.tar aus dem Datenordner zurückspielen (kim-desktop restore "
        "--from …); sie entstand vor der Erneuerung."
    ),
    "backup_invalid": (
        "Die Sicherungsdatei ist beschädigt oder keine Sicherung von KIM Desktop. "
        "Im Datenordner wurde nichts verändert."
    ),
}


class VaultError(Exception):
    """Base of every vault error: ``code`` is stable (see :data:`VAULT_MESSAGES`), ``template``
    the German message and ``params`` its values; ``str(error)`` is the German text."""

    context = _V

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.template = VAULT_MESSAGES[code]
        self.params = params
        super().__init__(self.template.format(**params))


class WrongPassword(VaultError):
    """The user name or password did not fit. ``retry_after``: seconds until the next try."""

    def __init__(self, *, retry_after: float = 0.0) -> None:
        if retry_after > 0:
            super().__init__("wrong_password_wait", seconds=f"{retry_after:.0f}")
        else:
            super().__init__("wrong_password")
        self.retry_after = retry_after


class AttemptDelayed(VaultError):
    """Too many failed attempts lately; the next try is allowed after ``retry_after`` s."""

    def __init__(self, *, retry_after: float) -> None:
        super().__init__("attempts_delayed", seconds=max(1, round(retry_after)))
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

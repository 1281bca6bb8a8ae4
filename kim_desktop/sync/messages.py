"""Every German message of the sync client, as ``{}`` templates, for the user and for the
translation catalogue (context ``"SyncError"``).

A :class:`~kim_desktop.sync.http.SyncError` keeps its template and parameters, so the program
shows it in the interface language; the status keeps the last error as German text, and the
status bar looks that text up as it is. Messages the server sends stay as it wrote them.
"""

from __future__ import annotations

#: The Qt translation context of these messages.
CONTEXT = "SyncError"

NO_CONNECTION = "Keine Verbindung zum Sync-Server."
OFFLINE = (
    "Keine Verbindung zum Sync-Server. Die Änderungen bleiben gespeichert und werden später "
    "übertragen."
)
TLS_UNTRUSTED = (
    "Die Verbindung zum Sync-Server ist nicht vertrauenswürdig (TLS-Zertifikat ungültig). "
    "Es wurden keine Daten gesendet. Hat der Server ein Zertifikat einer eigenen "
    "Zertifizierungsstelle, gehört es in die Bereitstellungsdatei ([server] ca_certificate)."
)
TLS_NOT_FROM_CA = (
    "Die Verbindung zum Sync-Server ist nicht vertrauenswürdig: Sein Zertifikat stammt nicht "
    "von der Zertifizierungsstelle, die die IT hinterlegt hat ([server] ca_certificate). "
    "Es wurden keine Daten gesendet. Meist prüft ein Proxy oder eine Firewall den "
    "verschlüsselten Datenverkehr (TLS-Inspektion): Die IT muss {host} davon ausnehmen."
)
TLS_PIN_MISMATCH = (
    "Die Verbindung zum Sync-Server ist nicht vertrauenswürdig: Sein Schlüssel passt nicht zum "
    "hinterlegten Fingerabdruck ([server] pin_sha256). Es wurden keine Daten gesendet. Meist "
    "prüft ein Proxy oder eine Firewall den verschlüsselten Datenverkehr (TLS-Inspektion): Die "
    "IT muss {host} davon ausnehmen. Hat der Server einen neuen Schlüssel bekommen, trägt die "
    "IT dessen Fingerabdruck ein; bitte nichts selbst übernehmen, was die IT nicht bestätigt hat."
)
OTHER_SERVER_THAN_PROVISIONED = (
    "„{server}“ ist nicht der Server der Bereitstellung („{provisioned}“), und deren "
    "Zertifikat oder Pin gilt nur für diesen. Bitte die Adresse der Bereitstellung angeben, "
    "oder für den anderen Server dessen Vertrauen mit --ca-file DATEI oder --pin-sha256 HEX."
)
RENEW_WITHOUT_TRUST = (
    "Für --renew-trust fehlt das neue Vertrauen: bitte --ca-file DATEI oder --pin-sha256 HEX "
    "angeben, oder eine Bereitstellungsdatei mit [server] ca_file oder pin_sha256. Das "
    "bisherige bleibt bestehen."
)
BAD_SERVER_URL = (
    "„{url}“ ist keine Server-Adresse, wie KIM sie annimmt: bitte https://name.des.servers "
    "angeben, ohne Benutzername, Leerzeichen, Backslash, ? oder # (in der "
    "Bereitstellungsdatei [server] url)."
)
REDIRECTED = (
    "Der Sync-Server {host} hat auf eine andere Adresse umgeleitet; KIM folgt Umleitungen "
    "nicht, damit nichts an einen anderen Rechner geht. Es wurden keine Daten gesendet. Bitte "
    "die IT bitten, die Server-Adresse zu prüfen."
)
PLAIN_HTTP = (
    "Die Server-Adresse {url} ist unverschlüsselt (http://). Bitte bei der Einstellung "
    "„Server-Adresse“ (in der Bereitstellungsdatei [server] url) eine Adresse mit https:// "
    "angeben; unverschlüsselt geht es nur zu diesem Rechner selbst (localhost)."
)
GARBLED_ANSWER = "Der Sync-Server hat eine unverständliche Antwort gesendet."
SERVER_UNAVAILABLE = "Der Sync-Server ist gerade nicht verfügbar (HTTP {http_status})."
REFUSED = "Der Sync-Server hat die Anfrage abgelehnt (HTTP {http_status})."
UNKNOWN_DEVICE = "Der Sync-Server kennt dieses Gerät nicht (mehr)."
REVOKED = (
    "Dieses Gerät wurde von der IT für die Synchronisation gesperrt. "
    "Bitte wenden Sie sich an Ihre IT-Betreuung."
)
WIPE = (
    "Dieses Gerät wurde von der IT gesperrt und zur Löschung bestimmt. Die Schlüssel und die "
    "Datenbank auf diesem Gerät werden jetzt gelöscht."
)
WIPE_INCOMPLETE = (
    "Die Daten dieses Geräts konnten nicht vollständig gelöscht werden. Bitte wenden Sie sich "
    "sofort an Ihre IT."
)
OTHER_OFFICE = (
    "Der Sync-Server ordnet dieses Gerät einem anderen Büro zu. "
    "Bitte wenden Sie sich an Ihre IT-Betreuung."
)
QUOTA_EXCEEDED = (
    "Der Speicherplatz des Büros auf dem Sync-Server ist erschöpft. Die Änderungen bleiben auf "
    "diesem Gerät gespeichert. Bitte wenden Sie sich an Ihre IT."
)
REJECTED_TOO_LARGE = "Die Änderung ist zu groß für den Sync-Server."
REJECTED_BLOB_TOO_LARGE = "Der Anhang ist größer, als der Sync-Server annimmt."
REJECTED_INVALID = "Der Sync-Server hält die Änderung für ungültig."
REJECTED_DAMAGED = "Der verschlüsselte Inhalt der Änderung ist unvollständig angekommen."
REJECTED_NUMBER = "Die Änderung trug eine Nummer, die der Sync-Server schon vergeben hatte."
REJECTED_COPIED = (
    "Nicht gesendet: Diese Datenbank ist eine Kopie der Datenbank eines anderen Rechners. "
    "Nachdem die IT dieses Gerät neu registriert hat, „Erneut senden“ wählen."
)
REJECTED_OTHER = "Der Sync-Server hat die Änderung abgelehnt: {detail}"
REJECTED_GONE = "Diese abgelehnte Änderung gibt es nicht mehr."
REJECTED_BUSY = (
    "Dieser Datensatz wird gerade übertragen. Bitte nach dem Abgleich erneut versuchen."
)
NOTHING_CONFIRMED = "Der Sync-Server hat keine der Änderungen bestätigt."
BAD_CURSOR = "Der Sync-Server hat einen ungültigen Stand gemeldet."
NOT_ENROLLED = (
    "Dieses Gerät ist noch nicht für die Synchronisation angemeldet (kim-desktop enroll)."
)
NOT_ENROLLED_YET = "Dieses Gerät ist noch nicht angemeldet (kim-desktop enroll --code …)."
ALREADY_ENROLLED = (
    "Dieses Gerät ist bereits angemeldet. Fehlt nur der Büroschlüssel, genügt "
    "kim-desktop enroll --office-recovery-key …"
)
KEY_MISSING = (
    "Für die Synchronisation fehlt noch der Büro-Wiederherstellungsschlüssel "
    "(kim-desktop enroll --office-recovery-key …)."
)
KEY_WRONG = (
    "Der Büro-Wiederherstellungsschlüssel passt nicht zu diesem Büro. Bitte prüfen Sie die "
    "Eingabe anhand des ausgedruckten Wiederherstellungsblatts."
)
KEY_NEEDED = (
    "Das Gerät ist angemeldet. Für die Synchronisation wird noch der "
    "Büro-Wiederherstellungsschlüssel gebraucht (kim-desktop enroll --office-recovery-key …)."
)
KEY_TAKEN = (
    "Ein anderes Gerät hat den Büroschlüssel gerade angelegt. Bitte den "
    "Büro-Wiederherstellungsschlüssel dieses Geräts eingeben."
)
COPIED = (
    "Diese Datenbank ist eine Kopie: Ein anderer Rechner synchronisiert mit derselben "
    "Registrierung, und dieser hier darf es nicht mehr. Bitte lassen Sie dieses Gerät von "
    "Ihrer IT neu registrieren (kim-desktop enroll). Nicht gesendete Änderungen sind "
    "beiseitegelegt („Abgelehnt“) und gehen danach mit „Erneut senden“."
)

BLOB_MISSING = (
    "Der Sync-Server hat den Inhalt dieses Anhangs nicht. Jeder Abgleich sucht ihn erneut; "
    "bitte die IT informieren."
)
BLOB_DAMAGED = (
    "Der Inhalt dieses Anhangs kommt beschädigt vom Sync-Server an, auch beim zweiten Versuch. "
    "Jeder Abgleich lädt ihn erneut; bitte die IT informieren."
)
BLOB_MISMATCH = (
    "Der Inhalt dieses Anhangs auf dem Sync-Server ist nicht die Datei, die der Anhang "
    "beschreibt. Bitte das Gerät, auf dem er angehängt wurde, ihn erneut anhängen lassen."
)

#: All of the above, for the catalogue: a message added here is collected without a list to
#: keep up.
MESSAGES: tuple[str, ...] = tuple(
    value for name, value in list(globals().items())
    if name.isupper() and name != "CONTEXT" and isinstance(value, str)
)

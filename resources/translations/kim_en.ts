<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="de">
  <context>
    <name>accessibility</name>
    <message>
      <source>Erklärung zur Barrierefreiheit</source>
      <translation>Accessibility statement</translation>
    </message>
    <message>
      <source>Die Erklärung des Büros kann nicht gelesen werden: {why}</source>
      <translation>The office's statement cannot be read: {why}</translation>
    </message>
    <message>
      <source>&amp;Schließen</source>
      <translation>&amp;Close</translation>
    </message>
  </context>
  <context>
    <name>accounts</name>
    <message>
      <source>Sicherung zu&amp;rückspielen …</source>
      <translation>&amp;Restore a backup …</translation>
    </message>
    <message>
      <source>Büroleitung</source>
      <translation>Office admin</translation>
    </message>
    <message>
      <source>Case-Management</source>
      <translation>Case manager</translation>
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel ändert sich dabei nicht und gilt weiter für alle Benutzer*innen dieses Rechners; das Wiederherstellungsblatt muss nicht neu gedruckt werden.</source>
      <translation>The recovery key does not change and stays valid for every user of this computer; the recovery sheet need not be printed again.</translation>
    </message>
    <message>
      <source>Passwort ändern</source>
      <translation>Change password</translation>
    </message>
    <message>
      <source>Neues Passwort für {user}. Es gilt ab der nächsten Anmeldung.</source>
      <translation>New password for {user}. It applies from the next sign-in.</translation>
    </message>
    <message>
      <source>&amp;Bisheriges Passwort:</source>
      <translation>&amp;Current password:</translation>
    </message>
    <message>
      <source>Passwort än&amp;dern</source>
      <translation>Change pass&amp;word</translation>
    </message>
    <message>
      <source>Bitte das bisherige Passwort eingeben.</source>
      <translation>Please enter the current password.</translation>
    </message>
    <message>
      <source>Wird geändert …</source>
      <translation>Changing …</translation>
    </message>
    <message>
      <source>Das bisherige Passwort ist falsch.</source>
      <translation>The current password is wrong.</translation>
    </message>
    <message>
      <source>Zu viele Fehlversuche.</source>
      <translation>Too many failed attempts.</translation>
    </message>
    <message>
      <source>Zum Schutz vor dem Erraten von Passwörtern ist der nächste Versuch in {seconds} s möglich.</source>
      <translation>To protect against password guessing, the next try is possible in {seconds} s.</translation>
    </message>
    <message>
      <source>Benutzer*in hinzufügen</source>
      <translation>Add user</translation>
    </message>
    <message>
      <source>&amp;Rolle:</source>
      <translation>&amp;Role:</translation>
    </message>
    <message>
      <source>Teilen Sie das erste Passwort der Person persönlich mit. Sie sollte es bei der ersten Anmeldung unter Einstellungen mit „Passwort ändern“ durch ein eigenes ersetzen. Nur die Büroleitung kann weitere Benutzer*innen anlegen.</source>
      <translation>Tell the person the first password in person. They should replace it with their own at the first sign-in, in Settings with “Change password”. Only an office admin can add further users.</translation>
    </message>
    <message>
      <source>&amp;Anlegen</source>
      <translation>&amp;Add</translation>
    </message>
    <message>
      <source>Den Benutzernamen „{name}“ gibt es schon.</source>
      <translation>The user name “{name}” is already taken.</translation>
    </message>
    <message>
      <source>Wird angelegt …</source>
      <translation>Adding …</translation>
    </message>
    <message>
      <source>Schlüssel erneuern</source>
      <translation>Renew key</translation>
    </message>
    <message>
      <source>Die Datenbank bekommt einen neuen Schlüssel. Zuerst wird eine geprüfte Sicherung im Datenordner geschrieben (rekey-backup.tar). Danach öffnen alte Kopien der Schlüsseldatei mit alten Passwörtern nichts mehr – sinnvoll, wenn ein Passwort bekannt geworden sein könnte. Alle Passwörter bleiben gültig.</source>
      <translation>The database gets a new key. First a verified backup is written to the data folder (rekey-backup.tar). Afterwards old copies of the key file with old passwords open nothing – useful when a password may have become known. All passwords stay valid.</translation>
    </message>
    <message>
      <source>vom Wiederherstellungsblatt</source>
      <translation>from the recovery sheet</translation>
    </message>
    <message>
      <source>&amp;Wiederherstellungsschlüssel:</source>
      <translation>&amp;Recovery key:</translation>
    </message>
    <message>
      <source>Schlüssel &amp;erneuern</source>
      <translation>Re&amp;new key</translation>
    </message>
    <message>
      <source>Wird erneuert …</source>
      <translation>Renewing …</translation>
    </message>
    <message>
      <source>Ihr Konto</source>
      <translation>Your account</translation>
    </message>
    <message>
      <source>Angemeldet als {user} ({role}).</source>
      <translation>Signed in as {user} ({role}).</translation>
    </message>
    <message>
      <source>Passwort ä&amp;ndern …</source>
      <translation>Change pass&amp;word …</translation>
    </message>
    <message>
      <source>Benutzer*innen dieses Rechners</source>
      <translation>Users of this computer</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Rolle</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Benutzer*in hin&amp;zufügen …</source>
      <translation>Add &amp;user …</translation>
    </message>
    <message>
      <source>S&amp;chlüssel erneuern …</source>
      <translation>Renew &amp;key …</translation>
    </message>
    <message>
      <source>Benutzer*innen anlegen kann nur die Büroleitung.</source>
      <translation>Only an office admin can add users.</translation>
    </message>
    <message>
      <source>✓ Das Passwort ist geändert. Es gilt ab der nächsten Anmeldung.</source>
      <translation>✓ The password is changed. It applies from the next sign-in.</translation>
    </message>
    <message>
      <source>✓ Der Schlüssel ist erneuert. Alle Passwörter und der Wiederherstellungsschlüssel gelten weiter.</source>
      <translation>✓ The key is renewed. All passwords and the recovery key remain valid.</translation>
    </message>
    <message>
      <source>✓ {name} ist angelegt ({role}).</source>
      <translation>✓ {name} has been added ({role}).</translation>
    </message>
  </context>
  <context>
    <name>anonymity</name>
    <message>
      <source>ein Datum (z. B. ein Geburtsdatum)</source>
      <translation>a date (such as a date of birth)</translation>
    </message>
    <message>
      <source>eine Anschrift</source>
      <translation>an address</translation>
    </message>
    <message>
      <source>einen Namen</source>
      <translation>a name</translation>
    </message>
    <message>
      <source>eine E-Mail-Adresse</source>
      <translation>an e-mail address</translation>
    </message>
    <message>
      <source>eine Telefonnummer</source>
      <translation>a phone number</translation>
    </message>
    <message>
      <source>Vor- und Nachname einer Person aus den Akten</source>
      <translation>first and last name of a person in the files</translation>
    </message>
    <message>
      <source>ein Name mit Anrede</source>
      <translation>a name with a form of address</translation>
    </message>
    <message>
      <source>die Anschrift einer Person aus den Akten</source>
      <translation>the address of a person in the files</translation>
    </message>
    <message>
      <source>ein Geburtsdatum</source>
      <translation>a birth date</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Demo-Büro mit erfundenen Personen. Benutzer: {user}, Passwort: {password}</source>
      <translation>Demo office with made-up people. User: {user}, password: {password}</translation>
    </message>
  </context>
  <context>
    <name>attachments</name>
    <message>
      <source>{n} MB</source>
      <translation>{n} MB</translation>
    </message>
    <message>
      <source>{n} KB</source>
      <translation>{n} KB</translation>
    </message>
    <message>
      <source>Datei</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Art</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Größe</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>hinzugefügt</source>
      <translation>added</translation>
    </message>
    <message>
      <source>Keine Anhänge.</source>
      <translation>No attachments.</translation>
    </message>
    <message>
      <source>Anhänge</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <source>Hin&amp;zufügen …</source>
      <translation>&amp;Add …</translation>
    </message>
    <message>
      <source>Anzei&amp;gen</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>Kopie spei&amp;chern …</source>
      <translation>Save a &amp;copy …</translation>
    </message>
    <message>
      <source>Löschen (Entf) …</source>
      <translation>Delete (Del) …</translation>
    </message>
    <message>
      <source>{size} – kommt nicht an</source>
      <translation>{size} – not arriving</translation>
    </message>
    <message>
      <source>Anhang</source>
      <translation>Attachment</translation>
    </message>
    <message>
      <source>Anhang löschen</source>
      <translation>Delete attachment</translation>
    </message>
    <message>
      <source>„{file}“ löschen? Die Löschung steht im Protokoll.</source>
      <translation>Delete "{file}"? The deletion is recorded in the audit log.</translation>
    </message>
    <message>
      <source>Löschen</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>{size} – wird geladen</source>
      <translation>{size} – loading</translation>
    </message>
    <message>
      <source>Anhang hinzufügen</source>
      <translation>Add attachment</translation>
    </message>
    <message>
      <source>Dokumente (*.pdf *.png *.jpg *.jpeg *.docx *.odt)</source>
      <translation>Documents (*.pdf *.png *.jpg *.jpeg *.docx *.odt)</translation>
    </message>
    <message>
      <source>Dieses Dokument kann KIM Desktop nicht selbst anzeigen.</source>
      <translation>KIM Desktop cannot show this document itself.</translation>
    </message>
    <message>
      <source>Die Kopie ist nicht verschlüsselt: wer an den Ordner kommt, kann sie lesen. Speichern Sie sie nur, wo das erlaubt ist, und löschen Sie sie, wenn Sie sie nicht mehr brauchen.</source>
      <translation>The copy is not encrypted: anyone with access to the folder can read it. Save it only where that is allowed, and delete it when you no longer need it.</translation>
    </message>
    <message>
      <source>Kopie speichern</source>
      <translation>Save a copy</translation>
    </message>
    <message>
      <source>Kopie speichern …</source>
      <translation>Save a copy …</translation>
    </message>
    <message>
      <source>Anhang speichern</source>
      <translation>Save attachment</translation>
    </message>
    <message>
      <source>Das Dokument ist beschädigt und kann nicht angezeigt werden.</source>
      <extracomment>Media types the viewer draws; other documents can only be saved as a copy. PDF pages drawn at this many pixels per point (72 per inch: about 110 dpi). A page is drawn with at most this many pixels (a large-format plan a little smaller), so that one page of a small file cannot take gigabytes. Drawn pages kept for scrolling back, the longest unseen dropped first (an A4 page at PDF_SCALE takes 3.4 MB); the page being drawn is kept whatever its size. The keys that scroll the pages, as in a scroll area (arrows a step, PgUp and PgDn a screen, Home and End): not from page to page, since a page is taller than the window.</extracomment>
      <translation>The document is damaged and cannot be shown.</translation>
    </message>
    <message>
      <source>Das Dokument ist mit einem Kennwort geschützt und kann nicht angezeigt werden.</source>
      <translation>The document is protected by a password and cannot be shown.</translation>
    </message>
    <message>
      <source>Das Bild ist zu groß, um es anzuzeigen ({width} × {height} Pixel).</source>
      <translation>The image is too large to show ({width} × {height} pixels).</translation>
    </message>
    <message>
      <source>{file}, Seite {n} von {count}</source>
      <translation>{file}, page {n} of {count}</translation>
    </message>
    <message>
      <source>Diese Seite kann nicht angezeigt werden.</source>
      <translation>This page cannot be shown.</translation>
    </message>
    <message>
      <source>&amp;Schließen</source>
      <translation>&amp;Close</translation>
    </message>
  </context>
  <context>
    <name>audit</name>
    <message>
      <source>&lt;b&gt;Protokoll der Zugriffe&lt;/b&gt; – wer welchen Datensatz wann angesehen, geändert, exportiert oder gelöscht hat</source>
      <extracomment>The most events the view reads at once (the newest); the export takes all of the filter.</extracomment>
      <translation>&lt;b&gt;Audit log&lt;/b&gt; – who viewed, changed, exported or erased which record, and when</translation>
    </message>
    <message>
      <source>Alle</source>
      <translation>All</translation>
    </message>
    <message>
      <source>Aktennummer, z. B. 3F2A1C</source>
      <translation>File number, e.g. 3F2A1C</translation>
    </message>
    <message>
      <source>&amp;Person (Akte):</source>
      <translation>&amp;Person (file):</translation>
    </message>
    <message>
      <source>&amp;Benutzer*in:</source>
      <translation>&amp;User:</translation>
    </message>
    <message>
      <source>A&amp;ktion:</source>
      <translation>Actio&amp;n:</translation>
    </message>
    <message>
      <source>&amp;Von:</source>
      <translation>Fr&amp;om:</translation>
    </message>
    <message>
      <source>B&amp;is:</source>
      <translation>&amp;To:</translation>
    </message>
    <message>
      <source>An&amp;zeigen</source>
      <translation>&amp;Show</translation>
    </message>
    <message>
      <source>Einträge des Protokolls</source>
      <translation>Audit log entries</translation>
    </message>
    <message>
      <source>Fortschritt beim Speichern</source>
      <translation>Saving progress</translation>
    </message>
    <message>
      <source>Speichern abb&amp;rechen</source>
      <translation>C&amp;ancel saving</translation>
    </message>
    <message>
      <source>Als &amp;CSV speichern …</source>
      <translation>Save as &amp;CSV …</translation>
    </message>
    <message>
      <source>Als PD&amp;F speichern …</source>
      <translation>Save as P&amp;DF …</translation>
    </message>
    <message>
      <source>Die neuesten {count} Einträge; ältere mit einem engeren Zeitraum.</source>
      <translation>The newest {count} entries; older ones with a narrower period.</translation>
    </message>
    <message>
      <source>Ein Eintrag</source>
      <translation>One entry</translation>
    </message>
    <message>
      <source>{count} Einträge</source>
      <translation>{count} entries</translation>
    </message>
    <message>
      <source>Protokoll speichern</source>
      <translation>Save audit log</translation>
    </message>
    <message>
      <source>Protokoll wird gespeichert …</source>
      <translation>Saving the log …</translation>
    </message>
    <message>
      <source>Protokoll gespeichert: {file}</source>
      <translation>Audit log saved: {file}</translation>
    </message>
    <message>
      <source>Speichern abgebrochen; keine Datei angelegt.</source>
      <translation>Saving cancelled; no file was created.</translation>
    </message>
    <message>
      <source>Zeitpunkt</source>
      <extracomment>The id of the person a row concerns ("" for none), for opening their file.</extracomment>
      <translation>Time</translation>
    </message>
    <message>
      <source>Benutzer*in</source>
      <translation>User</translation>
    </message>
    <message>
      <source>Aktion</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Art</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Datensatz</source>
      <translation>Record</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Angabe</source>
      <translation>Detail</translation>
    </message>
  </context>
  <context>
    <name>audit_log</name>
    <message>
      <source>angelegt</source>
      <translation>created</translation>
    </message>
    <message>
      <source>geändert</source>
      <translation>changed</translation>
    </message>
    <message>
      <source>angesehen</source>
      <translation>viewed</translation>
    </message>
    <message>
      <source>in einer Liste gezeigt</source>
      <translation>shown in a list</translation>
    </message>
    <message>
      <source>exportiert</source>
      <translation>exported</translation>
    </message>
    <message>
      <source>gelöscht</source>
      <translation>deleted</translation>
    </message>
    <message>
      <source>endgültig gelöscht</source>
      <translation>erased</translation>
    </message>
    <message>
      <source>freigegeben</source>
      <translation>released</translation>
    </message>
    <message>
      <source>als nicht gemeint bestätigt (Freigabe einer Fehlstelle)</source>
      <translation>confirmed as not meant (release of a structural gap)</translation>
    </message>
    <message>
      <source>Änderung verworfen</source>
      <translation>change discarded</translation>
    </message>
    <message>
      <source>Löschung beantragt</source>
      <translation>erasure requested</translation>
    </message>
    <message>
      <source>Löschantrag abgelehnt</source>
      <translation>erasure request declined</translation>
    </message>
    <message>
      <source>Person</source>
      <extracomment>What an audit event's ``record_kind`` names, in words.</extracomment>
      <translation>Person</translation>
    </message>
    <message>
      <source>Fall</source>
      <translation>Case</translation>
    </message>
    <message>
      <source>Phasenwechsel</source>
      <translation>Phase change</translation>
    </message>
    <message>
      <source>Haushaltsmitglied</source>
      <translation>Household member</translation>
    </message>
    <message>
      <source>Aufenthaltsstatus</source>
      <translation>Residence status</translation>
    </message>
    <message>
      <source>Einwilligung</source>
      <translation>Consent</translation>
    </message>
    <message>
      <source>Beratungskontakt</source>
      <translation>Consultation</translation>
    </message>
    <message>
      <source>Vermittlung</source>
      <translation>Referral</translation>
    </message>
    <message>
      <source>Wiedervorlage</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>Anhang</source>
      <translation>Attachment</translation>
    </message>
    <message>
      <source>Strukturelle Lücke</source>
      <translation>Structural gap</translation>
    </message>
    <message>
      <source>Bedarf</source>
      <translation>Need</translation>
    </message>
    <message>
      <source>Ziel</source>
      <translation>Goal</translation>
    </message>
    <message>
      <source>Maßnahme</source>
      <translation>Measure</translation>
    </message>
    <message>
      <source>Protokoll</source>
      <translation>Audit log</translation>
    </message>
    <message>
      <source>Löschantrag</source>
      <translation>Erasure request</translation>
    </message>
    <message>
      <source>Export für die Datenbank KIM</source>
      <translation>Export for the Datenbank KIM</translation>
    </message>
  </context>
  <context>
    <name>caseload</name>
    <message>
      <source>Name suchen …</source>
      <extracomment>Above any office's caseload: the table loads everyone at once and filters in memory. The search field keeps room for at least this many characters of a name.</extracomment>
      <translation>Search name …</translation>
    </message>
    <message>
      <source>Suche nach Name</source>
      <translation>Search by name</translation>
    </message>
    <message>
      <source>&amp;Suche:</source>
      <translation>&amp;Search:</translation>
    </message>
    <message>
      <source>Alle Kommunen</source>
      <translation>All municipalities</translation>
    </message>
    <message>
      <source>Kommune</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <source>Alle Phasen</source>
      <translation>All phases</translation>
    </message>
    <message>
      <source>ohne offenen Fall</source>
      <translation>without open case</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Phase</translation>
    </message>
    <message>
      <source>Alle Handlungsfelder</source>
      <translation>All fields of action</translation>
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation>Field of action</translation>
    </message>
    <message>
      <source>Wiedervorlage &amp;fällig</source>
      <translation>Follow-up &amp;due</translation>
    </message>
    <message>
      <source>S&amp;palten</source>
      <translation>Colu&amp;mns</translation>
    </message>
    <message>
      <source>Sichtbare Spalten wählen</source>
      <translation>Choose visible columns</translation>
    </message>
    <message>
      <source>&amp;Neue Person …</source>
      <translation>&amp;New person …</translation>
    </message>
    <message>
      <source>Klient*innen</source>
      <translation>Clients</translation>
    </message>
    <message>
      <source>Noch keine Klient*innen erfasst. Mit „Neue Person“ legen Sie die erste an.</source>
      <translation>No clients yet. "New person" adds the first one.</translation>
    </message>
    <message>
      <source>1 Klient*in</source>
      <translation>1 client</translation>
    </message>
    <message>
      <source>{count} Klient*innen</source>
      <translation>{count} clients</translation>
    </message>
    <message>
      <source>{shown} von 1 Klient*in</source>
      <translation>{shown} of 1 client</translation>
    </message>
    <message>
      <source>{shown} von {total} Klient*innen</source>
      <translation>{shown} of {total} clients</translation>
    </message>
    <message>
      <source>Name</source>
      <extracomment>Every row's index in the current sort order; filtering keeps this order.</extracomment>
      <translation>Name</translation>
    </message>
    <message>
      <source>Alter</source>
      <translation>Age</translation>
    </message>
    <message>
      <source>Nächste Wiedervorlage</source>
      <translation>Next follow-up</translation>
    </message>
    <message>
      <source>Einwilligung</source>
      <translation>Consent</translation>
    </message>
  </context>
  <context>
    <name>client_file</name>
    <message>
      <source>Aufenthaltsstatus (Verlauf):</source>
      <translation>Residence status (history):</translation>
    </message>
    <message>
      <source>Aufenthalts&amp;status erfassen …</source>
      <translation>Record residence &amp;status …</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Rechtsgrundlage</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <source>von</source>
      <translation>from</translation>
    </message>
    <message>
      <source>bis</source>
      <translation>until</translation>
    </message>
    <message>
      <source>Noch kein Aufenthaltsstatus erfasst.</source>
      <translation>No residence status recorded yet.</translation>
    </message>
    <message>
      <source>Aufenthaltsstatus</source>
      <translation>Residence status</translation>
    </message>
    <message>
      <source>Status &amp;korrigieren …</source>
      <translation>C&amp;orrect status …</translation>
    </message>
    <message>
      <source>Haushalt:</source>
      <translation>Household:</translation>
    </message>
    <message>
      <source>laufend</source>
      <translation>current</translation>
    </message>
    <message>
      <source>Neu ein&amp;schätzen …</source>
      <translation>R&amp;eassess …</translation>
    </message>
    <message>
      <source>aktuell</source>
      <translation>current</translation>
    </message>
    <message>
      <source>abgelöst</source>
      <translation>superseded</translation>
    </message>
    <message>
      <source>Art</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Stelle</source>
      <translation>Agency</translation>
    </message>
    <message>
      <source>Zweck</source>
      <translation>Purpose</translation>
    </message>
    <message>
      <source>erteilt</source>
      <translation>granted</translation>
    </message>
    <message>
      <source>gültig bis</source>
      <translation>valid until</translation>
    </message>
    <message>
      <source>Stand</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Noch keine Einwilligung erfasst.</source>
      <translation>No consent recorded yet.</translation>
    </message>
    <message>
      <source>Einwilligungen und Schweigepflichtentbindungen</source>
      <translation>Consents and confidentiality waivers</translation>
    </message>
    <message>
      <source>&amp;Erfassen …</source>
      <translation>Rec&amp;ord …</translation>
    </message>
    <message>
      <source>&amp;Widerrufen</source>
      <translation>&amp;Withdraw</translation>
    </message>
    <message>
      <source>Einwilligung</source>
      <translation>Consent</translation>
    </message>
    <message>
      <source>Schweigepflichtentbindung</source>
      <translation>Confidentiality waiver</translation>
    </message>
    <message>
      <source>gültig</source>
      <translation>valid</translation>
    </message>
    <message>
      <source>widerrufen</source>
      <translation>withdrawn</translation>
    </message>
    <message>
      <source>nicht gültig</source>
      <translation>not valid</translation>
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation>Field of action</translation>
    </message>
    <message>
      <source>Bedarf</source>
      <translation>Need</translation>
    </message>
    <message>
      <source>am</source>
      <translation>on</translation>
    </message>
    <message>
      <source>Ressourcen</source>
      <translation>Resources</translation>
    </message>
    <message>
      <source>Ergebnis</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>Hilfeplan: Ziele</source>
      <translation>Support plan: goals</translation>
    </message>
    <message>
      <source>Ziel vereinbaren …</source>
      <translation>Agree goal …</translation>
    </message>
    <message>
      <source>Ziel bearbeiten …</source>
      <translation>Edit goal …</translation>
    </message>
    <message>
      <source>Maßnahme</source>
      <translation>Measure</translation>
    </message>
    <message>
      <source>Verantwortlich</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>Für dieses Ziel sind noch keine Maßnahmen vereinbart.</source>
      <translation>No measures agreed for this goal yet.</translation>
    </message>
    <message>
      <source>Maßnahmen des Ziels</source>
      <translation>Measures of the goal</translation>
    </message>
    <message>
      <source>Maßnahme vereinbaren …</source>
      <translation>Agree measure …</translation>
    </message>
    <message>
      <source>Stand der Maßnahme …</source>
      <translation>Status of the measure …</translation>
    </message>
    <message>
      <source>Ziele:</source>
      <translation>Goals:</translation>
    </message>
    <message>
      <source>Maßnahmen des gewählten Ziels:</source>
      <translation>Measures of the selected goal:</translation>
    </message>
    <message>
      <source>Notizen</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Noch keine Bedarfe eingeschätzt.</source>
      <translation>No needs assessed yet.</translation>
    </message>
    <message>
      <source>Bedarfe je Handlungsfeld</source>
      <translation>Needs per field of action</translation>
    </message>
    <message>
      <source>Bedarf &amp;einschätzen …</source>
      <translation>&amp;Assess need …</translation>
    </message>
    <message>
      <source>Bitte zuerst einen Fall eröffnen.</source>
      <translation>Please open a case first.</translation>
    </message>
    <message>
      <source>Stammdaten bea&amp;rbeiten …</source>
      <translation>&amp;Edit personal data …</translation>
    </message>
    <message>
      <source>Ziel</source>
      <translation>Goal</translation>
    </message>
    <message>
      <source>vereinbart</source>
      <translation>agreed</translation>
    </message>
    <message>
      <source>Noch keine Ziele vereinbart.</source>
      <translation>No goals agreed yet.</translation>
    </message>
    <message>
      <source>offen</source>
      <translation>open</translation>
    </message>
    <message>
      <source>Wann</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Dauer</source>
      <translation>Duration</translation>
    </message>
    <message>
      <source>Handlungsfelder</source>
      <translation>Fields of action</translation>
    </message>
    <message>
      <source>Noch keine Beratungskontakte. Strg+N erfasst einen.</source>
      <translation>No consultations yet. Ctrl+N records one.</translation>
    </message>
    <message>
      <source>Beratungskontakte</source>
      <translation>Consultations</translation>
    </message>
    <message>
      <source>Beratungskontakt &amp;erfassen …</source>
      <translation>Record c&amp;onsultation …</translation>
    </message>
    <message>
      <source>{minutes} min</source>
      <translation>{minutes} min</translation>
    </message>
    <message>
      <source>Anliegen</source>
      <translation>Request</translation>
    </message>
    <message>
      <source>geplant</source>
      <translation>planned</translation>
    </message>
    <message>
      <source>Noch keine Vermittlungen.</source>
      <translation>No referrals yet.</translation>
    </message>
    <message>
      <source>Vermittlungen</source>
      <translation>Referrals</translation>
    </message>
    <message>
      <source>Vermittlung &amp;planen …</source>
      <translation>&amp;Plan referral …</translation>
    </message>
    <message>
      <source>Bearbei&amp;ten …</source>
      <translation>Edi&amp;t …</translation>
    </message>
    <message>
      <source>{state} am {date}</source>
      <translation>{state} on {date}</translation>
    </message>
    <message>
      <source>Grund: {reason}</source>
      <translation>Reason: {reason}</translation>
    </message>
    <message>
      <source>ohne Angabe von Gründen</source>
      <translation>no reason given</translation>
    </message>
    <message>
      <source>ohne Schweigepflichtentbindung gesendet: {reason}</source>
      <translation>sent without a confidentiality waiver: {reason}</translation>
    </message>
    <message>
      <source>Ergebnis oder Grund</source>
      <translation>Outcome or reason</translation>
    </message>
    <message>
      <source>&amp;Gesendet …</source>
      <translation>&amp;Sent …</translation>
    </message>
    <message>
      <source>A&amp;ngenommen …</source>
      <translation>&amp;Accepted …</translation>
    </message>
    <message>
      <source>Abgelehn&amp;t …</source>
      <translation>Dec&amp;lined …</translation>
    </message>
    <message>
      <source>Abg&amp;eschlossen …</source>
      <translation>C&amp;ompleted …</translation>
    </message>
    <message>
      <source>Vermittlung abbre&amp;chen …</source>
      <translation>Canc&amp;el referral …</translation>
    </message>
    <message>
      <source>fällig</source>
      <translation>due</translation>
    </message>
    <message>
      <source>Worum</source>
      <translation>About</translation>
    </message>
    <message>
      <source>Keine Wiedervorlagen.</source>
      <translation>No follow-ups.</translation>
    </message>
    <message>
      <source>Wiedervorlagen</source>
      <translation>Follow-ups</translation>
    </message>
    <message>
      <source>erledigt am {date}</source>
      <translation>done on {date}</translation>
    </message>
    <message>
      <source>überfällig</source>
      <translation>overdue</translation>
    </message>
    <message>
      <source>heute fällig</source>
      <translation>due today</translation>
    </message>
    <message>
      <source>Zuständig</source>
      <translation>Assigned to</translation>
    </message>
    <message>
      <source>Neue Wiedervorlage …</source>
      <translation>New follow-up …</translation>
    </message>
    <message>
      <source>Ändern …</source>
      <translation>Change …</translation>
    </message>
    <message>
      <source>Als erledigt markieren</source>
      <translation>Mark as done</translation>
    </message>
    <message>
      <source>Löschen …</source>
      <translation>Delete …</translation>
    </message>
    <message>
      <source>Wiedervorlage erledigt.</source>
      <translation>Follow-up done.</translation>
    </message>
    <message>
      <source>Wiedervorlage löschen</source>
      <translation>Delete follow-up</translation>
    </message>
    <message>
      <source>Die Wiedervorlage vom {date} löschen? Im Protokoll bleibt vermerkt, wer sie gelöscht hat.</source>
      <translation>Delete the follow-up of {date}? The log keeps who deleted it.</translation>
    </message>
    <message>
      <source>Löschen</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Wiedervorlage gelöscht.</source>
      <translation>Follow-up deleted.</translation>
    </message>
    <message>
      <source>Kategorie</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Beschreibung</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>beobachtet</source>
      <translation>observed</translation>
    </message>
    <message>
      <source>freigegeben</source>
      <translation>released</translation>
    </message>
    <message>
      <source>Dieser Fall ist mit keiner strukturellen Fehlstelle verknüpft.</source>
      <translation>This case is not linked to any structural gap.</translation>
    </message>
    <message>
      <source>Strukturelle Fehlstellen</source>
      <translation>Structural gaps</translation>
    </message>
    <message>
      <source>Phasen des Falls:</source>
      <translation>Phases of the case:</translation>
    </message>
    <message>
      <source>Protokoll:</source>
      <translation>Log:</translation>
    </message>
    <message>
      <source>Wer</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>Was</source>
      <translation>What</translation>
    </message>
    <message>
      <source>Kein Verlauf.</source>
      <translation>No history.</translation>
    </message>
    <message>
      <source>Verlauf aus dem Protokoll</source>
      <translation>History from the audit log</translation>
    </message>
    <message>
      <source>angelegt</source>
      <translation>created</translation>
    </message>
    <message>
      <source>geändert</source>
      <translation>changed</translation>
    </message>
    <message>
      <source>angesehen</source>
      <translation>viewed</translation>
    </message>
    <message>
      <source>exportiert</source>
      <translation>exported</translation>
    </message>
    <message>
      <source>gelöscht</source>
      <translation>deleted</translation>
    </message>
    <message>
      <source>Stammdaten</source>
      <translation>Personal data</translation>
    </message>
    <message>
      <source>Einwilligungen</source>
      <translation>Consents</translation>
    </message>
    <message>
      <source>Bedarfe</source>
      <translation>Needs</translation>
    </message>
    <message>
      <source>Hilfeplan</source>
      <translation>Plan</translation>
    </message>
    <message>
      <source>Anhänge</source>
      <translation>Attachments</translation>
    </message>
    <message>
      <source>Fehlstellen</source>
      <translation>Gaps</translation>
    </message>
    <message>
      <source>Verlauf</source>
      <translation>History</translation>
    </message>
    <message>
      <source>Vorprüfung</source>
      <translation>Pre-check</translation>
    </message>
    <message>
      <source>Einwilligung: keine gültige</source>
      <translation>Consent: none valid</translation>
    </message>
    <message>
      <source>Einwilligung: gültig</source>
      <translation>Consent: valid</translation>
    </message>
    <message>
      <source>Einwilligung: gültig bis {date}</source>
      <translation>Consent: valid until {date}</translation>
    </message>
    <message>
      <source>Wird geladen …</source>
      <translation>Loading …</translation>
    </message>
    <message>
      <source>&amp;Phase wechseln …</source>
      <translation>Change &amp;phase …</translation>
    </message>
    <message>
      <source>Aus&amp;kunft (Art. 15) …</source>
      <translation>Access &amp;report (Art. 15) …</translation>
    </message>
    <message>
      <source>Person &amp;löschen …</source>
      <translation>Erase perso&amp;n …</translation>
    </message>
    <message>
      <source>&amp;Löschung beantragen …</source>
      <translation>As&amp;k for erasure …</translation>
    </message>
    <message>
      <source>Teile der Akte</source>
      <translation>Parts of the file</translation>
    </message>
    <message>
      <source>Akte nicht verfügbar</source>
      <translation>File not available</translation>
    </message>
    <message>
      <source>(ohne Namen)</source>
      <translation>(no name)</translation>
    </message>
    <message>
      <source>{age} Jahre</source>
      <translation>{age} years</translation>
    </message>
    <message>
      <source>Phase: {phase}</source>
      <translation>Phase: {phase}</translation>
    </message>
    <message>
      <source>Fall abgeschlossen am {date}</source>
      <translation>Case closed on {date}</translation>
    </message>
    <message>
      <source>kein Fall eröffnet</source>
      <translation>no case opened</translation>
    </message>
    <message>
      <source>Fall er&amp;öffnen …</source>
      <translation>Open &amp;case …</translation>
    </message>
    <message>
      <source>Fall a&amp;bschließen …</source>
      <translation>&amp;Close case …</translation>
    </message>
    <message>
      <source>Fall wieder er&amp;öffnen …</source>
      <translation>Reopen &amp;case …</translation>
    </message>
  </context>
  <context>
    <name>client_form</name>
    <message>
      <source>Angaben für die Vorprüfung</source>
      <extracomment>The person's master data, in the order the form and the file show them. The facts the Baustein III pre-check asks about, each optional until known. What tells one person from another; a correction of one of them asks "Person schon erfasst?" as a new person does. The user chose to open a person already recorded instead (argument: their id).</extracomment>
      <translation>Facts for the pre-check</translation>
    </message>
    <message>
      <source>Neue Person</source>
      <translation>New person</translation>
    </message>
    <message>
      <source>Stammdaten bearbeiten</source>
      <translation>Edit personal data</translation>
    </message>
    <message>
      <source>Angaben gespeichert.</source>
      <extracomment>The question "Person schon erfasst?" while it is open.</extracomment>
      <translation>Details saved.</translation>
    </message>
    <message>
      <source>Person schon erfasst?</source>
      <translation>Person already recorded?</translation>
    </message>
    <message>
      <source>Diese Personen sind schon erfasst und könnten dieselbe sein:</source>
      <translation>These people are already recorded and could be the same:</translation>
    </message>
    <message>
      <source>Ähnliche Personen</source>
      <translation>Similar people</translation>
    </message>
    <message>
      <source>Vorhandene Akte öffnen</source>
      <translation>Open existing file</translation>
    </message>
    <message>
      <source>Trotzdem speichern</source>
      <translation>Save anyway</translation>
    </message>
    <message>
      <source>Trotzdem anlegen</source>
      <translation>Create anyway</translation>
    </message>
    <message>
      <source>Zurück zum Formular</source>
      <translation>Back to the form</translation>
    </message>
  </context>
  <context>
    <name>conflicts</name>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Fall</source>
      <translation>Case</translation>
    </message>
    <message>
      <source>Beratungskontakt</source>
      <translation>Consultation</translation>
    </message>
    <message>
      <source>Wiedervorlage</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>Vermittlung</source>
      <translation>Referral</translation>
    </message>
    <message>
      <source>Einwilligung</source>
      <translation>Consent</translation>
    </message>
    <message>
      <source>Ziel</source>
      <translation>Goal</translation>
    </message>
    <message>
      <source>Maßnahme</source>
      <translation>Measure</translation>
    </message>
    <message>
      <source>Bedarf</source>
      <translation>Need</translation>
    </message>
    <message>
      <source>Fehlstelle</source>
      <translation>Gap</translation>
    </message>
    <message>
      <source>Anhang</source>
      <translation>Attachment</translation>
    </message>
    <message>
      <source>&amp;Schließen</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <source>(leer)</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <source>Fälle: {count}</source>
      <translation>Cases: {count}</translation>
    </message>
    <message>
      <source>{size} Bytes</source>
      <translation>{size} bytes</translation>
    </message>
    <message>
      <source>Konflikte lösen</source>
      <translation>Resolve conflicts</translation>
    </message>
    <message>
      <source>Dieselben Angaben wurden hier und auf einem anderen Rechner unterschiedlich geändert. Wählen Sie je Feld, welche Fassung gilt.</source>
      <translation>The same details were changed differently here and on another computer. Choose for each field which version applies.</translation>
    </message>
    <message>
      <source>Konflikte</source>
      <translation>Conflicts</translation>
    </message>
    <message>
      <source>Keine offenen Konflikte.</source>
      <translation>No open conflicts.</translation>
    </message>
    <message>
      <source>Auswahl &amp;übernehmen</source>
      <translation>&amp;Apply choice</translation>
    </message>
    <message>
      <source>{kind}: {fields}</source>
      <translation>{kind}: {fields}</translation>
    </message>
    <message>
      <source>Feld</source>
      <translation>Field</translation>
    </message>
    <message>
      <source>Fassung dieses Rechners</source>
      <translation>This computer's version</translation>
    </message>
    <message>
      <source>Fassung des anderen Rechners</source>
      <translation>The other computer's version</translation>
    </message>
    <message>
      <source>{field}: diese Fassung</source>
      <translation>{field}: this version</translation>
    </message>
    <message>
      <source>{field}: andere Fassung</source>
      <translation>{field}: other version</translation>
    </message>
  </context>
  <context>
    <name>consent</name>
    <message>
      <source>keine</source>
      <translation>none</translation>
    </message>
    <message>
      <source>gültig</source>
      <translation>valid</translation>
    </message>
    <message>
      <source>läuft bald ab</source>
      <translation>expires soon</translation>
    </message>
    <message>
      <source>abgelaufen</source>
      <translation>expired</translation>
    </message>
    <message>
      <source>widerrufen</source>
      <translation>withdrawn</translation>
    </message>
  </context>
  <context>
    <name>consultation</name>
    <message>
      <source>Beratungskontakt bearbeiten</source>
      <extracomment>The declared fields of a consultation the form edits, in its order.</extracomment>
      <translation>Edit consultation</translation>
    </message>
    <message>
      <source>Beratungskontakt erfassen</source>
      <translation>Record consultation</translation>
    </message>
    <message>
      <source>Beratungskontakt gespeichert.</source>
      <translation>Consultation saved.</translation>
    </message>
    <message>
      <source>Person:</source>
      <translation>Person:</translation>
    </message>
    <message>
      <source>Wiedervorlage setzen</source>
      <translation>Set a follow-up</translation>
    </message>
    <message>
      <source>Namen tippen, dann Pfeiltaste und Eingabe</source>
      <translation>Type a name, then arrow key and Enter</translation>
    </message>
    <message>
      <source>Bitte eine Person aus der Liste wählen.</source>
      <translation>Please choose a person from the list.</translation>
    </message>
    <message>
      <source>Bitte mindestens ein Handlungsfeld ankreuzen.</source>
      <translation>Please tick at least one field of action.</translation>
    </message>
  </context>
  <context>
    <name>data_protection</name>
    <message>
      <source>Auskunft gespeichert: {file}</source>
      <translation>Access report saved: {file}</translation>
    </message>
    <message>
      <source>PDF, deutsch (*.pdf)</source>
      <translation>PDF, German (*.pdf)</translation>
    </message>
    <message>
      <source>PDF, englisch (*.pdf)</source>
      <translation>PDF, English (*.pdf)</translation>
    </message>
    <message>
      <source>JSON (*.json)</source>
      <translation>JSON (*.json)</translation>
    </message>
    <message>
      <source>Auskunft nach Art. 15 DSGVO speichern</source>
      <translation>Save access report (Art. 15 GDPR)</translation>
    </message>
    <message>
      <source>Die Person wird gelöscht.</source>
      <translation>The person will be erased.</translation>
    </message>
    <message>
      <source>Löschung beantragt am {date} von {user}; die Büroleitung entscheidet.</source>
      <translation>Erasure requested on {date} by {user}; the office admin decides.</translation>
    </message>
    <message>
      <source>Löschantrag abgelehnt am {date} von {user}: {reason}</source>
      <translation>Erasure request declined on {date} by {user}: {reason}</translation>
    </message>
    <message>
      <source>LÖSCHEN</source>
      <translation>ERASE</translation>
    </message>
    <message>
      <source>Person löschen</source>
      <translation>Erase person</translation>
    </message>
    <message>
      <source>{what} Alle Daten werden endgültig gelöscht, auch auf den anderen Rechnern des Büros. Das lässt sich nicht rückgängig machen.

Zur Bestätigung bitte {word} eingeben:</source>
      <translation>{what} All data is erased for good, on the office's other computers too. This cannot be undone.

To confirm, please type {word}:</translation>
    </message>
    <message>
      <source>Nicht gelöscht: Die Bestätigung stimmte nicht.</source>
      <translation>Not erased: the confirmation did not match.</translation>
    </message>
  </context>
  <context>
    <name>deletion_run</name>
    <message>
      <source>Fall abgeschlossen am {date}</source>
      <extracomment>The kinds of change that can make a person due or no longer due: a person created or erased, a case opened, closed or reopened, a consultation recorded or removed.</extracomment>
      <translation>case closed on {date}</translation>
    </message>
    <message>
      <source>ohne Fall, letzter Kontakt</source>
      <translation>no case, last contact</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Akte</source>
      <translation>File</translation>
    </message>
    <message>
      <source>fällig seit</source>
      <translation>due since</translation>
    </message>
    <message>
      <source>Regel</source>
      <translation>Rule</translation>
    </message>
    <message>
      <source>Archivkopie</source>
      <translation>Archive copy</translation>
    </message>
    <message>
      <source>Zur Löschung fällige Personen (Leertaste: mitlöschen oder nicht)</source>
      <translation>Persons due for erasure (Space: include or not)</translation>
    </message>
    <message>
      <source>Archiv&amp;ordner:</source>
      <translation>Archive f&amp;older:</translation>
    </message>
    <message>
      <source>Ordner für die Archivkopien (je Person eine JSON-Datei)</source>
      <translation>Folder for the archive copies (one JSON file per person)</translation>
    </message>
    <message>
      <source>Archivordner</source>
      <translation>Archive folder</translation>
    </message>
    <message>
      <source>Ordner &amp;wählen …</source>
      <translation>&amp;Choose folder …</translation>
    </message>
    <message>
      <source>Fortschritt des Löschlaufs</source>
      <translation>Progress of the deletion run</translation>
    </message>
    <message>
      <source>Löschlauf a&amp;nhalten</source>
      <translation>Sto&amp;p the run</translation>
    </message>
    <message>
      <source>Ausgewählte &amp;löschen …</source>
      <translation>&amp;Erase the chosen …</translation>
    </message>
    <message>
      <source>mit Archivkopie</source>
      <translation>with an archive copy</translation>
    </message>
    <message>
      <source>ohne Archivkopie</source>
      <translation>without an archive copy</translation>
    </message>
    <message>
      <source>1 Jahr</source>
      <translation>1 year</translation>
    </message>
    <message>
      <source>{count} Jahre</source>
      <translation>{count} years</translation>
    </message>
    <message>
      <source>&lt;b&gt;Löschlauf&lt;/b&gt; – fällig ist, wessen Aufbewahrungsfrist abgelaufen ist: {after} nach dem Abschluss des letzten Falls ({archive1}), {without} nach dem letzten Kontakt ohne Fall ({archive2}). Die Fristen legt die oder der Datenschutzbeauftragte fest.</source>
      <translation>&lt;b&gt;Deletion run&lt;/b&gt; – due is whoever's retention period has ended: {after} after the last case was closed ({archive1}), {without} after the last contact without a case ({archive2}). The data-protection officer sets the periods.</translation>
    </message>
    <message>
      <source>verlangt</source>
      <translation>required</translation>
    </message>
    <message>
      <source>nicht verlangt</source>
      <translation>not required</translation>
    </message>
    <message>
      <source>1 Person fällig.</source>
      <translation>1 person due.</translation>
    </message>
    <message>
      <source>{count} Personen fällig.</source>
      <translation>{count} persons due.</translation>
    </message>
    <message>
      <source>Niemand ist zur Löschung fällig.</source>
      <translation>No one is due for erasure.</translation>
    </message>
    <message>
      <source>Archivordner wählen</source>
      <translation>Choose the archive folder</translation>
    </message>
    <message>
      <source>Niemand ist ausgewählt.</source>
      <translation>No one is chosen.</translation>
    </message>
    <message>
      <source>Für {count} der Personen verlangt die Regel vorher eine Archivkopie: bitte einen Archivordner angeben.</source>
      <translation>For {count} of the persons the rule requires an archive copy first: please give an archive folder.</translation>
    </message>
    <message>
      <source>Den Archivordner gibt es nicht: {folder}</source>
      <translation>The archive folder does not exist: {folder}</translation>
    </message>
    <message>
      <source>1 Person wird gelöscht{archive}.</source>
      <translation>1 person will be erased{archive}.</translation>
    </message>
    <message>
      <source>{count} Personen werden gelöscht{archive}.</source>
      <translation>{count} persons will be erased{archive}.</translation>
    </message>
    <message>
      <source>, vorher je eine Archivkopie in den Archivordner</source>
      <translation>, each after an archive copy in the archive folder</translation>
    </message>
    <message>
      <source>Löschlauf läuft …</source>
      <translation>Deletion run in progress …</translation>
    </message>
    <message>
      <source>{done} von {total} gelöscht …</source>
      <translation>{done} of {total} erased …</translation>
    </message>
    <message>
      <source>✓ {done} von {wanted} Personen gelöscht.</source>
      <translation>✓ {done} of {wanted} persons erased.</translation>
    </message>
    <message>
      <source>1 Person war nicht mehr fällig (etwa ein neuer Fall) und ist nicht gelöscht.</source>
      <translation>1 person was no longer due (a new case, say) and was not erased.</translation>
    </message>
    <message>
      <source>{count} Personen waren nicht mehr fällig (etwa ein neuer Fall) und sind nicht gelöscht.</source>
      <translation>{count} persons were no longer due (a new case, say) and were not erased.</translation>
    </message>
    <message>
      <source>1 Person ist nicht gelöscht, weil Dateien noch nicht auf diesem Rechner angekommen sind; bitte erst abgleichen: {persons}.</source>
      <translation>1 person was not erased because files have not yet arrived on this machine; please sync first: {persons}.</translation>
    </message>
    <message>
      <source>{count} Personen sind nicht gelöscht, weil Dateien noch nicht auf diesem Rechner angekommen sind; bitte erst abgleichen: {persons}.</source>
      <translation>{count} persons were not erased because files have not yet arrived on this machine; please sync first: {persons}.</translation>
    </message>
    <message>
      <source>Der Löschlauf hat angehalten: {reason} Wer schon gelöscht ist, bleibt gelöscht; die übrigen stehen noch in der Liste.</source>
      <translation>The deletion run stopped: {reason} Whoever is erased stays erased; the others are still in the list.</translation>
    </message>
  </context>
  <context>
    <name>demo_data</name>
    <message>
      <source>Erfundene Personen werden angelegt …</source>
      <translation>Adding made-up people …</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Demo-Daten</source>
      <translation>Demo data</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <source>Fall eröffnen</source>
      <translation>Open case</translation>
    </message>
    <message>
      <source>Fall abschließen</source>
      <translation>Close case</translation>
    </message>
    <message>
      <source>Bitte einen Abschlussgrund wählen.</source>
      <translation>Please choose a reason for closing.</translation>
    </message>
    <message>
      <source>Fall wieder eröffnen</source>
      <translation>Reopen case</translation>
    </message>
    <message>
      <source>Wiedervorlage</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <source>Einwilligung oder Schweigepflichtentbindung</source>
      <translation>Consent or confidentiality waiver</translation>
    </message>
    <message>
      <source>Fall eröffnet.</source>
      <translation>Case opened.</translation>
    </message>
    <message>
      <source>Fall abgeschlossen.</source>
      <translation>Case closed.</translation>
    </message>
    <message>
      <source>Fall wieder eröffnet.</source>
      <translation>Case reopened.</translation>
    </message>
    <message>
      <source>Wiedervorlage ändern</source>
      <translation>Change follow-up</translation>
    </message>
    <message>
      <source>Wiedervorlage gespeichert.</source>
      <translation>Follow-up saved.</translation>
    </message>
    <message>
      <source>Einwilligung gespeichert.</source>
      <translation>Consent saved.</translation>
    </message>
    <message>
      <source>Bedarf neu einschätzen</source>
      <translation>Reassess need</translation>
    </message>
    <message>
      <source>Bedarf einschätzen</source>
      <translation>Assess need</translation>
    </message>
    <message>
      <source>Bedarf gespeichert.</source>
      <translation>Need saved.</translation>
    </message>
    <message>
      <source>Die neue Einschätzung löst die vom {date} ab; diese bleibt im Verlauf.</source>
      <translation>The new assessment supersedes the one of {date}, which stays in the history.</translation>
    </message>
    <message>
      <source>Ziel bearbeiten</source>
      <translation>Edit goal</translation>
    </message>
    <message>
      <source>Ziel gespeichert.</source>
      <translation>Goal saved.</translation>
    </message>
    <message>
      <source>Vermittlung gespeichert.</source>
      <translation>Referral saved.</translation>
    </message>
    <message>
      <source>Stand der Maßnahme</source>
      <translation>Status of the measure</translation>
    </message>
    <message>
      <source>Maßnahme gespeichert.</source>
      <translation>Measure saved.</translation>
    </message>
    <message>
      <source>Maßnahme:</source>
      <translation>Measure:</translation>
    </message>
    <message>
      <source>Aufenthaltsstatus gespeichert.</source>
      <translation>Residence status saved.</translation>
    </message>
    <message>
      <source>Ziel vereinbaren</source>
      <translation>Agree goal</translation>
    </message>
    <message>
      <source>Vermittlung planen</source>
      <translation>Plan referral</translation>
    </message>
    <message>
      <source>Maßnahme vereinbaren</source>
      <translation>Agree measure</translation>
    </message>
    <message>
      <source>Bitte die Partnerstelle wählen.</source>
      <translation>Please choose the partner agency.</translation>
    </message>
    <message>
      <source>Aufenthaltsstatus korrigieren</source>
      <translation>Correct residence status</translation>
    </message>
    <message>
      <source>Aufenthaltsstatus erfassen</source>
      <translation>Record residence status</translation>
    </message>
  </context>
  <context>
    <name>drafts</name>
    <message>
      <source>Nicht gespeicherte Eingaben wiederhergestellt.</source>
      <extracomment>How often an open form's input is compared with its saved draft. Opens a form again: ``(window, subject, show)``; calls ``show(form)`` once it is built (perhaps after a read), or not at all when its record is gone. The modules whose forms keep drafts (each registers its :func:`reopener` on import).</extracomment>
      <translation>Unsaved input restored.</translation>
    </message>
  </context>
  <context>
    <name>eligibility</name>
    <message>
      <source> Monate</source>
      <translation> months</translation>
    </message>
    <message>
      <source>Zeitraum in Monaten</source>
      <translation>Period in months</translation>
    </message>
    <message>
      <source>Berechtigt &amp;innerhalb von:</source>
      <translation>Eligible &amp;within:</translation>
    </message>
    <message>
      <source>Alle Regeln</source>
      <translation>All rules</translation>
    </message>
    <message>
      <source>Regel</source>
      <translation>Rule</translation>
    </message>
    <message>
      <source>&amp;Regel:</source>
      <translation>&amp;Rule:</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Stand</source>
      <translation>State</translation>
    </message>
    <message>
      <source>voraussichtlich ab</source>
      <translation>likely from</translation>
    </message>
    <message>
      <source>Fehlende Voraussetzungen</source>
      <translation>Missing conditions</translation>
    </message>
    <message>
      <source>Bald berechtigte Klient*innen</source>
      <translation>Clients soon eligible</translation>
    </message>
    <message>
      <source>(ohne Namen)</source>
      <translation>(no name)</translation>
    </message>
    <message>
      <source>—</source>
      <translation>—</translation>
    </message>
    <message>
      <source>Noch nicht erfüllt: {conditions}</source>
      <translation>Not met yet: {conditions}</translation>
    </message>
    <message>
      <source>Angaben fehlen: {conditions}</source>
      <translation>Not recorded yet: {conditions}</translation>
    </message>
    <message>
      <source>{count} Treffer im nächsten Monat</source>
      <translation>{count} matches in the next month</translation>
    </message>
    <message>
      <source>{count} Treffer in den nächsten {months} Monaten</source>
      <translation>{count} matches in the next {months} months</translation>
    </message>
    <message>
      <source>In diesem Zeitraum wird voraussichtlich niemand berechtigt.</source>
      <translation>Nobody is likely to become eligible in this period.</translation>
    </message>
  </context>
  <context>
    <name>erasure</name>
    <message>
      <source>Löschung beantragen</source>
      <translation>Request erasure</translation>
    </message>
    <message>
      <source>Löschung beantragt. Die Büroleitung entscheidet darüber.</source>
      <translation>Erasure requested. The office admin decides.</translation>
    </message>
    <message>
      <source>&amp;Beantragen</source>
      <translation>&amp;Request</translation>
    </message>
    <message>
      <source>Löschantrag ablehnen</source>
      <translation>Decline the erasure request</translation>
    </message>
    <message>
      <source>Löschantrag abgelehnt.</source>
      <translation>Erasure request declined.</translation>
    </message>
    <message>
      <source>&amp;Ablehnen</source>
      <translation>&amp;Decline</translation>
    </message>
  </context>
  <context>
    <name>first_run</name>
    <message>
      <source>Die beiden Passwörter stimmen nicht überein.</source>
      <translation>The two passwords do not match.</translation>
    </message>
    <message>
      <source>&amp;Benutzername:</source>
      <translation>&amp;User name:</translation>
    </message>
    <message>
      <source>&amp;Neues Passwort:</source>
      <translation>&amp;New password:</translation>
    </message>
    <message>
      <source>&amp;Passwort:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <source>Mindestens {minimum} Zeichen, und nicht leicht zu erraten. Am leichtesten zu merken ist ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind.</source>
      <translation>At least {minimum} characters, and not easy to guess. Easiest to remember is a sentence of four or more words that nobody would expect together and that are no known saying, song or film title.</translation>
    </message>
    <message>
      <source>Bitte einen Benutzernamen angeben.</source>
      <translation>Please enter a user name.</translation>
    </message>
    <message>
      <source>Willkommen bei KIM Desktop</source>
      <translation>Welcome to KIM Desktop</translation>
    </message>
    <message>
      <source>Legen Sie das Konto der Büro-Administration an. Alle Daten werden auf diesem Rechner verschlüsselt gespeichert; das Passwort schützt den Schlüssel.</source>
      <translation>Create the office administrator's account. All data is stored encrypted on this computer; the password protects the key.</translation>
    </message>
    <message>
      <source>&amp;Anlegen</source>
      <translation>&amp;Create</translation>
    </message>
    <message>
      <source>Ihr Wiederherstellungsschlüssel</source>
      <translation>Your recovery key</translation>
    </message>
    <message>
      <source>Er wird nur jetzt angezeigt. Drucken Sie das Blatt aus oder speichern Sie es als PDF und bewahren Sie es verschlossen auf.</source>
      <translation>It is shown only now. Print the sheet or save it as PDF, and keep it locked away.</translation>
    </message>
    <message>
      <source>Wiederherstellungsschlüssel</source>
      <translation>Recovery key</translation>
    </message>
    <message>
      <source>Als &amp;PDF speichern …</source>
      <translation>Save as &amp;PDF …</translation>
    </message>
    <message>
      <source>&amp;Drucken …</source>
      <translation>P&amp;rint …</translation>
    </message>
    <message>
      <source>Abbre&amp;chen</source>
      <translation>Cance&amp;l</translation>
    </message>
    <message>
      <source>Gespeichert: {file}</source>
      <translation>Saved: {file}</translation>
    </message>
    <message>
      <source>Wiederherstellungsblatt speichern</source>
      <translation>Save recovery sheet</translation>
    </message>
    <message>
      <source>PDF-Dateien (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <source>Abgleich mit dem Büro</source>
      <translation>Sync with the office</translation>
    </message>
    <message>
      <source>KIM Desktop arbeitet vollständig ohne Netz. Ein Sync-Server gleicht die Daten Ende-zu-Ende-verschlüsselt mit den anderen Rechnern des Büros ab.</source>
      <translation>KIM Desktop works fully without a network. A sync server keeps the data in step with the office's other computers, end-to-end encrypted.</translation>
    </message>
    <message>
      <source>&amp;Nur auf diesem Rechner arbeiten</source>
      <translation>&amp;Work on this computer only</translation>
    </message>
    <message>
      <source>Mit dem Sync-Server &amp;verbinden</source>
      <translation>&amp;Connect to the sync server</translation>
    </message>
    <message>
      <source>nur auf weiteren Rechnern des Büros</source>
      <translation>only on the office's further computers</translation>
    </message>
    <message>
      <source>Server-&amp;Adresse:</source>
      <translation>Server &amp;address:</translation>
    </message>
    <message>
      <source>Adresse und Zertifikat des Servers hat Ihre IT festgelegt.</source>
      <translation>Your IT has set the server's address and certificate.</translation>
    </message>
    <message>
      <source>Anmelde&amp;code der IT:</source>
      <translation>&amp;Enrollment code from IT:</translation>
    </message>
    <message>
      <source>Büro-Wiederherstellungs&amp;schlüssel:</source>
      <translation>Office &amp;recovery key:</translation>
    </message>
    <message>
      <source>Ich habe den Büro-Wiederherstellungsschlüssel sicher auf&amp;bewahrt.</source>
      <translation>I have &amp;stored the office recovery key safely.</translation>
    </message>
    <message>
      <source>Neuer Büro-Wiederherstellungsschlüssel</source>
      <translation>New office recovery key</translation>
    </message>
    <message>
      <source>Bitte Server-Adresse (https://…) und Anmeldecode angeben.</source>
      <translation>Please enter the server address (https://…) and the enrollment code.</translation>
    </message>
    <message>
      <source>Verbinde …</source>
      <translation>Connecting …</translation>
    </message>
    <message>
      <source>KIM Desktop einrichten</source>
      <translation>Set up KIM Desktop</translation>
    </message>
    <message>
      <source>Neues Passwort wieder&amp;holen:</source>
      <translation>&amp;Repeat new password:</translation>
    </message>
    <message>
      <source>Passwort wieder&amp;holen:</source>
      <translation>Rep&amp;eat password:</translation>
    </message>
    <message>
      <source>Ich habe den Wiederherstellungsschlüssel sicher &amp;aufbewahrt.</source>
      <translation>I have &amp;stored the recovery key safely.</translation>
    </message>
    <message>
      <source>&amp;Weiter</source>
      <translation>&amp;Next</translation>
    </message>
    <message>
      <source>&amp;Zurück</source>
      <translation>&amp;Back</translation>
    </message>
    <message>
      <source>&amp;Fertig</source>
      <translation>&amp;Finish</translation>
    </message>
    <message>
      <source>Wird angelegt …</source>
      <translation>Creating …</translation>
    </message>
  </context>
  <context>
    <name>formats</name>
    <message>
      <source>Akte {number}</source>
      <translation>File {number}</translation>
    </message>
    <message>
      <source>geb. {date}</source>
      <translation>born {date}</translation>
    </message>
  </context>
  <context>
    <name>gaps</name>
    <message>
      <source>{name} ({details}, Fall abgeschlossen)</source>
      <translation>{name} ({details}, case closed)</translation>
    </message>
    <message>
      <source>Die Beschreibung enthält vermutlich {what}. Bitte so formulieren, dass niemand erkennbar ist.</source>
      <translation>The description probably contains {what}. Please word it so that nobody can be recognised.</translation>
    </message>
    <message>
      <source>Strukturelle Fehlstelle bearbeiten</source>
      <translation>Edit structural gap</translation>
    </message>
    <message>
      <source>Strukturelle Fehlstelle erfassen</source>
      <translation>Record structural gap</translation>
    </message>
    <message>
      <source>Fehlstelle gespeichert.</source>
      <translation>Structural gap saved.</translation>
    </message>
    <message>
      <source>Fälle nach Name filtern …</source>
      <translation>Filter cases by name …</translation>
    </message>
    <message>
      <source>Fälle suchen:</source>
      <translation>Find cases:</translation>
    </message>
    <message>
      <source>Verknüpfte Fälle:</source>
      <translation>Linked cases:</translation>
    </message>
    <message>
      <source>Strukturelle Fehlstellen sind Stellen, an denen Integration immer wieder hakt. Nur die anonyme Beschreibung geht an die Koordination, und erst nach Freigabe.</source>
      <translation>Structural gaps are places where integration keeps getting stuck. Only the anonymous description goes to coordination, and only once released.</translation>
    </message>
    <message>
      <source>beobachtet</source>
      <translation>observed</translation>
    </message>
    <message>
      <source>Kategorie</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation>Field of action</translation>
    </message>
    <message>
      <source>Kommune</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <source>Fälle</source>
      <translation>Cases</translation>
    </message>
    <message>
      <source>Stand</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Beschreibung</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Noch keine strukturellen Fehlstellen erfasst.</source>
      <translation>No structural gaps recorded yet.</translation>
    </message>
    <message>
      <source>Strukturelle Fehlstellen</source>
      <translation>Structural gaps</translation>
    </message>
    <message>
      <source>Fehlstelle &amp;erfassen …</source>
      <translation>&amp;Record gap …</translation>
    </message>
    <message>
      <source>&amp;Bearbeiten …</source>
      <translation>E&amp;dit …</translation>
    </message>
    <message>
      <source>&amp;Freigeben …</source>
      <translation>Re&amp;lease …</translation>
    </message>
    <message>
      <source>freigegeben am {when}</source>
      <translation>released on {when}</translation>
    </message>
    <message>
      <source>nicht freigegeben</source>
      <translation>not released</translation>
    </message>
    <message>
      <source> und {n} weitere</source>
      <extracomment>File numbers shown per last name: enough to look the person up, no more.</extracomment>
      <translation> and {n} more</translation>
    </message>
    <message>
      <source>„{name}“ ist ein Nachname in den Akten: {files}</source>
      <translation>"{name}" is a last name in the files: {files}</translation>
    </message>
    <message>
      <source>„{fragment}“: {what}</source>
      <translation>"{fragment}": {what}</translation>
    </message>
    <message>
      <source>So kann die Beschreibung nicht freigegeben werden. Sie enthält:
{found}
Bitte unter „Bearbeiten“ anders formulieren.</source>
      <translation>The description cannot be released like this. It contains:
{found}
Please reword it under "Edit".</translation>
    </message>
    <message>
      <source>Fehlstelle freigeben</source>
      <translation>Release gap</translation>
    </message>
    <message>
      <source>Fehlstelle freigegeben.</source>
      <extracomment>A confirmation kept over a lock: whether given, and for whom.</extracomment>
      <translation>Gap released.</translation>
    </message>
    <message>
      <source>Dieser &amp;Text verlässt das Büro:</source>
      <translation>This &amp;text leaves the office:</translation>
    </message>
    <message>
      <source>{category}, {field_of_action}, {municipality}; {cases} verknüpfte Fälle (als Anzahl, ohne Personen)</source>
      <translation>{category}, {field_of_action}, {municipality}; {cases} linked cases (as a number, without persons)</translation>
    </message>
    <message>
      <source>Dazu:</source>
      <translation>With it:</translation>
    </message>
    <message>
      <source>Die Beschreibung wird mit allen Personen des Büros abgeglichen …</source>
      <translation>The description is being checked against all of the office's persons …</translation>
    </message>
    <message>
      <source>Ich &amp;bestätige: Die Beschreibung meint keine dieser Personen.</source>
      <translation>I &amp;confirm: the description does not mean any of these persons.</translation>
    </message>
    <message>
      <source>&amp;Freigeben</source>
      <translation>&amp;Release</translation>
    </message>
    <message>
      <source>Keine personenbezogenen Angaben aus den Akten gefunden.</source>
      <translation>No personal data from the files found.</translation>
    </message>
  </context>
  <context>
    <name>household</name>
    <message>
      <source>Person im Haushalt bearbeiten</source>
      <translation>Edit household member</translation>
    </message>
    <message>
      <source>Person im Haushalt hinzufügen</source>
      <translation>Add household member</translation>
    </message>
    <message>
      <source>Haushalt gespeichert.</source>
      <translation>Household saved.</translation>
    </message>
    <message>
      <source>Beziehung</source>
      <translation>Relation</translation>
    </message>
    <message>
      <source>Vorname</source>
      <translation>First name</translation>
    </message>
    <message>
      <source>Geburtsdatum</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <source>Alter</source>
      <translation>Age</translation>
    </message>
    <message>
      <source>ledig</source>
      <translation>unmarried</translation>
    </message>
    <message>
      <source>Schule</source>
      <translation>school</translation>
    </message>
    <message>
      <source>Niemand im Haushalt erfasst.</source>
      <translation>No household members recorded.</translation>
    </message>
    <message>
      <source>Haushalt</source>
      <translation>Household</translation>
    </message>
    <message>
      <source>Person im Haushalt hin&amp;zufügen …</source>
      <translation>Add household &amp;member …</translation>
    </message>
    <message>
      <source>Person im Haushalt &amp;ändern …</source>
      <translation>Ch&amp;ange household member …</translation>
    </message>
    <message>
      <source>Aus dem Haushalt en&amp;tfernen …</source>
      <translation>Remove from househo&amp;ld …</translation>
    </message>
    <message>
      <source>Aus dem Haushalt entfernen</source>
      <translation>Remove from household</translation>
    </message>
    <message>
      <source>{who} aus dem Haushalt entfernen? Der Eintrag bleibt im Protokoll.</source>
      <translation>Remove {who} from the household? The entry stays in the audit log.</translation>
    </message>
    <message>
      <source>Entfernen</source>
      <translation>Remove</translation>
    </message>
  </context>
  <context>
    <name>lists</name>
    <message>
      <source>unbekannt</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>ja</source>
      <translation>yes</translation>
    </message>
    <message>
      <source>nein</source>
      <translation>no</translation>
    </message>
  </context>
  <context>
    <name>main_window</name>
    <message>
      <source>Bereiche</source>
      <translation>Sections</translation>
    </message>
    <message>
      <source>Pr&amp;otokoll</source>
      <translation>Audit l&amp;og</translation>
    </message>
    <message>
      <source>&amp;Löschlauf</source>
      <translation>&amp;Deletion run</translation>
    </message>
    <message>
      <source>&amp;Start</source>
      <translation>&amp;Start</translation>
    </message>
    <message>
      <source>&amp;Klient*innen</source>
      <translation>&amp;Clients</translation>
    </message>
    <message>
      <source>Strukturelle &amp;Fehlstellen</source>
      <translation>Structural &amp;gaps</translation>
    </message>
    <message>
      <source>S&amp;tatistik</source>
      <translation>S&amp;tatistics</translation>
    </message>
    <message>
      <source>&amp;Einstellungen</source>
      <translation>Sett&amp;ings</translation>
    </message>
    <message>
      <source>&amp;Bald berechtigt</source>
      <translation>Soon &amp;eligible</translation>
    </message>
    <message>
      <source>KIM Desktop – {user}</source>
      <translation>KIM Desktop – {user}</translation>
    </message>
    <message>
      <source>&amp;Datei</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>Neuer &amp;Beratungskontakt …</source>
      <translation>New &amp;consultation …</translation>
    </message>
    <message>
      <source>Neue &amp;Person …</source>
      <translation>New &amp;person …</translation>
    </message>
    <message>
      <source>Jetzt s&amp;ynchronisieren</source>
      <translation>S&amp;ync now</translation>
    </message>
    <message>
      <source>Berichtsdaten erneut s&amp;enden …</source>
      <translation>R&amp;esend report data …</translation>
    </message>
    <message>
      <source>Export für die Datenbank &amp;KIM …</source>
      <translation>Export for the Datenbank &amp;KIM …</translation>
    </message>
    <message>
      <source>&amp;Sperren</source>
      <translation>&amp;Lock</translation>
    </message>
    <message>
      <source>Bee&amp;nden</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>Klient*innen s&amp;uchen</source>
      <translation>Sea&amp;rch clients</translation>
    </message>
    <message>
      <source>Über &amp;KIM Desktop</source>
      <translation>&amp;About KIM Desktop</translation>
    </message>
    <message>
      <source>&amp;Ansicht</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>Akte s&amp;chließen</source>
      <translation>C&amp;lose file</translation>
    </message>
    <message>
      <source>&amp;Hilfe</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>Erklärung zur &amp;Barrierefreiheit …</source>
      <translation>Accessibility &amp;statement …</translation>
    </message>
    <message>
      <source>Dieses Gerät ist mit keinem Sync-Server verbunden.</source>
      <translation>This device is not connected to a sync server.</translation>
    </message>
    <message>
      <source>Berichtsdaten erneut senden</source>
      <translation>Resend report data</translation>
    </message>
    <message>
      <source>Der Sync-Server löscht alle Berichtsdaten dieses Büros (Auswertungsangaben und freigegebene Fehlstellen) und erhält sie neu von diesem Gerät. So werden falsche Angaben eines fehlerhaften Geräts entfernt. Die Koordination sieht bis zum Ende des Abgleichs weniger Zahlen.</source>
      <translation>The sync server deletes all report data of this office (report facts and released gaps) and receives them anew from this device. This removes wrong data a faulty device sent. Until the sync has finished, coordination sees fewer figures.</translation>
    </message>
    <message>
      <source>Erneut senden</source>
      <translation>Resend</translation>
    </message>
    <message>
      <source>Akte</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Über KIM Desktop</source>
      <translation>About KIM Desktop</translation>
    </message>
    <message>
      <source>KIM Desktop {version}
Fallmanagement im Kommunalen Integrationsmanagement.</source>
      <translation>KIM Desktop {version}
Case management for Kommunales Integrationsmanagement.</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>Die Datei konnte nicht gelesen oder geschrieben werden.</source>
      <translation>The file could not be read or written.</translation>
    </message>
    <message>
      <source>Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherten Daten sind nicht betroffen.</source>
      <translation>An unexpected error occurred. Your saved data is not affected.</translation>
    </message>
    <message>
      <source>KIM Desktop</source>
      <translation>KIM Desktop</translation>
    </message>
  </context>
  <context>
    <name>office_contacts</name>
    <message>
      <source>Datenschutz</source>
      <translation>Data protection</translation>
    </message>
    <message>
      <source>Die Auskunft nach Art. 15 DSGVO nennt die verantwortliche Stelle und die oder den Datenschutzbeauftragten; ohne beide wird sie nicht erstellt.</source>
      <translation>The information under Art. 15 GDPR names the controller and the data protection officer; without both it is not created.</translation>
    </message>
    <message>
      <source>&amp;Verantwortliche Stelle mit Anschrift:</source>
      <translation>Controller with address (responsible &amp;body):</translation>
    </message>
    <message>
      <source>Kontakt der Stelle (Telefon, E-&amp;Mail):</source>
      <translation>Controller's contact (phone, e-&amp;mail):</translation>
    </message>
    <message>
      <source>Datenschutzbeauftra&amp;gte*r mit Anschrift:</source>
      <translation>Data protection &amp;officer with address:</translation>
    </message>
    <message>
      <source>Kontakt der/des Beauftragten (&amp;Post, Telefon, E-Mail):</source>
      <translation>Officer's contact (&amp;post, phone, e-mail):</translation>
    </message>
    <message>
      <source>Datenschutzangaben &amp;übernehmen</source>
      <translation>Save &amp;GDPR details</translation>
    </message>
    <message>
      <source>Die Angaben konnten nicht gespeichert werden: {reason}</source>
      <translation>The details could not be saved: {reason}</translation>
    </message>
    <message>
      <source>Gespeichert.</source>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>Gespeichert. Solange verantwortliche Stelle oder Datenschutzbeauftragte*r fehlen, wird keine Auskunft erstellt.</source>
      <translation>Saved. While the controller or the data protection officer is missing, no information under Art. 15 is created.</translation>
    </message>
  </context>
  <context>
    <name>office_export</name>
    <message>
      <source>Export für die Datenbank KIM</source>
      <translation>Export for the Datenbank KIM</translation>
    </message>
    <message>
      <source>Export für die Datenbank KIM gespeichert.</source>
      <translation>Export for the Datenbank KIM saved.</translation>
    </message>
    <message>
      <source>E&amp;xportieren</source>
      <translation>E&amp;xport</translation>
    </message>
    <message>
      <source>CSV mit Schema-Datei</source>
      <translation>CSV with a schema file</translation>
    </message>
    <message>
      <source>JSON</source>
      <translation>JSON</translation>
    </message>
    <message>
      <source>Ordner für die Dateien</source>
      <translation>Folder for the files</translation>
    </message>
    <message>
      <source>mit Namen und Geburtsdatum (bewusste Ausnahme)</source>
      <translation>with names and birth dates (a deliberate exception)</translation>
    </message>
    <message>
      <source>Pseudonyme verknüpfbar: in jedem solchen Export gleich</source>
      <translation>Linkable pseudonyms: the same in every such export</translation>
    </message>
    <message>
      <source>&amp;Von:</source>
      <translation>Fr&amp;om:</translation>
    </message>
    <message>
      <source>&amp;Bis:</source>
      <translation>&amp;To:</translation>
    </message>
    <message>
      <source>&amp;Format:</source>
      <translation>&amp;Format:</translation>
    </message>
    <message>
      <source>&amp;Ordner:</source>
      <translation>Fol&amp;der:</translation>
    </message>
    <message>
      <source>Die Dateien enthalten dann Namen und Geburtsdaten und sind nicht verschlüsselt. Bitte nur über einen sicheren Weg weitergeben und danach löschen; der Export wird protokolliert.</source>
      <translation>The files then hold names and birth dates and are not encrypted. Please pass them on only by a secure way and delete them afterwards; the export is logged.</translation>
    </message>
    <message>
      <source>Bitte den Zeitraum angeben.</source>
      <translation>Please give the period.</translation>
    </message>
    <message>
      <source>Bitte einen vorhandenen Ordner angeben.</source>
      <translation>Please give an existing folder.</translation>
    </message>
  </context>
  <context>
    <name>phase</name>
    <message>
      <source>kein offener Fall</source>
      <translation>no open case</translation>
    </message>
    <message>
      <source>Phase wechseln</source>
      <translation>Change phase</translation>
    </message>
    <message>
      <source>Phase gewechselt.</source>
      <translation>Phase changed.</translation>
    </message>
    <message>
      <source>Bisher:</source>
      <translation>So far:</translation>
    </message>
    <message>
      <source>Fall eröffnet ({phase})</source>
      <translation>Case opened ({phase})</translation>
    </message>
    <message>
      <source>Fall abgeschlossen</source>
      <translation>Case closed</translation>
    </message>
    <message>
      <source>{before} → {after}</source>
      <translation>{before} → {after}</translation>
    </message>
    <message>
      <source>am</source>
      <translation>on</translation>
    </message>
    <message>
      <source>Wer</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>Schritt</source>
      <translation>Step</translation>
    </message>
    <message>
      <source>Art</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Grund</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Noch kein Fall eröffnet.</source>
      <translation>No case opened yet.</translation>
    </message>
    <message>
      <source>Phasenverlauf</source>
      <translation>Phase history</translation>
    </message>
  </context>
  <context>
    <name>precheck</name>
    <message>
      <source>erfüllt</source>
      <translation>met</translation>
    </message>
    <message>
      <source>nicht erfüllt</source>
      <translation>not met</translation>
    </message>
    <message>
      <source>offen (Angabe fehlt)</source>
      <translation>open (information missing)</translation>
    </message>
    <message>
      <source>Stand {date}</source>
      <translation>as of {date}</translation>
    </message>
    <message>
      <source>Angaben für die Vorprüfung</source>
      <translation>Facts for the pre-check</translation>
    </message>
    <message>
      <source>An&amp;gaben bearbeiten …</source>
      <translation>Edit &amp;facts …</translation>
    </message>
    <message>
      <source>Vermittlung an A&amp;usländerbehörde vorbereiten …</source>
      <translation>Prepare referral to the imm&amp;igration office …</translation>
    </message>
    <message>
      <source>Vermittlung an Ei&amp;nbürgerungsbehörde vorbereiten …</source>
      <translation>Prepare referral to the naturalisation &amp;office …</translation>
    </message>
    <message>
      <source>Regel / Voraussetzung</source>
      <translation>Rule / condition</translation>
    </message>
    <message>
      <source>Stand</source>
      <translation>State</translation>
    </message>
    <message>
      <source>voraussichtlich ab</source>
      <translation>likely from</translation>
    </message>
    <message>
      <source>Erläuterung</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <source>Vorprüfung</source>
      <translation>Pre-check</translation>
    </message>
    <message>
      <source>Erläuterung der gewählten Zeile</source>
      <translation>Explanation of the chosen row</translation>
    </message>
    <message>
      <source>Im Katalog der Partnerstellen fehlt eine passende Behörde.</source>
      <translation>The catalog of partner agencies has no matching authority.</translation>
    </message>
    <message>
      <source>Hinweis</source>
      <translation>Notice</translation>
    </message>
    <message>
      <source>Vermittlung vorbereiten</source>
      <translation>Prepare referral</translation>
    </message>
    <message>
      <source>Stelle:</source>
      <translation>Agency:</translation>
    </message>
    <message>
      <source>heute</source>
      <translation>today</translation>
    </message>
    <message>
      <source>Geplant am:</source>
      <translation>Planned on:</translation>
    </message>
    <message>
      <source>&amp;Anliegen:</source>
      <translation>&amp;Request:</translation>
    </message>
    <message>
      <source>Vorprüfung ohne Rechtswirkung: Sie ersetzt weder die Prüfung und Entscheidung der zuständigen Behörde noch eine Rechtsberatung. Maßgeblich sind Gesetz und Einzelfall.</source>
      <translation>Pre-check without legal effect: it replaces neither the examination and decision of the competent authority nor legal advice. The law and the individual case are decisive.</translation>
    </message>
  </context>
  <context>
    <name>recovery_sheet</name>
    <message>
      <source>KIM Desktop – Wiederherstellungsblatt</source>
      <translation>KIM Desktop – recovery sheet</translation>
    </message>
    <message>
      <source>Erstellt am {date} für das Konto {user}.</source>
      <translation>Made on {date} for the account {user}.</translation>
    </message>
    <message>
      <source>Wiederherstellungsschlüssel:</source>
      <translation>Recovery key:</translation>
    </message>
    <message>
      <source>Mit diesem Schlüssel lässt sich ein vergessenes Passwort ersetzen und ein neuer Rechner dem Büro hinzufügen. Bewahren Sie das Blatt verschlossen auf, getrennt vom Rechner. Wer den Schlüssel hat, kann alle Daten dieses Büros lesen.</source>
      <translation>With this key a forgotten password can be replaced and a new computer can join the office. Keep the sheet locked away, apart from the computer. Whoever has the key can read all of this office's data.</translation>
    </message>
  </context>
  <context>
    <name>referrals</name>
    <message>
      <source>Vermittlung senden</source>
      <translation>Send referral</translation>
    </message>
    <message>
      <source>Vermittlung als gesendet gespeichert.</source>
      <translation>Referral saved as sent.</translation>
    </message>
    <message>
      <source>Als gesendet &amp;speichern</source>
      <translation>&amp;Save as sent</translation>
    </message>
    <message>
      <source>Stelle:</source>
      <translation>Agency:</translation>
    </message>
    <message>
      <source>, gültig bis {date}</source>
      <translation>, valid until {date}</translation>
    </message>
    <message>
      <source>✓ Eine Schweigepflichtentbindung für diese Stelle liegt vor (erteilt am {granted}{until}).</source>
      <translation>✓ There is a confidentiality waiver for this agency (granted on {granted}{until}).</translation>
    </message>
    <message>
      <source>⚠ Für diese Stelle liegt am {date} keine gültige Schweigepflichtentbindung vor. Ohne sie darf die Vermittlung nur mit einer dokumentierten Begründung gesendet werden, etwa bei Gefahr im Verzug. Besser ist meist, zuerst die Schweigepflichtentbindung einzuholen und zu erfassen.</source>
      <translation>⚠ On {date} there is no valid confidentiality waiver for this agency. Without one, the referral may only be sent with a documented reason, for instance when there is imminent danger. It is usually better to obtain and record the waiver first.</translation>
    </message>
    <message>
      <source>Bitte begründen, warum ohne Schweigepflichtentbindung gesendet wird.</source>
      <translation>Please state why it is sent without a confidentiality waiver.</translation>
    </message>
    <message>
      <source>Vermittlung gespeichert.</source>
      <translation>Referral saved.</translation>
    </message>
    <message>
      <source>Vermittlung angenommen</source>
      <translation>Referral accepted</translation>
    </message>
    <message>
      <source>Als angenommen &amp;speichern</source>
      <translation>&amp;Save as accepted</translation>
    </message>
    <message>
      <source>Vermittlung abgelehnt</source>
      <translation>Referral declined</translation>
    </message>
    <message>
      <source>Als abgelehnt &amp;speichern</source>
      <translation>&amp;Save as declined</translation>
    </message>
    <message>
      <source>Vermittlung abgeschlossen</source>
      <translation>Referral completed</translation>
    </message>
    <message>
      <source>Als abgeschlossen &amp;speichern</source>
      <translation>&amp;Save as completed</translation>
    </message>
    <message>
      <source>Vermittlung abbrechen</source>
      <translation>Cancel referral</translation>
    </message>
    <message>
      <source>Als abgebrochen &amp;speichern</source>
      <translation>&amp;Save as cancelled</translation>
    </message>
  </context>
  <context>
    <name>rejected</name>
    <message>
      <source>Abgelehnte Änderungen</source>
      <extracomment>The reason as the sync client words it (German; translated when shown).</extracomment>
      <translation>Rejected changes</translation>
    </message>
    <message>
      <source>Der Sync-Server hat diese Änderungen nicht angenommen. Sie bleiben auf diesem Rechner gespeichert, bis Sie sie erneut senden oder verwerfen.</source>
      <translation>The sync server did not accept these changes. They stay saved on this computer until you send them again or discard them.</translation>
    </message>
    <message>
      <source>Keine abgelehnten Änderungen.</source>
      <translation>No rejected changes.</translation>
    </message>
    <message>
      <source>&amp;Erneut senden</source>
      <translation>S&amp;end again</translation>
    </message>
    <message>
      <source>&amp;Verwerfen …</source>
      <translation>&amp;Discard …</translation>
    </message>
    <message>
      <source>&amp;Schließen</source>
      <translation>&amp;Close</translation>
    </message>
    <message>
      <source>{kind}, abgelehnt {when}
{reason}</source>
      <translation>{kind}, rejected {when}
{reason}</translation>
    </message>
    <message>
      <source>Änderung verwerfen</source>
      <translation>Discard change</translation>
    </message>
    <message>
      <source>Die Änderung dieses Rechners an diesem Datensatz wird verworfen: Er erhält wieder den Stand des Büros, oder er wird hier entfernt, wenn der Server ihn nie angenommen hat. Das lässt sich nicht rückgängig machen und wird im Protokoll vermerkt.</source>
      <translation>This computer's change to this record is discarded: the record returns to the office's version, or is removed here if the server never accepted it. This cannot be undone and is noted in the audit log.</translation>
    </message>
    <message>
      <source>Verwerfen</source>
      <translation>Discard</translation>
    </message>
  </context>
  <context>
    <name>restore</name>
    <message>
      <source>Die Sicherung ist zurückgespielt. Bitte melden Sie sich mit einem Passwort vom Zeitpunkt der Sicherung an.</source>
      <extracomment>The main window is shown (argument: the window). The client files open at the lock (ids, in tab order) and the tab shown, to open again when the same user unlocks; in memory only.</extracomment>
      <translation>The backup is restored. Please sign in with a password from the time of the backup.</translation>
    </message>
    <message>
      <source>Die Datenbank dieses Rechners wird durch die Sicherung ersetzt. Was hier seit der Sicherung erfasst und noch nicht an den Sync-Server gegangen ist, fehlt danach; die bisherigen Dateien bleiben im Unterordner {folder}. Passwörter und Benutzer*innen sind danach die vom Zeitpunkt der Sicherung. Was dieser Rechner seit der Sicherung an den Sync-Server gesendet hat, holt er beim nächsten Abgleich zurück. Wer nach der Sicherung gelöscht wurde, wird bei der nächsten Anmeldung erneut gelöscht.</source>
      <translation>This computer's database is replaced by the backup. What was recorded here since the backup and has not yet reached the sync server is missing afterwards; the files of before stay in the subfolder {folder}. Passwords and users are those of the time of the backup. What this computer has sent to the sync server since the backup, it fetches back at the next sync. Whoever was erased after the backup is erased again at the next sign-in.</translation>
    </message>
    <message>
      <source>1 Person, die nach der zurückgespielten Sicherung gelöscht worden war, ist erneut gelöscht.</source>
      <translation>1 person who had been erased after the restored backup is erased again.</translation>
    </message>
    <message>
      <source>{count} Personen, die nach der zurückgespielten Sicherung gelöscht worden waren, sind erneut gelöscht.</source>
      <translation>{count} persons who had been erased after the restored backup are erased again.</translation>
    </message>
    <message>
      <source>Sicherung zurückspielen</source>
      <translation>Restore a backup</translation>
    </message>
    <message>
      <source>Pfad der Sicherungsdatei</source>
      <translation>Path of the backup file</translation>
    </message>
    <message>
      <source>&amp;Durchsuchen …</source>
      <translation>&amp;Browse …</translation>
    </message>
    <message>
      <source>Sicherungs&amp;datei:</source>
      <translation>Backup &amp;file:</translation>
    </message>
    <message>
      <source>&amp;Zurückspielen …</source>
      <translation>&amp;Restore …</translation>
    </message>
    <message>
      <source>Sicherung wählen</source>
      <translation>Choose a backup</translation>
    </message>
    <message>
      <source>KIM-Sicherungen (*.kimbackup *.tar);;Alle Dateien (*)</source>
      <translation>KIM backups (*.kimbackup *.tar);;All files (*)</translation>
    </message>
    <message>
      <source>Bitte die Sicherungsdatei wählen.</source>
      <translation>Please choose the backup file.</translation>
    </message>
    <message>
      <source>Die Sicherung wird geprüft …</source>
      <translation>Checking the backup …</translation>
    </message>
    <message>
      <source>Die Sicherung ist in Ordnung. Jetzt zurückspielen? Das Programm schließt dafür alle Fenster; danach melden Sie sich mit einem Passwort vom Zeitpunkt der Sicherung an.</source>
      <translation>The backup is in order. Restore it now? The program closes every window for it; then sign in with a password from the time of the backup.</translation>
    </message>
    <message>
      <source>Zurückspielen</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>Die Sicherung wird zurückgespielt …</source>
      <translation>Restoring the backup …</translation>
    </message>
  </context>
  <context>
    <name>settings_page</name>
    <message>
      <source> Minute</source>
      <translation> minute</translation>
    </message>
    <message>
      <source> Minuten</source>
      <translation> minutes</translation>
    </message>
    <message>
      <source>Au&amp;tomatisch abgleichen</source>
      <translation>Sync &amp;automatically</translation>
    </message>
    <message>
      <source>&amp;Sprache / Language:</source>
      <translation>&amp;Sprache / Language:</translation>
    </message>
    <message>
      <source>Sperren nach &amp;Inaktivität:</source>
      <translation>Lock after &amp;inactivity:</translation>
    </message>
    <message>
      <source>Abgleich a&amp;lle:</source>
      <translation>Sync &amp;every:</translation>
    </message>
    <message>
      <source> Tag</source>
      <translation> day</translation>
    </message>
    <message>
      <source> Tagen</source>
      <translation> days</translation>
    </message>
    <message>
      <source>An Vermittlung ohne Ant&amp;wort erinnern nach:</source>
      <translation>&amp;Days until an unanswered referral reminds:</translation>
    </message>
    <message>
      <source>Einstellungen gelten für diesen Rechner. Sie enthalten keine personenbezogenen Daten; diese liegen nur in der verschlüsselten Datenbank.</source>
      <translation>Settings apply to this computer. They hold no personal data; that lives only in the encrypted database.</translation>
    </message>
    <message>
      <source>Erfundene Personen &amp;hinzufügen (100) …</source>
      <translation>&amp;Add made-up people (100) …</translation>
    </message>
  </context>
  <context>
    <name>start</name>
    <message>
      <source>fällig</source>
      <extracomment>How far ahead the start page lists follow-ups coming up. The most follow-ups of one group the start page reads. Referrals sent long enough ago without an answer (the latest first, as the overdue follow-ups), with the person's name.</extracomment>
      <translation>due</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Worum</source>
      <translation>About</translation>
    </message>
    <message>
      <source>Wiedervorlagen</source>
      <translation>Follow-ups</translation>
    </message>
    <message>
      <source>Heute ({count})</source>
      <translation>Today ({count})</translation>
    </message>
    <message>
      <source>Überfällig ({count})</source>
      <translation>Overdue ({count})</translation>
    </message>
    <message>
      <source>seit {date}</source>
      <translation>since {date}</translation>
    </message>
    <message>
      <source>Demnächst ({count})</source>
      <translation>Coming up ({count})</translation>
    </message>
    <message>
      <source>Vermittlungen ohne Antwort ({count})</source>
      <translation>Referrals without an answer ({count})</translation>
    </message>
    <message>
      <source>gesendet {date}</source>
      <translation>sent {date}</translation>
    </message>
    <message>
      <source>keine Antwort von {agency}</source>
      <translation>no answer from {agency}</translation>
    </message>
    <message>
      <source>Für die Büroleitung</source>
      <translation>For the office admin</translation>
    </message>
    <message>
      <source>&amp;Zum Löschlauf</source>
      <translation>To the &amp;deletion run</translation>
    </message>
    <message>
      <source>Beantragt am</source>
      <translation>Requested on</translation>
    </message>
    <message>
      <source>von</source>
      <translation>by</translation>
    </message>
    <message>
      <source>Grund</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Keine Löschanträge.</source>
      <translation>No erasure requests.</translation>
    </message>
    <message>
      <source>Löschanträge</source>
      <translation>Erasure requests</translation>
    </message>
    <message>
      <source>&amp;Genehmigen und löschen …</source>
      <translation>A&amp;pprove and erase …</translation>
    </message>
    <message>
      <source>Ablehne&amp;n …</source>
      <translation>Decli&amp;ne …</translation>
    </message>
    <message>
      <source>Zur Löschung fällig nach den Aufbewahrungsfristen: 1 Person.</source>
      <translation>Due for erasure under the retention periods: 1 person.</translation>
    </message>
    <message>
      <source>Zur Löschung fällig nach den Aufbewahrungsfristen: {count} Personen.</source>
      <translation>Due for erasure under the retention periods: {count} persons.</translation>
    </message>
    <message>
      <source>Niemand ist zur Löschung fällig.</source>
      <translation>No one is due for erasure.</translation>
    </message>
    <message>
      <source>{name} wird auf Antrag von {user} gelöscht.</source>
      <translation>{name} will be erased at the request of {user}.</translation>
    </message>
    <message>
      <source>&amp;Meine</source>
      <translation>&amp;Mine</translation>
    </message>
    <message>
      <source>A&amp;lle</source>
      <translation>A&amp;ll</translation>
    </message>
    <message>
      <source>Wiedervorlagen: {whose}</source>
      <translation>Follow-ups: {whose}</translation>
    </message>
    <message>
      <source>Wann</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Art</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Noch keine Beratungskontakte. Strg+N erfasst den ersten.</source>
      <translation>No consultations yet. Ctrl+N records the first one.</translation>
    </message>
    <message>
      <source>Letzte Beratungskontakte</source>
      <translation>Latest consultations</translation>
    </message>
    <message>
      <source>&lt;b&gt;Letzte Beratungskontakte&lt;/b&gt;</source>
      <translation>&lt;b&gt;Latest consultations&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Guten Tag, {user}. Heute fällig: {today}, überfällig: {overdue}.</source>
      <translation>Hello, {user}. Due today: {today}, overdue: {overdue}.</translation>
    </message>
    <message>
      <source>heute</source>
      <translation>today</translation>
    </message>
    <message>
      <source>&lt;b&gt;Wiedervorlagen&lt;/b&gt;</source>
      <translation>&lt;b&gt;Follow-ups&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Abgleich: {state}</source>
      <translation>Sync: {state}</translation>
    </message>
    <message>
      <source>Offene Konflikte: {count} …</source>
      <translation>Open conflicts: {count} …</translation>
    </message>
  </context>
  <context>
    <name>statistics</name>
    <message>
      <source>nur &amp;meine Fälle</source>
      <translation>only &amp;my cases</translation>
    </message>
    <message>
      <source>&amp;Von:</source>
      <translation>Fr&amp;om:</translation>
    </message>
    <message>
      <source>&amp;Bis:</source>
      <translation>&amp;Until:</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Phase</translation>
    </message>
    <message>
      <source>offene Fälle</source>
      <translation>open cases</translation>
    </message>
    <message>
      <source>Keine offenen Fälle.</source>
      <translation>No open cases.</translation>
    </message>
    <message>
      <source>Offene Fälle nach Phase</source>
      <translation>Open cases by phase</translation>
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation>Field of action</translation>
    </message>
    <message>
      <source>Kontakte</source>
      <translation>Consultations</translation>
    </message>
    <message>
      <source>Keine Beratungskontakte im Zeitraum.</source>
      <translation>No consultations in the period.</translation>
    </message>
    <message>
      <source>Beratungskontakte nach Handlungsfeld</source>
      <translation>Consultations by field of action</translation>
    </message>
    <message>
      <source>Monat</source>
      <translation>Month</translation>
    </message>
    <message>
      <source>Minuten</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <source>Fälle eröffnet</source>
      <translation>Cases opened</translation>
    </message>
    <message>
      <source>Fälle abgeschlossen</source>
      <translation>Cases closed</translation>
    </message>
    <message>
      <source>Keine Daten im Zeitraum.</source>
      <translation>No data in the period.</translation>
    </message>
    <message>
      <source>Verlauf nach Monat</source>
      <translation>By month</translation>
    </message>
    <message>
      <source>{consultations} mit zusammen {hours} Stunden im Zeitraum; {open}.</source>
      <translation>{consultations} with {hours} hours in all in the period; {open}.</translation>
    </message>
    <message>
      <source>1 Beratungskontakt</source>
      <translation>1 consultation</translation>
    </message>
    <message>
      <source>{count} Beratungskontakte</source>
      <translation>{count} consultations</translation>
    </message>
    <message>
      <source>1 offener Fall</source>
      <translation>1 open case</translation>
    </message>
    <message>
      <source>{count} offene Fälle</source>
      <translation>{count} open cases</translation>
    </message>
  </context>
  <context>
    <name>sync_status</name>
    <message>
      <source>Jetzt s&amp;ynchronisieren</source>
      <translation>S&amp;ync now</translation>
    </message>
    <message>
      <source>Konflikte: {count} …</source>
      <translation>Conflicts: {count} …</translation>
    </message>
    <message>
      <source>Kein Sync-Server eingerichtet: Dieses Büro arbeitet nur lokal.</source>
      <translation>No sync server set up: this office works locally only.</translation>
    </message>
    <message>
      <source>Nur lokal – kein Sync-Server eingerichtet</source>
      <translation>Local only – no sync server set up</translation>
    </message>
    <message>
      <source>Gerät gesperrt: {reason}</source>
      <translation>Device revoked: {reason}</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>Online</translation>
    </message>
    <message>
      <source>Offline</source>
      <translation>Offline</translation>
    </message>
    <message>
      <source>letzter Abgleich {when}</source>
      <translation>last sync {when}</translation>
    </message>
    <message>
      <source>noch nie abgeglichen</source>
      <translation>never synced</translation>
    </message>
    <message>
      <source>Anhänge werden noch geladen: {count}</source>
      <translation>Attachments still loading: {count}</translation>
    </message>
    <message>
      <source>{count} Anhänge kommen nicht vom Sync-Server an; jeder Abgleich versucht es erneut, der Grund steht beim Anhang</source>
      <translation>{count} attachments do not arrive from the sync server; every sync tries again, the reason is shown with the attachment</translation>
    </message>
    <message>
      <source>1 Datensatz vom Server lässt sich nicht öffnen und wird bei jedem Abgleich erneut versucht; bitte den Büro-Wiederherstellungsschlüssel prüfen oder KIM aktualisieren</source>
      <translation>1 record from the server does not open and is tried again at every sync; please check the office recovery key or update KIM</translation>
    </message>
    <message>
      <source>{count} Datensätze vom Server lassen sich nicht öffnen und werden bei jedem Abgleich erneut versucht; bitte den Büro-Wiederherstellungsschlüssel prüfen oder KIM aktualisieren</source>
      <translation>{count} records from the server cannot be opened and are retried at every sync; please check the office recovery key or update KIM</translation>
    </message>
    <message>
      <source>1 eigene Änderung wartet auf ein Update von KIM: eine neuere Fassung vom Server lässt sich hier nicht öffnen; nichts geht verloren, nach dem Update wird beides zusammengeführt</source>
      <translation>1 change of your own waits for an update of KIM: a newer version from the server cannot be opened here; nothing is lost, both are merged after the update</translation>
    </message>
    <message>
      <source>{count} eigene Änderungen warten auf ein Update von KIM: neuere Fassungen vom Server lassen sich hier nicht öffnen; nichts geht verloren, nach dem Update wird beides zusammengeführt</source>
      <translation>{count} changes of your own wait for an update of KIM: newer versions from the server cannot be opened here; nothing is lost, both are merged after the update</translation>
    </message>
    <message>
      <source>1 Auswertungsangabe hat der Server abgelehnt (unbekannter Code oder eine Kommune, die das Büro dort nicht betreut); bitte die IT informieren</source>
      <translation>The server refused 1 report fact (an unknown code or a municipality the office does not serve there); please tell IT</translation>
    </message>
    <message>
      <source>{count} Auswertungsangaben hat der Server abgelehnt (unbekannter Code oder eine Kommune, die das Büro dort nicht betreut); bitte die IT informieren</source>
      <translation>{count} report entries were refused by the server (an unknown code or a municipality the office is not registered for there); please tell IT</translation>
    </message>
    <message>
      <source>Abgleich: Stand wird gelesen …</source>
      <translation>Sync: reading state …</translation>
    </message>
    <message>
      <source>Abgleich &amp;abbrechen</source>
      <translation>&amp;Cancel sync</translation>
    </message>
    <message>
      <source>Nicht abgeglichene Änderungen: {count}</source>
      <translation>Changes not yet synced: {count}</translation>
    </message>
    <message>
      <source>Abgelehnt: {count} …</source>
      <translation>Rejected: {count} …</translation>
    </message>
    <message>
      <source>Sende Anhänge … {done} von {total}</source>
      <translation>Sending attachments … {done} of {total}</translation>
    </message>
    <message>
      <source>Lade Anhänge … {done} von {total}</source>
      <translation>Fetching attachments … {done} of {total}</translation>
    </message>
    <message>
      <source>Sende Änderungen … {done}</source>
      <translation>Sending changes … {done}</translation>
    </message>
    <message>
      <source>Hole Änderungen … {done}</source>
      <translation>Fetching changes … {done}</translation>
    </message>
    <message>
      <source>Sende Auswertungsdaten … {done}</source>
      <translation>Sending report data … {done}</translation>
    </message>
    <message>
      <source>Abgleich läuft …</source>
      <translation>Sync running …</translation>
    </message>
  </context>
  <context>
    <name>unlock</name>
    <message>
      <source>KIM Desktop – Entsperren</source>
      <translation>KIM Desktop – unlock</translation>
    </message>
    <message>
      <source>Fallmanagement im Kommunalen Integrationsmanagement. Bitte melden Sie sich an.</source>
      <translation>Case management for Kommunales Integrationsmanagement. Please sign in.</translation>
    </message>
    <message>
      <source>&amp;Benutzername:</source>
      <translation>User &amp;name:</translation>
    </message>
    <message>
      <source>&amp;Passwort:</source>
      <translation>&amp;Password:</translation>
    </message>
    <message>
      <source>&amp;Entsperren</source>
      <translation>&amp;Unlock</translation>
    </message>
    <message>
      <source>Passwort &amp;vergessen …</source>
      <translation>&amp;Forgot password …</translation>
    </message>
    <message>
      <source>Been&amp;den</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>Bitte Benutzername und Passwort eingeben.</source>
      <translation>Please enter user name and password.</translation>
    </message>
    <message>
      <source>Wird entsperrt …</source>
      <translation>Unlocking …</translation>
    </message>
    <message>
      <source>Zum Schutz vor dem Erraten von Passwörtern wartet KIM Desktop nach Fehlversuchen kurz. Nächster Versuch in {seconds} s.</source>
      <translation>To guard against password guessing, KIM Desktop waits briefly after failed attempts. Next try in {seconds} s.</translation>
    </message>
    <message>
      <source>Passwort vergessen</source>
      <translation>Forgot password</translation>
    </message>
    <message>
      <source>Geben Sie den Wiederherstellungsschlüssel vom Wiederherstellungsblatt ein und wählen Sie ein neues Passwort.</source>
      <translation>Enter the recovery key from the recovery sheet and choose a new password.</translation>
    </message>
    <message>
      <source>&amp;Wiederherstellungsschlüssel:</source>
      <translation>&amp;Recovery key:</translation>
    </message>
    <message>
      <source>Passwort &amp;setzen</source>
      <translation>&amp;Set password</translation>
    </message>
    <message>
      <source>&amp;Abbrechen</source>
      <translation>&amp;Cancel</translation>
    </message>
    <message>
      <source>Bitte den Wiederherstellungsschlüssel eingeben.</source>
      <translation>Please enter the recovery key.</translation>
    </message>
  </context>
  <context>
    <name>widgets</name>
    <message>
      <source>Hinweis</source>
      <extracomment>How long a confirmation stays in the status bar.</extracomment>
      <translation>Notice</translation>
    </message>
    <message>
      <source>&amp;Speichern</source>
      <extracomment>What the status bar says once saved; subclasses name what they save.</extracomment>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>Abbrechen</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Gespeichert.</source>
      <extracomment>Fields by the key of the declared field they edit, so that an error naming a field can point at it (filled by declared rows).</extracomment>
      <translation>Saved.</translation>
    </message>
    <message>
      <source>Ungespeicherte Eingaben</source>
      <translation>Unsaved input</translation>
    </message>
    <message>
      <source>Ihre Eingaben sind noch nicht gespeichert. Verwerfen?</source>
      <translation>Your input is not saved yet. Discard it?</translation>
    </message>
    <message>
      <source>TT.MM.JJJJ</source>
      <translation>MM/DD/YYYY</translation>
    </message>
    <message>
      <source>Kalender (Alt+Pfeil nach unten)</source>
      <translation>Calendar (Alt+Down)</translation>
    </message>
    <message>
      <source>„{text}“ ist kein gültiges Datum. Bitte als {example} eingeben.</source>
      <translation>"{text}" is not a valid date. Please enter it as {example}.</translation>
    </message>
    <message>
      <source>Kalender</source>
      <translation>Calendar</translation>
    </message>
    <message>
      <source>„{text}“ ist keine gültige Uhrzeit. Bitte als {example} eingeben.</source>
      <translation>"{text}" is not a valid time. Please enter it as {example}.</translation>
    </message>
    <message>
      <source>{field}: Datum</source>
      <translation>{field}: date</translation>
    </message>
    <message>
      <source>{field}: Uhrzeit</source>
      <translation>{field}: time</translation>
    </message>
    <message>
      <source>Angabe fehlt</source>
      <extracomment>The longest text a one-line field of the small forms takes. A filter's choice shows at least this many characters; a longer entry is cut short instead of widening its bar beyond a small or scaled screen.</extracomment>
      <translation>not given</translation>
    </message>
    <message>
      <source>min</source>
      <translation>min</translation>
    </message>
    <message>
      <source>— bitte wählen —</source>
      <extracomment>Catalogs up to this size are ticked in a list; larger ones pick a main code.</extracomment>
      <translation>— please choose —</translation>
    </message>
  </context>
  <context>
    <name>wipe</name>
    <message>
      <source>Löschung durch die IT</source>
      <extracomment>How long the sync waits for the interface to close its windows before it deletes anyway.</extracomment>
      <translation>Deletion ordered by IT</translation>
    </message>
    <message>
      <source>Die Daten dieses Rechners werden jetzt gelöscht. Bitte warten Sie, bis das Programm sich beendet.</source>
      <translation>The data on this computer is being deleted now. Please wait until the program ends.</translation>
    </message>
    <message>
      <source>Stand der Löschung</source>
      <translation>Deletion progress</translation>
    </message>
    <message>
      <source>Programm &amp;beenden</source>
      <translation>&amp;Quit the program</translation>
    </message>
    <message>
      <source>Die Daten dieses Rechners sind gelöscht: die Datenbank, ihr Änderungsprotokoll und die Schlüsseldatei. Das Programm wird beendet.</source>
      <translation>The data on this computer is deleted: the database, its change log and the key file. The program ends now.</translation>
    </message>
    <message>
      <source>Die Daten konnten nicht vollständig gelöscht werden ({problem}). Bitte wenden Sie sich sofort an Ihre IT.</source>
      <translation>The data could not be deleted completely ({problem}). Please contact your IT at once.</translation>
    </message>
  </context>
  <context>
    <name>DomainError</name>
    <message>
      <source>Der Datensatz ({kind}) wurde nicht gefunden.</source>
      <translation>The record ({kind}) was not found.</translation>
    </message>
    <message>
      <source>Die Person wurde gelöscht; es sind keine Änderungen mehr möglich.</source>
      <translation>The person was erased; no more changes are possible.</translation>
    </message>
    <message>
      <source>Der Datensatz ({kind}) ist gelöscht.</source>
      <translation>The record ({kind}) is deleted.</translation>
    </message>
    <message>
      <source>Bitte „{field}“ angeben.</source>
      <translation>Please enter "{field}".</translation>
    </message>
    <message>
      <source>„{field}“ ist zu lang (höchstens {limit} Zeichen).</source>
      <translation>"{field}" is too long (at most {limit} characters).</translation>
    </message>
    <message>
      <source>„{field}“ enthält Steuerzeichen, einen Zeilenumbruch oder unsichtbare Zeichen (etwa solche, die die Schreibrichtung umkehren); bitte ohne sie eingeben.</source>
      <translation>"{field}" contains control characters, a line break or invisible characters (such as those that reverse the writing direction); please enter it without them.</translation>
    </message>
    <message>
      <source>Unbekannter Eintrag „{value}“ im Katalog {catalog}.</source>
      <translation>Unknown entry "{value}" in catalog {catalog}.</translation>
    </message>
    <message>
      <source>Ungültiger Wert für „{field}“.</source>
      <translation>Invalid value for "{field}".</translation>
    </message>
    <message>
      <source>„{field}“ darf nicht in der Zukunft liegen.</source>
      <translation>"{field}" must not be in the future.</translation>
    </message>
    <message>
      <source>„{later}“ darf nicht vor „{earlier}“ liegen.</source>
      <translation>"{later}" must not be before "{earlier}".</translation>
    </message>
    <message>
      <source>„{field}“ muss zwischen {low} und {high} liegen.</source>
      <translation>"{field}" must be between {low} and {high}.</translation>
    </message>
    <message>
      <source>„{field}“ muss {low} sein.</source>
      <translation>"{field}" must be {low}.</translation>
    </message>
    <message>
      <source>Zeitraum außerhalb des möglichen Bereichs: bitte Tage vom {low} bis zum {high} angeben.</source>
      <translation>Period out of range: please give days from {low} to {high}.</translation>
    </message>
    <message>
      <source>Der Aufenthaltszeitraum überschneidet sich mit einem bestehenden Zeitraum.</source>
      <translation>The residence period overlaps an existing period.</translation>
    </message>
    <message>
      <source>Für diese Person ist bereits ein Fall offen.</source>
      <translation>This person already has an open case.</translation>
    </message>
    <message>
      <source>Der Fall ist abgeschlossen.</source>
      <translation>The case is closed.</translation>
    </message>
    <message>
      <source>Der Fall ist nicht abgeschlossen.</source>
      <translation>The case is not closed.</translation>
    </message>
    <message>
      <source>Von der Phase „{current}“ geht es nicht direkt zur Phase „{target}“.</source>
      <translation>The phase "{current}" cannot move directly to "{target}".</translation>
    </message>
    <message>
      <source>Bitte einen Grund angeben.</source>
      <translation>Please give a reason.</translation>
    </message>
    <message>
      <source>Die Auskunft nach Art. 15 muss die verantwortliche Stelle und die oder den Datenschutzbeauftragten nennen; solange eine der beiden Angaben fehlt, wird sie nicht erstellt. Die Büroleitung trägt sie unter Einstellungen → Datenschutz ein (oder IT in der Bereitstellungsdatei, [data_protection]).</source>
      <translation>The information under Art. 15 must name the controller and the data protection officer; while either is missing, it is not created. The office admin enters them under Settings → Data protection (or IT in the provisioning file, [data_protection]).</translation>
    </message>
    <message>
      <source>Eine Vermittlung im Status „{current}“ kann nicht „{target}“ werden.</source>
      <translation>A referral in state "{current}" cannot become "{target}".</translation>
    </message>
    <message>
      <source>Für diese Stelle liegt am {date} keine gültige Schweigepflichtentbindung vor. Bitte eine erfassen oder die Ausnahme begründen.</source>
      <translation>There is no valid confidentiality waiver for this agency on {date}. Please record one or justify the exception.</translation>
    </message>
    <message>
      <source>Eine Schweigepflichtentbindung braucht eine empfangende Stelle.</source>
      <translation>A confidentiality waiver needs a receiving agency.</translation>
    </message>
    <message>
      <source>Die Einwilligung ist bereits widerrufen.</source>
      <translation>The consent is already withdrawn.</translation>
    </message>
    <message>
      <source>Die Datei ist zu groß (höchstens {limit_mb} MB).</source>
      <translation>The file is too large (at most {limit_mb} MB).</translation>
    </message>
    <message>
      <source>Die Datei ist leer.</source>
      <translation>The file is empty.</translation>
    </message>
    <message>
      <source>Die Datei wird noch vom Sync-Server geladen. Bitte nach dem nächsten Abgleich erneut versuchen.</source>
      <translation>The file is still being fetched from the sync server. Please try again after the next sync.</translation>
    </message>
    <message>
      <source>Die Archivkopie wäre unvollständig: auf diesem Rechner fehlt noch der Inhalt von {files}. Bitte erst abgleichen; die Person ist nicht gelöscht.</source>
      <translation>The archive copy would be incomplete: the content of {files} has not yet arrived on this machine. Please sync first; the person has not been erased.</translation>
    </message>
    <message>
      <source>Dieser Dateityp wird nicht angenommen (erlaubt: PDF, PNG, JPEG, DOCX, ODT).</source>
      <translation>This file type is not accepted (allowed: PDF, PNG, JPEG, DOCX, ODT).</translation>
    </message>
    <message>
      <source>Die Beschreibung enthält vermutlich personenbezogene Angaben ({hint}).</source>
      <translation>The description probably contains personal data ({hint}).</translation>
    </message>
    <message>
      <source>Die Beschreibung enthält den Nachnamen einer Person aus den Akten. Bitte bestätigen, dass sie keine Person meint.</source>
      <translation>The description contains the last name of a person in the files. Please confirm that it does not mean a person.</translation>
    </message>
    <message>
      <source>Die Fehlstelle ist bereits freigegeben und kann nicht mehr geändert werden.</source>
      <translation>The gap is already released and can no longer be changed.</translation>
    </message>
    <message>
      <source>Die Wiedervorlage ist bereits erledigt.</source>
      <translation>The follow-up is already done.</translation>
    </message>
    <message>
      <source>Im Büro arbeitet niemand unter dem Namen „{name}“: bitte einen der vorgeschlagenen Benutzernamen wählen.</source>
      <translation>No one in the office works under the name “{name}”: please choose one of the user names offered.</translation>
    </message>
    <message>
      <source>Die Aufbewahrungsfrist ist noch nicht abgelaufen (bis {date}).</source>
      <translation>The retention period has not ended yet (until {date}).</translation>
    </message>
    <message>
      <source>Die Löschung muss bestätigt werden.</source>
      <translation>The erasure must be confirmed.</translation>
    </message>
    <message>
      <source>Das darf nur die Büroleitung.</source>
      <translation>Only the office admin may do this.</translation>
    </message>
    <message>
      <source>Die Löschung dieser Person ist schon beantragt; die Büroleitung entscheidet.</source>
      <translation>The erasure of this person has already been requested; the office admin decides.</translation>
    </message>
    <message>
      <source>Über diesen Löschantrag ist schon entschieden.</source>
      <translation>This erasure request has already been decided.</translation>
    </message>
    <message>
      <source>Die Auswahl hat {count} Einträge, ein PDF des Protokolls höchstens {high}: bitte Zeitraum eingrenzen oder CSV wählen.</source>
      <translation>The selection has {count} entries, a PDF of the log at most {high}: please narrow the period or choose CSV.</translation>
    </message>
    <message>
      <source>Bitte die Aktennummer der Person angeben (mindestens {shortest} Zeichen).</source>
      <translation>Please enter the person's file number (at least {shortest} characters).</translation>
    </message>
    <message>
      <source>Mehrere Personen haben eine Kennung, die so beginnt: bitte mehr Zeichen der Kennung angeben (sie steht im Export des Protokolls).</source>
      <translation>Several persons have an id that begins like this: please enter more characters of the id (the audit log export shows it).</translation>
    </message>
  </context>
  <context>
    <name>DomainField</name>
    <message>
      <source>1.1.1900</source>
      <translation>1 Jan 1900</translation>
    </message>
    <message>
      <source>Abgebrochen am</source>
      <translation>Cancelled on</translation>
    </message>
    <message>
      <source>Abgelehnt am</source>
      <translation>Declined on</translation>
    </message>
    <message>
      <source>Abgeschlossen am</source>
      <translation>Closed on</translation>
    </message>
    <message>
      <source>Abschluss</source>
      <translation>Qualification</translation>
    </message>
    <message>
      <source>Abschlussgrund</source>
      <translation>Reason for closing</translation>
    </message>
    <message>
      <source>Aktion</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Angenommen am</source>
      <translation>Accepted on</translation>
    </message>
    <message>
      <source>Anlass</source>
      <translation>Reason for opening</translation>
    </message>
    <message>
      <source>Anliegen</source>
      <translation>Request</translation>
    </message>
    <message>
      <source>Antwort am</source>
      <translation>Answered on</translation>
    </message>
    <message>
      <source>Art</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Art des Datensatzes</source>
      <translation>Type of record</translation>
    </message>
    <message>
      <source>Art des Kontakts</source>
      <translation>Kind of contact</translation>
    </message>
    <message>
      <source>Aufenthaltsstatus</source>
      <translation>Residence status</translation>
    </message>
    <message>
      <source>Bedarf</source>
      <translation>Need</translation>
    </message>
    <message>
      <source>Begründung der Ausnahme</source>
      <translation>Reason for the exception</translation>
    </message>
    <message>
      <source>Bemerkung</source>
      <translation>Remark</translation>
    </message>
    <message>
      <source>Beobachtet am</source>
      <translation>Observed on</translation>
    </message>
    <message>
      <source>Beratungskontakt</source>
      <translation>Consultation</translation>
    </message>
    <message>
      <source>Beschreibung</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Beschreibung (anonym)</source>
      <translation>Description (anonymous)</translation>
    </message>
    <message>
      <source>Beziehung</source>
      <translation>Relationship</translation>
    </message>
    <message>
      <source>Bis</source>
      <translation>Until</translation>
    </message>
    <message>
      <source>Dateiname</source>
      <translation>File name</translation>
    </message>
    <message>
      <source>Dateityp</source>
      <translation>File type</translation>
    </message>
    <message>
      <source>Dauer</source>
      <translation>Duration</translation>
    </message>
    <message>
      <source>Deutsch mündlich</source>
      <translation>German, spoken</translation>
    </message>
    <message>
      <source>Deutsch mündlich nachgewiesen am</source>
      <translation>German, spoken, shown on</translation>
    </message>
    <message>
      <source>Deutsch schriftlich</source>
      <translation>German, written</translation>
    </message>
    <message>
      <source>Deutsch schriftlich nachgewiesen am</source>
      <translation>German, written, shown on</translation>
    </message>
    <message>
      <source>Dolmetschung nötig</source>
      <translation>Interpreter needed</translation>
    </message>
    <message>
      <source>E-Mail</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Eigenanteil am Lebensunterhalt</source>
      <translation>Own share of livelihood</translation>
    </message>
    <message>
      <source>Einbürgerungstest bestanden</source>
      <translation>Naturalisation test (Einbürgerungstest) passed</translation>
    </message>
    <message>
      <source>Eingeschätzt am</source>
      <translation>Assessed on</translation>
    </message>
    <message>
      <source>Einreisedatum</source>
      <translation>Date of entry</translation>
    </message>
    <message>
      <source>Empfangende Stelle</source>
      <translation>Receiving agency</translation>
    </message>
    <message>
      <source>Entschieden am</source>
      <translation>Decided on</translation>
    </message>
    <message>
      <source>Entschieden von</source>
      <translation>Decided by</translation>
    </message>
    <message>
      <source>Erfolgreiche Schuljahre</source>
      <translation>Successful school years</translation>
    </message>
    <message>
      <source>Ergebnis</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <source>Erledigt am</source>
      <translation>Done on</translation>
    </message>
    <message>
      <source>Erteilt am</source>
      <translation>Granted on</translation>
    </message>
    <message>
      <source>Fall</source>
      <translation>Case</translation>
    </message>
    <message>
      <source>Fall eröffnet am</source>
      <translation>Case opened on</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <source>Freigegeben am</source>
      <translation>Released on</translation>
    </message>
    <message>
      <source>Freigegeben von</source>
      <translation>Released by</translation>
    </message>
    <message>
      <source>Fällig am</source>
      <translation>Due on</translation>
    </message>
    <message>
      <source>Geburtsdatum</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <source>Geburtsname</source>
      <translation>Birth name</translation>
    </message>
    <message>
      <source>Geht zur Schule</source>
      <translation>Attends school</translation>
    </message>
    <message>
      <source>Geplant am</source>
      <translation>Planned on</translation>
    </message>
    <message>
      <source>Geschlecht</source>
      <translation>Gender</translation>
    </message>
    <message>
      <source>Gesendet am</source>
      <translation>Sent on</translation>
    </message>
    <message>
      <source>Gewechselt am</source>
      <translation>Changed on</translation>
    </message>
    <message>
      <source>Grund</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Grund der Ablehnung</source>
      <translation>Reason for declining</translation>
    </message>
    <message>
      <source>Grund der Löschung</source>
      <translation>Reason for erasure</translation>
    </message>
    <message>
      <source>Grund der Wiedereröffnung</source>
      <translation>Reason for reopening</translation>
    </message>
    <message>
      <source>Grund des Abbruchs</source>
      <translation>Reason for cancelling</translation>
    </message>
    <message>
      <source>Größe (Bytes)</source>
      <translation>Size (bytes)</translation>
    </message>
    <message>
      <source>Gültig ab</source>
      <translation>Valid from</translation>
    </message>
    <message>
      <source>Gültig bis</source>
      <translation>Valid until</translation>
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation>Field of action</translation>
    </message>
    <message>
      <source>Handlungsfelder</source>
      <translation>Fields of action</translation>
    </message>
    <message>
      <source>Höchstens</source>
      <translation>At most</translation>
    </message>
    <message>
      <source>Kategorie</source>
      <translation>Category</translation>
    </message>
    <message>
      <source>Kommune</source>
      <translation>Municipality</translation>
    </message>
    <message>
      <source>Ledig</source>
      <translation>Unmarried</translation>
    </message>
    <message>
      <source>Letzter Phasenwechsel</source>
      <translation>Last phase change</translation>
    </message>
    <message>
      <source>Maßnahme</source>
      <translation>Measure</translation>
    </message>
    <message>
      <source>Mit Dolmetschung</source>
      <translation>With interpreter</translation>
    </message>
    <message>
      <source>Monate</source>
      <translation>Months</translation>
    </message>
    <message>
      <source>Nachname</source>
      <translation>Last name</translation>
    </message>
    <message>
      <source>Notiz</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Notizen</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Ort</source>
      <translation>Town</translation>
    </message>
    <message>
      <source>Partnerstelle</source>
      <translation>Partner agency</translation>
    </message>
    <message>
      <source>Pass oder Passersatz vorhanden</source>
      <translation>Passport or substitute held</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Person</translation>
    </message>
    <message>
      <source>Phase</source>
      <translation>Phase</translation>
    </message>
    <message>
      <source>Postleitzahl</source>
      <translation>Postcode</translation>
    </message>
    <message>
      <source>Rechtsgrundlage</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <source>Ressourcen und Stärken</source>
      <translation>Resources and strengths</translation>
    </message>
    <message>
      <source>Schritt</source>
      <translation>Step</translation>
    </message>
    <message>
      <source>Schweigepflichtentbindung</source>
      <translation>Confidentiality waiver</translation>
    </message>
    <message>
      <source>Sprache</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>Sprache der Dolmetschung</source>
      <translation>Interpreting language</translation>
    </message>
    <message>
      <source>Sprache des Formulars</source>
      <translation>Language of the form</translation>
    </message>
    <message>
      <source>Sprachen</source>
      <translation>Languages</translation>
    </message>
    <message>
      <source>Staatsangehörigkeiten</source>
      <translation>Nationalities</translation>
    </message>
    <message>
      <source>Stand</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Stelle</source>
      <translation>Agency</translation>
    </message>
    <message>
      <source>Straße</source>
      <translation>Street</translation>
    </message>
    <message>
      <source>Telefon</source>
      <translation>Phone</translation>
    </message>
    <message>
      <source>Text der Wiedervorlage</source>
      <translation>Text of the follow-up</translation>
    </message>
    <message>
      <source>Verantwortlich</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>Verknüpfte Fälle</source>
      <translation>Linked cases</translation>
    </message>
    <message>
      <source>Verurteilung oberhalb der Schwelle</source>
      <translation>Conviction above the threshold</translation>
    </message>
    <message>
      <source>Von</source>
      <translation>From</translation>
    </message>
    <message>
      <source>Vorherige Phase</source>
      <translation>Previous phase</translation>
    </message>
    <message>
      <source>Vorheriger Schritt</source>
      <translation>Previous step</translation>
    </message>
    <message>
      <source>Vorname</source>
      <translation>First name</translation>
    </message>
    <message>
      <source>Widerrufen am</source>
      <translation>Withdrawn on</translation>
    </message>
    <message>
      <source>Wieder eröffnet am</source>
      <translation>Reopened on</translation>
    </message>
    <message>
      <source>Wiedervorlage am</source>
      <translation>Follow-up on</translation>
    </message>
    <message>
      <source>Worum es geht</source>
      <translation>What it is about</translation>
    </message>
    <message>
      <source>Zeitpunkt</source>
      <translation>Time</translation>
    </message>
    <message>
      <source>Ziel</source>
      <translation>Goal</translation>
    </message>
    <message>
      <source>Ziel vereinbart am</source>
      <translation>Goal agreed on</translation>
    </message>
    <message>
      <source>Zielgruppenmerkmale</source>
      <translation>Target group criteria</translation>
    </message>
    <message>
      <source>Zuständig</source>
      <translation>Responsible</translation>
    </message>
    <message>
      <source>Zweck</source>
      <translation>Purpose</translation>
    </message>
  </context>
  <context>
    <name>ConsentKind</name>
    <message>
      <source>Einwilligung in die Datenverarbeitung</source>
      <translation>Consent to data processing</translation>
    </message>
    <message>
      <source>Schweigepflichtentbindung</source>
      <translation>Confidentiality waiver</translation>
    </message>
  </context>
  <context>
    <name>ErasureRequestState</name>
    <message>
      <source>offen</source>
      <translation>open</translation>
    </message>
    <message>
      <source>abgelehnt</source>
      <translation>declined</translation>
    </message>
  </context>
  <context>
    <name>Gender</name>
    <message>
      <source>keine Angabe</source>
      <translation>not stated</translation>
    </message>
    <message>
      <source>weiblich</source>
      <translation>female</translation>
    </message>
    <message>
      <source>männlich</source>
      <translation>male</translation>
    </message>
    <message>
      <source>divers</source>
      <translation>diverse</translation>
    </message>
  </context>
  <context>
    <name>GoalStatus</name>
    <message>
      <source>offen</source>
      <translation>open</translation>
    </message>
    <message>
      <source>erreicht</source>
      <translation>achieved</translation>
    </message>
    <message>
      <source>teilweise erreicht</source>
      <translation>partly achieved</translation>
    </message>
    <message>
      <source>nicht erreicht</source>
      <translation>not achieved</translation>
    </message>
    <message>
      <source>aufgegeben</source>
      <translation>dropped</translation>
    </message>
  </context>
  <context>
    <name>HouseholdRelation</name>
    <message>
      <source>Kind</source>
      <translation>Child</translation>
    </message>
    <message>
      <source>Ehepartner*in</source>
      <translation>Spouse</translation>
    </message>
    <message>
      <source>Partner*in</source>
      <translation>Partner</translation>
    </message>
    <message>
      <source>Elternteil</source>
      <translation>Parent</translation>
    </message>
    <message>
      <source>Geschwister</source>
      <translation>Sibling</translation>
    </message>
    <message>
      <source>andere Person</source>
      <translation>Other person</translation>
    </message>
  </context>
  <context>
    <name>LanguageLevel</name>
    <message>
      <source>kein Niveau</source>
      <translation>no level</translation>
    </message>
    <message>
      <source>A1</source>
      <translation>A1</translation>
    </message>
    <message>
      <source>A2</source>
      <translation>A2</translation>
    </message>
    <message>
      <source>B1</source>
      <translation>B1</translation>
    </message>
    <message>
      <source>B2</source>
      <translation>B2</translation>
    </message>
    <message>
      <source>C1</source>
      <translation>C1</translation>
    </message>
    <message>
      <source>C2</source>
      <translation>C2</translation>
    </message>
  </context>
  <context>
    <name>MeasureStatus</name>
    <message>
      <source>geplant</source>
      <translation>planned</translation>
    </message>
    <message>
      <source>in Arbeit</source>
      <translation>in progress</translation>
    </message>
    <message>
      <source>erledigt</source>
      <translation>done</translation>
    </message>
    <message>
      <source>abgebrochen</source>
      <translation>cancelled</translation>
    </message>
  </context>
  <context>
    <name>NeedLevel</name>
    <message>
      <source>kein Bedarf</source>
      <translation>no need</translation>
    </message>
    <message>
      <source>gering</source>
      <translation>low</translation>
    </message>
    <message>
      <source>mittel</source>
      <translation>medium</translation>
    </message>
    <message>
      <source>hoch</source>
      <translation>high</translation>
    </message>
  </context>
  <context>
    <name>Phase</name>
    <message>
      <source>Klärung</source>
      <translation>Intake</translation>
    </message>
    <message>
      <source>Einschätzung</source>
      <translation>Assessment</translation>
    </message>
    <message>
      <source>Hilfeplanung</source>
      <translation>Planning</translation>
    </message>
    <message>
      <source>Umsetzung</source>
      <translation>Implementation</translation>
    </message>
    <message>
      <source>Monitoring</source>
      <translation>Monitoring</translation>
    </message>
    <message>
      <source>Evaluation</source>
      <translation>Evaluation</translation>
    </message>
    <message>
      <source>Abschluss</source>
      <translation>Closure</translation>
    </message>
  </context>
  <context>
    <name>PhaseEvent</name>
    <message>
      <source>eröffnet</source>
      <translation>opened</translation>
    </message>
    <message>
      <source>weiter</source>
      <translation>moved on</translation>
    </message>
    <message>
      <source>zurück</source>
      <translation>moved back</translation>
    </message>
    <message>
      <source>abgeschlossen</source>
      <translation>closed</translation>
    </message>
    <message>
      <source>wieder eröffnet</source>
      <translation>reopened</translation>
    </message>
  </context>
  <context>
    <name>Qualification</name>
    <message>
      <source>kein Abschluss</source>
      <translation>no qualification</translation>
    </message>
    <message>
      <source>Schulabschluss</source>
      <translation>school-leaving certificate</translation>
    </message>
    <message>
      <source>Berufsabschluss</source>
      <translation>vocational qualification</translation>
    </message>
  </context>
  <context>
    <name>ReferralState</name>
    <message>
      <source>geplant</source>
      <translation>planned</translation>
    </message>
    <message>
      <source>gesendet</source>
      <translation>sent</translation>
    </message>
    <message>
      <source>angenommen</source>
      <translation>accepted</translation>
    </message>
    <message>
      <source>abgelehnt</source>
      <translation>declined</translation>
    </message>
    <message>
      <source>abgeschlossen</source>
      <translation>completed</translation>
    </message>
    <message>
      <source>abgebrochen</source>
      <translation>cancelled</translation>
    </message>
  </context>
  <context>
    <name>Responsible</name>
    <message>
      <source>Klient*in</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Case-Management</source>
      <translation>Case manager</translation>
    </message>
    <message>
      <source>Partnerstelle</source>
      <translation>Partner agency</translation>
    </message>
  </context>
  <context>
    <name>VaultError</name>
    <message>
      <source>Benutzername oder Passwort ist falsch.</source>
      <translation>The user name or password is wrong.</translation>
    </message>
    <message>
      <source>Benutzername oder Passwort ist falsch. Nächster Versuch in {seconds} Sekunden möglich.</source>
      <translation>The user name or password is wrong. Next try possible in {seconds} seconds.</translation>
    </message>
    <message>
      <source>Zu viele Fehlversuche. Bitte in {seconds} Sekunden erneut versuchen.</source>
      <translation>Too many failed attempts. Please try again in {seconds} seconds.</translation>
    </message>
    <message>
      <source>Die Datenbank ist gesperrt. Bitte erneut anmelden.</source>
      <translation>The database is locked. Please sign in again.</translation>
    </message>
    <message>
      <source>KIM Desktop ist mit diesem Datenordner bereits geöffnet (in einem anderen Fenster oder von einem anderen Benutzerkonto). Bitte dort weiterarbeiten oder das andere Programm erst schließen.</source>
      <translation>KIM Desktop already has this data folder open (in another window or under another user account). Please continue there, or close the other program first.</translation>
    </message>
    <message>
      <source>In diesem Datenordner gibt es noch keine Datenbank. Bitte zuerst einrichten (kim-desktop init --user NAME).</source>
      <translation>This data folder has no database yet. Please set it up first (kim-desktop init --user NAME).</translation>
    </message>
    <message>
      <source>In diesem Datenordner gibt es bereits eine Datenbank. Sie wird nicht überschrieben.</source>
      <translation>This data folder already has a database. It will not be overwritten.</translation>
    </message>
    <message>
      <source>Die Datenbank konnte nicht auf den Stand dieser Programmversion gebracht werden. Es wurde nichts verändert. Bitte den Support verständigen.</source>
      <translation>The database could not be brought up to this version of the program. Nothing was changed. Please contact support.</translation>
    </message>
    <message>
      <source>Im Datenordner fehlt die Datenbank {file}. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The database {file} is missing from the data folder. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Die Datenbank {file} ist unvollständig. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The database {file} is incomplete. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Die Datenbank {file} ist beschädigt und kann nicht gelesen werden. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The database {file} is damaged and cannot be read. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Auf dem Datenträger des Datenordners ist kein Platz mehr frei. Es wurde nichts verändert. Bitte Platz schaffen und es dann erneut versuchen; eine Sicherung zurückzuspielen hilft dabei nicht.</source>
      <translation>The disk of the data folder is full. Nothing was changed. Please free some space and try again; restoring a backup does not help here.</translation>
    </message>
    <message>
      <source>Der Datenträger des Datenordners meldet einen Lese- oder Schreibfehler. Es wurde nichts verändert. Bitte prüfen, ob er voll, schreibgeschützt oder nicht erreichbar ist, und es dann erneut versuchen; erst wenn der Fehler bleibt, die IT fragen.</source>
      <translation>The disk of the data folder reports a read or write error. Nothing was changed. Please check whether it is full, read-only or unreachable, and try again; ask IT only if the error remains.</translation>
    </message>
    <message>
      <source>Im Datenordner fehlt die Schlüsseldatei {file}. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The key file {file} is missing from the data folder. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei {file} im Datenordner ist beschädigt. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The key file {file} in the data folder is damaged. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei {file} enthält eine unbekannte Rolle. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The key file {file} contains an unknown role. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei passt nicht zur Datenbank. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The key file does not match the database. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei {file} wurde verändert: Ihre Prüfsumme passt nicht zum Schlüssel der Datenbank. Sicherheitshalber wird nichts geöffnet. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The key file {file} was changed: its checksum does not match the database's key. To be safe, nothing is opened. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei {file} wurde verändert: Die Rolle eines Benutzers wurde darin von Hand geändert. Das Passwort stimmt, aber sicherheitshalber wird nichts geöffnet. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The key file {file} has been changed: a user's role in it was edited by hand. The password is right, but to be safe nothing is opened. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei {file} gehört zu einem früheren Schlüssel der Datenbank {database}: Die Datenbank wurde seitdem mit „Schlüssel erneuern“ neu verschlüsselt, und eine ältere {file} (etwa aus einer Kopie oder Sicherung) wurde neben sie gelegt. Die Datenbank selbst ist nicht beschädigt. Bitte die aktuelle {file} zurücklegen oder eine Sicherung zurückspielen, die beide Dateien enthält (kim-desktop restore --from DATEI, etwa rekey-backup.tar im Datenordner).</source>
      <translation>The key file {file} belongs to an earlier key of the database {database}: the database has since been re-encrypted with “Renew key”, and an older {file} (from a copy or backup, for example) was put beside it. The database itself is not damaged. Please put the current {file} back or restore a backup that holds both files (kim-desktop restore --from FILE, for example rekey-backup.tar in the data folder).</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei {file} verlangt eine unzulässig aufwendige Schlüsselableitung und wurde vermutlich verändert. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation>The key file {file} asks for an impermissibly costly key derivation and was probably changed. Please restore the latest backup (kim-desktop restore --from FILE).</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei stammt von einer neueren Version von KIM Desktop. Bitte das Programm aktualisieren.</source>
      <translation>The key file comes from a newer version of KIM Desktop. Please update the program.</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei {file} kann nicht gelesen werden ({reason}).</source>
      <translation>The key file {file} cannot be read ({reason}).</translation>
    </message>
    <message>
      <source>Die Schlüsseldatei {file} konnte nicht gespeichert werden ({reason}). Es wurde nichts verändert.</source>
      <translation>The key file {file} could not be saved ({reason}). Nothing was changed.</translation>
    </message>
    <message>
      <source>Diesen Benutzer gibt es in diesem Datenordner nicht.</source>
      <translation>This data folder has no such user.</translation>
    </message>
    <message>
      <source>Den Benutzernamen »{name}« gibt es schon.</source>
      <translation>The user name “{name}” already exists.</translation>
    </message>
    <message>
      <source>Der Benutzername darf nicht leer sein.</source>
      <translation>The user name must not be empty.</translation>
    </message>
    <message>
      <source>Der Benutzername darf höchstens {limit} Zeichen lang sein.</source>
      <translation>The user name may be at most {limit} characters long.</translation>
    </message>
    <message>
      <source>Der Benutzername enthält Steuerzeichen.</source>
      <translation>The user name contains control characters.</translation>
    </message>
    <message>
      <source>Nur die Büroleitung darf Passwörter anderer ändern.</source>
      <translation>Only the office admin may change other people's passwords.</translation>
    </message>
    <message>
      <source>Nur die Büroleitung darf Benutzer anlegen.</source>
      <translation>Only the office admin may add users.</translation>
    </message>
    <message>
      <source>Das Passwort ist zu kurz: Es braucht mindestens {minimum} Zeichen. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password is too short: it needs at least {minimum} characters. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort enthält unsichtbare Zeichen oder Steuerzeichen (etwa ein Leerzeichen ohne Breite, eine Schreibrichtungsmarke oder einen Tabulator), die man beim nächsten Mal nicht sicher wieder eintippt. Bitte nur sichtbare Zeichen und normale Leerzeichen verwenden.</source>
      <translation>The password contains invisible or control characters (such as a zero-width space, a writing-direction mark or a tab) that nobody can be sure to type again next time. Please use only visible characters and ordinary spaces.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es besteht vor allem aus dem Benutzernamen. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: it consists mostly of the user name. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es besteht vor allem aus Wörtern, die jeder zuerst probiert, der weiß, wo das Programm läuft (KIM, Integration, Rathaus, Kreis, die Orte im Kreis, der Name des Büros). Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: it consists mostly of words anyone who knows where the program runs tries first (KIM, integration, town hall, Kreis, the towns of the Kreis, the office's name). A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es ist ein häufiges Passwort oder ähnelt einem (auch mit Zahlen oder Zeichen daran). Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: it is a common password or resembles one (also with digits or characters added). A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es enthält eine Tastenfolge wie »qwertz« oder »asdf«. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: it contains a run of keys like “qwertz” or “asdf”. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es enthält eine Folge wie »1234« oder »abcd«. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: it contains a sequence like “1234” or “abcd”. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es wiederholt Zeichen oder Teile. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: it repeats characters or parts. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Jahreszahlen und Daten helfen kaum. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: years and dates hardly help. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Wort + Jahreszahl (wie »Sommer2024« oder »Hannover1996!«) probieren Angreifer als Erstes, auch mit Großbuchstaben und Zeichen daran; die Jahreszahl macht das Wort kaum sicherer. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: word + year (such as “Sommer2024” or “Hannover1996!”) is among the first things attackers try, capitals and special characters included; the year hardly makes the word safer. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es besteht vor allem aus einem gebräuchlichen Namen. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: it consists mostly of a common name. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es ist ein bekannter Spruch, Gruß, Lied- oder Filmtitel oder beginnt damit (auch mit Zahlen oder Zeichen daran); solche Sätze probieren Angreifer als Erstes. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: it is a well-known saying, greeting, song or film title or begins with one (digits or marks added too); attackers try such sentences first. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es besteht aus zu wenigen, zu häufigen Wörtern. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation>The password would be guessed too quickly: it consists of too few, too common words. A sentence of four or more words that nobody would expect together and that is no known saying, song or film title works well; capitals and special characters are then not needed.</translation>
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel enthält ungültige Zeichen: {characters}. Erlaubt sind Ziffern und Buchstaben außer U.</source>
      <translation>The recovery key contains invalid characters: {characters}. Digits and letters except U are allowed.</translation>
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel hat {length} statt {expected} Zeichen ({blocks} Blöcke zu je {block} Zeichen). Bitte vollständig abtippen.</source>
      <translation>The recovery key has {length} instead of {expected} characters ({blocks} blocks of {block} characters each). Please type all of it.</translation>
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel enthält einen Tippfehler (Block {blocks}). Bitte mit dem ausgedruckten Blatt vergleichen.</source>
      <translation>The recovery key contains a typo (block {blocks}). Please compare it with the printed sheet.</translation>
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel enthält einen Tippfehler (Blöcke {blocks}). Bitte mit dem ausgedruckten Blatt vergleichen.</source>
      <translation>The recovery key contains a typo (blocks {blocks}). Please compare it with the printed sheet.</translation>
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel enthält einen Tippfehler im letzten Block. Bitte mit dem ausgedruckten Blatt vergleichen.</source>
      <translation>The recovery key contains a typo in the last block. Please compare it with the printed sheet.</translation>
    </message>
    <message>
      <source>Dieser Wiederherstellungsschlüssel gehört nicht zu diesem Datenordner.</source>
      <translation>This recovery key does not belong to this data folder.</translation>
    </message>
    <message>
      <source>Die Sicherungsdatei gibt es nicht: {path}</source>
      <translation>The backup file does not exist: {path}</translation>
    </message>
    <message>
      <source>Der Ordner für die Sicherung existiert nicht: {folder}</source>
      <translation>The folder for the backup does not exist: {folder}</translation>
    </message>
    <message>
      <source>Die Sicherung konnte nicht geschrieben werden ({reason}).</source>
      <translation>The backup could not be written ({reason}).</translation>
    </message>
    <message>
      <source>Die Sicherung ist fehlgeschlagen ({reason}).</source>
      <translation>The backup failed ({reason}).</translation>
    </message>
    <message>
      <source>Die Sicherung konnte nicht fehlerfrei geschrieben werden.</source>
      <translation>The backup could not be written without errors.</translation>
    </message>
    <message>
      <source>Nur die Büroleitung darf den Schlüssel erneuern.</source>
      <translation>Only the office admin may renew the key.</translation>
    </message>
    <message>
      <source>Der Schlüssel kann erst erneuert werden, wenn sich diese Benutzer*innen einmal mit dieser Version angemeldet haben: {names}. Es wurde nichts verändert.</source>
      <translation>The key can be renewed only after these users have signed in once with this version: {names}. Nothing was changed.</translation>
    </message>
    <message>
      <source>Zum Erneuern des Schlüssels wird der Wiederherstellungsschlüssel vom ausgedruckten Blatt gebraucht: Mit ihm wird geprüft, dass der neue Schlüssel für ihn gilt und nicht für einen anderen (er bleibt danach gültig).</source>
      <translation>Renewing the key needs the recovery key from the printed sheet: it proves that the new key is sealed to it and not to another one (it stays valid afterwards).</translation>
    </message>
    <message>
      <source>Dieser Wiederherstellungsschlüssel öffnet den Wiederherstellungseintrag in vault.json nicht. Entweder ist es nicht der Schlüssel dieses Datenordners, oder der Eintrag wurde verändert (etwa durch eine andere Benutzerin oder einen anderen Benutzer dieses Rechners). Der Schlüssel wird nicht erneuert; bitte den Schlüssel vom Wiederherstellungsblatt prüfen und sonst die IT verständigen.</source>
      <translation>This recovery key does not open the recovery entry in vault.json. Either it is not the key of this data folder, or the entry was changed (for example by another user of this computer). The key is not renewed; please check the key on the recovery sheet and otherwise tell IT.</translation>
    </message>
    <message>
      <source>Nach der Schlüsselerneuerung besteht die Datenbank die Prüfung nicht. Bitte die Sicherung rekey-backup.tar aus dem Datenordner zurückspielen (kim-desktop restore --from …); sie entstand vor der Erneuerung.</source>
      <translation>After the key renewal the database fails its check. Please restore the backup rekey-backup.tar from the data folder (kim-desktop restore --from …); it was made before the renewal.</translation>
    </message>
    <message>
      <source>Die Sicherungsdatei ist beschädigt oder keine Sicherung von KIM Desktop. Im Datenordner wurde nichts verändert.</source>
      <translation>The backup file is damaged or is not a KIM Desktop backup. Nothing in the data folder was changed.</translation>
    </message>
  </context>
  <context>
    <name>SyncError</name>
    <message>
      <source>Keine Verbindung zum Sync-Server.</source>
      <translation>No connection to the sync server.</translation>
    </message>
    <message>
      <source>Keine Verbindung zum Sync-Server. Die Änderungen bleiben gespeichert und werden später übertragen.</source>
      <translation>No connection to the sync server. The changes stay saved and will be sent later.</translation>
    </message>
    <message>
      <source>Die Verbindung zum Sync-Server ist nicht vertrauenswürdig (TLS-Zertifikat ungültig). Es wurden keine Daten gesendet. Hat der Server ein Zertifikat einer eigenen Zertifizierungsstelle, gehört es in die Bereitstellungsdatei ([server] ca_certificate).</source>
      <translation>The connection to the sync server cannot be trusted (invalid TLS certificate). No data was sent. If the server's certificate comes from a certification authority of your own, it belongs in the provisioning file ([server] ca_certificate).</translation>
    </message>
    <message>
      <source>Die Verbindung zum Sync-Server ist nicht vertrauenswürdig: Sein Zertifikat stammt nicht von der Zertifizierungsstelle, die die IT hinterlegt hat ([server] ca_certificate). Es wurden keine Daten gesendet. Meist prüft ein Proxy oder eine Firewall den verschlüsselten Datenverkehr (TLS-Inspektion): Die IT muss {host} davon ausnehmen.</source>
      <translation>The connection to the sync server cannot be trusted: its certificate does not come from the certification authority IT provided ([server] ca_certificate). No data was sent. Usually a proxy or firewall inspects encrypted traffic (TLS inspection): IT must exempt {host} from it.</translation>
    </message>
    <message>
      <source>Die Verbindung zum Sync-Server ist nicht vertrauenswürdig: Sein Schlüssel passt nicht zum hinterlegten Fingerabdruck ([server] pin_sha256). Es wurden keine Daten gesendet. Meist prüft ein Proxy oder eine Firewall den verschlüsselten Datenverkehr (TLS-Inspektion): Die IT muss {host} davon ausnehmen. Hat der Server einen neuen Schlüssel bekommen, trägt die IT dessen Fingerabdruck ein; bitte nichts selbst übernehmen, was die IT nicht bestätigt hat.</source>
      <translation>The connection to the sync server cannot be trusted: its key does not match the fingerprint on record ([server] pin_sha256). No data was sent. Usually a proxy or firewall inspects encrypted traffic (TLS inspection): IT must exempt {host} from it. If the server got a new key, IT enters its fingerprint; please take over nothing that IT has not confirmed.</translation>
    </message>
    <message>
      <source>„{server}“ ist nicht der Server der Bereitstellung („{provisioned}“), und deren Zertifikat oder Pin gilt nur für diesen. Bitte die Adresse der Bereitstellung angeben, oder für den anderen Server dessen Vertrauen mit --ca-file DATEI oder --pin-sha256 HEX.</source>
      <translation>“{server}” is not the provisioned server (“{provisioned}”), and its certificate or pin holds for that one only. Please give the provisioned address, or the other server’s own trust with --ca-file FILE or --pin-sha256 HEX.</translation>
    </message>
    <message>
      <source>Für --renew-trust fehlt das neue Vertrauen: bitte --ca-file DATEI oder --pin-sha256 HEX angeben, oder eine Bereitstellungsdatei mit [server] ca_file oder pin_sha256. Das bisherige bleibt bestehen.</source>
      <translation>--renew-trust lacks the new trust: please give --ca-file FILE or --pin-sha256 HEX, or a provisioning file with [server] ca_file or pin_sha256. The trust so far stays.</translation>
    </message>
    <message>
      <source>„{url}“ ist keine Server-Adresse, wie KIM sie annimmt: bitte https://name.des.servers angeben, ohne Benutzername, Leerzeichen, Backslash, ? oder # (in der Bereitstellungsdatei [server] url).</source>
      <translation>“{url}” is not a server address KIM accepts: please give https://name.of.the.server, without user name, spaces, backslash, ? or # (in the provisioning file [server] url).</translation>
    </message>
    <message>
      <source>Der Sync-Server {host} hat auf eine andere Adresse umgeleitet; KIM folgt Umleitungen nicht, damit nichts an einen anderen Rechner geht. Es wurden keine Daten gesendet. Bitte die IT bitten, die Server-Adresse zu prüfen.</source>
      <translation>The sync server {host} redirected to another address; KIM does not follow redirects, so that nothing goes to another machine. No data was sent. Please ask IT to check the server address.</translation>
    </message>
    <message>
      <source>Die Server-Adresse {url} ist unverschlüsselt (http://). Bitte bei der Einstellung „Server-Adresse“ (in der Bereitstellungsdatei [server] url) eine Adresse mit https:// angeben; unverschlüsselt geht es nur zu diesem Rechner selbst (localhost).</source>
      <translation>The server address {url} is unencrypted (http://). Please enter an https:// address in the “Server address” setting (in the provisioning file: [server] url); unencrypted connections go only to this computer itself (localhost).</translation>
    </message>
    <message>
      <source>Der Sync-Server hat eine unverständliche Antwort gesendet.</source>
      <translation>The sync server sent an answer that cannot be understood.</translation>
    </message>
    <message>
      <source>Der Sync-Server ist gerade nicht verfügbar (HTTP {http_status}).</source>
      <translation>The sync server is not available right now (HTTP {http_status}).</translation>
    </message>
    <message>
      <source>Der Sync-Server hat die Anfrage abgelehnt (HTTP {http_status}).</source>
      <translation>The sync server refused the request (HTTP {http_status}).</translation>
    </message>
    <message>
      <source>Der Sync-Server kennt dieses Gerät nicht (mehr).</source>
      <translation>The sync server does not know this device (any more).</translation>
    </message>
    <message>
      <source>Dieses Gerät wurde von der IT für die Synchronisation gesperrt. Bitte wenden Sie sich an Ihre IT-Betreuung.</source>
      <translation>IT has blocked this device from syncing. Please contact your IT support.</translation>
    </message>
    <message>
      <source>Dieses Gerät wurde von der IT gesperrt und zur Löschung bestimmt. Die Schlüssel und die Datenbank auf diesem Gerät werden jetzt gelöscht.</source>
      <translation>IT has blocked this device and ordered its data erased. The keys and the database on this device are being deleted now.</translation>
    </message>
    <message>
      <source>Die Daten dieses Geräts konnten nicht vollständig gelöscht werden. Bitte wenden Sie sich sofort an Ihre IT.</source>
      <translation>The data on this device could not be deleted completely. Please contact your IT at once.</translation>
    </message>
    <message>
      <source>Der Sync-Server ordnet dieses Gerät einem anderen Büro zu. Bitte wenden Sie sich an Ihre IT-Betreuung.</source>
      <translation>The sync server assigns this device to another office. Please contact your IT support.</translation>
    </message>
    <message>
      <source>Der Speicherplatz des Büros auf dem Sync-Server ist erschöpft. Die Änderungen bleiben auf diesem Gerät gespeichert. Bitte wenden Sie sich an Ihre IT.</source>
      <translation>The office's storage on the sync server is full. The changes stay saved on this computer. Please contact your IT.</translation>
    </message>
    <message>
      <source>Die Änderung ist zu groß für den Sync-Server.</source>
      <translation>The change is too large for the sync server.</translation>
    </message>
    <message>
      <source>Der Anhang ist größer, als der Sync-Server annimmt.</source>
      <translation>The attachment is larger than the sync server accepts.</translation>
    </message>
    <message>
      <source>Der Sync-Server hält die Änderung für ungültig.</source>
      <translation>The sync server considers the change invalid.</translation>
    </message>
    <message>
      <source>Der verschlüsselte Inhalt der Änderung ist unvollständig angekommen.</source>
      <translation>The encrypted content of the change arrived incomplete.</translation>
    </message>
    <message>
      <source>Die Änderung trug eine Nummer, die der Sync-Server schon vergeben hatte.</source>
      <translation>The change carried a number the sync server had already assigned.</translation>
    </message>
    <message>
      <source>Nicht gesendet: Diese Datenbank ist eine Kopie der Datenbank eines anderen Rechners. Nachdem die IT dieses Gerät neu registriert hat, „Erneut senden“ wählen.</source>
      <translation>Not sent: this database is a copy of another computer's database. Once IT has enrolled this device anew, choose “Send again”.</translation>
    </message>
    <message>
      <source>Der Sync-Server hat die Änderung abgelehnt: {detail}</source>
      <translation>The sync server rejected the change: {detail}</translation>
    </message>
    <message>
      <source>Diese abgelehnte Änderung gibt es nicht mehr.</source>
      <translation>This rejected change no longer exists.</translation>
    </message>
    <message>
      <source>Dieser Datensatz wird gerade übertragen. Bitte nach dem Abgleich erneut versuchen.</source>
      <translation>This record is being transferred right now. Please try again after the sync.</translation>
    </message>
    <message>
      <source>Der Sync-Server hat keine der Änderungen bestätigt.</source>
      <translation>The sync server confirmed none of the changes.</translation>
    </message>
    <message>
      <source>Der Sync-Server hat einen ungültigen Stand gemeldet.</source>
      <translation>The sync server reported an invalid position.</translation>
    </message>
    <message>
      <source>Dieses Gerät ist noch nicht für die Synchronisation angemeldet (kim-desktop enroll).</source>
      <translation>This device is not yet enrolled for syncing (kim-desktop enroll).</translation>
    </message>
    <message>
      <source>Dieses Gerät ist noch nicht angemeldet (kim-desktop enroll --code …).</source>
      <translation>This device is not enrolled yet (kim-desktop enroll --code …).</translation>
    </message>
    <message>
      <source>Dieses Gerät ist bereits angemeldet. Fehlt nur der Büroschlüssel, genügt kim-desktop enroll --office-recovery-key …</source>
      <translation>This device is already enrolled. If only the office key is missing, kim-desktop enroll --office-recovery-key … is enough.</translation>
    </message>
    <message>
      <source>Für die Synchronisation fehlt noch der Büro-Wiederherstellungsschlüssel (kim-desktop enroll --office-recovery-key …).</source>
      <translation>Syncing still needs the office recovery key (kim-desktop enroll --office-recovery-key …).</translation>
    </message>
    <message>
      <source>Der Büro-Wiederherstellungsschlüssel passt nicht zu diesem Büro. Bitte prüfen Sie die Eingabe anhand des ausgedruckten Wiederherstellungsblatts.</source>
      <translation>The office recovery key does not fit this office. Please check what you typed against the printed recovery sheet.</translation>
    </message>
    <message>
      <source>Das Gerät ist angemeldet. Für die Synchronisation wird noch der Büro-Wiederherstellungsschlüssel gebraucht (kim-desktop enroll --office-recovery-key …).</source>
      <translation>The device is enrolled. Syncing still needs the office recovery key (kim-desktop enroll --office-recovery-key …).</translation>
    </message>
    <message>
      <source>Ein anderes Gerät hat den Büroschlüssel gerade angelegt. Bitte den Büro-Wiederherstellungsschlüssel dieses Geräts eingeben.</source>
      <translation>Another device has just created the office key. Please enter that device's office recovery key.</translation>
    </message>
    <message>
      <source>Diese Datenbank ist eine Kopie: Ein anderer Rechner synchronisiert mit derselben Registrierung, und dieser hier darf es nicht mehr. Bitte lassen Sie dieses Gerät von Ihrer IT neu registrieren (kim-desktop enroll). Nicht gesendete Änderungen sind beiseitegelegt („Abgelehnt“) und gehen danach mit „Erneut senden“.</source>
      <translation>This database is a copy: another computer syncs with the same enrollment, and this one may no longer. Please have your IT enroll this device anew (kim-desktop enroll). Changes not yet sent are set aside (“Rejected”) and go with “Send again” afterwards.</translation>
    </message>
    <message>
      <source>Der Sync-Server hat den Inhalt dieses Anhangs nicht. Jeder Abgleich sucht ihn erneut; bitte die IT informieren.</source>
      <translation>The sync server does not have the content of this attachment. Every sync looks for it again; please tell your IT.</translation>
    </message>
    <message>
      <source>Der Inhalt dieses Anhangs kommt beschädigt vom Sync-Server an, auch beim zweiten Versuch. Jeder Abgleich lädt ihn erneut; bitte die IT informieren.</source>
      <translation>The content of this attachment arrives damaged from the sync server, also at the second try. Every sync fetches it again; please tell your IT.</translation>
    </message>
    <message>
      <source>Der Inhalt dieses Anhangs auf dem Sync-Server ist nicht die Datei, die der Anhang beschreibt. Bitte das Gerät, auf dem er angehängt wurde, ihn erneut anhängen lassen.</source>
      <translation>The content of this attachment on the sync server is not the file the attachment describes. Please have it attached again on the computer where it was attached.</translation>
    </message>
  </context>
  <context>
    <name>precheck_rules</name>
    <message>
      <source>{status} ({legal_basis})</source>
      <translation>{status}, {legal_basis}</translation>
    </message>
    <message>
      <source>{days} Tage (rund {years} Jahre)</source>
      <translation>{days} days (about {years} years)</translation>
    </message>
    <message>
      <source>Für diesen Stichtag ist keine Fassung hinterlegt (erste Fassung ab {date}).</source>
      <translation>No version of the rule is on file for this date (first version from {date}).</translation>
    </message>
    <message>
      <source>Aufenthaltsgestattung</source>
      <translation>permission to reside during the asylum procedure (Aufenthaltsgestattung)</translation>
    </message>
    <message>
      <source>Duldung</source>
      <translation>toleration (Duldung)</translation>
    </message>
    <message>
      <source>Duldung für Personen mit ungeklärter Identität</source>
      <translation>toleration for persons whose identity is unclear (Duldung, § 60b)</translation>
    </message>
    <message>
      <source>Aufenthaltserlaubnis</source>
      <translation>residence permit (Aufenthaltserlaubnis)</translation>
    </message>
    <message>
      <source>Niederlassungserlaubnis oder Daueraufenthalt</source>
      <translation>settlement permit or permanent residence (Niederlassungserlaubnis, Daueraufenthalt)</translation>
    </message>
    <message>
      <source>Freizügigkeit nach EU-Recht</source>
      <translation>freedom of movement under EU law (Freizügigkeit)</translation>
    </message>
    <message>
      <source>eingebürgert</source>
      <translation>naturalised</translation>
    </message>
    <message>
      <source>unbekannt</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>Aufenthaltserlaubnis für gut integrierte Jugendliche und junge Volljährige (§ 25a AufenthG)</source>
      <translation>Residence permit for well-integrated adolescents and young adults (§ 25a AufenthG)</translation>
    </message>
    <message>
      <source>Übergangsregel: Für Inhaberinnen und Inhaber einer Chancen-Aufenthaltserlaubnis (§ 104c AufenthG) gilt § 25a mit Erleichterungen (§ 104c AufenthG, Chancen-Aufenthaltsrecht, Stichtag 31.10.2022 – nur noch übergangsweise von Bedeutung); die zwölfmonatige Vorduldung entfällt, Zeiten einer Duldung nach § 60b werden angerechnet. Diese Vorprüfung rechnet die § 60b-Zeiten nicht an – bitte im Einzelfall prüfen.</source>
      <translation>Transitional rule: for holders of an opportunity residence permit (Chancen-Aufenthaltserlaubnis, § 104c AufenthG), § 25a applies with relief (§ 104c AufenthG, opportunity right of residence, cut-off date 31 Oct 2022 – now relevant only in transition); the twelve months of prior toleration are not required, and periods of toleration under § 60b count. This pre-check does not count the § 60b periods – please check the individual case.</translation>
    </message>
    <message>
      <source>Inhaber einer Duldung</source>
      <translation>Holder of a toleration (Duldung)</translation>
    </message>
    <message>
      <source>Aktueller Status: {status}. § 25a richtet sich an geduldete Personen (und Inhaber einer Aufenthaltserlaubnis nach § 104c).</source>
      <translation>Current status: {status}. § 25a is aimed at tolerated persons (and holders of a residence permit under § 104c).</translation>
    </message>
    <message>
      <source>Aktueller Status: {status}. § 25a setzt eine Duldung voraus (oder eine Aufenthaltserlaubnis nach § 104c). Bei einer Duldung nach § 60b ist die Erteilung regelmäßig ausgeschlossen, solange die Identität ungeklärt ist.</source>
      <translation>Current status: {status}. § 25a requires a toleration (Duldung) (or a residence permit under § 104c). With a toleration under § 60b, the permit is as a rule excluded as long as the identity is unclear.</translation>
    </message>
    <message>
      <source>Aktueller Status: {status}.</source>
      <translation>Current status: {status}.</translation>
    </message>
    <message>
      <source>Der aktuelle Aufenthaltsstatus ist als „unbekannt“ erfasst.</source>
      <translation>The current residence status is recorded as “unknown”.</translation>
    </message>
    <message>
      <source>Für den Stichtag ist kein Aufenthaltsstatus erfasst.</source>
      <translation>No residence status is recorded for the reference date.</translation>
    </message>
    <message>
      <source>Seit mindestens zwölf Monaten geduldet</source>
      <translation>Tolerated for at least twelve months</translation>
    </message>
    <message>
      <source>Die Vorduldungszeit von {route} ist seit {date} erreicht.</source>
      <translation>The prior toleration period of {route} has been reached since {date}.</translation>
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Die Vorduldungszeit von {route} ist voraussichtlich ab {date} erreicht, wenn die Duldung fortbesteht.</source>
      <translation>Counted so far: {counted}. The prior toleration period of {route} will probably be reached from {date} if the toleration continues.</translation>
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Eine ununterbrochene Duldung von zwölf Monaten ist mit dem erfassten Verlauf nicht absehbar.</source>
      <translation>Counted so far: {counted}. An uninterrupted toleration of twelve months cannot be foreseen from the recorded history.</translation>
    </message>
    <message>
      <source>Im maßgeblichen Zeitraum ist ein Status „unbekannt“ erfasst; bisher sicher angerechnet: {counted}.</source>
      <translation>In the relevant period a status “unknown” is recorded; counted for certain so far: {counted}.</translation>
    </message>
    <message>
      <source>Die Vorduldungszeit von {route} ist ab {date} erreicht; offen: {open}</source>
      <translation>The prior toleration period of {route} is reached from {date}; open: {open}</translation>
    </message>
    <message>
      <source>Aktueller Status: {status} seit {date}. Für Inhaber einer Chancen-Aufenthaltserlaubnis entfällt die zwölfmonatige Vorduldung (Übergangsregel).</source>
      <translation>Current status: {status} since {date}. For holders of an opportunity residence permit (Chancen-Aufenthaltserlaubnis) the twelve months of prior toleration are not required (transitional rule).</translation>
    </message>
    <message>
      <source>Im Statusverlauf gibt es eine Lücke von {days} Tagen; Unterbrechungen bis {max_days} Tage werden als unschädlich behandelt. Bitte Lücke klären.</source>
      <translation>The status history has a gap of {days} days; interruptions of up to {max_days} days are treated as harmless. Please clarify the gap.</translation>
    </message>
    <message>
      <source>{days} Tage mit Duldung nach § 60b (ungeklärte Identität) werden nicht angerechnet (§ 60b Abs. 5 Satz 1 AufenthG).</source>
      <translation>{days} days of toleration under § 60b (unclear identity) are not counted (§ 60b Abs. 5 Satz 1 AufenthG).</translation>
    </message>
    <message>
      <source>zwölf Monaten</source>
      <translation>twelve months</translation>
    </message>
    <message>
      <source>Drei Jahre ununterbrochen erlaubt, geduldet oder gestattet im Bundesgebiet</source>
      <translation>Three years of uninterrupted permitted, tolerated or authorised stay in Germany</translation>
    </message>
    <message>
      <source>Der ununterbrochene Voraufenthalt von {route} ist seit {date} erreicht.</source>
      <translation>The uninterrupted prior stay of {route} has been reached since {date}.</translation>
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Der Voraufenthalt von {route} ist voraussichtlich ab {date} erreicht, wenn der Aufenthalt ununterbrochen fortbesteht.</source>
      <translation>Counted so far: {counted}. The prior stay of {route} will probably be reached from {date} if the stay continues without interruption.</translation>
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Ein ununterbrochener Voraufenthalt von drei Jahren ist mit dem erfassten Verlauf nicht absehbar.</source>
      <translation>Counted so far: {counted}. An uninterrupted prior stay of three years cannot be foreseen from the recorded history.</translation>
    </message>
    <message>
      <source>Der Voraufenthalt von {route} ist ab {date} erreicht; offen: {open}</source>
      <translation>The prior stay of {route} is reached from {date}; open: {open}</translation>
    </message>
    <message>
      <source>Im Aufenthaltsverlauf gibt es eine Lücke von {days} Tagen; eine einmalige Unterbrechung bis {max_days} Tage wird als unschädlich behandelt, die Lücke selbst zählt nicht mit. Bitte Lücke klären.</source>
      <translation>The residence history has a gap of {days} days; a single interruption of up to {max_days} days is treated as harmless, but the gap itself does not count. Please clarify the gap.</translation>
    </message>
    <message>
      <source>{days} Tage mit Duldung nach § 60b (ungeklärte Identität) werden nicht angerechnet (§ 60b Abs. 5 Satz 1 AufenthG); sie unterbrechen den Aufenthalt aber nicht.</source>
      <translation>{days} days of toleration under § 60b (unclear identity) are not counted (§ 60b Abs. 5 Satz 1 AufenthG); they do not interrupt the stay, though.</translation>
    </message>
    <message>
      <source>drei Jahren</source>
      <translation>three years</translation>
    </message>
    <message>
      <source>Drei Jahre erfolgreicher Schulbesuch oder anerkannter Abschluss</source>
      <translation>Three years of successful school attendance or a recognised qualification</translation>
    </message>
    <message>
      <source>Erfolgreicher Schulbesuch von in der Regel {years} Jahren oder ein anerkannter Schul- oder Berufsabschluss liegt vor.</source>
      <translation>Successful school attendance of, as a rule, {years} years or a recognised school or vocational qualification is on record.</translation>
    </message>
    <message>
      <source>Weder {years} Jahre erfolgreicher Schulbesuch noch ein anerkannter Schul- oder Berufsabschluss sind erfasst.</source>
      <translation>Neither {years} years of successful school attendance nor a recognised school or vocational qualification is recorded.</translation>
    </message>
    <message>
      <source>Schulbesuch ({years} Jahre) oder Abschluss sind nicht vollständig erfasst.</source>
      <translation>School attendance ({years} years) or a qualification is not fully recorded.</translation>
    </message>
    <message>
      <source>Antrag vor Vollendung des 27. Lebensjahres</source>
      <translation>Application before the 27th birthday</translation>
    </message>
    <message>
      <source>Der Antrag muss spätestens am {last_day} gestellt werden (Tag vor dem 27. Geburtstag).</source>
      <translation>The application must be made by {last_day} at the latest (the day before the 27th birthday).</translation>
    </message>
    <message>
      <source>§ 25a gilt für Jugendliche ab 14 Jahren; dieses Alter ist am {date} erreicht.</source>
      <translation>§ 25a applies to adolescents from the age of 14; this age is reached on {date}.</translation>
    </message>
    <message>
      <source>Die Antragsfrist endete am {last_day} (Tag vor dem 27. Geburtstag); § 25a ist nicht mehr möglich.</source>
      <translation>The application period ended on {last_day} (the day before the 27th birthday); § 25a is no longer possible.</translation>
    </message>
    <message>
      <source>Das Geburtsdatum ist nicht erfasst.</source>
      <translation>The date of birth is not recorded.</translation>
    </message>
    <message>
      <source>Frist: Der Antrag nach § 25a muss spätestens am {last_day} gestellt werden (in weniger als {months} Monaten).</source>
      <translation>Deadline: the application under § 25a must be made by {last_day} at the latest (in less than {months} months).</translation>
    </message>
    <message>
      <source>Die zeitlichen Voraussetzungen werden voraussichtlich erst nach dem {last_day} erfüllt – zu spät für § 25a. § 25b prüfen.</source>
      <translation>The time-based conditions will probably be met only after {last_day} – too late for § 25a. Check § 25b.</translation>
    </message>
    <message>
      <source>Pass oder Passersatz</source>
      <translation>Passport or passport substitute</translation>
    </message>
    <message>
      <source>Ein Pass liegt vor.</source>
      <translation>A passport is on record.</translation>
    </message>
    <message>
      <source>Kein Pass erfasst. Die Passpflicht gilt grundsätzlich; die Ausländerbehörde kann nach Ermessen davon absehen.</source>
      <translation>No passport recorded. The passport requirement applies in principle; the immigration office (Ausländerbehörde) may waive it at its discretion.</translation>
    </message>
    <message>
      <source>Ob ein Pass vorliegt, ist nicht erfasst.</source>
      <translation>Whether a passport exists is not recorded.</translation>
    </message>
    <message>
      <source>Keine Verurteilung oberhalb der Schwelle</source>
      <translation>No conviction above the threshold</translation>
    </message>
    <message>
      <source>Keine Verurteilung oberhalb der maßgeblichen Schwelle erfasst.</source>
      <translation>No conviction above the relevant threshold is recorded.</translation>
    </message>
    <message>
      <source>Eine Verurteilung oberhalb der maßgeblichen Schwelle ist erfasst; sie steht der Erteilung in der Regel entgegen.</source>
      <translation>A conviction above the relevant threshold is recorded; as a rule it stands in the way of the permit.</translation>
    </message>
    <message>
      <source>Ob Verurteilungen oberhalb der Schwelle vorliegen, ist nicht erfasst.</source>
      <translation>Whether there are convictions above the threshold is not recorded.</translation>
    </message>
    <message>
      <source>Aufenthaltsgewährung bei nachhaltiger Integration (§ 25b AufenthG)</source>
      <translation>Residence for sustainable integration (Aufenthaltsgewährung, § 25b AufenthG)</translation>
    </message>
    <message>
      <source>Übergangsregel: Für Inhaberinnen und Inhaber einer Chancen-Aufenthaltserlaubnis (§ 104c AufenthG, Stichtag 31.10.2022 – nur noch übergangsweise von Bedeutung) gilt § 25b mit Erleichterungen; Zeiten einer Duldung nach § 60b werden dort angerechnet. Diese Vorprüfung rechnet die § 60b-Zeiten nicht an – bitte im Einzelfall prüfen.</source>
      <translation>Transitional rule: for holders of an opportunity residence permit (Chancen-Aufenthaltserlaubnis, § 104c AufenthG, cut-off date 31 Oct 2022 – now relevant only in transition), § 25b applies with relief; periods of toleration under § 60b count there. This pre-check does not count the § 60b periods – please check the individual case.</translation>
    </message>
    <message>
      <source>Geduldet (oder Aufenthaltserlaubnis nach § 104c)</source>
      <translation>Tolerated (or residence permit under § 104c)</translation>
    </message>
    <message>
      <source>Aktueller Status: {status}. § 25b richtet sich an geduldete Personen (und Inhaber einer Aufenthaltserlaubnis nach § 104c).</source>
      <translation>Current status: {status}. § 25b is aimed at tolerated persons (and holders of a residence permit under § 104c).</translation>
    </message>
    <message>
      <source>Aktueller Status: {status}. § 25b setzt eine Duldung voraus (oder eine Aufenthaltserlaubnis nach § 104c). Bei einer Duldung nach § 60b ist die Erteilung regelmäßig ausgeschlossen, solange die Identität ungeklärt ist.</source>
      <translation>Current status: {status}. § 25b requires a toleration (Duldung) (or a residence permit under § 104c). With a toleration under § 60b, the permit is as a rule excluded as long as the identity is unclear.</translation>
    </message>
    <message>
      <source>Sechs Jahre (mit minderjährigem ledigem Kind vier Jahre) ununterbrochen geduldet, gestattet oder erlaubt</source>
      <translation>Six years (four with a minor unmarried child) of uninterrupted tolerated, authorised or permitted stay</translation>
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Der erforderliche ununterbrochene Voraufenthalt ist mit dem erfassten Verlauf nicht absehbar.</source>
      <translation>Counted so far: {counted}. The required uninterrupted prior stay cannot be foreseen from the recorded history.</translation>
    </message>
    <message>
      <source>sechs Jahren</source>
      <translation>six years</translation>
    </message>
    <message>
      <source>vier Jahren (mit minderjährigem ledigem Kind in häuslicher Gemeinschaft)</source>
      <translation>four years (with a minor unmarried child in the household)</translation>
    </message>
    <message>
      <source>Lebt ein minderjähriges lediges Kind im Haushalt?</source>
      <translation>Does a minor unmarried child live in the household?</translation>
    </message>
    <message>
      <source>Hinreichende mündliche Deutschkenntnisse (A2)</source>
      <translation>Sufficient spoken German (A2)</translation>
    </message>
    <message>
      <source>Mündliche Deutschkenntnisse mindestens auf Niveau {level} sind erfasst.</source>
      <translation>Spoken German at level {level} or above is recorded.</translation>
    </message>
    <message>
      <source>Mündliche Deutschkenntnisse auf Niveau {level} sind noch nicht erreicht.</source>
      <translation>Spoken German at level {level} has not yet been reached.</translation>
    </message>
    <message>
      <source>Mündliche Deutschkenntnisse (Niveau {level}) sind nicht erfasst.</source>
      <translation>Spoken German (level {level}) is not recorded.</translation>
    </message>
    <message>
      <source>Lebensunterhalt überwiegend durch Erwerbstätigkeit</source>
      <translation>Livelihood mainly from employment</translation>
    </message>
    <message>
      <source>Der Lebensunterhalt wird überwiegend (mehr als {percent} %) durch eigene Erwerbstätigkeit gesichert.</source>
      <translation>Livelihood is secured mainly (more than {percent} %) by the person's own employment.</translation>
    </message>
    <message>
      <source>Der Anteil eigener Erwerbstätigkeit am Lebensunterhalt liegt nicht über {percent} %. Möglich bleibt eine positive Prognose oder eine Ausnahme nach § 25b Abs. 1 Satz 3 oder Abs. 3 – bitte prüfen.</source>
      <translation>The share of the person's own employment in their livelihood is not above {percent} %. A positive prognosis or an exception under § 25b Abs. 1 Satz 3 or Abs. 3 remains possible – please check.</translation>
    </message>
    <message>
      <source>Der Anteil eigener Erwerbstätigkeit am Lebensunterhalt ist nicht erfasst (erforderlich: mehr als {percent} %).</source>
      <translation>The share of the person's own employment in their livelihood is not recorded (required: more than {percent} %).</translation>
    </message>
    <message>
      <source>Tatsächlicher Schulbesuch der Kinder im schulpflichtigen Alter</source>
      <translation>Actual school attendance of children of school age</translation>
    </message>
    <message>
      <source>Der Schulbesuch der Kinder im schulpflichtigen Alter ist erfasst.</source>
      <translation>School attendance of the children of school age is recorded.</translation>
    </message>
    <message>
      <source>Es leben keine minderjährigen Kinder im Haushalt; ein Nachweis des Schulbesuchs entfällt.</source>
      <translation>No minor children live in the household; no proof of school attendance is needed.</translation>
    </message>
    <message>
      <source>Der tatsächliche Schulbesuch der Kinder im schulpflichtigen Alter ist nicht gegeben.</source>
      <translation>The children of school age do not actually attend school.</translation>
    </message>
    <message>
      <source>Ob die Kinder im schulpflichtigen Alter die Schule tatsächlich besuchen, ist nicht erfasst.</source>
      <translation>Whether the children of school age actually attend school is not recorded.</translation>
    </message>
    <message>
      <source>Kein Pass erfasst. Die Passpflicht gilt auch für § 25b; die Ausländerbehörde kann nach Ermessen davon absehen (§ 5 Abs. 3 Satz 2 AufenthG).</source>
      <translation>No passport recorded. The passport requirement applies to § 25b too; the immigration office (Ausländerbehörde) may waive it at its discretion (§ 5 Abs. 3 Satz 2 AufenthG).</translation>
    </message>
    <message>
      <source>Eine Verurteilung oberhalb der maßgeblichen Schwelle ist erfasst; sie schließt die Erteilung in der Regel aus.</source>
      <translation>A conviction above the relevant threshold is recorded; as a rule it excludes the permit.</translation>
    </message>
    <message>
      <source>Anspruchseinbürgerung (§ 10 StAG)</source>
      <translation>Naturalisation by entitlement (Anspruchseinbürgerung, § 10 StAG)</translation>
    </message>
    <message>
      <source>Unbefristetes Aufenthaltsrecht oder Aufenthaltserlaubnis zu einem dauerhaften Zweck</source>
      <translation>Unlimited right of residence or a residence permit for a permanent purpose</translation>
    </message>
    <message>
      <source>Aktueller Status: {status}. Er genügt § 10 Abs. 1 Satz 1 Nr. 2 StAG.</source>
      <translation>Current status: {status}. It satisfies § 10 Abs. 1 Satz 1 Nr. 2 StAG.</translation>
    </message>
    <message>
      <source>Aktueller Status: {status}. Die Einbürgerung nach § 10 StAG setzt ein unbefristetes Aufenthaltsrecht oder eine Aufenthaltserlaubnis zu einem auf Dauer angelegten Zweck voraus.</source>
      <translation>Current status: {status}. Naturalisation under § 10 StAG requires an unlimited right of residence or a residence permit for a purpose meant to be permanent.</translation>
    </message>
    <message>
      <source>Aktueller Status: {status}. Die Aufenthaltserlaubnis dient einem Zweck, den § 10 Abs. 1 Satz 1 Nr. 2 StAG ausschließt.</source>
      <translation>Current status: {status}. The residence permit serves a purpose that § 10 Abs. 1 Satz 1 Nr. 2 StAG excludes.</translation>
    </message>
    <message>
      <source>Aktueller Status: {status}, aber ohne Rechtsgrundlage erfasst; ob ihr Zweck § 10 Abs. 1 Satz 1 Nr. 2 StAG genügt, ist offen.</source>
      <translation>Current status: {status}, but recorded without a legal basis; whether its purpose satisfies § 10 Abs. 1 Satz 1 Nr. 2 StAG is open.</translation>
    </message>
    <message>
      <source>Fünf Jahre rechtmäßiger gewöhnlicher Aufenthalt (bei besonderen Integrationsleistungen drei Jahre)</source>
      <translation>Five years of lawful habitual residence (three years with special integration achievements)</translation>
    </message>
    <message>
      <source>Der rechtmäßige gewöhnliche Aufenthalt von {route} ist seit {date} erreicht.</source>
      <translation>The lawful habitual residence of {route} has been reached since {date}.</translation>
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Der rechtmäßige Aufenthalt von {route} ist voraussichtlich ab {date} erreicht, wenn er ununterbrochen fortbesteht.</source>
      <translation>Counted so far: {counted}. The lawful residence of {route} will probably be reached from {date} if it continues without interruption.</translation>
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Ein ununterbrochener rechtmäßiger Aufenthalt von fünf Jahren ist mit dem erfassten Verlauf nicht absehbar.</source>
      <translation>Counted so far: {counted}. An uninterrupted lawful residence of five years cannot be foreseen from the recorded history.</translation>
    </message>
    <message>
      <source>Bisher sicher angerechnet: {counted}. Im maßgeblichen Zeitraum liegt ein Status, dessen Anrechnung offen ist (unbekannt, oder Aufenthaltsgestattung ohne spätere Anerkennung: § 55 Abs. 3 AsylG).</source>
      <translation>Counted for certain so far: {counted}. The relevant period contains a status whose counting is open (unknown, or permission to reside during the asylum procedure without later recognition: § 55 Abs. 3 AsylG).</translation>
    </message>
    <message>
      <source>Der Aufenthalt von {route} ist ab {date} erreicht; offen: {open}</source>
      <translation>The residence of {route} is reached from {date}; open: {open}</translation>
    </message>
    <message>
      <source>Im Aufenthaltsverlauf gibt es eine Lücke von {days} Tagen; Auslandsaufenthalte bis zu sechs Monaten unterbrechen den gewöhnlichen Aufenthalt nicht (§ 12b Abs. 1 StAG, hier bis {max_days} Tage), die Lücke wird vorsichtshalber nicht angerechnet. Bitte klären.</source>
      <translation>The residence history has a gap of {days} days; stays abroad of up to six months do not interrupt habitual residence (§ 12b Abs. 1 StAG, here up to {max_days} days), but to be safe the gap is not counted. Please clarify.</translation>
    </message>
    <message>
      <source>{days} Tage werden nicht angerechnet.</source>
      <translation>{days} days are not counted.</translation>
    </message>
    <message>
      <source>fünf Jahren</source>
      <translation>five years</translation>
    </message>
    <message>
      <source>drei Jahren (besondere Integrationsleistungen, § 10 Abs. 3 StAG)</source>
      <translation>three years (special integration achievements, § 10 Abs. 3 StAG)</translation>
    </message>
    <message>
      <source>Sind besondere Integrationsleistungen nachgewiesen (z. B. besonders gute schulische oder berufliche Leistungen, bürgerschaftliches Engagement)? Erforderlich sind außerdem Deutsch C1 und ein ohne Leistungen nach SGB II oder XII gesicherter Lebensunterhalt.</source>
      <translation>Are special integration achievements proven (e.g. particularly good results at school or work, civic engagement)? German at level C1 and a livelihood secured without benefits under SGB II or XII are also required.</translation>
    </message>
    <message>
      <source>Ausreichende Deutschkenntnisse (B1)</source>
      <translation>Sufficient German (B1)</translation>
    </message>
    <message>
      <source>Deutschkenntnisse mindestens auf Niveau {level} (mündlich und schriftlich) sind erfasst.</source>
      <translation>German at level {level} or above (spoken and written) is recorded.</translation>
    </message>
    <message>
      <source>Deutschkenntnisse auf Niveau {level} sind mündlich oder schriftlich noch nicht erreicht.</source>
      <translation>German at level {level} has not yet been reached, spoken or written.</translation>
    </message>
    <message>
      <source>Deutschkenntnisse (Niveau {level}, mündlich und schriftlich) sind nicht vollständig erfasst.</source>
      <translation>German (level {level}, spoken and written) is not fully recorded.</translation>
    </message>
    <message>
      <source>Einbürgerungstest bestanden</source>
      <translation>Naturalisation test passed</translation>
    </message>
    <message>
      <source>Der Einbürgerungstest ist bestanden.</source>
      <translation>The naturalisation test has been passed.</translation>
    </message>
    <message>
      <source>Der Einbürgerungstest ist noch nicht bestanden (Nachweis auch durch einen deutschen Schulabschluss möglich, § 10 Abs. 5 StAG).</source>
      <translation>The naturalisation test has not yet been passed (a German school-leaving qualification is also accepted as proof, § 10 Abs. 5 StAG).</translation>
    </message>
    <message>
      <source>Ob der Einbürgerungstest bestanden ist, ist nicht erfasst.</source>
      <translation>Whether the naturalisation test has been passed is not recorded.</translation>
    </message>
    <message>
      <source>Lebensunterhalt ohne Leistungen nach SGB II oder XII gesichert</source>
      <translation>Livelihood secured without benefits under SGB II or XII</translation>
    </message>
    <message>
      <source>Der Lebensunterhalt wird vollständig ({percent} %) aus eigenen Mitteln gesichert.</source>
      <translation>Livelihood is fully ({percent} %) secured from the person's own means.</translation>
    </message>
    <message>
      <source>Der Lebensunterhalt wird nicht vollständig ({percent} %) aus eigenen Mitteln gesichert. Ausnahmen nach § 10 Abs. 1 Satz 1 Nr. 3 StAG (z. B. Vollzeiterwerbstätigkeit in 20 der letzten 24 Monate) bitte prüfen.</source>
      <translation>Livelihood is not fully ({percent} %) secured from the person's own means. Please check the exceptions under § 10 Abs. 1 Satz 1 Nr. 3 StAG (e.g. full-time employment in 20 of the last 24 months).</translation>
    </message>
    <message>
      <source>Ob der Lebensunterhalt vollständig ({percent} %) aus eigenen Mitteln gesichert ist, ist nicht erfasst.</source>
      <translation>Whether livelihood is fully ({percent} %) secured from the person's own means is not recorded.</translation>
    </message>
    <message>
      <source>Geklärte Identität und Staatsangehörigkeit</source>
      <translation>Identity and nationality clarified</translation>
    </message>
    <message>
      <source>Ein Pass liegt vor; die Identität gilt in der Regel als geklärt.</source>
      <translation>A passport is on record; as a rule the identity counts as clarified.</translation>
    </message>
    <message>
      <source>Kein Pass erfasst. Die Identität muss auf andere Weise nachgewiesen werden – bitte prüfen.</source>
      <translation>No passport recorded. The identity must be proven in another way – please check.</translation>
    </message>
    <message>
      <source>Keine Verurteilung oberhalb der Schwelle des § 12a StAG erfasst.</source>
      <translation>No conviction above the threshold of § 12a StAG is recorded.</translation>
    </message>
    <message>
      <source>Eine Verurteilung oberhalb der Schwelle des § 12a StAG ist erfasst; sie schließt die Einbürgerung aus.</source>
      <translation>A conviction above the threshold of § 12a StAG is recorded; it excludes naturalisation.</translation>
    </message>
    <message>
      <source>Die Einbürgerung nach drei Jahren bei besonderen Integrationsleistungen (§ 10 Abs. 3 StAG in der Fassung vom 27.06.2024) ist seit 30.10.2025 entfallen; es gelten einheitlich fünf Jahre.</source>
      <translation>Naturalisation after three years for special integration achievements (§ 10 Abs. 3 StAG as amended on 27 Jun 2024) was abolished on 30 Oct 2025; five years now apply to everyone.</translation>
    </message>
    <message>
      <source>Fünf Jahre rechtmäßiger gewöhnlicher Aufenthalt</source>
      <translation>Five years of lawful habitual residence</translation>
    </message>
  </context>
</TS>
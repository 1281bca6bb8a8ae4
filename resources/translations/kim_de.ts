<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="de">
  <context>
    <name>accessibility</name>
    <message>
      <source>Erklärung zur Barrierefreiheit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Erklärung des Büros kann nicht gelesen werden: {why}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Schließen</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>accounts</name>
    <message>
      <source>Sicherung zu&amp;rückspielen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Büroleitung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Case-Management</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel ändert sich dabei nicht und gilt weiter für alle Benutzer*innen dieses Rechners; das Wiederherstellungsblatt muss nicht neu gedruckt werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passwort ändern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neues Passwort für {user}. Es gilt ab der nächsten Anmeldung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Bisheriges Passwort:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passwort än&amp;dern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte das bisherige Passwort eingeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wird geändert …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das bisherige Passwort ist falsch.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zu viele Fehlversuche.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zum Schutz vor dem Erraten von Passwörtern ist der nächste Versuch in {seconds} s möglich.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Benutzer*in hinzufügen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Rolle:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teilen Sie das erste Passwort der Person persönlich mit. Sie sollte es bei der ersten Anmeldung unter Einstellungen mit „Passwort ändern“ durch ein eigenes ersetzen. Nur die Büroleitung kann weitere Benutzer*innen anlegen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Anlegen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Den Benutzernamen „{name}“ gibt es schon.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wird angelegt …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schlüssel erneuern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Datenbank bekommt einen neuen Schlüssel. Zuerst wird eine geprüfte Sicherung im Datenordner geschrieben (rekey-backup.tar). Danach öffnen alte Kopien der Schlüsseldatei mit alten Passwörtern nichts mehr – sinnvoll, wenn ein Passwort bekannt geworden sein könnte. Alle Passwörter bleiben gültig.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>vom Wiederherstellungsblatt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Wiederherstellungsschlüssel:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schlüssel &amp;erneuern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wird erneuert …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ihr Konto</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Angemeldet als {user} ({role}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passwort ä&amp;ndern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Benutzer*innen dieses Rechners</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rolle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Benutzer*in hin&amp;zufügen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>S&amp;chlüssel erneuern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Benutzer*innen anlegen kann nur die Büroleitung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✓ Das Passwort ist geändert. Es gilt ab der nächsten Anmeldung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✓ Der Schlüssel ist erneuert. Alle Passwörter und der Wiederherstellungsschlüssel gelten weiter.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✓ {name} ist angelegt ({role}).</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>anonymity</name>
    <message>
      <source>ein Datum (z. B. ein Geburtsdatum)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>eine Anschrift</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>einen Namen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>eine E-Mail-Adresse</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>eine Telefonnummer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vor- und Nachname einer Person aus den Akten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ein Name mit Anrede</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>die Anschrift einer Person aus den Akten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ein Geburtsdatum</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Demo-Büro mit erfundenen Personen. Benutzer: {user}, Passwort: {password}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>attachments</name>
    <message>
      <source>{n} MB</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{n} KB</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Datei</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Art</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Größe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>hinzugefügt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine Anhänge.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anhänge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hin&amp;zufügen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anzei&amp;gen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kopie spei&amp;chern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschen (Entf) …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{size} – kommt nicht an</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anhang</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anhang löschen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{file}“ löschen? Die Löschung steht im Protokoll.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{size} – wird geladen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anhang hinzufügen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dokumente (*.pdf *.png *.jpg *.jpeg *.docx *.odt)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieses Dokument kann KIM Desktop nicht selbst anzeigen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Kopie ist nicht verschlüsselt: wer an den Ordner kommt, kann sie lesen. Speichern Sie sie nur, wo das erlaubt ist, und löschen Sie sie, wenn Sie sie nicht mehr brauchen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kopie speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kopie speichern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anhang speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Dokument ist beschädigt und kann nicht angezeigt werden.</source>
      <extracomment>Media types the viewer draws; other documents can only be saved as a copy. PDF pages drawn at this many pixels per point (72 per inch: about 110 dpi). A page is drawn with at most this many pixels (a large-format plan a little smaller), so that one page of a small file cannot take gigabytes. Drawn pages kept for scrolling back, the longest unseen dropped first (an A4 page at PDF_SCALE takes 3.4 MB); the page being drawn is kept whatever its size. The keys that scroll the pages, as in a scroll area (arrows a step, PgUp and PgDn a screen, Home and End): not from page to page, since a page is taller than the window.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Dokument ist mit einem Kennwort geschützt und kann nicht angezeigt werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Bild ist zu groß, um es anzuzeigen ({width} × {height} Pixel).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{file}, Seite {n} von {count}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Diese Seite kann nicht angezeigt werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Schließen</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>audit</name>
    <message>
      <source>&lt;b&gt;Protokoll der Zugriffe&lt;/b&gt; – wer welchen Datensatz wann angesehen, geändert, exportiert oder gelöscht hat</source>
      <extracomment>The most events the view reads at once (the newest); the export takes all of the filter.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Alle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktennummer, z. B. 3F2A1C</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Person (Akte):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Benutzer*in:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A&amp;ktion:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Von:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>B&amp;is:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An&amp;zeigen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einträge des Protokolls</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fortschritt beim Speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Speichern abb&amp;rechen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Als &amp;CSV speichern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Als PD&amp;F speichern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die neuesten {count} Einträge; ältere mit einem engeren Zeitraum.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ein Eintrag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Einträge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protokoll speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protokoll wird gespeichert …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protokoll gespeichert: {file}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Speichern abgebrochen; keine Datei angelegt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zeitpunkt</source>
      <extracomment>The id of the person a row concerns ("" for none), for opening their file.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Benutzer*in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Art</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Datensatz</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Angabe</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>audit_log</name>
    <message>
      <source>angelegt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>geändert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>angesehen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>in einer Liste gezeigt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>exportiert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gelöscht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>endgültig gelöscht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>freigegeben</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>als nicht gemeint bestätigt (Freigabe einer Fehlstelle)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Änderung verworfen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschung beantragt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschantrag abgelehnt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person</source>
      <extracomment>What an audit event's ``record_kind`` names, in words.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phasenwechsel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Haushaltsmitglied</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltsstatus</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beratungskontakt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anhang</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Strukturelle Lücke</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protokoll</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschantrag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export für die Datenbank KIM</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>caseload</name>
    <message>
      <source>Name suchen …</source>
      <extracomment>Above any office's caseload: the table loads everyone at once and filters in memory. The search field keeps room for at least this many characters of a name.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Suche nach Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Suche:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Alle Kommunen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kommune</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Alle Phasen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ohne offenen Fall</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Alle Handlungsfelder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage &amp;fällig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>S&amp;palten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sichtbare Spalten wählen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Neue Person …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Klient*innen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch keine Klient*innen erfasst. Mit „Neue Person“ legen Sie die erste an.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Klient*in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Klient*innen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{shown} von 1 Klient*in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{shown} von {total} Klient*innen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <extracomment>Every row's index in the current sort order; filtering keeps this order.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Alter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nächste Wiedervorlage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>client_file</name>
    <message>
      <source>Aufenthaltsstatus (Verlauf):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthalts&amp;status erfassen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rechtsgrundlage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>von</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>bis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch kein Aufenthaltsstatus erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltsstatus</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status &amp;korrigieren …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Haushalt:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>laufend</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neu ein&amp;schätzen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>aktuell</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>abgelöst</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Art</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stelle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zweck</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>erteilt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gültig bis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stand</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch keine Einwilligung erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligungen und Schweigepflichtentbindungen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Erfassen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Widerrufen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schweigepflichtentbindung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gültig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>widerrufen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nicht gültig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ressourcen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ergebnis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hilfeplan: Ziele</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel vereinbaren …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel bearbeiten …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verantwortlich</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Für dieses Ziel sind noch keine Maßnahmen vereinbart.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahmen des Ziels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahme vereinbaren …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stand der Maßnahme …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziele:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahmen des gewählten Ziels:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notizen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch keine Bedarfe eingeschätzt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarfe je Handlungsfeld</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarf &amp;einschätzen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte zuerst einen Fall eröffnen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stammdaten bea&amp;rbeiten …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>vereinbart</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch keine Ziele vereinbart.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>offen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wann</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dauer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Handlungsfelder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch keine Beratungskontakte. Strg+N erfasst einen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beratungskontakte</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beratungskontakt &amp;erfassen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{minutes} min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anliegen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>geplant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch keine Vermittlungen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlungen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung &amp;planen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bearbei&amp;ten …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{state} am {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grund: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ohne Angabe von Gründen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ohne Schweigepflichtentbindung gesendet: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ergebnis oder Grund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Gesendet …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A&amp;ngenommen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgelehn&amp;t …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abg&amp;eschlossen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung abbre&amp;chen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>fällig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Worum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine Wiedervorlagen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlagen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>erledigt am {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>überfällig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>heute fällig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zuständig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neue Wiedervorlage …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ändern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Als erledigt markieren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage erledigt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage löschen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Wiedervorlage vom {date} löschen? Im Protokoll bleibt vermerkt, wer sie gelöscht hat.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kategorie</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beschreibung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>beobachtet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>freigegeben</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieser Fall ist mit keiner strukturellen Fehlstelle verknüpft.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Strukturelle Fehlstellen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phasen des Falls:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Protokoll:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Was</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kein Verlauf.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verlauf aus dem Protokoll</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>angelegt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>geändert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>angesehen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>exportiert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gelöscht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stammdaten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligungen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarfe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hilfeplan</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anhänge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fehlstellen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verlauf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vorprüfung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung: keine gültige</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung: gültig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung: gültig bis {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wird geladen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Phase wechseln …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aus&amp;kunft (Art. 15) …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person &amp;löschen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Löschung beantragen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Teile der Akte</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Akte nicht verfügbar</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(ohne Namen)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{age} Jahre</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phase: {phase}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall abgeschlossen am {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>kein Fall eröffnet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall er&amp;öffnen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall a&amp;bschließen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall wieder er&amp;öffnen …</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>client_form</name>
    <message>
      <source>Angaben für die Vorprüfung</source>
      <extracomment>The person's master data, in the order the form and the file show them. The facts the Baustein III pre-check asks about, each optional until known. What tells one person from another; a correction of one of them asks "Person schon erfasst?" as a new person does. The user chose to open a person already recorded instead (argument: their id).</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neue Person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stammdaten bearbeiten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Angaben gespeichert.</source>
      <extracomment>The question "Person schon erfasst?" while it is open.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person schon erfasst?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Diese Personen sind schon erfasst und könnten dieselbe sein:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ähnliche Personen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vorhandene Akte öffnen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Trotzdem speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Trotzdem anlegen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zurück zum Formular</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>conflicts</name>
    <message>
      <source>Person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beratungskontakt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fehlstelle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anhang</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Schließen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(leer)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fälle: {count}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{size} Bytes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Konflikte lösen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieselben Angaben wurden hier und auf einem anderen Rechner unterschiedlich geändert. Wählen Sie je Feld, welche Fassung gilt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Konflikte</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine offenen Konflikte.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Auswahl &amp;übernehmen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{kind}: {fields}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Feld</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fassung dieses Rechners</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fassung des anderen Rechners</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{field}: diese Fassung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{field}: andere Fassung</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>consent</name>
    <message>
      <source>keine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gültig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>läuft bald ab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>abgelaufen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>widerrufen</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>consultation</name>
    <message>
      <source>Beratungskontakt bearbeiten</source>
      <extracomment>The declared fields of a consultation the form edits, in its order.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beratungskontakt erfassen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beratungskontakt gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage setzen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Namen tippen, dann Pfeiltaste und Eingabe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte eine Person aus der Liste wählen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte mindestens ein Handlungsfeld ankreuzen.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>data_protection</name>
    <message>
      <source>Auskunft gespeichert: {file}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF, deutsch (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF, englisch (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>JSON (*.json)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Auskunft nach Art. 15 DSGVO speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Person wird gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschung beantragt am {date} von {user}; die Büroleitung entscheidet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschantrag abgelehnt am {date} von {user}: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>LÖSCHEN</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person löschen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{what} Alle Daten werden endgültig gelöscht, auch auf den anderen Rechnern des Büros. Das lässt sich nicht rückgängig machen.

Zur Bestätigung bitte {word} eingeben:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nicht gelöscht: Die Bestätigung stimmte nicht.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>deletion_run</name>
    <message>
      <source>Fall abgeschlossen am {date}</source>
      <extracomment>The kinds of change that can make a person due or no longer due: a person created or erased, a case opened, closed or reopened, a consultation recorded or removed.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ohne Fall, letzter Kontakt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Akte</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>fällig seit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Regel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Archivkopie</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zur Löschung fällige Personen (Leertaste: mitlöschen oder nicht)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Archiv&amp;ordner:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ordner für die Archivkopien (je Person eine JSON-Datei)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Archivordner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ordner &amp;wählen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fortschritt des Löschlaufs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschlauf a&amp;nhalten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ausgewählte &amp;löschen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>mit Archivkopie</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ohne Archivkopie</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Jahr</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Jahre</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;b&gt;Löschlauf&lt;/b&gt; – fällig ist, wessen Aufbewahrungsfrist abgelaufen ist: {after} nach dem Abschluss des letzten Falls ({archive1}), {without} nach dem letzten Kontakt ohne Fall ({archive2}). Die Fristen legt die oder der Datenschutzbeauftragte fest.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>verlangt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nicht verlangt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Person fällig.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Personen fällig.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Niemand ist zur Löschung fällig.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Archivordner wählen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Niemand ist ausgewählt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Für {count} der Personen verlangt die Regel vorher eine Archivkopie: bitte einen Archivordner angeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Den Archivordner gibt es nicht: {folder}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Person wird gelöscht{archive}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Personen werden gelöscht{archive}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>, vorher je eine Archivkopie in den Archivordner</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschlauf läuft …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{done} von {total} gelöscht …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✓ {done} von {wanted} Personen gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Person war nicht mehr fällig (etwa ein neuer Fall) und ist nicht gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Personen waren nicht mehr fällig (etwa ein neuer Fall) und sind nicht gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Person ist nicht gelöscht, weil Dateien noch nicht auf diesem Rechner angekommen sind; bitte erst abgleichen: {persons}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Personen sind nicht gelöscht, weil Dateien noch nicht auf diesem Rechner angekommen sind; bitte erst abgleichen: {persons}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Löschlauf hat angehalten: {reason} Wer schon gelöscht ist, bleibt gelöscht; die übrigen stehen noch in der Liste.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>demo_data</name>
    <message>
      <source>Erfundene Personen werden angelegt …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abbrechen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Demo-Daten</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <source>Fall eröffnen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall abschließen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte einen Abschlussgrund wählen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall wieder eröffnen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung oder Schweigepflichtentbindung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall eröffnet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall abgeschlossen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall wieder eröffnet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage ändern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarf neu einschätzen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarf einschätzen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarf gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die neue Einschätzung löst die vom {date} ab; diese bleibt im Verlauf.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel bearbeiten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stand der Maßnahme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahme gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahme:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltsstatus gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel vereinbaren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung planen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahme vereinbaren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte die Partnerstelle wählen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltsstatus korrigieren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltsstatus erfassen</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>drafts</name>
    <message>
      <source>Nicht gespeicherte Eingaben wiederhergestellt.</source>
      <extracomment>How often an open form's input is compared with its saved draft. Opens a form again: ``(window, subject, show)``; calls ``show(form)`` once it is built (perhaps after a read), or not at all when its record is gone. The modules whose forms keep drafts (each registers its :func:`reopener` on import).</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>eligibility</name>
    <message>
      <source> Monate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zeitraum in Monaten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Berechtigt &amp;innerhalb von:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Alle Regeln</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Regel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Regel:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stand</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>voraussichtlich ab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fehlende Voraussetzungen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bald berechtigte Klient*innen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>(ohne Namen)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>—</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch nicht erfüllt: {conditions}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Angaben fehlen: {conditions}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Treffer im nächsten Monat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Treffer in den nächsten {months} Monaten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In diesem Zeitraum wird voraussichtlich niemand berechtigt.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>erasure</name>
    <message>
      <source>Löschung beantragen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschung beantragt. Die Büroleitung entscheidet darüber.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Beantragen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschantrag ablehnen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschantrag abgelehnt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Ablehnen</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>first_run</name>
    <message>
      <source>Die beiden Passwörter stimmen nicht überein.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Benutzername:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Neues Passwort:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Passwort:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mindestens {minimum} Zeichen, und nicht leicht zu erraten. Am leichtesten zu merken ist ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte einen Benutzernamen angeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Willkommen bei KIM Desktop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Legen Sie das Konto der Büro-Administration an. Alle Daten werden auf diesem Rechner verschlüsselt gespeichert; das Passwort schützt den Schlüssel.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Anlegen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ihr Wiederherstellungsschlüssel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Er wird nur jetzt angezeigt. Drucken Sie das Blatt aus oder speichern Sie es als PDF und bewahren Sie es verschlossen auf.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiederherstellungsschlüssel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Als &amp;PDF speichern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Drucken …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abbre&amp;chen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gespeichert: {file}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiederherstellungsblatt speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF-Dateien (*.pdf)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgleich mit dem Büro</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KIM Desktop arbeitet vollständig ohne Netz. Ein Sync-Server gleicht die Daten Ende-zu-Ende-verschlüsselt mit den anderen Rechnern des Büros ab.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Nur auf diesem Rechner arbeiten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mit dem Sync-Server &amp;verbinden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nur auf weiteren Rechnern des Büros</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Server-&amp;Adresse:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Adresse und Zertifikat des Servers hat Ihre IT festgelegt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anmelde&amp;code der IT:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Büro-Wiederherstellungs&amp;schlüssel:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ich habe den Büro-Wiederherstellungsschlüssel sicher auf&amp;bewahrt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neuer Büro-Wiederherstellungsschlüssel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte Server-Adresse (https://…) und Anmeldecode angeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verbinde …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KIM Desktop einrichten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neues Passwort wieder&amp;holen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passwort wieder&amp;holen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ich habe den Wiederherstellungsschlüssel sicher &amp;aufbewahrt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Weiter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Zurück</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Fertig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wird angelegt …</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>formats</name>
    <message>
      <source>Akte {number}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>geb. {date}</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>gaps</name>
    <message>
      <source>{name} ({details}, Fall abgeschlossen)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Beschreibung enthält vermutlich {what}. Bitte so formulieren, dass niemand erkennbar ist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Strukturelle Fehlstelle bearbeiten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Strukturelle Fehlstelle erfassen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fehlstelle gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fälle nach Name filtern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fälle suchen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verknüpfte Fälle:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Strukturelle Fehlstellen sind Stellen, an denen Integration immer wieder hakt. Nur die anonyme Beschreibung geht an die Koordination, und erst nach Freigabe.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>beobachtet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kategorie</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kommune</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fälle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stand</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beschreibung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch keine strukturellen Fehlstellen erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Strukturelle Fehlstellen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fehlstelle &amp;erfassen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Bearbeiten …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Freigeben …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>freigegeben am {when}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nicht freigegeben</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> und {n} weitere</source>
      <extracomment>File numbers shown per last name: enough to look the person up, no more.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{name}“ ist ein Nachname in den Akten: {files}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{fragment}“: {what}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>So kann die Beschreibung nicht freigegeben werden. Sie enthält:
{found}
Bitte unter „Bearbeiten“ anders formulieren.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fehlstelle freigeben</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fehlstelle freigegeben.</source>
      <extracomment>A confirmation kept over a lock: whether given, and for whom.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieser &amp;Text verlässt das Büro:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{category}, {field_of_action}, {municipality}; {cases} verknüpfte Fälle (als Anzahl, ohne Personen)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dazu:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Beschreibung wird mit allen Personen des Büros abgeglichen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ich &amp;bestätige: Die Beschreibung meint keine dieser Personen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Freigeben</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine personenbezogenen Angaben aus den Akten gefunden.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>household</name>
    <message>
      <source>Person im Haushalt bearbeiten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person im Haushalt hinzufügen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Haushalt gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beziehung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vorname</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geburtsdatum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Alter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ledig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schule</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Niemand im Haushalt erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Haushalt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person im Haushalt hin&amp;zufügen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person im Haushalt &amp;ändern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aus dem Haushalt en&amp;tfernen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aus dem Haushalt entfernen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{who} aus dem Haushalt entfernen? Der Eintrag bleibt im Protokoll.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entfernen</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>lists</name>
    <message>
      <source>unbekannt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ja</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nein</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>main_window</name>
    <message>
      <source>Bereiche</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pr&amp;otokoll</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Löschlauf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Start</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Klient*innen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Strukturelle &amp;Fehlstellen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>S&amp;tatistik</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Einstellungen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Bald berechtigt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KIM Desktop – {user}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Datei</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neuer &amp;Beratungskontakt …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neue &amp;Person …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Jetzt s&amp;ynchronisieren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Berichtsdaten erneut s&amp;enden …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export für die Datenbank &amp;KIM …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Sperren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bee&amp;nden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Klient*innen s&amp;uchen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Über &amp;KIM Desktop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Ansicht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Akte s&amp;chließen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Hilfe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erklärung zur &amp;Barrierefreiheit …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieses Gerät ist mit keinem Sync-Server verbunden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Berichtsdaten erneut senden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server löscht alle Berichtsdaten dieses Büros (Auswertungsangaben und freigegebene Fehlstellen) und erhält sie neu von diesem Gerät. So werden falsche Angaben eines fehlerhaften Geräts entfernt. Die Koordination sieht bis zum Ende des Abgleichs weniger Zahlen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erneut senden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Akte</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Über KIM Desktop</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KIM Desktop {version}
Fallmanagement im Kommunalen Integrationsmanagement.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>Die Datei konnte nicht gelesen oder geschrieben werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherten Daten sind nicht betroffen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KIM Desktop</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>office_contacts</name>
    <message>
      <source>Datenschutz</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Auskunft nach Art. 15 DSGVO nennt die verantwortliche Stelle und die oder den Datenschutzbeauftragten; ohne beide wird sie nicht erstellt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Verantwortliche Stelle mit Anschrift:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kontakt der Stelle (Telefon, E-&amp;Mail):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Datenschutzbeauftra&amp;gte*r mit Anschrift:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kontakt der/des Beauftragten (&amp;Post, Telefon, E-Mail):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Datenschutzangaben &amp;übernehmen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Angaben konnten nicht gespeichert werden: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gespeichert. Solange verantwortliche Stelle oder Datenschutzbeauftragte*r fehlen, wird keine Auskunft erstellt.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>office_export</name>
    <message>
      <source>Export für die Datenbank KIM</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Export für die Datenbank KIM gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E&amp;xportieren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>CSV mit Schema-Datei</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>JSON</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ordner für die Dateien</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>mit Namen und Geburtsdatum (bewusste Ausnahme)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pseudonyme verknüpfbar: in jedem solchen Export gleich</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Von:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Bis:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Format:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Ordner:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Dateien enthalten dann Namen und Geburtsdaten und sind nicht verschlüsselt. Bitte nur über einen sicheren Weg weitergeben und danach löschen; der Export wird protokolliert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte den Zeitraum angeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte einen vorhandenen Ordner angeben.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>phase</name>
    <message>
      <source>kein offener Fall</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phase wechseln</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phase gewechselt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bisher:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall eröffnet ({phase})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall abgeschlossen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{before} → {after}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schritt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Art</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch kein Fall eröffnet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phasenverlauf</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>precheck</name>
    <message>
      <source>erfüllt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nicht erfüllt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>offen (Angabe fehlt)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stand {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Angaben für die Vorprüfung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An&amp;gaben bearbeiten …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung an A&amp;usländerbehörde vorbereiten …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung an Ei&amp;nbürgerungsbehörde vorbereiten …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Regel / Voraussetzung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stand</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>voraussichtlich ab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erläuterung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vorprüfung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erläuterung der gewählten Zeile</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Im Katalog der Partnerstellen fehlt eine passende Behörde.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hinweis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung vorbereiten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stelle:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>heute</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geplant am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Anliegen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vorprüfung ohne Rechtswirkung: Sie ersetzt weder die Prüfung und Entscheidung der zuständigen Behörde noch eine Rechtsberatung. Maßgeblich sind Gesetz und Einzelfall.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>recovery_sheet</name>
    <message>
      <source>KIM Desktop – Wiederherstellungsblatt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erstellt am {date} für das Konto {user}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiederherstellungsschlüssel:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mit diesem Schlüssel lässt sich ein vergessenes Passwort ersetzen und ein neuer Rechner dem Büro hinzufügen. Bewahren Sie das Blatt verschlossen auf, getrennt vom Rechner. Wer den Schlüssel hat, kann alle Daten dieses Büros lesen.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>referrals</name>
    <message>
      <source>Vermittlung senden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung als gesendet gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Als gesendet &amp;speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stelle:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>, gültig bis {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>✓ Eine Schweigepflichtentbindung für diese Stelle liegt vor (erteilt am {granted}{until}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>⚠ Für diese Stelle liegt am {date} keine gültige Schweigepflichtentbindung vor. Ohne sie darf die Vermittlung nur mit einer dokumentierten Begründung gesendet werden, etwa bei Gefahr im Verzug. Besser ist meist, zuerst die Schweigepflichtentbindung einzuholen und zu erfassen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte begründen, warum ohne Schweigepflichtentbindung gesendet wird.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung gespeichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung angenommen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Als angenommen &amp;speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung abgelehnt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Als abgelehnt &amp;speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung abgeschlossen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Als abgeschlossen &amp;speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung abbrechen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Als abgebrochen &amp;speichern</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>rejected</name>
    <message>
      <source>Abgelehnte Änderungen</source>
      <extracomment>The reason as the sync client words it (German; translated when shown).</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server hat diese Änderungen nicht angenommen. Sie bleiben auf diesem Rechner gespeichert, bis Sie sie erneut senden oder verwerfen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine abgelehnten Änderungen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Erneut senden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Verwerfen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Schließen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{kind}, abgelehnt {when}
{reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Änderung verwerfen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Änderung dieses Rechners an diesem Datensatz wird verworfen: Er erhält wieder den Stand des Büros, oder er wird hier entfernt, wenn der Server ihn nie angenommen hat. Das lässt sich nicht rückgängig machen und wird im Protokoll vermerkt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verwerfen</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>restore</name>
    <message>
      <source>Die Sicherung ist zurückgespielt. Bitte melden Sie sich mit einem Passwort vom Zeitpunkt der Sicherung an.</source>
      <extracomment>The main window is shown (argument: the window). The client files open at the lock (ids, in tab order) and the tab shown, to open again when the same user unlocks; in memory only.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Datenbank dieses Rechners wird durch die Sicherung ersetzt. Was hier seit der Sicherung erfasst und noch nicht an den Sync-Server gegangen ist, fehlt danach; die bisherigen Dateien bleiben im Unterordner {folder}. Passwörter und Benutzer*innen sind danach die vom Zeitpunkt der Sicherung. Was dieser Rechner seit der Sicherung an den Sync-Server gesendet hat, holt er beim nächsten Abgleich zurück. Wer nach der Sicherung gelöscht wurde, wird bei der nächsten Anmeldung erneut gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Person, die nach der zurückgespielten Sicherung gelöscht worden war, ist erneut gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Personen, die nach der zurückgespielten Sicherung gelöscht worden waren, sind erneut gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sicherung zurückspielen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pfad der Sicherungsdatei</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Durchsuchen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sicherungs&amp;datei:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Zurückspielen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sicherung wählen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KIM-Sicherungen (*.kimbackup *.tar);;Alle Dateien (*)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte die Sicherungsdatei wählen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Sicherung wird geprüft …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Sicherung ist in Ordnung. Jetzt zurückspielen? Das Programm schließt dafür alle Fenster; danach melden Sie sich mit einem Passwort vom Zeitpunkt der Sicherung an.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zurückspielen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Sicherung wird zurückgespielt …</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>settings_page</name>
    <message>
      <source> Minute</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> Minuten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Au&amp;tomatisch abgleichen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Sprache / Language:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sperren nach &amp;Inaktivität:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgleich a&amp;lle:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> Tag</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> Tagen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>An Vermittlung ohne Ant&amp;wort erinnern nach:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einstellungen gelten für diesen Rechner. Sie enthalten keine personenbezogenen Daten; diese liegen nur in der verschlüsselten Datenbank.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erfundene Personen &amp;hinzufügen (100) …</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>start</name>
    <message>
      <source>fällig</source>
      <extracomment>How far ahead the start page lists follow-ups coming up. The most follow-ups of one group the start page reads. Referrals sent long enough ago without an answer (the latest first, as the overdue follow-ups), with the person's name.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Worum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlagen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Heute ({count})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Überfällig ({count})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>seit {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Demnächst ({count})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlungen ohne Antwort ({count})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gesendet {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>keine Antwort von {agency}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Für die Büroleitung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Zum Löschlauf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beantragt am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>von</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine Löschanträge.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Löschanträge</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Genehmigen und löschen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ablehne&amp;n …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zur Löschung fällig nach den Aufbewahrungsfristen: 1 Person.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zur Löschung fällig nach den Aufbewahrungsfristen: {count} Personen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Niemand ist zur Löschung fällig.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{name} wird auf Antrag von {user} gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Meine</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A&amp;lle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlagen: {whose}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wann</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Art</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch keine Beratungskontakte. Strg+N erfasst den ersten.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Letzte Beratungskontakte</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;b&gt;Letzte Beratungskontakte&lt;/b&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Guten Tag, {user}. Heute fällig: {today}, überfällig: {overdue}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>heute</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&lt;b&gt;Wiedervorlagen&lt;/b&gt;</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgleich: {state}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Offene Konflikte: {count} …</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>statistics</name>
    <message>
      <source>nur &amp;meine Fälle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Von:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Bis:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>offene Fälle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine offenen Fälle.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Offene Fälle nach Phase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kontakte</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine Beratungskontakte im Zeitraum.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beratungskontakte nach Handlungsfeld</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Monat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Minuten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fälle eröffnet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fälle abgeschlossen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine Daten im Zeitraum.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verlauf nach Monat</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{consultations} mit zusammen {hours} Stunden im Zeitraum; {open}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Beratungskontakt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Beratungskontakte</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 offener Fall</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} offene Fälle</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>sync_status</name>
    <message>
      <source>Jetzt s&amp;ynchronisieren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Konflikte: {count} …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kein Sync-Server eingerichtet: Dieses Büro arbeitet nur lokal.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nur lokal – kein Sync-Server eingerichtet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gerät gesperrt: {reason}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Online</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Offline</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>letzter Abgleich {when}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>noch nie abgeglichen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anhänge werden noch geladen: {count}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Anhänge kommen nicht vom Sync-Server an; jeder Abgleich versucht es erneut, der Grund steht beim Anhang</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Datensatz vom Server lässt sich nicht öffnen und wird bei jedem Abgleich erneut versucht; bitte den Büro-Wiederherstellungsschlüssel prüfen oder KIM aktualisieren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Datensätze vom Server lassen sich nicht öffnen und werden bei jedem Abgleich erneut versucht; bitte den Büro-Wiederherstellungsschlüssel prüfen oder KIM aktualisieren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 eigene Änderung wartet auf ein Update von KIM: eine neuere Fassung vom Server lässt sich hier nicht öffnen; nichts geht verloren, nach dem Update wird beides zusammengeführt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} eigene Änderungen warten auf ein Update von KIM: neuere Fassungen vom Server lassen sich hier nicht öffnen; nichts geht verloren, nach dem Update wird beides zusammengeführt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>1 Auswertungsangabe hat der Server abgelehnt (unbekannter Code oder eine Kommune, die das Büro dort nicht betreut); bitte die IT informieren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} Auswertungsangaben hat der Server abgelehnt (unbekannter Code oder eine Kommune, die das Büro dort nicht betreut); bitte die IT informieren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgleich: Stand wird gelesen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgleich &amp;abbrechen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nicht abgeglichene Änderungen: {count}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgelehnt: {count} …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sende Anhänge … {done} von {total}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lade Anhänge … {done} von {total}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sende Änderungen … {done}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hole Änderungen … {done}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sende Auswertungsdaten … {done}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgleich läuft …</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>unlock</name>
    <message>
      <source>KIM Desktop – Entsperren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fallmanagement im Kommunalen Integrationsmanagement. Bitte melden Sie sich an.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Benutzername:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Passwort:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Entsperren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passwort &amp;vergessen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Been&amp;den</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte Benutzername und Passwort eingeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wird entsperrt …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zum Schutz vor dem Erraten von Passwörtern wartet KIM Desktop nach Fehlversuchen kurz. Nächster Versuch in {seconds} s.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passwort vergessen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geben Sie den Wiederherstellungsschlüssel vom Wiederherstellungsblatt ein und wählen Sie ein neues Passwort.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Wiederherstellungsschlüssel:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passwort &amp;setzen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Abbrechen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte den Wiederherstellungsschlüssel eingeben.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>widgets</name>
    <message>
      <source>Hinweis</source>
      <extracomment>How long a confirmation stays in the status bar.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Speichern</source>
      <extracomment>What the status bar says once saved; subclasses name what they save.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abbrechen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gespeichert.</source>
      <extracomment>Fields by the key of the declared field they edit, so that an error naming a field can point at it (filled by declared rows).</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ungespeicherte Eingaben</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ihre Eingaben sind noch nicht gespeichert. Verwerfen?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>TT.MM.JJJJ</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kalender (Alt+Pfeil nach unten)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{text}“ ist kein gültiges Datum. Bitte als {example} eingeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kalender</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{text}“ ist keine gültige Uhrzeit. Bitte als {example} eingeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{field}: Datum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{field}: Uhrzeit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Angabe fehlt</source>
      <extracomment>The longest text a one-line field of the small forms takes. A filter's choice shows at least this many characters; a longer entry is cut short instead of widening its bar beyond a small or scaled screen.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>— bitte wählen —</source>
      <extracomment>Catalogs up to this size are ticked in a list; larger ones pick a main code.</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>wipe</name>
    <message>
      <source>Löschung durch die IT</source>
      <extracomment>How long the sync waits for the interface to close its windows before it deletes anyway.</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Daten dieses Rechners werden jetzt gelöscht. Bitte warten Sie, bis das Programm sich beendet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stand der Löschung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Programm &amp;beenden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Daten dieses Rechners sind gelöscht: die Datenbank, ihr Änderungsprotokoll und die Schlüsseldatei. Das Programm wird beendet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Daten konnten nicht vollständig gelöscht werden ({problem}). Bitte wenden Sie sich sofort an Ihre IT.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DomainError</name>
    <message>
      <source>Der Datensatz ({kind}) wurde nicht gefunden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Person wurde gelöscht; es sind keine Änderungen mehr möglich.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Datensatz ({kind}) ist gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte „{field}“ angeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{field}“ ist zu lang (höchstens {limit} Zeichen).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{field}“ enthält Steuerzeichen, einen Zeilenumbruch oder unsichtbare Zeichen (etwa solche, die die Schreibrichtung umkehren); bitte ohne sie eingeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unbekannter Eintrag „{value}“ im Katalog {catalog}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ungültiger Wert für „{field}“.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{field}“ darf nicht in der Zukunft liegen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{later}“ darf nicht vor „{earlier}“ liegen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{field}“ muss zwischen {low} und {high} liegen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{field}“ muss {low} sein.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zeitraum außerhalb des möglichen Bereichs: bitte Tage vom {low} bis zum {high} angeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Aufenthaltszeitraum überschneidet sich mit einem bestehenden Zeitraum.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Für diese Person ist bereits ein Fall offen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Fall ist abgeschlossen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Fall ist nicht abgeschlossen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Von der Phase „{current}“ geht es nicht direkt zur Phase „{target}“.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte einen Grund angeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Auskunft nach Art. 15 muss die verantwortliche Stelle und die oder den Datenschutzbeauftragten nennen; solange eine der beiden Angaben fehlt, wird sie nicht erstellt. Die Büroleitung trägt sie unter Einstellungen → Datenschutz ein (oder IT in der Bereitstellungsdatei, [data_protection]).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Eine Vermittlung im Status „{current}“ kann nicht „{target}“ werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Für diese Stelle liegt am {date} keine gültige Schweigepflichtentbindung vor. Bitte eine erfassen oder die Ausnahme begründen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Eine Schweigepflichtentbindung braucht eine empfangende Stelle.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Einwilligung ist bereits widerrufen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Datei ist zu groß (höchstens {limit_mb} MB).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Datei ist leer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Datei wird noch vom Sync-Server geladen. Bitte nach dem nächsten Abgleich erneut versuchen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Archivkopie wäre unvollständig: auf diesem Rechner fehlt noch der Inhalt von {files}. Bitte erst abgleichen; die Person ist nicht gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieser Dateityp wird nicht angenommen (erlaubt: PDF, PNG, JPEG, DOCX, ODT).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Beschreibung enthält vermutlich personenbezogene Angaben ({hint}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Beschreibung enthält den Nachnamen einer Person aus den Akten. Bitte bestätigen, dass sie keine Person meint.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Fehlstelle ist bereits freigegeben und kann nicht mehr geändert werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Wiedervorlage ist bereits erledigt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Im Büro arbeitet niemand unter dem Namen „{name}“: bitte einen der vorgeschlagenen Benutzernamen wählen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Aufbewahrungsfrist ist noch nicht abgelaufen (bis {date}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Löschung muss bestätigt werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das darf nur die Büroleitung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Löschung dieser Person ist schon beantragt; die Büroleitung entscheidet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Über diesen Löschantrag ist schon entschieden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Auswahl hat {count} Einträge, ein PDF des Protokolls höchstens {high}: bitte Zeitraum eingrenzen oder CSV wählen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte die Aktennummer der Person angeben (mindestens {shortest} Zeichen).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mehrere Personen haben eine Kennung, die so beginnt: bitte mehr Zeichen der Kennung angeben (sie steht im Export des Protokolls).</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DomainField</name>
    <message>
      <source>1.1.1900</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgebrochen am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgelehnt am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgeschlossen am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abschluss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abschlussgrund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktion</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Angenommen am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anlass</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anliegen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Antwort am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Art</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Art des Datensatzes</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Art des Kontakts</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltsstatus</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Begründung der Ausnahme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bemerkung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beobachtet am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beratungskontakt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beschreibung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beschreibung (anonym)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beziehung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dateiname</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dateityp</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dauer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deutsch mündlich</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deutsch mündlich nachgewiesen am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deutsch schriftlich</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deutsch schriftlich nachgewiesen am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dolmetschung nötig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>E-Mail</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Eigenanteil am Lebensunterhalt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einbürgerungstest bestanden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Eingeschätzt am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einreisedatum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Empfangende Stelle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entschieden am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Entschieden von</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erfolgreiche Schuljahre</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ergebnis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erledigt am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erteilt am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall eröffnet am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Format</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Freigegeben am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Freigegeben von</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fällig am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geburtsdatum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geburtsname</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geht zur Schule</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geplant am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geschlecht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gesendet am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gewechselt am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grund</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grund der Ablehnung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grund der Löschung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grund der Wiedereröffnung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Grund des Abbruchs</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Größe (Bytes)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gültig ab</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gültig bis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Handlungsfeld</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Handlungsfelder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Höchstens</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kategorie</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kommune</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ledig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Letzter Phasenwechsel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahme</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mit Dolmetschung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Monate</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nachname</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notiz</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Notizen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ort</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partnerstelle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pass oder Passersatz vorhanden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Phase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Postleitzahl</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rechtsgrundlage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ressourcen und Stärken</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schritt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schweigepflichtentbindung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sprache</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sprache der Dolmetschung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sprache des Formulars</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sprachen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Staatsangehörigkeiten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stand</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stelle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Straße</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Telefon</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Text der Wiedervorlage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verantwortlich</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verknüpfte Fälle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Verurteilung oberhalb der Schwelle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Von</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vorherige Phase</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vorheriger Schritt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vorname</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Widerrufen am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wieder eröffnet am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Worum es geht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zeitpunkt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel vereinbart am</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zielgruppenmerkmale</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zuständig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zweck</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ConsentKind</name>
    <message>
      <source>Einwilligung in die Datenverarbeitung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schweigepflichtentbindung</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ErasureRequestState</name>
    <message>
      <source>offen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>abgelehnt</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Gender</name>
    <message>
      <source>keine Angabe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>weiblich</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>männlich</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>divers</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GoalStatus</name>
    <message>
      <source>offen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>erreicht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>teilweise erreicht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>nicht erreicht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>aufgegeben</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>HouseholdRelation</name>
    <message>
      <source>Kind</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ehepartner*in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partner*in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Elternteil</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geschwister</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>andere Person</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>LanguageLevel</name>
    <message>
      <source>kein Niveau</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>B1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>B2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>C1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>C2</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>MeasureStatus</name>
    <message>
      <source>geplant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>in Arbeit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>erledigt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>abgebrochen</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>NeedLevel</name>
    <message>
      <source>kein Bedarf</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gering</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>mittel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>hoch</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Phase</name>
    <message>
      <source>Klärung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einschätzung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hilfeplanung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Umsetzung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Monitoring</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Evaluation</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abschluss</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>PhaseEvent</name>
    <message>
      <source>eröffnet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>weiter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>zurück</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>abgeschlossen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>wieder eröffnet</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Qualification</name>
    <message>
      <source>kein Abschluss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schulabschluss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Berufsabschluss</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ReferralState</name>
    <message>
      <source>geplant</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>gesendet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>angenommen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>abgelehnt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>abgeschlossen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>abgebrochen</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Responsible</name>
    <message>
      <source>Klient*in</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Case-Management</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Partnerstelle</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>VaultError</name>
    <message>
      <source>Benutzername oder Passwort ist falsch.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Benutzername oder Passwort ist falsch. Nächster Versuch in {seconds} Sekunden möglich.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zu viele Fehlversuche. Bitte in {seconds} Sekunden erneut versuchen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Datenbank ist gesperrt. Bitte erneut anmelden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>KIM Desktop ist mit diesem Datenordner bereits geöffnet (in einem anderen Fenster oder von einem anderen Benutzerkonto). Bitte dort weiterarbeiten oder das andere Programm erst schließen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In diesem Datenordner gibt es noch keine Datenbank. Bitte zuerst einrichten (kim-desktop init --user NAME).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In diesem Datenordner gibt es bereits eine Datenbank. Sie wird nicht überschrieben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Datenbank konnte nicht auf den Stand dieser Programmversion gebracht werden. Es wurde nichts verändert. Bitte den Support verständigen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Im Datenordner fehlt die Datenbank {file}. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Datenbank {file} ist unvollständig. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Datenbank {file} ist beschädigt und kann nicht gelesen werden. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Auf dem Datenträger des Datenordners ist kein Platz mehr frei. Es wurde nichts verändert. Bitte Platz schaffen und es dann erneut versuchen; eine Sicherung zurückzuspielen hilft dabei nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Datenträger des Datenordners meldet einen Lese- oder Schreibfehler. Es wurde nichts verändert. Bitte prüfen, ob er voll, schreibgeschützt oder nicht erreichbar ist, und es dann erneut versuchen; erst wenn der Fehler bleibt, die IT fragen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Im Datenordner fehlt die Schlüsseldatei {file}. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei {file} im Datenordner ist beschädigt. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei {file} enthält eine unbekannte Rolle. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei passt nicht zur Datenbank. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei {file} wurde verändert: Ihre Prüfsumme passt nicht zum Schlüssel der Datenbank. Sicherheitshalber wird nichts geöffnet. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei {file} wurde verändert: Die Rolle eines Benutzers wurde darin von Hand geändert. Das Passwort stimmt, aber sicherheitshalber wird nichts geöffnet. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei {file} gehört zu einem früheren Schlüssel der Datenbank {database}: Die Datenbank wurde seitdem mit „Schlüssel erneuern“ neu verschlüsselt, und eine ältere {file} (etwa aus einer Kopie oder Sicherung) wurde neben sie gelegt. Die Datenbank selbst ist nicht beschädigt. Bitte die aktuelle {file} zurücklegen oder eine Sicherung zurückspielen, die beide Dateien enthält (kim-desktop restore --from DATEI, etwa rekey-backup.tar im Datenordner).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei {file} verlangt eine unzulässig aufwendige Schlüsselableitung und wurde vermutlich verändert. Bitte die letzte Sicherung zurückspielen (kim-desktop restore --from DATEI).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei stammt von einer neueren Version von KIM Desktop. Bitte das Programm aktualisieren.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei {file} kann nicht gelesen werden ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Schlüsseldatei {file} konnte nicht gespeichert werden ({reason}). Es wurde nichts verändert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Diesen Benutzer gibt es in diesem Datenordner nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Den Benutzernamen »{name}« gibt es schon.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Benutzername darf nicht leer sein.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Benutzername darf höchstens {limit} Zeichen lang sein.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Benutzername enthält Steuerzeichen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nur die Büroleitung darf Passwörter anderer ändern.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nur die Büroleitung darf Benutzer anlegen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort ist zu kurz: Es braucht mindestens {minimum} Zeichen. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort enthält unsichtbare Zeichen oder Steuerzeichen (etwa ein Leerzeichen ohne Breite, eine Schreibrichtungsmarke oder einen Tabulator), die man beim nächsten Mal nicht sicher wieder eintippt. Bitte nur sichtbare Zeichen und normale Leerzeichen verwenden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es besteht vor allem aus dem Benutzernamen. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es besteht vor allem aus Wörtern, die jeder zuerst probiert, der weiß, wo das Programm läuft (KIM, Integration, Rathaus, Kreis, die Orte im Kreis, der Name des Büros). Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es ist ein häufiges Passwort oder ähnelt einem (auch mit Zahlen oder Zeichen daran). Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es enthält eine Tastenfolge wie »qwertz« oder »asdf«. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es enthält eine Folge wie »1234« oder »abcd«. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es wiederholt Zeichen oder Teile. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Jahreszahlen und Daten helfen kaum. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Wort + Jahreszahl (wie »Sommer2024« oder »Hannover1996!«) probieren Angreifer als Erstes, auch mit Großbuchstaben und Zeichen daran; die Jahreszahl macht das Wort kaum sicherer. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es besteht vor allem aus einem gebräuchlichen Namen. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es ist ein bekannter Spruch, Gruß, Lied- oder Filmtitel oder beginnt damit (auch mit Zahlen oder Zeichen daran); solche Sätze probieren Angreifer als Erstes. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Passwort wäre zu schnell erraten: Es besteht aus zu wenigen, zu häufigen Wörtern. Gut geht ein Satz aus vier oder mehr Wörtern, die man so nicht zusammen erwartet und die kein bekannter Spruch, Lied- oder Filmtitel sind; Groß- und Sonderzeichen braucht es dann nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel enthält ungültige Zeichen: {characters}. Erlaubt sind Ziffern und Buchstaben außer U.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel hat {length} statt {expected} Zeichen ({blocks} Blöcke zu je {block} Zeichen). Bitte vollständig abtippen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel enthält einen Tippfehler (Block {blocks}). Bitte mit dem ausgedruckten Blatt vergleichen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel enthält einen Tippfehler (Blöcke {blocks}). Bitte mit dem ausgedruckten Blatt vergleichen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Wiederherstellungsschlüssel enthält einen Tippfehler im letzten Block. Bitte mit dem ausgedruckten Blatt vergleichen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieser Wiederherstellungsschlüssel gehört nicht zu diesem Datenordner.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Sicherungsdatei gibt es nicht: {path}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Ordner für die Sicherung existiert nicht: {folder}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Sicherung konnte nicht geschrieben werden ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Sicherung ist fehlgeschlagen ({reason}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Sicherung konnte nicht fehlerfrei geschrieben werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nur die Büroleitung darf den Schlüssel erneuern.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Schlüssel kann erst erneuert werden, wenn sich diese Benutzer*innen einmal mit dieser Version angemeldet haben: {names}. Es wurde nichts verändert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Zum Erneuern des Schlüssels wird der Wiederherstellungsschlüssel vom ausgedruckten Blatt gebraucht: Mit ihm wird geprüft, dass der neue Schlüssel für ihn gilt und nicht für einen anderen (er bleibt danach gültig).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieser Wiederherstellungsschlüssel öffnet den Wiederherstellungseintrag in vault.json nicht. Entweder ist es nicht der Schlüssel dieses Datenordners, oder der Eintrag wurde verändert (etwa durch eine andere Benutzerin oder einen anderen Benutzer dieses Rechners). Der Schlüssel wird nicht erneuert; bitte den Schlüssel vom Wiederherstellungsblatt prüfen und sonst die IT verständigen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nach der Schlüsselerneuerung besteht die Datenbank die Prüfung nicht. Bitte die Sicherung rekey-backup.tar aus dem Datenordner zurückspielen (kim-desktop restore --from …); sie entstand vor der Erneuerung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Sicherungsdatei ist beschädigt oder keine Sicherung von KIM Desktop. Im Datenordner wurde nichts verändert.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>SyncError</name>
    <message>
      <source>Keine Verbindung zum Sync-Server.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine Verbindung zum Sync-Server. Die Änderungen bleiben gespeichert und werden später übertragen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Verbindung zum Sync-Server ist nicht vertrauenswürdig (TLS-Zertifikat ungültig). Es wurden keine Daten gesendet. Hat der Server ein Zertifikat einer eigenen Zertifizierungsstelle, gehört es in die Bereitstellungsdatei ([server] ca_certificate).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Verbindung zum Sync-Server ist nicht vertrauenswürdig: Sein Zertifikat stammt nicht von der Zertifizierungsstelle, die die IT hinterlegt hat ([server] ca_certificate). Es wurden keine Daten gesendet. Meist prüft ein Proxy oder eine Firewall den verschlüsselten Datenverkehr (TLS-Inspektion): Die IT muss {host} davon ausnehmen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Verbindung zum Sync-Server ist nicht vertrauenswürdig: Sein Schlüssel passt nicht zum hinterlegten Fingerabdruck ([server] pin_sha256). Es wurden keine Daten gesendet. Meist prüft ein Proxy oder eine Firewall den verschlüsselten Datenverkehr (TLS-Inspektion): Die IT muss {host} davon ausnehmen. Hat der Server einen neuen Schlüssel bekommen, trägt die IT dessen Fingerabdruck ein; bitte nichts selbst übernehmen, was die IT nicht bestätigt hat.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{server}“ ist nicht der Server der Bereitstellung („{provisioned}“), und deren Zertifikat oder Pin gilt nur für diesen. Bitte die Adresse der Bereitstellung angeben, oder für den anderen Server dessen Vertrauen mit --ca-file DATEI oder --pin-sha256 HEX.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Für --renew-trust fehlt das neue Vertrauen: bitte --ca-file DATEI oder --pin-sha256 HEX angeben, oder eine Bereitstellungsdatei mit [server] ca_file oder pin_sha256. Das bisherige bleibt bestehen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>„{url}“ ist keine Server-Adresse, wie KIM sie annimmt: bitte https://name.des.servers angeben, ohne Benutzername, Leerzeichen, Backslash, ? oder # (in der Bereitstellungsdatei [server] url).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server {host} hat auf eine andere Adresse umgeleitet; KIM folgt Umleitungen nicht, damit nichts an einen anderen Rechner geht. Es wurden keine Daten gesendet. Bitte die IT bitten, die Server-Adresse zu prüfen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Server-Adresse {url} ist unverschlüsselt (http://). Bitte bei der Einstellung „Server-Adresse“ (in der Bereitstellungsdatei [server] url) eine Adresse mit https:// angeben; unverschlüsselt geht es nur zu diesem Rechner selbst (localhost).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server hat eine unverständliche Antwort gesendet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server ist gerade nicht verfügbar (HTTP {http_status}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server hat die Anfrage abgelehnt (HTTP {http_status}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server kennt dieses Gerät nicht (mehr).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieses Gerät wurde von der IT für die Synchronisation gesperrt. Bitte wenden Sie sich an Ihre IT-Betreuung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieses Gerät wurde von der IT gesperrt und zur Löschung bestimmt. Die Schlüssel und die Datenbank auf diesem Gerät werden jetzt gelöscht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Daten dieses Geräts konnten nicht vollständig gelöscht werden. Bitte wenden Sie sich sofort an Ihre IT.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server ordnet dieses Gerät einem anderen Büro zu. Bitte wenden Sie sich an Ihre IT-Betreuung.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Speicherplatz des Büros auf dem Sync-Server ist erschöpft. Die Änderungen bleiben auf diesem Gerät gespeichert. Bitte wenden Sie sich an Ihre IT.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Änderung ist zu groß für den Sync-Server.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Anhang ist größer, als der Sync-Server annimmt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server hält die Änderung für ungültig.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der verschlüsselte Inhalt der Änderung ist unvollständig angekommen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Änderung trug eine Nummer, die der Sync-Server schon vergeben hatte.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nicht gesendet: Diese Datenbank ist eine Kopie der Datenbank eines anderen Rechners. Nachdem die IT dieses Gerät neu registriert hat, „Erneut senden“ wählen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server hat die Änderung abgelehnt: {detail}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Diese abgelehnte Änderung gibt es nicht mehr.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieser Datensatz wird gerade übertragen. Bitte nach dem Abgleich erneut versuchen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server hat keine der Änderungen bestätigt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server hat einen ungültigen Stand gemeldet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieses Gerät ist noch nicht für die Synchronisation angemeldet (kim-desktop enroll).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieses Gerät ist noch nicht angemeldet (kim-desktop enroll --code …).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dieses Gerät ist bereits angemeldet. Fehlt nur der Büroschlüssel, genügt kim-desktop enroll --office-recovery-key …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Für die Synchronisation fehlt noch der Büro-Wiederherstellungsschlüssel (kim-desktop enroll --office-recovery-key …).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Büro-Wiederherstellungsschlüssel passt nicht zu diesem Büro. Bitte prüfen Sie die Eingabe anhand des ausgedruckten Wiederherstellungsblatts.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Gerät ist angemeldet. Für die Synchronisation wird noch der Büro-Wiederherstellungsschlüssel gebraucht (kim-desktop enroll --office-recovery-key …).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ein anderes Gerät hat den Büroschlüssel gerade angelegt. Bitte den Büro-Wiederherstellungsschlüssel dieses Geräts eingeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Diese Datenbank ist eine Kopie: Ein anderer Rechner synchronisiert mit derselben Registrierung, und dieser hier darf es nicht mehr. Bitte lassen Sie dieses Gerät von Ihrer IT neu registrieren (kim-desktop enroll). Nicht gesendete Änderungen sind beiseitegelegt („Abgelehnt“) und gehen danach mit „Erneut senden“.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Sync-Server hat den Inhalt dieses Anhangs nicht. Jeder Abgleich sucht ihn erneut; bitte die IT informieren.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Inhalt dieses Anhangs kommt beschädigt vom Sync-Server an, auch beim zweiten Versuch. Jeder Abgleich lädt ihn erneut; bitte die IT informieren.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Inhalt dieses Anhangs auf dem Sync-Server ist nicht die Datei, die der Anhang beschreibt. Bitte das Gerät, auf dem er angehängt wurde, ihn erneut anhängen lassen.</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>precheck_rules</name>
    <message>
      <source>{status} ({legal_basis})</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{days} Tage (rund {years} Jahre)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Für diesen Stichtag ist keine Fassung hinterlegt (erste Fassung ab {date}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltsgestattung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Duldung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Duldung für Personen mit ungeklärter Identität</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltserlaubnis</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Niederlassungserlaubnis oder Daueraufenthalt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Freizügigkeit nach EU-Recht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>eingebürgert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>unbekannt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltserlaubnis für gut integrierte Jugendliche und junge Volljährige (§ 25a AufenthG)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Übergangsregel: Für Inhaberinnen und Inhaber einer Chancen-Aufenthaltserlaubnis (§ 104c AufenthG) gilt § 25a mit Erleichterungen (§ 104c AufenthG, Chancen-Aufenthaltsrecht, Stichtag 31.10.2022 – nur noch übergangsweise von Bedeutung); die zwölfmonatige Vorduldung entfällt, Zeiten einer Duldung nach § 60b werden angerechnet. Diese Vorprüfung rechnet die § 60b-Zeiten nicht an – bitte im Einzelfall prüfen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Inhaber einer Duldung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status}. § 25a richtet sich an geduldete Personen (und Inhaber einer Aufenthaltserlaubnis nach § 104c).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status}. § 25a setzt eine Duldung voraus (oder eine Aufenthaltserlaubnis nach § 104c). Bei einer Duldung nach § 60b ist die Erteilung regelmäßig ausgeschlossen, solange die Identität ungeklärt ist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der aktuelle Aufenthaltsstatus ist als „unbekannt“ erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Für den Stichtag ist kein Aufenthaltsstatus erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Seit mindestens zwölf Monaten geduldet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Vorduldungszeit von {route} ist seit {date} erreicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Die Vorduldungszeit von {route} ist voraussichtlich ab {date} erreicht, wenn die Duldung fortbesteht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Eine ununterbrochene Duldung von zwölf Monaten ist mit dem erfassten Verlauf nicht absehbar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Im maßgeblichen Zeitraum ist ein Status „unbekannt“ erfasst; bisher sicher angerechnet: {counted}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Vorduldungszeit von {route} ist ab {date} erreicht; offen: {open}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status} seit {date}. Für Inhaber einer Chancen-Aufenthaltserlaubnis entfällt die zwölfmonatige Vorduldung (Übergangsregel).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Im Statusverlauf gibt es eine Lücke von {days} Tagen; Unterbrechungen bis {max_days} Tage werden als unschädlich behandelt. Bitte Lücke klären.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{days} Tage mit Duldung nach § 60b (ungeklärte Identität) werden nicht angerechnet (§ 60b Abs. 5 Satz 1 AufenthG).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>zwölf Monaten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drei Jahre ununterbrochen erlaubt, geduldet oder gestattet im Bundesgebiet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der ununterbrochene Voraufenthalt von {route} ist seit {date} erreicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Der Voraufenthalt von {route} ist voraussichtlich ab {date} erreicht, wenn der Aufenthalt ununterbrochen fortbesteht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Ein ununterbrochener Voraufenthalt von drei Jahren ist mit dem erfassten Verlauf nicht absehbar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Voraufenthalt von {route} ist ab {date} erreicht; offen: {open}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Im Aufenthaltsverlauf gibt es eine Lücke von {days} Tagen; eine einmalige Unterbrechung bis {max_days} Tage wird als unschädlich behandelt, die Lücke selbst zählt nicht mit. Bitte Lücke klären.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{days} Tage mit Duldung nach § 60b (ungeklärte Identität) werden nicht angerechnet (§ 60b Abs. 5 Satz 1 AufenthG); sie unterbrechen den Aufenthalt aber nicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>drei Jahren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Drei Jahre erfolgreicher Schulbesuch oder anerkannter Abschluss</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erfolgreicher Schulbesuch von in der Regel {years} Jahren oder ein anerkannter Schul- oder Berufsabschluss liegt vor.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Weder {years} Jahre erfolgreicher Schulbesuch noch ein anerkannter Schul- oder Berufsabschluss sind erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schulbesuch ({years} Jahre) oder Abschluss sind nicht vollständig erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Antrag vor Vollendung des 27. Lebensjahres</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Antrag muss spätestens am {last_day} gestellt werden (Tag vor dem 27. Geburtstag).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>§ 25a gilt für Jugendliche ab 14 Jahren; dieses Alter ist am {date} erreicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Antragsfrist endete am {last_day} (Tag vor dem 27. Geburtstag); § 25a ist nicht mehr möglich.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Das Geburtsdatum ist nicht erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Frist: Der Antrag nach § 25a muss spätestens am {last_day} gestellt werden (in weniger als {months} Monaten).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die zeitlichen Voraussetzungen werden voraussichtlich erst nach dem {last_day} erfüllt – zu spät für § 25a. § 25b prüfen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pass oder Passersatz</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ein Pass liegt vor.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kein Pass erfasst. Die Passpflicht gilt grundsätzlich; die Ausländerbehörde kann nach Ermessen davon absehen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ob ein Pass vorliegt, ist nicht erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine Verurteilung oberhalb der Schwelle</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine Verurteilung oberhalb der maßgeblichen Schwelle erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Eine Verurteilung oberhalb der maßgeblichen Schwelle ist erfasst; sie steht der Erteilung in der Regel entgegen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ob Verurteilungen oberhalb der Schwelle vorliegen, ist nicht erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltsgewährung bei nachhaltiger Integration (§ 25b AufenthG)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Übergangsregel: Für Inhaberinnen und Inhaber einer Chancen-Aufenthaltserlaubnis (§ 104c AufenthG, Stichtag 31.10.2022 – nur noch übergangsweise von Bedeutung) gilt § 25b mit Erleichterungen; Zeiten einer Duldung nach § 60b werden dort angerechnet. Diese Vorprüfung rechnet die § 60b-Zeiten nicht an – bitte im Einzelfall prüfen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geduldet (oder Aufenthaltserlaubnis nach § 104c)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status}. § 25b richtet sich an geduldete Personen (und Inhaber einer Aufenthaltserlaubnis nach § 104c).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status}. § 25b setzt eine Duldung voraus (oder eine Aufenthaltserlaubnis nach § 104c). Bei einer Duldung nach § 60b ist die Erteilung regelmäßig ausgeschlossen, solange die Identität ungeklärt ist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sechs Jahre (mit minderjährigem ledigem Kind vier Jahre) ununterbrochen geduldet, gestattet oder erlaubt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Der erforderliche ununterbrochene Voraufenthalt ist mit dem erfassten Verlauf nicht absehbar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>sechs Jahren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>vier Jahren (mit minderjährigem ledigem Kind in häuslicher Gemeinschaft)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lebt ein minderjähriges lediges Kind im Haushalt?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hinreichende mündliche Deutschkenntnisse (A2)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mündliche Deutschkenntnisse mindestens auf Niveau {level} sind erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mündliche Deutschkenntnisse auf Niveau {level} sind noch nicht erreicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mündliche Deutschkenntnisse (Niveau {level}) sind nicht erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lebensunterhalt überwiegend durch Erwerbstätigkeit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Lebensunterhalt wird überwiegend (mehr als {percent} %) durch eigene Erwerbstätigkeit gesichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Anteil eigener Erwerbstätigkeit am Lebensunterhalt liegt nicht über {percent} %. Möglich bleibt eine positive Prognose oder eine Ausnahme nach § 25b Abs. 1 Satz 3 oder Abs. 3 – bitte prüfen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Anteil eigener Erwerbstätigkeit am Lebensunterhalt ist nicht erfasst (erforderlich: mehr als {percent} %).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Tatsächlicher Schulbesuch der Kinder im schulpflichtigen Alter</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Schulbesuch der Kinder im schulpflichtigen Alter ist erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Es leben keine minderjährigen Kinder im Haushalt; ein Nachweis des Schulbesuchs entfällt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der tatsächliche Schulbesuch der Kinder im schulpflichtigen Alter ist nicht gegeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ob die Kinder im schulpflichtigen Alter die Schule tatsächlich besuchen, ist nicht erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kein Pass erfasst. Die Passpflicht gilt auch für § 25b; die Ausländerbehörde kann nach Ermessen davon absehen (§ 5 Abs. 3 Satz 2 AufenthG).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Eine Verurteilung oberhalb der maßgeblichen Schwelle ist erfasst; sie schließt die Erteilung in der Regel aus.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anspruchseinbürgerung (§ 10 StAG)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unbefristetes Aufenthaltsrecht oder Aufenthaltserlaubnis zu einem dauerhaften Zweck</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status}. Er genügt § 10 Abs. 1 Satz 1 Nr. 2 StAG.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status}. Die Einbürgerung nach § 10 StAG setzt ein unbefristetes Aufenthaltsrecht oder eine Aufenthaltserlaubnis zu einem auf Dauer angelegten Zweck voraus.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status}. Die Aufenthaltserlaubnis dient einem Zweck, den § 10 Abs. 1 Satz 1 Nr. 2 StAG ausschließt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aktueller Status: {status}, aber ohne Rechtsgrundlage erfasst; ob ihr Zweck § 10 Abs. 1 Satz 1 Nr. 2 StAG genügt, ist offen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fünf Jahre rechtmäßiger gewöhnlicher Aufenthalt (bei besonderen Integrationsleistungen drei Jahre)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der rechtmäßige gewöhnliche Aufenthalt von {route} ist seit {date} erreicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Der rechtmäßige Aufenthalt von {route} ist voraussichtlich ab {date} erreicht, wenn er ununterbrochen fortbesteht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bisher angerechnet: {counted}. Ein ununterbrochener rechtmäßiger Aufenthalt von fünf Jahren ist mit dem erfassten Verlauf nicht absehbar.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bisher sicher angerechnet: {counted}. Im maßgeblichen Zeitraum liegt ein Status, dessen Anrechnung offen ist (unbekannt, oder Aufenthaltsgestattung ohne spätere Anerkennung: § 55 Abs. 3 AsylG).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Aufenthalt von {route} ist ab {date} erreicht; offen: {open}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Im Aufenthaltsverlauf gibt es eine Lücke von {days} Tagen; Auslandsaufenthalte bis zu sechs Monaten unterbrechen den gewöhnlichen Aufenthalt nicht (§ 12b Abs. 1 StAG, hier bis {max_days} Tage), die Lücke wird vorsichtshalber nicht angerechnet. Bitte klären.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{days} Tage werden nicht angerechnet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>fünf Jahren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>drei Jahren (besondere Integrationsleistungen, § 10 Abs. 3 StAG)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sind besondere Integrationsleistungen nachgewiesen (z. B. besonders gute schulische oder berufliche Leistungen, bürgerschaftliches Engagement)? Erforderlich sind außerdem Deutsch C1 und ein ohne Leistungen nach SGB II oder XII gesicherter Lebensunterhalt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ausreichende Deutschkenntnisse (B1)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deutschkenntnisse mindestens auf Niveau {level} (mündlich und schriftlich) sind erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deutschkenntnisse auf Niveau {level} sind mündlich oder schriftlich noch nicht erreicht.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Deutschkenntnisse (Niveau {level}, mündlich und schriftlich) sind nicht vollständig erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einbürgerungstest bestanden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Einbürgerungstest ist bestanden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Einbürgerungstest ist noch nicht bestanden (Nachweis auch durch einen deutschen Schulabschluss möglich, § 10 Abs. 5 StAG).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ob der Einbürgerungstest bestanden ist, ist nicht erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Lebensunterhalt ohne Leistungen nach SGB II oder XII gesichert</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Lebensunterhalt wird vollständig ({percent} %) aus eigenen Mitteln gesichert.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Der Lebensunterhalt wird nicht vollständig ({percent} %) aus eigenen Mitteln gesichert. Ausnahmen nach § 10 Abs. 1 Satz 1 Nr. 3 StAG (z. B. Vollzeiterwerbstätigkeit in 20 der letzten 24 Monate) bitte prüfen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ob der Lebensunterhalt vollständig ({percent} %) aus eigenen Mitteln gesichert ist, ist nicht erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geklärte Identität und Staatsangehörigkeit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ein Pass liegt vor; die Identität gilt in der Regel als geklärt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kein Pass erfasst. Die Identität muss auf andere Weise nachgewiesen werden – bitte prüfen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Keine Verurteilung oberhalb der Schwelle des § 12a StAG erfasst.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Eine Verurteilung oberhalb der Schwelle des § 12a StAG ist erfasst; sie schließt die Einbürgerung aus.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Einbürgerung nach drei Jahren bei besonderen Integrationsleistungen (§ 10 Abs. 3 StAG in der Fassung vom 27.06.2024) ist seit 30.10.2025 entfallen; es gelten einheitlich fünf Jahre.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fünf Jahre rechtmäßiger gewöhnlicher Aufenthalt</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
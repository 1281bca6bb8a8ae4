<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="de">
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
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Demo-Büro mit erfundenen Personen. Benutzer: {user}, Passwort: {password}</source>
      <extracomment>The main window is shown (argument: the window).</extracomment>
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
      <source>&amp;Hinzufügen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ö&amp;ffnen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Speichern unter …</source>
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
      <source>Anhang speichern</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>caseload</name>
    <message>
      <source>Name suchen …</source>
      <extracomment>Above any office's caseload: the table loads everyone at once and filters in memory.</extracomment>
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
      <source>Spalten</source>
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
      <source>{total} Klient*innen</source>
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
      <source>Name</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geburtsdatum</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Staatsangehörigkeiten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Sprachen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Dolmetschung nötig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Kontakt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Anschrift</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einreise</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stammdaten &amp;bearbeiten …</source>
      <translation type="unfinished" />
    </message>
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
      <source>laufend</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Stand …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Maßnahme …</source>
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
      <source>Ziel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>vereinbart</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahmen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Noch keine Ziele vereinbart.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Hilfeplan: Ziele und Maßnahmen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel &amp;vereinbaren …</source>
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
      <source>Ergebnis</source>
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
      <source>&amp;Gesendet</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Angenommen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A&amp;bgeschlossen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>abgebrochen</source>
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
      <source>&amp;Wiedervorlage …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Erledigt</source>
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
      <source>&amp;Auskunft (Art. 15) …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Person &amp;löschen …</source>
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
      <source>Fall a&amp;bschließen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall &amp;wieder eröffnen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall &amp;eröffnen …</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>client_form</name>
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
    <message>
      <source>Neue Person</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Stammdaten bearbeiten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>— bitte wählen —</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>— unbekannt —</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Dolmetschung nötig</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Nachname:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Vorname:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Geburtsdatum:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ges&amp;chlecht:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Kommune:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Staats&amp;angehörigkeit:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Sprache:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Telefon:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;E-Mail:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>St&amp;raße:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Postleitzahl:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Ort:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Einreise am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte den Nachnamen angeben.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte die Kommune wählen.</source>
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
      <source>(leer)</source>
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
      <source>Schließen</source>
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
    <name>data_protection</name>
    <message>
      <source>Auskunft gespeichert: {file}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Auskunft nach Art. 15 DSGVO speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>PDF (*.pdf);;JSON (*.json)</source>
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
      <source>Alle Daten dieser Person werden endgültig gelöscht, auch auf den anderen Rechnern des Büros. Das lässt sich nicht rückgängig machen.

Zur Bestätigung bitte {word} eingeben:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nicht gelöscht: Die Bestätigung stimmte nicht.</source>
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
      <source>—</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall eröffnen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Eröffnet am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Anlass:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fall abschließen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte wählen …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abgeschlossen &amp;am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Grund:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Bemerkung:</source>
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
      <source>Wieder eröffnet &amp;am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Fällig am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Worum geht es?</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung oder Schweigepflichtentbindung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Einwilligung in die Datenverarbeitung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Schweigepflichtentbindung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>— keine —</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Art:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Empfangende Stelle:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Zweck:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Erteilt &amp;am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Gültig &amp;bis:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Sprache des Formulars:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bedarf einschätzen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Handlungsfeld:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Bedarf:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Eingeschätzt &amp;am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Ressourcen und Stärken:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Notizen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ziel vereinbaren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Ziel:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vereinbart &amp;am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Bis:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Vermittlung planen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>— keines —</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Stelle:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Anliegen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Geplant &amp;am:</source>
      <translation type="unfinished" />
    </message>
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
    <message>
      <source>Stand des Ziels</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Stand:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Ergebnis:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Maßnahme vereinbaren</source>
      <translation type="unfinished" />
    </message>
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
    <message>
      <source>&amp;Maßnahme:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Wer:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Bitte die Partnerstelle wählen.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Aufenthaltsstatus erfassen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Status:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Gültig ab:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Notiz:</source>
      <translation type="unfinished" />
    </message>
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
      <source>{count} Treffer in den nächsten {months} Monaten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>In diesem Zeitraum wird voraussichtlich niemand berechtigt.</source>
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
      <source>&amp;Passwort:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Passwort &amp;wiederholen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mindestens 12 Zeichen. Am leichtesten zu merken ist ein Satz aus vier oder mehr Wörtern.</source>
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
      <source>Ich habe den Wiederherstellungsschlüssel sicher aufbewahrt.</source>
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
      <source>Nur auf diesem Rechner &amp;arbeiten</source>
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
      <source>&amp;Anmeldecode der IT:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Büro-&amp;Wiederherstellungsschlüssel:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Neuer Büro-Wiederherstellungsschlüssel</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ich habe den Büro-Wiederherstellungsschlüssel sicher aufbewahrt.</source>
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
      <source>Abbrechen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wird angelegt …</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>gaps</name>
    <message>
      <source>Die Beschreibung enthält vermutlich {what}. Bitte so formulieren, dass niemand erkennbar ist.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Strukturelle Fehlstelle erfassen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fälle nach Name filtern …</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Kategorie:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Handlungsfeld:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>K&amp;ommune:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Beobachtet &amp;am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Beschreibung (anonym):</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Fälle suchen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Verknüpfte Fälle:</source>
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
      <source>Die Beschreibung geht an die Koordination und kann danach nicht mehr geändert werden.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fehlstelle freigeben</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Freigeben</source>
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
      <source>&amp;Sperren</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Beenden</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Ansicht</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Klient*innen &amp;suchen</source>
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
      <source>Ü&amp;ber KIM Desktop</source>
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
    <name>phase</name>
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
    <message>
      <source>kein offener Fall</source>
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
      <source>Im Katalog der Partnerstellen fehlt eine passende Behörde.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Regelstand {version}</source>
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
    <name>quick_consultation</name>
    <message>
      <source>Beratungskontakt erfassen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Namen tippen, dann Pfeiltaste und Eingabe</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source> min</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>mit &amp;Dolmetschung</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Wiedervorlage setzen</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Person:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Wann:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Dauer:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Art:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Handlungsfelder:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Notizen:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage &amp;am:</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Wiedervorlage &amp;Text:</source>
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
    <name>settings_page</name>
    <message>
      <source> Minuten</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Automatisch abgleichen</source>
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
      <source>Abgleich &amp;alle:</source>
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
      <source>Heute ist nichts fällig.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Fällige Wiedervorlagen</source>
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
      <source>&lt;b&gt;Wiedervorlagen: heute und überfällig&lt;/b&gt;</source>
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
      <source>überfällig seit {date}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>heute</source>
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
      <source>{count} Beratungskontakte mit zusammen {hours} Stunden im Zeitraum; {open} offene Fälle.</source>
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
      <source>{count} Datensätze vom Server lassen sich nicht öffnen und werden bei jedem Abgleich erneut versucht; bitte den Büro-Wiederherstellungsschlüssel prüfen oder KIM aktualisieren</source>
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
      <source>&amp;Beenden</source>
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
      <source>Abbrechen</source>
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
      <translation type="unfinished" />
    </message>
    <message>
      <source>&amp;Speichern</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Abbrechen</source>
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
      <source>Dieser Dateityp wird nicht angenommen (erlaubt: PDF, PNG, JPEG, DOCX, ODT).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Beschreibung enthält vermutlich personenbezogene Angaben ({hint}).</source>
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
      <source>Die Aufbewahrungsfrist ist noch nicht abgelaufen (bis {date}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Die Löschung muss bestätigt werden.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
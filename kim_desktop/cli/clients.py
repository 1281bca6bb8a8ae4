"""Case-management commands: clients, phase, export (Art. 15), erase (Art. 17),
deletion-run, audit, export-office (Datenbank KIM), demo-data. Every command that shows people
or what is recorded about them logs it."""

from __future__ import annotations

import argparse
import configparser
import datetime as dt
import json
import sys
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import select

from kim_desktop.cli._common import CliError, data_dir, shown
from kim_desktop.cli._vault import vault_session
from kim_desktop.core.catalogs import catalogs_for
from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import Case, CasePhaseChange, Phase, PhaseEvent
from kim_desktop.core.office_contacts import require_contacts
from kim_desktop.core.services import change_phase, record_listing, record_view
from kim_desktop.core.services.audit_log import ACTION_WORDS
from kim_desktop.core.services.audit_review import (
    AUDIT_FORMATS,
    MAX_PDF_EVENTS,
    AuditFilter,
    audit_csv,
    audit_events,
    export_audit,
)
from kim_desktop.core.services.export import (
    EXPORT_FORMATS,
    archive_writer,
    closing_reason,
    export_client,
)
from kim_desktop.core.services.office_export import FORMATS as OFFICE_FORMATS
from kim_desktop.core.services.office_export import export_office
from kim_desktop.core.services.retention import (
    AFTER_CLOSURE,
    ErasureCandidate,
    due_for_erasure,
    erase_client,
    erase_if_still_due,
)
from kim_desktop.core.services.search import CaseloadFilter, caseload
from kim_desktop.core.translations import LANGUAGES

USER_HELP = "lokaler Benutzer (Standard: KIM_USER oder der einzige Benutzer)"



def persons(count: int) -> str:
    """"1 Person", "3 Personen"."""
    return "1 Person" if count == 1 else f"{count} Personen"

def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    clients = subparsers.add_parser(
        "clients", parents=[common], help="listet die Klient*innen",
        description="Listet Klient*innen mit Id, Name, Kommune und Phase des offenen Falls.",
    )
    clients.add_argument("--search", default="", metavar="TEXT",
                         help="Name (fehlertolerant) oder Geburtsdatum TT.MM.JJJJ")
    clients.add_argument("--limit", type=int, default=500, metavar="N")
    clients.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    clients.add_argument("--user", metavar="NAME", help=USER_HELP)
    clients.set_defaults(handler=run_clients)

    phase = subparsers.add_parser(
        "phase", parents=[common], help="Phase des offenen Falls wechseln, Phasenverlauf",
        description="Ohne --to: zeigt den Phasenverlauf aller Fälle der Person. Mit --to: "
        "wechselt die Phase des offenen Falls (einen Schritt weiter oder zurück; zurück "
        "braucht --reason). Abgeschlossen wird ein Fall im Programm.",
    )
    phase.add_argument("--client", required=True, metavar="ID")
    phase.add_argument("--to", choices=[p.value for p in Phase if p != Phase.CLOSURE],
                       metavar="PHASE", help="neue Phase: " + ", ".join(
                           f"{p.value} ({p.label})" for p in Phase if p != Phase.CLOSURE))
    phase.add_argument("--on", metavar="TT.MM.JJJJ", help="Tag des Wechsels (Standard: heute)")
    phase.add_argument("--reason", default="", metavar="TEXT", help="Grund des Wechsels")
    phase.add_argument("--json", action="store_true", help="Verlauf als JSON")
    phase.add_argument("--user", metavar="NAME", help=USER_HELP)
    phase.set_defaults(handler=run_phase)

    export = subparsers.add_parser(
        "export", parents=[common], help="Auskunft nach Art. 15 DSGVO als JSON oder PDF",
        description="Schreibt alles, was das Büro über eine Person gespeichert hat, in eine "
        "Datei. Die Datei ist unverschlüsselt: bitte sicher aufbewahren.",
    )
    export.add_argument("--client", required=True, metavar="ID")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--language", choices=LANGUAGES,
                        help="Sprache der Auskunft als PDF (Standard: die im Programm "
                        "eingestellte Sprache, sonst de)")
    export.add_argument("--out", required=True, type=Path, metavar="DATEI")
    export.add_argument("--user", metavar="NAME", help=USER_HELP)
    export.set_defaults(handler=run_export)

    erase = subparsers.add_parser(
        "erase", parents=[common], help="löscht eine Person (Art. 17 DSGVO)",
        description="Löscht alle personenbezogenen Daten einer Person; für den Abgleich "
        "bleibt ein leerer Löschvermerk. Nicht rückgängig zu machen.",
    )
    erase.add_argument("--client", required=True, metavar="ID")
    erase.add_argument("--yes", action="store_true", help="Löschung bestätigen")
    erase.add_argument("--archive", type=Path, metavar="DATEI",
                       help="vorher eine Archivkopie (JSON) in DATEI schreiben")
    erase.add_argument("--user", metavar="NAME", help=USER_HELP)
    erase.set_defaults(handler=run_erase)

    run = subparsers.add_parser(
        "deletion-run", parents=[common],
        help="Löschlauf: wessen Aufbewahrungsfrist abgelaufen ist",
        description="Listet die Personen, deren Aufbewahrungsfrist abgelaufen ist, mit der "
        "Regel und ob sie vorher eine Archivkopie verlangt (Fristen und Regeln legt die oder "
        "der Datenschutzbeauftragte fest). Mit --erase --yes werden sie gelöscht, mit "
        "--archive-dir vorher je eine Archivkopie (JSON) geschrieben; verlangt die Regel "
        "sie, wird ohne --archive-dir niemand gelöscht. Wessen Dateien noch nicht auf diesem "
        "Rechner angekommen sind, wird mit --archive-dir nicht gelöscht (erst abgleichen; "
        "Rückgabewert 1).",
    )
    run.add_argument("--json", action="store_true", help="Liste als JSON")
    run.add_argument("--erase", action="store_true", help="die fälligen Personen löschen")
    run.add_argument("--yes", action="store_true", help="Löschung bestätigen")
    run.add_argument("--archive-dir", type=Path, metavar="ORDNER",
                     help="Ordner für die Archivkopien (je Person eine JSON-Datei)")
    run.add_argument("--user", metavar="NAME", help=USER_HELP)
    run.set_defaults(handler=run_deletion_run)

    log = subparsers.add_parser(
        "audit", parents=[common], help="Protokoll der Zugriffe des Büros (Büroleitung)",
        description="Zeigt, wer welchen Datensatz angesehen, geändert, exportiert oder "
        "gelöscht hat; Personen und Datensätze stehen dort nur mit ihrer Id. Mit --format "
        "und --out als CSV oder PDF für die oder den Datenschutzbeauftragten (das wird "
        "protokolliert): mit allen Einträgen der Auswahl, ein PDF mit höchstens "
        f"{MAX_PDF_EVENTS}.",
    )
    log.add_argument("--client", default="", metavar="ID", help="nur zu dieser Person")
    log.add_argument("--by", default="", metavar="NAME", help="nur von dieser Benutzer*in")
    log.add_argument("--action", default="", metavar="AKTION", help="nur diese Aktion: "
                     + ", ".join(f"{code} ({word})" for code, word in ACTION_WORDS.items()))
    log.add_argument("--from", dest="since", metavar="TT.MM.JJJJ")
    log.add_argument("--to", dest="until", metavar="TT.MM.JJJJ")
    log.add_argument("--limit", type=int, default=1000, metavar="N",
                     help="höchstens so viele der neuesten Einträge anzeigen; --out speichert alle")
    log.add_argument("--format", choices=AUDIT_FORMATS)
    log.add_argument("--out", type=Path, metavar="DATEI")
    log.add_argument("--user", metavar="NAME", help=USER_HELP)
    log.set_defaults(handler=run_audit)

    office = subparsers.add_parser(
        "export-office", parents=[common],
        help="Falldaten des Büros für die Datenbank KIM des Landes (Büroleitung)",
        description="Schreibt je Fall, der im Zeitraum offen war, eine Zeile in den Ordner "
        "--out: als CSV mit Schema-Datei oder als JSON (Spalten: "
        "resources/datenbank_kim/columns.json). Pseudonymisiert, mit Pseudonymen nur dieses "
        "Exports und vergröberten Angaben (Altersgruppe, Monat, seltene "
        "Staatsangehörigkeiten als „sonstige“); mit --with-names auch mit Namen und "
        "Geburtsdatum, unverschlüsselt. Der Export wird protokolliert.",
    )
    office.add_argument("--from", dest="since", required=True, metavar="TT.MM.JJJJ")
    office.add_argument("--to", dest="until", required=True, metavar="TT.MM.JJJJ")
    office.add_argument("--format", required=True, choices=OFFICE_FORMATS)
    office.add_argument("--out", required=True, type=Path, metavar="ORDNER")
    office.add_argument("--with-names", action="store_true",
                        help="bewusste Ausnahme: mit Namen und Geburtsdatum")
    office.add_argument("--linkable", action="store_true",
                        help="Pseudonyme mit dem Berichtsschlüssel des Büros, in jedem "
                        "verknüpfbaren Export gleich (nur auf ausdrücklichen Wunsch)")
    office.add_argument("--user", metavar="NAME", help=USER_HELP)
    office.set_defaults(handler=run_export_office)

    demo = subparsers.add_parser(
        "demo-data", parents=[common], help="füllt die Datenbank mit erfundenen Personen",
        description="Legt erfundene Personen mit Fällen, Beratungen, Vermittlungen und "
        "Wiedervorlagen an (nur für Vorführung und Tests).",
    )
    demo.add_argument("--clients", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=0, metavar="S")
    demo.add_argument("--user", metavar="NAME", help=USER_HELP)
    demo.set_defaults(handler=run_demo_data)


def run_clients(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit muss mindestens 1 sein.")
    with vault_session(args) as session:
        rows = caseload(session, filter=CaseloadFilter(text=args.search, limit=args.limit))
        record_listing(session, client_ids=[r.client_id for r in rows], detail="cli clients")
    if args.json:
        listed = [
            {"id": r.client_id, "name": r.name, "municipality": r.municipality_code,
             "phase": r.phase}
            for r in rows
        ]
        print(json.dumps(listed, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(f"{row.client_id}  {shown(row.name):<40}  {row.municipality:<20}  "
              f"{row.phase or '–'}")
    print(persons(len(rows)), file=sys.stderr)
    return 0


def _day(text: str | None, option: str = "--on") -> dt.date:
    if text is None:
        return dt.date.today()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CliError(f"{option}: „{text}“ ist kein gültiges Datum (TT.MM.JJJJ).")


def run_audit(args: argparse.Namespace) -> int:
    if (args.format is None) != (args.out is None):
        raise CliError("--format und --out gehören zusammen.")
    if args.out is not None and not args.out.parent.is_dir():
        raise CliError(f"Den Ordner für die Ausgabedatei gibt es nicht: {args.out.parent}")
    flt = AuditFilter(
        client_id=args.client, user=args.by, action=args.action,
        since=_day(args.since, "--from") if args.since else None,
        until=_day(args.until, "--to") if args.until else None, limit=args.limit)
    with vault_session(args) as session:
        if args.out is not None:
            try:
                export_audit(session, flt=flt, format=args.format, out=args.out)
            except OSError as error:
                raise CliError(
                    f"Die Datei konnte nicht geschrieben werden: {error.strerror}"
                ) from error
            print(f"Protokoll gespeichert: {args.out}")
            return 0
        events = audit_events(session, flt)
    sys.stdout.write(audit_csv(events).decode("utf-8").lstrip("\ufeff"))
    return 0


def run_phase(args: argparse.Namespace) -> int:
    on = _day(args.on)
    with vault_session(args) as session:
        if args.to is not None:
            case = session.scalars(select(Case).where(
                Case.client_id == args.client, Case.closed_on.is_(None),
                Case.deleted_at.is_(None))).first()
            if case is None:
                raise CliError("Die Person hat keinen offenen Fall.")
            change_phase(session, case_id=case.id, phase=args.to, changed_on=on,
                         reason=args.reason)
            print(f"Phase gewechselt: {Phase(args.to).label}")
        if args.to is None or args.json:
            record_view(session, client_id=args.client, detail="cli phase")
        cases = select(Case.id).where(Case.client_id == args.client, Case.deleted_at.is_(None))
        steps = session.scalars(
            select(CasePhaseChange)
            .where(CasePhaseChange.case_id.in_(cases), CasePhaseChange.deleted_at.is_(None))
            .order_by(CasePhaseChange.changed_on, CasePhaseChange.created_at)).all()
        closure_reasons = catalogs_for(session).closure_reasons

    def words(step: CasePhaseChange) -> str:
        return closing_reason(step, step.reason, lambda _, code: closure_reasons.label(code))

    if args.json:
        print(json.dumps([
            {"case": s.case_id, "on": s.changed_on.isoformat(), "by": s.created_by,
             "event": s.event, "from": s.from_phase, "to": s.to_phase, "reason": words(s)}
            for s in steps], ensure_ascii=False, indent=2))
    elif args.to is None:
        for step in steps:
            before = f"{Phase(step.from_phase).label} → " if step.from_phase else ""
            reason = f"  ({shown(words(step))})" if step.reason else ""
            print(f"{step.changed_on:%d.%m.%Y}  {shown(step.created_by):<12}  "
                  f"{PhaseEvent(step.event).label:<16}  {before}{Phase(step.to_phase).label}"
                  f"{reason}")
    return 0


def program_language(folder: Path) -> str:
    """The interface language set in the program (``ui/language`` in the data folder's
    ``settings.ini``, :data:`kim_desktop.ui.settings.LANGUAGE`), read without Qt; German
    when none is set."""
    settings = configparser.ConfigParser(interpolation=None)
    try:
        settings.read(folder / "settings.ini", encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return "de"
    language = settings.get("ui", "language", fallback="de")
    return language if language in LANGUAGES else "de"


def run_export(args: argparse.Namespace) -> int:
    if not args.out.parent.is_dir():
        raise CliError(f"Den Ordner für die Ausgabedatei gibt es nicht: {args.out.parent}")
    language = args.language or program_language(data_dir(args))
    with vault_session(args) as session:
        if args.format == "pdf":
            require_contacts(catalogs_for(session))
        try:
            export_client(session, client_id=args.client, format=args.format, out=args.out,
                          language=language)
        except OSError as error:
            raise CliError(
                f"Die Datei konnte nicht geschrieben werden: {error.strerror}"
            ) from error
    print(f"Auskunft geschrieben: {args.out}")
    return 0


def run_erase(args: argparse.Namespace) -> int:
    if not args.yes:
        raise CliError("Die Löschung ist endgültig: bitte mit --yes bestätigen.")
    archive = None
    if args.archive is not None:
        if not args.archive.parent.is_dir():
            raise CliError(f"Den Ordner für die Archivkopie gibt es nicht: {args.archive.parent}")
        archive = archive_writer(args.archive)
    with vault_session(args) as session:
        erase_client(session, client_id=args.client, confirm=True, archive=archive)
    print("Die Person ist gelöscht.")
    return 0


def run_deletion_run(args: argparse.Namespace) -> int:
    if args.erase and not args.yes:
        raise CliError("Die Löschung ist endgültig: bitte mit --yes bestätigen.")
    if args.archive_dir is not None and not args.archive_dir.is_dir():
        raise CliError(f"Den Archivordner gibt es nicht: {args.archive_dir}")
    with vault_session(args) as session:
        due = due_for_erasure(session)
        record_listing(session, client_ids=[c.client_id for c in due],
                       detail="cli deletion-run")
        if args.json:
            print(json.dumps([
                {"id": c.client_id, "name": c.name, "due_since": c.due_since.isoformat(),
                 "last_case_closed_on": c.last_case_closed_on.isoformat()
                 if c.last_case_closed_on else None,
                 "rule": c.rule, "archive_required": c.archive_required}
                for c in due
            ], ensure_ascii=False, indent=2))
        else:
            for candidate in due:
                copy = "verlangt" if candidate.archive_required else "nicht verlangt"
                print(f"{candidate.client_id}  {shown(candidate.name):<40}  fällig seit "
                      f"{candidate.due_since:%d.%m.%Y}  {_rule_text(candidate)}, "
                      f"Archivkopie {copy}")
            print(f"{persons(len(due))} fällig", file=sys.stderr)
        needing = sum(c.archive_required for c in due)
        if args.erase and needing and args.archive_dir is None:
            raise CliError(
                f"Für {needing} der fälligen Personen verlangt die Regel vorher eine "
                "Archivkopie: bitte mit --archive-dir einen Archivordner angeben. Gelöscht "
                "wurde niemand.")
        if args.erase:
            skipped = incomplete = 0
            for candidate in due:
                archive = (archive_writer(args.archive_dir / f"{candidate.client_id}.json")
                           if args.archive_dir is not None else None)
                try:
                    erased = erase_if_still_due(session, candidate=candidate, archive=archive)
                except DomainError as error:
                    if error.code != "archive_incomplete":
                        raise
                    print(f"{candidate.client_id}: {error}", file=sys.stderr)
                    incomplete += 1
                    continue
                skipped += erased is None
            print(f"{persons(len(due) - skipped - incomplete)} gelöscht.", file=sys.stderr)
            if skipped:
                print(f"{persons(skipped)} nicht mehr fällig, nicht gelöscht.",
                      file=sys.stderr)
            if incomplete:
                print(f"{persons(incomplete)} nicht gelöscht: Dateien sind noch nicht auf "
                      "diesem Rechner angekommen, bitte erst abgleichen.", file=sys.stderr)
                return 1
    return 0


def _rule_text(candidate: ErasureCandidate) -> str:
    """The rule a person is due under, in the Löschlauf's words."""
    if candidate.rule == AFTER_CLOSURE and candidate.last_case_closed_on is not None:
        return f"Fall abgeschlossen am {candidate.last_case_closed_on:%d.%m.%Y}"
    return "ohne Fall, letzter Kontakt"


def run_export_office(args: argparse.Namespace) -> int:
    since, until = _day(args.since, "--from"), _day(args.until, "--to")
    if not args.out.is_dir():
        raise CliError(f"Den Ausgabeordner gibt es nicht: {args.out}")
    if args.with_names and args.linkable:
        raise CliError("--linkable gilt nur für den pseudonymisierten Export, nicht mit "
                       "--with-names.")
    if args.with_names:
        print("Achtung: Der Export enthält Namen und Geburtsdaten und ist nicht "
              "verschlüsselt. Bitte nur über einen sicheren Weg weitergeben und danach "
              "löschen; der Export wird protokolliert.", file=sys.stderr)
    with vault_session(args) as session:
        try:
            written = export_office(session, since=since, until=until, format=args.format,
                                    out=args.out, with_names=args.with_names,
                                    linkable=args.linkable)
        except OSError as error:
            raise CliError(
                f"Die Datei konnte nicht geschrieben werden: {error.strerror}"
            ) from error
    for path in written:
        print(f"geschrieben: {path}")
    return 0


def run_demo_data(args: argparse.Namespace) -> int:
    if args.clients < 1:
        raise CliError("--clients muss mindestens 1 sein.")

    def progress(done: int, wanted: int) -> bool:
        print(f"\r{done} von {wanted} Personen angelegt", end="", file=sys.stderr, flush=True)
        return True

    with vault_session(args) as session:
        summary = generate_demo_data(session, clients=args.clients, seed=args.seed,
                                     progress=progress)
    print(file=sys.stderr)
    print(json.dumps(asdict(summary)["counts"], indent=2))
    return 0

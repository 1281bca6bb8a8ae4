"""The Art. 15 information read back as text: what Art. 15(1) GDPR asks, in words."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.fields import fields_of
from kim_desktop.core.models import AuditEvent, Client, Consent, Consultation, Referral
from kim_desktop.core.services import record_consultation, record_view, remove_record
from kim_desktop.core.services.erasure_requests import decline_erasure, request_erasure
from kim_desktop.core.services.export import GROUPS, export_client
from kim_desktop.core.services.office_export import export_office
from kim_protocol.catalogs import load_catalogs
from tests.core.conftest import TODAY, new_case, new_client


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _richest_client(session: Session) -> str:
    """A person with a referral, a waiver for an agency, consultations and a share: the
    demo's ids are random, so the choice goes by name."""
    referred = set(session.scalars(select(Referral.client_id)))
    released = set(session.scalars(select(Consent.client_id)
                                   .where(Consent.recipient_agency_code.is_not(None))))
    talked = set(session.scalars(select(Consultation.client_id)))
    clients = session.scalars(select(Client).where(Client.id.in_(referred & released & talked),
                                                   Client.livelihood_own_share.is_not(None))
                              .order_by(Client.last_name, Client.first_name))
    return next(iter(clients)).id


def test_the_pdf_holds_what_art_15_1_requires_in_words(session: Session,
                                                       tmp_path: Path) -> None:
    office = tmp_path / "office"
    office.mkdir()
    (office / "data_protection.local.json").write_text(json.dumps({
        "controller": "Kreis Minden-Lübbecke, KIM", "retention_years_without_case": 1,
        "data_protection_officer": "Datenschutz, Portastraße 13"}), encoding="utf-8")
    catalogs = load_catalogs(office)
    rules = catalogs.retention
    session.info["catalogs"] = catalogs
    generate_demo_data(session, clients=6, seed=3, consultations_per_client=3)
    client_id = _richest_client(session)
    record_view(session, client_id=client_id)
    pdf = export_client(session, client_id=client_id, format="pdf", out=tmp_path / "a.pdf")
    text = " ".join(_pdf_text(pdf).split())
    for required in (
        "Verantwortliche Stelle", "Kreis Minden-Lübbecke, KIM", "Portastraße 13",
        "Zwecke der Verarbeitung", "Rechtsgrundlage", "Kategorien der gespeicherten Daten",
        "Empfänger", "pseudonymisierte Zahlen", "Dauer der Speicherung",
        f"{rules.years_after_closure} Jahre aufbewahrt",
        "1 Jahr nach dem letzten Kontakt", "Berichtigung", "Löschung",
        "Einschränkung", "Widerspruch", "LDI NRW", "Herkunft der Daten",
        "Zugriffe auf Ihre Daten", "Person angesehen",
    ):
        assert required in text, required
    client = session.get(Client, client_id)
    assert client is not None
    assert f"{client.first_name} {client.last_name}" in text
    for agency in session.scalars(select(Referral.agency_code)
                                  .where(Referral.client_id == client_id)):
        assert catalogs.partner_agencies.label(agency) in text
    nationality = client.nationalities[0]
    assert catalogs.countries.label(nationality) in text
    raw_names = {name for kind in ["client", *GROUPS.values()]
                 for name in fields_of(kind) if "_" in name}
    words = set(re.findall(r"[\w\[\]']+", text))
    assert not raw_names & words, raw_names & words
    assert not {"True", "False", "None", f"['{nationality}']"} & words
    assert "1 Jahre" not in text
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), re.search(r"\b[a-z]+_[a-z_]+\b", text)
    assert re.search(r"Eigenanteil am Lebensunterhalt: \d+ %", text)
    assert re.search(r"Dauer: \d+ min", text)


def test_erasure_requests_and_removed_records_are_in_the_information(session: Session,
                                                                     tmp_path: Path) -> None:
    client_id = new_client(session)
    record_consultation(session, client_id=client_id, held_at=utcnow(), duration_minutes=20,
                        mode_code="phone", fields_of_action=["work"], notes="bleibt")
    removed_id = record_consultation(
        session, client_id=client_id, held_at=utcnow(), duration_minutes=10,
        mode_code="phone", fields_of_action=["work"], notes="ENTFERNTE NOTIZ").ids[0]
    remove_record(session, kind="consultation", record_id=removed_id)
    request_id = request_erasure(session, client_id=client_id,
                                 reason="ANTRAGSGRUND: zieht weg").ids[0]
    session.info.update(user="leitung", role="office_admin")
    decline_erasure(session, request_id=request_id, reason="ABLEHNUNGSGRUND: Fall offen")
    data = json.loads(export_client(session, client_id=client_id, format="json",
                                    out=tmp_path / "a.json").read_bytes())
    [request] = data["erasure_requests"]
    assert (request["reason"], request["state"], request["decided_by"],
            request["decline_reason"]) == ("ANTRAGSGRUND: zieht weg", "declined", "leitung",
                                           "ABLEHNUNGSGRUND: Fall offen")
    assert [c["notes"] for c in data["consultations"]] == ["bleibt"]
    [removed] = data["removed_records"]
    assert (removed["kind"], removed["id"], removed["notes"]) == ("consultation", removed_id, "")
    text = " ".join(_pdf_text(export_client(session, client_id=client_id, format="pdf",
                                            out=tmp_path / "a.pdf")).split())
    for required in ("Löschanträge (1)", "ANTRAGSGRUND: zieht weg", "abgelehnt",
                     "ABLEHNUNGSGRUND: Fall offen", "Löschantrag Löschung beantragt",
                     "Löschantrag Löschantrag abgelehnt", "Entfernte Einträge (1)",
                     "Beratungskontakt, entfernt am"):
        assert required in text, required
    assert "ENTFERNTE NOTIZ" not in text


def test_the_english_information_is_english_throughout(session: Session,
                                                      tmp_path: Path) -> None:
    generate_demo_data(session, clients=6, seed=3, consultations_per_client=3)
    client_id = _richest_client(session)
    record_view(session, client_id=client_id)
    pdf = export_client(session, client_id=client_id, format="pdf", out=tmp_path / "a.pdf",
                        language="en")
    text = " ".join(_pdf_text(pdf).split())
    for required in (
        "Information under Art. 15 GDPR", "Controller", "Data protection officer",
        "Purposes of the processing", "Legal basis", "Categories of data stored",
        "Recipients", "pseudonymised figures", "Storage period", "3 years", "1 year after",
        "Rectification", "Erasure", "Restriction", "Objection", "LDI NRW",
        "Source of the data", "Access to your data", "Person viewed", "Personal details",
        "Last name", "Consultations", "Duration", "Own share of livelihood",
    ):
        assert required in text, required
    client = session.get(Client, client_id)
    assert client is not None
    catalogs = load_catalogs()
    nationality = catalogs.countries.get(client.nationalities[0])
    assert nationality is not None and nationality.label_en
    assert nationality.label_en in text
    words = set(re.findall(r"[\w\[\]']+", text))
    german = {"Verantwortliche", "Zwecke", "Empfänger", "Nachname", "Erstellt", "Beratungskontakte",
              "angesehen", "ja", "nein", "Jahre", "Jahr", "Keine", "Dauer"}
    assert not german & words, german & words
    raw_names = {name for kind in ["client", *GROUPS.values()]
                 for name in fields_of(kind) if "_" in name}
    assert not raw_names & words, raw_names & words
    assert not {"True", "False", "None"} & words
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text)
    assert "/Lang (en-GB)" in pdf.read_bytes().decode("latin-1")


def test_a_name_sent_to_the_datenbank_kim_is_logged_for_the_person_and_named_as_recipient(
    session: Session, tmp_path: Path
) -> None:
    """Reproduced on main: the export with names was logged once for the office, so the
    person's "Zugriffe" lacked it, and "Empfänger" said the Land never gets their name."""
    session.info["role"] = "office_admin"
    named, later, without = (new_client(session, last_name=name)
                             for name in ("Kartal", "Spaeter", "Ohnefall"))
    new_case(session, named)
    export_office(session, since=TODAY, until=TODAY, format="csv", out=tmp_path,
                  with_names=True)
    new_case(session, later)
    export_office(session, since=TODAY, until=TODAY, format="json", out=tmp_path)
    exports = {client_id: [e.detail for e in session.scalars(select(AuditEvent).where(
        AuditEvent.record_id == client_id, AuditEvent.action == "export"))]
        for client_id in (named, later, without)}
    assert [d.split()[:4] for d in exports[named]] == [
        ["Datenbank", "KIM", "csv", "mit"], ["Datenbank", "KIM", "json", "pseudonymisiert"]]
    assert len(exports[later]) == 1 and "pseudonymisiert" in exports[later][0]
    assert exports[without] == []
    texts = {}
    for client_id in (named, later):
        pdf = export_client(session, client_id=client_id, format="pdf",
                            out=tmp_path / f"{client_id}.pdf")
        texts[client_id] = " ".join(_pdf_text(pdf).split())
    assert f"Datenbank KIM: Ihre Falldaten mit Ihrem Namen und Geburtsdatum, übermittelt am " \
           f"{TODAY:%d.%m.%Y}" in texts[named]
    assert "und das Land erhalten nur pseudonymisierte Zahlen" not in texts[named]
    assert "Person exportiert" in texts[named]
    assert "Datenbank KIM" not in texts[later]
    assert "und das Land erhalten nur pseudonymisierte Zahlen" in texts[later]
    english = " ".join(_pdf_text(export_client(
        session, client_id=named, format="pdf", out=tmp_path / "en.pdf", language="en")).split())
    assert "in its Datenbank KIM: your case data with your name and date of birth" in english
    assert "and the Land receive only pseudonymised figures" not in english


def test_a_closure_without_note_gives_its_reason_in_words(session: Session,
                                                           tmp_path: Path) -> None:
    """close_case keeps the catalog code as the closing step's reason when no note is given;
    the PDF said "Grund: goals_achieved"."""
    from kim_desktop.core.services import close_case

    client_id = new_client(session)
    close_case(session, case_id=new_case(session, client_id), closed_on=TODAY,
               reason_code="goals_achieved")
    for language, words in (("de", "Grund: Ziele erreicht"), ("en", "Reason: Goals achieved")):
        pdf = export_client(session, client_id=client_id, format="pdf",
                            out=tmp_path / f"{language}.pdf", language=language)
        text = " ".join(_pdf_text(pdf).split())
        assert words in text and "goals_achieved" not in text


def test_an_agency_of_another_computers_catalog_is_named_as_such(session: Session,
                                                                  tmp_path: Path) -> None:
    """A waiver for an agency of an office's partner_agencies.local.json (not synced),
    exported on a computer without that file: the PDF named the recipient by its code."""
    import datetime as dt

    from kim_desktop.core.services import grant_consent
    from kim_protocol.catalogs import default_catalogs

    office = tmp_path / "office"
    (office / "catalogs").mkdir(parents=True)
    (office / "catalogs" / "partner_agencies.local.json").write_text(json.dumps({
        "version": "local", "entries": [{"code": "awo_rahden_schuldnerberatung",
                                         "label": "AWO Schuldnerberatung Rahden",
                                         "category": "counselling"}]}), encoding="utf-8")
    session.info["catalogs"] = load_catalogs(office)
    client_id = new_client(session)
    grant_consent(session, client_id=client_id, kind="confidentiality_waiver",
                  granted_on=TODAY, purpose="Schuldnerberatung",
                  recipient_agency_code="awo_rahden_schuldnerberatung",
                  expires_on=TODAY + dt.timedelta(days=365))
    session.info["catalogs"] = default_catalogs()
    for language, words in (
            ("de", "Stelle, die auf diesem Rechner nicht im Katalog steht "
                   "(awo_rahden_schuldnerberatung)"),
            ("en", "an agency not in this computer's catalog (awo_rahden_schuldnerberatung)")):
        pdf = export_client(session, client_id=client_id, format="pdf",
                            out=tmp_path / f"{language}.pdf", language=language)
        text = " ".join(_pdf_text(pdf).split())
        assert text.count(words) == 2, text  # under Empfänger and in the waiver
        assert "awo_rahden_schuldnerberatung" not in text.replace(words, "")

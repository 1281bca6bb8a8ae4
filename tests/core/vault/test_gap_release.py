"""The release check of a structural gap looks at every client of the office, in a real vault:
full names, streets with their numbers, phone numbers and e-mail addresses, birth dates in
their written forms; a last name alone needs a confirmation, which is logged."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.anonymity import personal_data_hints
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import AuditEvent, StructuralGap
from kim_desktop.core.release_check import (
    ADDRESS,
    ADDRESSED_NAME,
    BIRTH_DATE,
    EMAIL,
    FULL_NAME,
    PHONE,
    Finding,
    check_release_text,
)
from kim_desktop.core.services import (
    ClientData,
    add_household_member,
    check_gap_release,
    create_client,
    record_gap,
    release_gap,
)
from kim_desktop.core.vault import Vault

GAP = {"category_code": "housing_market", "field_of_action_code": "housing",
       "municipality_code": "rahden", "observed_on": dt.date(2026, 3, 2)}


def _client(session: Session, first: str, last: str, **more: object) -> str:
    data = ClientData(first_name=first, last_name=last, municipality_code="rahden",
                      **more)  # type: ignore[arg-type]
    return create_client(session, data=data).ids[0]


@pytest.fixture
def office(vault: Vault) -> tuple[Session, dict[str, str]]:
    """An office whose clients are linked to no gap."""
    session = vault.session()
    ids = {
        "koch": _client(session, "Anna-Lena", "Koch", birth_date=dt.date(1994, 10, 5),
                        street="Hauptstraße 12a", phone="05771 998877",
                        email="a.koch@example.org"),
        "yildiz": _client(session, "Selin", "Yıldız", birth_name="Demir"),
        "fischer": _client(session, "Jonas", "Fischer", street="Am Markt 3"),
    }
    add_household_member(session, client_id=ids["yildiz"], relation="child",
                         first_name="Emir", birth_date=dt.date(2015, 3, 7))
    return session, ids


@pytest.mark.parametrize(("text", "what"), [
    ("Anna-Lena Koch wartet seit Monaten auf einen Kitaplatz", FULL_NAME),
    ("Koch, Anna-Lena: kein Kitaplatz", FULL_NAME),
    ("Selin Demir findet keine Wohnung", FULL_NAME),
    ("Frau Yildiz findet keine Wohnung", ADDRESSED_NAME),
    ("Fam. Fischer findet keine Wohnung", ADDRESSED_NAME),
    ("Die Wohnung Hauptstr. 12 ist feucht", ADDRESS),
    ("Die Wohnung Hauptstrasse 12a ist feucht", ADDRESS),
    ("Schimmel in der Wohnung am Markt 3", ADDRESS),
    ("Eine Frau, 05.10.1994, wartet", BIRTH_DATE),
    ("Eine Frau, 5.10.94, wartet", BIRTH_DATE),
    ("Eine Frau (5. Oktober 1994) wartet", BIRTH_DATE),
    ("Eine Frau (5. Okt. 1994) wartet", BIRTH_DATE),
    ("Eine Frau, 1994-10-05, wartet", BIRTH_DATE),
    ("Ein Kind (7.3.2015) hat keinen Schulplatz", BIRTH_DATE),
    ("Ein Kind, geb. 1.1.2016, hat keinen Schulplatz", BIRTH_DATE),
    ("Rückruf unter 0571 1234567", PHONE),
    ("Rückruf unter +49 571 1234567", PHONE),
    ("Kontakt über jemand@example.com", EMAIL),
])
def test_refused_whoever_the_gap_is_linked_to(
    office: tuple[Session, dict[str, str]], text: str, what: str,
) -> None:
    session, _ = office
    with pytest.raises(DomainError) as refused:
        record_gap(session, description=text, **GAP)
    assert refused.value.code == "gap_not_anonymous"
    assert what in refused.value.params["hint"]
    assert session.scalars(select(StructuralGap)).all() == []
    assert what in {finding.what for finding in check_release_text(session, text).blocked}


@pytest.fixture
def koval(office: tuple[Session, dict[str, str]]) -> Session:
    """The office with a client whose name, address and birth date the rows below spell in
    other forms."""
    session, _ = office
    _client(session, "Olena", "Koval", birth_date=dt.date(2005, 4, 1),
            street="Lindenstraße 41")
    return session


#: (text, what it holds, the part of the text the dialog names). Cyrillic and Greek letters
#: are written as escapes: on screen they look like the Latin ones.
OTHER_FORMS = [
    ("Rückruf unter (0571) 123456", PHONE, "(0571) 123456"),
    ("Rückruf unter +49 (0)571 123456", PHONE, "+49 (0)571 123456"),
    ("Rückruf unter 0571.123.456", PHONE, "0571.123.456"),
    ("Mobil 171 2345678 erreichbar", PHONE, "171 2345678"),
    ("Mobil 0171/2345678 erreichbar", PHONE, "0171/2345678"),
    ("Die Wohnung Lindenstraße Nr. 41 ist feucht", ADDRESS, "Lindenstraße Nr. 41"),
    ("Die Wohnung Lind. 41 ist feucht", ADDRESS, "Lind. 41"),
    ("Die Wohnung Lindenstr.41 ist feucht", ADDRESS, "Lindenstr.41"),
    ("Eine junge Frau (2005/04/01) wartet", BIRTH_DATE, "2005/04/01"),
    ("Eine junge Frau (April 1, 2005) wartet", BIRTH_DATE, "April 1, 2005"),
    ("Eine junge Frau (1. April 2005) wartet", BIRTH_DATE, "1. April 2005"),
    ("Eine junge Frau (01042005) wartet", BIRTH_DATE, "01042005"),
    ("Kontakt über name [at] example.de", EMAIL, "name [at] example.de"),
    ("Kontakt über name(at)example.de", EMAIL, "name(at)example.de"),
    ("Kontakt über name\uff20example.de", EMAIL, "name\uff20example.de"),
    ("\u041elena Koval wartet auf einen Kitaplatz", FULL_NAME, "\u041elena, Koval"),
    ("Ol\u0435n\u0430 K\u043ev\u0430l wartet auf einen Kitaplatz", FULL_NAME,
     "Ol\u0435n\u0430, K\u043ev\u0430l"),
    ("\u039flena \u039aoval wartet auf einen Kitaplatz", FULL_NAME, "\u039flena, \u039aoval"),
    ("Frau K\u03bfval wartet auf einen Kitaplatz", ADDRESSED_NAME, "Frau K\u03bfval"),
]


@pytest.mark.parametrize(("text", "what", "fragment"), OTHER_FORMS)
def test_refused_in_other_forms_too(
    koval: Session, text: str, what: str, fragment: str,
) -> None:
    with pytest.raises(DomainError) as refused:
        record_gap(koval, description=text, **GAP)
    assert refused.value.code == "gap_not_anonymous"
    assert what in refused.value.params["hint"]
    assert Finding(what, fragment) in check_release_text(koval, text).blocked


#: Invisible format characters (a soft hyphen pasted from Word, a zero width space or joiner,
#: a bidi mark) inside a name: the screen and the exports show the name without them.
INVISIBLE = [
    ("Ol\u00adena Ko\u00adval wartet auf einen Kitaplatz", "Ol\u00adena, Ko\u00adval"),
    ("Ole\u200bna Koval wartet auf einen Kitaplatz", "Ole\u200bna, Koval"),
    ("Olena Ko\u200dv\u2060al wartet auf einen Kitaplatz", "Olena, Ko\u200dv\u2060al"),
    ("Ole\u034fna \u061cKoval wartet auf einen Kitaplatz", "Ole\u034fna, Koval"),
]


@pytest.mark.parametrize(("text", "fragment"), INVISIBLE)
def test_a_name_with_invisible_characters_is_refused(
    koval: Session, text: str, fragment: str,
) -> None:
    assert Finding(FULL_NAME, fragment) in check_release_text(koval, text).blocked
    with pytest.raises(DomainError):
        record_gap(koval, description=text, **GAP)
    assert koval.scalars(select(StructuralGap)).all() == []


@pytest.fixture
def written_otherwise(koval: Session) -> Session:
    """The office with clients whose names the rows below write in Cyrillic or Greek letters,
    each recorded in another Latin spelling."""
    _client(koval, "Taras", "Schewtschenko")
    _client(koval, "Yuliia", "Kovalchuk")
    _client(koval, "Sergej", "Zhukov")
    _client(koval, "Giorgos", "Papadopoulos")
    return koval


#: (text, what it holds, the part of the text the dialog names).
TRANSLITERATED = [
    ("Олена Коваль wartet auf einen Kitaplatz", FULL_NAME, "Олена, Коваль"),
    ("ОЛЕНА КОВАЛЬ wartet auf einen Kitaplatz", FULL_NAME, "ОЛЕНА, КОВАЛЬ"),
    ("Коваль Олена: kein Kitaplatz", FULL_NAME, "Олена, Коваль"),
    ("Olena Коваль wartet auf einen Kitaplatz", FULL_NAME, "Olena, Коваль"),
    ("Frau Коваль wartet auf einen Kitaplatz", ADDRESSED_NAME, "Frau Коваль"),
    ("Тарас Шевченко findet keine Wohnung", FULL_NAME, "Тарас, Шевченко"),
    ("Юлія Ковальчук findet keine Wohnung", FULL_NAME, "Юлія, Ковальчук"),
    ("Юлия Ковальчук findet keine Wohnung", FULL_NAME, "Юлия, Ковальчук"),
    ("Сергей Жуков findet keine Wohnung", FULL_NAME, "Сергей, Жуков"),
    ("Γιώργος Παπαδόπουλος findet keine Wohnung", FULL_NAME, "Γιώργος, Παπαδόπουλος"),
]


@pytest.mark.parametrize(("text", "what", "fragment"), TRANSLITERATED)
def test_a_name_in_cyrillic_or_greek_letters_is_refused(
    written_otherwise: Session, text: str, what: str, fragment: str,
) -> None:
    with pytest.raises(DomainError) as refused:
        record_gap(written_otherwise, description=text, **GAP)
    assert refused.value.code == "gap_not_anonymous"
    assert Finding(what, fragment) in check_release_text(written_otherwise, text).blocked


def test_a_last_name_alone_in_cyrillic_letters_asks_for_a_confirmation(koval: Session) -> None:
    check = check_release_text(koval, "Коваль ist ein ukrainisches Wort für Schmied")
    assert check.blocked == ()
    assert [name.fragment for name in check.names_alone] == ["Коваль"]


@pytest.mark.parametrize("text", [
    "Мама с двумя детьми ждёт место в детском саду уже полгода",
    "Мати з трьома дітьми чекає на місце в дитячому садку",
    "Немає автобуса до відомства у справах іноземців після обіду",
    "Курсы немецкого языка только утром, а садик закрывается в двенадцать",
    "Η οικογένεια περιμένει μήνες για ένα διαμέρισμα στο Μίντεν",
    "Οι γονείς δεν βρίσκουν θέση σε νηπιαγωγείο",
])
def test_ordinary_cyrillic_and_greek_texts_pass(written_otherwise: Session, text: str) -> None:
    from kim_desktop.core.demo import generate_demo_data

    generate_demo_data(written_otherwise, clients=300, seed=3, consultations_per_client=1)
    check = check_release_text(written_otherwise, text)
    assert (check.blocked, check.names_alone) == ((), ())


#: What the check blocks by its form alone, in an office without clients, and the warning
#: the same text gives while it is typed.
BY_FORM = [(text, what, what) for text, what, _ in OTHER_FORMS if what in (PHONE, EMAIL)] + [
    ("Rückruf unter 0571 1234567", PHONE, PHONE),
    ("Kontakt über jemand@example.com", EMAIL, EMAIL),
    ("Kontakt über name [at] example [dot] de", EMAIL, EMAIL),
    ("Ein Kind, geb. 2016/01/01, hat keinen Schulplatz", BIRTH_DATE,
     "ein Datum (z. B. ein Geburtsdatum)"),
    ("Ein Kind (geboren am 1. Januar 2016) hat keinen Schulplatz", BIRTH_DATE,
     "ein Datum (z. B. ein Geburtsdatum)"),
]


@pytest.mark.parametrize(("text", "blocked", "warned"), BY_FORM)
def test_what_blocks_by_its_form_warns_while_typing(
    vault: Vault, text: str, blocked: str, warned: str,
) -> None:
    assert blocked in {f.what for f in check_release_text(vault.session(), text).blocked}
    assert warned in {hint.what for hint in personal_data_hints(text)}


@pytest.mark.parametrize("text", [
    "Nach Paragraf 25 Abs. 4 AufenthG gibt es kaum Beratung",
    "Anträge nach § 10 StAG dauern zu lange",
    "Zu wenige Kita-Plätze 2026 in Rahden",
    "3 Wochen Wartezeit auf einen Termin",
    "Sprachkurs B1 nur vormittags",
    "Termine am 05/10/2025 und 2025/10/06 fielen aus",
    "Öffnungszeiten 08.00-12.00 Uhr, Aktenzeichen 12345678",
    "In der Lindenschule fehlen 41 Plätze",
])
def test_ordinary_texts_with_numbers_pass(koval: Session, text: str) -> None:
    check = check_release_text(koval, text)
    assert (check.blocked, check.names_alone) == ((), ())


@pytest.mark.parametrize("text", [
    "Termine beim Jobcenter am 12.03.2024 und am 5. Oktober 2025 fielen aus",
    "Die Beratungsstelle in der Bahnhofstraße 12 ist nur vormittags offen",
    "In der Hauptstraße 14 fehlt eine Rampe",
    "Sprachkurse B1 sind für Mütter mit kleinen Kindern kaum erreichbar",
])
def test_anonymous_texts_pass_without_confirmation(
    office: tuple[Session, dict[str, str]], text: str,
) -> None:
    session, _ = office
    gap_id = record_gap(session, description=text, **GAP).ids[0]
    check = check_gap_release(session, gap_id=gap_id)
    assert (check.blocked, check.names_alone) == ((), ())
    release_gap(session, gap_id=gap_id)
    gap = session.get(StructuralGap, gap_id)
    assert gap is not None and gap.released_at is not None


def test_a_last_name_alone_needs_a_logged_confirmation(
    office: tuple[Session, dict[str, str]],
) -> None:
    session, ids = office
    other_koch = _client(session, "Peter", "Koch")
    text = "Der Koch der Gemeinschaftsunterkunft ist der einzige Ansprechpartner; Fischer " \
           "fehlen in der Kantine nicht"
    gap_id = record_gap(session, description=text, **GAP).ids[0]
    check = check_gap_release(session, gap_id=gap_id)
    assert check.blocked == ()
    assert [(n.fragment, set(n.client_ids)) for n in check.names_alone] == [
        ("Fischer", {ids["fischer"]}), ("Koch", {ids["koch"], other_koch})]
    assert set(check.to_confirm) == {ids["koch"], other_koch, ids["fischer"]}

    with pytest.raises(DomainError) as refused:
        release_gap(session, gap_id=gap_id, not_meant=[ids["koch"], other_koch])
    assert refused.value.code == "gap_names_unconfirmed"
    gap = session.get(StructuralGap, gap_id)
    assert gap is not None and gap.released_at is None

    release_gap(session, gap_id=gap_id, not_meant=check.to_confirm)
    events = session.scalars(select(AuditEvent).where(
        AuditEvent.action.in_(["not_meant", "release"]))).all()
    assert sorted((e.action, e.record_id, e.detail) for e in events) == sorted([
        ("not_meant", ids["koch"], f"structural_gap:{gap_id}"),
        ("not_meant", other_koch, f"structural_gap:{gap_id}"),
        ("not_meant", ids["fischer"], f"structural_gap:{gap_id}"),
        ("release", gap_id, "not_meant:3"),
    ])


def test_a_client_added_after_the_check_must_be_confirmed_too(
    office: tuple[Session, dict[str, str]],
) -> None:
    session, ids = office
    gap_id = record_gap(session, description="Bauer und Koch gesucht: keine Ausbildungsplätze",
                        **GAP).ids[0]
    confirmed = check_gap_release(session, gap_id=gap_id).to_confirm
    assert confirmed == (ids["koch"],)
    _client(session, "Lea", "Bauer")
    with pytest.raises(DomainError) as refused:
        release_gap(session, gap_id=gap_id, not_meant=confirmed)
    assert refused.value.code == "gap_names_unconfirmed"

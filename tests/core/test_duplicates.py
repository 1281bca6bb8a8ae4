"""Persons who may already be recorded, asked before a new one is created."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from kim_desktop.core.services import create_client
from kim_desktop.core.services.duplicates import similar_clients
from tests.core.conftest import client_data

BORN = dt.date(1990, 5, 17)


def _similar(session: Session, first: str, last: str, born: dt.date | None,
             municipality: str) -> list[str]:
    return [s.name for s in similar_clients(session, first_name=first, last_name=last,
                                            birth_date=born, municipality_code=municipality)]


def test_the_same_sounding_name_and_birth_date_is_found_anywhere(session: Session) -> None:
    create_client(session, data=client_data(first_name="Jürgen", last_name="Müller",
                                            birth_date=BORN, municipality_code="minden"))
    assert _similar(session, "Juergen", "Mueller", BORN, "rahden") == ["Müller, Jürgen"]
    assert _similar(session, "Müller", "Jürgen", BORN, "") == ["Müller, Jürgen"]  # swapped
    assert _similar(session, "Jürgen", "Müller", dt.date(1991, 5, 17), "rahden") == []
    assert _similar(session, "Jana", "Müller", BORN, "rahden") == []


def test_the_same_name_in_the_same_municipality_is_found_without_a_birth_date(
    session: Session,
) -> None:
    create_client(session, data=client_data(first_name="Ana", last_name="Lopez",
                                            birth_date=None, municipality_code="minden"))
    assert _similar(session, "ana", "LÓPEZ", None, "minden") == ["Lopez, Ana"]
    assert _similar(session, "Ana", "Lopez", None, "rahden") == []
    assert _similar(session, "Ana", "Lopez", None, "") == []


def test_the_person_being_corrected_is_not_named(session: Session) -> None:
    change = create_client(session, data=client_data(first_name="Ana", last_name="Lopez"))
    assert similar_clients(session, first_name="Ana", last_name="Lopez", birth_date=BORN,
                           municipality_code="minden", exclude_id=change.ids[0]) == []


def test_a_name_in_cyrillic_or_arabic_letters_entered_again_is_found(session: Session) -> None:
    """Reproduced on main: a name in Cyrillic or Arabic script had an empty key, so the same
    person could be entered twice without the question."""
    for first, last in (("Олена", "Кравчук"), ("كريم", "حداد"), ("Γιώργος", "Παπαδόπουλος")):
        create_client(session, data=client_data(first_name=first, last_name=last,
                                                birth_date=BORN, municipality_code="hille"))
        assert _similar(session, first, last, BORN, "rahden") == [f"{last}, {first}"]
        assert _similar(session, first, last, None, "hille") == [f"{last}, {first}"]
    # as the passport writes it, and the Arabic with its vowel marks
    assert _similar(session, "Olena", "Kravchuk", BORN, "") == ["Кравчук, Олена"]
    assert _similar(session, "Giorgos", "Papadopoulos", None, "hille") == [
        "Παπαδόπουλος, Γιώργος"]
    assert _similar(session, "كَرِيم", "حداد", None, "hille") == ["حداد, كريم"]
    assert _similar(session, "Олена", "Коваль", BORN, "hille") == []

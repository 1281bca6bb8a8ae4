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

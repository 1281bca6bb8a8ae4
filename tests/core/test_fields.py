"""Each field is declared once, with its column: the declarations are complete and sound, and
the services' checks follow them (the length limit is the column's)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import String
from sqlalchemy.orm import Session

from kim_desktop.core.db import RECORD_KINDS
from kim_desktop.core.errors import DomainError
from kim_desktop.core.fields import INFO, VIRTUAL, Kind, declared, every_choice, fields_of
from kim_desktop.core.services._base import clean
from kim_protocol.catalogs import CATALOG_NAMES

#: Columns no one enters or reads as a field: ids, stamps, keys derived from other fields.
NOT_FIELDS = {"id", "created_at", "created_by", "updated_at", "updated_by", "version",
              "deleted_at", "search_key", "phonetic_key", "sha256", "content", "blob_id",
              "erased_at"}
#: Records of the machinery rather than of the work.
NOT_DECLARED = {"audit_event", "report_pseudonym", "report_secret"}


def records() -> dict[str, type]:
    """The program's record kinds (other tests register tables of their own)."""
    return {kind: model for kind, model in RECORD_KINDS.items()
            if model.__module__.startswith("kim_desktop.")}


def test_every_column_a_person_enters_is_declared() -> None:
    missing = [
        f"{kind}.{column.name}"
        for kind, model in records().items() if kind not in NOT_DECLARED
        for column in model.__table__.columns  # type: ignore[attr-defined]
        if column.name not in NOT_FIELDS and INFO not in column.info
    ]
    assert missing == []


def test_declarations_are_sound() -> None:
    for kind in records():
        for name, spec in fields_of(kind).items():
            assert spec.label.strip(), spec.key
            assert spec.key == f"{kind}.{name}"
            if spec.kind in (Kind.CATALOG, Kind.CODES):
                assert spec.catalog in CATALOG_NAMES, spec.key
            if spec.kind == Kind.CHOICE:
                assert spec.choices is not None and all(c.label for c in spec.choices)
            if spec.kind in (Kind.LINE, Kind.TEXT):
                assert spec.limit, spec.key
    assert {choice.__name__ for choice in every_choice()} >= {
        "Gender", "Phase", "ReferralState", "GoalStatus", "MeasureStatus", "NeedLevel"}
    for key in VIRTUAL:
        assert declared(key).label


def test_a_text_fields_limit_is_its_columns_length(session: Session) -> None:
    checked = 0
    for kind, model in records().items():
        for column in model.__table__.columns:  # type: ignore[attr-defined]
            spec = fields_of(kind).get(column.name)
            if spec is None or spec.kind != Kind.LINE or not isinstance(column.type, String):
                continue
            length = column.type.length
            assert spec.limit == length, spec.key
            assert clean(session, spec.key, "x" * length) == "x" * length
            with pytest.raises(DomainError) as error:
                clean(session, spec.key, "x" * (length + 1))
            assert (error.value.code, error.value.params["limit"]) == ("too_long", length)
            checked += 1
    assert checked >= 10


def test_clean_follows_the_kind(session: Session) -> None:
    assert clean(session, "client.gender", "female") == "female"
    with pytest.raises(DomainError, match="Geschlecht"):
        clean(session, "client.gender", "x")
    assert clean(session, "client.municipality_code", "rahden") == "rahden"
    with pytest.raises(DomainError) as error:
        clean(session, "client.municipality_code", "")
    assert str(error.value) == "Bitte „Kommune“ angeben."
    with pytest.raises(DomainError) as error:
        clean(session, "client.birth_date", dt.date.today() + dt.timedelta(days=1))
    assert str(error.value) == "„Geburtsdatum“ darf nicht in der Zukunft liegen."
    assert clean(session, "client.nationalities", ["SY", "SY", "TR"]) == ["SY", "TR"]
    assert clean(session, "client.passport", None) is None
    with pytest.raises(DomainError):
        clean(session, "client.passport", "yes")
    with pytest.raises(DomainError) as error:
        clean(session, "client.school_years_successful", 26)
    assert str(error.value) == "„Erfolgreiche Schuljahre“ muss zwischen 0 und 25 liegen."


def test_a_range_of_one_value_names_that_value() -> None:
    from kim_desktop.core.services._base import in_range

    with pytest.raises(DomainError) as one:
        in_range(2, 1, 1, field="audit.limit")
    assert str(one.value) == "„Höchstens“ muss 1 sein."
    with pytest.raises(DomainError) as more:
        in_range(0, 1, 5, field="audit.limit")
    assert str(more.value) == "„Höchstens“ muss zwischen 1 und 5 liegen."

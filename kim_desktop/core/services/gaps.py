"""Structural gaps (strukturelle Fehlstellen) and their release to coordination."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import Case, Client, StructuralGap
from kim_desktop.core.names import normalise
from kim_desktop.core.services._base import (
    Change,
    audit,
    clean_all,
    current_user,
    get_live,
    with_id,
    write,
)

_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(\d{2}|\d{4})\b|\b\d{4}-\d{2}-\d{2}\b")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_PHONE = re.compile(r"(\+|\b0)\d[\d /-]{6,}\d")


def _check_anonymous(session: Session, description: str, case_ids: list[str]) -> None:
    """A heuristic guard, not a guarantee: refuses dates, e-mail addresses, phone numbers
    and the names of the people in the linked cases."""
    for pattern, hint in ((_DATE, "Datum"), (_EMAIL, "E-Mail"), (_PHONE, "Telefonnummer")):
        if pattern.search(description):
            raise DomainError("gap_not_anonymous", hint=hint)
    if not case_ids:
        return
    words = set(normalise(description).split())
    client_ids = select(Case.client_id).where(Case.id.in_(case_ids))
    for client in session.scalars(select(Client).where(Client.id.in_(client_ids))):
        names = normalise(f"{client.first_name} {client.last_name} {client.birth_name}")
        if any(len(n) > 1 and n in words for n in names.split()):
            raise DomainError("gap_not_anonymous", hint="Name")


def _values(
    session: Session,
    *,
    category_code: str,
    field_of_action_code: str,
    municipality_code: str,
    description: str,
    observed_on: dt.date,
    case_ids: list[str] | tuple[str, ...],
) -> dict[str, object]:
    values = clean_all(session, "structural_gap", {
        "category_code": category_code, "field_of_action_code": field_of_action_code,
        "municipality_code": municipality_code, "observed_on": observed_on,
        "description": description,
    })
    ids = sorted(set(case_ids))
    for case_id in ids:
        get_live(session, Case, case_id)
    _check_anonymous(session, values["description"], ids)
    return {**values, "case_ids": ids}


def record_gap(
    session: Session,
    *,
    category_code: str,
    field_of_action_code: str,
    municipality_code: str,
    description: str,
    observed_on: dt.date,
    case_ids: list[str] | tuple[str, ...] = (),
) -> Change:
    """Records a structural gap with an anonymised description and the cases it was seen in."""
    with write(session):
        gap = StructuralGap(**_values(
            session, category_code=category_code, field_of_action_code=field_of_action_code,
            municipality_code=municipality_code, description=description,
            observed_on=observed_on, case_ids=case_ids,
        ))
        with_id(gap)
        session.add(gap)
        audit(session, action="create", record=gap)
    return Change("structural_gap", (gap.id,), "created")


def update_gap(
    session: Session,
    *,
    gap_id: str,
    category_code: str,
    field_of_action_code: str,
    municipality_code: str,
    description: str,
    observed_on: dt.date,
    case_ids: list[str] | tuple[str, ...] = (),
) -> Change:
    """Changes a gap that has not been released yet."""
    with write(session):
        gap = get_live(session, StructuralGap, gap_id)
        if gap.released_at is not None:
            raise DomainError("gap_released")
        values = _values(
            session, category_code=category_code, field_of_action_code=field_of_action_code,
            municipality_code=municipality_code, description=description,
            observed_on=observed_on, case_ids=case_ids,
        )
        for name, value in values.items():
            setattr(gap, name, value)
        audit(session, action="update", record=gap)
    return Change("structural_gap", (gap_id,), "updated")


def release_gap(session: Session, *, gap_id: str) -> Change:
    """Releases the anonymised description to coordination; afterwards it is frozen."""
    with write(session):
        gap = get_live(session, StructuralGap, gap_id)
        if gap.released_at is not None:
            raise DomainError("gap_released")
        _check_anonymous(session, gap.description, list(gap.case_ids))
        gap.released_at = utcnow()
        gap.released_by = current_user(session)
        audit(session, action="release", record=gap)
    return Change("structural_gap", (gap_id,), "updated")

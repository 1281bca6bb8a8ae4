"""Structural gaps (strukturelle Fehlstellen) and their release to coordination."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from kim_desktop.core.db import utcnow
from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import Case, Client, StructuralGap
from kim_desktop.core.release_check import ReleaseCheck, check_release_text
from kim_desktop.core.services._base import (
    Change,
    audit,
    clean_all,
    current_user,
    get_live,
    with_id,
    write,
)


def _refuse_personal_data(session: Session, description: str) -> ReleaseCheck:
    """Refuses (``gap_not_anonymous``) a description that holds a person's data from the
    office's records (:mod:`kim_desktop.core.release_check`)."""
    check = check_release_text(session, description)
    if check.blocked:
        raise DomainError("gap_not_anonymous", hint=", ".join(
            dict.fromkeys(finding.what for finding in check.blocked)))
    return check


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
    _refuse_personal_data(session, values["description"])
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


def check_gap_release(session: Session, *, gap_id: str) -> ReleaseCheck:
    """What the release of the gap's description would meet: what blocks it, and which
    clients' last names the case manager must confirm it does not mean."""
    gap = get_live(session, StructuralGap, gap_id)
    return check_release_text(session, gap.description)


def release_gap(
    session: Session, *, gap_id: str, not_meant: Sequence[str] = ()
) -> Change:
    """Releases the anonymised description to coordination; afterwards it is frozen.

    ``not_meant``: the clients the case manager confirmed the text does not mean, each one
    :attr:`ReleaseCheck.to_confirm` names (``gap_names_unconfirmed`` otherwise). Each
    confirmation is logged on the client it is about.
    """
    with write(session):
        gap = get_live(session, StructuralGap, gap_id)
        if gap.released_at is not None:
            raise DomainError("gap_released")
        check = _refuse_personal_data(session, gap.description)
        if not set(check.to_confirm) <= set(not_meant):
            raise DomainError("gap_names_unconfirmed")
        for client_id in check.to_confirm:
            client = session.get(Client, client_id)
            assert client is not None
            audit(session, action="not_meant", record=client, detail=f"structural_gap:{gap.id}")
        gap.released_at = utcnow()
        gap.released_by = current_user(session)
        audit(session, action="release", record=gap,
              detail=f"not_meant:{len(check.to_confirm)}" if check.to_confirm else "")
    return Change("structural_gap", (gap_id,), "updated")

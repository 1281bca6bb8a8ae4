"""Consent (Einwilligung) and confidentiality waivers (Schweigepflichtentbindung)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.core.errors import DomainError
from kim_desktop.core.models import Consent, ConsentKind
from kim_desktop.core.services._base import (
    Change,
    audit,
    clean,
    clean_all,
    get_live,
    live_client,
    ordered,
    with_id,
    write,
)


def grant_consent(
    session: Session,
    *,
    client_id: str,
    kind: str,
    granted_on: dt.date,
    purpose: str,
    recipient_agency_code: str | None = None,
    expires_on: dt.date | None = None,
    form_language: str = "de",
) -> Change:
    """Records a signed consent or, with ``recipient_agency_code``, a waiver."""
    with write(session):
        live_client(session, client_id)
        clean(session, "consent.kind", kind)
        if kind == ConsentKind.CONFIDENTIALITY_WAIVER and not recipient_agency_code:
            raise DomainError("waiver_needs_agency")
        values = clean_all(session, "consent", {
            "kind": kind, "recipient_agency_code": recipient_agency_code, "purpose": purpose,
            "granted_on": granted_on, "expires_on": expires_on, "form_language": form_language,
        })
        ordered(granted_on, expires_on, earlier_field="consent.granted_on",
                later_field="consent.expires_on")
        consent = Consent(client_id=client_id, **values)
        with_id(consent)
        session.add(consent)
        audit(session, action="create", record=consent)
    return Change("consent", (consent.id,), "created", client_id)


def withdraw_consent(session: Session, *, consent_id: str, withdrawn_on: dt.date) -> Change:
    """Records the withdrawal (Widerruf); it holds from ``withdrawn_on`` on."""
    with write(session):
        consent = get_live(session, Consent, consent_id)
        live_client(session, consent.client_id)
        if consent.withdrawn_on is not None:
            raise DomainError("consent_withdrawn")
        if withdrawn_on is None:
            raise DomainError("required", field="consent.withdrawn_on")
        clean(session, "consent.withdrawn_on", withdrawn_on)
        ordered(consent.granted_on, withdrawn_on, earlier_field="consent.granted_on",
                later_field="consent.withdrawn_on")
        consent.withdrawn_on = withdrawn_on
        audit(session, action="update", record=consent)
    return Change("consent", (consent_id,), "updated", consent.client_id)


def valid_waiver(
    session: Session, *, client_id: str, agency_code: str, on: dt.date
) -> Consent | None:
    """A confidentiality waiver for the agency valid on the day, if there is one."""
    waivers = session.scalars(
        select(Consent).where(
            Consent.client_id == client_id,
            Consent.kind == ConsentKind.CONFIDENTIALITY_WAIVER,
            Consent.recipient_agency_code == agency_code,
            Consent.deleted_at.is_(None),
        )
    )
    return next((w for w in waivers if w.is_valid_on(on)), None)

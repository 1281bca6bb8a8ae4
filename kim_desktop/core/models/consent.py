"""Consent (Einwilligung) and confidentiality waivers (Schweigepflichtentbindung)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord
from kim_desktop.core.fields import Choice, Kind, field


class ConsentKind(Choice):
    #: Consent to the office processing the person's data at all.
    DATA_PROCESSING = "data_processing", "Einwilligung in die Datenverarbeitung"
    #: Release from confidentiality towards one recipient agency.
    CONFIDENTIALITY_WAIVER = "confidentiality_waiver", "Schweigepflichtentbindung"


class Consent(SyncedRecord, Base):
    """A signed consent or waiver. It is valid on day *d* when ``granted_on <= d``, ``d`` is
    before ``expires_on`` (if any), and it was not withdrawn on or before *d*.
    ``recipient_agency_code`` (partner-agency catalog) is required for a waiver."""

    __tablename__ = "consent"
    __table_args__ = (
        # referral sending (waivers of one client for one agency) and the caseload's consent
        # column, both answered from the index alone
        Index(
            "ix_consent_client_kind", "client_id", "kind", "recipient_agency_code",
            "deleted_at", "granted_on", "expires_on", "withdrawn_on",
        ),
    )

    client_id: Mapped[str] = mapped_column(String(36), info=field("Person", Kind.RECORD))
    kind: Mapped[str] = mapped_column(
        String(30), info=field("Art", Kind.CHOICE, choices=ConsentKind, required=True))
    recipient_agency_code: Mapped[str | None] = mapped_column(
        String(60), default=None,
        info=field("Empfangende Stelle", Kind.CATALOG, catalog="partner_agencies"))
    purpose: Mapped[str] = mapped_column(
        Text, default="", info=field("Zweck", Kind.TEXT, limit=2000, required=True))
    granted_on: Mapped[dt.date] = mapped_column(
        Date, info=field("Erteilt am", Kind.DATE, required=True, past=True))
    expires_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Gültig bis", Kind.DATE))
    withdrawn_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Widerrufen am", Kind.DATE, past=True))
    #: Language code (languages catalog) of the form the person signed.
    form_language: Mapped[str] = mapped_column(
        String(10), default="de",
        info=field("Sprache des Formulars", Kind.CATALOG, catalog="languages", required=True))

    def is_valid_on(self, day: dt.date) -> bool:
        if self.deleted_at is not None or self.granted_on > day:
            return False
        if self.expires_on is not None and day >= self.expires_on:
            return False
        return self.withdrawn_on is None or day < self.withdrawn_on

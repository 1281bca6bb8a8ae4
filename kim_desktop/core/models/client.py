"""The person counselled (Klient*in), their household and residence status history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Date, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord
from kim_desktop.core.fields import Choice, Kind, field


class Gender(Choice):
    UNSPECIFIED = "unspecified", "keine Angabe"
    FEMALE = "female", "weiblich"
    MALE = "male", "männlich"
    DIVERSE = "diverse", "divers"


class Qualification(Choice):
    """Highest completed qualification, as the Baustein III pre-check needs it."""

    NONE = "none", "kein Abschluss"
    SCHOOL_LEAVING = "school_leaving", "Schulabschluss"
    VOCATIONAL = "vocational", "Berufsabschluss"


class LanguageLevel(Choice):
    """CEFR level of German; ``NONE`` means no level reached."""

    NONE = "none", "kein Niveau"
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class Client(SyncedRecord, Base):
    """A person with an immigration history counselled by the office.

    Catalog codes: ``municipality_code`` (municipalities), ``nationalities`` (countries),
    ``languages`` (languages). The Baustein III facts at the end are each ``None`` while
    unknown; the pre-check treats unknown as "not yet shown". ``erased_at`` is set when the
    person's data was erased (then ``deleted_at`` too): the row stays as the sync's tombstone.
    """

    __tablename__ = "client"
    __table_args__ = (
        # caseload: walks clients in name order and filters on the keys without touching the
        # table (a covering index), so a search stops as soon as a page of rows is found
        Index(
            "ix_client_caseload", "last_name", "first_name", "id", "deleted_at",
            "municipality_code", "birth_date", "search_key", "phonetic_key",
        ),
        Index("ix_client_birth_date", "birth_date"),
    )

    last_name: Mapped[str] = mapped_column(
        String(100), default="", info=field("Nachname", required=True))
    first_name: Mapped[str] = mapped_column(String(100), default="", info=field("Vorname"))
    birth_name: Mapped[str] = mapped_column(String(100), default="", info=field("Geburtsname"))
    birth_date: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Geburtsdatum", Kind.DATE, past=True))
    gender: Mapped[str] = mapped_column(
        String(16), default=Gender.UNSPECIFIED,
        info=field("Geschlecht", Kind.CHOICE, choices=Gender, required=True))
    nationalities: Mapped[list[str]] = mapped_column(
        JSON, default=list, info=field("Staatsangehörigkeiten", Kind.CODES, catalog="countries"))
    languages: Mapped[list[str]] = mapped_column(
        JSON, default=list, info=field("Sprachen", Kind.CODES, catalog="languages"))
    interpreter_needed: Mapped[bool] = mapped_column(
        Boolean, default=False, info=field("Dolmetschung nötig", Kind.FLAG))
    phone: Mapped[str] = mapped_column(String(50), default="", info=field("Telefon"))
    email: Mapped[str] = mapped_column(String(200), default="", info=field("E-Mail"))
    street: Mapped[str] = mapped_column(String(200), default="", info=field("Straße"))
    postal_code: Mapped[str] = mapped_column(String(10), default="", info=field("Postleitzahl"))
    town: Mapped[str] = mapped_column(String(100), default="", info=field("Ort"))
    municipality_code: Mapped[str] = mapped_column(
        String(40), default="",
        info=field("Kommune", Kind.CATALOG, catalog="municipalities", required=True,
                   pick=True))
    entry_date: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Einreisedatum", Kind.DATE, past=True))
    #: Normalised name tokens ("mohammed yilmaz") for spelling-tolerant search.
    search_key: Mapped[str] = mapped_column(String(400), default="")
    #: Phonetic skeleton per name token, space-framed (" mt ylms ") for prefix matching.
    phonetic_key: Mapped[str] = mapped_column(String(400), default="")
    # --- Baustein III facts (None = unknown) ---------------------------------------------
    passport: Mapped[bool | None] = mapped_column(
        Boolean, default=None, info=field("Pass oder Passersatz vorhanden", Kind.FACT))
    german_oral: Mapped[str | None] = mapped_column(
        String(4), default=None,
        info=field("Deutsch mündlich", Kind.CHOICE, choices=LanguageLevel))
    #: The day the oral level was shown (a certificate's date).
    german_oral_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Deutsch mündlich nachgewiesen am", Kind.DATE, past=True))
    german_written: Mapped[str | None] = mapped_column(
        String(4), default=None,
        info=field("Deutsch schriftlich", Kind.CHOICE, choices=LanguageLevel))
    german_written_on: Mapped[dt.date | None] = mapped_column(
        Date, default=None,
        info=field("Deutsch schriftlich nachgewiesen am", Kind.DATE, past=True))
    naturalisation_test_passed: Mapped[bool | None] = mapped_column(
        Boolean, default=None, info=field("Einbürgerungstest bestanden", Kind.FACT))
    #: Share of the household's livelihood the person covers themselves, 0.0 to 1.0.
    livelihood_own_share: Mapped[float | None] = mapped_column(
        Float, default=None,
        info=field("Eigenanteil am Lebensunterhalt", Kind.SHARE, low=0.0, high=1.0))
    convictions_above_threshold: Mapped[bool | None] = mapped_column(
        Boolean, default=None, info=field("Verurteilung oberhalb der Schwelle", Kind.FACT))
    school_years_successful: Mapped[int | None] = mapped_column(
        Integer, default=None, info=field("Erfolgreiche Schuljahre", Kind.NUMBER, low=0, high=25))
    qualification: Mapped[str | None] = mapped_column(
        String(20), default=None, info=field("Abschluss", Kind.CHOICE, choices=Qualification))
    erased_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    @property
    def display_name(self) -> str:
        return f"{self.last_name}, {self.first_name}".strip(", ")

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class HouseholdRelation(Choice):
    CHILD = "child", "Kind"
    SPOUSE = "spouse", "Ehepartner*in"
    PARTNER = "partner", "Partner*in"
    PARENT = "parent", "Elternteil"
    SIBLING = "sibling", "Geschwister"
    OTHER = "other", "andere Person"


class HouseholdMember(SyncedRecord, Base):
    """Someone living in the client's household; minor children matter for § 25b AufenthG."""

    __tablename__ = "household_member"

    client_id: Mapped[str] = mapped_column(String(36), index=True,
                                           info=field("Person", Kind.RECORD))
    relation: Mapped[str] = mapped_column(
        String(16), info=field("Beziehung", Kind.CHOICE, choices=HouseholdRelation,
                               required=True))
    first_name: Mapped[str] = mapped_column(String(100), default="", info=field("Vorname"))
    birth_date: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Geburtsdatum", Kind.DATE, past=True))
    unmarried: Mapped[bool | None] = mapped_column(
        Boolean, default=None, info=field("Ledig", Kind.FACT))
    attends_school: Mapped[bool | None] = mapped_column(
        Boolean, default=None, info=field("Geht zur Schule", Kind.FACT))


class ResidenceStatusPeriod(SyncedRecord, Base):
    """One period of a residence status. ``status_code`` is from the residence-status catalog;
    ``valid_to`` None means still current. Periods of one client never overlap."""

    __tablename__ = "residence_status_period"
    __table_args__ = (
        # pre-check and client view: a client's periods in date order
        Index("ix_residence_status_client_from", "client_id", "valid_from"),
    )

    client_id: Mapped[str] = mapped_column(String(36), info=field("Person", Kind.RECORD))
    status_code: Mapped[str] = mapped_column(
        String(60), info=field("Aufenthaltsstatus", Kind.CATALOG, catalog="residence_statuses",
                               required=True))
    legal_basis: Mapped[str] = mapped_column(
        String(100), default="", info=field("Rechtsgrundlage"))
    valid_from: Mapped[dt.date] = mapped_column(
        Date, info=field("Gültig ab", Kind.DATE, required=True, past=True))
    valid_to: Mapped[dt.date | None] = mapped_column(
        Date, default=None, info=field("Gültig bis", Kind.DATE))
    note: Mapped[str] = mapped_column(
        Text, default="", info=field("Notiz", Kind.TEXT, limit=2000))

"""The person counselled (Klient*in), their household and residence status history."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, Boolean, Date, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kim_desktop.core.db import Base, SyncedRecord


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    DIVERSE = "diverse"
    UNSPECIFIED = "unspecified"


class Qualification(StrEnum):
    """Highest completed qualification, as the Baustein III pre-check needs it."""

    NONE = "none"
    SCHOOL_LEAVING = "school_leaving"
    VOCATIONAL = "vocational"


class LanguageLevel(StrEnum):
    """CEFR level of German; ``NONE`` means no level reached."""

    NONE = "none"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


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

    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    birth_name: Mapped[str] = mapped_column(String(100), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    gender: Mapped[str] = mapped_column(String(16), default=Gender.UNSPECIFIED)
    nationalities: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    town: Mapped[str] = mapped_column(String(100), default="")
    municipality_code: Mapped[str] = mapped_column(String(40), default="")
    entry_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    #: Normalised name tokens ("mohammed yilmaz") for spelling-tolerant search.
    search_key: Mapped[str] = mapped_column(String(400), default="")
    #: Phonetic skeleton per name token, space-framed (" mt ylms ") for prefix matching.
    phonetic_key: Mapped[str] = mapped_column(String(400), default="")
    # --- Baustein III facts (None = unknown) ---------------------------------------------
    school_years_successful: Mapped[int | None] = mapped_column(Integer, default=None)
    qualification: Mapped[str | None] = mapped_column(String(20), default=None)
    german_oral: Mapped[str | None] = mapped_column(String(4), default=None)
    german_written: Mapped[str | None] = mapped_column(String(4), default=None)
    naturalisation_test_passed: Mapped[bool | None] = mapped_column(Boolean, default=None)
    #: Share of the household's livelihood the person covers themselves, 0.0 to 1.0.
    livelihood_own_share: Mapped[float | None] = mapped_column(Float, default=None)
    passport: Mapped[bool | None] = mapped_column(Boolean, default=None)
    convictions_above_threshold: Mapped[bool | None] = mapped_column(Boolean, default=None)
    erased_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    @property
    def display_name(self) -> str:
        return f"{self.last_name}, {self.first_name}".strip(", ")

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class HouseholdRelation(StrEnum):
    SPOUSE = "spouse"
    PARTNER = "partner"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    OTHER = "other"


class HouseholdMember(SyncedRecord, Base):
    """Someone living in the client's household; minor children matter for § 25b AufenthG."""

    __tablename__ = "household_member"

    client_id: Mapped[str] = mapped_column(String(36), index=True)
    relation: Mapped[str] = mapped_column(String(16))
    first_name: Mapped[str] = mapped_column(String(100), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    unmarried: Mapped[bool | None] = mapped_column(Boolean, default=None)
    attends_school: Mapped[bool | None] = mapped_column(Boolean, default=None)


class ResidenceStatusPeriod(SyncedRecord, Base):
    """One period of a residence status. ``status_code`` is from the residence-status catalog;
    ``valid_to`` None means still current. Periods of one client never overlap."""

    __tablename__ = "residence_status_period"
    __table_args__ = (
        # pre-check and client view: a client's periods in date order
        Index("ix_residence_status_client_from", "client_id", "valid_from"),
    )

    client_id: Mapped[str] = mapped_column(String(36))
    status_code: Mapped[str] = mapped_column(String(60))
    legal_basis: Mapped[str] = mapped_column(String(100), default="")
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")

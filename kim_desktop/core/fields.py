"""Every field of a record, declared once with its column: its label, its kind and its limits.

    last_name: Mapped[str] = mapped_column(String(100), default="",
                                           info=field("Nachname", required=True))

From that one declaration come

* the services' checks (:func:`kim_desktop.core.services._base.clean`): required, the length
  (a text column's limit is its column's length, or ``limit``), the catalog, the choices, the
  range, no date in the future;
* the errors' messages: a :class:`~kim_desktop.core.errors.DomainError` names a field by its
  key, ``"client.last_name"`` (table and column), and its message shows the label;
* the rows of the forms and of the client file, the values as the screens show them, and the
  labels of the conflicts screen and the Art. 15 export (:mod:`kim_desktop.ui.fields`).

Labels are German; the UI translates them in the context ``"DomainField"``. A few things the
services name are not columns (the step a referral is at, the earliest birth date); they are
declared in :data:`VIRTUAL`, the same way. Stored codes of a fixed set are a :class:`Choice`,
each with its German word, translated in the context of the class's name.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from kim_desktop.core.db import Base

#: The translation context of field labels.
CONTEXT = "DomainField"
#: The key of a column's ``info`` that holds its declaration.
INFO = "field"


class Kind(enum.StrEnum):
    """What a field holds, which says how it is checked, entered and shown."""

    LINE = "line"  #: one line of text
    TEXT = "text"  #: several lines of text
    DATE = "date"
    MOMENT = "moment"  #: date and time
    CHOICE = "choice"  #: one code of a :class:`Choice`
    CATALOG = "catalog"  #: one code of a catalog
    CODES = "codes"  #: several codes of a catalog
    FLAG = "flag"  #: yes or no
    FACT = "fact"  #: yes, no or unknown (None)
    NUMBER = "number"  #: a whole number
    SHARE = "share"  #: a share from 0 to 1, shown as a percentage
    RECORD = "record"  #: the id of another record, chosen, never typed


class Choice(enum.StrEnum):
    """A fixed set of stored codes, each with its German word: ``FEMALE = "female",
    "weiblich"``. ``str(member)`` and comparisons use the code."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Choice:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value
        return member


@dataclass(frozen=True)
class Field:
    """One field's declaration; ``key`` is filled in when it is looked up."""

    label: str
    kind: Kind = Kind.LINE
    required: bool = False
    #: The most characters of a text (default: the column's length).
    limit: int | None = None
    #: The catalog of a CATALOG or CODES field.
    catalog: str = ""
    #: The codes of a CHOICE field.
    choices: type[Choice] | None = None
    #: The range of a NUMBER or SHARE field.
    low: float | None = None
    high: float | None = None
    #: A date that must not lie in the future.
    past: bool = False
    #: A unit shown after a number ("min").
    unit: str = ""
    #: A required choice a form does not preselect: the user picks it every time.
    pick: bool = False
    key: str = ""

    @property
    def name(self) -> str:
        """The column's name (the part after the dot of the key)."""
        return self.key.rpartition(".")[2]


def field(label: str, kind: Kind = Kind.LINE, **options: Any) -> dict[str, Field]:
    """The ``info`` of a column that declares its field (see the module's example)."""
    return {INFO: Field(label, kind, **options)}


#: Things the services name that are not a column of their own, declared like columns.
VIRTUAL: dict[str, Field] = {
    "client.earliest_birth_date": Field("1.1.1900", Kind.DATE),
    "case_record.last_phase_change": Field("Letzter Phasenwechsel", Kind.DATE),
    "consultation.follow_up_on": Field("Wiedervorlage am", Kind.DATE),
    "consultation.follow_up_text": Field("Text der Wiedervorlage", Kind.TEXT, limit=2000,
                                         required=True),
    "referral.previous_step": Field("Vorheriger Schritt", Kind.DATE),
    "referral.accepted_on": Field("Angenommen am", Kind.DATE, required=True, past=True),
    "referral.declined_on": Field("Abgelehnt am", Kind.DATE, required=True, past=True),
    "referral.cancelled_on": Field("Abgebrochen am", Kind.DATE, required=True, past=True),
    "referral.cancel_reason": Field("Grund des Abbruchs", Kind.TEXT, limit=2000, required=True),
    "record.kind": Field("Art des Datensatzes", Kind.LINE),
    "export.format": Field("Format", Kind.LINE),
    "export.language": Field("Sprache", Kind.LINE),
    "precheck.months": Field("Monate", Kind.NUMBER),
    "audit.since": Field("Von", Kind.DATE),
    "audit.until": Field("Bis", Kind.DATE),
    "audit.action": Field("Aktion", Kind.LINE),
    "audit.limit": Field("Höchstens", Kind.NUMBER),
}


@cache
def declared(key: str) -> Field:
    """The declaration of the field ``key`` ("table.column"); KeyError when there is none."""
    if key in VIRTUAL:
        return replace(VIRTUAL[key], key=key)
    import kim_desktop.core.models  # noqa: F401 (registers every table on the metadata)

    table, _, name = key.partition(".")
    column = Base.metadata.tables[table].c[name]
    declaration = column.info.get(INFO)
    if not isinstance(declaration, Field):
        raise KeyError(key)
    limit = declaration.limit or getattr(column.type, "length", None)
    return replace(declaration, key=key, limit=limit)


def fields_of(table: str) -> dict[str, Field]:
    """The declared fields of a table by column name, in the order of the columns."""
    import kim_desktop.core.models  # noqa: F401

    return {column.name: declared(f"{table}.{column.name}")
            for column in Base.metadata.tables[table].columns if INFO in column.info}


def label(key: str) -> str:
    """The German label of a field key; the key itself for a name no one declared."""
    try:
        return declared(key).label
    except KeyError:
        return key


def every_field() -> Iterator[Field]:
    """Every declared field, columns and virtual ones."""
    import kim_desktop.core.models  # noqa: F401

    for table in Base.metadata.tables:
        yield from fields_of(table).values()
    for key in VIRTUAL:
        yield declared(key)


def every_choice() -> list[type[Choice]]:
    """Every set of choices a field declares."""
    return sorted({f.choices for f in every_field() if f.choices is not None},
                  key=lambda c: c.__name__)

"""A heuristic look at a text meant to be anonymous: does it seem to name a person, a date
(of birth), an address or a way to reach someone?

It warns while the case manager types a structural gap's description; the final check
against the records of every client of the office is :mod:`kim_desktop.core.release_check`.
Both read the text the same way and share the patterns of
:mod:`kim_desktop.core.personal_patterns`, so that every phone number, e-mail address and
date the release check can block warns here too. It can miss things and can be wrong; it
is a reminder, not a guarantee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kim_desktop.core.errors import QT_TRANSLATE_NOOP
from kim_desktop.core.personal_patterns import (
    ADDRESS_WORDS,
    EMAIL,
    NUMBER_WORDS,
    PHONE,
    ReadText,
    dates,
    emails,
    phones,
)

DATE = QT_TRANSLATE_NOOP("anonymity", "ein Datum (z. B. ein Geburtsdatum)")
ADDRESS = QT_TRANSLATE_NOOP("anonymity", "eine Anschrift")
NAME = QT_TRANSLATE_NOOP("anonymity", "einen Namen")

#: What warns here without the records (the release check then needs them to block): a day
#: and month without a year, the word "geb." or "geboren", any street with a number, a
#: postcode with a town, any name after a form of address.
_WITHOUT_RECORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (DATE, re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.(?!\s?\d)|\b(geb\.|geboren)\s", re.IGNORECASE)),
    (ADDRESS, re.compile(
        r"\b[\wäöüß-]*(straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)\s*"
        rf"(?:(?:{'|'.join(sorted(NUMBER_WORDS))})\.?\s*)?\d+\w?\b|"
        r"\b\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+",
        re.IGNORECASE,
    )),
    (NAME, re.compile(
        rf"\b(?i:{'|'.join(sorted(ADDRESS_WORDS))})\.?\s+[A-ZÄÖÜ][\wäöüß-]+")),
)


@dataclass(frozen=True)
class Hint:
    #: German description of what was found (translatable in context "anonymity").
    what: str
    start: int
    end: int


def personal_data_hints(text: str) -> list[Hint]:
    """Every place where ``text`` looks like it identifies someone, in text order; the
    places are those of ``text`` as written."""
    read = ReadText.of(text)
    written = dates(read)
    found = [(DATE, d.span) for d in written]
    found += [(PHONE, span) for span in phones(read, written)]
    found += [(EMAIL, span) for span in emails(read)]
    found += [(what, match.span()) for what, pattern in _WITHOUT_RECORDS
              for match in pattern.finditer(read.latin)]
    hints = [Hint(what, *read.span(*span)) for what, span in found]
    return sorted(hints, key=lambda hint: hint.start)

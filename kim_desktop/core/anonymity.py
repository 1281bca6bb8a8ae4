"""A heuristic look at a text meant to be anonymous: does it seem to name a person, a date
(of birth), an address or a way to reach someone?

It warns while the case manager types a structural gap's description; the final check
against the records of every client of the office is :mod:`kim_desktop.core.release_check`.
It can miss things and can be wrong; it is a reminder, not a guarantee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kim_desktop.core.errors import QT_TRANSLATE_NOOP

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        QT_TRANSLATE_NOOP("anonymity", "ein Datum (z. B. ein Geburtsdatum)"),
        re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(\d{2}|\d{4})?\b|\b\d{4}-\d{2}-\d{2}\b|"
                   r"\b(geb\.|geboren)\s", re.IGNORECASE),
    ),
    (
        QT_TRANSLATE_NOOP("anonymity", "eine Anschrift"),
        re.compile(
            r"\b[\wäöüß-]*(straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)\s+\d+\w?\b|"
            r"\b\d{5}\s+[A-ZÄÖÜ][a-zäöüß]+",
            re.IGNORECASE,
        ),
    ),
    (
        QT_TRANSLATE_NOOP("anonymity", "einen Namen"),
        re.compile(r"\b(Herr|Herrn|Frau|Familie|Fam\.|Mr\.?|Mrs\.?|Ms\.?)\s+[A-ZÄÖÜ][\wäöüß-]+"),
    ),
    (QT_TRANSLATE_NOOP("anonymity", "eine E-Mail-Adresse"), re.compile(r"\S+@\S+\.\w+")),
    (QT_TRANSLATE_NOOP("anonymity", "eine Telefonnummer"), re.compile(r"(\+|\b0)\d[\d /-]{6,}\d")),
)


@dataclass(frozen=True)
class Hint:
    #: German description of what was found (translatable in context "anonymity").
    what: str
    start: int
    end: int


def personal_data_hints(text: str) -> list[Hint]:
    """Every place where ``text`` looks like it identifies someone, in text order."""
    hints = [
        Hint(what, match.start(), match.end())
        for what, pattern in _PATTERNS
        for match in pattern.finditer(text)
    ]
    return sorted(hints, key=lambda hint: hint.start)

"""How phone numbers, e-mail addresses and dates are written, and how a text is read to find
them: shared by the warnings while a gap text is typed (:mod:`kim_desktop.core.anonymity`)
and the release check (:mod:`kim_desktop.core.release_check`), so that what blocks a release
by its form alone also warns while typing.

A text is read in its compatibility form (NFKC: a full-width ＠ is an @), with every word
whose Cyrillic or Greek letters all look like Latin ones ("Оlena" with a Cyrillic О) read as
the Latin word.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kim_desktop.core.errors import QT_TRANSLATE_NOOP
from kim_protocol.export_text import invisible

PHONE = QT_TRANSLATE_NOOP("anonymity", "eine Telefonnummer")
EMAIL = QT_TRANSLATE_NOOP("anonymity", "eine E-Mail-Adresse")

#: Latin letters that Cyrillic and Greek ones look like in common fonts (after Unicode's
#: confusables.txt); read only in words that then are Latin throughout.
_LOOK_ALIKES = str.maketrans({
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
    "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ү": "Y", "Ԛ": "Q", "Ԝ": "W",
    "Ӏ": "I", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s",
    "і": "i", "ј": "j", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ү": "y", "ӏ": "l",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "α": "a", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "υ": "u", "ϲ": "c", "ϳ": "j",
})
_OPEN, _CLOSE = r"\s?[(\[{<]\s?", r"\s?[)\]}>]\s?"
_EMAIL = re.compile(
    rf"[^\s@()\[\]{{}}<>]+(?:@|{_OPEN}(?:at|@){_CLOSE})"
    rf"[^\s@()\[\]{{}}<>]+(?:\.|{_OPEN}(?:dot|punkt){_CLOSE})\w{{2,}}", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    # +49 571 …, +49 (0)571 …, (0571) 123456, 0571 …: groups apart by a space, / or -, or by
    # a full stop before three digits or more (08.00-12.00 is no number)
    r"(?:\+\d{1,3} ?(?:\(0\) ?)?|\(0\d{2,5}\) ?(?:[/-] ?)?|0)\d+(?: ?[/-] ?\d+| \d+|\.\d{3,})*"
    # a mobile number without its 0: 171 2345678
    r"|1[5-7]\d{1,2}(?: ?[/-] ?| )?\d{7,8}"
    r")(?!\w)")
#: Fewer digits are no phone number ("0 bis 3 Jahre", a postcode).
_PHONE_DIGITS = 7
_MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "febr": 2,
    "feb": 2, "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3, "april": 4,
    "apr": 4, "mai": 5, "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7,
    "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "dezember": 12,
    "december": 12, "dez": 12, "dec": 12,
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: (pattern, group of day, of month, of year); a month group of letters is a month's name.
_DATES = (
    (re.compile(r"\b(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{4}|\d{2})\b"), 1, 2, 3),
    (re.compile(rf"\b(\d{{1,2}})\.?\s*({_MONTH_NAMES})\.?\s*(\d{{4}}|\d{{2}})\b",
                re.IGNORECASE), 1, 2, 3),
    # April 1, 2005
    (re.compile(rf"\b({_MONTH_NAMES})\.?\s*(\d{{1,2}})(?:st|nd|rd|th)?,?\s*(\d{{4}})\b",
                re.IGNORECASE), 2, 1, 3),
    (re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b"), 4, 3, 1),
    # 01042005 and 20050401
    (re.compile(r"\b(\d{2})(\d{2})(\d{4})\b"), 1, 2, 3),
    (re.compile(r"\b(\d{4})(\d{2})(\d{2})\b"), 3, 2, 1),
)
_BORN = re.compile(r"(\bgeb\.?|\bgeboren|\bgeburtsdatum|\bgeb\.-datum)\s*(am|den)?\s*:?\s*$",
                   re.IGNORECASE)
#: Words between a street and its house number ("Lindenstraße Nr. 41").
NUMBER_WORDS = frozenset({"nr", "no", "nummer", "hausnr", "hausnummer"})
#: Forms of address before a name ("Frau Koch", "Fam. Fischer").
ADDRESS_WORDS = frozenset(
    {"herr", "herrn", "frau", "familie", "fam", "hr", "fr", "mr", "mrs", "ms", "dr"})


@dataclass(frozen=True)
class ReadText:
    """A text as it is read: ``plain`` is ``original`` in its compatibility form (NFKC
    character by character, invisible characters left out), ``latin`` that with every
    look-alike letter Latin, and ``origin`` gives for each of their characters the character
    of ``original`` it comes from, so that a finding names the text as it was written."""

    original: str
    plain: str
    latin: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> ReadText:
        # Invisible characters (soft hyphens, zero width spaces and joiners, bidi marks) are
        # read as nothing: the exports print "Ah\u00admad" as "Ahmad", and so does the screen.
        parts = ["" if invisible(c) else unicodedata.normalize("NFKC", c) for c in text]
        plain = "".join(parts)
        origin = tuple(i for i, part in enumerate(parts) for _ in part)
        return cls(text, plain, plain.translate(_LOOK_ALIKES), origin)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where ``plain[start:end]`` stands in ``original``."""
        return self.origin[start], self.origin[end - 1] + 1

    def fragment(self, start: int, end: int) -> str:
        first, last = self.span(start, end)
        return self.original[first:last]


@dataclass(frozen=True)
class WrittenDate:
    day: dt.date
    #: Written with a two-digit year (5.10.94): may be of the century before.
    short_year: bool
    #: Where it stands in the text's ``latin`` form.
    span: tuple[int, int]
    #: Right after "geb." or "geboren".
    born: bool


def dates(text: ReadText) -> list[WrittenDate]:
    """Every date written in ``text``."""
    found: list[WrittenDate] = []
    for pattern, day_group, month_group, year_group in _DATES:
        for match in pattern.finditer(text.latin):
            month_text = match.group(month_group)
            month = _MONTHS.get(month_text.lower(), 0) if month_text.isalpha() else int(
                month_text)
            year_text = match.group(year_group)
            try:
                day = dt.date(int(year_text) + (1900 if len(year_text) == 2 else 0), month,
                              int(match.group(day_group)))
            except ValueError:
                continue
            before = text.latin[max(0, match.start() - 30):match.start()]
            found.append(WrittenDate(day, len(year_text) == 2, match.span(),
                                     _BORN.search(before) is not None))
    return found


def phones(text: ReadText, written: Iterable[WrittenDate]) -> list[tuple[int, int]]:
    """Where phone numbers stand in ``text.latin``; a date (05/10/2025) is none."""
    latin = list(text.latin)
    for date in written:
        start, end = date.span
        latin[start:end] = "#" * (end - start)
    return [match.span() for match in _PHONE.finditer("".join(latin))
            if sum(c.isdigit() for c in match.group()) >= _PHONE_DIGITS]


def emails(text: ReadText) -> list[tuple[int, int]]:
    """Where e-mail addresses stand in ``text.latin``, "name [at] example.de" too."""
    return [match.span() for match in _EMAIL.finditer(text.latin)]

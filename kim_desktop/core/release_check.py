"""Does a text about to leave the office (a structural gap's description) hold personal data
of the office's records?

Checked against every client of the office, not only those linked to the gap:

* **blocked**: a client's first name together with one of their last names; a client's
  street with its house number ("Lindenstraße Nr. 41", "Lindenstr.41", "Lind. 41"); any
  phone number ("(0571) 123456", "+49 (0)571 123456", "0571.123.456", a mobile number
  without its 0) or e-mail address ("name [at] example.de") by pattern; a birth date of a
  client or household member in the usual written forms (05.10.1994, 5.10.94, 5. Oktober
  1994, 1994-10-05, 1994/10/05, October 5, 1994, 05101994), or any date right after "geb."
  or "geboren"; a name right after a form of address ("Frau Koch");
* **to confirm**: a last name alone. Many are everyday words (Koch, Fischer, Bauer), so the
  case manager confirms that the text does not mean the person, and the confirmation is
  logged.

The text is read in its compatibility form (NFKC: a full-width ＠ is an @), and a word
written with Cyrillic or Greek letters that look like Latin ones ("Оlena" with a Cyrillic О)
is read as the Latin word; a word of those scripts that is no such look-alike stays as it is.

A heuristic over the records, not a guarantee: a description of a person without any of
these still identifies them. The typing hints of :mod:`kim_desktop.core.anonymity` say more.
The work depends on the text, not on the number of clients: the names come from the search
keys of the caseload's covering index, dates through the birth-date indexes, and streets
only for the numbers the text holds.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kim_desktop.core.errors import QT_TRANSLATE_NOOP
from kim_desktop.core.models import Client, HouseholdMember
from kim_desktop.core.names import normalise

FULL_NAME = QT_TRANSLATE_NOOP("anonymity", "Vor- und Nachname einer Person aus den Akten")
ADDRESSED_NAME = QT_TRANSLATE_NOOP("anonymity", "ein Name mit Anrede")
ADDRESS = QT_TRANSLATE_NOOP("anonymity", "die Anschrift einer Person aus den Akten")
BIRTH_DATE = QT_TRANSLATE_NOOP("anonymity", "ein Geburtsdatum")
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
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: Words between a street and its house number ("Lindenstraße Nr. 41").
_NUMBER_WORDS = frozenset({"nr", "no", "nummer", "hausnr", "hausnummer"})
#: Letters a street's name keeps at least when cut short with a full stop ("Lind. 41").
_ABBREVIATED = 4
_ADDRESS_WORDS = frozenset(
    {"herr", "herrn", "frau", "familie", "fam", "hr", "fr", "mr", "mrs", "ms", "dr"})
#: Parts of names that are no name on their own ("von der Heide", "Al Hassan").
_PARTICLES = frozenset(
    {"von", "vom", "van", "der", "den", "dem", "de", "del", "della", "di", "da", "das", "dos",
     "du", "la", "le", "zu", "zur", "ten", "ter", "al", "el", "bin", "ibn", "abu", "ben"})


@dataclass(frozen=True)
class Finding:
    """Something that blocks the release: what it is (German, translatable in context
    "anonymity") and the part of the text where it stands."""

    what: str
    fragment: str


@dataclass(frozen=True)
class NameAlone:
    """A client's last name in the text without their first name: the part of the text and
    the clients it may mean."""

    fragment: str
    client_ids: tuple[str, ...]


@dataclass(frozen=True)
class ReleaseCheck:
    blocked: tuple[Finding, ...]
    names_alone: tuple[NameAlone, ...]

    @property
    def to_confirm(self) -> tuple[str, ...]:
        """The clients the case manager must confirm the text does not mean."""
        return tuple(sorted({i for name in self.names_alone for i in name.client_ids}))


@dataclass(frozen=True)
class _Text:
    """A text as the check reads it: ``plain`` is ``original`` in its compatibility form
    (NFKC character by character), ``latin`` that with every look-alike letter Latin, and
    ``origin`` gives for each of their characters the character of ``original`` it comes
    from, so that a finding names the text as it was written."""

    original: str
    plain: str
    latin: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _Text:
        parts = [unicodedata.normalize("NFKC", c) for c in text]
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
class _Token:
    word: str
    #: Where the word stands in the original text.
    start: int
    end: int
    #: Right before a full stop: may be a word cut short.
    abbreviated: bool = False


def _foreign(word: str) -> bool:
    return not word.isascii() and any(
        unicodedata.name(c, "").startswith(("CYRILLIC", "GREEK")) for c in word)


def _tokens(text: _Text) -> list[_Token]:
    tokens = []
    for match in _WORD.finditer(text.plain):
        latin = text.latin[match.start():match.end()]
        word = match.group() if _foreign(latin) else latin
        start, end = text.span(*match.span())
        abbreviated = text.plain[match.end():match.end() + 1] == "."
        tokens += [_Token(part, start, end, abbreviated) for part in normalise(word).split()]
    return tokens


def _parts(name: str) -> set[tuple[str, ...]]:
    """The word sequences that stand for ``name``: all of it, and each word of a name of
    several that is a name on its own."""
    words = tuple(normalise(name).split())
    if not words or len("".join(words)) < 2:
        return set()
    return {words} | {(word,) for word in words
                      if len(words) > 1 and len(word) > 2 and word not in _PARTICLES}


def _occurrences(tokens: Sequence[_Token], part: tuple[str, ...]) -> Iterable[int]:
    size = len(part)
    for i in range(len(tokens) - size + 1):
        if tuple(token.word for token in tokens[i:i + size]) == part:
            yield i


def _fragment(text: str, tokens: Sequence[_Token], first: int, count: int) -> str:
    return text[tokens[first].start:tokens[first + count - 1].end]


def _names(session: Session, text: str, tokens: list[_Token]
           ) -> tuple[list[Finding], list[NameAlone]]:
    words = {token.word for token in tokens}
    candidates = [client_id for client_id, key in session.execute(
        select(Client.id, Client.search_key)) if not words.isdisjoint(key.split())]
    blocked: list[Finding] = []
    alone: dict[str, set[str]] = {}
    for chunk in range(0, len(candidates), 500):
        rows = session.execute(
            select(Client.id, Client.first_name, Client.last_name, Client.birth_name)
            .where(Client.id.in_(candidates[chunk:chunk + 500])))
        for client_id, first_name, last_name, birth_name in rows:
            first = _found(tokens, _parts(first_name))
            last = _found(tokens, _parts(last_name) | _parts(birth_name))
            blocked += [Finding(ADDRESSED_NAME, _fragment(text, tokens, i - 1, size + 1))
                        for i, size in first + last
                        if i > 0 and tokens[i - 1].word in _ADDRESS_WORDS]
            if first and last:
                blocked.append(Finding(FULL_NAME, ", ".join(
                    _fragment(text, tokens, i, size) for i, size in first[:1] + last[:1])))
            else:
                for i, size in last:
                    alone.setdefault(_fragment(text, tokens, i, size), set()).add(client_id)
    return blocked, sorted((NameAlone(fragment, tuple(sorted(ids)))
                            for fragment, ids in alone.items()), key=lambda n: n.fragment)


def _found(tokens: Sequence[_Token], parts: Iterable[tuple[str, ...]]
           ) -> list[tuple[int, int]]:
    """(first token, number of tokens) of every place a part of a name stands."""
    return sorted((i, len(part)) for part in parts for i in _occurrences(tokens, part))


def _street_words(words: Iterable[str]) -> list[str]:
    """"Hauptstraße", "Hauptstrasse" and "Hauptstr." become the same word."""
    return [word[:-len("strasse")] + "str" if word.endswith("strasse") else word
            for word in words]


def _leading_digits(word: str) -> str:
    return word[:len(word) - len(word.lstrip("0123456789"))]


def _street_here(tokens: Sequence[_Token], words: Sequence[str], at: int,
                 name: Sequence[str], number: str) -> int:
    """How many tokens from ``at`` on spell the street ``name`` with its house ``number`` (0:
    none). The name's last word may be cut short with a full stop ("Lind. 41"), and "Nr." may
    stand before the number."""
    end = at + len(name)
    if end > len(words) or list(words[at:end - 1]) != list(name[:-1]):
        return 0
    last, token = words[end - 1], tokens[end - 1]
    if last != name[-1] and not (token.abbreviated and len(last) >= _ABBREVIATED
                                 and name[-1].startswith(last)):
        return 0
    while end < len(words) and words[end] in _NUMBER_WORDS:
        end += 1
    return end - at + 1 if end < len(words) and _leading_digits(words[end]) == number else 0


def _addresses(session: Session, text: str, tokens: list[_Token]) -> list[Finding]:
    numbers = {_leading_digits(token.word) for token in tokens} - {""}
    if not numbers:
        return []
    words = _street_words(token.word for token in tokens)
    starts: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        starts.setdefault(word, []).append(i)
    cut_short = [i for i, token in enumerate(tokens)
                 if token.abbreviated and len(words[i]) >= _ABBREVIATED]
    found = []
    for (street,) in session.execute(select(Client.street).where(
            or_(*(Client.street.like(f"% {number}%") for number in sorted(numbers))))):
        first_number = _NUMBER.search(street)
        if first_number is None or first_number.group() not in numbers:
            continue
        street_words = _street_words(normalise(street).split())
        at = next((i for i, word in enumerate(street_words) if _leading_digits(word)), 0)
        name, number = street_words[:at], _leading_digits(street_words[at])
        while name and name[-1] in _NUMBER_WORDS:
            name.pop()
        if not name or number not in numbers:
            continue
        for i in sorted(set(starts.get(name[0], []) + (cut_short if len(name) == 1 else []))):
            size = _street_here(tokens, words, i, name, number)
            if size:
                found.append(Finding(ADDRESS, _fragment(text, tokens, i, size)))
    return found


#: A date in a text: the day, whether its year has two digits, where it stands in the text's
#: ``latin`` form, and whether it comes right after "geb.".
_Date = tuple[dt.date, bool, tuple[int, int], bool]


def _dates(text: _Text) -> list[_Date]:
    """Every date written in ``text``."""
    found: list[_Date] = []
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
            found.append((day, len(year_text) == 2, match.span(), _BORN.search(before)
                          is not None))
    return found


def _birth_dates(session: Session, text: _Text, dates: Sequence[_Date]) -> list[Finding]:
    candidates = {d for d, _, _, _ in dates} | {
        d.replace(year=d.year + 100) for d, short, _, _ in dates if short}
    if not candidates:
        return []
    known = set(session.scalars(select(Client.birth_date).where(
        Client.birth_date.in_(candidates)))) | set(session.scalars(
            select(HouseholdMember.birth_date).where(HouseholdMember.birth_date.in_(candidates))))
    return [Finding(BIRTH_DATE, text.fragment(*span)) for d, short, span, born in dates
            if born or d in known or (short and d.replace(year=d.year + 100) in known)]


def _phones(text: _Text, dates: Iterable[_Date]) -> list[Finding]:
    """Phone numbers by pattern; a date (05/10/2025) is none."""
    latin = list(text.latin)
    for _, _, (start, end), _ in dates:
        latin[start:end] = "#" * (end - start)
    return [Finding(PHONE, text.fragment(*match.span()))
            for match in _PHONE.finditer("".join(latin))
            if sum(c.isdigit() for c in match.group()) >= _PHONE_DIGITS]


def check_release_text(session: Session, text: str) -> ReleaseCheck:
    """What in ``text`` blocks its release, and which last names need a confirmation."""
    read = _Text.of(text)
    tokens = _tokens(read)
    dates = _dates(read)
    blocked = [Finding(EMAIL, read.fragment(*m.span())) for m in _EMAIL.finditer(read.latin)]
    blocked += _phones(read, dates)
    blocked += _birth_dates(session, read, dates)
    blocked += _addresses(session, text, tokens)
    named, alone = _names(session, text, tokens)
    unique = dict.fromkeys(blocked + named)
    return ReleaseCheck(tuple(unique), tuple(alone))

"""Does a text about to leave the office (a structural gap's description) hold personal data
of the office's records?

Checked against every client of the office, not only those linked to the gap:

* **blocked**: a client's first name together with one of their last names; a client's
  street with its house number; any phone number or e-mail address (by pattern); a birth
  date of a client or household member in the usual written forms (05.10.1994, 5.10.94,
  5. Oktober 1994, 1994-10-05), or any date right after "geb." or "geboren"; a name right
  after a form of address ("Frau Koch");
* **to confirm**: a last name alone. Many are everyday words (Koch, Fischer, Bauer), so the
  case manager confirms that the text does not mean the person, and the confirmation is
  logged.

A heuristic over the records, not a guarantee: a description of a person without any of
these still identifies them. The typing hints of :mod:`kim_desktop.core.anonymity` say more.
The work depends on the text, not on the number of clients: the names come from the search
keys of the caseload's covering index, dates through the birth-date indexes, and streets
only for the numbers the text holds.
"""

from __future__ import annotations

import datetime as dt
import re
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

_EMAIL = re.compile(r"\S+@\S+\.\w+")
_PHONE = re.compile(r"(\+|\b0)\d[\d /-]{6,}\d")
_MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "febr": 2, "feb": 2, "märz": 3,
    "maerz": 3, "mär": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6,
    "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
#: (pattern, group of day, of month, of year); a month group of letters is a month's name.
_DATES = (
    (re.compile(r"\b(\d{1,2})\s?[./]\s?(\d{1,2})\s?[./]\s?(\d{4}|\d{2})\b"), 1, 2, 3),
    (re.compile(rf"\b(\d{{1,2}})\.?\s*({_MONTH_NAMES})\.?\s*(\d{{4}}|\d{{2}})\b",
                re.IGNORECASE), 1, 2, 3),
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), 3, 2, 1),
)
_BORN = re.compile(r"(\bgeb\.?|\bgeboren|\bgeburtsdatum|\bgeb\.-datum)\s*(am|den)?\s*:?\s*$",
                   re.IGNORECASE)
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
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
class _Token:
    word: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(word, match.start(), match.end())
            for match in _WORD.finditer(text) for word in normalise(match.group()).split()]


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


def _addresses(session: Session, text: str, tokens: list[_Token]) -> list[Finding]:
    numbers = {_leading_digits(token.word) for token in tokens} - {""}
    if not numbers:
        return []
    words = _street_words(token.word for token in tokens)
    found = []
    for (street,) in session.execute(select(Client.street).where(
            or_(*(Client.street.like(f"% {number}%") for number in sorted(numbers))))):
        first_number = _NUMBER.search(street)
        if first_number is None or first_number.group() not in numbers:
            continue
        street_words = _street_words(normalise(street).split())
        at = next((i for i, word in enumerate(street_words) if _leading_digits(word)), 0)
        name, number = street_words[:at], _leading_digits(street_words[at])
        if not name or number not in numbers or name[0] not in words:
            continue
        found += [Finding(ADDRESS, _fragment(text, tokens, i, len(name) + 1))
                  for i in range(len(words) - len(name))
                  if words[i:i + len(name)] == name
                  and _leading_digits(words[i + len(name)]) == number]
    return found


def _dates(text: str) -> list[tuple[dt.date, bool, str, bool]]:
    """(date, year given with two digits, fragment, right after "geb.") of every date."""
    found = []
    for pattern, day_group, month_group, year_group in _DATES:
        for match in pattern.finditer(text):
            month_text = match.group(month_group)
            month = _MONTHS.get(month_text.lower(), 0) if month_text.isalpha() else int(
                month_text)
            year_text = match.group(year_group)
            try:
                day = dt.date(int(year_text) + (1900 if len(year_text) == 2 else 0), month,
                              int(match.group(day_group)))
            except ValueError:
                continue
            born = _BORN.search(text[max(0, match.start() - 30):match.start()]) is not None
            found.append((day, len(year_text) == 2, match.group(), born))
    return found


def _birth_dates(session: Session, text: str) -> list[Finding]:
    dates = _dates(text)
    candidates = {d for d, _, _, _ in dates} | {
        d.replace(year=d.year + 100) for d, short, _, _ in dates if short}
    if not candidates:
        return []
    known = set(session.scalars(select(Client.birth_date).where(
        Client.birth_date.in_(candidates)))) | set(session.scalars(
            select(HouseholdMember.birth_date).where(HouseholdMember.birth_date.in_(candidates))))
    return [Finding(BIRTH_DATE, fragment) for d, short, fragment, born in dates
            if born or d in known or (short and d.replace(year=d.year + 100) in known)]


def check_release_text(session: Session, text: str) -> ReleaseCheck:
    """What in ``text`` blocks its release, and which last names need a confirmation."""
    tokens = _tokens(text)
    blocked = [Finding(EMAIL, m.group()) for m in _EMAIL.finditer(text)]
    blocked += [Finding(PHONE, m.group()) for m in _PHONE.finditer(text)]
    blocked += _birth_dates(session, text)
    blocked += _addresses(session, text, tokens)
    named, alone = _names(session, text, tokens)
    unique = dict.fromkeys(blocked + named)
    return ReleaseCheck(tuple(unique), tuple(alone))

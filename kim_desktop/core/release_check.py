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

The text is read as :mod:`kim_desktop.core.personal_patterns` reads it (NFKC, look-alike
letters as Latin), whose patterns for phone numbers, e-mail addresses and dates the typing
hints of :mod:`kim_desktop.core.anonymity` share. A word in Cyrillic or Greek letters stands
by its Latin transliterations (:func:`kim_desktop.core.names.transliterations`): "Олена
Коваль" is Olena Koval.

A heuristic over the records, not a guarantee: a description of a person without any of
these still identifies them. The typing hints say more.
The work depends on the text, not on the number of clients: the names come from the search
keys of the caseload's covering index, dates through the birth-date indexes, and streets
only for the numbers the text holds.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kim_desktop.core.errors import QT_TRANSLATE_NOOP
from kim_desktop.core.models import Client, HouseholdMember
from kim_desktop.core.names import loose_spelling, normalise, transliterations
from kim_desktop.core.personal_patterns import (
    ADDRESS_WORDS,
    EMAIL,
    NUMBER_WORDS,
    PHONE,
    ReadText,
    WrittenDate,
    dates,
    emails,
    phones,
)

FULL_NAME = QT_TRANSLATE_NOOP("anonymity", "Vor- und Nachname einer Person aus den Akten")
ADDRESSED_NAME = QT_TRANSLATE_NOOP("anonymity", "ein Name mit Anrede")
ADDRESS = QT_TRANSLATE_NOOP("anonymity", "die Anschrift einer Person aus den Akten")
BIRTH_DATE = QT_TRANSLATE_NOOP("anonymity", "ein Geburtsdatum")

_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: Letters a street's name keeps at least when cut short with a full stop ("Lind. 41").
_ABBREVIATED = 4
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
    #: Where the word stands in the original text.
    start: int
    end: int
    #: Right before a full stop: may be a word cut short.
    abbreviated: bool = False
    #: A word with Cyrillic or Greek letters: its Latin spellings (in loose spelling).
    spellings: frozenset[str] = frozenset()

    def spells(self, word: str) -> bool:
        """Whether the token is ``word`` (normalised), in Latin or another script's letters."""
        return word == self.word or (
            bool(self.spellings) and loose_spelling(word) in self.spellings)


def _foreign(word: str) -> bool:
    return not word.isascii() and any(
        unicodedata.name(c, "").startswith(("CYRILLIC", "GREEK")) for c in word)


def _tokens(text: ReadText) -> list[_Token]:
    """The words of ``text``; one of Cyrillic or Greek letters that are not all look-alikes
    stands by its transliterations alone."""
    tokens: list[_Token] = []
    for match in _WORD.finditer(text.plain):
        latin = text.latin[match.start():match.end()]
        start, end = text.span(*match.span())
        abbreviated = text.plain[match.end():match.end() + 1] == "."
        spellings = transliterations(match.group()) if _foreign(match.group()) else frozenset()
        words = [""] if _foreign(latin) else normalise(latin).split()
        tokens += [_Token(word, start, end, abbreviated, spellings) for word in words]
    return tokens


def _parts(name: str) -> set[tuple[str, ...]]:
    """The word sequences that stand for ``name``: all of it, and each word of a name of
    several that is a name on its own."""
    words = tuple(normalise(name).split())
    if not words or len("".join(words)) < 2:
        return set()
    return {words} | {(word,) for word in words
                      if len(words) > 1 and len(word) > 2 and word not in _PARTICLES}


class _Where:
    """Where each word of a text stands: by its normalised form, and a word of Cyrillic or
    Greek letters by each of its spellings."""

    def __init__(self, tokens: Sequence[_Token]) -> None:
        self.tokens = tokens
        self.words: dict[str, list[int]] = {}
        self.spellings: dict[str, list[int]] = {}
        for i, token in enumerate(tokens):
            self.words.setdefault(token.word, []).append(i)
            for spelling in token.spellings:
                self.spellings.setdefault(spelling, []).append(i)

    def occurrences(self, part: tuple[str, ...]) -> list[int]:
        """The first tokens of every place where the words ``part`` stand in a row."""
        starts = self.words.get(part[0], [])
        if self.spellings:
            starts = sorted({*starts, *self.spellings.get(loose_spelling(part[0]), [])})
        size = len(part)
        return [i for i in starts if i + size <= len(self.tokens) and all(
            self.tokens[i + k].spells(part[k]) for k in range(1, size))]


def _fragment(text: str, tokens: Sequence[_Token], first: int, count: int) -> str:
    return text[tokens[first].start:tokens[first + count - 1].end]


def _names(session: Session, text: str, tokens: list[_Token]
           ) -> tuple[list[Finding], list[NameAlone]]:
    words = {token.word for token in tokens}
    spellings = frozenset().union(*(token.spellings for token in tokens))

    def may_stand(key: str) -> bool:
        names = key.split()
        return not words.isdisjoint(names) or (bool(spellings) and not spellings.isdisjoint(
            map(loose_spelling, names)))

    candidates = [client_id for client_id, key in session.execute(
        select(Client.id, Client.search_key)) if may_stand(key)]
    where = _Where(tokens)
    blocked: list[Finding] = []
    alone: dict[str, set[str]] = {}
    for chunk in range(0, len(candidates), 500):
        rows = session.execute(
            select(Client.id, Client.first_name, Client.last_name, Client.birth_name)
            .where(Client.id.in_(candidates[chunk:chunk + 500])))
        for client_id, first_name, last_name, birth_name in rows:
            first = _found(where, _parts(first_name))
            last = _found(where, _parts(last_name) | _parts(birth_name))
            blocked += [Finding(ADDRESSED_NAME, _fragment(text, tokens, i - 1, size + 1))
                        for i, size in first + last
                        if i > 0 and tokens[i - 1].word in ADDRESS_WORDS]
            if first and last:
                blocked.append(Finding(FULL_NAME, ", ".join(
                    _fragment(text, tokens, i, size) for i, size in first[:1] + last[:1])))
            else:
                for i, size in last:
                    alone.setdefault(_fragment(text, tokens, i, size), set()).add(client_id)
    return blocked, sorted((NameAlone(fragment, tuple(sorted(ids)))
                            for fragment, ids in alone.items()), key=lambda n: n.fragment)


def _found(where: _Where, parts: Iterable[tuple[str, ...]]) -> list[tuple[int, int]]:
    """(first token, number of tokens) of every place a part of a name stands."""
    return sorted((i, len(part)) for part in parts for i in where.occurrences(part))


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
    while end < len(words) and words[end] in NUMBER_WORDS:
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
        while name and name[-1] in NUMBER_WORDS:
            name.pop()
        if not name or number not in numbers:
            continue
        for i in sorted(set(starts.get(name[0], []) + (cut_short if len(name) == 1 else []))):
            size = _street_here(tokens, words, i, name, number)
            if size:
                found.append(Finding(ADDRESS, _fragment(text, tokens, i, size)))
    return found


def _birth_dates(session: Session, text: ReadText, written: Sequence[WrittenDate]
                 ) -> list[Finding]:
    candidates = {d.day for d in written} | {
        d.day.replace(year=d.day.year + 100) for d in written if d.short_year}
    if not candidates:
        return []
    known = set(session.scalars(select(Client.birth_date).where(
        Client.birth_date.in_(candidates)))) | set(session.scalars(
            select(HouseholdMember.birth_date).where(HouseholdMember.birth_date.in_(candidates))))
    return [Finding(BIRTH_DATE, text.fragment(*d.span)) for d in written
            if d.born or d.day in known
            or (d.short_year and d.day.replace(year=d.day.year + 100) in known)]


def check_release_text(session: Session, text: str) -> ReleaseCheck:
    """What in ``text`` blocks its release, and which last names need a confirmation."""
    read = ReadText.of(text)
    tokens = _tokens(read)
    written = dates(read)
    blocked = [Finding(EMAIL, read.fragment(*span)) for span in emails(read)]
    blocked += [Finding(PHONE, read.fragment(*span)) for span in phones(read, written)]
    blocked += _birth_dates(session, read, written)
    blocked += _addresses(session, text, tokens)
    named, alone = _names(session, text, tokens)
    unique = dict.fromkeys(blocked + named)
    return ReleaseCheck(tuple(unique), tuple(alone))

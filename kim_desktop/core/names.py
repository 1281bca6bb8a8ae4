"""Spelling- and transliteration-tolerant keys for searching people by name.

Two keys are stored on each client and computed the same way for a query:

* :func:`normalise` folds case, diacritics and the common German/Turkish spellings
  (Müller = Mueller = Muller, Yılmaz = Yilmaz, Strauß = Strauss);
* :func:`phonetic` reduces a word to a consonant skeleton after merging letters that
  transliterations swap (Mohammed = Muhammad = Mohamed = Mehmet, Youssef = Yusuf = Jusuf,
  Khaled = Chalid).
"""

from __future__ import annotations

import re
import unicodedata

_BEFORE_FOLDING = str.maketrans(
    {"ß": "ss", "ẞ": "ss", "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae",
     "œ": "oe", "Œ": "oe", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "'": "", "’": ""}
)
_GERMAN_UMLAUT_SPELLINGS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_CLUSTERS = (
    ("dsch", "y"), ("tsch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "h"), ("kh", "h"),
    ("gh", "k"), ("ph", "f"), ("th", "t"), ("dj", "y"), ("ck", "k"), ("ou", "u"),
)
_LETTERS = str.maketrans(
    {"b": "p", "d": "t", "v": "f", "w": "f", "g": "k", "c": "k", "q": "k", "z": "s",
     "j": "y"}
)
_VOWELS = frozenset("aeiouh")


def normalise(text: str) -> str:
    """Lower-case ASCII words separated by single spaces."""
    folded = unicodedata.normalize("NFKD", text.translate(_BEFORE_FOLDING))
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    for spelling, plain in _GERMAN_UMLAUT_SPELLINGS:
        ascii_text = ascii_text.replace(spelling, plain)
    return " ".join(_NOT_WORD.sub(" ", ascii_text).split())


def phonetic(word: str) -> str:
    """The consonant skeleton of one normalised word ("" for an empty word)."""
    if not word:
        return ""
    for cluster, sound in _CLUSTERS:
        word = word.replace(cluster, sound)
    word = word.replace("x", "ks").translate(_LETTERS)
    head = "a" if word[0] in _VOWELS else word[0]
    body = [c for c in word[1:] if c not in _VOWELS and c != "y"]
    skeleton = head
    for c in body:
        if c != skeleton[-1]:
            skeleton += c
    return skeleton


def search_keys(*names: str) -> tuple[str, str]:
    """The stored ``(search_key, phonetic_key)`` of a person's names, each space-framed."""
    words = normalise(" ".join(names)).split()
    return f" {' '.join(words)} ", f" {' '.join(phonetic(w) for w in words)} "

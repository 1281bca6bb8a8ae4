"""Spelling- and transliteration-tolerant keys for searching people by name.

Two keys are stored on each client and computed the same way for a query:

* :func:`normalise` folds case, diacritics and the common German/Turkish spellings
  (Müller = Mueller = Muller, Yılmaz = Yilmaz, Strauß = Strauss);
* :func:`phonetic` reduces a word to a consonant skeleton after merging letters that
  transliterations swap (Mohammed = Muhammad = Mohamed = Mehmet, Youssef = Yusuf = Jusuf,
  Khaled = Chalid).

A word in Cyrillic or Greek letters is neither: :func:`transliterations` gives its Latin
spellings, to compare with :func:`loose_spelling` of a recorded name (Олена Коваль = Olena
Koval, Шевченко = Schewtschenko = Shevchenko = Ševčenko, Γιώργος = Giorgos).

The keys are made of :func:`key_words`: such a word is keyed by the one spelling its passport
gives (Кравчук kravchuk, Юлія yuliia, Γιώργος giorgos), so it is found as written and as the
passport writes it; a word of another script (Arabic) is keyed as written, without its vowel
marks, so an exact re-entry is caught and a search as written finds it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

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
    words = key_words(" ".join(names))
    return f" {' '.join(words)} ", f" {' '.join(phonetic(w) for w in words)} "


#: A run of letters, digits and marks (an Arabic word's vowel marks) in any script.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670"
                   r"\u06d6-\u06ed])+")
#: Arabic tatweel, which only stretches a word.
_STRETCH = str.maketrans({"\u0640": None})


def _script(word: str) -> str:
    """"cyrillic_greek" if a letter of ``word`` is Cyrillic or Greek; "latin" if one is
    Latin (or there is no letter at all); else "other"."""
    names = [unicodedata.name(c, "") for c in word if c.isalpha()]
    if any(n.startswith(("CYRILLIC", "GREEK")) for n in names):
        return "cyrillic_greek"
    if not names or any(n.startswith("LATIN") for n in names):
        return "latin"
    return "other"


def key_words(text: str) -> list[str]:
    """The words of a name or of a query as the keys hold them: :func:`normalise`'s for Latin
    letters, a word in Cyrillic or Greek letters by :func:`passport_spelling`, one of another
    script in lower case without its vowel marks."""
    words: list[str] = []
    folded = unicodedata.normalize("NFKC", text.translate(_BEFORE_FOLDING)).translate(_STRETCH)
    for word in _WORD.findall(folded):
        script = _script(word)
        if script == "cyrillic_greek":
            words += normalise(passport_spelling(word)).split()
        elif script == "latin":
            words += normalise(word).split()
        else:
            decomposed = unicodedata.normalize("NFKD", word.casefold())
            words.append(unicodedata.normalize(
                "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))))
    return [word for word in words if word]


#: Spellings the transliterations of Cyrillic and Greek take for one sound, made one: German
#: tsch, sch, w, j and English ch, sh, v, y; zh, kh, ph, x, a doubled s.
_LOOSE_CLUSTERS = (("tsch", "ch"), ("sch", "sh"), ("zh", "sh"), ("kh", "h"), ("tz", "ts"),
                   ("ph", "f"), ("x", "ks"), ("ss", "s"))
_LOOSE_LETTERS = str.maketrans({"w": "v", "j": "i", "y": "i"})
#: The Latin spellings of each Cyrillic letter (Russian, Ukrainian, Belarusian, Bulgarian,
#: Serbian), in loose spelling: the German transliteration (Duden), the English one and ISO 9
#: or the scholarly one with their diacritics folded (ž, š, č as z, s, c). So й is j, i or y or
#: nothing (Dmitri), х ch, h or kh, ц z, c or ts, ш sch, sh or s, ч tsch, ch or c, ж sch, zh,
#: sh or z; ь is dropped.
_CYRILLIC: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g", "h"), "ґ": ("g",), "д": ("d",),
    "е": ("e", "ie"), "ё": ("io", "e", "o"), "є": ("ie", "e"), "ж": ("sh", "z"),
    "з": ("s", "z"), "и": ("i",), "і": ("i",), "ї": ("ii", "i"), "й": ("i", ""), "к": ("k",),
    "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",),
    "т": ("t",), "у": ("u",), "ў": ("u",), "ф": ("f",), "х": ("ch", "h"),
    "ц": ("z", "c", "ts"), "ч": ("ch", "c"), "ш": ("sh", "s"), "щ": ("shch", "sht", "sc", "s"),
    "ъ": ("", "a"), "ы": ("i",), "ь": ("",), "э": ("e",), "ю": ("iu", "u"), "я": ("ia", "a"),
    "ђ": ("di", "d"), "ј": ("i",), "љ": ("li", "l"), "њ": ("ni", "n"), "ћ": ("c", "ch"),
    "џ": ("dz", "dsh"),
}
#: After a consonant е is e in every transliteration (je, ye only at the start and after a
#: vowel: Jelena, Andrejew).
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяєіїйъь")
#: Greek letters and letter pairs (ELOT 743 and the common spellings: Giorgos, Yorgos;
#: Papadopoulos, Papadopulos).
_GREEK: dict[str, tuple[str, ...]] = {
    "ου": ("ou", "u"), "αι": ("ai", "e"), "ει": ("ei", "i"), "οι": ("oi", "i"),
    "υι": ("ii", "i"), "αυ": ("av", "af"), "ευ": ("ev", "ef"), "ηυ": ("iv", "if"),
    "μπ": ("mp", "b", "mb"), "ντ": ("nt", "d", "nd"), "γκ": ("gk", "g", "ng"),
    "γγ": ("ng", "gg"), "τσ": ("ts",), "τζ": ("tz", "dz"),
    "α": ("a",), "β": ("v", "b"), "γ": ("g", "i"), "δ": ("d",), "ε": ("e",), "ζ": ("z",),
    "η": ("i", "e"), "θ": ("th",), "ι": ("i",), "κ": ("k",), "λ": ("l",), "μ": ("m",),
    "ν": ("n",), "ξ": ("ks",), "ο": ("o",), "π": ("p",), "ρ": ("r",), "σ": ("s",),
    "ς": ("s",), "τ": ("t",), "υ": ("i", "u"), "φ": ("f",), "χ": ("ch", "h"), "ψ": ("ps",),
    "ω": ("o",),
}
#: At most this many spellings of one word: far more than a name has, a bound for long words.
_SPELLINGS = 256


@lru_cache(maxsize=65_536)
def loose_spelling(word: str) -> str:
    """A normalised word with the spellings that transliterations swap made one (Schewtschenko
    and Shevchenko are "shevchenko", Yuliia and Julija "iuliia")."""
    for cluster, plain in _LOOSE_CLUSTERS:
        word = word.replace(cluster, plain)
    return word.translate(_LOOSE_LETTERS)


def _letters(word: str) -> str:
    """Lower case, Greek letters without their accents (ώ is ω); й, ё and ї stay letters."""
    return "".join(unicodedata.normalize("NFD", c)[0]
                   if unicodedata.name(c, "").startswith("GREEK") else c
                   for c in word.lower())


def transliterations(word: str) -> frozenset[str]:
    """The Latin spellings of a word in Cyrillic or Greek letters, in :func:`loose_spelling`
    (Latin letters in it stay as they are)."""
    letters, options = _letters(word), []
    at = 0
    while at < len(letters):
        pair = letters[at:at + 2]
        if pair in _GREEK and len(pair) == 2:
            options.append(_GREEK[pair])
            at += 2
            continue
        letter = letters[at]
        choices = _CYRILLIC.get(letter) or _GREEK.get(letter) or (letter,)
        if letter == "е" and at and letters[at - 1] not in _CYRILLIC_VOWELS:
            choices = choices[:1]
        options.append(choices)
        at += 1
    spellings = {loose_spelling("".join(normalise("".join(parts)).split()))
                 for parts in itertools.islice(itertools.product(*options), _SPELLINGS)}
    return frozenset(spellings - {""})


#: The letters whose passport spelling is not the first of :data:`_CYRILLIC`: the Ukrainian
#: national transliteration (2010), which Ukrainian passports use, and the English forms of
#: the Russian one. г is h and и y in a word with і, ї, є or ґ (Ukrainian only).
_PASSPORT = {"ж": "zh", "з": "z", "х": "kh", "ц": "ts", "ё": "e", "є": "ie", "ї": "i",
             "ю": "iu", "я": "ia", "щ": "shch", "ъ": "", "ы": "y", "э": "e"}
_PASSPORT_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UKRAINIAN = {"г": "h", "и": "y"}
_UKRAINIAN_LETTERS = frozenset("іїєґ")


def passport_spelling(word: str) -> str:
    """The one Latin spelling a passport gives a word in Cyrillic or Greek letters (Кравчук
    Kravchuk, Юлія Yuliia, Сергій Serhii, Γιώργος Giorgos): the first Greek spelling of
    :data:`_GREEK` (ELOT 743). Latin letters in it stay as they are."""
    letters, spelt = _letters(word), []
    ukrainian = not _UKRAINIAN_LETTERS.isdisjoint(letters)
    at = 0
    while at < len(letters):
        pair = letters[at:at + 2]
        if pair in _GREEK and len(pair) == 2:
            spelt.append(_GREEK[pair][0])
            at += 2
            continue
        letter = letters[at]
        if letter in _CYRILLIC:
            spelling = (_PASSPORT_START.get(letter) if at == 0 else None) or (
                _UKRAINIAN.get(letter) if ukrainian else None) or _PASSPORT.get(
                letter, _CYRILLIC[letter][0])
        else:
            spelling = _GREEK[letter][0] if letter in _GREEK else letter
        spelt.append(spelling)
        at += 1
    return "".join(spelt)

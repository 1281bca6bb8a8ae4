"""The rules for local users' names and passwords.

Every local password unlocks the same data key, so the weakest one decides how long a stolen
``vault.json`` holds out. A password is therefore judged by how many guesses it would take,
not by composition rules: zxcvbn (Dropbox's estimator) with its English lists of leaked
passwords, names and words, plus the 30,000 most frequent German words
(``resources/passwords/german_words.txt``, also with ä/ö/ü/ß written out) and the German
keyboard (qwertz, and its rows with the umlauts as a word list). The user name and the
words of the program, the Kreis and the office (:func:`context_words`) are guessed first, as
zxcvbn's user inputs. Separators are tried away too (``Haus Baum Auto`` is guessed as
``HausBaumAuto`` is), and the weaker result counts.

zxcvbn multiplies the ranks of frequent words as if each was chosen apart, so a famous saying
of four words scored like four random ones ("Ich liebe dich sehr", "Alle meine Entchen").
Phrase lists are a cracker's standard input: a password that is one of the well-known phrases
of ``resources/passwords/phrases.txt`` (sayings, greetings, song and film lines), starts one,
or is mostly one is refused, whatever its case, spaces and punctuation.

A password must be at least :data:`MIN_LENGTH` characters long (more where IT provisions
``[settings] password_min_length``) and take at least 10^:data:`MIN_GUESSES_LOG10` guesses.
At about 0.4 s of Argon2id per guess that is thousands of CPU-years. Four or more ordinary
words that do not belong together meet it easily, so the messages suggest them.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import TYPE_CHECKING, Any

from kim_desktop.core.errors import PasswordPolicyError, VaultError
from kim_protocol.resources import RESOURCES_DIR

if TYPE_CHECKING:
    from kim_desktop.core.provisioning import Provisioning

MIN_LENGTH = 12
MAX_NAME_LENGTH = 100
#: Passwords that take fewer guesses than 10 to this power are refused.
MIN_GUESSES_LOG10 = 11
GERMAN_WORDS = RESOURCES_DIR / "passwords" / "german_words.txt"
PHRASES = RESOURCES_DIR / "passwords" / "phrases.txt"
#: A phrase found in a password refuses it when it makes up this share of it or more.
_PHRASE_SHARE = 2 / 3
#: A password of at least this many letters and digits that begins a phrase is refused.
_PHRASE_START = 12
#: zxcvbn refuses longer input; the part beyond adds guesses, never fewer.
_ESTIMATE_CHARACTERS = 72
_SEPARATORS = re.compile(r"[\s\-_.,;:/+]+")
_FOLDED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_YZ = str.maketrans("yzYZ", "zyZY")
#: Unicode categories of characters a password may not hold: controls, format characters
#: (zero-width, bidi controls, soft hyphen), private use, surrogates, unassigned, and line or
#: paragraph separators.
_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})
GERMAN_KEYBOARD_ROWS = ("1234567890ß", "qwertzuiopü", "asdfghjklöä", "yxcvbnm")
#: The program's, the programme's and the Kreis's words, tried like the user name.
PROGRAM_WORDS = ("KIM", "KIM Desktop", "Kommunales Integrationsmanagement", "Integration",
                 "Integrationsmanagement", "Case Management", "Rathaus", "Kreis", "Kreishaus",
                 "Minden-Lübbecke", "Minden", "Lübbecke")
#: A word (or words run together) with a year before or after it, perhaps a few marks at the
#: end: the first pattern any cracker tries. zxcvbn splits ``Sommerferien2024`` into a word and
#: a "sequence" 024 and so gives the wrong reason, or misses it where the word is written
#: in parts (``Sommer-Ferien 2024!``).
_WORD_YEAR = re.compile(
    r"^(?:(?P<before>[^\W\d_]+)[\W_]*(?:19|20)\d\d|(?:19|20)\d\d[\W_]*(?P<after>[^\W\d_]+))"
    r"(?P<marks>[\W_]{0,3})$"
)
#: log10 of the guesses a year adds (about 200 plausible ones) and of each mark after it.
_YEAR_GUESSES_LOG10 = 2.3
_MARK_GUESSES_LOG10 = 1.5


def check_user_name(name: str) -> str:
    """The stripped name; :class:`VaultError` with a German message when it cannot be used."""
    name = name.strip()
    if not name:
        raise VaultError("user_name_empty")
    if len(name) > MAX_NAME_LENGTH:
        raise VaultError("user_name_long", limit=MAX_NAME_LENGTH)
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise VaultError("user_name_control")
    return name


def _provisioning() -> Provisioning | None:
    """This machine's provisioning; a broken file is reported where it is read (at start),
    here it counts as none."""
    from kim_desktop.core.provisioning import (
        ProvisioningError,
        find_provisioning,
        load_provisioning,
    )

    try:
        path = find_provisioning()
        return load_provisioning(path) if path else None
    except ProvisioningError:
        return None


def required_length() -> int:
    """The shortest password allowed on this machine: IT's provisioned minimum, at least 12."""
    provisioning = _provisioning()
    provisioned = provisioning.password_min_length if provisioning else MIN_LENGTH
    return max(MIN_LENGTH, provisioned)


def context_words() -> list[str]:
    """Words anyone who knows where the program runs tries first: the program's own, the
    Kreis and its municipalities (from the catalog), the provisioned office name and town."""
    from kim_protocol.catalogs import default_catalogs

    words = [*PROGRAM_WORDS,
             *(entry.label for entry in default_catalogs().municipalities.entries)]
    provisioning = _provisioning()
    if provisioning is not None:
        words += [provisioning.office_name, provisioning.municipality]
    return words


def _inputs(words: list[str]) -> list[str]:
    """``words`` as zxcvbn's user_inputs: whole, in parts, run together, umlauts written out."""
    inputs: list[str] = []
    for word in words:
        for variant in (word, *word.split(), *_SEPARATORS.split(word), _SEPARATORS.sub("", word)):
            inputs += [variant.lower(), variant.lower().translate(_FOLDED)]
    return [word for word in dict.fromkeys(inputs) if word]


def normalise(password: str) -> str:
    """The form of ``password`` that is judged and from which the key is derived (NFKC): the
    same password typed on another keyboard or system (``ü`` as one character or as ``u`` and
    a combining mark, full-width letters, ligatures) gives the same key."""
    return unicodedata.normalize("NFKC", password)


def check_password_policy(password: str, *, user: str) -> None:
    """Raise :class:`PasswordPolicyError` with a German message when ``password`` is too weak.

    The message says why (the weakest part zxcvbn found) and what would do instead.
    Invisible and control characters (zero-width spaces, marks of writing direction, tabs)
    are refused: nobody could tell what to type next time.
    """
    if any(unicodedata.category(ch) in _INVISIBLE for ch in password):
        raise PasswordPolicyError("password_invisible")
    password = normalise(password)
    minimum = required_length()
    if len(password) < minimum:
        raise PasswordPolicyError("password_short", minimum=minimum)
    if is_known_phrase(password):
        raise PasswordPolicyError("password_weak_phrase")
    guesses_log10, sequence = _estimate(password, user)
    if _word_with_year(password, user):
        reason = _reason(sequence)
        named = reason in ("password_weak_user", "password_weak_context")
        raise PasswordPolicyError(reason if named else "password_weak_word_year")
    if guesses_log10 < MIN_GUESSES_LOG10:
        raise PasswordPolicyError(_reason(sequence))


def _phrase_key(text: str) -> str:
    """``text`` as phrases are compared: lower case, umlauts written out, letters and digits
    only (``Ich liebe dich, sehr!`` and ``ICHLIEBEDICHSEHR`` are one)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLDED)
    return "".join(character for character in folded if character.isalnum())


def is_known_phrase(password: str) -> bool:
    """Whether ``password`` is a well-known phrase, most of one (with digits or marks
    around it), or the beginning of one."""
    key = _phrase_key(password)
    if not key:
        return False
    for phrase in _phrases():
        if phrase in key and len(phrase) >= _PHRASE_SHARE * len(key):
            return True
        if len(key) >= _PHRASE_START and phrase.startswith(key):
            return True
    return False


_phrases_loaded: list[frozenset[str]] = []


def _phrases() -> frozenset[str]:
    with _loading:
        if not _phrases_loaded:
            lines = PHRASES.read_text(encoding="utf-8").splitlines()
            _phrases_loaded.append(frozenset(
                key for line in lines
                if line.strip() and not line.startswith("#") and (key := _phrase_key(line))))
        return _phrases_loaded[0]


def _word_with_year(password: str, user: str) -> bool:
    """True for a guessable word with a year at one end (``Hannover1996!``); a random run of
    letters with a year (``Xkqzvbwplmtr2024``) takes long enough and passes."""
    shape = _WORD_YEAR.match(_SEPARATORS.sub("", password))
    if shape is None:
        return False
    word = shape["before"] or shape["after"]
    word_log10, _sequence = _estimate(word, user)
    marks_log10 = _MARK_GUESSES_LOG10 * len(shape["marks"])
    return word_log10 + _YEAR_GUESSES_LOG10 + marks_log10 < MIN_GUESSES_LOG10


def _estimate(password: str, user: str) -> tuple[float, list[dict[str, Any]]]:
    zxcvbn = _estimator()
    inputs = _inputs([user, *context_words()])
    results = [
        zxcvbn(candidate[:_ESTIMATE_CHARACTERS], user_inputs=inputs)
        for candidate in {password, _SEPARATORS.sub("", password)}
        if candidate
    ]
    weakest = min(results, key=lambda result: result["guesses_log10"])
    sequence = list(weakest["sequence"])
    user_parts = set(_inputs([user]))
    for match in sequence:
        if match.get("dictionary_name") == "user_inputs":
            match["from_user"] = match.get("matched_word") in user_parts
    return float(weakest["guesses_log10"]), sequence


def _reason(sequence: list[dict[str, Any]]) -> str:
    """The message code for a refusal: what zxcvbn found, in this order of precedence."""
    found = {_kind(match) for match in sequence}
    for kind in ("user", "context", "common", "keyboard", "sequence", "repeat", "date",
                 "names", "words"):
        if kind in found:
            return f"password_weak_{kind}"
    return "password_weak"


def _kind(match: dict[str, Any]) -> str:
    pattern = match.get("pattern")
    if pattern == "dictionary":
        name = match.get("dictionary_name")
        if name == "user_inputs":
            return "user" if match.get("from_user") else "context"
        if name == "passwords":
            return "common"
        if name == "german_keyboard":
            return "keyboard"
        if name in ("surnames", "male_names", "female_names"):
            return "names"
        return "words"
    if pattern == "spatial":
        return "keyboard"
    if pattern in ("sequence", "repeat", "date"):
        return str(pattern)
    if pattern == "regex" and match.get("regex_name") == "recent_year":
        return "date"
    return "other"


def _keyboard_runs() -> list[str]:
    """Every run of four or more keys along a row of the German keyboard, both ways. zxcvbn's
    keyboard graph (qwerty with Y and Z swapped) has no ü, ö, ä, so ``asdfghjklöä`` would
    count as a run and a few random letters."""
    runs: list[str] = []
    for row in GERMAN_KEYBOARD_ROWS:
        for keys in (row, row[::-1]):
            runs += [keys[start:end] for start in range(len(keys))
                     for end in range(start + 4, len(keys) + 1)]
    return list(dict.fromkeys(runs))


_loading = threading.Lock()
_loaded: list[Any] = []


def warm_up() -> None:
    """Load the estimator ahead of the first check (a screen with a password field calls it
    on a background thread, so the first keystroke does not wait)."""
    _estimator()


def _estimator() -> Any:
    """zxcvbn with the German words and keyboard added, loaded once (about 0.3 s of CPU)."""
    with _loading:
        if not _loaded:
            _loaded.append(_load())
        return _loaded[0]


def _load() -> Any:
    from zxcvbn import matching, zxcvbn
    from zxcvbn.adjacency_graphs import ADJACENCY_GRAPHS

    words: list[str] = []
    seen: set[str] = set()
    for line in GERMAN_WORDS.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if not word or word.startswith("#"):
            continue
        for variant in (word, word.translate(_FOLDED)):
            if variant not in seen:
                seen.add(variant)
                words.append(variant)
    matching.add_frequency_lists({"german_words": words, "german_keyboard": _keyboard_runs()})
    # The German layout swaps Y and Z; zxcvbn knows qwerty only. Its module table of
    # keyboards is the place the matcher looks them up.
    matching.GRAPHS["qwertz"] = {
        key.translate(_YZ): [None if n is None else n.translate(_YZ) for n in neighbours]
        for key, neighbours in ADJACENCY_GRAPHS["qwerty"].items()
    }
    return zxcvbn

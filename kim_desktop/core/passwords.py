"""The password policy for local users: long enough to withstand guessing, nothing more.

At least 12 characters. A passphrase of four or more ordinary words always meets that and is
the easiest to remember, so the message suggests it. No composition rules (they make
passwords harder to remember, not harder to guess), but a password made of very few different
characters, or of the user's own name, is refused.
"""

from __future__ import annotations

from kim_desktop.core.errors import PasswordPolicyError

MIN_LENGTH = 12
MIN_DISTINCT = 5


def check_password_policy(password: str, *, user: str) -> None:
    """Raise :class:`PasswordPolicyError` with a German message when ``password`` is too weak."""
    if len(password) < MIN_LENGTH:
        raise PasswordPolicyError(
            f"Das Passwort ist zu kurz: Es braucht mindestens {MIN_LENGTH} Zeichen. "
            "Am einfachsten ist ein Satz aus vier oder mehr Wörtern, "
            "z. B. »Kaffee morgens im Rathaus Minden«."
        )
    if len(set(password.casefold())) < MIN_DISTINCT:
        raise PasswordPolicyError(
            "Das Passwort ist zu einfach: Es besteht aus zu wenigen verschiedenen Zeichen."
        )
    simplified = password.casefold().replace(" ", "")
    name = user.casefold().replace(" ", "")
    if name and len(simplified.replace(name, "")) < MIN_LENGTH // 2:
        raise PasswordPolicyError(
            "Das Passwort ist zu einfach: Es besteht fast nur aus dem Benutzernamen."
        )

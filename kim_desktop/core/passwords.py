"""The rules for local users' names and passwords.

A password must be long enough to withstand guessing, nothing more.

At least 12 characters. A passphrase of four or more ordinary words always meets that and is
the easiest to remember, so the message suggests it. No composition rules (they make
passwords harder to remember, not harder to guess), but a password made of very few different
characters, or of the user's own name, is refused.
"""

from __future__ import annotations

import unicodedata

from kim_desktop.core.errors import PasswordPolicyError, VaultError

MIN_LENGTH = 12
MIN_DISTINCT = 5
MAX_NAME_LENGTH = 100


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


def check_password_policy(password: str, *, user: str) -> None:
    """Raise :class:`PasswordPolicyError` with a German message when ``password`` is too weak."""
    if len(password) < MIN_LENGTH:
        raise PasswordPolicyError("password_short", minimum=MIN_LENGTH)
    if len(set(password.casefold())) < MIN_DISTINCT:
        raise PasswordPolicyError("password_few_characters")
    simplified = password.casefold().replace(" ", "")
    name = user.casefold().replace(" ", "")
    if name and len(simplified.replace(name, "")) < MIN_LENGTH // 2:
        raise PasswordPolicyError("password_user_name")

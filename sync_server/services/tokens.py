"""Secrets handed to devices: bearer tokens and one-time enrollment codes.

Both are stored only as a sha256 hash. Tokens carry 256 random bits, so a plain hash is enough;
codes carry 60 bits, are single-use, expire, and enrollment is rate limited per address.
"""

from __future__ import annotations

import hashlib
import secrets

#: Crockford's base32 without I, L, O, U: easy to read aloud and to type.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS = 3
CODE_GROUP_LENGTH = 4


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_enrollment_code() -> str:
    """E.g. ``K7QM-2XH9-PD4A``."""
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_code(code: str) -> str:
    """Accepts lower case, spaces and dashes anywhere, and the letters people confuse."""
    cleaned = "".join(c for c in code.upper() if c.isalnum())
    return cleaned.translate(str.maketrans("OILU", "011V"))

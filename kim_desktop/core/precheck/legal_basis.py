"""Matching free-text legal bases such as "§ 25 Abs. 2 AufenthG" against rule data.

Case managers write legal bases in many ways ("§ 25 II", "25 Absatz 2 AufenthG"); the rule
files list bare references ("25 Abs. 2", "104c"). Both sides go through one parser.
"""

from __future__ import annotations

import re

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7"}
_REFERENCE = re.compile(
    r"(?P<section>\d+(?:\s?[a-z](?![a-z]))?)\b(?:\s*(?:abs\.?|absatz)\s*(?P<paragraph>\d+)"
    r"|\s+(?P<roman>[ivx]+)\b)?",
    re.IGNORECASE,
)


def parse_reference(text: str) -> tuple[str, str | None] | None:
    """("25", "2") for "§ 25 Abs. 2 AufenthG"; None when the text names no section."""
    match = _REFERENCE.search(text)
    if match is None:
        return None
    section = match["section"].replace(" ", "").lower()
    paragraph = match["paragraph"] or _ROMAN.get((match["roman"] or "").lower())
    return section, paragraph


def matches(legal_basis: str | None, references: list[str]) -> bool:
    """Whether a period's legal basis is one of ``references``.

    A reference without a paragraph ("104c") matches every paragraph of that section.
    """
    if not legal_basis:
        return False
    parsed = parse_reference(legal_basis)
    if parsed is None:
        return False
    for reference in references:
        wanted = parse_reference(reference)
        if wanted is None:
            continue
        if wanted[0] == parsed[0] and (wanted[1] is None or wanted[1] == parsed[1]):
            return True
    return False

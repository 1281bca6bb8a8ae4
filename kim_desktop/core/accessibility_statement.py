"""The accessibility statement (Erklärung zur Barrierefreiheit, BITV NRW) as the office sets
it: the default in ``resources/accessibility_statement.json``, each of its top-level entries
replaced by the office's ``accessibility_statement.local.json`` in the data folder (its
contact, the date, or the whole text of a language)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kim_protocol.resources import RESOURCES_DIR

FILE = "accessibility_statement.json"
LOCAL_FILE = "accessibility_statement.local.json"
LANGUAGES = ("de", "en")


class StatementError(Exception):
    """The office's statement file cannot be read; the message says which and why (German)."""


@dataclass(frozen=True)
class AccessibilityStatement:
    title: str
    #: (heading, text) with the office's contact and date put in
    sections: list[tuple[str, str]]
    contact: str


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StatementError(f"{path.name} ist nicht lesbar ({error}).") from error
    if not isinstance(data, dict):
        raise StatementError(f"{path.name} hat das falsche Format.")
    return data


def accessibility_statement(data_dir: Path | None, language: str, *,
                            resources_dir: Path = RESOURCES_DIR) -> AccessibilityStatement:
    """The statement in ``language`` ("de" or "en"; anything else: German)."""
    data = _read(resources_dir / FILE)
    local = data_dir / LOCAL_FILE if data_dir is not None else None
    if local is not None and local.exists():
        data = {**data, **_read(local)}
    text = data.get(language if language in LANGUAGES else "de")
    if not isinstance(text, dict):
        raise StatementError(f"{LOCAL_FILE}: der Text für „{language}“ fehlt.")
    try:
        contact, date = str(data["contact"]).strip(), str(data["date"]).strip()
        sections = [(str(heading), str(body).replace("{contact}", contact)
                     .replace("{date}", date)) for heading, body in text["sections"]]
        return AccessibilityStatement(str(text["title"]), sections, contact)
    except (KeyError, TypeError, ValueError) as error:
        raise StatementError(
            f"{LOCAL_FILE}: Titel, Abschnitte, Kontakt oder Datum fehlen ({error}).") from error

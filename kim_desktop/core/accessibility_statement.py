"""The accessibility statement (Erklärung zur Barrierefreiheit, BITV NRW) as the office sets
it: the default in ``resources/accessibility_statement.json``; its contact, date and the
address where it is published as IT provisions them (``[accessibility]``, see
:mod:`kim_desktop.core.provisioning`); each top-level entry then replaced by the office's
``accessibility_statement.local.json`` in the data folder (its contact, the date, or the whole
text of a language)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kim_desktop.core.provisioning import ProvisioningError, find_provisioning, load_provisioning
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
    #: where the office publishes the statement; "" for nowhere named
    url: str = ""


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StatementError(f"{path.name} ist nicht lesbar ({error}).") from error
    if not isinstance(data, dict):
        raise StatementError(f"{path.name} hat das falsche Format.")
    return data


def provisioned() -> dict[str, str]:
    """The statement's entries the machine's provisioning file sets. A file that cannot be
    used gives none: the program said so at its start and uses nothing of it."""
    try:
        path = find_provisioning()
        provisioning = load_provisioning(path) if path is not None else None
    except ProvisioningError:
        return {}
    if provisioning is None:
        return {}
    values = {"contact": provisioning.accessibility_contact,
              "date": provisioning.accessibility_date, "url": provisioning.accessibility_url}
    return {key: value for key, value in values.items() if value is not None}


def accessibility_statement(data_dir: Path | None, language: str, *,
                            provisioning: Mapping[str, str] | None = None,
                            resources_dir: Path = RESOURCES_DIR) -> AccessibilityStatement:
    """The statement in ``language`` ("de" or "en"; anything else: German).
    ``provisioning``: entries IT sets (:func:`provisioned` when not given)."""
    data = {**_read(resources_dir / FILE),
            **(provisioned() if provisioning is None else provisioning)}
    local = data_dir / LOCAL_FILE if data_dir is not None else None
    if local is not None and local.exists():
        data = {**data, **_read(local)}
    text = data.get(language if language in LANGUAGES else "de")
    if not isinstance(text, dict):
        raise StatementError(f"{LOCAL_FILE}: der Text für „{language}“ fehlt.")
    try:
        contact, date = str(data["contact"]).strip(), str(data["date"]).strip()
        url = str(data.get("url") or "").strip()
        parts = [*text["sections"], *([text["published"]] if url and "published" in text
                                       else [])]
        sections = [(str(heading), str(body).replace("{contact}", contact)
                     .replace("{date}", date).replace("{url}", url)) for heading, body in parts]
        return AccessibilityStatement(str(text["title"]), sections, contact, url)
    except (KeyError, TypeError, ValueError) as error:
        raise StatementError(
            f"{LOCAL_FILE}: Titel, Abschnitte, Kontakt oder Datum fehlen ({error}).") from error

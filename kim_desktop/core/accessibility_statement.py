"""The accessibility statement (Erklärung zur Barrierefreiheit, BITV NRW) as the office sets
it: the default in ``resources/accessibility_statement.json``; its contact, date and the
address where it is published as IT provisions them (``[accessibility]``, see
:mod:`kim_desktop.core.provisioning`); each top-level entry then replaced by the office's
``accessibility_statement.local.json`` in the data folder (its contact, the date, or the whole
text of a language). The office's file is checked as the provisioning file is (texts only,
every section a [heading, text] pair, the feedback contact's section kept, no control or
bidi characters); one that fails is left out whole, and the statement says why."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kim_desktop.core.provisioning import (
    CONTACT_MAX_LENGTH,
    ProvisioningError,
    find_provisioning,
    load_provisioning,
)
from kim_protocol.export_text import hidden_characters
from kim_protocol.resources import RESOURCES_DIR

FILE = "accessibility_statement.json"
LOCAL_FILE = "accessibility_statement.local.json"
LANGUAGES = ("de", "en")
#: What the office's file may set besides a language's text; its notes are ignored.
_LOCAL_KEYS = frozenset({"contact", "date", "url", "note", *LANGUAGES})
#: The placeholder of the feedback contact: the section holding it must stay (BITV NRW).
_CONTACT = "{contact}"


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
    #: Why the office's file was not used (German); "" when it was, or there is none.
    warning: str = ""


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


def _text_problem(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        return f"„{what}“ muss ein nicht leerer Text sein"
    if hidden_characters(value, multiline=True):
        return f"„{what}“ enthält Steuerzeichen oder unsichtbare Zeichen"
    return ""


def _pair_problem(value: Any, what: str) -> str:
    if not isinstance(value, list) or len(value) != 2:
        return f"„{what}“ muss ein Paar [Überschrift, Text] sein"
    return _text_problem(value[0], f"{what}[0]") or _text_problem(value[1], f"{what}[1]")


def _language_problem(text: Any, language: str) -> str:
    if not isinstance(text, dict):
        return f"„{language}“ muss ein Objekt mit title und sections sein"
    unknown = set(text) - {"title", "sections", "published"}
    if unknown:
        return f"„{language}.{sorted(unknown)[0]}“ ist unbekannt"
    problem = _text_problem(text.get("title"), f"{language}.title")
    if problem:
        return problem
    sections = text.get("sections")
    if not isinstance(sections, list) or not sections:
        return f"„{language}.sections“ muss eine Liste von Abschnitten sein"
    for number, section in enumerate(sections, start=1):
        problem = problem or _pair_problem(section, f"{language}.sections[{number}]")
    if not problem and not any(_CONTACT in section[1] for section in sections):
        problem = (f"„{language}.sections“ muss den Abschnitt mit dem Kontakt für "
                   f"Rückmeldungen ({_CONTACT}) behalten")
    if not problem and "published" in text:
        problem = _pair_problem(text["published"], f"{language}.published")
    return problem


def _local_problem(local: dict[str, Any]) -> str:
    """Why the office's file cannot be used, as the provisioning file is checked; "" when
    it can."""
    unknown = set(local) - _LOCAL_KEYS
    if unknown:
        return f"„{sorted(unknown)[0]}“ ist unbekannt"
    if "contact" in local:
        problem = _text_problem(local["contact"], "contact")
        if problem:
            return problem
        if len(local["contact"]) > CONTACT_MAX_LENGTH:
            return f"„contact“ darf höchstens {CONTACT_MAX_LENGTH} Zeichen lang sein"
    if "date" in local:
        try:
            day = dt.datetime.strptime(str(local["date"]), "%d.%m.%Y").date()
        except ValueError:
            day = None
        if not isinstance(local["date"], str) or day is None:
            return "„date“ muss ein Datum wie „15.03.2026“ sein"
        if day > dt.date.today():
            return "„date“ liegt in der Zukunft"
    if "url" in local:
        url = local["url"]
        if not isinstance(url, str) or (url and (urlsplit(url).scheme != "https"
                                                 or not urlsplit(url).hostname
                                                 or hidden_characters(url) or " " in url)):
            return "„url“ muss leer oder eine Adresse wie „https://www.rahden.de/…“ sein"
    for language in LANGUAGES:
        if language in local:
            problem = _language_problem(local[language], language)
            if problem:
                return problem
    return ""


def accessibility_statement(data_dir: Path | None, language: str, *,
                            provisioning: Mapping[str, str] | None = None,
                            resources_dir: Path = RESOURCES_DIR) -> AccessibilityStatement:
    """The statement in ``language`` ("de" or "en"; anything else: German).
    ``provisioning``: entries IT sets (:func:`provisioned` when not given)."""
    data = {**_read(resources_dir / FILE),
            **(provisioned() if provisioning is None else provisioning)}
    local = data_dir / LOCAL_FILE if data_dir is not None else None
    warning = ""
    if local is not None and local.exists():
        try:
            office = _read(local)
            problem = _local_problem(office)
        except StatementError as error:
            problem = "die Datei " + str(error).removeprefix(f"{LOCAL_FILE} ").rstrip(".")
        if problem:
            warning = (f"{LOCAL_FILE} im Datenordner wird nicht verwendet: {problem}. Es gilt "
                       "die Erklärung der Bereitstellung oder des Programms.")
        else:
            data = {**data, **office}
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
        return AccessibilityStatement(str(text["title"]), sections, contact, url, warning)
    except (KeyError, TypeError, ValueError) as error:
        raise StatementError(
            f"{LOCAL_FILE}: Titel, Abschnitte, Kontakt oder Datum fehlen ({error}).") from error

"""The rule files in ``resources/rules``: loading, validation and choosing the version in force.

A rule file is data (TOML): the versions of one provision, each with its valid-from date,
legal basis, source, conditions with their parameters, and the German explanation templates.
A broken file is a RuleError naming the file and the key, never a half-read rule.
"""

from __future__ import annotations

import itertools
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from kim_desktop.core.precheck.rule_schema import (
    ROUTE_KEYS,
    SCHEMAS,
    STATUS_CATEGORIES,
    STATUSES,
    TEXTS,
    Check,
    is_bool,
    is_int,
    is_level,
    is_share,
    is_status,
    is_text,
    list_of,
)
from kim_protocol.resources import RESOURCES_DIR

RULES_DIR = RESOURCES_DIR / "rules"
RULE_IDS = ("aufenthg_25a", "aufenthg_25b", "stag_10")


class RuleError(ValueError):
    """A rule file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class ConditionSpec:
    id: str
    kind: str
    title: str
    legal_basis: str
    time_based: bool
    params: Mapping[str, Any]
    explanations: Mapping[str, str]
    warnings: Mapping[str, str]


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    when_legal_basis: tuple[str, ...]


@dataclass(frozen=True)
class RuleVersion:
    id: str
    valid_from: date
    legal_basis: str
    source_url: str
    amended_by: str
    conditions: tuple[ConditionSpec, ...]
    notes: tuple[Note, ...]
    not_checked: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    authority: str
    versions: tuple[RuleVersion, ...]

    def version_on(self, day: date) -> RuleVersion | None:
        """The version in force on ``day``: the latest whose valid_from is not after it."""
        in_force = [version for version in self.versions if version.valid_from <= day]
        return in_force[-1] if in_force else None


# --- loading ----------------------------------------------------------------------------


def load_rules(directory: Path = RULES_DIR) -> dict[str, Rule]:
    """All rules of ``directory`` by id; each of RULE_IDS must be there."""
    return dict(_load_cached(directory))


@lru_cache(maxsize=8)
def _load_cached(directory: Path) -> tuple[tuple[str, Rule], ...]:
    rules: dict[str, Rule] = {}
    for rule_id in RULE_IDS:
        path = directory / f"{rule_id}.toml"
        if not path.is_file():
            raise RuleError(f"Regeldatei fehlt: {path.name} (in {directory})")
        rules[rule_id] = load_rule_file(path)
    return tuple(rules.items())


def load_rule_file(path: Path) -> Rule:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(f"Regeldatei {path.name}: nicht lesbar ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise RuleError(f"Regeldatei {path.name}: kein gültiges TOML ({error})") from None
    return _Reader(path.name).rule(data, expected_id=path.stem)


class _Reader:
    def __init__(self, file_name: str) -> None:
        self.file_name = file_name

    def fail(self, where: str, message: str) -> RuleError:
        return RuleError(f"Regeldatei {self.file_name}: „{where}“: {message}")

    def get(
        self, table: Mapping[str, Any], key: str, where: str, check: Check, expected: str
    ) -> Any:
        if key not in table:
            raise self.fail(f"{where}{key}", "fehlt")
        value = table[key]
        if not check(value):
            raise self.fail(f"{where}{key}", f"erwartet wird {expected}")
        return value

    def only(self, table: Mapping[str, Any], allowed: set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                raise self.fail(f"{where}{key}", "unbekannter Schlüssel")

    def rule(self, data: Mapping[str, Any], expected_id: str) -> Rule:
        self.only(data, {"rule", "title", "authority", "versions"}, "")
        rule_id = self.get(data, "rule", "", is_text, "ein Text")
        if rule_id != expected_id:
            raise self.fail("rule", f"muss dem Dateinamen entsprechen ({expected_id})")
        raw_versions = self.get(
            data,
            "versions",
            "",
            lambda v: isinstance(v, list) and len(v) > 0,
            "mindestens eine [[versions]]-Tabelle",
        )
        versions = [self.version(raw, f"versions[{i}].") for i, raw in enumerate(raw_versions)]
        versions.sort(key=lambda version: version.valid_from)
        for earlier, later in itertools.pairwise(versions):
            if earlier.valid_from == later.valid_from:
                raise self.fail("versions", f"zwei Fassungen gelten ab {later.valid_from}")
        if len({version.id for version in versions}) != len(versions):
            raise self.fail("versions", "Fassungs-IDs sind nicht eindeutig")
        return Rule(
            id=rule_id,
            title=self.get(data, "title", "", is_text, "ein Text"),
            authority=self.get(data, "authority", "", is_text, "ein Text"),
            versions=tuple(versions),
        )

    def version(self, raw: Any, where: str) -> RuleVersion:
        if not isinstance(raw, dict):
            raise self.fail(where, "erwartet wird eine Tabelle")
        self.only(
            raw,
            {
                "id",
                "valid_from",
                "legal_basis",
                "source_url",
                "amended_by",
                "conditions",
                "notes",
                "not_checked",
            },
            where,
        )
        valid_from = self.get(
            raw,
            "valid_from",
            where,
            lambda v: isinstance(v, date) and not hasattr(v, "hour"),
            "ein Datum ohne Anführungszeichen, z. B. 2025-10-30",
        )
        source_url = self.get(raw, "source_url", where, is_text, "eine Adresse")
        if not source_url.startswith("https://"):
            raise self.fail(f"{where}source_url", "erwartet wird eine https-Adresse")
        raw_conditions = self.get(
            raw,
            "conditions",
            where,
            lambda v: isinstance(v, list) and len(v) > 0,
            "mindestens eine [[versions.conditions]]-Tabelle",
        )
        conditions = [
            self.condition(c, f"{where}conditions[{i}].") for i, c in enumerate(raw_conditions)
        ]
        if len({condition.id for condition in conditions}) != len(conditions):
            raise self.fail(f"{where}conditions", "Bedingungs-IDs sind nicht eindeutig")
        notes = [self.note(n, f"{where}notes[{i}].") for i, n in enumerate(raw.get("notes", []))]
        return RuleVersion(
            id=self.get(raw, "id", where, is_text, "ein Text"),
            valid_from=valid_from,
            legal_basis=self.get(raw, "legal_basis", where, is_text, "ein Text"),
            source_url=source_url,
            amended_by=self.get(raw, "amended_by", where, is_text, "ein Text"),
            conditions=tuple(conditions),
            notes=tuple(notes),
            not_checked=tuple(
                self.get(raw, "not_checked", where, list_of(is_text), "eine Liste von Texten")
            ),
        )

    def note(self, raw: Any, where: str) -> Note:
        if not isinstance(raw, dict):
            raise self.fail(where, "erwartet wird eine Tabelle")
        self.only(raw, {"id", "text", "when_legal_basis"}, where)
        when = raw.get("when_legal_basis", [])
        if not list_of(is_text)(when):
            raise self.fail(f"{where}when_legal_basis", "erwartet wird eine Liste von Texten")
        return Note(
            id=self.get(raw, "id", where, is_text, "ein Text"),
            text=self.template(raw, "text", where, frozenset()),
            when_legal_basis=tuple(when),
        )

    def condition(self, raw: Any, where: str) -> ConditionSpec:
        if not isinstance(raw, dict):
            raise self.fail(where, "erwartet wird eine Tabelle")
        kind = self.get(
            raw, "kind", where, lambda v: v in SCHEMAS, f"eine Art aus {', '.join(sorted(SCHEMAS))}"
        )
        schema = SCHEMAS[kind]
        fixed = {"id", "kind", "title", "legal_basis", "explanations", "warnings"}
        self.only(raw, fixed | set(schema.required) | set(schema.optional), where)
        params: dict[str, Any] = {}
        for name, (check, expected) in schema.required.items():
            params[name] = self.get(raw, name, where, check, expected)
        for name, (check, expected) in schema.optional.items():
            if name in raw:
                params[name] = self.get(raw, name, where, check, expected)
        if kind == "duration":
            self.duration(params, where)
        explanations = self.templates(
            raw, "explanations", where, schema.explanations, schema.optional_explanations
        )
        warnings = self.templates(raw, "warnings", where, schema.warnings)
        if "waived_for_legal_bases" in params and "waived" not in explanations:
            raise self.fail(f"{where}explanations.waived", "fehlt (wegen waived_for_legal_bases)")
        return ConditionSpec(
            id=self.get(raw, "id", where, is_text, "ein Text"),
            kind=kind,
            title=self.get(raw, "title", where, is_text, "ein Text"),
            legal_basis=self.get(raw, "legal_basis", where, is_text, "ein Text"),
            time_based=schema.time_based,
            params=params,
            explanations=explanations,
            warnings=warnings,
        )

    def duration(self, params: dict[str, Any], where: str) -> None:
        statuses = params["statuses"]
        self.only(statuses, set(STATUS_CATEGORIES), f"{where}statuses.")
        seen: list[str] = []
        for category in STATUS_CATEGORIES:
            values = statuses.get(category, [])
            if not list_of(is_status)(values):
                raise self.fail(
                    f"{where}statuses.{category}", "erwartet wird eine Liste von Status"
                )
            seen.extend(values)
        missing = STATUSES - set(seen)
        if missing or len(seen) != len(set(seen)):
            raise self.fail(
                f"{where}statuses",
                "jeder Status muss genau einer Kategorie zugeordnet sein"
                + (f" (fehlt: {', '.join(sorted(missing))})" if missing else ""),
            )
        recognised = params.get("count_if_recognised")
        if recognised is not None:
            self.only(recognised, {"statuses", "legal_bases"}, f"{where}count_if_recognised.")
            self.get(
                recognised,
                "statuses",
                f"{where}count_if_recognised.",
                list_of(lambda v: v in statuses.get("unknown", [])),
                "eine Liste von Status der Kategorie unknown",
            )
            self.get(recognised, "legal_bases", f"{where}count_if_recognised.", TEXTS[0], TEXTS[1])
        for index, route in enumerate(params["routes"]):
            at = f"{where}routes[{index}]."
            if not isinstance(route, dict):
                raise self.fail(at, "erwartet wird eine Tabelle")
            self.only(route, ROUTE_KEYS, at)
            self.get(route, "id", at, is_text, "ein Text")
            self.get(route, "months", at, lambda v: is_int(v) and v > 0, "eine ganze Zahl > 0")
            self.get(route, "label", at, is_text, "ein Text")
            for key, check, expected in (
                ("minor_child", is_bool, "true oder false"),
                ("german_min", is_level, "ein Sprachniveau"),
                ("livelihood_share_min", is_share, "ein Anteil von 0 bis 1"),
                ("open_question", is_text, "ein Text"),
                ("manual_check", is_text, "ein Text"),
            ):
                if key in route:
                    self.get(route, key, at, check, expected)

    def templates(
        self,
        raw: Mapping[str, Any],
        key: str,
        where: str,
        schema: Mapping[str, frozenset[str]],
        optional: Mapping[str, frozenset[str]] | None = None,
    ) -> dict[str, str]:
        table = raw.get(key, {})
        if not isinstance(table, dict):
            raise self.fail(f"{where}{key}", "erwartet wird eine Tabelle")
        optional = optional or {}
        self.only(table, set(schema) | set(optional), f"{where}{key}.")
        wanted = {**schema, **{name: fields for name, fields in optional.items() if name in table}}
        return {
            name: self.template(table, name, f"{where}{key}.", fields)
            for name, fields in wanted.items()
        }

    def template(
        self, table: Mapping[str, Any], key: str, where: str, allowed: frozenset[str]
    ) -> str:
        text: str = self.get(table, key, where, is_text, "ein Text")
        try:
            parsed = list(string.Formatter().parse(text))
        except ValueError as error:
            raise self.fail(f"{where}{key}", f"fehlerhafte Vorlage ({error})") from None
        for _, field, spec, conversion in parsed:
            if field is None:
                continue
            if field not in allowed or spec or conversion:
                raise self.fail(
                    f"{where}{key}",
                    f"unbekannter Platzhalter {{{field}}}; erlaubt: "
                    + (", ".join(f"{{{name}}}" for name in sorted(allowed)) or "keine"),
                )
        return text

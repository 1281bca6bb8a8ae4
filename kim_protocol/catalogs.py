"""Catalogs as data: the lists in ``resources/catalogs/*.json``, loaded and checked.

Each file holds ``catalog``, ``version``, ``valid_from``, ``source`` and ``entries`` (each with
``code``, ``label`` and catalog-specific keys such as ``category`` or
``has_case_management``). An office extends or overrides any catalog without a code change by
putting ``<catalog>.local.json`` (same shape; ``entries`` only is enough) into
``<data dir>/catalogs/``; an entry with a known code replaces the packaged one. The usual use is
the office's own partner agencies in ``partner_agencies.local.json``.

The desktop's services look catalogs up through :func:`kim_desktop.core.catalogs.catalogs_for`,
with the office's overrides; the server reads the packaged ones (:func:`default_catalogs`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kim_protocol.resources import RESOURCES_DIR

CATALOG_NAMES = (
    "closure_reasons",
    "consultation_modes",
    "countries",
    "fields_of_action",
    "languages",
    "municipalities",
    "partner_agencies",
    "residence_statuses",
    "structural_gap_categories",
    "target_group_criteria",
)

#: The status categories the pre-check engine understands; every residence status has one.
RESIDENCE_CATEGORIES = (
    "asylum_permit",
    "toleration",
    "toleration_unclear_identity",
    "residence_permit",
    "settlement_permit",
    "eu_freedom_of_movement",
    "naturalised",
    "unknown",
)


class CatalogError(ValueError):
    """A catalog file is missing or malformed (German message naming the file)."""


@dataclass(frozen=True)
class CatalogEntry:
    code: str
    label: str
    label_en: str = ""
    #: Every further key of the entry (``category``, ``legal_basis``, ``has_case_management``…).
    attributes: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.attributes.get(key, default)


@dataclass(frozen=True)
class Catalog:
    name: str
    version: str
    valid_from: dt.date
    source: str
    entries: tuple[CatalogEntry, ...]
    #: Further top-level keys of the file (e.g. ``categories`` of partner agencies).
    meta: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {e.code: e for e in self.entries})

    def __contains__(self, code: object) -> bool:
        return code in self._by_code  # type: ignore[attr-defined]

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, code: str) -> CatalogEntry | None:
        entry: CatalogEntry | None = self._by_code.get(code)  # type: ignore[attr-defined]
        return entry

    def codes(self) -> list[str]:
        return [e.code for e in self.entries]

    def label(self, code: str) -> str:
        entry = self.get(code)
        return entry.label if entry else code


@dataclass(frozen=True)
class RetentionSettings:
    """How long data is kept; the data protection officer decides (see ``note``). With the
    office's controller and its data protection officer (name and contact, as the office
    sets them), which the Art. 15 information names."""

    years_after_closure: int
    years_without_case: int
    note: str
    controller: str = ""
    data_protection_officer: str = ""
    #: Whether each rule requires an archive copy before erasure (the records offered to the
    #: responsible archive, § 4 ArchivG NRW): after a closed case, and without any case.
    archive_after_closure: bool = True
    archive_without_case: bool = False


@dataclass(frozen=True)
class Catalogs:
    by_name: Mapping[str, Catalog]
    retention: RetentionSettings

    def __getitem__(self, name: str) -> Catalog:
        return self.by_name[name]

    @property
    def municipalities(self) -> Catalog:
        return self.by_name["municipalities"]

    @property
    def fields_of_action(self) -> Catalog:
        return self.by_name["fields_of_action"]

    @property
    def partner_agencies(self) -> Catalog:
        return self.by_name["partner_agencies"]

    @property
    def residence_statuses(self) -> Catalog:
        return self.by_name["residence_statuses"]

    @property
    def closure_reasons(self) -> Catalog:
        return self.by_name["closure_reasons"]

    @property
    def structural_gap_categories(self) -> Catalog:
        return self.by_name["structural_gap_categories"]

    @property
    def consultation_modes(self) -> Catalog:
        return self.by_name["consultation_modes"]

    @property
    def languages(self) -> Catalog:
        return self.by_name["languages"]

    @property
    def countries(self) -> Catalog:
        return self.by_name["countries"]

    @property
    def target_group_criteria(self) -> Catalog:
        return self.by_name["target_group_criteria"]

    def agency_category(self, agency_code: str) -> str:
        """The report category of a partner agency (``jobcenter``, ``mbe``…), ``other`` if
        the agency is unknown."""
        entry = self.partner_agencies.get(agency_code)
        return str(entry.get("category", "other")) if entry else "other"

    def residence_category(self, status_code: str, previous_code: str | None = None) -> str:
        """The pre-check category of a residence status. A Fiktionsbescheinigung
        (``inherits_previous_category``) takes the category of the status before it, if any."""
        entry = self.residence_statuses.get(status_code)
        if entry is None:
            return "unknown"
        if entry.get("inherits_previous_category") and previous_code:
            previous = self.residence_statuses.get(previous_code)
            if previous is not None and not previous.get("inherits_previous_category"):
                return str(previous.get("category"))
        return str(entry.get("category"))


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CatalogError(f"Katalogdatei fehlt: {path.name}") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CatalogError(f"Katalogdatei ist nicht lesbar: {path.name} ({error})") from error
    if not isinstance(data, dict):
        raise CatalogError(f"Katalogdatei hat das falsche Format: {path.name}")
    return data


def _entries(data: dict[str, Any], path: Path) -> list[CatalogEntry]:
    raw = data.get("entries")
    if not isinstance(raw, list):
        raise CatalogError(f"Katalogdatei ohne Einträge: {path.name}")
    entries = []
    for item in raw:
        if not isinstance(item, dict) or not item.get("code") or not item.get("label"):
            raise CatalogError(f"Eintrag ohne Code oder Bezeichnung in {path.name}")
        rest = {k: v for k, v in item.items() if k not in {"code", "label", "label_en"}}
        entries.append(
            CatalogEntry(str(item["code"]), str(item["label"]), str(item.get("label_en", "")), rest)
        )
    return entries


def _check(catalog: Catalog, path: Path) -> None:
    if len(set(catalog.codes())) != len(catalog.entries):
        raise CatalogError(f"Doppelter Code in {path.name}")
    if catalog.name == "residence_statuses":
        for entry in catalog:
            if entry.get("category") not in RESIDENCE_CATEGORIES:
                raise CatalogError(f"Unbekannte Statuskategorie bei {entry.code} in {path.name}")
    if catalog.name == "partner_agencies":
        categories = {c["code"] for c in catalog.meta.get("categories", [])}
        for entry in catalog:
            if entry.get("category") not in categories:
                raise CatalogError(f"Unbekannte Stellenkategorie bei {entry.code} in {path.name}")


def _load_catalog(name: str, resources_dir: Path, local_dir: Path | None) -> Catalog:
    path = resources_dir / "catalogs" / f"{name}.json"
    data = _read_json(path)
    try:
        valid_from = dt.date.fromisoformat(str(data["valid_from"]))
        version, source = str(data["version"]), str(data["source"])
    except (KeyError, ValueError) as error:
        raise CatalogError(f"Version, Quelle oder Gültigkeit fehlt in {path.name}") from error
    entries = {e.code: e for e in _entries(data, path)}
    meta = {k: v for k, v in data.items() if k not in {"entries", "version", "valid_from"}}
    local = local_dir / f"{name}.local.json" if local_dir else None
    if local is not None and local.exists():
        local_data = _read_json(local)
        for entry in _entries(local_data, local):
            entries[entry.code] = entry
        version = f"{version}+{local_data.get('version', 'local')}"
    catalog = Catalog(name, version, valid_from, source, tuple(entries.values()), meta)
    _check(catalog, local if local is not None and local.exists() else path)
    return catalog


def _load_retention(resources_dir: Path, data_dir: Path | None) -> RetentionSettings:
    data = _read_json(resources_dir / "data_protection.json")
    local = data_dir / "data_protection.local.json" if data_dir else None
    if local is not None and local.exists():
        data = {**data, **_read_json(local)}
    try:
        after = int(data["retention_years_after_closure"])
        without = int(data["retention_years_without_case"])
    except (KeyError, TypeError, ValueError) as error:
        raise CatalogError("Aufbewahrungsfristen fehlen in data_protection.json") from error
    if after < 0 or without < 0:
        raise CatalogError("Aufbewahrungsfristen dürfen nicht negativ sein")
    archive = data.get("archive_before_erasure", {})
    if not isinstance(archive, dict) or not all(
            isinstance(archive.get(rule, False), bool)
            for rule in ("after_closure", "without_case")):
        raise CatalogError("archive_before_erasure in data_protection.json: je Regel true "
                           "oder false")
    return RetentionSettings(after, without, str(data.get("note", "")),
                             str(data.get("controller", "")).strip(),
                             str(data.get("data_protection_officer", "")).strip(),
                             bool(archive.get("after_closure", True)),
                             bool(archive.get("without_case", False)))


def load_catalogs(
    data_dir: Path | None = None, *, resources_dir: Path = RESOURCES_DIR
) -> Catalogs:
    """All catalogs from ``resources_dir``, with the office's overrides from
    ``data_dir/catalogs/*.local.json`` and ``data_dir/data_protection.local.json``."""
    local_dir = data_dir / "catalogs" if data_dir else None
    by_name = {name: _load_catalog(name, resources_dir, local_dir) for name in CATALOG_NAMES}
    return Catalogs(by_name, _load_retention(resources_dir, data_dir))


@lru_cache(maxsize=1)
def default_catalogs() -> Catalogs:
    """The packaged catalogs, without office overrides (loaded once)."""
    return load_catalogs()

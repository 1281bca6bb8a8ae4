"""What a pre-check returns, and its JSON form (the contract of docs/precheck.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

Status = Literal["met", "not_met", "unknown"]

DISCLAIMER = (
    "Vorprüfung ohne Rechtswirkung: Sie ersetzt weder die Prüfung und Entscheidung der "
    "zuständigen Behörde noch eine Rechtsberatung. Maßgeblich sind Gesetz und Einzelfall."
)


@dataclass(frozen=True)
class ConditionResult:
    id: str
    title: str
    status: Status
    explanation: str
    legal_basis: str
    time_based: bool
    eligible_from: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "explanation": self.explanation,
            "title": self.title,
            "legal_basis": self.legal_basis,
            "time_based": self.time_based,
            "eligible_from": _iso(self.eligible_from),
        }


@dataclass(frozen=True)
class PrecheckWarning:
    id: str
    message: str
    due: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "message": self.message, "due": _iso(self.due)}


@dataclass(frozen=True)
class RuleResult:
    rule: str
    title: str
    authority: str
    status: Status
    eligible_from: date | None
    rule_version: str | None
    legal_basis: str | None
    source_url: str | None
    amended_by: str | None
    conditions: tuple[ConditionResult, ...]
    warnings: tuple[PrecheckWarning, ...]
    not_checked: tuple[str, ...]

    def condition(self, condition_id: str) -> ConditionResult:
        return next(c for c in self.conditions if c.id == condition_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "status": self.status,
            "eligible_from": _iso(self.eligible_from),
            "rule_version": self.rule_version,
            "conditions": [condition.to_dict() for condition in self.conditions],
            "title": self.title,
            "authority": self.authority,
            "legal_basis": self.legal_basis,
            "source_url": self.source_url,
            "amended_by": self.amended_by,
            "warnings": [warning.to_dict() for warning in self.warnings],
            "not_checked": list(self.not_checked),
        }


@dataclass(frozen=True)
class PrecheckReport:
    as_of: date
    results: tuple[RuleResult, ...]

    def result(self, rule_id: str) -> RuleResult:
        return next(result for result in self.results if result.rule == rule_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "results": [result.to_dict() for result in self.results],
            "disclaimer": DISCLAIMER,
        }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()

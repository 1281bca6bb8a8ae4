"""Builders of synthetic facts documents for the pre-check tests."""

from __future__ import annotations

from typing import Any


def person(**overrides: Any) -> dict[str, Any]:
    """A complete, synthetic facts document (the JSON contract) with ``overrides`` applied.

    A value of ``...`` removes the key, which means "not known".
    """
    facts: dict[str, Any] = {
        "birth_date": "2001-05-03",
        "residence_periods": [{"status": "toleration", "from": "2019-01-10", "to": None}],
        "minor_children_in_household": 0,
        "school_years_successful": 3,
        "qualification": "none",
        "german_oral": "B1",
        "german_written": "B1",
        "naturalisation_test_passed": True,
        "livelihood_own_share": 1.0,
        "passport": True,
        "convictions_above_threshold": False,
        "school_age_children_attend_school": True,
    }
    for key, value in overrides.items():
        if value is ...:
            facts.pop(key, None)
        else:
            facts[key] = value
    return facts


def period(status: str, start: str, end: str | None, legal_basis: str | None = None) -> dict:
    item = {"status": status, "from": start, "to": end}
    if legal_basis is not None:
        item["legal_basis"] = legal_basis
    return item

"""The codes a report fact may carry that are not catalogs in ``resources/catalogs``.

The desktop derives its facts with these codes and the server refuses a fact with any other
(docs/reporting.md, "Checked on arrival"). Pre-check rules are data: their codes are read from
``resources/rules/*.toml``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import lru_cache
from pathlib import Path

from kim_protocol.resources import RESOURCES_DIR

#: Shown and sent where a value is missing (age band, gender, status category, municipality).
UNKNOWN = "unknown"
#: Age at the case's opening, inclusive bounds; older is "65+".
AGE_BANDS = ((0, 17, "0-17"), (18, 26, "18-26"), (27, 44, "27-44"), (45, 64, "45-64"))
AGE_BAND_CODES = frozenset({*(label for _, _, label in AGE_BANDS), "65+", UNKNOWN})
GENDERS = frozenset({"female", "male", "diverse", "unspecified", UNKNOWN})


def age_band(birth_date: dt.date | None, on: dt.date) -> str:
    """Age in coarse bands at ``on`` (a report fact's: the case's opening, so the band never
    changes)."""
    if birth_date is None:
        return UNKNOWN
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label
    return "65+"


#: The DGCC phases of case management.
PHASES = frozenset({"intake", "assessment", "planning", "implementation", "monitoring",
                    "evaluation", "closure"})
REFERRAL_STATES = frozenset({"planned", "sent", "accepted", "declined", "completed",
                             "cancelled"})
PRECHECK_STATUSES = frozenset({"met", "met_later", "not_met", "unknown"})


@lru_cache(maxsize=4)
def precheck_rules(rules_dir: Path = RESOURCES_DIR / "rules") -> frozenset[str]:
    """The ``rule`` code of every packaged Baustein III rule file."""
    rules = set()
    for path in sorted(rules_dir.glob("*.toml")):
        with path.open("rb") as handle:
            rules.add(str(tomllib.load(handle)["rule"]))
    return frozenset(rules)

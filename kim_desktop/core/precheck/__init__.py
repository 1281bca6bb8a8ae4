"""Pre-checks for §§ 25a, 25b AufenthG and § 10 StAG: versioned rules as data, a small engine.

A pre-check shows which conditions look met, which are missing and from when the
time-based ones will be met. It is never a legal decision. See docs/precheck.md.
"""

from kim_desktop.core.precheck.engine import evaluate
from kim_desktop.core.precheck.facts import (
    Facts,
    FactsError,
    Qualification,
    ResidencePeriod,
    ResidenceStatus,
    parse_facts,
)
from kim_desktop.core.precheck.report import (
    ConditionResult,
    PrecheckReport,
    PrecheckWarning,
    RuleResult,
)
from kim_desktop.core.precheck.rules import RULES_DIR, RuleError, load_rules

__all__ = [
    "RULES_DIR",
    "ConditionResult",
    "Facts",
    "FactsError",
    "PrecheckReport",
    "PrecheckWarning",
    "Qualification",
    "ResidencePeriod",
    "ResidenceStatus",
    "RuleError",
    "RuleResult",
    "evaluate",
    "load_rules",
    "parse_facts",
]

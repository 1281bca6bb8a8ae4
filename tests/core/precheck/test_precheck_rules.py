"""The rule files: the shipped ones are valid, a broken one is a clear error, and a new
dated version changes the result from its valid-from date on, without any code change."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kim_desktop.core.precheck import RULES_DIR, RuleError, evaluate, load_rules, parse_facts

from .precheck_builders import period, person


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    return target


def test_shipped_rules_load_with_sources_and_versions() -> None:
    rules = load_rules()
    assert set(rules) == {"aufenthg_25a", "aufenthg_25b", "stag_10"}
    for rule in rules.values():
        for version in rule.versions:
            assert version.source_url.startswith("https://www.gesetze-im-internet.de/")
            assert version.amended_by and version.legal_basis
    stag = rules["stag_10"]
    assert [v.valid_from for v in stag.versions] == [date(2024, 6, 27), date(2025, 10, 30)]
    assert stag.version_on(date(2025, 10, 29)).id == "stag_10/2024-06-27"
    assert stag.version_on(date(2025, 10, 30)).id == "stag_10/2025-10-30"
    assert stag.version_on(date(2024, 6, 26)) is None


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


BROKEN = [
    ("not TOML", "aufenthg_25a.toml", 'rule = "aufenthg_25a"', 'rule = "aufenthg_25a', "TOML"),
    (
        "wrong rule id",
        "aufenthg_25a.toml",
        'rule = "aufenthg_25a"',
        'rule = "aufenthg_25x"',
        "„rule“",
    ),
    (
        "unknown placeholder",
        "aufenthg_25b.toml",
        "seit {date} erreicht",
        "seit {datum} erreicht",
        "{datum}",
    ),
    (
        "attribute in placeholder",
        "aufenthg_25b.toml",
        "seit {date} erreicht",
        "seit {date.year} erreicht",
        "Platzhalter",
    ),
    (
        "missing explanation",
        "aufenthg_25b.toml",
        'no_children = "Es leben keine minderjährigen Kinder im Haushalt; ein Nachweis des '
        'Schulbesuchs entfällt."\n',
        "",
        "no_children",
    ),
    (
        "valid_from quoted",
        "stag_10.toml",
        "valid_from = 2025-10-30",
        'valid_from = "2025-10-30"',
        "valid_from",
    ),
    (
        "same valid_from twice",
        "stag_10.toml",
        "valid_from = 2025-10-30",
        "valid_from = 2024-06-27",
        "2024-06-27",
    ),
    ("unknown kind", "aufenthg_25a.toml", 'kind = "school"', 'kind = "schule"', "kind"),
    (
        "status in no category",
        "aufenthg_25a.toml",
        'interrupts = ["naturalised"]',
        "interrupts = []",
        "naturalised",
    ),
    (
        "status in two categories",
        "aufenthg_25a.toml",
        'interrupts = ["naturalised"]',
        'interrupts = ["naturalised", "toleration"]',
        "genau einer",
    ),
    ("negative months", "aufenthg_25b.toml", "months = 72", "months = -72", "months"),
    (
        "unknown key",
        "aufenthg_25b.toml",
        "max_gap_days = 90",
        "max_gap_days = 90\nmax_gap = 3",
        "max_gap",
    ),
    ("level unknown", "aufenthg_25b.toml", 'min_level = "A2"', 'min_level = "A3"', "min_level"),
    (
        "waiver without its template",
        "aufenthg_25a.toml",
        "\nwaived = ",
        "\n# waived = ",
        "wegen waived_for",
    ),
    (
        "http source",
        "stag_10.toml",
        'source_url = "https://www.gesetze',
        'source_url = "http://www.gesetze',
        "source_url",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "named"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_broken_rule_file_is_a_clear_error(rules_copy: Path, file, old, new, named) -> None:
    _replace(rules_copy / file, old, new)
    with pytest.raises(RuleError) as caught:
        load_rules(rules_copy)
    message = str(caught.value)
    assert file in message
    assert named in message


def test_missing_rule_file(rules_copy: Path) -> None:
    (rules_copy / "aufenthg_25b.toml").unlink()
    with pytest.raises(RuleError, match=r"aufenthg_25b\.toml"):
        load_rules(rules_copy)


def test_a_new_version_needs_no_code_change(rules_copy: Path) -> None:
    """A hypothetical change of § 25b from 2027-01-01: five years instead of six."""
    path = rules_copy / "aufenthg_25b.toml"
    text = path.read_text(encoding="utf-8")
    first_version = text[text.index("[[versions]]") :]
    changed = (
        first_version.replace('id = "aufenthg_25b/2022-12-31"', 'id = "aufenthg_25b/2027-01-01"')
        .replace("valid_from = 2022-12-31", "valid_from = 2027-01-01")
        .replace("months = 72", "months = 60")
        .replace('label = "sechs Jahren"', 'label = "fünf Jahren"')
    )
    path.write_text(text + "\n" + changed, encoding="utf-8")
    facts = parse_facts(person(residence_periods=[period("toleration", "2021-06-01", None)]))
    old = evaluate(facts, as_of=date(2026, 12, 31), rules_dir=rules_copy).result("aufenthg_25b")
    new = evaluate(facts, as_of=date(2027, 1, 1), rules_dir=rules_copy).result("aufenthg_25b")
    assert (old.rule_version, old.status, old.eligible_from) == (
        "aufenthg_25b/2022-12-31",
        "not_met",
        date(2027, 6, 1),
    )
    assert (new.rule_version, new.status, new.eligible_from) == (
        "aufenthg_25b/2027-01-01",
        "met",
        date(2026, 6, 1),
    )
    assert "fünf Jahren" in new.condition("stay_6_or_4_years").explanation


def test_explanations_come_from_the_rule_file(rules_copy: Path) -> None:
    _replace(
        rules_copy / "aufenthg_25a.toml",
        'met = "Ein Pass liegt vor."',
        'met = "Reisepass vorhanden (geänderter Text)."',
    )
    facts = parse_facts(person())
    result = evaluate(facts, as_of=date(2026, 11, 24), rules_dir=rules_copy)
    assert result.result("aufenthg_25a").condition("passport").explanation == (
        "Reisepass vorhanden (geänderter Text)."
    )

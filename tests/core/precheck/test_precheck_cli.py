"""``kim-desktop precheck``: the fixed JSON contract, exit codes and malformed facts files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kim_desktop.cli import main

from .precheck_builders import period, person

ISSUE_EXAMPLE = {
    "birth_date": "2001-05-03",
    "residence_periods": [{"status": "toleration", "from": "2019-01-10", "to": None}],
    "minor_children_in_household": 0,
    "school_years_successful": 3,
    "qualification": "none",
    "german_oral": "A2",
    "german_written": "A1",
    "naturalisation_test_passed": False,
    "livelihood_own_share": 0.6,
    "passport": True,
    "convictions_above_threshold": False,
}
STATUSES = {"met", "not_met", "unknown"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["precheck", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _is_date_or_none(value: object) -> bool:
    if value is None:
        return True
    assert isinstance(value, str)
    date.fromisoformat(value)
    return len(value) == 10


def test_prints_the_contract_of_the_issue(capsys, facts_file) -> None:
    code, out, err = run(capsys, "--facts", str(facts_file(ISSUE_EXAMPLE)), "--as-of", "2026-11-24")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["as_of"] == "2026-11-24"
    assert [result["rule"] for result in document["results"]] == [
        "aufenthg_25a",
        "aufenthg_25b",
        "stag_10",
    ]
    for result in document["results"]:
        assert result["status"] in STATUSES
        assert _is_date_or_none(result["eligible_from"])
        assert isinstance(result["rule_version"], str) and result["rule_version"]
        assert result["conditions"]
        for condition in result["conditions"]:
            assert isinstance(condition["id"], str) and condition["id"]
            assert condition["status"] in STATUSES
            assert isinstance(condition["explanation"], str) and condition["explanation"]
            assert _is_date_or_none(condition["eligible_from"])
        for warning in result["warnings"]:
            assert set(warning) == {"id", "message", "due"}
            assert _is_date_or_none(warning["due"])
    by_rule = {result["rule"]: result for result in document["results"]}
    assert by_rule["aufenthg_25a"]["status"] == "met"
    assert by_rule["aufenthg_25a"]["eligible_from"] == "2022-01-10"
    assert by_rule["aufenthg_25b"]["status"] == "met"
    assert by_rule["stag_10"]["status"] == "not_met"
    assert by_rule["stag_10"]["rule_version"] == "stag_10/2025-10-30"
    assert "Vorprüfung" in document["disclaimer"]


def test_as_of_decides_the_stag_version(capsys, facts_file) -> None:
    path = str(
        facts_file(
            person(
                residence_periods=[period("settlement_permit", "2022-08-01", None)],
                german_oral="C1",
                german_written="C1",
            )
        )
    )
    before = json.loads(run(capsys, "--facts", path, "--as-of", "2025-10-29")[1])
    after = json.loads(run(capsys, "--facts", path, "--as-of", "2025-10-30")[1])
    assert before["results"][2]["rule_version"] == "stag_10/2024-06-27"
    assert before["results"][2]["status"] == "unknown"
    assert after["results"][2]["rule_version"] == "stag_10/2025-10-30"
    assert after["results"][2]["status"] == "not_met"


def test_as_of_defaults_to_today(capsys, facts_file) -> None:
    code, out, _ = run(capsys, "--facts", str(facts_file(ISSUE_EXAMPLE)))
    assert code == 0
    assert json.loads(out)["as_of"] == date.today().isoformat()


def test_empty_facts_are_valid_and_all_unknown(capsys, facts_file) -> None:
    code, out, _ = run(capsys, "--facts", str(facts_file({})), "--as-of", "2026-11-24")
    assert code == 0
    assert [r["status"] for r in json.loads(out)["results"]] == ["unknown"] * 3


def _bad(**fields: object) -> dict[str, object]:
    return {**ISSUE_EXAMPLE, **fields}


MALFORMED = [
    ("not JSON", '{"birth_date": ', "kein gültiges JSON"),
    ("JSON but a list", "[1, 2]", "Wurzel"),
    ("unknown field", _bad(birthdate="2001-05-03"), "birthdate"),
    ("birth date as number", _bad(birth_date=20010503), "birth_date"),
    ("birth date impossible", _bad(birth_date="2001-02-30"), "birth_date"),
    ("birth date German format", _bad(birth_date="03.05.2001"), "birth_date"),
    ("children as text", _bad(minor_children_in_household="1"), "minor_children_in_household"),
    ("children negative", _bad(minor_children_in_household=-1), "minor_children_in_household"),
    ("children as bool", _bad(minor_children_in_household=True), "minor_children_in_household"),
    ("passport as text", _bad(passport="ja"), "passport"),
    ("share above one", _bad(livelihood_own_share=1.5), "livelihood_own_share"),
    ("level unknown", _bad(german_oral="B3"), "german_oral"),
    ("qualification unknown", _bad(qualification="abitur"), "qualification"),
    ("periods not a list", _bad(residence_periods={"status": "toleration"}), "residence_periods"),
    (
        "unknown status",
        _bad(residence_periods=[period("geduldet", "2019-01-10", None)]),
        "residence_periods[0].status",
    ),
    (
        "period without from",
        _bad(residence_periods=[{"status": "toleration", "to": None}]),
        "residence_periods[0].from",
    ),
    (
        "period without to",
        _bad(residence_periods=[{"status": "toleration", "from": "2019-01-10"}]),
        "residence_periods[0].to",
    ),
    (
        "period bad date",
        _bad(residence_periods=[period("toleration", "2019-1-10", None)]),
        "residence_periods[0].from",
    ),
    (
        "period unknown key",
        _bad(residence_periods=[{**period("toleration", "2019-01-10", None), "until": None}]),
        "residence_periods[0].until",
    ),
    (
        "inverted period",
        _bad(residence_periods=[period("toleration", "2020-01-10", "2019-01-10")]),
        "residence_periods[0]",
    ),
    (
        "overlapping periods",
        _bad(
            residence_periods=[
                period("asylum_permit", "2017-01-01", "2019-01-10"),
                period("toleration", "2019-01-10", None),
            ]
        ),
        "residence_periods[1]",
    ),
    (
        "open period followed by another",
        _bad(
            residence_periods=[
                period("toleration", "2019-01-10", None),
                period("residence_permit", "2024-01-01", None),
            ]
        ),
        "residence_periods[1]",
    ),
]


@pytest.mark.parametrize(
    ("content", "field"), [(c, f) for _, c, f in MALFORMED], ids=[name for name, _, _ in MALFORMED]
)
def test_malformed_facts_name_the_field_and_exit_2(capsys, facts_file, content, field) -> None:
    code, out, err = run(capsys, "--facts", str(facts_file(content)), "--as-of", "2026-11-24")
    assert code == 2
    assert out == ""
    assert field in err
    assert err.startswith("Fehler: ")
    assert "Traceback" not in err


def test_file_not_utf8(capsys, facts_file) -> None:
    code, out, err = run(capsys, "--facts", str(facts_file(b'{"birth_date": "\xff"}')))
    assert (code, out) == (2, "")
    assert "UTF-8" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [("[" * 200_000 + "]" * 200_000, "verschachtelt"), ("{" + " " * 1_100_000 + "}", "1 MB")],
    ids=["deeply nested", "too large"],
)
def test_hostile_files_are_refused(capsys, facts_file, content, message) -> None:
    code, out, err = run(capsys, "--facts", str(facts_file(content)))
    assert (code, out) == (2, "")
    assert message in err


def test_missing_file_and_folder(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "--facts", str(tmp_path / "fehlt.json"))
    assert code == 2 and "nicht gefunden" in err
    code, _, err = run(capsys, "--facts", str(tmp_path))
    assert code == 2 and "Ordner" in err


def test_bad_as_of(capsys, facts_file) -> None:
    code, out, err = run(capsys, "--facts", str(facts_file(ISSUE_EXAMPLE)), "--as-of", "24.11.2026")
    assert (code, out) == (2, "")
    assert "--as-of" in err


def test_broken_rules_dir_exits_1(capsys, facts_file, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    code, out, err = run(
        capsys, "--facts", str(facts_file(ISSUE_EXAMPLE)), "--rules-dir", str(rules)
    )
    assert (code, out) == (1, "")
    assert "Regeldatei fehlt" in err


def test_real_command_needs_no_vault_or_password(facts_file, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KIM_PASSWORD"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kim_desktop",
            "--data-dir",
            str(tmp_path / "leer"),
            "precheck",
            "--facts",
            str(facts_file(ISSUE_EXAMPLE)),
            "--as-of",
            "2026-11-24",
        ],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["as_of"] == "2026-11-24"
    assert not (tmp_path / "leer").exists()

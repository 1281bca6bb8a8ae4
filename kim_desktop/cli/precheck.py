"""``kim-desktop precheck``: the pre-checks of §§ 25a, 25b AufenthG and § 10 StAG as JSON.

Works on a facts file alone, without the vault and without a password. The output is the
fixed contract of docs/precheck.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kim_desktop.cli._common import CliError
from kim_desktop.core.precheck import RULES_DIR, FactsError, RuleError, evaluate, parse_facts
from kim_desktop.core.precheck.dates import parse_iso_date

MAX_FACTS_BYTES = 1_000_000


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "precheck",
        parents=[common],
        help="Vorprüfung §§ 25a, 25b AufenthG und § 10 StAG aus einer Faktendatei (JSON)",
        description=(
            "Prüft die Voraussetzungen von § 25a und § 25b AufenthG und § 10 StAG anhand "
            "einer Faktendatei und gibt das Ergebnis als JSON aus. Eine Vorprüfung, keine "
            "rechtliche Entscheidung."
        ),
    )
    parser.add_argument(
        "--facts",
        required=True,
        type=Path,
        metavar="DATEI.json",
        help="Faktendatei im Format von docs/precheck.md",
    )
    parser.add_argument(
        "--as-of", metavar="JJJJ-MM-TT", default=None, help="Stichtag der Prüfung (Standard: heute)"
    )
    parser.add_argument(
        "--rules-dir",
        type=Path,
        default=RULES_DIR,
        metavar="ORDNER",
        help="Ordner mit den Regeldateien (zum Erproben geänderter Regeln)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    as_of = _as_of(args.as_of)
    try:
        facts = parse_facts(_read_json(args.facts))
    except FactsError as error:
        raise CliError(f"Faktendatei {args.facts}: {error}") from None
    try:
        report = evaluate(facts, as_of=as_of, rules_dir=args.rules_dir)
    except RuleError as error:
        raise CliError(str(error), exit_code=1) from None
    # UTF-8 whatever the console's code page, as docs/precheck.md promises.
    text = json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


def _as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return parse_iso_date(text)
    except ValueError:
        raise CliError("--as-of: kein gültiges Datum (erwartet JJJJ-MM-TT).") from None


def _read_json(path: Path) -> Any:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FACTS_BYTES + 1)
    except FileNotFoundError:
        raise CliError(f"Faktendatei {path} nicht gefunden.") from None
    except IsADirectoryError:
        raise CliError(f"{path} ist ein Ordner, keine Faktendatei.") from None
    except OSError:
        raise CliError(f"Faktendatei {path} nicht lesbar (Zugriffsrechte?).") from None
    if len(raw) > MAX_FACTS_BYTES:
        raise CliError(f"Faktendatei {path} ist größer als 1 MB.")
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CliError(f"Faktendatei {path} ist nicht UTF-8-kodiert.") from None
    except RecursionError:
        raise CliError(f"Faktendatei {path} ist zu tief verschachtelt.") from None
    except json.JSONDecodeError as error:
        raise CliError(
            f"Faktendatei {path} ist kein gültiges JSON (Zeile {error.lineno}, "
            f"Spalte {error.colno})."
        ) from None

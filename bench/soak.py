"""The sync's model (tests/sync/test_model.py) for minutes instead of CI's few examples.

    .venv/bin/python bench/soak.py --minutes 30 [--server-db postgresql+psycopg://…] [--seed S]

Runs rounds of the same state machine against one real ``kim-server serve`` until the time is
up, each round under a random seed (or ``--seed``, to reproduce one), and prints per round the
steps (syncs), the faults injected and any violation with the seed that reproduces it, then the
totals. A violation is shrunk to its shortest steps unless ``--no-shrink``. Exit status 1 when
any round found a violation.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, seed, settings  # noqa: E402
from hypothesis.stateful import run_state_machine_as_test  # noqa: E402

from tests.sync import test_model  # noqa: E402


def run_round(round_seed: int, *, examples: int, steps: int, shrink: bool) -> str | None:
    """One round under ``round_seed``; the violation's report, or None."""
    machine = seed(round_seed)(type("SoakModel", (test_model.SyncModel,), {}))
    phases = [Phase.generate, Phase.shrink] if shrink else [Phase.generate]
    try:
        run_state_machine_as_test(machine, settings=settings(
            max_examples=examples, stateful_step_count=steps, deadline=None, database=None,
            phases=phases, suppress_health_check=list(HealthCheck), print_blob=False))
    except Exception as error:  # a violation, or an error of the program under the model
        notes = "\n".join(getattr(error, "__notes__", []))
        return "".join(traceback.format_exception_only(error)).strip() + "\n" + notes
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, required=True)
    parser.add_argument("--server-db", default="",
                        help="PostgreSQL-URL (leer: eine SQLite-Datei in einem Temp-Ordner)")
    parser.add_argument("--seed", type=int, default=None,
                        help="nur diese eine Runde (aus einer früheren Ausgabe)")
    parser.add_argument("--examples", type=int, default=5, help="Beispiele je Runde")
    parser.add_argument("--steps", type=int, default=50, help="höchstens so viele Schritte")
    parser.add_argument("--no-shrink", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="kim-soak-"))
    db_url = args.server_db or f"sqlite:///{folder / 'server.db'}"
    world = test_model.WORLD = test_model.World.open(db_url, folder)
    deadline = time.monotonic() + args.minutes * 60
    violations: list[tuple[int, str]] = []
    rounds = 0
    print(f"Soak: {args.minutes:g} min, Server-Datenbank {db_url.split('://')[0]}, "
          f"{args.examples} Beispiele je Runde zu höchstens {args.steps} Schritten", flush=True)
    try:
        while rounds == 0 or (args.seed is None and time.monotonic() < deadline):
            round_seed = args.seed if args.seed is not None else random.getrandbits(32)
            before_steps, before_faults = world.steps, Counter(world.faults)
            report = run_round(round_seed, examples=args.examples, steps=args.steps,
                               shrink=not args.no_shrink)
            rounds += 1
            faults = world.faults - before_faults
            print(f"Runde {rounds} (--seed {round_seed}): {world.steps - before_steps} Schritte, "
                  f"Fehler eingespielt {dict(sorted(faults.items()))}, "
                  f"{'VERLETZUNG' if report else 'ok'}", flush=True)
            if report:
                violations.append((round_seed, report))
                print(report, flush=True)
    finally:
        world.close()
    print(f"Zusammen: {rounds} Runden, {world.steps} Schritte, eingespielte Fehler "
          f"{dict(sorted(world.faults.items()))} ({sum(world.faults.values())}), "
          f"Verletzungen {len(violations)}")
    for round_seed, report in violations:
        print(f"  --seed {round_seed}: {report.splitlines()[0]}")
    return 1 if violations else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of a structural gap's release check on an encrypted vault.

Fills a fresh vault with synthetic demo data (default 5,000 clients, and four whose last
names are everyday words), then prints the median wall and CPU time of
:func:`kim_desktop.core.release_check.check_release_text` over every client of the office,
for texts as a case manager writes them: a plain one, one with last names that are everyday
words, one with dates and house numbers, one in Cyrillic letters (each word then also
compared by its transliterations), and a long one (4,000 characters, the wire's limit)
with all of that.

Usage: ``.venv/bin/python bench/gap_release.py [--clients N] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from kim_desktop.core.demo import generate_demo_data
from kim_desktop.core.models import Client
from kim_desktop.core.release_check import check_release_text
from kim_desktop.core.services import ClientData, create_client
from kim_desktop.core.vault import Vault

PASSWORD = "Benchmark im Kreishaus Minden"
PLAIN = ("Sprachkurse B1 in Rahden sind für Mütter mit kleinen Kindern kaum erreichbar, weil "
         "die Kinderbetreuung erst nach Kursbeginn öffnet.")
WORDS = ("Der Koch der Gemeinschaftsunterkunft ist der einzige Ansprechpartner; Bauer und "
         "Fischer aus dem Ort bieten keine Ausbildungsplätze an.")
NUMBERS = ("Seit dem 12.03.2024 und dem 5. Oktober 2025 fielen Termine aus; die Beratungsstelle "
           "in der Bahnhofstraße 12 und am Markt 3 ist nur vormittags offen.")
CYRILLIC = ("Мати з трьома дітьми чекає вже пів року на місце в дитячому садку; курси "
            "німецької мови є лише вранці.")
#: Clients whose last names are everyday words, beside the demo's.
EVERYDAY = [("Lotte", "Koch"), ("Jonas", "Fischer"), ("Lea", "Bauer"), ("Tim", "Koch")]
TEXTS = {"plain": PLAIN, "everyday last names": WORDS, "dates and numbers": NUMBERS,
         "Cyrillic": CYRILLIC, "4,000 characters": " ".join([PLAIN, WORDS, NUMBERS] * 12)[:4000]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="use (or fill) this data folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kim-bench-gaps-")) / "data"
    if Vault.exists(folder):
        vault = Vault.unlock(folder, user="bench", password=PASSWORD)
    else:
        vault, _ = Vault.create(folder, admin="bench", password=PASSWORD)
    with vault, vault.session() as session:
        if not session.scalar(select(func.count()).select_from(Client)):
            generate_demo_data(session, clients=args.clients, seed=1,
                               consultations_per_client=1.0)
            for first, last in EVERYDAY:
                create_client(session, data=ClientData(first_name=first, last_name=last,
                                                       municipality_code="rahden"))
        print(f"vault: {session.scalar(select(func.count()).select_from(Client))} clients")
        for name, text in TEXTS.items():
            check_release_text(session, text)
            wall, cpu = [], []
            for _ in range(args.runs):
                started, started_cpu = time.perf_counter(), time.process_time()
                check = check_release_text(session, text)
                wall.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            print(f"{name} ({len(text)} characters): median "
                  f"{statistics.median(wall) * 1000:.1f} ms, max {max(wall) * 1000:.1f} ms, "
                  f"median CPU {statistics.median(cpu) * 1000:.1f} ms; "
                  f"{len(check.blocked)} blocking, {len(check.to_confirm)} to confirm")
    print(f"load: {Path('/proc/loadavg').read_text().split()[:3]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``kim-server prune``: deletes old rows of the push idempotency log ``applied_ops``."""

from __future__ import annotations

import argparse
from typing import Any

from sync_server.cli._common import CliError, print_json, session_for, settings
from sync_server.config import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS
from sync_server.services import audit, sync


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "prune",
        parents=[common],
        help="alte Einträge des Idempotenz-Protokolls (applied_ops) löschen",
    )
    parser.add_argument(
        "--days",
        type=int,
        help="Einträge älter als so viele Tage löschen "
        "(Standard: KIM_SERVER_APPLIED_OPS_RETENTION_DAYS, 90)",
    )
    parser.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    days = settings(args).applied_ops_retention_days if args.days is None else args.days
    if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
        raise CliError(
            f"--days muss zwischen {MIN_RETENTION_DAYS} und {MAX_RETENTION_DAYS} liegen: so "
            "lange kann ein Gerät eine Antwort verpasst haben und denselben Stapel erneut senden."
        )
    with session_for(args) as session:
        pruned = sync.prune_expired(session, days=days, actor=audit.cli_actor())
    if args.json:
        print_json({"days": days, "rows": pruned.rows, "devices": pruned.devices})
    else:
        print(f"{pruned.rows} Einträge älter als {days} Tage gelöscht ({pruned.devices} Geräte).")
    return 0

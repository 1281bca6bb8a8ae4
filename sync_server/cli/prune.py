"""``kim-server prune``: deletes old rows of the push idempotency log ``applied_ops`` and the
blobs no record uses any more."""

from __future__ import annotations

import argparse
from typing import Any

from sync_server.cli._common import CliError, print_json, session_for, settings
from sync_server.config import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS
from sync_server.services import audit, blobs, sync


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "prune",
        parents=[common],
        help="alte Einträge des Idempotenz-Protokolls (applied_ops) und nicht mehr "
        "gebrauchte Anhänge (Blobs) löschen",
    )
    parser.add_argument(
        "--days",
        type=int,
        help="Einträge älter als so viele Tage löschen "
        "(Standard: KIM_SERVER_APPLIED_OPS_RETENTION_DAYS, 90)",
    )
    parser.add_argument(
        "--blob-days",
        type=int,
        help="Anhänge löschen, die kein Datensatz mehr braucht und die so viele Tage nicht "
        "gebraucht wurden (Standard: KIM_SERVER_BLOB_RETENTION_DAYS, 30)",
    )
    parser.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    configured = settings(args)
    days = configured.applied_ops_retention_days if args.days is None else args.days
    blob_days = configured.blob_retention_days if args.blob_days is None else args.blob_days
    if not MIN_RETENTION_DAYS <= days <= MAX_RETENTION_DAYS:
        raise CliError(
            f"--days muss zwischen {MIN_RETENTION_DAYS} und {MAX_RETENTION_DAYS} liegen: so "
            "lange kann ein Gerät eine Antwort verpasst haben und denselben Stapel erneut senden."
        )
    if not 1 <= blob_days <= MAX_RETENTION_DAYS:
        raise CliError(f"--blob-days muss zwischen 1 und {MAX_RETENTION_DAYS} liegen.")
    with session_for(args) as session:
        pruned = sync.prune_expired(session, days=days, actor=audit.cli_actor())
        unused = blobs.prune_expired(session, days=blob_days, actor=audit.cli_actor())
    if args.json:
        print_json({"days": days, "rows": pruned.rows, "devices": pruned.devices,
                    "blob_days": blob_days, "blobs": unused.blobs, "blob_bytes": unused.bytes})
    else:
        print(f"{pruned.rows} Einträge älter als {days} Tage gelöscht ({pruned.devices} Geräte).")
        print(f"{unused.blobs} Anhänge gelöscht, die kein Datensatz mehr braucht und die "
              f"{blob_days} Tage nicht gebraucht wurden ({unused.bytes} Bytes).")
    return 0

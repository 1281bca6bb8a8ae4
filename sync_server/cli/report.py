"""``kim-server report export``: the coordinators' reports as XLSX, CSV or PDF.

Without ``--from``/``--to`` every format covers the current calendar year, as the dashboard's
downloads do. Periods are calendar months, quarters or years (docs/reporting.md §3).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kim_protocol.catalogs import default_catalogs
from sync_server.cli._common import CliError, session_for, settings
from sync_server.dashboard import accounts, auth
from sync_server.reports import exporting
from sync_server.reports.filters import FilterError, ReportFilter, parse_filter
from sync_server.services import audit


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("report", parents=[common], help="Auswertungen")
    commands = parser.add_subparsers(dest="report_command", metavar="BEFEHL", required=True)
    export = commands.add_parser(
        "export", parents=[common], help="Auswertung exportieren",
        description="Für den Betrieb des Servers: ohne --user gilt die Auswertung für den "
        "ganzen Kreis. Mit --user NAME ist sie die, die dieses Koordinationskonto im Dashboard "
        "herunterlädt: ist es auf Kommunen beschränkt, nur diese. Ohne --from und --to gilt "
        "für jedes Format das laufende Kalenderjahr (1. Januar bis 31. Dezember), wie bei den "
        "Downloads im Dashboard. Zeiträume sind Kalendermonate, Quartale oder Kalenderjahre.",
    )
    export.add_argument("--format", required=True, choices=exporting.FORMATS, help="Format")
    export.add_argument("--out", required=True, type=Path, help="Zieldatei")
    export.add_argument("--from", dest="start",
                        help="Beginn (JJJJ-MM-TT oder JJJJ-MM; Standard: 1. Januar dieses Jahres)")
    export.add_argument("--to", dest="end",
                        help="Ende (JJJJ-MM-TT oder JJJJ-MM; Standard: 31. Dezember dieses Jahres)")
    export.add_argument("--municipality", help="Kommune (Name oder Kürzel)")
    export.add_argument("--user", metavar="NAME",
                        help="wie für dieses Koordinationskonto: nur dessen Kommunen")
    export.set_defaults(handler=run_export)


def _filter(args: argparse.Namespace, allowed: frozenset[str] | None = None) -> ReportFilter:
    municipalities = [(e.code, e.label) for e in default_catalogs().municipalities]
    try:
        return parse_filter(start=args.start, end=args.end, municipality=args.municipality,
                            municipalities=municipalities, today=dt.date.today(),
                            allowed=allowed, whose=f"das Konto {args.user}")
    except FilterError as error:
        raise CliError(str(error)) from error


def _on_disk(step: Callable[[], object], out: Path) -> None:
    try:
        step()
    except OSError as error:
        raise CliError(f"Die Zieldatei kann nicht geschrieben werden: {out}") from error


def run_export(args: argparse.Namespace) -> int:
    flt = _filter(args)
    out: Path = args.out
    if out.is_dir() or not out.parent.is_dir():
        raise CliError(f"Die Zieldatei kann nicht geschrieben werden: {out}")
    # Written beside the target and renamed once the audit entry is committed: a failed
    # export never leaves half a file, and no file leaves unrecorded.
    partial = out.with_name(out.name + ".part")
    try:
        with session_for(args) as session:
            if args.user is not None:
                try:
                    flt = _filter(args, accounts.report_scope(session, name=args.user))
                except auth.LoginError as error:
                    raise CliError(str(error)) from error
            try:
                content = exporting.export(session, flt, format=args.format,
                                           threshold=settings(args).report_min_cell)
            except exporting.PdfLayoutError as error:
                raise CliError(str(error)) from error
            _on_disk(lambda: partial.write_bytes(content), out)
            exporting.record_export(session, flt, format=args.format,
                                    actor=audit.cli_actor(), account=args.user)
        _on_disk(lambda: partial.replace(out), out)
    finally:
        partial.unlink(missing_ok=True)
    catalog = default_catalogs().municipalities
    covers = flt.describe(flt.area(catalog.label, catalog.codes()))
    account = f", wie für das Konto {args.user}" if args.user is not None else ""
    print(f"{out} geschrieben ({len(content):,} Bytes)".replace(",", ".")
          + f": {covers}{account}.")
    return 0

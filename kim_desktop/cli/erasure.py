"""Erasure requests (Art. 17 GDPR) from the command line, in the program's two steps: any
user requests the erasure of a person with a reason (``erasure-request``); the office admin
sees the open requests (``erasure-requests``) and confirms one, which erases the person
(``erasure-confirm --yes``), or declines it with a reason (``erasure-decline``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kim_desktop.cli._common import CliError, shown
from kim_desktop.cli._vault import vault_session
from kim_desktop.cli.clients import USER_HELP
from kim_desktop.core.errors import DomainError
from kim_desktop.core.services import record_listing
from kim_desktop.core.services.erasure_requests import (
    approve_erasure,
    decline_erasure,
    open_erasure_requests,
    request_erasure,
)
from kim_desktop.core.services.export import archive_writer


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    listing = subparsers.add_parser(
        "erasure-requests", parents=[common],
        help="offene Löschanträge (Büroleitung)",
        description="Listet die Löschanträge, über die die Büroleitung noch entscheidet, mit "
        "Antrags-Id, Datum, Person, antragstellender Benutzer*in und Grund. Das Ansehen der "
        "Namen wird protokolliert.",
    )
    listing.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    listing.add_argument("--user", metavar="NAME", help=USER_HELP)
    listing.set_defaults(handler=run_list)

    request = subparsers.add_parser(
        "erasure-request", parents=[common],
        help="beantragt die Löschung einer Person mit Grund",
        description="Beantragt bei der Büroleitung die Löschung einer Person (Art. 17 DSGVO). "
        "Gelöscht wird erst, wenn die Büroleitung den Antrag bestätigt; lehnt sie ihn ab, "
        "zeigt die Akte den Grund.",
    )
    request.add_argument("--client", required=True, metavar="ID")
    request.add_argument("--reason", required=True, metavar="TEXT", help="Grund des Antrags")
    request.add_argument("--user", metavar="NAME", help=USER_HELP)
    request.set_defaults(handler=run_request)

    confirm = subparsers.add_parser(
        "erasure-confirm", parents=[common],
        help="bestätigt einen Löschantrag und löscht die Person (Büroleitung)",
        description="Die Büroleitung bestätigt einen Löschantrag: die Person und alles über "
        "sie wird endgültig gelöscht, auch auf den anderen Rechnern des Büros. Nicht "
        "rückgängig zu machen; braucht --yes.",
    )
    confirm.add_argument("--request", required=True, metavar="ID", help="Id des Antrags")
    confirm.add_argument("--yes", action="store_true", help="Löschung bestätigen")
    confirm.add_argument("--archive", type=Path, metavar="DATEI",
                         help="vorher eine Archivkopie (JSON) in DATEI schreiben")
    confirm.add_argument("--user", metavar="NAME", help=USER_HELP)
    confirm.set_defaults(handler=run_confirm)

    decline = subparsers.add_parser(
        "erasure-decline", parents=[common],
        help="lehnt einen Löschantrag mit Grund ab (Büroleitung)",
        description="Die Büroleitung lehnt einen Löschantrag ab; der Grund steht danach in "
        "der Akte der Person.",
    )
    decline.add_argument("--request", required=True, metavar="ID", help="Id des Antrags")
    decline.add_argument("--reason", required=True, metavar="TEXT", help="Grund der Ablehnung")
    decline.add_argument("--user", metavar="NAME", help=USER_HELP)
    decline.set_defaults(handler=run_decline)


@contextmanager
def _unknown(message: str) -> Iterator[None]:
    """Says ``message`` for an id that names nothing, instead of the table's name."""
    try:
        yield
    except DomainError as error:
        if error.code == "not_found":
            raise CliError(message) from error
        raise


def _no_request(request_id: str) -> str:
    return (f"Einen Löschantrag mit der Id {request_id} gibt es nicht. Die offenen Anträge "
            "zeigt »kim-desktop erasure-requests«.")


def run_list(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        waiting = open_erasure_requests(session)
        record_listing(session, client_ids=[request.client_id for request, _ in waiting],
                       detail="cli erasure-requests")
        rows = [(request.id, request.created_at.date(), request.created_by, request.client_id,
                 name, request.reason) for request, name in waiting]
    if args.json:
        print(json.dumps([
            {"id": request_id, "requested_on": on.isoformat(), "requested_by": by,
             "client": client_id, "name": name, "reason": reason}
            for request_id, on, by, client_id, name, reason in rows
        ], ensure_ascii=False, indent=2))
        return 0
    for request_id, on, by, _client_id, name, reason in rows:
        print(f"{request_id}  {on:%d.%m.%Y}  {shown(name):<30}  von {shown(by):<12}  "
              f"{shown(reason)}")
    count = len(rows)
    print("1 offener Löschantrag" if count == 1 else f"{count} offene Löschanträge",
          file=sys.stderr)
    return 0


def run_request(args: argparse.Namespace) -> int:
    with vault_session(args) as session, _unknown(
            f"Eine Person mit der Id {args.client} gibt es nicht (die Ids zeigt "
            "»kim-desktop clients«)."):
        request_erasure(session, client_id=args.client, reason=args.reason)
    print("Löschung beantragt. Die Büroleitung entscheidet darüber.")
    return 0


def run_confirm(args: argparse.Namespace) -> int:
    if not args.yes:
        raise CliError("Die Löschung ist endgültig: bitte mit --yes bestätigen.")
    archive = None
    if args.archive is not None:
        if not args.archive.parent.is_dir():
            raise CliError(f"Den Ordner für die Archivkopie gibt es nicht: {args.archive.parent}")
        archive = archive_writer(args.archive)
    with vault_session(args) as session, _unknown(_no_request(args.request)):
        approve_erasure(session, request_id=args.request, confirm=True, archive=archive)
    print("Der Löschantrag ist bestätigt, die Person ist gelöscht.")
    return 0


def run_decline(args: argparse.Namespace) -> int:
    with vault_session(args) as session, _unknown(_no_request(args.request)):
        decline_erasure(session, request_id=args.request, reason=args.reason)
    print("Der Löschantrag ist abgelehnt; die Akte zeigt den Grund.")
    return 0

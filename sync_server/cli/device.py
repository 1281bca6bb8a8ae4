"""``kim-server device code|list|revoke``: enrollment codes and the devices of the offices."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from sync_server.cli._common import CliError, print_json, session_for, settings
from sync_server.services import audit, devices


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("device", parents=[common], help="Geräte verwalten")
    commands = parser.add_subparsers(dest="device_command", metavar="BEFEHL", required=True)
    code = commands.add_parser("code", parents=[common], help="einen Registrierungscode ausgeben")
    code.add_argument("--office", required=True, help="ID des Büros")
    code.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    code.set_defaults(handler=issue_code)
    listing = commands.add_parser("list", parents=[common], help="Geräte auflisten")
    listing.add_argument("--office", help="nur Geräte dieses Büros")
    listing.add_argument("--json", action="store_true", help="Ausgabe als JSON")
    listing.set_defaults(handler=list_devices)
    revoke = commands.add_parser("revoke", parents=[common], help="ein Gerät sperren")
    revoke.add_argument("device", metavar="GERÄT", help="ID des Geräts")
    revoke.add_argument(
        "--wipe", action="store_true", help="das Gerät anweisen, seine Daten zu löschen"
    )
    revoke.set_defaults(handler=revoke_device)


def issue_code(args: argparse.Namespace) -> int:
    ttl = dt.timedelta(hours=settings(args).enrollment_code_ttl_hours)
    with session_for(args) as session:
        try:
            issued = devices.issue_enrollment_code(
                session, office_id=args.office, ttl=ttl, actor=audit.cli_actor()
            )
        except devices.DeviceError as error:
            raise CliError(error.message) from error
    if args.json:
        print_json(
            {
                "code": issued.code,
                "office_id": issued.office_id,
                "expires_at": issued.expires_at.isoformat(),
            }
        )
    else:
        local = issued.expires_at.astimezone().strftime("%d.%m.%Y %H:%M")
        print(f"Registrierungscode: {issued.code}  (gültig bis {local}, nur einmal verwendbar)")
    return 0


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _shown(text: str) -> str:
    """``text`` with every character that is not printable escaped (``\\x1b``, ``\\u202e``):
    a name stored before enrollment refused them must not recolour the admin's terminal."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def list_devices(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        rows = [
            {
                "device_id": d.id,
                "office_id": d.office_id,
                "name": d.name,
                "app_version": d.app_version,
                "enrolled_at": d.enrolled_at.isoformat(),
                "last_seen_at": d.last_seen_at.isoformat() if d.last_seen_at else None,
                "revoked": d.revoked_at is not None,
                "wipe": d.wipe_ordered,
                "wipe_ordered_at": _iso(d.wipe_ordered_at),
                "wipe_started_at": _iso(d.wipe_started_at),
                "wiped_at": _iso(d.wiped_at),
                "epoch_started_at": _iso(d.epoch_started_at),
                "copy_detected_at": _iso(d.copy_detected_at),
                "state": devices.device_state(d),
            }
            for d in devices.list_devices(session, office_id=args.office)
        ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("Keine Geräte.")
    for row in rows:
        name = _shown(str(row["name"]))
        print(f"{row['device_id']}  {row['office_id']}  {name:<24} {row['state']}")
    return 0


def revoke_device(args: argparse.Namespace) -> int:
    with session_for(args) as session:
        try:
            device = devices.revoke_device(
                session, device_id=args.device, wipe=args.wipe, actor=audit.cli_actor()
            )
        except devices.DeviceError as error:
            raise CliError(error.message) from error
        wipe = device.wipe_ordered
    print("Gerät gesperrt" + (", Löschung angeordnet." if wipe else "."))
    return 0

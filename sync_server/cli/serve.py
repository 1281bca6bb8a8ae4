"""``kim-server serve``: runs the sync server with Uvicorn (optionally TLS, several workers)."""

from __future__ import annotations

import argparse
import errno
import logging.config
import os
import socket
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DatabaseError

from sync_server.cli._common import CliError, database_error, engine_for, settings
from sync_server.db import upgrade
from sync_server.logs import logging_config

# The largest request head (request line and headers) the server reads; nginx's defaults take
# 8 KiB per header line. Uvicorn's httptools parser has no limit, so one client sending
# headers of hundreds of megabytes kept the event loop parsing and every office waiting.
MAX_REQUEST_HEAD_BYTES = 64 * 1024


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("serve", parents=[common], help="Server starten")
    parser.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8443, help="Port (Standard: 8443)")
    parser.add_argument("--workers", type=int, default=1, help="Anzahl Prozesse (Standard: 1)")
    parser.add_argument("--ssl-keyfile", type=Path, help="privater TLS-Schlüssel (PEM)")
    parser.add_argument("--ssl-certfile", type=Path, help="TLS-Zertifikat (PEM)")
    parser.set_defaults(handler=run)


def check_bind(host: str, port: int) -> None:
    """Binds and releases the address the way Uvicorn will, so that a port in use or a host
    that is no address of this machine is a German message before anything starts (Uvicorn
    itself would log it in English after the migration, or with a port out of range hang)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    where = f"Port {port} auf {host}"
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror as error:
            raise CliError(f"Die Adresse „{host}“ ist unbekannt: bitte --host prüfen.") from error
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise CliError(f"{where} ist schon belegt (läuft der Server schon?). Bitte einen "
                               "anderen Port wählen oder das andere Programm beenden.") from error
            if error.errno == errno.EACCES:
                raise CliError(f"{where} darf dieses Konto nicht öffnen (Ports unter 1024 "
                               "brauchen Root-Rechte oder CAP_NET_BIND_SERVICE).") from error
            if error.errno == errno.EADDRNOTAVAIL:
                raise CliError(f"Die Adresse {host} gehört nicht zu diesem Rechner: bitte --host "
                               "prüfen.") from error
            raise CliError(f"{where} lässt sich nicht öffnen ({error.strerror}).") from error


def run(args: argparse.Namespace) -> int:
    import uvicorn

    if not 1 <= args.port <= 65535:
        raise CliError("--port muss zwischen 1 und 65535 liegen.")
    if args.workers < 1:
        raise CliError("--workers muss mindestens 1 sein.")
    if bool(args.ssl_keyfile) != bool(args.ssl_certfile):
        raise CliError("Für TLS bitte --ssl-keyfile und --ssl-certfile zusammen angeben.")
    for path in (args.ssl_keyfile, args.ssl_certfile):
        if path is not None and not path.is_file():
            raise CliError(f"Datei nicht gefunden: {path}")
    check_bind(args.host, args.port)
    config = settings(args)
    logging.config.dictConfig(logging_config(config.log_level))
    # Migrate once here, before the workers start, so they never race over the schema.
    engine = engine_for(args)
    try:
        upgrade(engine)
    except DatabaseError as error:
        raise database_error(error) from error
    finally:
        engine.dispose()
    # The workers build their app from the environment (Uvicorn's factory).
    os.environ["KIM_SERVER_DB"] = config.db_url
    uvicorn.run(
        "sync_server.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_keyfile=str(args.ssl_keyfile) if args.ssl_keyfile else None,
        ssl_certfile=str(args.ssl_certfile) if args.ssl_certfile else None,
        log_config=logging_config(config.log_level),
        access_log=False,
        # Longer than the clients' idle expiry: a connection the server closes just as a client
        # reuses it fails that request (see docs/server.md).
        timeout_keep_alive=config.keep_alive_seconds,
        server_header=False,
        # h11 refuses a head past the bound (400) and closes the connection.
        http="h11",
        h11_max_incomplete_event_size=MAX_REQUEST_HEAD_BYTES,
        # X-Forwarded-For and -Proto only from the proxies named (Uvicorn's own default would
        # trust them from loopback, FORWARDED_ALLOW_IPS of the environment from anyone it names).
        proxy_headers=bool(config.trusted_proxies),
        forwarded_allow_ips=list(config.trusted_proxies),
    )
    return 0

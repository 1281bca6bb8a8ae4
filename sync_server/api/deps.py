"""Typed dependencies of the routes: settings, a database session, the calling device."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, TypeVar

import anyio
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Table, bindparam, select
from sqlalchemy.orm import Session

from sync_server.api.errors import ApiError
from sync_server.config import Settings
from sync_server.models import Device
from sync_server.services.tokens import hash_secret

DEVICES: Table = Device.__table__  # type: ignore[assignment]
_DEVICE_BY_TOKEN = select(
    DEVICES.c.id, DEVICES.c.office_id, DEVICES.c.wipe_ordered, DEVICES.c.revoked_at,
    DEVICES.c.pruned_seq, DEVICES.c.epoch,
).where(DEVICES.c.token_hash == bindparam("token_hash"))  # fmt: skip
_Result = TypeVar("_Result")

_bearer = HTTPBearer(auto_error=False, description="Geräte-Token aus der Registrierung")


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


@dataclass(frozen=True)
class AuthenticatedDevice:
    id: str
    office_id: str
    wipe_ordered: bool
    #: The highest sequence number whose ``applied_ops`` row was pruned (for push).
    pruned_seq: int = 0
    #: The device's current sync epoch (None before its first handshake with one).
    epoch: str | None = None


def _authenticate(
    request: Request,
    database: Session | Connection,
    credentials: HTTPAuthorizationCredentials | None,
) -> tuple[AuthenticatedDevice, bool]:
    """The device of the bearer token and whether it is revoked, read on every call, so a
    revocation takes effect with the very next request.

    The lookup shares the route's transaction (one round trip fewer). That is safe: on SQLite a
    plain SELECT takes no lock, and on PostgreSQL every statement reads committed data. A Core
    statement, not an ORM one: it costs half as much CPU, and it runs on every request.
    """
    if credentials is None or not credentials.credentials:
        raise ApiError(
            401,
            "unauthenticated",
            "Anmeldung erforderlich: das Geräte-Token fehlt.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    row = database.execute(
        _DEVICE_BY_TOKEN, {"token_hash": hash_secret(credentials.credentials)}
    ).one_or_none()
    if row is None:
        raise ApiError(
            401,
            "invalid_token",
            "Das Geräte-Token ist ungültig. Bitte das Gerät neu registrieren.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    request.scope.get("kim.log", {})["device_id"] = row.id
    device = AuthenticatedDevice(
        id=row.id, office_id=row.office_id, wipe_ordered=row.wipe_ordered,
        pruned_seq=row.pruned_seq, epoch=row.epoch,
    )
    return device, row.revoked_at is not None


def revoked_error(device: AuthenticatedDevice) -> ApiError:
    if device.wipe_ordered:
        return ApiError(
            403,
            "device_wipe",
            "Dieses Gerät wurde gesperrt und muss seine Daten löschen. "
            "Bitte wenden Sie sich an Ihre IT.",
        )
    return ApiError(
        403,
        "device_revoked",
        "Dieses Gerät wurde gesperrt und darf nicht mehr synchronisieren. "
        "Bitte wenden Sie sich an Ihre IT.",
    )


def current_device(
    request: Request, session: SessionDep, credentials: Credentials
) -> AuthenticatedDevice:
    device, revoked = _authenticate(request, session, credentials)
    if revoked:
        raise revoked_error(device)
    return device


def current_device_even_revoked(
    request: Request, session: SessionDep, credentials: Credentials
) -> AuthenticatedDevice:
    """For the handshake, which tells a revoked device to wipe instead of refusing it."""
    device, revoked = _authenticate(request, session, credentials)
    if revoked and not device.wipe_ordered:
        raise revoked_error(device)
    return device


async def as_device(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None,
    work: Callable[[Connection, AuthenticatedDevice], _Result],
) -> _Result:
    """Runs ``work`` for the calling device in one transaction on one connection, in a single
    trip to the thread pool: the sync routes' hot path.

    A route built from the sync dependencies (:data:`SessionDep`, :data:`CurrentDevice`) and a
    sync body makes three trips, each a hand-over of the GIL between the event loop and a
    worker thread, and the ORM session doubles the CPU of each Core statement (docs/server.md,
    "Load", has the figures). At most ``db_pool_size`` of these run at once per worker
    (``app.state.db_limiter``), so none waits for, or opens, a connection beyond the pool.
    """

    def run() -> _Result:
        with request.app.state.engine.begin() as connection:
            device, revoked = _authenticate(request, connection, credentials)
            if revoked:
                raise revoked_error(device)
            return work(connection, device)

    return await anyio.to_thread.run_sync(run, limiter=request.app.state.db_limiter)


CurrentDevice = Annotated[AuthenticatedDevice, Depends(current_device)]
HandshakeDevice = Annotated[AuthenticatedDevice, Depends(current_device_even_revoked)]

"""Typed dependencies of the routes: settings, a database session, the calling device."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_server.api.errors import ApiError
from sync_server.config import Settings
from sync_server.models import Device
from sync_server.services.tokens import hash_secret

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


def _authenticate(
    request: Request, session: Session, credentials: HTTPAuthorizationCredentials | None
) -> tuple[AuthenticatedDevice, bool]:
    """The device of the bearer token and whether it is revoked.

    The lookup shares the route's transaction (one round trip fewer). That is safe: on SQLite a
    plain SELECT takes no lock, and on PostgreSQL every statement reads committed data.
    """
    if credentials is None or not credentials.credentials:
        raise ApiError(
            401,
            "unauthenticated",
            "Anmeldung erforderlich: das Geräte-Token fehlt.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    row = session.execute(
        select(Device.id, Device.office_id, Device.wipe_ordered, Device.revoked_at).where(
            Device.token_hash == hash_secret(credentials.credentials)
        )
    ).one_or_none()
    if row is None:
        raise ApiError(
            401,
            "invalid_token",
            "Das Geräte-Token ist ungültig. Bitte das Gerät neu registrieren.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    request.scope.get("kim.log", {})["device_id"] = row.id
    device = AuthenticatedDevice(id=row.id, office_id=row.office_id, wipe_ordered=row.wipe_ordered)
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


CurrentDevice = Annotated[AuthenticatedDevice, Depends(current_device)]
HandshakeDevice = Annotated[AuthenticatedDevice, Depends(current_device_even_revoked)]

"""Enrollment of a new device and the handshake every sync starts with."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter

from kim_protocol import __version__, wire
from sync_server.api.deps import HandshakeDevice, SessionDep
from sync_server.api.errors import COMMON_ERROR_RESPONSES, ApiError
from sync_server.services import devices, epochs

router = APIRouter(prefix="/v1", tags=["Geräte"], responses=COMMON_ERROR_RESPONSES)


@router.post(
    "/enroll",
    response_model=wire.EnrollResponse,
    responses={409: {"model": wire.ErrorResponse}, 410: {"model": wire.ErrorResponse}},
)
def enroll(body: wire.EnrollRequest, session: SessionDep) -> wire.EnrollResponse:
    """Spends a one-time enrollment code; answers the device's token (shown once)."""
    try:
        with session.begin():
            enrolled = devices.enroll(
                session, code=body.code, device_name=body.device_name, app_version=body.app_version
            )
    except devices.DeviceError as error:
        raise ApiError(error.status, error.code, error.message) from error
    return wire.EnrollResponse(
        device_id=enrolled.device.id,
        office_id=enrolled.office.id,
        office_name=enrolled.office.name,
        municipality=enrolled.office.municipality,
        token=enrolled.token,
        key_check=enrolled.office.key_check,
    )


@router.post(
    "/handshake",
    response_model=wire.HandshakeResponse,
    responses={409: {"model": wire.ErrorResponse}, 426: {"model": wire.ErrorResponse}},
)
def handshake(
    body: wire.HandshakeRequest, device: HandshakeDevice, session: SessionDep
) -> wire.HandshakeResponse:
    """Agrees on a protocol version. A device with a wipe order gets ``wipe: true``; a copy
    of another machine's vault (its epoch, ``services/epochs.py``) 409 ``device_copied``."""
    protocol = negotiate_protocol(body.protocol_min, body.protocol_max)
    if body.epoch is not None and not device.wipe_ordered:
        try:
            epochs.present(session, device_id=device.id, epoch=body.epoch)
        except devices.DeviceError as error:
            raise ApiError(error.status, error.code, error.message) from error
    office = devices.touch_device(session, device_id=device.id, app_version=body.app_version)
    session.commit()
    return wire.HandshakeResponse(
        protocol=protocol,
        server_time=dt.datetime.now(dt.UTC),
        server_version=__version__,
        office_id=office.id,
        wipe=device.wipe_ordered,
    )


@router.post(
    "/wipe",
    response_model=wire.UpsertResponse,
    responses={409: {"model": wire.ErrorResponse}},
)
def confirm_wipe(
    body: wire.WipeConfirmation, device: HandshakeDevice, session: SessionDep
) -> wire.UpsertResponse:
    """A device under a wipe order reports that it began, or finished, deleting its data."""
    try:
        devices.confirm_wipe(session, device_id=device.id, stage=body.stage.value)
    except devices.DeviceError as error:
        raise ApiError(error.status, error.code, error.message) from error
    session.commit()
    return wire.UpsertResponse(accepted=1)


def negotiate_protocol(
    client_min: int,
    client_max: int,
    server_min: int = wire.PROTOCOL_MIN,
    server_max: int = wire.PROTOCOL_MAX,
) -> int:
    """The highest protocol both sides speak, or a 426 saying which side must be updated."""
    if max(client_min, server_min) <= min(client_max, server_max):
        return min(client_max, server_max)
    if client_max < server_min:
        message = (
            "Diese Programmversion ist zu alt für den Server. Bitte KIM Desktop aktualisieren."
        )
    else:
        message = (
            "Der Server ist älter als diese Programmversion. "
            "Bitte die IT, den Server zu aktualisieren."
        )
    raise ApiError(426, "protocol_unsupported", message, headers={"Upgrade": "kim-sync"})

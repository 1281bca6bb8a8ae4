"""The office's key check value: set once by its first device, read by every later one."""

from __future__ import annotations

from fastapi import APIRouter

from kim_protocol import wire
from sync_server.api.deps import CurrentDevice, SessionDep
from sync_server.api.errors import COMMON_ERROR_RESPONSES, ApiError
from sync_server.services import devices

router = APIRouter(prefix="/v1/office", tags=["Büro"], responses=COMMON_ERROR_RESPONSES)


@router.post(
    "/key-check",
    response_model=wire.UpsertResponse,
    responses={409: {"model": wire.ErrorResponse}},
)
def set_key_check(
    body: wire.KeyCheckRequest, device: CurrentDevice, session: SessionDep
) -> wire.UpsertResponse:
    """Publishes the office key's check value. Once set, only a value of before the key
    subkeys changes, once, to the current form (``replaces``, the value the device read); a
    value a current device set is never replaced. The same value again is accepted (a retry),
    another value is refused with 409 ``key_check_exists``."""
    try:
        if body.replaces is None:
            devices.set_key_check(
                session, office_id=device.office_id, device_id=device.id,
                key_check=body.key_check,
            )
        else:
            devices.renew_key_check(
                session, office_id=device.office_id, device_id=device.id,
                key_check=body.key_check, replaces=body.replaces,
            )
        session.commit()
    except devices.DeviceError as error:
        raise ApiError(error.status, error.code, error.message) from error
    return wire.UpsertResponse(accepted=1)


@router.get("/key-check", response_model=wire.KeyCheckRequest, response_model_exclude_none=True)
def get_key_check(device: CurrentDevice, session: SessionDep) -> wire.KeyCheckRequest:
    """The office key's check value; 404 ``key_check_missing`` while no device has set it."""
    value = devices.get_key_check(session, office_id=device.office_id)
    if value is None:
        raise ApiError(
            404,
            "key_check_missing",
            "Für dieses Büro gibt es noch keinen Büroschlüssel.",
        )
    return wire.KeyCheckRequest(key_check=value)

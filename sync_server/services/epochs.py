"""Sync epochs of devices: which vault speaks for a device identity.

A desktop keeps an epoch id in its vault and begins a new one when the vault was restored from
a backup or now lives in another place (another machine, folder or file). It shows its epoch in
every handshake and push. An epoch the server has not seen from the device begins: the one
before becomes past (a restore looks like this, and so does the first sync of a copy). An epoch
that had become past and shows up again means two vaults use one identity, taking turns: the
original machine and a copy of its folder. The epochs that began after it are copies; their
vault is told to enroll anew (409 ``device_copied``), and the epoch that came back goes on.
So the one that appeared later is the one refused, whichever of the two syncs first.

A device may show anything here, but only for itself: it can refuse its own copies, never
another device. The server keeps the last :data:`KEPT_EPOCHS` epochs of each device.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.orm import Session

from sync_server.db import utcnow
from sync_server.models import Device, DeviceEpoch
from sync_server.models.devices import EpochState
from sync_server.services import audit
from sync_server.services.devices import DeviceError

#: Epochs kept per device: enough for every restore and move of a machine's life, and a bound
#: for a device that makes up a new one on every request.
KEPT_EPOCHS = 16

def device_copied() -> DeviceError:
    return DeviceError(
        409, "device_copied",
        "Diese Datenbank ist eine Kopie: ein anderer Rechner synchronisiert mit derselben "
        "Registrierung. Dieses Gerät muss neu registriert werden; seine nicht gesendeten "
        "Änderungen bleiben beiseitegelegt. Bitte wenden Sie sich an Ihre IT.",
    )  # fmt: skip
def epoch_changed() -> DeviceError:
    return DeviceError(
        409, "epoch_changed",
        "Ein anderer Rechner mit derselben Registrierung hat sich inzwischen gemeldet. "
        "Bitte erneut synchronisieren.",
    )  # fmt: skip


def present(session: Session, *, device_id: str, epoch: str) -> None:
    """The device's vault shows ``epoch`` (handshake), in the session's transaction. Raises
    :func:`device_copied` for an epoch of a copy."""
    device = session.execute(
        select(Device).where(Device.id == device_id).with_for_update()
    ).scalar_one()
    if device.epoch == epoch:
        return
    row = session.get(DeviceEpoch, (device_id, epoch))
    now = utcnow()
    actor = f"device:{device_id}"
    if row is None:
        session.execute(
            update(DeviceEpoch)
            .where(DeviceEpoch.device_id == device_id, DeviceEpoch.state == EpochState.CURRENT)
            .values(state=EpochState.PAST)
        )
        last = session.scalar(
            select(func.max(DeviceEpoch.ordinal)).where(DeviceEpoch.device_id == device_id)
        )
        session.add(DeviceEpoch(device_id=device_id, epoch=epoch, ordinal=(last or 0) + 1,
                                state=EpochState.CURRENT, started_at=now))
        if device.epoch is not None:
            # Not the first epoch this device showed: its vault was restored or moved.
            device.epoch_started_at = now
            audit.record(session, actor=actor, action="device.epoch_started",
                         office_id=device.office_id, device_id=device_id)
        device.epoch = epoch
        _keep_last(session, device_id)
        return
    if row.state == EpochState.COPY:
        raise device_copied()
    session.execute(
        update(DeviceEpoch)
        .where(DeviceEpoch.device_id == device_id, DeviceEpoch.ordinal > row.ordinal)
        .values(state=EpochState.COPY)
    )
    row.state = EpochState.CURRENT
    device.epoch = epoch
    device.copy_detected_at = now
    audit.record(session, actor=actor, action="device.copy_detected",
                 office_id=device.office_id, device_id=device_id)


def _keep_last(session: Session, device_id: str) -> None:
    session.flush()
    oldest_kept = session.scalar(
        select(DeviceEpoch.ordinal)
        .where(DeviceEpoch.device_id == device_id)
        .order_by(DeviceEpoch.ordinal.desc())
        .offset(KEPT_EPOCHS - 1)
        .limit(1)
    )
    if oldest_kept is not None:
        session.execute(
            delete(DeviceEpoch).where(DeviceEpoch.device_id == device_id,
                                      DeviceEpoch.ordinal < oldest_kept)
        )  # fmt: skip


def check_push(connection: Connection, *, device_id: str, current: str | None,
               epoch: str | None) -> None:
    """A push from a vault whose epoch is not the device's current one is refused: a copy's
    with :func:`device_copied`, another with :func:`epoch_changed` (its next handshake
    decides). Pushes without an epoch (versions before epochs) go as before."""
    if epoch is None or current is None or epoch == current:
        return
    state = connection.execute(
        select(DeviceEpoch.state).where(DeviceEpoch.device_id == device_id,
                                        DeviceEpoch.epoch == epoch)
    ).scalar_one_or_none()
    raise device_copied() if state == EpochState.COPY else epoch_changed()

"""Offices, enrollment codes, devices and their revocation.

Services take a session inside an open transaction and keyword-only arguments; they validate,
write, and return what changed. User errors raise :class:`DeviceError` with a stable code and a
German message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync_server.db import utcnow
from sync_server.models import Device, EnrollmentCode, Office
from sync_server.services import audit
from sync_server.services.tokens import hash_secret, new_enrollment_code, new_token, normalise_code


class DeviceError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


def create_office(session: Session, *, name: str, municipality: str, actor: str) -> Office:
    name, municipality = name.strip(), municipality.strip()
    if not name or len(name) > 200:
        raise DeviceError(400, "invalid_name", "Der Name des Büros fehlt oder ist zu lang.")
    if not municipality or len(municipality) > 64:
        raise DeviceError(400, "invalid_municipality", "Die Kommune fehlt oder ist zu lang.")
    office = Office(name=name, municipality=municipality, last_seq=0)
    session.add(office)
    session.flush()
    audit.record(
        session, actor=actor, action="office.add", office_id=office.id, detail={"name": name}
    )
    return office


@dataclass(frozen=True)
class IssuedCode:
    code: str
    office_id: str
    expires_at: dt.datetime


def issue_enrollment_code(
    session: Session, *, office_id: str, ttl: dt.timedelta, actor: str
) -> IssuedCode:
    if session.get(Office, office_id) is None:
        raise DeviceError(404, "office_not_found", "Dieses Büro gibt es nicht.")
    code = new_enrollment_code()
    expires_at = utcnow() + ttl
    session.add(
        EnrollmentCode(
            code_hash=hash_secret(normalise_code(code)), office_id=office_id, expires_at=expires_at
        )
    )
    audit.record(
        session,
        actor=actor,
        action="device.code",
        office_id=office_id,
        detail={"expires_at": expires_at.isoformat()},
    )
    return IssuedCode(code=code, office_id=office_id, expires_at=expires_at)


@dataclass(frozen=True)
class Enrollment:
    device: Device
    office: Office
    token: str


def enroll(session: Session, *, code: str, device_name: str, app_version: str) -> Enrollment:
    """Spends a one-time code on a new device; the token is returned once and stored hashed.

    The code row is claimed with a conditional UPDATE, so two devices racing for one code
    cannot both win, on SQLite or PostgreSQL.
    """
    code_hash = hash_secret(normalise_code(code))
    row = session.get(EnrollmentCode, code_hash)
    if row is None:
        raise DeviceError(403, "enrollment_code_invalid", "Der Registrierungscode ist ungültig.")
    if row.used_at is not None:
        raise DeviceError(
            409,
            "enrollment_code_used",
            "Dieser Registrierungscode wurde schon verwendet. "
            "Bitte einen neuen Code bei der IT anfordern.",
        )
    now = utcnow()
    if row.expires_at <= now:
        raise DeviceError(
            410,
            "enrollment_code_expired",
            "Dieser Registrierungscode ist abgelaufen. "
            "Bitte einen neuen Code bei der IT anfordern.",
        )
    token = new_token()
    device = Device(
        office_id=row.office_id,
        name=device_name.strip() or "Gerät",
        app_version=app_version,
        token_hash=hash_secret(token),
        last_seen_at=now,
    )
    session.add(device)
    session.flush()
    claimed = session.execute(
        update(EnrollmentCode)
        .where(EnrollmentCode.code_hash == code_hash, EnrollmentCode.used_at.is_(None))
        .values(used_at=now, used_by_device_id=device.id)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise DeviceError(
            409,
            "enrollment_code_used",
            "Dieser Registrierungscode wurde schon verwendet. "
            "Bitte einen neuen Code bei der IT anfordern.",
        )
    office = session.get_one(Office, row.office_id)
    audit.record(
        session,
        actor=f"device:{device.id}",
        action="device.enroll",
        office_id=office.id,
        device_id=device.id,
    )
    return Enrollment(device=device, office=office, token=token)


def revoke_device(session: Session, *, device_id: str, wipe: bool, actor: str) -> Device:
    device = session.get(Device, device_id)
    if device is None:
        raise DeviceError(404, "device_not_found", "Dieses Gerät gibt es nicht.")
    device.revoked_at = device.revoked_at or utcnow()
    device.wipe_ordered = device.wipe_ordered or wipe
    audit.record(
        session,
        actor=actor,
        action="device.revoke",
        office_id=device.office_id,
        device_id=device.id,
        detail={"wipe": device.wipe_ordered},
    )
    return device


def list_devices(session: Session, *, office_id: str | None = None) -> list[Device]:
    query = select(Device).order_by(Device.office_id, Device.enrolled_at)
    if office_id is not None:
        query = query.where(Device.office_id == office_id)
    return list(session.scalars(query))


def list_offices(session: Session) -> list[Office]:
    return list(session.scalars(select(Office).order_by(Office.name)))


def touch_device(session: Session, *, device_id: str, app_version: str) -> Office:
    device = session.get_one(Device, device_id)
    device.last_seen_at = utcnow()
    device.app_version = app_version
    return session.get_one(Office, device.office_id)


def set_key_check(session: Session, *, office_id: str, device_id: str, key_check: str) -> bool:
    """Sets the office's key check value once; returns True if this call set it.

    Sending the same value again is fine (a retry after a lost reply); another value is refused,
    because it would lock every other device of the office out of the office key.
    """
    claimed = session.execute(
        update(Office)
        .where(Office.id == office_id, Office.key_check.is_(None))
        .values(key_check=key_check)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount == 1:  # type: ignore[attr-defined]
        audit.record(
            session,
            actor=f"device:{device_id}",
            action="office.key_check",
            office_id=office_id,
            device_id=device_id,
        )
        return True
    current = session.scalar(select(Office.key_check).where(Office.id == office_id))
    if current != key_check:
        raise DeviceError(
            409,
            "key_check_exists",
            "Für dieses Büro gibt es schon einen Büroschlüssel. "
            "Bitte mit dem Wiederherstellungsschlüssel des Büros beitreten.",
        )
    return False


def get_key_check(session: Session, *, office_id: str) -> str | None:
    return session.scalar(select(Office.key_check).where(Office.id == office_id))

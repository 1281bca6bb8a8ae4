"""Offices, enrollment codes, devices and their revocation.

Services take a session inside an open transaction and keyword-only arguments; they validate,
write, and return what changed. User errors raise :class:`DeviceError` with a stable code and a
German message.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from kim_protocol.catalogs import default_catalogs
from kim_protocol.export_text import invisible
from kim_protocol.wire import DEFAULT_DEVICE_NAME
from sync_server.db import utcnow
from sync_server.models import Device, EnrollmentCode, Office, OfficeMunicipality
from sync_server.services import audit
from sync_server.services.tokens import hash_secret, new_enrollment_code, new_token, normalise_code


class DeviceError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status, self.code, self.message = status, code, message


def _municipality_codes(names: Sequence[str]) -> list[str]:
    """Catalog codes for what an admin typed (a code or a name, any case), in order, once."""
    known: dict[str, str] = {}
    for entry in default_catalogs().municipalities:
        known[entry.code.casefold()] = known[entry.label.casefold()] = entry.code
    codes: list[str] = []
    for name in names:
        code = known.get(name.strip().casefold())
        if code is None:
            raise DeviceError(
                400, "invalid_municipality",
                f"Die Kommune „{name.strip()[:64]}“ ist nicht bekannt. Bekannt sind: "
                + ", ".join(e.label for e in default_catalogs().municipalities) + ".",
            )
        if code not in codes:
            codes.append(code)
    if not codes:
        raise DeviceError(400, "invalid_municipality", "Mindestens eine Kommune ist nötig.")
    return codes


#: Marks, embeddings, overrides and isolates of the Unicode bidirectional algorithm: in an
#: office name they would turn the text around in a terminal, a page or a PDF.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                           "\u2066\u2067\u2068\u2069")


def _plain_text(text: str) -> bool:
    """Whether ``text`` holds no control, invisible (bidi controls, zero widths, the soft
    hyphen), surrogate or line separator character: a device's name and version are shown in
    the admin's terminal and on the IT page as they were sent."""
    return not any(unicodedata.category(ch) in {"Cc", "Cs", "Zl", "Zp"} or invisible(ch)
                   for ch in text)


def _office_name(raw: str) -> str:
    """The name as stored; refuses an empty or long one, control characters (ANSI escape
    sequences in the admin's terminal) and bidi controls."""
    name = raw.strip()
    if not name or len(name) > 200:
        raise DeviceError(400, "invalid_name", "Der Name des Büros fehlt oder ist zu lang.")
    if any(unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS for ch in name):
        raise DeviceError(400, "invalid_name",
                          "Der Name des Büros darf keine Steuerzeichen und keine Zeichen zur "
                          "Steuerung der Schreibrichtung enthalten.")
    return name


def _set_municipalities(session: Session, office: Office, codes: list[str]) -> None:
    session.execute(delete(OfficeMunicipality).where(OfficeMunicipality.office_id == office.id))
    session.add_all(OfficeMunicipality(office_id=office.id, municipality=c) for c in codes)
    office.municipality = codes[0]


def check_municipalities_free(
    session: Session, municipalities: Sequence[str], *, office_id: str | None = None
) -> None:
    """Refuses a municipality another office serves: its devices could then shift that
    office's figures (and read them by adding and withdrawing facts). ``office_id`` is the
    office being edited."""
    codes = _municipality_codes(municipalities)
    taken = session.execute(
        select(OfficeMunicipality.municipality, Office.name)
        .join(Office, Office.id == OfficeMunicipality.office_id)
        .where(OfficeMunicipality.municipality.in_(codes),
               OfficeMunicipality.office_id != (office_id or ""))
        .order_by(Office.name)
    ).first()
    if taken is not None:
        label = default_catalogs().municipalities.label(taken.municipality)
        raise DeviceError(
            409, "municipality_taken",
            f"Die Kommune {label} wird schon vom Büro „{taken.name}“ betreut. Eine Kommune "
            "gehört zu genau einem Büro: sonst verschieben die Geräte des einen Büros die Zahlen "
            "des anderen.")


def create_office(
    session: Session, *, name: str, municipalities: Sequence[str], actor: str
) -> Office:
    """An office serving ``municipalities`` (codes or names; the first is its seat)."""
    name = _office_name(name)
    codes = _municipality_codes(municipalities)
    office = Office(name=name, municipality=codes[0], last_seq=0)
    session.add(office)
    session.flush()
    _set_municipalities(session, office, codes)
    audit.record(
        session, actor=actor, action="office.add", office_id=office.id,
        detail={"name": name, "municipalities": codes},
    )
    return office


def edit_office(
    session: Session, *, office_id: str, name: str | None = None,
    municipalities: Sequence[str] | None = None, actor: str,
) -> Office:
    """Renames an office or replaces the list of municipalities it serves."""
    office = session.get(Office, office_id)
    if office is None:
        raise DeviceError(404, "office_not_found", "Dieses Büro gibt es nicht.")
    detail: dict[str, object] = {}
    if name is not None:
        office.name = detail["name"] = _office_name(name)
    if municipalities is not None:
        codes = _municipality_codes(municipalities)
        _set_municipalities(session, office, codes)
        detail["municipalities"] = codes
    audit.record(session, actor=actor, action="office.edit", office_id=office.id, detail=detail)
    return office


def office_municipalities(session: Session, office_id: str) -> list[str]:
    """The codes of the municipalities an office serves, its seat first."""
    office = session.get_one(Office, office_id)
    codes = sorted(session.scalars(
        select(OfficeMunicipality.municipality).where(OfficeMunicipality.office_id == office_id)
    ))
    return sorted(codes, key=lambda code: code != office.municipality)


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
    if not (_plain_text(device_name) and _plain_text(app_version)):
        raise DeviceError(422, "invalid_device_text",
                          "Name und Version des Geräts dürfen keine Steuerzeichen, keine "
                          "unsichtbaren Zeichen und keine Zeichen zur Steuerung der "
                          "Schreibrichtung enthalten.")
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
    name = device_name.strip()
    if name in ("", DEFAULT_DEVICE_NAME):
        # Numbered within the office: says nothing about the machine (no host name).
        count = session.scalar(
            select(func.count()).select_from(Device).where(Device.office_id == row.office_id))
        name = f"{DEFAULT_DEVICE_NAME} {int(count or 0) + 1}"
    device = Device(
        office_id=row.office_id,
        name=name,
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
    now = utcnow()
    device.revoked_at = device.revoked_at or now
    device.wipe_ordered = device.wipe_ordered or wipe
    if device.wipe_ordered and device.wipe_ordered_at is None:
        device.wipe_ordered_at = now
    audit.record(
        session,
        actor=actor,
        action="device.revoke",
        office_id=device.office_id,
        device_id=device.id,
        detail={"wipe": device.wipe_ordered},
    )
    return device


def confirm_wipe(session: Session, *, device_id: str, stage: str) -> Device:
    """Records that a device under a wipe order began (``started``) or finished (``done``)
    deleting its data; the first report of each stage counts."""
    device = session.get_one(Device, device_id)
    if not device.wipe_ordered:
        raise DeviceError(
            409, "wipe_not_ordered", "Für dieses Gerät ist keine Löschung angeordnet."
        )
    now = utcnow()
    if stage == "started":
        device.wipe_started_at = device.wipe_started_at or now
    else:
        device.wipe_started_at = device.wipe_started_at or now
        device.wiped_at = device.wiped_at or now
    audit.record(
        session,
        actor=f"device:{device.id}",
        action="device.wiped" if stage == "done" else "device.wipe_started",
        office_id=device.office_id,
        device_id=device.id,
    )
    return device


def _local(moment: dt.datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone().strftime("%d.%m.%Y %H:%M")


def device_state(device: Device) -> str:
    """The device's state in words, for the CLI and the admin page."""
    if device.revoked_at is None:
        copied, started = device.copy_detected_at, device.epoch_started_at
        if copied is not None and (started is None or copied >= started):
            return (f"aktiv, Kopie erkannt am {_local(copied)}: "
                    "die Kopie muss neu registriert werden")
        if started is not None:
            return f"aktiv, zurückgespielt oder umgezogen am {_local(started)}"
        return "aktiv"
    if not device.wipe_ordered:
        return "gesperrt"
    if device.wiped_at is not None:
        return f"gesperrt, gelöscht am {_local(device.wiped_at)}"
    if device.wipe_started_at is not None:
        return (f"gesperrt, Löschung begonnen am {_local(device.wipe_started_at)}, "
                "noch nicht als beendet gemeldet")
    return "gesperrt, Löschung angeordnet, noch nicht bestätigt"


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
    because it would lock every other device of the office out of the office key. A device
    that sets it is of a version with the key subkeys, so the value is of the current form and
    is never renewed (:func:`renew_key_check`).
    """
    claimed = session.execute(
        update(Office)
        .where(Office.id == office_id, Office.key_check.is_(None))
        .values(key_check=key_check, key_check_renewed=True)
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


def renew_key_check(session: Session, *, office_id: str, device_id: str, key_check: str,
                    replaces: str) -> bool:
    """Replaces the old-form check value ``replaces`` with ``key_check``, once per office.

    The server cannot tell the forms apart, and every device of the office can read the current
    value; so only a value of before the subkeys may be renewed (``key_check_renewed`` false:
    set before migration 0008), and only once. A value a current device set, or one renewed
    already, is never replaced. The same value again is fine (a retry, or a second device of
    the office a moment later); anything else is refused.
    """
    renewed = session.execute(
        update(Office)
        .where(Office.id == office_id, Office.key_check == replaces,
               Office.key_check_renewed.is_(False))
        .values(key_check=key_check, key_check_renewed=True)
        .execution_options(synchronize_session=False)
    )
    if renewed.rowcount == 1:  # type: ignore[attr-defined]
        audit.record(session, actor=f"device:{device_id}", action="office.key_check_renewed",
                     office_id=office_id, device_id=device_id)
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


def reset_key_check(session: Session, *, office_id: str, actor: str) -> Office:
    """Forgets the office's key check value (IT's way out when a wrong value was set): the
    next device that joins with the office recovery key sets it again, in the current form."""
    office = session.get(Office, office_id)
    if office is None:
        raise DeviceError(404, "office_not_found", "Dieses Büro gibt es nicht.")
    office.key_check = None
    office.key_check_renewed = False
    audit.record(session, actor=actor, action="office.key_check_reset", office_id=office.id)
    return office


def get_key_check(session: Session, *, office_id: str) -> str | None:
    return session.scalar(select(Office.key_check).where(Office.id == office_id))

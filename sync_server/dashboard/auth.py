"""Dashboard accounts and logins: argon2 hashes, lockout, optional TOTP, database sessions.

Every failure a person can cause comes back as :class:`LoginError` with a German message that
does not say whether the name exists.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sync_server.dashboard.models import DashboardSession, DashboardUser, Role
from sync_server.db import utcnow

MIN_PASSWORD_LENGTH = 12
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=15)
SESSION_LIFETIME = dt.timedelta(hours=8)
#: A login that passed the password has this long to give its TOTP code.
PENDING_LIFETIME = dt.timedelta(minutes=5)

_hasher = PasswordHasher()
#: Verified against when the name is unknown, so both cases take the same time.
_DUMMY_HASH = _hasher.hash("kein-echtes-passwort-nur-fuer-gleiche-laufzeit")


class LoginError(Exception):
    """A login or account problem with a German message for the person."""


@dataclass(frozen=True)
class LoginResult:
    #: The cookie value; only its hash is stored.
    token: str
    needs_totp: bool


@dataclass(frozen=True)
class CurrentUser:
    id: int
    name: str
    role: Role
    csrf_token: str
    token_hash: str


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise LoginError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein.")


def add_user(
    session: Session, *, name: str, role: Role, password: str, with_totp: bool = False
) -> DashboardUser:
    """Creates an account; with ``with_totp`` it also gets a fresh TOTP secret."""
    name = name.strip()
    if not name or len(name) > 100:
        raise LoginError("Der Name muss 1 bis 100 Zeichen lang sein.")
    check_password_policy(password)
    if session.scalar(select(DashboardUser).where(DashboardUser.name == name)) is not None:
        raise LoginError(f"Ein Konto mit dem Namen {name!r} gibt es schon.")
    user = DashboardUser(
        name=name,
        role=role.value,
        password_hash=_hasher.hash(password),
        totp_secret=pyotp.random_base32() if with_totp else None,
    )
    session.add(user)
    session.flush()
    return user


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_session(session: Session, user: DashboardUser, *, complete: bool) -> str:
    token = secrets.token_urlsafe(32)
    lifetime = SESSION_LIFETIME if complete else PENDING_LIFETIME
    session.add(
        DashboardSession(
            token_hash=_hash_token(token),
            user_id=user.id,
            csrf_token=secrets.token_urlsafe(32),
            complete=complete,
            expires_at=utcnow() + lifetime,
        )
    )
    return token


def _register_failure(user: DashboardUser, now: dt.datetime) -> None:
    user.failed_attempts += 1
    if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
        user.locked_until = now + LOCKOUT
        user.failed_attempts = 0


def _locked_message(until: dt.datetime) -> str:
    minutes = max(1, int((until - utcnow()).total_seconds() // 60) + 1)
    return (
        "Zu viele Fehlversuche: Das Konto ist gesperrt. "
        f"Bitte versuchen Sie es in etwa {minutes} Minuten erneut."
    )


def login(session: Session, *, name: str, password: str) -> LoginResult:
    """Checks name and password. Commit the session afterwards even on failure (the counter)."""
    now = utcnow()
    user = session.scalar(select(DashboardUser).where(DashboardUser.name == name.strip()))
    if user is None:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_DUMMY_HASH, password)
        raise LoginError("Name oder Passwort ist falsch.")
    if user.locked_until is not None and user.locked_until > now:
        raise LoginError(_locked_message(user.locked_until))
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        _register_failure(user, now)
        if user.locked_until is not None and user.locked_until > now:
            raise LoginError(_locked_message(user.locked_until)) from None
        raise LoginError("Name oder Passwort ist falsch.") from None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    needs_totp = user.totp_secret is not None
    if not needs_totp:
        user.failed_attempts = 0
    return LoginResult(_new_session(session, user, complete=not needs_totp), needs_totp)


def verify_totp(session: Session, *, token: str, code: str) -> str:
    """Completes a pending login with a TOTP code; returns the new (full) session cookie."""
    now = utcnow()
    pending = session.get(DashboardSession, _hash_token(token))
    if pending is None or pending.complete or pending.expires_at <= now:
        raise LoginError("Die Anmeldung ist abgelaufen. Bitte melden Sie sich neu an.")
    user = session.get(DashboardUser, pending.user_id)
    assert user is not None and user.totp_secret is not None
    if user.locked_until is not None and user.locked_until > now:
        session.delete(pending)
        raise LoginError(_locked_message(user.locked_until))
    if not pyotp.TOTP(user.totp_secret).verify(code.strip(), valid_window=1):
        _register_failure(user, now)
        if user.locked_until is not None and user.locked_until > now:
            session.delete(pending)
            raise LoginError(_locked_message(user.locked_until))
        raise LoginError("Der Sicherheitscode ist falsch.")
    user.failed_attempts = 0
    # A fresh token on privilege change: the pending cookie is worth nothing afterwards.
    session.delete(pending)
    return _new_session(session, user, complete=True)


def current_user(session: Session, token: str | None) -> CurrentUser | None:
    """The logged-in user of a cookie value, or None (unknown, pending or expired)."""
    if not token:
        return None
    row = session.get(DashboardSession, _hash_token(token))
    if row is None or not row.complete or row.expires_at <= utcnow():
        return None
    user = session.get(DashboardUser, row.user_id)
    if user is None:
        return None
    return CurrentUser(user.id, user.name, Role(user.role), row.csrf_token, row.token_hash)


def logout(session: Session, token: str | None) -> None:
    if token:
        session.execute(
            delete(DashboardSession).where(DashboardSession.token_hash == _hash_token(token))
        )


def sweep_expired_sessions(session: Session) -> int:
    result = session.execute(
        delete(DashboardSession).where(DashboardSession.expires_at <= utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)


def csrf_matches(expected: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


def totp_uri(name: str, secret: str) -> str:
    """The otpauth:// URI an authenticator app takes (as text or QR code)."""
    return pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name="KIM Koordination")

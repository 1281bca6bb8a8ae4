"""Dashboard accounts and logins: argon2 hashes, lockout, optional TOTP, database sessions.

Every failure a person can cause comes back as :class:`LoginError` with a German message. A
failed password step answers the same for an unknown name, a wrong password, a locked and a
disabled account (:data:`LOGIN_FAILED`), and each of them verifies one argon2 hash, so neither
the text nor the time tells which accounts exist or which are locked.

TOTP secrets are stored sealed with AES-256-GCM under a key derived (HKDF) from the setting
``KIM_SERVER_SECRET_KEY``, bound to the account's name; a copy of the database alone does not
give the second factor away. A code is accepted once: the time step of the last accepted code
is kept, and a code of that step or an earlier one is refused, across workers too (one
conditional UPDATE decides).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from sync_server.dashboard.models import (
    DashboardSession,
    DashboardUser,
    DashboardUserMunicipality,
    Role,
)
from sync_server.db import utcnow

MIN_PASSWORD_LENGTH = 12
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = dt.timedelta(minutes=15)
SESSION_LIFETIME = dt.timedelta(hours=8)
#: A login that passed the password has this long to give its TOTP code.
PENDING_LIFETIME = dt.timedelta(minutes=5)
#: A code of the step before or after the current one still counts (clocks drift).
TOTP_WINDOW = 1
_SEALED_PREFIX = "v1:"
_NO_SECRET_KEY = (
    "Für den zweiten Faktor (TOTP) braucht der Server die Einstellung KIM_SERVER_SECRET_KEY "
    "(mindestens 32 zufällige Zeichen, z. B. aus „openssl rand -hex 32“). Bitte die IT fragen."
)

_hasher = PasswordHasher()
#: Verified against when the name is unknown, so both cases take the same time.
_DUMMY_HASH = _hasher.hash("kein-echtes-passwort-nur-fuer-gleiche-laufzeit")


#: The answer to every failed password step.
LOGIN_FAILED = (
    "Name oder Passwort ist falsch, oder das Konto ist gesperrt. Nach "
    f"{MAX_FAILED_ATTEMPTS} Fehlversuchen bleibt ein Konto {int(LOCKOUT.total_seconds() // 60)} "
    "Minuten gesperrt; ein deaktiviertes Konto öffnet die IT wieder."
)


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
    #: The municipalities a coordinator may see; None: the whole Kreis.
    municipalities: frozenset[str] | None = None


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise LoginError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein.")


def _totp_cipher(secret_key: str) -> AESGCM:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"kim-server totp secret v1").derive(secret_key.encode("utf-8"))
    return AESGCM(key)


def _aad(name: str) -> bytes:
    return b"kim-server totp secret\x00" + name.encode("utf-8")


def seal_totp_secret(secret_key: str, name: str, secret: str) -> str:
    nonce = secrets.token_bytes(12)
    sealed = _totp_cipher(secret_key).encrypt(nonce, secret.encode("ascii"), _aad(name))
    return _SEALED_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def totp_secret(user: DashboardUser, secret_key: str | None) -> str | None:
    """The account's base32 TOTP secret (None: no second factor)."""
    stored = user.totp_secret
    if stored is None or not stored.startswith(_SEALED_PREFIX):
        return stored
    if secret_key is None:
        raise LoginError(_NO_SECRET_KEY)
    raw = base64.b64decode(stored[len(_SEALED_PREFIX):])
    try:
        return _totp_cipher(secret_key).decrypt(raw[:12], raw[12:], _aad(user.name)).decode()
    except (InvalidTag, ValueError):
        raise LoginError(
            "Der zweite Faktor dieses Kontos passt nicht zum Server-Schlüssel "
            "KIM_SERVER_SECRET_KEY. Bitte die IT fragen."
        ) from None


def seal_plaintext_totp_secrets(session: Session, secret_key: str) -> int:
    """Seals the TOTP secrets stored before they were encrypted; returns how many."""
    sealed = 0
    for user in session.scalars(select(DashboardUser).where(
            DashboardUser.totp_secret.is_not(None))):
        assert user.totp_secret is not None
        if not user.totp_secret.startswith(_SEALED_PREFIX):
            user.totp_secret = seal_totp_secret(secret_key, user.name, user.totp_secret)
            sealed += 1
    return sealed


def add_user(
    session: Session, *, name: str, role: Role, password: str, with_totp: bool = False,
    secret_key: str | None = None,
) -> DashboardUser:
    """Creates an account; with ``with_totp`` it also gets a fresh TOTP secret, sealed under
    ``secret_key`` (read it back with :func:`totp_secret`)."""
    if with_totp and secret_key is None:
        raise LoginError(_NO_SECRET_KEY)
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
        totp_secret=seal_totp_secret(secret_key, name, pyotp.random_base32())
        if with_totp and secret_key is not None else None,
    )
    session.add(user)
    session.flush()
    return user


def set_password(user: DashboardUser, password: str) -> None:
    check_password_policy(password)
    user.password_hash = _hasher.hash(password)


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
    """Checks name and password. Commit the session afterwards even on failure (the counter).

    Unknown, locked and disabled accounts get :data:`LOGIN_FAILED` after one hash
    verification, like a wrong password."""
    now = utcnow()
    user = session.scalar(select(DashboardUser).where(DashboardUser.name == name.strip()))
    closed = user is None or user.disabled_at is not None or (
        user.locked_until is not None and user.locked_until > now)
    try:
        _hasher.verify(_DUMMY_HASH if user is None else user.password_hash, password)
    except (VerificationError, InvalidHashError):
        if not closed:
            assert user is not None
            _register_failure(user, now)
        raise LoginError(LOGIN_FAILED) from None
    if closed or user is None:
        raise LoginError(LOGIN_FAILED)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    needs_totp = user.totp_secret is not None
    if not needs_totp:
        user.failed_attempts = 0
    return LoginResult(_new_session(session, user, complete=not needs_totp), needs_totp)


def _accepted_step(secret: str, code: str) -> int | None:
    """The time step ``code`` belongs to, within the window around now; None if none."""
    totp = pyotp.TOTP(secret)
    now = time.time()
    current = totp.timecode(dt.datetime.fromtimestamp(now, dt.UTC))
    for offset in range(-TOTP_WINDOW, TOTP_WINDOW + 1):
        expected = totp.at(now + offset * totp.interval)
        if hmac.compare_digest(expected.encode(), code.encode()):
            return int(current + offset)
    return None


def _spend(session: Session, user: DashboardUser, step: int) -> bool:
    """Marks ``step`` as used; False when it (or a later one) was used already."""
    result = session.execute(
        update(DashboardUser)
        .where(DashboardUser.id == user.id,
               or_(DashboardUser.totp_last_step.is_(None), DashboardUser.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def verify_totp(session: Session, *, token: str, code: str,
                secret_key: str | None = None) -> str:
    """Completes a pending login with a TOTP code; returns the new (full) session cookie.

    Each code is accepted once. A secret stored before they were encrypted is sealed under
    ``secret_key`` on the way.
    """
    now = utcnow()
    pending = session.get(DashboardSession, _hash_token(token))
    if pending is None or pending.complete or pending.expires_at <= now:
        raise LoginError("Die Anmeldung ist abgelaufen. Bitte melden Sie sich neu an.")
    user = session.get(DashboardUser, pending.user_id)
    assert user is not None
    secret = totp_secret(user, secret_key)
    assert secret is not None
    if user.locked_until is not None and user.locked_until > now:
        session.delete(pending)
        raise LoginError(_locked_message(user.locked_until))
    step = _accepted_step(secret, code.strip())
    spent = step is not None and not _spend(session, user, step)
    if step is None or spent:
        _register_failure(user, now)
        if user.locked_until is not None and user.locked_until > now:
            session.delete(pending)
            raise LoginError(_locked_message(user.locked_until))
        if spent:
            raise LoginError("Dieser Sicherheitscode wurde schon verwendet. Bitte den nächsten "
                             "Code der App abwarten.")
        raise LoginError("Der Sicherheitscode ist falsch.")
    if secret_key is not None and user.totp_secret == secret:
        user.totp_secret = seal_totp_secret(secret_key, user.name, secret)
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
    if user is None or user.disabled_at is not None:
        return None
    allowed = frozenset(session.scalars(select(DashboardUserMunicipality.municipality).where(
        DashboardUserMunicipality.user_id == user.id)))
    return CurrentUser(user.id, user.name, Role(user.role), row.csrf_token, row.token_hash,
                       allowed or None)


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

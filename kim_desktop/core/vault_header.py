"""The vault's header file: who may open the database, and the data key sealed for each.

``vault.json`` beside the database holds, in plain JSON:

* ``format``/``version`` and a random ``vault_id``;
* per local user: name, role, the Argon2id parameters and salt, the user's X25519 private key
  sealed with AES-256-GCM under the Argon2id result, the public key, and the data key sealed
  to that public key (an ephemeral X25519 key, HKDF, AES-256-GCM). The associated data bind
  vault id, name and role, so editing a role in the file makes that entry unusable rather
  than more powerful;
* the data key sealed once more to the recovery key's X25519 public key (the private key is
  derived from the 256 recovery bits by HKDF);
* a SHA-256 ``checksum`` over the rest, so a damaged file is told apart from a wrong password,
  and a ``mac``: HMAC-SHA256 under a key derived from the data key, so nobody without the
  data key can change a byte unnoticed (a swapped public key, a removed user).

Sealing to public keys lets :meth:`Vault.rekey` give every user and the recovery key a new
data key without knowing their passwords. Argon2id parameters outside :data:`ARGON2_BOUNDS`
are refused before anything is derived, so an edited header cannot make an unlock run for
hours.

Version 1 headers (the data key sealed directly under each password and the recovery key, a
plain checksum) are still read; each user's entry is rewritten in the current form at their
next sign-in, the recovery entry when the recovery key is next used (see docs/vault.md).

The file is never edited in place: every change writes a temporary file, fsyncs it, and
renames it over the old one, so a crash leaves either the old or the new header; the old
file's content is then overwritten before it is unlinked.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kim_desktop.core.errors import VaultCorrupt, VaultError
from kim_desktop.core.key_memory import taken, wipe
from kim_desktop.core.passwords import MAX_NAME_LENGTH, normalise

HEADER_NAME = "vault.json"
FORMAT = "kim-desktop-vault"
VERSION = 2
LEGACY_VERSION = 1


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int


#: Argon2id cost of new wraps: 128 MiB (RFC 9106 suggests 64 MiB or more), 4 lanes and 4
#: passes: about 0.4 s of CPU on the 2-core development machine (``bench/vault.py``); the wall
#: clock is longer while other processes compete for the CPU. Each wrap stores its own
#: parameters, so raising them later only affects passwords set from then on.
DEFAULT_ARGON2 = Argon2Params(memory_kib=128 * 1024, iterations=4, lanes=4)

#: What a header may ask for: (lowest, highest) per parameter. The program has only ever
#: written :data:`DEFAULT_ARGON2`; the highest bounds leave it twice the room per parameter
#: (about 4 s of CPU here at most), and anything beyond is an edited file, refused before
#: deriving. The memory must also be at least 8 KiB per lane (Argon2's own rule).
ARGON2_BOUNDS = {"memory_kib": (8, 256 * 1024), "iterations": (1, 8), "lanes": (1, 8)}

#: A header of ours is a few kilobytes (about one per user); a larger file is refused unread.
MAX_HEADER_BYTES = 1024 * 1024
MAX_VAULT_ID_LENGTH = 64
#: Byte lengths every header of ours has: X25519 keys, GCM nonces, a sealed 32-byte key
#: (with its 16-byte tag), and the range of salts.
_KEY_BYTES = 32
_NONCE_BYTES = 12
_SEALED_BYTES = 48
_SALT_BYTES = (8, 64)


@dataclass(frozen=True)
class Sealed:
    """A key sealed with AES-256-GCM: the salt for the wrapping key, nonce, ciphertext."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class SealedTo:
    """The data key sealed to an X25519 public key: the ephemeral public key, nonce, ciphertext."""

    ephemeral: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class UserEntry:
    name: str
    role: str
    argon2: Argon2Params
    #: The user's private key under the password (a version 1 entry: the data key itself).
    sealed: Sealed
    #: None for a version 1 entry.
    public_key: bytes | None = None
    data_key: SealedTo | None = None

    @property
    def legacy(self) -> bool:
        return self.public_key is None


@dataclass(frozen=True)
class Recovery:
    public_key: bytes | None
    data_key: SealedTo | None
    #: A version 1 entry: the data key sealed under the recovery key through HKDF.
    legacy: Sealed | None = None


@dataclass(frozen=True)
class Header:
    vault_id: str
    users: tuple[UserEntry, ...]
    recovery: Recovery
    #: As read: the MAC the file carried (None in a version 1 file); ignored when writing.
    mac: str | None = None

    def user(self, name: str) -> UserEntry | None:
        return next((entry for entry in self.users if entry.name == name), None)

    def with_user(self, entry: UserEntry) -> Header:
        others = tuple(u for u in self.users if u.name != entry.name)
        if len(others) == len(self.users):
            return replace(self, users=(*self.users, entry))
        return replace(self, users=tuple(entry if u.name == entry.name else u for u in self.users))

    @property
    def legacy_users(self) -> list[str]:
        return [entry.name for entry in self.users if entry.legacy]


def _aead_user(vault_id: str, name: str, role: str, version: int = VERSION) -> bytes:
    return json.dumps(["kim-vault", version, vault_id, "user", name, role]).encode()


def _aead_private(vault_id: str, name: str, role: str) -> bytes:
    return json.dumps(["kim-vault", VERSION, vault_id, "user-private", name, role]).encode()


def _aead_recovery(vault_id: str, version: int = VERSION) -> bytes:
    return json.dumps(["kim-vault", version, vault_id, "recovery"]).encode()


def check_argon2(params: Argon2Params) -> None:
    """Refuse parameters no header of ours holds, before a single byte is derived."""
    for name, (low, high) in ARGON2_BOUNDS.items():
        if not low <= getattr(params, name) <= high:
            raise VaultCorrupt("header_kdf_bounds", file=HEADER_NAME)
    if params.memory_kib < 8 * params.lanes:
        raise VaultCorrupt("header_kdf_bounds", file=HEADER_NAME)


def _password_key(password: str, salt: bytes, params: Argon2Params) -> bytes:
    check_argon2(params)
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(password.encode("utf-8"))


def _hkdf(secret: bytes | bytearray, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def _seal(wrapping_key: bytes, secret: bytes | bytearray, aad: bytes, salt: bytes) -> Sealed:
    nonce = secrets.token_bytes(12)
    return Sealed(salt, nonce, AESGCM(wrapping_key).encrypt(nonce, secret, aad))


def _open(wrapping_key: bytes, sealed: Sealed, aad: bytes) -> bytearray | None:
    try:
        return taken(AESGCM(wrapping_key).decrypt(sealed.nonce, sealed.ciphertext, aad))
    except InvalidTag:
        return None


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _to_key(ephemeral: bytes, recipient: bytes, shared: bytes) -> bytes:
    return _hkdf(shared, b"kim-vault sealed to key v2", salt=ephemeral + recipient)


def _seal_to(public_key: bytes, data_key: bytes | bytearray, aad: bytes) -> SealedTo:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    nonce = secrets.token_bytes(12)
    ciphertext = AESGCM(_to_key(ephemeral_public, public_key, shared)).encrypt(
        nonce, data_key, aad)
    return SealedTo(ephemeral_public, nonce, ciphertext)


def _open_to(private_key: X25519PrivateKey, sealed: SealedTo, aad: bytes) -> bytearray | None:
    public = _raw_public(private_key.public_key())
    try:
        shared = private_key.exchange(X25519PublicKey.from_public_bytes(sealed.ephemeral))
    except ValueError:
        return None
    wrapping_key = _to_key(sealed.ephemeral, public, shared)
    wipe(shared)
    try:
        return taken(AESGCM(wrapping_key).decrypt(sealed.nonce, sealed.ciphertext, aad))
    except InvalidTag:
        return None
    finally:
        wipe(wrapping_key)


def seal_for_user(
    vault_id: str, name: str, role: str, password: str, data_key: bytes | bytearray
) -> UserEntry:
    """A new entry: a fresh key pair, its private half under ``password``."""
    params = DEFAULT_ARGON2
    salt = secrets.token_bytes(16)
    wrapping_key = _password_key(normalise(password), salt, params)
    private = X25519PrivateKey.generate()
    public = _raw_public(private.public_key())
    private_raw = private.private_bytes_raw()
    sealed = _seal(wrapping_key, private_raw, _aead_private(vault_id, name, role), salt)
    wipe(private_raw)
    wipe(wrapping_key)
    return UserEntry(name, role, params, sealed, public,
                     _seal_to(public, data_key, _aead_user(vault_id, name, role)))


def open_for_user(
    vault_id: str, entry: UserEntry, password: str, *, other_roles: tuple[str, ...] = ()
) -> bytearray | None:
    """The data key, or None when the password does not fit.

    The key is derived from the normalised password (:func:`normalise`); an entry written
    before passwords were normalised took the password as typed, so when the two differ and
    the normalised one does not fit, the typed one is tried too.

    The role is bound into the associated data, so an entry whose role was edited opens under
    none. When the password opens it under one of ``other_roles`` (cheap: the Argon2id result
    is reused), the role was changed by hand: :class:`VaultCorrupt` says the header was
    changed instead of calling a right password wrong.
    """
    for typed in dict.fromkeys((normalise(password), password)):
        wrapping_key = _password_key(typed, entry.sealed.salt, entry.argon2)
        try:
            key = _open_entry(wrapping_key, vault_id, entry, entry.role)
            if key is not None:
                return key
            for role in other_roles:
                other = _open_entry(wrapping_key, vault_id, entry, role)
                if other is not None:
                    wipe(other)
                    raise VaultCorrupt("header_role_changed", file=HEADER_NAME)
        finally:
            wipe(wrapping_key)
    return None


def _open_entry(
    wrapping_key: bytes, vault_id: str, entry: UserEntry, role: str
) -> bytearray | None:
    if entry.legacy or entry.data_key is None:
        return _open(wrapping_key, entry.sealed,
                     _aead_user(vault_id, entry.name, role, LEGACY_VERSION))
    private_raw = _open(wrapping_key, entry.sealed, _aead_private(vault_id, entry.name, role))
    if private_raw is None:
        return None
    private_bytes = bytes(private_raw)
    private = X25519PrivateKey.from_private_bytes(private_bytes)
    wipe(private_bytes)
    wipe(private_raw)
    # The password was right: a public key or sealed data key that does not belong to this
    # private key was put there by hand.
    changed = VaultCorrupt("header_tampered", file=HEADER_NAME)
    if not hmac.compare_digest(_raw_public(private.public_key()), entry.public_key or b""):
        raise changed
    key = _open_to(private, entry.data_key, _aead_user(vault_id, entry.name, role))
    if key is None:
        raise changed
    return key


def opens_another_entry(header: Header, name: str, password: str) -> bool:
    """True when ``password`` opens the private key sealed for ``name`` in another user's
    entry: the names were swapped by hand. Asked only when the password did not fit, at one
    Argon2id run per other user."""
    for entry in header.users:
        if entry.name == name or entry.legacy:
            continue
        for typed in dict.fromkeys((normalise(password), password)):
            wrapping_key = _password_key(typed, entry.sealed.salt, entry.argon2)
            try:
                private = _open(wrapping_key, entry.sealed,
                                _aead_private(header.vault_id, name, entry.role))
            finally:
                wipe(wrapping_key)
            if private is not None:
                wipe(private)
                return True
    return False


def _recovery_private(secret: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(_hkdf(secret, b"kim-vault recovery x25519 v2"))


def seal_for_recovery(vault_id: str, secret: bytes, data_key: bytes | bytearray) -> Recovery:
    public = _raw_public(_recovery_private(secret).public_key())
    return Recovery(public, _seal_to(public, data_key, _aead_recovery(vault_id)))


def open_for_recovery(header: Header, secret: bytes) -> bytearray | None:
    recovery = header.recovery
    if recovery.legacy is not None:
        wrapping_key = _hkdf(secret, b"kim-vault recovery wrap", salt=recovery.legacy.salt)
        return _open(wrapping_key, recovery.legacy, _aead_recovery(header.vault_id,
                                                                   LEGACY_VERSION))
    if recovery.data_key is None:
        return None
    return _open_to(_recovery_private(secret), recovery.data_key,
                    _aead_recovery(header.vault_id))


def resealed(header: Header, data_key: bytes | bytearray) -> Header:
    """``header`` with ``data_key`` sealed to every user and to the recovery key.

    Every entry must be of the current form (:attr:`Header.legacy_users` empty, the recovery
    entry converted); the caller checks that first.
    """
    users = []
    for entry in header.users:
        if entry.public_key is None:
            raise VaultError("rekey_legacy_users", names=entry.name)
        users.append(replace(entry, data_key=_seal_to(
            entry.public_key, data_key, _aead_user(header.vault_id, entry.name, entry.role))))
    public = header.recovery.public_key
    if public is None:
        raise VaultError("rekey_needs_recovery_key")
    recovery = Recovery(public, _seal_to(public, data_key, _aead_recovery(header.vault_id)))
    return replace(header, users=tuple(users), recovery=recovery)


def new_vault_id() -> str:
    return str(uuid.uuid4())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, low: int, high: int | None = None) -> bytes:
    """The bytes of a base64 field, which must be text of ``low`` to ``high`` bytes (exactly
    ``low`` without ``high``); anything else is damage."""
    high = low if high is None else high
    if not isinstance(value, str) or len(value) > 4 * (high + 2) // 3 + 4:
        raise ValueError("not a field of ours")
    data = base64.b64decode(value, validate=True)
    if not low <= len(data) <= high:
        raise ValueError("not a field of ours")
    return data


def _sealed_to_json(sealed: Sealed) -> dict[str, str]:
    return {
        "salt": _b64(sealed.salt),
        "nonce": _b64(sealed.nonce),
        "ciphertext": _b64(sealed.ciphertext),
    }


def _sealed_from_json(data: dict[str, Any]) -> Sealed:
    return Sealed(_unb64(data["salt"], *_SALT_BYTES), _unb64(data["nonce"], _NONCE_BYTES),
                  _unb64(data["ciphertext"], _SEALED_BYTES))


def _sealed_to_key_json(sealed: SealedTo) -> dict[str, str]:
    return {
        "ephemeral": _b64(sealed.ephemeral),
        "nonce": _b64(sealed.nonce),
        "ciphertext": _b64(sealed.ciphertext),
    }


def _sealed_to_key_from_json(data: dict[str, Any]) -> SealedTo:
    return SealedTo(_unb64(data["ephemeral"], _KEY_BYTES), _unb64(data["nonce"], _NONCE_BYTES),
                    _unb64(data["ciphertext"], _SEALED_BYTES))


def _user_json(user: UserEntry) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": user.name,
        "role": user.role,
        "kdf": {
            "algorithm": "argon2id",
            "memory_kib": user.argon2.memory_kib,
            "iterations": user.argon2.iterations,
            "lanes": user.argon2.lanes,
        },
    }
    if user.public_key is None or user.data_key is None:
        data["key"] = _sealed_to_json(user.sealed)
    else:
        data["private_key"] = _sealed_to_json(user.sealed)
        data["public_key"] = _b64(user.public_key)
        data["key"] = _sealed_to_key_json(user.data_key)
    return data


def _recovery_json(recovery: Recovery) -> dict[str, Any]:
    if recovery.legacy is not None:
        return {"kdf": {"algorithm": "hkdf-sha256"}, "key": _sealed_to_json(recovery.legacy)}
    assert recovery.public_key is not None and recovery.data_key is not None
    return {
        "kdf": {"algorithm": "hkdf-sha256-x25519"},
        "public_key": _b64(recovery.public_key),
        "key": _sealed_to_key_json(recovery.data_key),
    }


def _body(header: Header) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": header.vault_id,
        "users": [_user_json(u) for u in header.users],
        "recovery": _recovery_json(header.recovery),
    }


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _checksum(body: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(body)).hexdigest()


def _mac_key(data_key: bytes | bytearray) -> bytes:
    return _hkdf(data_key, b"kim-vault header mac v2")


def _mac(body: dict[str, Any], data_key: bytes | bytearray) -> str:
    key = _mac_key(data_key)
    mac = hmac.new(key, _canonical(body), hashlib.sha256).hexdigest()
    wipe(key)
    return mac


def encode(header: Header, data_key: bytes | bytearray) -> bytes:
    body = _body(header)
    document = {**body, "checksum": _checksum(body), "mac": _mac(body, data_key)}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def mac_matches(header: Header, data_key: bytes | bytearray) -> bool:
    """True when the header as read carries the MAC of ``data_key`` (never for version 1)."""
    if header.mac is None:
        return False
    return hmac.compare_digest(header.mac, _mac(_body(header), data_key))


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= limit:
        raise ValueError("not a field of ours")
    return value


def _whole(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("not a field of ours")
    return value


def _user_from_json(u: dict[str, Any]) -> UserEntry:
    argon2 = Argon2Params(
        memory_kib=_whole(u["kdf"]["memory_kib"]),
        iterations=_whole(u["kdf"]["iterations"]),
        lanes=_whole(u["kdf"]["lanes"]),
    )
    name, role = _text(u["name"], MAX_NAME_LENGTH), _text(u["role"], MAX_NAME_LENGTH)
    if "private_key" not in u:
        return UserEntry(name, role, argon2, _sealed_from_json(u["key"]))
    return UserEntry(
        name, role, argon2, _sealed_from_json(u["private_key"]),
        _unb64(u["public_key"], _KEY_BYTES), _sealed_to_key_from_json(u["key"]),
    )


def _recovery_from_json(r: dict[str, Any]) -> Recovery:
    if "public_key" not in r:
        return Recovery(None, None, _sealed_from_json(r["key"]))
    return Recovery(_unb64(r["public_key"], _KEY_BYTES), _sealed_to_key_from_json(r["key"]))


def decode(raw: bytes) -> Header:
    """Parse a header file's bytes; any damage raises :class:`VaultCorrupt`.

    Only the checksum is checked here; :func:`mac_matches` needs the data key. Every field
    must have the type and size our headers give it, the users be a non-empty list of
    distinct names: an edited file is refused here before any key is derived from it.
    """
    damaged = VaultCorrupt("header_damaged", file=HEADER_NAME)
    if len(raw) > MAX_HEADER_BYTES:
        raise damaged
    try:
        document = json.loads(raw.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise damaged
        version = document.get("version")
        if not isinstance(version, int):
            raise damaged
        if version > VERSION:
            raise VaultCorrupt("header_newer")
        checksum = document.pop("checksum", None)
        mac = document.pop("mac", None)
        if checksum != _checksum(document):
            raise damaged
        if version == VERSION and not isinstance(mac, str):
            raise damaged
        if not isinstance(document["users"], list) or not document["users"]:
            raise damaged
        users = tuple(_user_from_json(u) for u in document["users"])
        if len({u.name for u in users}) != len(users):
            raise damaged
        recovery = _recovery_from_json(document["recovery"])
        if version < VERSION and (recovery.legacy is None
                                  or any(not u.legacy for u in users)):
            raise damaged
        return Header(
            vault_id=_text(document["vault_id"], MAX_VAULT_ID_LENGTH),
            users=users,
            recovery=recovery,
            mac=mac if version == VERSION else None,
        )
    except VaultCorrupt:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise damaged from error


def read(data_dir: Path) -> Header:
    with (data_dir / HEADER_NAME).open("rb") as handle:
        return decode(handle.read(MAX_HEADER_BYTES + 1))


def scrub(path: Path) -> None:
    """Overwrite ``path`` with zeros, then remove it (best effort on flash and journals)."""
    with contextlib.suppress(FileNotFoundError):
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(bytes(size))
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()


def atomic_write(path: Path, data: bytes, *, scrub_old: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new content.

    With ``scrub_old``, the replaced content is overwritten before it is freed (a second name
    keeps it until the new file is in place).
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    previous = path.with_name(f".{path.name}.{secrets.token_hex(4)}.old")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if scrub_old and path.exists():
            with contextlib.suppress(OSError):  # no hard links here: nothing to scrub then
                os.link(path, previous)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        with contextlib.suppress(FileNotFoundError):
            previous.unlink()
        raise
    fsync_directory(path.parent)
    if scrub_old:
        scrub(previous)
        fsync_directory(path.parent)


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (a no-op where directories cannot be opened)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def remove_leftovers(data_dir: Path) -> None:
    """Scrub temporary and replaced header files an interrupted write left behind."""
    for leftover in data_dir.glob(f".{HEADER_NAME}.*"):
        scrub(leftover)


def write(data_dir: Path, header: Header, data_key: bytes | bytearray) -> None:
    """Replace the header file, the old content scrubbed; on failure the old one stays."""
    try:
        atomic_write(data_dir / HEADER_NAME, encode(header, data_key), scrub_old=True)
    except OSError as error:
        raise VaultError("header_unwritable", file=HEADER_NAME,
                         reason=error.strerror or error) from error

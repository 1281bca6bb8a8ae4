"""The vault's header file: who may open the database, and the data key wrapped for each.

``vault.json`` beside the database holds, in plain JSON:

* ``format``/``version`` and a random ``vault_id``;
* per local user: name, role, the Argon2id parameters and salt, and the data key sealed with
  AES-256-GCM under the Argon2id result; the associated data binds vault id, name and role,
  so editing a role in the file makes that entry unusable rather than more powerful;
* the data key sealed once more under the recovery key (through HKDF, which is enough for
  256 random bits);
* a SHA-256 ``checksum`` over the rest, so a damaged file is told apart from a wrong password.

The file is never edited in place: every change writes a temporary file, fsyncs it, and
renames it over the old one, so a crash leaves either the old or the new header.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kim_desktop.core.errors import VaultCorrupt, VaultError

HEADER_NAME = "vault.json"
FORMAT = "kim-desktop-vault"
VERSION = 1



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


@dataclass(frozen=True)
class Sealed:
    """A data key sealed with AES-256-GCM: the salt for the wrapping key, nonce, ciphertext."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class UserEntry:
    name: str
    role: str
    argon2: Argon2Params
    sealed: Sealed


@dataclass(frozen=True)
class Header:
    vault_id: str
    users: tuple[UserEntry, ...]
    recovery: Sealed

    def user(self, name: str) -> UserEntry | None:
        return next((entry for entry in self.users if entry.name == name), None)

    def with_user(self, entry: UserEntry) -> Header:
        others = tuple(u for u in self.users if u.name != entry.name)
        if len(others) == len(self.users):
            return replace(self, users=(*self.users, entry))
        return replace(self, users=tuple(entry if u.name == entry.name else u for u in self.users))


def _aead_user(vault_id: str, name: str, role: str) -> bytes:
    return json.dumps(["kim-vault", VERSION, vault_id, "user", name, role]).encode()


def _aead_recovery(vault_id: str) -> bytes:
    return json.dumps(["kim-vault", VERSION, vault_id, "recovery"]).encode()


def _password_key(password: str, salt: bytes, params: Argon2Params) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(password.encode("utf-8"))


def _recovery_wrapping_key(secret: bytes, salt: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"kim-vault recovery wrap"
    ).derive(secret)


def _seal(wrapping_key: bytes, data_key: bytes | bytearray, aad: bytes, salt: bytes) -> Sealed:
    nonce = secrets.token_bytes(12)
    return Sealed(salt, nonce, AESGCM(wrapping_key).encrypt(nonce, bytes(data_key), aad))


def _open(wrapping_key: bytes, sealed: Sealed, aad: bytes) -> bytearray | None:
    try:
        return bytearray(AESGCM(wrapping_key).decrypt(sealed.nonce, sealed.ciphertext, aad))
    except InvalidTag:
        return None


def seal_for_user(
    vault_id: str, name: str, role: str, password: str, data_key: bytes | bytearray
) -> UserEntry:
    params = DEFAULT_ARGON2
    salt = secrets.token_bytes(16)
    wrapping_key = _password_key(password, salt, params)
    return UserEntry(
        name, role, params, _seal(wrapping_key, data_key, _aead_user(vault_id, name, role), salt)
    )


def open_for_user(vault_id: str, entry: UserEntry, password: str) -> bytearray | None:
    """The data key, or None when the password does not fit."""
    wrapping_key = _password_key(password, entry.sealed.salt, entry.argon2)
    return _open(wrapping_key, entry.sealed, _aead_user(vault_id, entry.name, entry.role))


def seal_for_recovery(vault_id: str, secret: bytes, data_key: bytes | bytearray) -> Sealed:
    salt = secrets.token_bytes(16)
    return _seal(_recovery_wrapping_key(secret, salt), data_key, _aead_recovery(vault_id), salt)


def open_for_recovery(header: Header, secret: bytes) -> bytearray | None:
    wrapping_key = _recovery_wrapping_key(secret, header.recovery.salt)
    return _open(wrapping_key, header.recovery, _aead_recovery(header.vault_id))


def new_vault_id() -> str:
    return str(uuid.uuid4())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _sealed_to_json(sealed: Sealed) -> dict[str, str]:
    return {
        "salt": _b64(sealed.salt),
        "nonce": _b64(sealed.nonce),
        "ciphertext": _b64(sealed.ciphertext),
    }


def _sealed_from_json(data: dict[str, Any]) -> Sealed:
    return Sealed(
        base64.b64decode(data["salt"], validate=True),
        base64.b64decode(data["nonce"], validate=True),
        base64.b64decode(data["ciphertext"], validate=True),
    )


def _body(header: Header) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": header.vault_id,
        "users": [
            {
                "name": u.name,
                "role": u.role,
                "kdf": {
                    "algorithm": "argon2id",
                    "memory_kib": u.argon2.memory_kib,
                    "iterations": u.argon2.iterations,
                    "lanes": u.argon2.lanes,
                },
                "key": _sealed_to_json(u.sealed),
            }
            for u in header.users
        ],
        "recovery": {"kdf": {"algorithm": "hkdf-sha256"}, "key": _sealed_to_json(header.recovery)},
    }


def _checksum(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def encode(header: Header) -> bytes:
    body = _body(header)
    document = {**body, "checksum": _checksum(body)}
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def decode(raw: bytes) -> Header:
    """Parse a header file's bytes; any damage raises :class:`VaultCorrupt`."""
    damaged = VaultCorrupt("header_damaged", file=HEADER_NAME)
    try:
        document = json.loads(raw.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise damaged
        if not isinstance(document.get("version"), int):
            raise damaged
        if document["version"] > VERSION:
            raise VaultCorrupt("header_newer")
        checksum = document.pop("checksum", None)
        if checksum != _checksum(document):
            raise damaged
        users = tuple(
            UserEntry(
                name=str(u["name"]),
                role=str(u["role"]),
                argon2=Argon2Params(
                    memory_kib=int(u["kdf"]["memory_kib"]),
                    iterations=int(u["kdf"]["iterations"]),
                    lanes=int(u["kdf"]["lanes"]),
                ),
                sealed=_sealed_from_json(u["key"]),
            )
            for u in document["users"]
        )
        return Header(
            vault_id=str(document["vault_id"]),
            users=users,
            recovery=_sealed_from_json(document["recovery"]["key"]),
        )
    except VaultCorrupt:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise damaged from error


def read(data_dir: Path) -> Header:
    return decode((data_dir / HEADER_NAME).read_bytes())


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new content."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
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


def write(data_dir: Path, header: Header) -> None:
    """Replace the header file; on failure the old one stays as it was."""
    try:
        atomic_write(data_dir / HEADER_NAME, encode(header))
    except OSError as error:
        raise VaultError("header_unwritable", file=HEADER_NAME,
                         reason=error.strerror or error) from error

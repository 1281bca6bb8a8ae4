"""Secrets kept inside the database, sealed a second time under a subkey of the data key.

The office key (and whatever secret comes later) is one row of ``vault_secret``, sealed with
AES-256-GCM under HKDF(data key, ``kim-vault stored secrets v1``) with its name as associated
data. The database's own encryption protects it on disk anyway; the second seal is for the
memory of a locked program: SQLite keeps decrypted pages in its cache and frees them without
clearing, so a plaintext row would outlive the lock there. Opened, a secret is a bytearray
that :meth:`SecretBox.close` zeroes when the vault locks (docs/vault.md, "Keys in memory").

Every vault session carries the open vault's box in ``session.info["secrets"]``.
"""

from __future__ import annotations

import secrets
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from kim_desktop.core.db import Base
from kim_desktop.core.errors import VaultCorrupt, VaultLocked
from kim_desktop.core.key_memory import taken, wipe
from kim_desktop.core.storage import DATABASE_NAME

_INFO = b"kim-vault stored secrets v1"
_NONCE_BYTES = 12


class VaultSecret(Base):
    __tablename__ = "vault_secret"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: nonce (12 bytes) || AES-GCM ciphertext and tag, under the box's key.
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class SecretBox:
    """Seals and opens stored secrets for one data key; :meth:`close` zeroes its key and
    every secret it opened."""

    def __init__(self, data_key: bytes | bytearray) -> None:
        self._key: bytearray | None = taken(
            HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(data_key))
        self._opened: list[bytearray] = []

    def _cipher(self) -> AESGCM:
        if self._key is None:
            raise VaultLocked("locked")
        return AESGCM(self._key)

    def seal(self, name: str, secret: bytes | bytearray) -> bytes:
        nonce = secrets.token_bytes(_NONCE_BYTES)
        return nonce + self._cipher().encrypt(nonce, secret, name.encode())

    def open(self, name: str, sealed: bytes) -> bytearray:
        """The secret, until the vault locks; raises :class:`VaultCorrupt` for a row that does
        not open under this key."""
        try:
            plain = self._cipher().decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:],
                                           name.encode())
        except InvalidTag as error:
            raise VaultCorrupt("database_damaged", file=DATABASE_NAME) from error
        secret = taken(plain)
        # A caller that wiped its secret early is done with it.
        self._opened = [*(kept for kept in self._opened if any(kept)), secret]
        return secret

    def opens(self, name: str, sealed: bytes) -> bool:
        try:
            wipe(self.open(name, sealed))
        except VaultCorrupt:
            return False
        return True

    def close(self) -> None:
        for secret in self._opened:
            wipe(secret)
        self._opened = []
        if self._key is not None:
            wipe(self._key)
            self._key = None


def box_of(session: Session) -> SecretBox:
    box = session.info.get("secrets")
    if not isinstance(box, SecretBox):
        raise VaultLocked("locked")
    return box


def load(session: Session, name: str) -> bytearray | None:
    """The secret ``name``, opened (zeroed when the vault locks), or None."""
    sealed = session.scalar(select(VaultSecret.sealed).where(VaultSecret.name == name))
    return None if sealed is None else box_of(session).open(name, sealed)


def exists(session: Session, name: str) -> bool:
    return session.scalar(select(VaultSecret.name).where(VaultSecret.name == name)) is not None


def store(session: Session, name: str, secret: bytes | bytearray | None) -> None:
    """Keep ``secret`` under ``name`` (None: forget it), in the session's transaction."""
    row = session.get(VaultSecret, name)
    if secret is None:
        if row is not None:
            session.delete(row)
        return
    sealed = box_of(session).seal(name, secret)
    if row is None:
        session.add(VaultSecret(name=name, sealed=sealed))
    else:
        row.sealed = sealed


def reseal(connection: Any, old_key: bytes | bytearray, new_key: bytes | bytearray) -> None:
    """After ``PRAGMA rekey``: every stored secret still sealed under ``old_key`` is sealed
    under ``new_key``, on the DB-API ``connection``. Rows already under the new key are left,
    so it can run again after a crash."""
    if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                          "AND name = 'vault_secret'").fetchone() is None:
        return
    old, new = SecretBox(old_key), SecretBox(new_key)
    try:
        for name, sealed in connection.execute("SELECT name, sealed FROM vault_secret").fetchall():
            if new.opens(name, sealed):
                continue
            secret = old.open(name, sealed)
            connection.execute("UPDATE vault_secret SET sealed = ? WHERE name = ?",
                               (new.seal(name, secret), name))
    finally:
        old.close()
        new.close()

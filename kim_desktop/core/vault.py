"""The encrypted local vault: one SQLCipher database, its key header, and who may open it.

Files in the data folder (see docs/vault.md):

* ``kim.db``: the SQLCipher database (plus ``kim.db-wal``/``kim.db-shm`` while it is open);
* ``vault.json``: the header with the data key wrapped per user and for the recovery key;
* ``kim.lock``: the lock that keeps a second instance out;
* ``vault.rekey`` only while :meth:`Vault.rekey` runs: the old data key sealed under the new
  one, so that an unlock after a crash mid-way finishes the rekey;
* ``rekey-backup.tar``: the verified backup the last rekey made first (under the new key once
  it succeeded);
* ``erased-ids``: the ids of erased persons, which a restore must not bring back
  (:mod:`.erased_ids`).

The folder is kept at mode 0700 and every file in it at 0600, whatever was there before.

A wrong password touches none of them: the header is only read, the database is not opened,
and the failed attempt is counted in the platform's state folder (:mod:`.attempts`).
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from types import TracebackType

import sqlcipher3
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from filelock import FileLock, Timeout
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kim_desktop.core import attempts, erased_ids, migrate, stored_secrets
from kim_desktop.core import backup as backups
from kim_desktop.core import vault_header as headers
from kim_desktop.core.errors import (
    AttemptDelayed,
    BackupInvalid,
    InvalidRecoveryKey,
    PasswordPolicyError,
    PermissionDenied,
    VaultCorrupt,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultLocked,
    VaultMissing,
    WrongPassword,
)
from kim_desktop.core.key_memory import taken, wipe
from kim_desktop.core.models import Client
from kim_desktop.core.passwords import check_password_policy, check_user_name
from kim_desktop.core.recovery_key import generate_recovery_key, parse_recovery_key
from kim_desktop.core.services.retention import erase_again
from kim_desktop.core.storage import (
    DATABASE_NAME,
    connect_raw,
    create_vault_engine,
    disk_trouble,
    private_file,
    rekey_database,
    secure_data_dir,
)
from kim_desktop.core.stored_secrets import SecretBox
from kim_desktop.core.vault_header import HEADER_NAME

__all__ = [
    "AttemptDelayed",
    "BackupInvalid",
    "InvalidRecoveryKey",
    "LocalUser",
    "PasswordPolicyError",
    "PermissionDenied",
    "Role",
    "Vault",
    "VaultCorrupt",
    "VaultError",
    "VaultExists",
    "VaultInUse",
    "VaultLocked",
    "VaultMissing",
    "WrongPassword",
]

LOCK_NAME = "kim.lock"
PENDING_REKEY_NAME = "vault.rekey"
#: A one-way fingerprint of the data key the database is under (no secret): when the
#: database does not open with a header's key, it tells an old ``vault.json`` put back after
#: a rekey from a damaged database.
KEY_ID_NAME = "kim.keyid"
REKEY_BACKUP_NAME = "rekey-backup.tar"
CREATING_NAME = f".{DATABASE_NAME}.creating"
PAGE_SIZE = 4096


class Role(StrEnum):
    CASE_MANAGER = "case_manager"
    OFFICE_ADMIN = "office_admin"


@dataclass(frozen=True)
class LocalUser:
    name: str
    role: Role


def _role_of(entry: headers.UserEntry) -> Role:
    try:
        return Role(entry.role)
    except ValueError as error:
        raise VaultCorrupt("header_unknown_role", file=HEADER_NAME) from error


def _read_header(data_dir: Path) -> headers.Header:
    header_path = data_dir / HEADER_NAME
    database_path = data_dir / DATABASE_NAME
    if not header_path.exists():
        if database_path.exists():
            raise VaultCorrupt("header_missing", file=HEADER_NAME)
        raise VaultMissing("no_vault")
    if not database_path.exists():
        raise VaultCorrupt("database_missing", file=DATABASE_NAME)
    try:
        return headers.read(data_dir)
    except OSError as error:
        raise VaultError("header_unreadable", file=HEADER_NAME, reason=error.strerror) from error


def _checked_header(data_dir: Path, header: headers.Header, key: bytearray) -> headers.Header:
    """``header`` once its MAC fits ``key``; a header of before version 2 gets one now."""
    if header.mac is None:
        headers.write(data_dir, header, key)
        return header
    if not headers.mac_matches(header, key):
        raise VaultCorrupt("header_tampered", file=HEADER_NAME)
    return header


def _check_database_file(path: Path) -> None:
    """Refuse an empty or cut-off file before SQLCipher could take it for a new database."""
    size = path.stat().st_size
    if size == 0 or size % PAGE_SIZE:
        raise VaultCorrupt("database_incomplete", file=DATABASE_NAME)


def _acquire_lock(data_dir: Path) -> FileLock:
    lock = FileLock(data_dir / LOCK_NAME, timeout=0, mode=0o600)
    try:
        lock.acquire()
    except Timeout as error:
        raise VaultInUse("in_use") from error
    return lock


def _upgrade(engine: Engine, key: bytearray) -> None:
    """Bring the schema up to date; a failing revision leaves the database as it was."""
    box = SecretBox(key)
    try:
        migrate.upgrade_database(engine, secrets=box)
    except DBAPIError:
        raise
    except Exception as error:
        raise VaultError("upgrade_failed") from error
    finally:
        box.close()


def _interrupted_create(data_dir: Path) -> bool:
    return (data_dir / CREATING_NAME).exists() and not (data_dir / DATABASE_NAME).exists()


def _pending_key(new_key: bytes | bytearray) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"kim-vault pending rekey").derive(new_key)


def _write_pending_rekey(data_dir: Path, old_key: bytearray, new_key: bytearray) -> None:
    nonce = secrets.token_bytes(12)
    wrapping_key = _pending_key(new_key)
    sealed = AESGCM(wrapping_key).encrypt(nonce, old_key, b"kim-vault rekey")
    wipe(wrapping_key)
    document = {"nonce": nonce.hex(), "ciphertext": sealed.hex()}
    headers.atomic_write(data_dir / PENDING_REKEY_NAME, json.dumps(document).encode())


class Interrupted(StrEnum):
    """What :func:`_finish_interrupted_rekey` found of a rekey cut off by a crash."""

    NONE = "none"
    #: The new header was written: the database is under its key now; the backup taken
    #: before (under the old key) and the pending file are still there.
    FINISHED = "finished"
    #: The crash came before the new header: nothing changed but the backup; it starts over.
    NOT_STARTED = "not_started"


def _finish_interrupted_rekey(data_dir: Path, key: bytearray) -> Interrupted:
    """After a crash during :meth:`Vault.rekey`: bring the database to the header's key.

    ``vault.rekey`` holds the old key sealed under the new one. If the database still opens
    only with the old key, it is rekeyed now, and the pending file stays until
    :meth:`Vault._after_rekey` has renewed the backup. A leftover from a rekey whose header
    was never written opens with nothing and goes: that rekey must run again.
    """
    pending = data_dir / PENDING_REKEY_NAME
    if not pending.exists():
        return Interrupted.NONE
    database = str(data_dir / DATABASE_NAME)
    try:
        document = json.loads(pending.read_text(encoding="ascii"))
        wrapping_key = _pending_key(key)
        old = taken(AESGCM(wrapping_key).decrypt(
            bytes.fromhex(document["nonce"]), bytes.fromhex(document["ciphertext"]),
            b"kim-vault rekey"))
        wipe(wrapping_key)
    except (InvalidTag, ValueError, KeyError, TypeError):
        old = None
    if old is None:
        headers.scrub(pending)
        return Interrupted.NOT_STARTED
    try:
        if not _opens(database, key) and _opens(database, old):
            connection = connect_raw(database, old)
            try:
                rekey_database(connection, key)
            finally:
                connection.close()
        if _opens(database, key):
            connection = connect_raw(database, key)
            try:
                stored_secrets.reseal(connection, old, key)
            finally:
                connection.close()
    finally:
        wipe(old)
    return Interrupted.FINISHED


def _remove_scratch(data_dir: Path) -> None:
    """What a backup cut off by a crash left in the data folder: its scratch folders (a copy
    of the database under its key) and a renewed rekey backup not yet in place."""
    for scratch in data_dir.glob(".kim-backup-*"):
        _scrub_tree(scratch)
    headers.scrub(data_dir / f".{REKEY_BACKUP_NAME}.new")


def _scrub_tree(folder: Path) -> None:
    """Overwrites every file below ``folder``, then removes it; never follows a link."""
    if folder.is_symlink() or not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.is_symlink():
            path.unlink()
        elif path.is_dir():
            path.rmdir()
        else:
            headers.scrub(path)
    folder.rmdir()


def _key_id(key: bytes | bytearray) -> str:
    return HKDF(algorithm=hashes.SHA256(), length=16, salt=None,
                info=b"kim-vault key id").derive(bytes(key)).hex()


def _record_key_id(data_dir: Path, key: bytes | bytearray) -> None:
    """Note which key the database is under now (after it opened with it), unless noted."""
    path = data_dir / KEY_ID_NAME
    key_id = _key_id(key)
    try:
        if path.read_text(encoding="ascii").strip() == key_id:
            return
    except (OSError, UnicodeDecodeError):
        pass
    headers.atomic_write(path, f"{key_id}\n".encode("ascii"))


def _earlier_key(data_dir: Path, key: bytes | bytearray) -> bool:
    """True when the database was last opened under another key than ``key``: the header
    that gave ``key`` is older than the last "Schlüssel erneuern"."""
    try:
        noted = (data_dir / KEY_ID_NAME).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return bool(noted) and not hmac.compare_digest(noted, _key_id(key))


def _opens(database: str, key: bytes | bytearray) -> bool:
    try:
        connection = connect_raw(database, key)
    except sqlcipher3.dbapi2.DatabaseError:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        return True
    except sqlcipher3.dbapi2.DatabaseError:
        return False
    finally:
        connection.close()


class Vault:
    """An unlocked vault. Create one with :meth:`create` or :meth:`unlock`, never directly."""

    data_dir: Path
    user: LocalUser

    def __init__(
        self,
        *,
        data_dir: Path,
        user: LocalUser,
        key: bytearray,
        engine: Engine,
        lock: FileLock,
    ) -> None:
        self.data_dir = data_dir
        self.user = user
        self._key: bytearray | None = key
        self._secrets = SecretBox(key)
        self._engine: Engine | None = engine
        self._lock = lock
        #: How many persons the last unlock erased again: erased before, brought back by a
        #: restored backup (kim_desktop/core/erased_ids.py).
        self.erased_again = 0

    # -- opening -------------------------------------------------------------------------

    @staticmethod
    def exists(data_dir: Path) -> bool:
        """True when the folder holds a vault, even a damaged one (never create over it).

        A set-up that was interrupted before its last step does not count.
        """
        if _interrupted_create(data_dir):
            return False
        return (data_dir / HEADER_NAME).exists() or (data_dir / DATABASE_NAME).exists()

    @classmethod
    def create(cls, data_dir: Path, *, admin: str, password: str) -> tuple[Vault, str]:
        """Set up a new vault with ``admin`` as office admin.

        Returns the open vault and the recovery key text, which must be shown exactly once.
        """
        admin = check_user_name(admin)
        check_password_policy(password, user=admin)
        if cls.exists(data_dir):
            raise VaultExists("vault_exists")
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        secure_data_dir(data_dir)
        lock = _acquire_lock(data_dir)
        try:
            key = taken(secrets.token_bytes(32))
            recovery_text, recovery_secret = generate_recovery_key()
            vault_id = headers.new_vault_id()
            header = headers.Header(
                vault_id=vault_id,
                users=(headers.seal_for_user(vault_id, admin, Role.OFFICE_ADMIN, password, key),),
                recovery=headers.seal_for_recovery(vault_id, recovery_secret, key),
            )
            # The database is built under a temporary name and renamed last. A crash before
            # that leaves the temporary file, maybe with a header: an interrupted set-up,
            # which exists() ignores and the next create() replaces.
            building = data_dir / CREATING_NAME
            for leftover in data_dir.glob(f"{CREATING_NAME}*"):
                leftover.unlink()
            private_file(building)
            engine = create_vault_engine(str(building), key)
            try:
                migrate.upgrade_database(engine)
            finally:
                engine.dispose()
            headers.write(data_dir, header, key)
            building.replace(data_dir / DATABASE_NAME)
            headers.fsync_directory(data_dir)
            vault = cls._open(data_dir, header, LocalUser(admin, Role.OFFICE_ADMIN), key, lock)
        except BaseException:
            lock.release()
            raise
        return vault, recovery_text

    @classmethod
    def unlock(cls, data_dir: Path, *, user: str, password: str) -> Vault:
        """Open the vault as ``user``; a wrong password changes nothing in ``data_dir``."""
        header = _read_header(data_dir)
        wait = attempts.retry_after(data_dir, user)
        if wait > 0:
            raise AttemptDelayed(retry_after=wait)
        entry = header.user(user)
        if entry is not None:
            _role_of(entry)
        others = tuple(role.value for role in Role if entry is None or role != entry.role)
        key = (headers.open_for_user(header.vault_id, entry, password, other_roles=others)
               if entry else None)
        if entry is None or key is None:
            if entry is not None and headers.opens_another_entry(header, user, password):
                raise VaultCorrupt("header_tampered", file=HEADER_NAME)
            raise WrongPassword(retry_after=attempts.record_failure(data_dir, user))
        attempts.clear(data_dir, user)
        local_user = LocalUser(entry.name, _role_of(entry))
        lock = _acquire_lock(data_dir)
        try:
            header = _checked_header(data_dir, header, key)
            if entry.legacy:
                # A header of before version 2: this user's entry takes the current form.
                upgraded = headers.seal_for_user(header.vault_id, entry.name, entry.role,
                                                 password, key)
                headers.write(data_dir, header.with_user(upgraded), key)
            _remove_scratch(data_dir)
            interrupted = _finish_interrupted_rekey(data_dir, key)
            vault = cls._open(data_dir, header, local_user, key, lock)
        except BaseException:
            lock.release()
            wipe(key)
            raise
        try:
            if interrupted is Interrupted.FINISHED:
                vault._after_rekey()
            elif interrupted is Interrupted.NOT_STARTED and not header.legacy_users:
                vault._rekey()
            vault.erased_again = vault._erase_again()
        except BaseException:
            vault.close()
            raise
        return vault

    @classmethod
    def _open(
        cls,
        data_dir: Path,
        header: headers.Header,
        user: LocalUser,
        key: bytearray,
        lock: FileLock,
    ) -> Vault:
        database = data_dir / DATABASE_NAME
        _check_database_file(database)
        secure_data_dir(data_dir)
        headers.remove_leftovers(data_dir)
        engine = create_vault_engine(str(database), key)
        try:
            with engine.begin() as connection:
                connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
                wal = database.with_name(f"{DATABASE_NAME}-wal")
                if not wal.exists() or wal.stat().st_size == 0:
                    pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
                    if pages * PAGE_SIZE > database.stat().st_size:
                        raise VaultCorrupt("database_incomplete", file=DATABASE_NAME)
            _upgrade(engine, key)
            _record_key_id(data_dir, key)
        except DBAPIError as error:
            engine.dispose()
            trouble = disk_trouble(error, data_dir)
            if trouble is None and _earlier_key(data_dir, key):
                trouble = VaultCorrupt("header_earlier_key", file=HEADER_NAME,
                                       database=DATABASE_NAME)
            raise trouble or VaultCorrupt("database_damaged", file=DATABASE_NAME) from error
        except BaseException:
            engine.dispose()
            raise
        return cls(
            data_dir=data_dir,
            user=user,
            key=key,
            engine=engine,
            lock=lock,
        )

    @staticmethod
    def local_users(data_dir: Path) -> list[LocalUser]:
        """The users who may sign in (read from the header; for a login screen)."""
        header = _read_header(data_dir)
        return [LocalUser(entry.name, _role_of(entry)) for entry in header.users]

    @staticmethod
    def attempt_delay(data_dir: Path, *, user: str) -> float:
        """Seconds until ``user`` may try to unlock again (0.0: now)."""
        return attempts.retry_after(data_dir, user)

    # -- passwords and users -------------------------------------------------------------

    @classmethod
    def reset_password(
        cls, data_dir: Path, *, user: str, recovery_key: str, new_password: str
    ) -> bool:
        """Give ``user`` a new password with the recovery key (the vault must be closed).

        Then the data key is renewed (:meth:`rekey`), so that an old copy of ``vault.json``
        with the forgotten (maybe leaked) password opens nothing. Returns False when that had
        to wait: another user has not signed in since the header format changed (their entry
        cannot take a new key yet); :meth:`rekey` later does it.
        """
        header = _read_header(data_dir)
        entry = header.user(user)
        if entry is None:
            raise VaultError("no_such_user")
        check_password_policy(new_password, user=user)
        secret = parse_recovery_key(recovery_key)
        lock = _acquire_lock(data_dir)
        try:
            header = _read_header(data_dir)
            key = headers.open_for_recovery(header, secret)
            if key is None:
                raise InvalidRecoveryKey("recovery_key_foreign")
            try:
                header = _checked_header(data_dir, header, key)
                header = replace(
                    header.with_user(headers.seal_for_user(
                        header.vault_id, entry.name, entry.role, new_password, key)),
                    recovery=headers.seal_for_recovery(header.vault_id, secret, key),
                )
                headers.write(data_dir, header, key)
                attempts.clear(data_dir, user)
                _finish_interrupted_rekey(data_dir, key)
                if header.legacy_users:
                    return False
                vault = cls._open(data_dir, header, LocalUser(entry.name, _role_of(entry)),
                                  bytearray(key), lock)
                try:
                    vault._rekey()
                finally:
                    vault.lock()
                return True
            finally:
                wipe(key)
        finally:
            lock.release()

    def change_password(self, *, user: str, old_password: str, new_password: str) -> None:
        """Re-wrap the data key for ``user``; the database is not touched."""
        key = self._require_key()
        if user != self.user.name and self.user.role != Role.OFFICE_ADMIN:
            raise PermissionDenied("only_admin_passwords")
        header = _read_header(self.data_dir)
        entry = header.user(user)
        if entry is None:
            raise VaultError("no_such_user")
        check_password_policy(new_password, user=user)
        wait = attempts.retry_after(self.data_dir, user)
        if wait > 0:
            raise AttemptDelayed(retry_after=wait)
        unwrapped = headers.open_for_user(header.vault_id, entry, old_password)
        if unwrapped is None:
            raise WrongPassword(retry_after=attempts.record_failure(self.data_dir, user))
        same = hmac.compare_digest(unwrapped, key)
        wipe(unwrapped)
        if not same:
            raise VaultCorrupt("header_mismatch")
        attempts.clear(self.data_dir, user)
        header = _checked_header(self.data_dir, header, key)
        resealed = headers.seal_for_user(header.vault_id, entry.name, entry.role, new_password, key)
        headers.write(self.data_dir, header.with_user(resealed), key)

    def add_user(self, *, name: str, role: Role, password: str) -> LocalUser:
        """Add a local user (office admins only)."""
        key = self._require_key()
        if self.user.role != Role.OFFICE_ADMIN:
            raise PermissionDenied("only_admin_users")
        name = check_user_name(name)
        role = Role(role)
        header = _read_header(self.data_dir)
        if header.user(name) is not None:
            raise VaultError("user_exists", name=name)
        check_password_policy(password, user=name)
        header = _checked_header(self.data_dir, header, key)
        entry = headers.seal_for_user(header.vault_id, name, role, password, key)
        headers.write(self.data_dir, header.with_user(entry), key)
        return LocalUser(name, role)

    # -- renewing the data key -------------------------------------------------------------

    def rekey(self, *, recovery_key: str | None = None) -> Path:
        """Give the database a new data key ("Schlüssel erneuern"; office admins only).

        First a verified backup (``rekey-backup.tar`` in the data folder); then the new key
        is sealed for every user and for the recovery key, so every password and the printed
        recovery sheet stay valid, and ``PRAGMA rekey`` re-encrypts every page. Afterwards an
        old copy of ``vault.json`` and an old password open nothing. Returns the backup's path
        (it is under the new key by then).

        ``recovery_key`` (the printed sheet) must open the header's recovery entry first:
        every user holds the data key and so can write a header whose MAC passes, with a
        recovery entry sealed to a key of their own, to which the new data key would be
        sealed; the sheet is what a case manager cannot forge.
        """
        key = self._require_key()
        if self.user.role != Role.OFFICE_ADMIN:
            raise PermissionDenied("only_admin_rekey")
        if recovery_key is None:
            raise VaultError("rekey_needs_recovery_key")
        secret = parse_recovery_key(recovery_key)
        header = _checked_header(self.data_dir, _read_header(self.data_dir), key)
        opened = headers.open_for_recovery(header, secret)
        if opened is None or not hmac.compare_digest(opened, key):
            raise InvalidRecoveryKey("rekey_recovery_changed")
        wipe(opened)
        if header.recovery.public_key is None:
            header = replace(header,
                             recovery=headers.seal_for_recovery(header.vault_id, secret, key))
            headers.write(self.data_dir, header, key)
        return self._rekey()

    def _rekey(self) -> Path:
        old = self._require_key()
        header = _checked_header(self.data_dir, _read_header(self.data_dir), old)
        if header.legacy_users:
            raise VaultError("rekey_legacy_users", names=", ".join(header.legacy_users))
        backup = self.data_dir / REKEY_BACKUP_NAME
        self.backup(backup)
        new = taken(secrets.token_bytes(32))
        _write_pending_rekey(self.data_dir, old, new)
        headers.write(self.data_dir, headers.resealed(header, new), new)
        raw = self.engine.raw_connection()
        try:
            rekey_database(raw.driver_connection, new)
        finally:
            raw.close()
        self.engine.dispose()
        self._engine = create_vault_engine(str(self.data_dir / DATABASE_NAME), new)
        self._key = new
        self._secrets.close()
        self._secrets = SecretBox(new)
        _record_key_id(self.data_dir, new)
        raw = self.engine.raw_connection()
        try:
            stored_secrets.reseal(raw.driver_connection, old, new)
        finally:
            raw.close()
        wipe(old)
        problems = self.check()
        if problems:
            raise VaultCorrupt("rekey_unverified")
        self._after_rekey()
        return backup

    def _after_rekey(self) -> None:
        """The last step of a rekey, also after a crash: nothing in the data folder may open
        with the old key any more. The backup taken first is replaced by one under the new
        key (the old one overwritten), the files a restore put aside go, and only then the
        pending file, so that a crash in between does this again at the next unlock."""
        backup = self.data_dir / REKEY_BACKUP_NAME
        fresh = self.data_dir / f".{REKEY_BACKUP_NAME}.new"
        self.backup(fresh)
        headers.scrub(backup)
        fresh.replace(backup)
        _scrub_tree(self.data_dir / backups.PREVIOUS_FOLDER)
        headers.scrub(self.data_dir / PENDING_REKEY_NAME)
        headers.fsync_directory(self.data_dir)

    def users(self) -> list[LocalUser]:
        self._require_key()
        return self.local_users(self.data_dir)

    # -- the database ----------------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked("locked")
        return self._engine

    def session(self) -> Session:
        """A session on the one connection; local edits are stamped with this user's name,
        what only an office admin may do checks the role, stored secrets open with the
        vault's box (:mod:`.stored_secrets`), and ``users`` names this machine's users when
        asked."""
        return Session(self.engine, info={"user": self.user.name, "role": self.user.role.value,
                                          "secrets": self._secrets,
                                          "users": lambda: [u.name for u in self.users()],
                                          erased_ids.FILE_KEY:
                                              self.data_dir / erased_ids.ERASED_IDS_NAME},
                       expire_on_commit=False)

    def _erase_again(self) -> int:
        """Erases again whom the data folder's list names as erased and the database holds
        unerased (after a restore), and adds those the database holds as erased to the list."""
        path = self.data_dir / erased_ids.ERASED_IDS_NAME
        with self.session() as session:
            count = erase_again(session, client_ids=erased_ids.read(path))
            erased_ids.remember(path, session.scalars(
                select(Client.id).where(Client.erased_at.is_not(None))))
        return count

    def _require_key(self) -> bytearray:
        if self._key is None:
            raise VaultLocked("locked")
        return self._key

    @property
    def is_locked(self) -> bool:
        return self._engine is None

    def lock(self) -> None:
        """Close the database, zero the key and every stored secret opened with it (the office
        key), and let other instances in.

        Calling it twice is harmless. Afterwards :meth:`session` raises :class:`VaultLocked`;
        :meth:`unlock` opens the vault again.
        """
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._secrets.close()
        if self._key is not None:
            wipe(self._key)
            self._key = None
        if self._lock.is_locked:
            self._lock.release()

    def close(self) -> None:
        self.lock()

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- backup and check ------------------------------------------------------------------

    def backup(self, out: Path) -> None:
        """Write an online backup (the encrypted database and the header) to ``out``."""
        backups.write_backup(self.engine, self._require_key(), self.data_dir, out)

    @staticmethod
    def restore(data_dir: Path, *, source: Path) -> None:
        """Replace the vault in ``data_dir`` with the backup ``source``.

        Refused while the vault is open anywhere. The old files are moved to
        ``data_dir/before-restore/`` only after the backup has been verified.
        """
        if not source.is_file():
            raise VaultError("backup_missing", path=source)
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = _acquire_lock(data_dir)
        try:
            backups.restore_backup(data_dir, source)
            secure_data_dir(data_dir)
        finally:
            lock.release()

    @staticmethod
    def check_backup(data_dir: Path, *, source: Path) -> None:
        """Refuses a backup :meth:`restore` would refuse, while the vault stays open."""
        if not source.is_file():
            raise VaultError("backup_missing", path=source)
        backups.check_backup(data_dir, source)

    def check(self) -> list[str]:
        """SQLCipher's and SQLite's integrity checks; an empty list when the vault is intact."""
        return backups.check_database(self.engine, self.data_dir / DATABASE_NAME)

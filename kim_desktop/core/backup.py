"""Backups of the vault, their restore, and the integrity check.

A restore also writes a new random id beside the database (:data:`RESTORE_ID_NAME`): the
restore is an explicit act the sync client sees, and it begins a new sync epoch.

A backup is one uncompressed tar file (the database is encrypted and does not compress)
with three members:

* ``kim.db``: an encrypted copy made online with ``sqlcipher_export`` on the open connection,
  keyed with the same data key, and checked before it goes into the archive;
* ``vault.json``: the header as it was at backup time (so passwords and users revert with
  the data);
* ``manifest.json``: format, version and the SHA-256 of both, so that a damaged or cut-off
  backup is refused before anything in the data folder is touched.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine

from kim_desktop.core import vault_header as headers
from kim_desktop.core.errors import BackupInvalid, VaultError
from kim_desktop.core.storage import (
    CIPHER_PRAGMAS,
    DATABASE_NAME,
    connect_raw,
    disk_trouble,
    private_file,
)

MANIFEST_NAME = "manifest.json"
BACKUP_FORMAT = "kim-desktop-backup"
BACKUP_VERSION = 1
PREVIOUS_FOLDER = "before-restore"
#: A random id beside the database, new with every restore: the sync client tells a restored
#: vault by it and begins a new sync epoch (kim_desktop/sync/epoch.py). No secret, no person.
RESTORE_ID_NAME = "restore-id"
_MEMBERS = {MANIFEST_NAME, headers.HEADER_NAME, DATABASE_NAME}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _integrity_problems(connection: Any) -> list[str]:
    problems = [
        f"SQLCipher: {row[0]}"
        for row in connection.execute("PRAGMA cipher_integrity_check").fetchall()
    ]
    problems += [
        f"SQLite: {row[0]}"
        for row in connection.execute("PRAGMA integrity_check").fetchall()
        if row[0] != "ok"
    ]
    return problems


def check_database(engine: Engine, database: Path) -> list[str]:
    """Both integrity checks on the open database; ``[]`` when it is intact."""
    raw = engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        problems = _integrity_problems(connection)
        if problems:
            # Nothing is written to a damaged database, not even a checkpoint.
            return problems
        # Only a fully checkpointed file can be compared with its page count; a checkpoint
        # can fail for want of disk space, which is no damage.
        try:
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlcipher3.dbapi2.OperationalError:
            busy = 1
        if not busy:
            pages = int(connection.execute("PRAGMA page_count").fetchone()[0])
            page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
            if pages * page_size > database.stat().st_size:
                problems.append("Die Datenbankdatei ist kürzer als ihr Inhalt (abgeschnitten).")
        return problems
    except sqlcipher3.dbapi2.DatabaseError as error:
        trouble = disk_trouble(error, database.parent)
        if trouble is not None:
            raise trouble from error
        return [f"Die Datenbank kann nicht vollständig gelesen werden ({error})."]
    finally:
        raw.close()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def _export(engine: Engine, key: bytearray, copy: Path) -> None:
    """``sqlcipher_export`` of the open database into a new file keyed with the same key.

    ATTACH without a KEY clause gives the copy the open database's key (and salt) inside
    SQLCipher, so the key never passes through SQL text or a bound value, which SQLite would
    free without clearing.
    """
    raw = engine.raw_connection()
    try:
        connection: Any = raw.driver_connection
        connection.execute("ATTACH DATABASE ? AS backup", (str(copy),))
        for pragma in CIPHER_PRAGMAS:
            connection.execute(pragma.replace("PRAGMA ", "PRAGMA backup.", 1))
        try:
            connection.execute("SELECT sqlcipher_export('backup')").fetchall()
        finally:
            connection.execute("DETACH DATABASE backup")
    finally:
        raw.close()
    verify = connect_raw(str(copy), key)
    try:
        verify.execute("PRAGMA journal_mode = DELETE").fetchall()
        problems = _integrity_problems(verify)
    finally:
        verify.close()
    if problems:
        raise VaultError("backup_unverified")


def write_backup(engine: Engine, key: bytearray, data_dir: Path, out: Path) -> None:
    """Export the open database into ``out`` (replaced atomically), with header and manifest.

    Call it between sessions: the export attaches a database, which SQLite refuses inside a
    transaction.
    """
    out = out.resolve()
    if not out.parent.is_dir():
        raise VaultError("backup_folder_missing", folder=out.parent)
    header_bytes = (data_dir / headers.HEADER_NAME).read_bytes()
    headers.decode(header_bytes)
    try:
        with tempfile.TemporaryDirectory(dir=out.parent, prefix=".kim-backup-") as scratch:
            copy = Path(scratch) / DATABASE_NAME
            _export(engine, key, copy)
            manifest = {
                "format": BACKUP_FORMAT,
                "version": BACKUP_VERSION,
                "files": {
                    DATABASE_NAME: _file_sha256(copy),
                    headers.HEADER_NAME: _sha256(header_bytes),
                },
            }
            archive = Path(scratch) / "backup.tar"
            private_file(archive)
            with tarfile.open(archive, "w", format=tarfile.PAX_FORMAT) as tar:
                _add_bytes(tar, MANIFEST_NAME, json.dumps(manifest, indent=2).encode("utf-8"))
                _add_bytes(tar, headers.HEADER_NAME, header_bytes)
                tar.add(copy, arcname=DATABASE_NAME, filter=_private)
            with archive.open("rb+") as handle:
                os.fsync(handle.fileno())
            archive.replace(out)
            headers.fsync_directory(out.parent)
    except OSError as error:
        trouble = disk_trouble(error, out.parent)
        if trouble is not None and trouble.code == "disk_full":
            raise trouble from error
        raise VaultError("backup_unwritable", reason=error.strerror or error) from error
    except sqlcipher3.dbapi2.DatabaseError as error:
        raise disk_trouble(error, out.parent) or VaultError(
            "backup_failed", reason=error) from error


def _private(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.mode = 0o600
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def _unpack(source: Path, staging: Path) -> None:
    """Unpack and verify the backup into ``staging``; anything wrong is :class:`BackupInvalid`."""
    invalid = BackupInvalid("backup_invalid")
    try:
        with tarfile.open(source, "r:") as tar:
            members = {member.name: member for member in tar.getmembers()}
            if set(members) != _MEMBERS or not all(m.isfile() for m in members.values()):
                raise invalid
            for name, member in members.items():
                handle = tar.extractfile(member)
                if handle is None:
                    raise invalid
                with handle, (staging / name).open("wb") as target:
                    shutil.copyfileobj(handle, target, 1 << 20)
                    target.flush()
                    os.fsync(target.fileno())
        manifest = json.loads((staging / MANIFEST_NAME).read_text(encoding="utf-8"))
        if manifest["format"] != BACKUP_FORMAT or manifest["version"] > BACKUP_VERSION:
            raise invalid
        for name in (DATABASE_NAME, headers.HEADER_NAME):
            if manifest["files"][name] != _file_sha256(staging / name):
                raise invalid
        headers.decode((staging / headers.HEADER_NAME).read_bytes())
    except BackupInvalid:
        raise
    except OSError as error:
        # Unpacking writes into the data folder: a full disk there is no fault of the backup.
        trouble = disk_trouble(error, staging)
        if trouble is not None and trouble.code == "disk_full":
            raise trouble from error
        raise invalid from error
    except (tarfile.TarError, EOFError, ValueError, KeyError, TypeError) as error:
        raise invalid from error
    except VaultError as error:
        raise invalid from error


def check_backup(data_dir: Path, source: Path) -> None:
    """Unpacks and verifies ``source`` as :func:`restore_backup` does, touching nothing of the
    vault, so that a wrong or damaged file is refused before the program closes the vault.
    Raises :class:`BackupInvalid`."""
    with tempfile.TemporaryDirectory(dir=data_dir, prefix=".restore-check-") as staging:
        _unpack(source, Path(staging))


def restore_backup(data_dir: Path, source: Path) -> None:
    """Put the backup's files in place; the caller holds the vault's instance lock."""
    staging = Path(tempfile.mkdtemp(dir=data_dir, prefix=".restore-"))
    try:
        _unpack(source, staging)
        previous = data_dir / PREVIOUS_FOLDER
        old_files = [
            data_dir / name
            for name in (
                DATABASE_NAME,
                f"{DATABASE_NAME}-wal",
                f"{DATABASE_NAME}-shm",
                headers.HEADER_NAME,
            )
            if (data_dir / name).exists()
        ]
        if old_files:
            shutil.rmtree(previous, ignore_errors=True)
            previous.mkdir(mode=0o700)
            for path in old_files:
                path.replace(previous / path.name)
        restore_id = staging / RESTORE_ID_NAME
        restore_id.write_text(secrets.token_hex(16), encoding="ascii")
        for name in (DATABASE_NAME, headers.HEADER_NAME, RESTORE_ID_NAME):
            (staging / name).replace(data_dir / name)
        headers.fsync_directory(data_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)

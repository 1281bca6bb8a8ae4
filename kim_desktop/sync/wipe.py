"""Destroying a revoked device's data under a wipe order from the office's IT.

The header holds the wrapped data key: once it is overwritten and gone, nobody can open the
database any more, even from a copy. The database files are overwritten and removed as well.
"""

from __future__ import annotations

import os
from pathlib import Path

from kim_desktop.core.backup import PREVIOUS_FOLDER
from kim_desktop.core.storage import DATABASE_NAME
from kim_desktop.core.vault import (
    CREATING_NAME,
    KEY_ID_NAME,
    PENDING_REKEY_NAME,
    REKEY_BACKUP_NAME,
)
from kim_desktop.core.vault_header import HEADER_NAME

#: Every file of a data folder that holds a key or data, the key header first: with it gone,
#: nobody can open the database any more, even from a copy.
VAULT_FILES = (HEADER_NAME, PENDING_REKEY_NAME, DATABASE_NAME, f"{DATABASE_NAME}-wal",
               f"{DATABASE_NAME}-shm", REKEY_BACKUP_NAME, CREATING_NAME, KEY_ID_NAME)

_CHUNK = 1 << 20


def _overwrite_and_remove(path: Path) -> None:
    if not path.is_file():
        return
    size = path.stat().st_size
    with path.open("r+b") as stream:
        written = 0
        while written < size:
            block = os.urandom(min(_CHUNK, size - written))
            stream.write(block)
            written += len(block)
        stream.flush()
        os.fsync(stream.fileno())
    path.unlink()


def destroy_vault_files(data_dir: Path) -> None:
    """Overwrites and deletes the key headers first, then the database, its journals and the
    backup a key renewal keeps, then the copies an earlier restore kept aside."""
    for name in VAULT_FILES:
        _overwrite_and_remove(data_dir / name)
    previous = data_dir / PREVIOUS_FOLDER
    if previous.is_dir():
        for path in sorted(previous.rglob("*"), reverse=True):
            if path.is_file():
                _overwrite_and_remove(path)
            elif path.is_dir():
                path.rmdir()
        previous.rmdir()

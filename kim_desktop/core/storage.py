"""The SQLCipher engine: one encrypted connection, keyed before anything else touches it.

Every connection comes from :func:`connect_raw`. It silences SQLCipher's own stderr log and
runs ``PRAGMA key = "x'…'"`` first, with the raw 256-bit data key (no passphrase KDF; the key
is random and Argon2id already guards it in the header), then:

* ``cipher_hmac_algorithm = HMAC_SHA256`` instead of SQLCipher 4's default SHA-512. Every
  page written is encrypted and authenticated again, and with SHA-NI in current CPUs SHA-256
  costs about half as much; bench/vault.py shows the insert overhead drop by about 30 %.
  HMAC-SHA256 with a 256-bit key is as sound as the default for page authentication.
* ``cipher_memory_security = OFF``. SQLCipher can wipe and ``mlock`` every allocation it
  frees. We leave it off, on purpose. It costs a large part of the 1.25× encryption budget
  (``bench/vault.py --memory-security`` shows how much). It also protects little here: the key
  also lives in Python objects that cannot be wiped reliably, and whoever can read a running
  process's memory can read the decrypted pages it is working on. What we defend is a machine
  that is lost or stolen while the program is closed or locked. :meth:`Vault.lock` drops the
  engine and zeroes our copy of the key.
* ``temp_store = MEMORY``, so sorts and temporary tables never land in unencrypted temp files.
* ``journal_mode = WAL`` and ``synchronous = FULL``. A committed consultation survives even
  a power cut, and a killed writer leaves the last committed state.
* ``foreign_keys = ON``.
* ``cache_size`` of :data:`CACHE_MIB`.

**One owner.** The engine uses a :class:`~sqlalchemy.pool.StaticPool`: exactly one
connection, opened with ``check_same_thread=False``. The desktop program has one database
worker thread that owns it. All sessions run there, one after the other, and never from two
threads at once. A command-line run is single-threaded anyway.

**Transactions.** The driver's own implicit transaction handling is switched off
(``isolation_level=None``) and SQLAlchemy emits ``BEGIN`` itself. So DDL in migrations is
transactional too, and a failing write rolls back as a whole.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

DATABASE_NAME = "kim.db"

#: Page cache per connection. Plain SQLite can lean on the operating system's file cache;
#: SQLCipher must decrypt and authenticate every page that misses its own cache, so a cache
#: that holds the working set is what keeps encryption cheap (see docs/vault.md for figures).
CACHE_MIB = 128


def key_pragma(key: bytes | bytearray) -> str:
    """The ``PRAGMA key`` statement for a raw 256-bit key."""
    if len(key) != 32:
        raise ValueError("the data key has 32 bytes")
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


#: SQLCipher settings, right after the key and before the first page is read. They are part
#: of the file format: a database opens only with the same ones (backups set them too).
CIPHER_PRAGMAS = (
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA256",
    "PRAGMA cipher_memory_security = OFF",
)

#: SQLite settings of every vault connection, applied right after the key. bench/vault.py
#: applies the same ones to its unencrypted baseline, so the comparison is fair.
SQLITE_PRAGMAS = (
    "PRAGMA temp_store = MEMORY",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    f"PRAGMA cache_size = -{CACHE_MIB * 1024}",
)


def rekey_database(connection: Any, new_key: bytes | bytearray) -> None:
    """``PRAGMA rekey`` on an open, keyed connection: every page re-encrypted under
    ``new_key``, in one transaction (SQLCipher does it in WAL mode too)."""
    if len(new_key) != 32:
        raise ValueError("the data key has 32 bytes")
    connection.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"").fetchall()


def private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists. SQLite gives a new database
    the process's default mode, and its WAL and shared-memory files that of the database."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(descriptor)


def secure_data_dir(data_dir: Path) -> None:
    """Mode 0700 for the data folder and the folders in it, 0600 for every file, whatever
    was there before (only where the system has POSIX modes)."""
    if os.name != "posix":
        return
    data_dir.chmod(0o700)
    for root, folders, files in os.walk(data_dir):
        for name in folders:
            (Path(root) / name).chmod(0o700)
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                path.chmod(0o600)


def apply_pragmas(connection: Any, pragmas: tuple[str, ...] = SQLITE_PRAGMAS) -> None:
    for pragma in pragmas:
        connection.execute(pragma).fetchall()


def connect_raw(path: str, key: bytes | bytearray) -> Any:
    """A keyed DB-API connection with the vault's settings; the caller owns and closes it."""
    connection = sqlcipher3.connect(path, check_same_thread=False, isolation_level=None)
    try:
        # SQLCipher would print decryption failures to stderr itself; the vault turns them
        # into German messages instead.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(key_pragma(key))
        apply_pragmas(connection, CIPHER_PRAGMAS)
        apply_pragmas(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def create_vault_engine(path: str, key: bytes | bytearray) -> Engine:
    """An engine over the encrypted database at ``path`` with exactly one connection.

    The key is copied into the connect function's closure, which the engine keeps until it is
    disposed; :meth:`Vault.lock` disposes it.
    """
    secret = bytes(key)

    def creator() -> Any:
        return connect_raw(path, secret)

    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=sqlcipher3.dbapi2,
        poolclass=StaticPool,
    )

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine

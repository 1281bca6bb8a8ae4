"""The SQLCipher engine: one encrypted connection, keyed before anything else touches it.

Every connection comes from :func:`connect_raw`. It silences SQLCipher's own stderr log and
gives the connection the raw 256-bit data key first (no passphrase KDF; the key is random and
Argon2id already guards it in the header), then:

* ``cipher_hmac_algorithm = HMAC_SHA256`` instead of SQLCipher 4's default SHA-512. Every
  page written is encrypted and authenticated again, and with SHA-NI in current CPUs SHA-256
  costs about half as much; bench/vault.py shows the insert overhead drop by about 30 %.
  HMAC-SHA256 with a 256-bit key is as sound as the default for page authentication.
* ``cipher_memory_security = OFF``. SQLCipher can wipe and ``mlock`` every allocation it
  frees. We leave it off, on purpose. It costs a large part of the 1.25× encryption budget
  (``bench/vault.py --memory-security`` shows how much: 1.42× against 1.11×), and once on it
  cannot be turned off in the process. The keys do not need it: SQLCipher clears its own key
  copies anyway, and ours are zeroed at lock (below). What it would add is clearing the
  decrypted pages SQLite frees, fragments of records shown before a lock (docs/vault.md,
  "Keys in memory").

**The key never becomes text.** It goes in by ``sqlite3_key`` (``Connection.set_key``) as
``x'…'`` spelled out in a bytearray that is zeroed right after, not as a ``PRAGMA key``
statement: SQLite would keep the statement's text in memory it frees without clearing, and
Python would keep the string. SQLCipher's own copies of the key it clears itself when the
connection closes, whatever ``cipher_memory_security`` says.
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

import errno
import os
import secrets
import shutil
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from kim_desktop.core.errors import VaultError
from kim_desktop.core.key_memory import wipe

DATABASE_NAME = "kim.db"

#: Page cache per connection. Plain SQLite can lean on the operating system's file cache;
#: SQLCipher must decrypt and authenticate every page that misses its own cache, so a cache
#: that holds the working set is what keeps encryption cheap (see docs/vault.md for figures).
CACHE_MIB = 128


#: SQLite's primary result codes for a full disk and for an I/O error; an extended code keeps
#: its primary one in the low byte.
_SQLITE_FULL = 13
_SQLITE_IOERR = 10
#: Free space below which an I/O error is taken for a full disk (SQLite reports a write to
#: its shared-memory file on a full disk as an I/O error, not as "full").
_NEARLY_FULL_BYTES = 1 << 20

_HEX_DIGITS = b"0123456789abcdef"


def disk_trouble(error: BaseException, folder: Path) -> VaultError | None:
    """The error to show when ``error`` (from SQLite or the file system) comes of a full or
    failing disk under ``folder``; None when it does not, which leaves damage as the cause.

    Telling them apart matters: for damage the advice is to restore the last backup, which on
    a full disk would only throw away the recent work.
    """
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(original, OSError):
        if original.errno in (errno.ENOSPC, errno.EDQUOT):
            return VaultError("disk_full")
        if original.errno in (errno.EIO, errno.EROFS):
            return VaultError("disk_error")
        return None
    if code is None:
        return None
    if code & 0xFF == _SQLITE_FULL:
        return VaultError("disk_full")
    if code & 0xFF == _SQLITE_IOERR:
        try:
            nearly_full = shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
        except OSError:
            nearly_full = False
        return VaultError("disk_full" if nearly_full else "disk_error")
    return None


def key_spec(key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form ``x'<64 hex digits>'`` of a 256-bit key, written straight into
    a bytearray (no ``str`` or ``bytes`` copy); the caller zeroes it after use."""
    if len(key) != 32:
        raise ValueError("the data key has 32 bytes")
    spec = bytearray(b"x'" + bytes(64) + b"'")
    for index, byte in enumerate(key):
        spec[2 + 2 * index] = _HEX_DIGITS[byte >> 4]
        spec[3 + 2 * index] = _HEX_DIGITS[byte & 15]
    return spec


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
    spec = key_spec(new_key)
    try:
        connection.reset_key(spec)
    finally:
        wipe(spec)


def private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists. SQLite gives a new database
    the process's default mode, and its WAL and shared-memory files that of the database."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(descriptor)


def write_private_file(path: Path, content: bytes | Iterable[bytes], *,
                       exclusive: bool = False) -> Path:
    """Writes ``content`` to ``path`` readable by its owner alone (mode 0600), whatever the
    umask and whatever mode a file of that name had: for the plaintext copies a user saves
    outside the vault (an Art. 15 export, an archive copy, the audit log, the export for the
    Datenbank KIM), which other accounts of the machine must not read. ``content`` may come
    in parts (a long export written as it is read); ``exclusive``: the file must not exist
    yet."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    descriptor = os.open(path, flags, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        if os.name == "posix":
            os.fchmod(handle.fileno(), 0o600)
        for part in [content] if isinstance(content, bytes) else content:
            handle.write(part)
    return path


class StagedFiles:
    """Private files (see :func:`write_private_file`) written first under temporary names
    beside their targets and put in place by :meth:`publish`, once the export's audit event
    is committed: an export that fails halfway (a full or pulled stick, a later file that
    cannot be written, a transaction rolled back) leaves no plaintext behind unlogged."""

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []

    def write(self, path: Path, content: bytes | Iterable[bytes]) -> Path:
        if path.is_dir():  # the rename would fail only after the commit
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
        self._staged.append((temporary, path))
        write_private_file(temporary, content, exclusive=True)
        return path

    def publish(self) -> list[Path]:
        """Renames every staged file into place; if one cannot be, none stays."""
        placed: list[Path] = []
        try:
            for temporary, path in self._staged:
                os.replace(temporary, path)
                placed.append(path)
        except OSError:
            for path in placed:
                path.unlink(missing_ok=True)
            self.discard()
            raise
        self._staged.clear()
        return placed

    def discard(self) -> None:
        for temporary, _ in self._staged:
            temporary.unlink(missing_ok=True)
        self._staged.clear()


@contextmanager
def staged_private_files() -> Iterator[StagedFiles]:
    """:class:`StagedFiles` whose files not yet published are removed on any error."""
    staged = StagedFiles()
    try:
        yield staged
    except BaseException:
        staged.discard()
        raise


def secure_data_dir(data_dir: Path) -> None:
    """Mode 0700 for the data folder and the folders in it, 0600 for every file, whatever
    was there before (only where the system has POSIX modes).

    A symbolic link inside the folder is left as it is, and so is what it points to: every
    name is opened relative to its folder's descriptor without following links, and changed
    through that descriptor, so a link swapped in meanwhile cannot redirect the change
    outside. The data folder itself may be a link (IT may place it so).
    """
    if os.name != "posix":
        return
    top = os.open(data_dir, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fchmod(top, 0o700)
        for _root, _folders, files, folder in os.fwalk(".", dir_fd=top, follow_symlinks=False):
            os.fchmod(folder, 0o700)
            for name in files:
                _private_mode(name, folder)
    finally:
        os.close(top)


def _private_mode(name: str, folder: int) -> None:
    """0600 for the regular file ``name`` in ``folder``; a link, pipe or socket is skipped."""
    try:
        descriptor = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOENT, errno.ENXIO):
            return
        raise
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.fchmod(descriptor, 0o600)
    finally:
        os.close(descriptor)


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
        spec = key_spec(key)
        try:
            connection.set_key(spec)
        finally:
            wipe(spec)
        apply_pragmas(connection, CIPHER_PRAGMAS)
        apply_pragmas(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def create_vault_engine(path: str, key: bytes | bytearray) -> Engine:
    """An engine over the encrypted database at ``path`` with exactly one connection.

    The connect function holds ``key`` itself, not a copy, so zeroing it (as
    :meth:`Vault.lock` does after disposing the engine) leaves no key behind in the engine.
    """

    def creator() -> Any:
        return connect_raw(path, key)

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

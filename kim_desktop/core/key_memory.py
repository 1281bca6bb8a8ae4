"""Keys in memory: held in bytearrays, which are zeroed when the vault locks.

Python gives no promise that a secret leaves no copy behind: freed objects keep their bytes
until the memory is reused. So the data key and the office key live in ``bytearray`` objects
that are overwritten in place (:func:`wipe`), and are handed to the libraries as buffers,
never turned into ``bytes`` or ``str``. Where a library returns a secret as ``bytes`` (AES-GCM's
plaintext, HKDF's output), :func:`taken` copies it into a bytearray and overwrites the
immutable original with ``ctypes.memset``: the one way to clear an immutable object, safe
only for an object that nothing else holds or has hashed. docs/vault.md lists what is wiped at
lock and what cannot be (the typed password in Qt, the operating system's swap).
"""

from __future__ import annotations

import ctypes

#: Where CPython keeps the content of a ``bytes`` object, from the object's address.
_BYTES_DATA = bytes.__basicsize__ - 1


def wipe(secret: bytes | bytearray) -> None:
    """Overwrite ``secret`` with zeros in place."""
    if isinstance(secret, bytearray):
        secret[:] = bytes(len(secret))
    elif len(secret) > 1:  # the empty and the one-byte objects are shared by the interpreter
        ctypes.memset(id(secret) + _BYTES_DATA, 0, len(secret))


def taken(secret: bytes) -> bytearray:
    """A bytearray with the content of ``secret``, which a library just returned; the
    original is wiped."""
    copy = bytearray(secret)
    wipe(secret)
    return copy

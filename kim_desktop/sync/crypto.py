"""Payload encryption under the office key, and the key check value.

A payload is the JSON of a record's columns, compressed with zstd, padded to a size bucket
and sealed with AES-256-GCM. The associated data (:func:`kim_protocol.wire.associated_data`)
binds office, kind, record id and version, so the server cannot move a ciphertext to another
record or replay an old version under a new number. The sealed form is ``nonce (12 bytes) ||
ciphertext || tag``.

**Padding.** The plaintext is ``0x02``, the length of the zstd frame (4 bytes), the frame, and
zeros up to :func:`padded_size`: at least 256 bytes, above that the next multiple of a quarter
of the power of two below, so the padding adds less than 25 % and the server sees only which
bucket a note's length falls into, not the length. Plaintexts of format ``0x01`` (no padding)
from older devices still open.

**Keys.** The office key is derived from the office recovery key with HKDF, so the recovery
key printed at office set-up is all a later device needs. It is used for nothing directly:
HKDF derives one subkey for AES-GCM and one for the key check value (labels ``kim office
encryption v2`` and ``kim office key check v2``). The check value is an HMAC of a constant
under its subkey: a device can verify a typed recovery key against it, and the server, which
stores it, learns nothing about the key. Offices from before (AES-GCM and the HMAC under the
office key itself) migrate: their ciphertexts still open (the office key is tried second), and
the first device of a newer version replaces the old check value once (see
:mod:`kim_desktop.sync.enroll`).

**Blobs.** An attachment's content is sealed in chunks (:func:`seal_chunk`) under a subkey of
its own (``kim office blob v1``), with associated data binding office, the content's SHA-256,
chunk index and count (:func:`kim_protocol.wire.blob_associated_data`). A chunk's plaintext is
the length of its content (4 bytes), the content, and zeros: the last chunk is padded like a
payload, up to at most a full chunk, so the server sees a blob's size in MiB and the last
MiB's bucket. The nonce is an HMAC of associated data and plaintext under another subkey
(``kim office blob nonce v1``), as in a synthetic-IV scheme: the same file is sealed to the
same chunks on every device of the office, and two different plaintexts never share a nonce.
The blob id (:func:`seal_blob`) is the SHA-256 of the chunks' SHA-256 digests, something the
server can check for every chunk it takes: equal files of an office share one blob, no device
can put other bytes under a file's id, and without the office key nobody can tell which file
a blob id belongs to.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
from dataclasses import dataclass
from typing import Any

import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kim_desktop.core.key_memory import taken, wipe
from kim_protocol.payload import payload_json
from kim_protocol.wire import BLOB_CHUNK_BYTES, associated_data, blob_associated_data

KEY_BYTES = 32
NONCE_BYTES = 12
_LEGACY_KEY_CHECK_LABEL = b"kim key check v1"
_KEY_CHECK_LABEL = b"kim key check v2"
_OFFICE_KEY_INFO = b"kim office key v1"
_ENCRYPTION_INFO = b"kim office encryption v2"
_KEY_CHECK_INFO = b"kim office key check v2"
_BLOB_INFO = b"kim office blob v1"
_BLOB_NONCE_INFO = b"kim office blob nonce v1"
#: The first plaintext byte names the encoding, so a later one can be introduced safely.
_FORMAT_ZSTD_JSON = b"\x01"
_FORMAT_PADDED = b"\x02"
_LENGTH_BYTES = 4
MIN_BUCKET = 256
_MAX_PAYLOAD_BYTES = 16 * 1024 * 1024

#: The office key as the sync holds it: a bytearray opened from the vault (zeroed when the vault
#: locks), or bytes in tests and benchmarks.
OfficeKey = bytes | bytearray

_compressor = zstandard.ZstdCompressor(level=3)
_decompressor = zstandard.ZstdDecompressor()


class PayloadError(Exception):
    """A ciphertext that does not open under this office key and these associated data.

    ``reason`` says which step failed, without any content: ``"decrypt"`` (wrong key, or
    forged or damaged ciphertext), ``"format"`` (an encoding this version does not know) or
    ``"parse"`` (not a JSON object).
    """

    def __init__(self, message: str, reason: str = "decrypt") -> None:
        super().__init__(message)
        self.reason = reason


def office_key_from_recovery(recovery_secret: bytes) -> bytearray:
    """The office key belonging to the 32 secret bytes of an office recovery key (a bytearray,
    for :func:`kim_desktop.core.key_memory.wipe`)."""
    if len(recovery_secret) != KEY_BYTES:
        raise ValueError("the recovery secret must be 32 bytes")
    return taken(HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                      info=_OFFICE_KEY_INFO).derive(recovery_secret))


def _subkey(office_key: OfficeKey, info: bytes) -> bytes:
    if not any(office_key):
        # All zeros: the vault locked while a sync still ran. Nothing may be sealed with it.
        raise PayloadError("the office key was wiped")
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=info).derive(office_key)


def key_check_value(office_key: OfficeKey) -> bytes:
    subkey = _subkey(office_key, _KEY_CHECK_INFO)
    value = hmac.new(subkey, _KEY_CHECK_LABEL, hashlib.sha256).digest()
    wipe(subkey)
    return value


def legacy_key_check_value(office_key: OfficeKey) -> bytes:
    """The check value offices had before the subkeys: an HMAC under the office key itself."""
    return hmac.new(office_key, _LEGACY_KEY_CHECK_LABEL, hashlib.sha256).digest()


def key_matches(office_key: OfficeKey, key_check: bytes) -> bool:
    """True when ``key_check`` belongs to ``office_key``, in the current or the old form."""
    return (hmac.compare_digest(key_check_value(office_key), key_check)
            or hmac.compare_digest(legacy_key_check_value(office_key), key_check))


def encode_payload(payload: dict[str, Any]) -> bytes:
    """The compressed plaintext of a payload before padding: the 'compressed payload' size."""
    return _FORMAT_ZSTD_JSON + _compressor.compress(payload_json(payload).encode())


def padded_size(length: int) -> int:
    """The bucket a plaintext of ``length`` bytes is padded to (less than 25 % more)."""
    if length <= MIN_BUCKET:
        return MIN_BUCKET
    step = 1 << (length.bit_length() - 3)
    return -(-length // step) * step


def padded_plaintext(text: str) -> bytes:
    """What :func:`seal_json` encrypts: the zstd frame of ``text`` with its length, padded."""
    frame = _compressor.compress(text.encode())
    body = _FORMAT_PADDED + len(frame).to_bytes(_LENGTH_BYTES, "big") + frame
    return body + bytes(padded_size(len(body)) - len(body))


#: Cipher objects for the office key in use (building one costs more than sealing a small
#: payload): the encryption subkey's and the office key's own, for ciphertexts of before the
#: subkeys. They are found by a hash of the key, so the key itself is no dictionary key that
#: would outlive the lock; :func:`forget_keys` empties it when the vault locks.
_ciphers: dict[bytes, tuple[AESGCM, AESGCM]] = {}


def _aead(office_key: OfficeKey) -> tuple[AESGCM, AESGCM]:
    fingerprint = hashlib.sha256(office_key).digest()
    ciphers = _ciphers.get(fingerprint)
    if ciphers is None:
        _ciphers.clear()
        subkey = _subkey(office_key, _ENCRYPTION_INFO)
        # A cipher keeps its key in OpenSSL, which clears it when the object goes; it still
        # works once the key given to it is zeroed.
        ciphers = (AESGCM(subkey), AESGCM(office_key))
        wipe(subkey)
        _ciphers[fingerprint] = ciphers
    return ciphers


def forget_keys() -> None:
    """Drop every cipher object, and with them the keys (called when the vault locks)."""
    _ciphers.clear()
    _blob_ciphers.clear()


_blob_ciphers: dict[bytes, AESGCM] = {}


def _blob_aead(office_key: OfficeKey) -> AESGCM:
    fingerprint = hashlib.sha256(office_key).digest()
    cipher = _blob_ciphers.get(fingerprint)
    if cipher is None:
        _blob_ciphers.clear()
        subkey = _subkey(office_key, _BLOB_INFO)
        cipher = _blob_ciphers[fingerprint] = AESGCM(subkey)
        wipe(subkey)
    return cipher


def chunk_count(size: int) -> int:
    """How many chunks a blob of ``size`` content bytes has (at least one)."""
    return max(1, -(-size // BLOB_CHUNK_BYTES))


def seal_chunk(office_key: OfficeKey, *, office_id: str, content_sha256: str, index: int,
               count: int, content: bytes) -> bytes:
    """Chunk ``index`` of ``count`` of the file whose SHA-256 is ``content_sha256``: at most
    :data:`BLOB_CHUNK_BYTES` of content, sealed, the same bytes on every device."""
    if len(content) > BLOB_CHUNK_BYTES:
        raise ValueError("a chunk holds at most BLOB_CHUNK_BYTES")
    body = len(content).to_bytes(_LENGTH_BYTES, "big") + content
    size = min(padded_size(len(body)), _LENGTH_BYTES + BLOB_CHUNK_BYTES)
    plain = body + bytes(size - len(body))
    aad = blob_associated_data(office_id=office_id, content_sha256=content_sha256, index=index,
                               count=count)
    nonce_key = _subkey(office_key, _BLOB_NONCE_INFO)
    mac = hmac.new(nonce_key, len(aad).to_bytes(4, "big") + aad, hashlib.sha256)
    wipe(nonce_key)
    mac.update(plain)
    nonce = mac.digest()[:NONCE_BYTES]
    return nonce + _blob_aead(office_key).encrypt(nonce, plain, aad)


@dataclass(frozen=True)
class SealedBlob:
    """A file sealed as a blob: its id, its manifest and its chunks."""

    blob_id: str
    #: The SHA-256 digests of the chunks, one after another; ``blob_id`` is its SHA-256.
    manifest: bytes
    chunks: list[bytes]


def seal_blob(office_key: OfficeKey, *, office_id: str, content: bytes) -> SealedBlob:
    """All chunks of a file, sealed, with the manifest and the blob id the server checks."""
    content_sha256 = hashlib.sha256(content).hexdigest()
    count = chunk_count(len(content))
    chunks = [
        seal_chunk(office_key, office_id=office_id, content_sha256=content_sha256, index=index,
                   count=count, content=content[index * BLOB_CHUNK_BYTES:
                                                (index + 1) * BLOB_CHUNK_BYTES])
        for index in range(count)
    ]  # fmt: skip
    manifest = b"".join(hashlib.sha256(chunk).digest() for chunk in chunks)
    return SealedBlob(hashlib.sha256(manifest).hexdigest(), manifest, chunks)


def open_chunk(office_key: OfficeKey, *, office_id: str, content_sha256: str, index: int,
               count: int, sealed: bytes) -> bytes:
    """The content of a sealed chunk; :class:`PayloadError` when it does not open here (another
    key, office, file, place or count) or its length does not fit."""
    aad = blob_associated_data(office_id=office_id, content_sha256=content_sha256, index=index,
                               count=count)
    try:
        plain = _blob_aead(office_key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except (InvalidTag, ValueError) as error:
        raise PayloadError("chunk does not open") from error
    length = int.from_bytes(plain[:_LENGTH_BYTES], "big")
    if length > len(plain) - _LENGTH_BYTES:
        raise PayloadError("chunk does not decode", "parse")
    return plain[_LENGTH_BYTES:_LENGTH_BYTES + length]


def seal(office_key: OfficeKey, *, office_id: str, kind: str, record_id: str, version: int,
         payload: dict[str, Any]) -> bytes:
    return seal_json(office_key, office_id=office_id, kind=kind, record_id=record_id,
                     version=version, text=payload_json(payload))


def seal_json(office_key: OfficeKey, *, office_id: str, kind: str, record_id: str, version: int,
              text: str) -> bytes:
    """:func:`seal` for a payload already in its :func:`payload_json` text."""
    nonce = os.urandom(NONCE_BYTES)
    aad = associated_data(office_id=office_id, kind=kind, record_id=record_id, version=version)
    return nonce + _aead(office_key)[0].encrypt(nonce, padded_plaintext(text), aad)


def open_sealed(office_key: OfficeKey, *, office_id: str, kind: str, record_id: str, version: int,
                sealed: bytes) -> dict[str, Any]:
    return parse_payload(open_json(office_key, office_id=office_id, kind=kind,
                                   record_id=record_id, version=version, sealed=sealed))


def open_json(office_key: OfficeKey, *, office_id: str, kind: str, record_id: str, version: int,
              sealed: bytes) -> str:
    """The payload's JSON text, as :func:`seal_json` was given it."""
    aad = associated_data(office_id=office_id, kind=kind, record_id=record_id, version=version)
    plain = None
    for cipher in _aead(office_key):
        try:
            plain = cipher.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
            break
        except (InvalidTag, ValueError):
            continue
    if plain is None:
        raise PayloadError("ciphertext does not open")
    if plain[:1] == _FORMAT_PADDED:
        length = int.from_bytes(plain[1:1 + _LENGTH_BYTES], "big")
        frame = plain[1 + _LENGTH_BYTES:1 + _LENGTH_BYTES + length]
        if len(frame) != length:
            raise PayloadError("payload does not decode", "parse")
    elif plain[:1] == _FORMAT_ZSTD_JSON:
        frame = plain[1:]
    else:
        raise PayloadError("unknown payload format", "format")
    try:
        return _decompressor.decompress(frame, max_output_size=_MAX_PAYLOAD_BYTES).decode()
    except (zstandard.ZstdError, ValueError) as error:
        raise PayloadError("payload does not decode", "parse") from error


#: The largest integer a payload may hold: what every JSON reader takes exactly. No field
#: needs more; a larger one stopped every pull where the database could not store it.
MAX_PAYLOAD_INT = 2**53


def _bounded_int(text: str) -> int:
    value = int(text)
    if abs(value) > MAX_PAYLOAD_INT:
        raise ValueError("integer out of range")
    return value


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def _no_constant(text: str) -> None:
    raise ValueError(f"{text} is no value of a record")


def parse_payload(text: str) -> dict[str, Any]:
    """The payload object of a record's JSON text. Numbers no record holds (NaN, Infinity,
    1e400, integers beyond 2**53) and nesting too deep to read do not decode: such a record
    would stop every later pull of every device, where it failed to be stored or reported."""
    try:
        payload = json.loads(text, parse_int=_bounded_int, parse_float=_finite_float,
                             parse_constant=_no_constant)
    except (ValueError, RecursionError) as error:
        raise PayloadError("payload does not decode", "parse") from error
    if not isinstance(payload, dict):
        raise PayloadError("payload is not an object", "parse")
    return payload

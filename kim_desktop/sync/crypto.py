"""Payload encryption under the office key, and the key check value.

A payload is the JSON of a record's columns, compressed with zstd and sealed with AES-256-GCM.
The associated data (:func:`kim_protocol.wire.associated_data`) binds office, kind, record
id and version, so the server cannot move a ciphertext to another record or replay an old
version under a new number. The sealed form is ``nonce (12 bytes) || ciphertext || tag``.

The office key is derived from the office recovery key with HKDF, so the recovery key printed
at office set-up is all a later device needs. The key check value is an HMAC of a constant
under the office key: a device can verify a typed recovery key against it, and the server,
which stores it, learns nothing about the key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from functools import lru_cache
from typing import Any

import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kim_protocol.payload import payload_json
from kim_protocol.wire import associated_data

KEY_BYTES = 32
NONCE_BYTES = 12
_KEY_CHECK_LABEL = b"kim key check v1"
_OFFICE_KEY_INFO = b"kim office key v1"
#: The first plaintext byte names the encoding, so a later one can be introduced safely.
_FORMAT_ZSTD_JSON = b"\x01"
_MAX_PAYLOAD_BYTES = 16 * 1024 * 1024

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


def office_key_from_recovery(recovery_secret: bytes) -> bytes:
    """The office key belonging to the 32 secret bytes of an office recovery key."""
    if len(recovery_secret) != KEY_BYTES:
        raise ValueError("the recovery secret must be 32 bytes")
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=_OFFICE_KEY_INFO).derive(recovery_secret)


def key_check_value(office_key: bytes) -> bytes:
    return hmac.new(office_key, _KEY_CHECK_LABEL, hashlib.sha256).digest()


def key_matches(office_key: bytes, key_check: bytes) -> bool:
    return hmac.compare_digest(key_check_value(office_key), key_check)


def encode_payload(payload: dict[str, Any]) -> bytes:
    """The compressed plaintext of a payload; its length is the 'compressed payload' size."""
    return _FORMAT_ZSTD_JSON + _compressor.compress(payload_json(payload).encode())


@lru_cache(maxsize=2)
def _aead(office_key: bytes) -> AESGCM:
    """One cipher object per key: building it costs more than sealing a small payload."""
    return AESGCM(office_key)


def seal(office_key: bytes, *, office_id: str, kind: str, record_id: str, version: int,
         payload: dict[str, Any]) -> bytes:
    return seal_json(office_key, office_id=office_id, kind=kind, record_id=record_id,
                     version=version, text=payload_json(payload))


def seal_json(office_key: bytes, *, office_id: str, kind: str, record_id: str, version: int,
              text: str) -> bytes:
    """:func:`seal` for a payload already in its :func:`payload_json` text."""
    nonce = os.urandom(NONCE_BYTES)
    aad = associated_data(office_id=office_id, kind=kind, record_id=record_id, version=version)
    plain = _FORMAT_ZSTD_JSON + _compressor.compress(text.encode())
    return nonce + _aead(office_key).encrypt(nonce, plain, aad)


def open_sealed(office_key: bytes, *, office_id: str, kind: str, record_id: str, version: int,
                sealed: bytes) -> dict[str, Any]:
    return parse_payload(open_json(office_key, office_id=office_id, kind=kind,
                                   record_id=record_id, version=version, sealed=sealed))


def open_json(office_key: bytes, *, office_id: str, kind: str, record_id: str, version: int,
              sealed: bytes) -> str:
    """The payload's JSON text, as :func:`seal_json` was given it."""
    aad = associated_data(office_id=office_id, kind=kind, record_id=record_id, version=version)
    try:
        plain = _aead(office_key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except (InvalidTag, ValueError) as error:
        raise PayloadError("ciphertext does not open") from error
    if plain[:1] != _FORMAT_ZSTD_JSON:
        raise PayloadError("unknown payload format", "format")
    try:
        return _decompressor.decompress(plain[1:], max_output_size=_MAX_PAYLOAD_BYTES).decode()
    except (zstandard.ZstdError, ValueError) as error:
        raise PayloadError("payload does not decode", "parse") from error


def parse_payload(text: str) -> dict[str, Any]:
    try:
        payload = json.loads(text)
    except ValueError as error:
        raise PayloadError("payload does not decode", "parse") from error
    if not isinstance(payload, dict):
        raise PayloadError("payload is not an object", "parse")
    return payload

"""Recovery keys: 32 secret bytes written so that a person can print, read and type them.

The key is shown as 13 blocks of 5 characters from Crockford's base32 alphabet
(``0-9`` and ``A-Z`` without ``I L O U``), e.g. ``7K2QF-M0XD9-...``. Each block holds four data
characters and one check character. The check makes every block a codeword over GF(32):

    sum(alpha**i * s_i for i in 0..4) == block_number + 1

so within a block every single wrong character and every swap of two different characters
changes the sum and is caught, and so is a whole block typed in the wrong place. The error
names the block, so the person knows where to look. Parsing forgives what people do when they
type: any spaces or dashes, lower case, ``O`` for ``0`` and ``I``/``L`` for ``1``.

52 data characters carry 260 bits; the last 4 bits are zero and checked too.
"""

from __future__ import annotations

import secrets

from kim_desktop.core.errors import InvalidRecoveryKey

__all__ = ["InvalidRecoveryKey", "generate_recovery_key", "parse_recovery_key"]

KEY_BYTES = 32
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUES = {char: value for value, char in enumerate(_ALPHABET)}
_VALUES.update({"O": 0, "I": 1, "L": 1})
_DATA_PER_BLOCK = 4
_BLOCK = _DATA_PER_BLOCK + 1
_DATA_CHARS = 52  # ceil(256 / 5), a multiple of _DATA_PER_BLOCK
_BLOCKS = _DATA_CHARS // _DATA_PER_BLOCK
_PAD_BITS = _DATA_CHARS * 5 - KEY_BYTES * 8

# GF(32) from the primitive polynomial x^5 + x^2 + 1; alpha = 2 generates all 31 non-zero
# elements, so the block positions 0..4 get distinct weights.
_EXP = [0] * 62
_LOG = [0] * 32
_x = 1
for _i in range(31):
    _EXP[_i] = _EXP[_i + 31] = _x
    _LOG[_x] = _i
    _x <<= 1
    if _x & 0b100000:
        _x ^= 0b100101


def _mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[_LOG[a] + _LOG[b]]


def _syndrome(symbols: list[int]) -> int:
    total = 0
    for position, symbol in enumerate(symbols):
        total ^= _mul(_EXP[position], symbol)
    return total


def _check_symbol(data: list[int], block_number: int) -> int:
    # Solve alpha^4 * c + sum(alpha^i d_i) == block_number + 1 for c (addition is XOR).
    rest = _syndrome(data) ^ (block_number + 1)
    return _mul(rest, _EXP[31 - _DATA_PER_BLOCK])


def format_recovery_key(secret: bytes) -> str:
    """The printable form of 32 secret bytes."""
    if len(secret) != KEY_BYTES:
        raise ValueError("a recovery key holds exactly 32 bytes")
    number = int.from_bytes(secret, "big") << _PAD_BITS
    data = [(number >> (5 * (_DATA_CHARS - 1 - i))) & 31 for i in range(_DATA_CHARS)]
    blocks = []
    for block_number in range(_BLOCKS):
        chunk = data[block_number * _DATA_PER_BLOCK : (block_number + 1) * _DATA_PER_BLOCK]
        symbols = [*chunk, _check_symbol(chunk, block_number)]
        blocks.append("".join(_ALPHABET[s] for s in symbols))
    return "-".join(blocks)


def generate_recovery_key() -> tuple[str, bytes]:
    """A new random recovery key: (the grouped text to show once, the 32 secret bytes)."""
    secret = secrets.token_bytes(KEY_BYTES)
    return format_recovery_key(secret), secret


def parse_recovery_key(text: str) -> bytes:
    """The 32 secret bytes of a typed recovery key, or :class:`InvalidRecoveryKey`."""
    compact = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-–—_.")
    bad = sorted({ch for ch in compact if ch not in _VALUES})
    if bad:
        raise InvalidRecoveryKey("recovery_key_characters",
                                 characters=", ".join(repr(ch) for ch in bad))
    expected = _BLOCKS * _BLOCK
    if len(compact) != expected:
        raise InvalidRecoveryKey("recovery_key_length", length=len(compact), expected=expected,
                                 blocks=_BLOCKS, block=_BLOCK)
    symbols = [_VALUES[ch] for ch in compact]
    wrong_blocks = [
        block_number + 1
        for block_number in range(_BLOCKS)
        if _syndrome(symbols[block_number * _BLOCK : (block_number + 1) * _BLOCK])
        != block_number + 1
    ]
    if wrong_blocks:
        raise InvalidRecoveryKey(
            "recovery_key_typo_block" if len(wrong_blocks) == 1 else "recovery_key_typo_blocks",
            blocks=", ".join(str(n) for n in wrong_blocks),
        )
    number = 0
    for block_number in range(_BLOCKS):
        for symbol in symbols[block_number * _BLOCK : block_number * _BLOCK + _DATA_PER_BLOCK]:
            number = (number << 5) | symbol
    if number & ((1 << _PAD_BITS) - 1):
        raise InvalidRecoveryKey("recovery_key_typo_last")
    return (number >> _PAD_BITS).to_bytes(KEY_BYTES, "big")

"""Recovery keys: round trip, forgiving input, and every typing error of one kind caught."""

from __future__ import annotations

import itertools

import pytest

from kim_desktop.core.errors import VaultError
from kim_desktop.core.recovery_key import (
    InvalidRecoveryKey,
    format_recovery_key,
    generate_recovery_key,
    parse_recovery_key,
)

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def test_round_trip_and_shape() -> None:
    text, secret = generate_recovery_key()
    assert len(secret) == 32
    blocks = text.split("-")
    assert len(blocks) == 13 and all(len(b) == 5 for b in blocks)
    assert set(text) <= set(ALPHABET) | {"-"}
    assert parse_recovery_key(text) == secret


@pytest.mark.parametrize("secret", [bytes(32), b"\xff" * 32, bytes(range(32))])
def test_edge_secrets_round_trip(secret: bytes) -> None:
    assert parse_recovery_key(format_recovery_key(secret)) == secret


def test_forgives_spaces_case_and_look_alikes() -> None:
    secret = bytes(range(32))
    text = format_recovery_key(secret)
    sloppy = " ".join(text.replace("-", "").lower()[i : i + 3] for i in range(0, 65, 3))
    sloppy = sloppy.replace("0", "o").replace("1", "l")
    assert parse_recovery_key(sloppy) == secret
    assert parse_recovery_key(text.replace("1", "I")) == secret


def test_every_single_character_typo_is_caught() -> None:
    text, _ = generate_recovery_key()
    compact = text.replace("-", "")
    for position, wrong in itertools.product(range(len(compact)), ALPHABET):
        if wrong == compact[position]:
            continue
        typo = compact[:position] + wrong + compact[position + 1 :]
        with pytest.raises(InvalidRecoveryKey) as caught:
            parse_recovery_key(typo)
        assert f"Block {position // 5 + 1}" in str(caught.value)


def test_every_swap_within_a_block_and_every_swapped_block_is_caught() -> None:
    text, _ = generate_recovery_key()
    blocks = text.split("-")
    for number, block in enumerate(blocks):
        for i, j in itertools.combinations(range(5), 2):
            if block[i] == block[j]:
                continue
            chars = list(block)
            chars[i], chars[j] = chars[j], chars[i]
            swapped = [*blocks[:number], "".join(chars), *blocks[number + 1 :]]
            with pytest.raises(InvalidRecoveryKey):
                parse_recovery_key("-".join(swapped))
    for a, b in itertools.combinations(range(13), 2):
        swapped = list(blocks)
        swapped[a], swapped[b] = swapped[b], swapped[a]
        with pytest.raises(InvalidRecoveryKey):
            parse_recovery_key("-".join(swapped))


@pytest.mark.parametrize(
    ("mangle", "needle"),
    [
        (lambda t: t[:-1], "64 statt 65"),
        (lambda t: t + "A", "66 statt 65"),
        (lambda t: "U" + t[1:], "ungültige Zeichen"),
        (lambda t: "", "0 statt 65"),
    ],
)
def test_format_errors_are_german_and_vault_errors(mangle, needle: str) -> None:
    text, _ = generate_recovery_key()
    with pytest.raises(VaultError) as caught:
        parse_recovery_key(mangle(text))
    assert isinstance(caught.value, InvalidRecoveryKey)
    assert needle in str(caught.value)

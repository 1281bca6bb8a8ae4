"""The cell key method's pieces: the p-table as data, record keys, and publishing a cell."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from sync_server.reports.cells import Count, Sum, publish
from sync_server.reports.perturbation import (
    KEY_MODULUS,
    MAX_DEVIATION,
    PTABLE_PATH,
    VARIANCE,
    build_rows,
    load_ptable,
    record_key,
)

keys = st.integers(min_value=0, max_value=10 * KEY_MODULUS)


def test_the_shipped_ptable_is_the_published_method_with_its_parameters() -> None:
    data = json.loads(PTABLE_PATH.read_text(encoding="utf-8"))
    assert (data["max_deviation"], data["variance"]) == (MAX_DEVIATION, VARIANCE)
    assert "ptable" in data["source"] and data["version"]
    rows = build_rows(MAX_DEVIATION, VARIANCE)
    assert {int(i): [(v, round(p, 12)) for v, p in row] for i, row in data["rows"].items()} == {
        i: [(v, round(p, 12)) for v, p in row] for i, row in rows.items()}
    table = load_ptable()
    for count in range(0, 12):
        p = table.probabilities(count)
        assert abs(sum(p.values()) - 1) < 1e-9
        assert abs(sum(v * q for v, q in p.items())) < 1e-6, "unbiased"
        assert min(count + v for v in p) >= 0 and max(abs(v) for v in p) <= MAX_DEVIATION
        if count:
            assert abs(sum(v * v * q for v, q in p.items()) - VARIANCE) < 1e-6
    assert table.probabilities(0) == {0: 1.0}, "zero stays zero"


def test_record_keys_need_the_secret() -> None:
    one = record_key(b"a" * 32, "pseudonym", "case", "2026-03")
    assert one == record_key(b"a" * 32, "pseudonym", "case", "2026-03")
    assert one != record_key(b"b" * 32, "pseudonym", "case", "2026-03")
    assert 0 <= one < KEY_MODULUS


@given(st.integers(min_value=0, max_value=10_000), keys)
def test_a_count_is_perturbed_consistently_and_small_ones_hidden(n: int, key: int) -> None:
    cell = publish(Count(n, key), "count", threshold=5)
    assert cell == publish(Count(n, key + KEY_MODULUS), "count", threshold=5), "key mod 2**32"
    if n == 0:
        assert cell.display() == "0"
    elif cell.hidden:
        assert cell.display() == "<5" and cell.value == 0
    else:
        assert cell.value >= 5 and abs(cell.value - n) <= MAX_DEVIATION


def test_noise_varies_with_the_key() -> None:
    shown = {publish(Count(40, k * (KEY_MODULUS // 200)), "count", threshold=5).value
             for k in range(200)}
    assert shown == set(range(40 - MAX_DEVIATION, 40 + MAX_DEVIATION + 1))


@given(st.integers(min_value=0, max_value=100_000), st.integers(min_value=0, max_value=500),
       st.integers(min_value=0, max_value=50), keys)
def test_a_sum_is_hidden_when_fewer_persons_stand_behind_it(
    total: int, records: int, persons: int, key: int
) -> None:
    cell = publish(Sum(total, records, min(persons, records), key), "minutes", threshold=5)
    if total == 0 or records == 0:
        assert cell.display() == "0"
    elif min(persons, records, total) < 5:  # a sum under 5 has fewer than 5 persons behind it
        assert cell.hidden
    else:
        assert abs(cell.value - total) <= round(total * MAX_DEVIATION / records)


def test_a_published_sum_under_the_threshold_shows_as_hidden() -> None:
    """A sum behind five persons may be perturbed down to 2: it shows as "<5", as counts do,
    not as a small number that also tells the noise was negative (breaker 15, BREAK 10)."""
    shown = {publish(Sum(5, 5, 5, k * 2147483), "consultations", threshold=5).display()
             for k in range(2000)}
    assert "<5" in shown
    assert all(text == "<5" or int(text) >= 5 for text in shown)

"""The three-way merge of payloads."""

from __future__ import annotations

from kim_desktop.sync.merge import three_way_merge


def test_non_overlapping_fields_merge_and_overlaps_are_reported() -> None:
    base = {"id": "x", "version": 1, "a": 1, "b": 1, "c": 1, "d": 1, "updated_at": "t0"}
    local = {**base, "a": 2, "c": 5, "d": 7, "version": 3, "updated_at": "t1"}
    remote = {**base, "b": 3, "c": 6, "d": 7, "version": 2, "updated_at": "t2"}
    merged, overlapping = three_way_merge(base, local, remote)
    assert merged == {**base, "a": 2, "b": 3, "c": 5, "d": 7, "version": 3, "updated_at": "t1"}
    assert overlapping == ["c"]


def test_without_base_every_difference_overlaps() -> None:
    merged, overlapping = three_way_merge({}, {"a": 1, "b": 2}, {"a": 1, "b": 3})
    assert merged == {"a": 1, "b": 2} and overlapping == ["b"]

"""Three-way merge of record payloads: the CouchDB way, conflicts kept, never overwritten."""

from __future__ import annotations

from typing import Any

#: Bookkeeping columns: never a conflict, the merged record keeps the local side's values
#: (the merged record is a local change that is pushed next).
IGNORED_FIELDS = frozenset(
    {"id", "version", "created_at", "created_by", "updated_at", "updated_by"}
)


def three_way_merge(
    base: dict[str, Any], local: dict[str, Any], remote: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The merged payload and the fields both sides changed differently (local kept there).

    A field only one side changed takes that side's value; a field both sides changed to the
    same value is no conflict.
    """
    merged = dict(local)
    overlapping: list[str] = []
    for field in sorted((local.keys() | remote.keys()) - IGNORED_FIELDS):
        local_value, remote_value = local.get(field), remote.get(field)
        if local_value == remote_value:
            continue
        base_value = base.get(field)
        if local_value == base_value:
            merged[field] = remote_value
        elif remote_value != base_value:
            overlapping.append(field)
    return merged, overlapping

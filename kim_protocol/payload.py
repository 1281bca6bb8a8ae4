"""The canonical JSON text of a record payload: sorted keys, compact, UTF-8 as it is.

The sync seals this text, keeps it as the base of three-way merges and compares it; one
function gives it, so two copies can never disagree on a byte.
"""

from __future__ import annotations

import json
from typing import Any


def payload_json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False)

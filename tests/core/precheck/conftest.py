"""Fixtures of the pre-check tests: fresh files in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def facts_file(tmp_path: Path):
    """Writes a facts document (dict, or raw str/bytes) to a fresh file and returns its path."""

    def write(content: Any, name: str = "facts.json") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content), encoding="utf-8")
        return path

    return write

"""Constants and helpers shared by the vault tests (fixtures are in conftest.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

PASSWORD = "Kaffee morgens im Rathaus"
OTHER_PASSWORD = "Tee am Abend in Espelkamp"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) by relative path, with its SHA-256."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }

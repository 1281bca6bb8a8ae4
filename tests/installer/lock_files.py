"""Reading the lock files in requirements/, which ``./dev lock`` writes with uv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = ROOT / "requirements"
#: Every package of the extras desktop, server and dev; ./dev installs it.
FULL = REQUIREMENTS / "dev.txt"
#: The desktop bundle's part (build_deb.sh, the Windows workflow) and the server's.
PARTS = [REQUIREMENTS / "desktop.txt", REQUIREMENTS / "server.txt"]


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: Marker | None
    hashes: frozenset[str]

    def applies(self) -> bool:
        """Whether the pin is for this platform and Python."""
        return self.marker is None or self.marker.evaluate()


def read_lock(path: Path) -> dict[str, Pin]:
    """The pins of ``path`` by canonical name. Every requirement must be ``name==version``."""
    pins: dict[str, Pin] = {}
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line.split(" --hash", 1)[0])
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{path.name}: {line} is not pinned"
        name = canonicalize_name(requirement.name)
        pins[name] = Pin(name, specifier.version, requirement.marker,
                         frozenset(re.findall(r"--hash=sha256:([0-9a-f]{64})", line)))
    return pins

"""The boundaries of DESIGN.md §2, checked on the source and on a real import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT_FREE = ["kim_desktop/core", "kim_desktop/sync", "sync_server"]


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", QT_FREE)
def test_package_never_imports_qt_or_the_ui(package: str) -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in _imported_modules(path)
        if name.split(".")[0] in {"PySide6", "shiboken6"} or name.startswith("kim_desktop.ui")
    ]
    assert offenders == []


def test_importing_core_sync_and_server_loads_no_qt() -> None:
    modules = []
    for package in QT_FREE:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts or path.name == "__main__.py":
                continue
            relative = path.relative_to(ROOT).with_suffix("")
            modules.append(".".join(p for p in relative.parts if p != "__init__"))
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_wire_contract_imports_no_framework() -> None:
    imported = _imported_modules(ROOT / "kim_desktop/sync/wire.py")
    assert not {n.split(".")[0] for n in imported} & {"PySide6", "fastapi", "sqlalchemy"}


def test_ui_imports_qt_only_through_one_module() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "kim_desktop/ui").rglob("*.py"))
        if path.name != "qt.py"
        for name in _imported_modules(path)
        if name.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "folder", ["kim_desktop/core", "kim_desktop/sync", "kim_desktop/ui", "sync_server",
               "resources", "installer", "tests", "bench", "docs"]
)
def test_layout_of_design_section_2(folder: str) -> None:
    assert (ROOT / folder).is_dir()

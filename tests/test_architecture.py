"""The boundaries of docs/architecture.md, checked on the source and on a real import.

Each rule names a package and the packages it must never reach. The source check reads every
import statement, including those inside functions; the import check loads every module of
the package in a fresh interpreter and looks at what came with it, which also catches an
import made by a string or by a module in between.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6")


@dataclass(frozen=True)
class Rule:
    package: str
    forbidden: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.package} !-> {', '.join(self.forbidden)}"


RULES = [
    Rule("kim_protocol", ("kim_desktop", "sync_server", "fastapi", "starlette", *QT)),
    Rule("kim_desktop/core", ("kim_desktop.sync", "kim_desktop.ui", "sync_server", *QT)),
    Rule("kim_desktop/sync", ("kim_desktop.ui", "sync_server", *QT)),
    Rule("sync_server", ("kim_desktop", *QT)),
]
#: The wire contract and the payload codec are plain data: no framework, no database.
PLAIN_MODULES = ["kim_protocol/wire.py", "kim_protocol/payload.py"]


def _imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Every module an ``import`` in ``path`` names, relative imports resolved."""
    package = ".".join(path.relative_to(root).parent.parts)
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _reaches(name: str, forbidden: tuple[str, ...]) -> bool:
    return any(name == f or name.startswith(f + ".") for f in forbidden)


def _offenders_in_source(rule: Rule, root: Path = ROOT) -> list[str]:
    return [
        f"{path.relative_to(root)}: {name}"
        for path in sorted((root / rule.package).rglob("*.py"))
        for name in sorted(_imported_modules(path, root))
        if _reaches(name, rule.forbidden)
    ]


def _module_names(package: str) -> list[str]:
    modules = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" in path.parts or path.name == "__main__.py":
            continue
        relative = path.relative_to(ROOT).with_suffix("")
        modules.append(".".join(p for p in relative.parts if p != "__init__"))
    return modules


def _offenders_on_import(rule: Rule) -> list[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {_module_names(rule.package)!r}:\n"
        "    importlib.import_module(name)\n"
        f"forbidden = {rule.forbidden!r}\n"
        "print('\\n'.join(sorted(m for m in sys.modules\n"
        "      if any(m == f or m.startswith(f + '.') for f in forbidden))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.split()


@pytest.mark.parametrize("rule", RULES, ids=str)
def test_no_import_crosses_a_boundary_in_the_source(rule: Rule) -> None:
    assert _offenders_in_source(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=str)
def test_importing_a_package_loads_nothing_beyond_its_boundary(rule: Rule) -> None:
    assert _offenders_on_import(rule) == []


@pytest.mark.parametrize("module", PLAIN_MODULES)
def test_wire_contract_imports_no_framework(module: str) -> None:
    imported = {name.split(".")[0] for name in _imported_modules(ROOT / module)}
    assert not imported & {*QT, "fastapi", "starlette", "sqlalchemy", "kim_desktop"}


def test_the_source_check_finds_a_crossing(tmp_path: Path) -> None:
    """The rules bite: an import back up, absolute or relative, inside a function or not."""
    core = tmp_path / "kim_desktop" / "core"
    core.mkdir(parents=True)
    (core / "reporting.py").write_text(
        "from kim_desktop.sync.wire import ReportFact\n"
        "def later():\n"
        "    from ..sync import state\n",
        encoding="utf-8",
    )
    (tmp_path / "sync_server").mkdir()
    (tmp_path / "sync_server" / "db.py").write_text(
        "from kim_desktop import __version__\n", encoding="utf-8"
    )
    core_rule = next(r for r in RULES if r.package == "kim_desktop/core")
    server_rule = next(r for r in RULES if r.package == "sync_server")
    assert _offenders_in_source(core_rule, tmp_path) == [
        "kim_desktop/core/reporting.py: kim_desktop.sync",
        "kim_desktop/core/reporting.py: kim_desktop.sync.state",
        "kim_desktop/core/reporting.py: kim_desktop.sync.wire",
        "kim_desktop/core/reporting.py: kim_desktop.sync.wire.ReportFact",
    ]
    assert _offenders_in_source(server_rule, tmp_path) == [
        "sync_server/db.py: kim_desktop",
        "sync_server/db.py: kim_desktop.__version__",
    ]


def test_ui_imports_qt_only_through_one_module() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "kim_desktop/ui").rglob("*.py"))
        if path.name != "qt.py"
        for name in _imported_modules(path)
        if name.split(".")[0] in QT
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "folder",
    ["kim_protocol", "kim_desktop/core", "kim_desktop/sync", "kim_desktop/ui", "sync_server",
     "resources", "installer", "tests", "bench", "docs"],
)
def test_layout_of_docs_architecture(folder: str) -> None:
    assert (ROOT / folder).is_dir()

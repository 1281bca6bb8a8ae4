"""docs/architecture.md names real modules and functions, and nothing cites a file that is not
in the repository."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
#: Where a short path in the document may start: ``core/outbox.py`` is under kim_desktop,
#: ``reports/queries.py`` under sync_server.
BASES = [ROOT, ROOT / "kim_desktop", ROOT / "sync_server"]
#: How the code once cited a design file kept outside the repository (split, so that this
#: file does not cite it either).
OUTSIDE = ("DESIGN" + ".md", "design" + " document")


def _defined_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def unresolved(reference: str) -> str | None:
    """Why ``reference`` (a path, or ``path/module.name[.name]``) names nothing; None if it
    names a folder, a file or something defined in a module."""
    for base in BASES:
        if (base / reference.rstrip("/")).exists():
            return None
    head, _, tail = reference.rpartition("/")
    module, *names = tail.split(".")
    for base in BASES:
        path = base / head / f"{module}.py"
        if path.is_file():
            missing = set(names) - _defined_names(path)
            return f"{reference}: {', '.join(sorted(missing))} not in {path.name}" if missing \
                else None
    return f"{reference}: no such file"


def references(text: str) -> list[str]:
    """The code spans of ``text`` that are paths: one word with a slash."""
    return [span for span in re.findall(r"`([^`\s]+)`", text)
            if "/" in span and re.fullmatch(r"[\w./-]+", span) and not span.startswith("/")]


def test_every_path_and_function_in_docs_architecture_exists() -> None:
    spans = references(DOC.read_text(encoding="utf-8"))
    assert len(spans) > 30
    assert [why for span in spans if (why := unresolved(span))] == []


def test_the_reference_check_finds_a_stale_name() -> None:
    assert unresolved("core/outbox.queue_again") is None
    assert unresolved("sync_server/dashboard/routes/") is None
    assert unresolved("core/outbox.queue_twice") == "core/outbox.queue_twice: queue_twice " \
        "not in outbox.py"
    assert unresolved("kim_desktop/sync/wire.py") == "kim_desktop/sync/wire.py: no such file"
    assert references("`core/outbox.py`, `PUT /v1/x`, `/v1/pull`, `wire.py`") == \
        ["core/outbox.py"]


def test_the_readme_links_docs_architecture() -> None:
    assert "(docs/architecture.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_nothing_cites_a_document_outside_the_repository() -> None:
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.decode().split("\0")
    offenders = []
    for name in filter(None, files):
        path = ROOT / name
        if path.suffix not in {".py", ".md", ".json", ".toml", ".sh", ".yml", ".txt", ""}:
            continue
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        offenders += [f"{name}: {needle}" for needle in OUTSIDE if needle in text]
    assert offenders == []

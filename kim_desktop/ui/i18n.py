"""Translations through Qt's own system.

Source strings are German (``tr("…")``); ``resources/translations/kim_<lang>.ts`` hold the
translations and ``.qm`` files are built from them, never edited by hand:

    python -m kim_desktop.ui.i18n            # build the .qm files (lrelease)
    python -m kim_desktop.ui.i18n --update   # first collect new strings into the .ts (lupdate)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from kim_desktop.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"de": "Deutsch", "en": "English"}
SOURCE_FOLDERS = [ROOT / "kim_desktop" / "ui", ROOT / "kim_desktop" / "core"]

_installed: list[QTranslator] = []


def _tool(name: str) -> str:
    """The path of ``pyside6-<name>``, next to the running interpreter when installed there."""
    candidate = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(candidate) if candidate.exists() else f"pyside6-{name}"


def build(*, update: bool = False) -> list[Path]:
    """Build every ``.qm`` from its ``.ts``; with ``update``, first refresh the ``.ts``."""
    ts_files = [TRANSLATIONS / f"kim_{language}.ts" for language in LANGUAGES]
    if update:
        sources = [str(p) for folder in SOURCE_FOLDERS for p in sorted(folder.rglob("*.py"))]
        subprocess.run(
            [_tool("lupdate"), "-locations", "none", "-no-obsolete", *sources,
             "-ts", *map(str, ts_files)],
            check=True, capture_output=True,
        )
        for ts_file in ts_files:
            _add_domain_messages(ts_file)
    built = []
    for ts_file in ts_files:
        qm_file = ts_file.with_suffix(".qm")
        if not qm_file.exists() or qm_file.stat().st_mtime < ts_file.stat().st_mtime:
            subprocess.run(
                [_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
                check=True, capture_output=True,
            )
        built.append(qm_file)
    return built


def _add_domain_messages(ts_file: Path) -> None:
    """lupdate cannot see the domain's rule messages (their context is a constant, not a
    literal), so they are added to context ``DomainError`` here, keeping any translation."""
    from xml.etree import ElementTree

    from kim_desktop.core.errors import MESSAGES

    tree = ElementTree.parse(ts_file)
    root = tree.getroot()
    context = next((c for c in root.findall("context")
                    if c.findtext("name") == "DomainError"), None)
    if context is None:
        context = ElementTree.SubElement(root, "context")
        ElementTree.SubElement(context, "name").text = "DomainError"
    known = {m.findtext("source") for m in context.findall("message")}
    for text in MESSAGES.values():
        if text not in known:
            message = ElementTree.SubElement(context, "message")
            ElementTree.SubElement(message, "source").text = text
            ElementTree.SubElement(message, "translation", type="unfinished")
    ElementTree.indent(tree)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)


def install(language: str) -> None:
    """Switch the running application to ``language``; Qt sends every widget a
    ``LanguageChange`` event. German is the source language and needs no catalogue of ours."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language if language in LANGUAGES else "de"
    QLocale.setDefault(QLocale(language))
    qt_base = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_folder):
        _installed.append(qt_base)
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"kim_{language}.qm")):
        _installed.append(ours)
    for translator in _installed:
        app.installTranslator(translator)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="Übersetzungsquellen erneuern")
    args = parser.parse_args()
    for path in build(update=args.update):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

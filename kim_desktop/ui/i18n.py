"""Translations through Qt's own system.

Source strings are German (``tr("…")``); ``resources/translations/kim_<lang>.ts`` hold the
translations and ``.qm`` files are built from them, never edited by hand:

    python -m kim_desktop.ui.i18n            # build the .qm files (lrelease)
    python -m kim_desktop.ui.i18n --update   # first collect new strings into the .ts (lupdate)
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
from pathlib import Path

from kim_desktop.ui.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator, translate

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
        kept = {ts_file: _core_translations(ts_file) for ts_file in ts_files}
        sources = [str(p) for folder in SOURCE_FOLDERS for p in sorted(folder.rglob("*.py"))]
        subprocess.run(
            [_tool("lupdate"), "-locations", "none", "-no-obsolete", *sources,
             "-ts", *map(str, ts_files)],
            check=True, capture_output=True,
        )
        for ts_file in ts_files:
            _add_core_messages(ts_file, kept[ts_file])
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


def _core_messages() -> dict[str, list[str]]:
    """German texts of core that the UI shows but lupdate cannot find (their context is a
    constant, not a literal, or they live in the rule files), by translation context."""
    from kim_desktop.core import fields
    from kim_desktop.core.errors import MESSAGES, VAULT_MESSAGES
    from kim_desktop.core.precheck import texts
    from kim_desktop.core.precheck.report import DISCLAIMER
    from kim_desktop.sync import messages as sync_messages

    choices = {choice.__name__: [member.label for member in choice]
               for choice in fields.every_choice()}
    return {
        "DomainError": list(MESSAGES.values()),
        fields.CONTEXT: sorted({field.label for field in fields.every_field()}),
        **choices,
        "VaultError": list(VAULT_MESSAGES.values()),
        sync_messages.CONTEXT: list(sync_messages.MESSAGES),
        "precheck": [DISCLAIMER],
        texts.CONTEXT: texts.translatable(),
    }


def precheck_text(text: str) -> str:
    """A pre-check text (a rule's title, an explanation, a warning) in the interface language:
    the German template translated, the values in it translated or written as the locale
    writes dates and numbers (see :mod:`kim_desktop.core.precheck.texts`)."""
    from kim_desktop.core.precheck.texts import CONTEXT, Text

    if not isinstance(text, Text):
        return translate(CONTEXT, text)
    values = {name: _precheck_value(value) for name, value in text.values.items()}
    try:
        return translate(CONTEXT, text.template).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)  # a broken translation: German is better than nothing


def _precheck_value(value: object) -> str:
    from kim_desktop.core.precheck.texts import Text
    from kim_desktop.ui.formats import day

    if isinstance(value, Text):
        return precheck_text(value)
    if isinstance(value, dt.date):
        return day(value)
    if isinstance(value, float):
        return QLocale().toString(value, "f", 1)
    return str(value)


def _core_translations(ts_file: Path) -> dict[tuple[str, str], str]:
    """The translations of :func:`_core_messages` already in ``ts_file`` (lupdate drops them
    as obsolete, so they are put back afterwards)."""
    from xml.etree import ElementTree

    kept: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(ts_file).getroot().findall("context"):
        name = context.findtext("name") or ""
        if name not in _core_messages():
            continue
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.text:
                kept[(name, message.findtext("source") or "")] = translation.text
    return kept


def _add_core_messages(ts_file: Path, kept: dict[tuple[str, str], str]) -> None:
    """Adds :func:`_core_messages` to the catalogue with their kept translations."""
    from xml.etree import ElementTree

    tree = ElementTree.parse(ts_file)
    root = tree.getroot()
    for name, texts in _core_messages().items():
        context = next((c for c in root.findall("context") if c.findtext("name") == name), None)
        if context is None:
            context = ElementTree.SubElement(root, "context")
            ElementTree.SubElement(context, "name").text = name
        known = {m.findtext("source") for m in context.findall("message")}
        for text in texts:
            if text not in known:
                message = ElementTree.SubElement(context, "message")
                ElementTree.SubElement(message, "source").text = text
                translation = kept.get((name, text))
                if translation:
                    ElementTree.SubElement(message, "translation").text = translation
                else:
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

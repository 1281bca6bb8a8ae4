"""German pre-check texts that remember how they were made, so that the UI can show them in
another language while core stays free of Qt.

The rule files and this package write German. A :class:`Text` *is* that German string, so
reports, their JSON form and every caller that only wants German see a plain ``str``. It also
keeps its template and the values put into it: the UI translates the template through Qt's
context :data:`CONTEXT`, translates values that are texts themselves (a status, a route) and
writes dates and numbers as its locale does. :func:`translatable` lists every template and
fixed text of the rule files and of this package for the translation catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path

#: The Qt translation context of every pre-check text.
CONTEXT = "precheck_rules"

#: A residence status with the legal basis it was granted on, e.g. "Duldung (60a)".
WITH_LEGAL_BASIS = "{status} ({legal_basis})"
#: The time counted so far towards a required stay.
COUNTED = "{days} Tage (rund {years} Jahre)"
NO_VERSION = "Für diesen Stichtag ist keine Fassung hinterlegt (erste Fassung ab {date})."


class Text(str):
    """``template`` filled with ``values``, in German; see the module docstring."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, **values: object) -> Text:
        text = super().__new__(cls, template.format(**{k: german(v) for k, v in values.items()}))
        text.template = template
        text.values = values
        return text


def german(value: object) -> str:
    """A value as a German sentence writes it: 31.12.2026, 2,5."""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def translatable(rules_dir: Path | None = None) -> list[str]:
    """Every German text a pre-check can show, in a stable order: this package's own
    templates, the status names, then each rule file's titles, explanations, warnings, notes
    and the route labels and open questions of durations."""
    from kim_desktop.core.precheck.conditions import STATUS_LABELS
    from kim_desktop.core.precheck.rules import RULES_DIR, load_rules

    texts = [WITH_LEGAL_BASIS, COUNTED, NO_VERSION, *STATUS_LABELS.values()]
    for rule in load_rules(rules_dir or RULES_DIR).values():
        texts.append(rule.title)
        for version in rule.versions:
            texts.extend(note.text for note in version.notes)
            for condition in version.conditions:
                texts.append(condition.title)
                texts.extend(condition.explanations.values())
                texts.extend(condition.warnings.values())
                for route in condition.params.get("routes", []):
                    texts.append(route["label"])
                    if "open_question" in route:
                        texts.append(route["open_question"])
    return list(dict.fromkeys(texts))

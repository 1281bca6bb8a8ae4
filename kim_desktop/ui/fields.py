"""The declared fields (:mod:`kim_desktop.core.fields`) as the interface shows them: labels
and stored codes in the interface language, and any stored value as text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kim_desktop.core import fields
from kim_desktop.core.fields import Choice, Field, Kind
from kim_desktop.ui.formats import day, moment
from kim_desktop.ui.qt import QLocale, translate


def label(key: str) -> str:
    """The label of the field ``key`` ("table.column") in the interface language."""
    return translate(fields.CONTEXT, fields.label(key))


def choice_label(choices: type[Choice], code: str | None) -> str:
    """The word for a stored code of ``choices``; the code itself when it is not one."""
    if code is None or code not in set(choices):
        return code or ""
    return translate(choices.__name__, choices(code).label)


def choice_entries(choices: type[Choice]) -> list[tuple[str, str]]:
    """``(code, word)`` of every choice, in their declared order, for a combo box."""
    return [(str(member), translate(choices.__name__, member.label)) for member in choices]


def yes_no(value: bool | None) -> str:
    if value is None:
        return translate("lists", "unbekannt")
    return translate("lists", "ja") if value else translate("lists", "nein")


def shown(spec: Field, value: Any, catalog_label: Any) -> str:
    """``value`` of the field ``spec`` as text, "" when empty. ``catalog_label(catalog, code)``
    names catalog entries (the context's :meth:`label`)."""
    if value is None or value == "" or value == []:
        return ""
    if spec.kind == Kind.CHOICE and spec.choices is not None:
        return choice_label(spec.choices, str(value))
    if spec.kind == Kind.CATALOG:
        return str(catalog_label(spec.catalog, str(value)))
    if spec.kind == Kind.CODES and isinstance(value, list):
        return ", ".join(str(catalog_label(spec.catalog, str(code))) for code in value)
    if spec.kind in (Kind.FLAG, Kind.FACT) or isinstance(value, bool):
        return yes_no(bool(value))
    if isinstance(value, dt.datetime):
        return moment(value)
    if isinstance(value, dt.date):
        return day(value)
    if spec.kind == Kind.SHARE and isinstance(value, int | float):
        return QLocale().toString(float(value) * 100, "f", 0) + " %"
    if spec.kind == Kind.NUMBER and spec.unit:
        return f"{value} {spec.unit}"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)

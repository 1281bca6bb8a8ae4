"""Dates and times as the user's locale writes them."""

from __future__ import annotations

import datetime as dt

from kim_desktop.ui.qt import QDate, QLocale


def day(value: dt.date | None) -> str:
    return QLocale().toString(qdate(value), QLocale.FormatType.ShortFormat) if value else ""


def moment(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return day(local.date()) + local.strftime(" %H:%M")


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)

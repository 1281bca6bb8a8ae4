"""Dates and times as the user's locale writes them."""

from __future__ import annotations

import datetime as dt

from kim_desktop.ui.qt import QDate, QLocale, translate


def day(value: dt.date | None) -> str:
    return QLocale().toString(qdate(value), QLocale.FormatType.ShortFormat) if value else ""


def moment(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return day(local.date()) + local.strftime(" %H:%M")


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def size_text(size: int) -> str:
    """A file size as people read it: "3.4 MB" above a MiB, else whole KB."""
    if size >= 1024 * 1024:
        return translate("attachments", "{n} MB").format(n=round(size / 1024 / 1024, 1))
    return translate("attachments", "{n} KB").format(n=max(1, round(size / 1024)))

"""Dates and times as the user's locale writes them, and what tells two persons apart."""

from __future__ import annotations

import datetime as dt

from kim_desktop.ui.qt import QDate, QLocale, translate


def day(value: dt.date | None) -> str:
    """The short date with a four-digit year: "01.01.47" could be a follow-up 21 years
    ahead or 79 years back, "17.01.25" a birth date of two centuries."""
    if value is None:
        return ""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return QLocale().toString(qdate(value), pattern if "yyyy" in pattern
                              else pattern.replace("yy", "yyyy"))


def moment(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = value.astimezone()
    return day(local.date()) + local.strftime(" %H:%M")


def counted(count: int, one: str, many: str, **fields: str) -> str:
    """``one`` ("1 Klient*in") for a count of one, else ``many`` ("{count} Klient*innen")
    with the count filled in, as the locale writes numbers, and any other ``fields``; both
    come translated, so each language says its own singular and plural."""
    return (one if count == 1 else many).format(count=QLocale().toString(count), **fields)


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def size_text(size: int) -> str:
    """A file size as people read it: "3.4 MB" above a MiB, else whole KB."""
    if size >= 1024 * 1024:
        return translate("attachments", "{n} MB").format(n=round(size / 1024 / 1024, 1))
    return translate("attachments", "{n} KB").format(n=max(1, round(size / 1024)))


def file_number(client_id: str) -> str:
    """A person's short file number ("Akte 3F2A1C"): the start of the record's id, the same
    on every machine of the office, to tell two persons of the same name apart."""
    return translate("formats", "Akte {number}").format(
        number=client_id.replace("-", "")[:6].upper())


def person_details(birth_date: dt.date | None, municipality: str, client_id: str) -> str:
    """What stands beside a name wherever a person is picked: birth date, municipality and
    file number."""
    parts = [translate("formats", "geb. {date}").format(date=day(birth_date))
             if birth_date else "", municipality, file_number(client_id)]
    return ", ".join(part for part in parts if part)

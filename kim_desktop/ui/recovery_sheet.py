"""The printable recovery sheet, made once at office setup (like a BitLocker recovery key)."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from kim_desktop.core.storage import write_private_file
from kim_desktop.ui.qt import (
    QBuffer,
    QIODevice,
    QMarginsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QPrinter,
    QTextDocument,
    translate,
)


def sheet_html(*, recovery_key: str, admin: str, created: dt.date) -> str:
    title = translate("recovery_sheet", "KIM Desktop – Wiederherstellungsblatt")
    made = translate("recovery_sheet", "Erstellt am {date} für das Konto {user}.")
    label = translate("recovery_sheet", "Wiederherstellungsschlüssel:")
    advice = translate(
        "recovery_sheet",
        "Mit diesem Schlüssel lässt sich ein vergessenes Passwort ersetzen und ein neuer "
        "Rechner dem Büro hinzufügen. Bewahren Sie das Blatt verschlossen auf, getrennt vom "
        "Rechner. Wer den Schlüssel hat, kann alle Daten dieses Büros lesen.",
    )
    made = html.escape(made).format(
        date=created.strftime("%d.%m.%Y"), user=f"<b>{html.escape(admin)}</b>"
    )
    return (
        f"<h1>{html.escape(title)}</h1><p>{made}</p><p>{html.escape(label)}</p>"
        f"<p style='font-family: monospace; font-size: 16pt'><b>{html.escape(recovery_key)}</b>"
        f"</p><p>{html.escape(advice)}</p>"
    )


def _document(text: str, device: QPagedPaintDevice) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(text)
    document.setPageSize(device.pageLayout().paintRect(QPageLayout.Unit.Point).size())
    return document


def write_pdf(path: Path, *, recovery_key: str, admin: str, created: dt.date) -> None:
    """Saves the sheet as a PDF readable by its owner alone (0600): it holds the recovery
    key, so it is made in memory and written as every plaintext export is."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
    writer.setTitle(translate("recovery_sheet", "KIM Desktop – Wiederherstellungsblatt"))
    text = sheet_html(recovery_key=recovery_key, admin=admin, created=created)
    _document(text, writer).print_(writer)
    write_private_file(path, bytes(buffer.data().data()))


def print_sheet(printer: QPrinter, *, recovery_key: str, admin: str, created: dt.date) -> None:
    text = sheet_html(recovery_key=recovery_key, admin=admin, created=created)
    _document(text, printer).print_(printer)

"""The Art. 15 export (PDF or JSON, where the case manager chooses) and erasure, each after
a clear confirmation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kim_desktop.core.services import Change
from kim_desktop.core.services.export import export_client as write_export
from kim_desktop.core.services.retention import erase_client as erase_records
from kim_desktop.ui.messages import show_error
from kim_desktop.ui.qt import QFileDialog, QInputDialog, QLineEdit, QMessageBox, translate

if TYPE_CHECKING:
    from kim_desktop.ui.client_file.view import ClientFile


def export_to(file: ClientFile, path: Path) -> None:
    """Writes the export; the format follows the file name (``.json``, otherwise PDF)."""
    fmt = "json" if path.suffix.lower() == ".json" else "pdf"
    client_id = file.client_id
    def work(session: Any) -> Change:
        write_export(session, client_id=client_id, format=fmt, out=path)
        return Change("client", (client_id,), "exported", client_id)

    file.context.write(
        work,
        lambda _: file.notice.setText(
            translate("data_protection", "Auskunft gespeichert: {file}").format(file=path.name)
        ),
        on_error=lambda e: show_error(file, e),
    )


def export_client(file: ClientFile) -> None:
    name, chosen = QFileDialog.getSaveFileName(
        file,
        translate("data_protection", "Auskunft nach Art. 15 DSGVO speichern"),
        "Auskunft.pdf",
        translate("data_protection", "PDF (*.pdf);;JSON (*.json)"),
    )
    if not name:
        return
    path = Path(name)
    if "json" in chosen.lower() and path.suffix.lower() != ".json":
        path = path.with_suffix(".json")
    export_to(file, path)


def erase(file: ClientFile) -> None:
    client_id = file.client_id
    file.context.write(
        lambda s: erase_records(s, client_id=client_id, confirm=True),
        on_error=lambda e: show_error(file, e),
    )


def erase_client(file: ClientFile) -> None:
    """Asks for the word LÖSCHEN before erasing: it cannot be undone."""
    if file.data is None:
        return
    word = translate("data_protection", "LÖSCHEN")
    text, ok = QInputDialog.getText(
        file,
        translate("data_protection", "Person löschen"),
        translate(
            "data_protection",
            "Alle Daten dieser Person werden endgültig gelöscht, auch auf den anderen Rechnern "
            "des Büros. Das lässt sich nicht rückgängig machen.\n\nZur Bestätigung bitte "
            "{word} eingeben:",
        ).format(word=word),
        QLineEdit.EchoMode.Normal,
    )
    if not ok:
        return
    if text.strip() != word:
        QMessageBox.information(
            file, translate("data_protection", "Person löschen"),
            translate("data_protection", "Nicht gelöscht: Die Bestätigung stimmte nicht."),
        )
        return
    erase(file)

"""The Art. 15 export (PDF in German or English, or JSON, where the case manager chooses)
and erasure: by the office admin after a clear confirmation, requested with a reason by
everyone else."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kim_desktop.core.models import ErasureRequest
from kim_desktop.core.office_contacts import require_contacts
from kim_desktop.core.services import Change
from kim_desktop.core.services.export import export_client as write_export
from kim_desktop.core.services.retention import erase_client as erase_records
from kim_desktop.ui.erasure import confirmed_erasure
from kim_desktop.ui.formats import day
from kim_desktop.ui.messages import show_error
from kim_desktop.ui.qt import QFileDialog, QLocale, translate

if TYPE_CHECKING:
    from kim_desktop.ui.client_file.view import ClientFile


def export_to(file: ClientFile, path: Path, language: str = "de") -> None:
    """Writes the export; the format follows the file name (``.json``, otherwise PDF in
    ``language``, "de" or "en")."""
    fmt = "json" if path.suffix.lower() == ".json" else "pdf"
    client_id = file.client_id
    catalogs = file.context.catalogs

    def work(session: Any) -> Change:
        if fmt == "pdf":
            require_contacts(catalogs)
        write_export(session, client_id=client_id, format=fmt, out=path, language=language)
        return Change("client", (client_id,), "exported", client_id)

    file.context.write(
        work,
        lambda _: file.notice.setText(
            translate("data_protection", "Auskunft gespeichert: {file}").format(file=path.name)
        ),
        on_error=lambda e: show_error(file, e),
    )


def file_types() -> dict[str, str]:
    """The save dialog's file types: the PDF in each language (by its code), the JSON."""
    return {
        translate("data_protection", "PDF, deutsch (*.pdf)"): "de",
        translate("data_protection", "PDF, englisch (*.pdf)"): "en",
        translate("data_protection", "JSON (*.json)"): "json",
    }


def export_client(file: ClientFile) -> None:
    """Asks where to save the export and in which language: the file types offer the PDF in
    German and in English, the interface's language first chosen, and the JSON."""
    types = file_types()
    english = QLocale().language() == QLocale.Language.English
    name, chosen = QFileDialog.getSaveFileName(
        file,
        translate("data_protection", "Auskunft nach Art. 15 DSGVO speichern"),
        "Auskunft.pdf",
        ";;".join(types),
        next(t for t, code in types.items() if code == ("en" if english else "de")),
    )
    if not name:
        return
    path, language = Path(name), types.get(chosen, "de")
    if language == "json" and path.suffix.lower() != ".json":
        path = path.with_suffix(".json")
    export_to(file, path, "de" if language == "json" else language)


def erase(file: ClientFile) -> None:
    client_id = file.client_id
    file.context.write(
        lambda s: erase_records(s, client_id=client_id, confirm=True),
        on_error=lambda e: show_error(file, e),
    )


def erase_client(file: ClientFile) -> Any:
    """The office admin erases, after typing the confirmation word; a case manager requests
    the erasure with a reason (the dialog, returned)."""
    if file.data is None:
        return None
    if not file.context.is_admin:
        from kim_desktop.ui.erasure import RequestErasureDialog

        dialog = RequestErasureDialog(file.context, file.client_id, file)
        dialog.open()
        return dialog
    if confirmed_erasure(file, translate("data_protection", "Die Person wird gelöscht.")):
        erase(file)
    return None


def erasure_state(request: ErasureRequest | None) -> str:
    """What the file says of the person's erasure request: waiting, or declined and why."""
    if request is None:
        return ""
    if request.state == "open":
        return translate("data_protection", "Löschung beantragt am {date} von {user}; die "
                         "Büroleitung entscheidet.").format(date=day(request.created_at.date()),
                                                          user=request.created_by)
    return translate("data_protection", "Löschantrag abgelehnt am {date} von {user}: "
                     "{reason}").format(date=day(request.decided_on), user=request.decided_by,
                                        reason=request.decline_reason)

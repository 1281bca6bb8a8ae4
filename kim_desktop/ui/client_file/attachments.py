"""Attachments: documents kept inside the encrypted database.

"Open" shows images inside the program; other documents are saved where the case manager
chooses. The program never writes a decrypted copy to a temporary folder of its own, since
that would put personal data on disk outside the encrypted database.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kim_desktop.core import services
from kim_desktop.ui.client_file.data import ClientFileData, attachment_content
from kim_desktop.ui.client_file.lists import RecordList
from kim_desktop.ui.formats import moment, size_text
from kim_desktop.ui.messages import show_error, user_message
from kim_desktop.ui.qt import (
    QDialog,
    QFileDialog,
    QLabel,
    QPixmap,
    QScrollArea,
    QVBoxLayout,
    translate,
)

if TYPE_CHECKING:
    from kim_desktop.ui.client_file.view import ClientFile


class AttachmentsTab(RecordList):
    def __init__(self, file: ClientFile) -> None:
        super().__init__(
            [translate("attachments", "Datei"), translate("attachments", "Art"),
             translate("attachments", "Größe"), translate("attachments", "hinzugefügt")],
            translate("attachments", "Keine Anhänge."),
            translate("attachments", "Anhänge"),
        )
        self.file = file
        self.add_button(translate("attachments", "Hin&zufügen …"), self.add)
        self.add_button(translate("attachments", "Ö&ffnen"), self.open_current,
                        needs_selection=True)
        self.add_button(translate("attachments", "&Speichern unter …"), self.save_current,
                        needs_selection=True)
        self.finish_buttons()

    def show_data(self, data: ClientFileData) -> None:
        loading = translate("attachments", "{size} – wird geladen")
        self.set_records(data.attachments, lambda a: [
            a.filename, a.media_type,
            loading.format(size=size_text(a.size)) if a.id in data.loading else size_text(a.size),
            moment(a.created_at),
        ])

    def add(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("attachments", "Anhang hinzufügen"), "",
            translate("attachments", "Dokumente (*.pdf *.png *.jpg *.jpeg *.docx *.odt)"),
        )
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        try:
            content = path.read_bytes()
        except OSError as error:
            show_error(self, error)
            return
        client_id = self.file.client_id
        self.file.context.write(
            lambda s: services.add_attachment(s, client_id=client_id, filename=path.name,
                                              content=content),
            on_error=lambda e: self.file.error.show_message(user_message(e)),
        )

    def open_current(self) -> None:
        attachment = self.current()
        if attachment is None:
            return
        if not attachment.media_type.startswith("image/"):
            self.save_current()
            return
        self.file.context.read(lambda s: attachment_content(s, attachment.id),
                               lambda result: self._preview(*result),
                               on_error=lambda e: show_error(self, e))

    def _preview(self, filename: str, content: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(content)
        dialog = QDialog(self)
        dialog.setWindowTitle(filename)
        layout = QVBoxLayout(dialog)
        area = QScrollArea()
        label = QLabel()
        label.setPixmap(pixmap)
        label.setAccessibleName(filename)
        area.setWidget(label)
        layout.addWidget(area)
        dialog.resize(800, 600)
        dialog.open()

    def save_current(self) -> None:
        attachment = self.current()
        if attachment is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, translate("attachments", "Anhang speichern"), attachment.filename)
        if name:
            self.save_to(attachment.id, Path(name))

    def save_to(self, attachment_id: str, path: Path) -> None:
        def work(session: object) -> None:
            _, content = attachment_content(session, attachment_id)  # type: ignore[arg-type]
            path.write_bytes(content)

        self.file.context.read(work, on_error=lambda e: show_error(self, e))

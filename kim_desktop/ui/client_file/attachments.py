"""Attachments: documents kept inside the encrypted database.

"Open" shows PDFs and images inside the program (:mod:`.viewer`, drawn from memory); DOCX and
ODT, and a document the viewer cannot show (damaged, or an image too large), can only be
saved as a copy, after a warning that it is not encrypted. The program never writes a
decrypted copy to a temporary folder of its own, since that would put personal data on disk
outside the encrypted database. Every view, copy and deletion is in the audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from kim_desktop.core import services
from kim_desktop.core.models import Attachment
from kim_desktop.core.storage import write_private_file
from kim_desktop.sync.messages import CONTEXT
from kim_desktop.ui.client_file.data import ClientFileData
from kim_desktop.ui.client_file.lists import RecordList
from kim_desktop.ui.client_file.viewer import SHOWN, AttachmentViewer, Unshowable
from kim_desktop.ui.formats import moment, size_text
from kim_desktop.ui.messages import show_error, user_message, warn
from kim_desktop.ui.qt import QFileDialog, QKeySequence, QShortcut, Qt, translate
from kim_desktop.ui.widgets import confirm

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
        # Attachments whose content did not arrive at the last sync: id → why, in words.
        self.not_arriving: dict[str, str] = {}
        self.add_button(translate("attachments", "Hin&zufügen …"), self.add)
        # The file's tabs and header hold most letters: these words still find one free.
        self.add_button(translate("attachments", "Anzei&gen"), self.open_current,
                        needs_selection=True)
        self.add_button(translate("attachments", "Kopie spei&chern …"), self.save_current,
                        needs_selection=True)
        self.add_button(translate("attachments", "Löschen (Entf) …"), self.remove,
                        needs_selection=True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree, self.remove,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.tree.itemActivated.connect(lambda *_: self.open_current())
        self.finish_buttons()

    def show_data(self, data: ClientFileData) -> None:
        loading = translate("attachments", "{size} – wird geladen")
        not_arriving = translate("attachments", "{size} – kommt nicht an")
        self.not_arriving = data.not_arriving

        def size_of(attachment: Attachment) -> str:
            size = size_text(attachment.size)
            if attachment.id in data.not_arriving:
                return not_arriving.format(size=size)
            return loading.format(size=size) if attachment.id in data.loading else size

        self.set_records(data.attachments, lambda a: [
            a.filename, a.media_type, size_of(a), moment(a.created_at)])

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
            # A file refused before is no longer the news once one is taken.
            lambda _: self.file.error.show_message(""),
            on_error=lambda e: self.file.error.show_message(user_message(e)),
        )

    def open_current(self) -> None:
        """Shows a PDF or image inside the program; other documents (DOCX, ODT) cannot be
        shown so, and are offered as a copy instead."""
        attachment = self.current()
        if attachment is None:
            return
        if attachment.media_type not in SHOWN:
            self.save_current(why=translate(
                "attachments", "Dieses Dokument kann KIM Desktop nicht selbst anzeigen."))
            return
        attachment_id = attachment.id
        if attachment_id in self.not_arriving:
            # Why its content did not come, in words, rather than "still loading".
            warn(self, translate("attachments", "Anhang"),
                 translate(CONTEXT, self.not_arriving[attachment_id]))
            return
        self.file.context.read(
            lambda s: services.open_attachment(s, attachment_id=attachment_id, use="view"),
            lambda found: self._show(attachment_id, *found),
            on_error=lambda e: show_error(self, e))

    def _show(self, attachment_id: str, filename: str, media_type: str,
              content: bytes) -> None:
        try:
            viewer = AttachmentViewer(filename, media_type, content, self)
        except Unshowable as why:  # another program may still open the copy
            self.offer_copy(attachment_id, filename, why=str(why))
            return
        except Exception as error:  # a defect: said, never a traceback
            show_error(self, error)
            return
        viewer.open()  # kept by Qt while open, deleted when closed: its pages go with it

    def save_current(self, *, why: str = "") -> None:
        attachment = self.current()
        if attachment is not None:
            self.offer_copy(attachment.id, attachment.filename, why=why)

    def offer_copy(self, attachment_id: str, filename: str, *, why: str = "") -> None:
        """Saves a copy where the user chooses, after saying that it is not encrypted."""
        warning = translate(
            "attachments", "Die Kopie ist nicht verschlüsselt: wer an den Ordner kommt, kann "
            "sie lesen. Speichern Sie sie nur, wo das erlaubt ist, und löschen Sie sie, wenn "
            "Sie sie nicht mehr brauchen.")
        if not confirm(self, translate("attachments", "Kopie speichern"),
                       f"{why}\n\n{warning}" if why else warning,
                       translate("attachments", "Kopie speichern …")):
            return
        name, _ = QFileDialog.getSaveFileName(
            self, translate("attachments", "Anhang speichern"), filename)
        if name:
            self.save_to(attachment_id, Path(name))

    def save_to(self, attachment_id: str, path: Path) -> None:
        def work(session: Session) -> None:
            _, _, content = services.open_attachment(session, attachment_id=attachment_id,
                                                     use="copy")
            write_private_file(path, content)

        self.file.context.read(work, on_error=lambda e: show_error(self, e))

    def remove(self) -> None:
        attachment = self.current()
        if attachment is None:
            return
        if not confirm(self, translate("attachments", "Anhang löschen"),
                       translate("attachments", "„{file}“ löschen? Die Löschung steht im "
                                 "Protokoll.").format(file=attachment.filename),
                       translate("attachments", "Löschen")):
            return
        attachment_id = attachment.id
        self.file.context.write(
            lambda s: services.remove_record(s, kind="attachment", record_id=attachment_id),
            on_error=lambda e: self.file.error.show_message(user_message(e)))

"""An attachment shown inside the program: images and PDF pages are drawn from memory, so
no decrypted copy of the document is ever written to disk."""

from __future__ import annotations

from kim_desktop.ui.qt import (
    QDialog,
    QDialogButtonBox,
    QImage,
    QLabel,
    QPixmap,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)

#: Media types the viewer draws; other documents can only be saved as a copy.
SHOWN = frozenset({"application/pdf", "image/png", "image/jpeg"})
#: PDF pages drawn at this many pixels per point (72 per inch: about 110 dpi).
PDF_SCALE = 1.5


def pdf_pages(content: bytes) -> list[QImage]:
    """Every page of a PDF as an image, rendered in memory with PDFium."""
    import pypdfium2

    document = pypdfium2.PdfDocument(content)
    try:
        images = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=PDF_SCALE, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                           else QImage.Format.Format_RGBA8888)
            images.append(image.copy())  # the bitmap's memory goes with the page
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()


def pages_of(media_type: str, content: bytes) -> list[QImage]:
    if media_type == "application/pdf":
        return pdf_pages(content)
    return [QImage.fromData(content)]


class AttachmentViewer(QDialog):
    """The pages of one document, one below the other, scrolled by keys or wheel."""

    def __init__(self, filename: str, media_type: str, content: bytes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(filename)
        layout = QVBoxLayout(self)
        body = QWidget()
        column = QVBoxLayout(body)
        self.pages: list[QLabel] = []
        images = pages_of(media_type, content)
        for number, image in enumerate(images, start=1):
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            page.setAccessibleName(translate("attachments", "{file}, Seite {n} von {count}")
                                   .format(file=filename, n=number, count=len(images)))
            column.addWidget(page)
            self.pages.append(page)
        self.area = QScrollArea()
        self.area.setWidget(body)
        self.area.setWidgetResizable(True)
        self.area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and PgDn scroll
        layout.addWidget(self.area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("attachments", "&Schließen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            self.resize(int(screen.width() * 0.6), int(screen.height() * 0.85))
        self.area.setFocus()

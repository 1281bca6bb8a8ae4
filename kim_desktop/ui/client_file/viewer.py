"""An attachment shown inside the program: images and PDF pages are drawn from memory, so
no decrypted copy of the document is ever written to disk.

A PDF's pages are drawn as they come into view, and only the last few drawn are kept: a small
file can hold hundreds of pages (400 blank ones are 49 KB), and drawing them all at once took
seconds on the GUI thread and gigabytes of memory. Closing the viewer frees its document."""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Any, Protocol

from kim_desktop.ui.qt import (
    QAbstractItemView,
    QAbstractListModel,
    QAbstractSlider,
    QBuffer,
    QByteArray,
    QDialog,
    QDialogButtonBox,
    QImage,
    QImageReader,
    QIODevice,
    QKeyEvent,
    QListView,
    QModelIndex,
    QObject,
    QPainter,
    QPalette,
    QPersistentModelIndex,
    QPoint,
    QSize,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)

#: Media types the viewer draws; other documents can only be saved as a copy.
SHOWN = frozenset({"application/pdf", "image/png", "image/jpeg"})
#: PDF pages drawn at this many pixels per point (72 per inch: about 110 dpi).
PDF_SCALE = 1.5
#: A page is drawn with at most this many pixels (a large-format plan a little smaller), so
#: that one page of a small file cannot take gigabytes.
MAX_PAGE_PIXELS = 16_000_000
#: Drawn pages kept for scrolling back, the longest unseen dropped first (an A4 page at
#: PDF_SCALE takes 3.4 MB); the page being drawn is kept whatever its size.
KEPT_BYTES = 64 * 1024 * 1024

Index = QModelIndex | QPersistentModelIndex
_Action = QAbstractSlider.SliderAction
#: The keys that scroll the pages, as in a scroll area (arrows a step, PgUp and PgDn a
#: screen, Home and End): not from page to page, since a page is taller than the window.
SCROLL_KEYS = {
    Qt.Key.Key_Down: (Qt.Orientation.Vertical, _Action.SliderSingleStepAdd),
    Qt.Key.Key_Up: (Qt.Orientation.Vertical, _Action.SliderSingleStepSub),
    Qt.Key.Key_PageDown: (Qt.Orientation.Vertical, _Action.SliderPageStepAdd),
    Qt.Key.Key_PageUp: (Qt.Orientation.Vertical, _Action.SliderPageStepSub),
    Qt.Key.Key_Home: (Qt.Orientation.Vertical, _Action.SliderToMinimum),
    Qt.Key.Key_End: (Qt.Orientation.Vertical, _Action.SliderToMaximum),
    Qt.Key.Key_Right: (Qt.Orientation.Horizontal, _Action.SliderSingleStepAdd),
    Qt.Key.Key_Left: (Qt.Orientation.Horizontal, _Action.SliderSingleStepSub),
}


class Unshowable(Exception):
    """A document the viewer cannot show; its text says why, in the interface language. A
    copy can still be saved."""


def damaged() -> Unshowable:
    return Unshowable(translate(
        "attachments", "Das Dokument ist beschädigt und kann nicht angezeigt werden."))


class Source(Protocol):
    """A document's pages: their sizes known at once, each drawn when asked for."""

    def __len__(self) -> int: ...

    def size(self, index: int) -> QSize: ...

    def draw(self, index: int) -> QImage | None: ...

    def close(self) -> None: ...


class PdfSource:
    """A PDF opened with PDFium, kept open while it is shown."""

    def __init__(self, content: bytes) -> None:
        import pypdfium2

        self._error = pypdfium2.PdfiumError
        try:
            self.document = pypdfium2.PdfDocument(content)
        except pypdfium2.PdfiumError as error:
            if error.err_code == pypdfium2.raw.FPDF_ERR_PASSWORD:
                raise Unshowable(translate(
                    "attachments", "Das Dokument ist mit einem Kennwort geschützt und kann "
                    "nicht angezeigt werden.")) from error
            raise damaged() from error
        try:
            self.scales: list[float] = []
            self.sizes: list[QSize] = []
            for index in range(len(self.document)):
                width, height = self.document.get_page_size(index)
                scale = page_scale(width, height)
                self.scales.append(scale)
                self.sizes.append(QSize(math.ceil(width * scale), math.ceil(height * scale)))
        except pypdfium2.PdfiumError as error:
            self.close()
            raise damaged() from error
        if not self.sizes:  # a PDF has at least one page
            self.close()
            raise damaged()

    def __len__(self) -> int:
        return len(self.sizes)

    def size(self, index: int) -> QSize:
        return self.sizes[index]

    def draw(self, index: int) -> QImage | None:
        """The page as an image; None for a page PDFium cannot draw."""
        try:
            page = self.document[index]
        except self._error:
            return None
        try:
            bitmap = page.render(scale=self.scales[index], rev_byteorder=True)
        except (self._error, ValueError):  # ValueError: a page without area
            return None
        finally:
            page.close()
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                       else QImage.Format.Format_RGBA8888).copy()  # PDFium's memory goes
        bitmap.close()
        return image

    def close(self) -> None:
        self.document.close()


def page_scale(width: float, height: float) -> float:
    """PDF_SCALE, or less for a page that would take more than MAX_PAGE_PIXELS."""
    area = width * height * PDF_SCALE * PDF_SCALE
    if area <= MAX_PAGE_PIXELS:
        return PDF_SCALE
    return PDF_SCALE * math.sqrt(MAX_PAGE_PIXELS / area)


class ImageSource:
    """A PNG or JPEG: one page, decoded at once (which tells whether it can be shown)."""

    def __init__(self, content: bytes) -> None:
        buffer = QBuffer()
        buffer.setData(QByteArray(content))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        size = reader.size()  # from the header; unknown once reading failed
        self.image: QImage | None = reader.read()
        if self.image.isNull():
            # Qt refuses to decode an image beyond its allocation limit (256 MB by default):
            # a 30000 × 30000 pixel PNG can be a file of 147 KB.
            if size.isValid() and size.width() * size.height() * 4 > (
                    QImageReader.allocationLimit() * 1024 * 1024):
                raise Unshowable(translate(
                    "attachments", "Das Bild ist zu groß, um es anzuzeigen ({width} × {height} "
                    "Pixel).").format(width=size.width(), height=size.height()))
            raise damaged()

    def __len__(self) -> int:
        return 1

    def size(self, index: int) -> QSize:
        return self.image.size() if self.image is not None else QSize()

    def draw(self, index: int) -> QImage | None:
        return self.image

    def close(self) -> None:
        self.image = None


def source_of(media_type: str, content: bytes) -> Source:
    """The document's pages; raises :class:`Unshowable` for one that cannot be shown."""
    if media_type == "application/pdf":
        return PdfSource(content)
    return ImageSource(content)


class Pages(QAbstractListModel):
    """One row per page: its size and name for the view, its image drawn when the view paints
    it and kept within KEPT_BYTES."""

    def __init__(self, source: Source, filename: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source: Source | None = source
        self.filename = filename
        self.kept: OrderedDict[int, QImage] = OrderedDict()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.source is None else len(self.source)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.source is None or not index.isValid():
            return None
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.source.size(index.row())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return translate("attachments", "{file}, Seite {n} von {count}").format(
                file=self.filename, n=index.row() + 1, count=len(self.source))
        return None

    def image(self, row: int) -> QImage | None:
        if self.source is None:
            return None
        if row in self.kept:
            self.kept.move_to_end(row)
            return self.kept[row]
        image = self.source.draw(row)
        if image is None:
            return None
        self.kept[row] = image
        while len(self.kept) > 1 and self.kept_bytes() > KEPT_BYTES:
            self.kept.popitem(last=False)
        return image

    def kept_bytes(self) -> int:
        return sum(image.sizeInBytes() for image in self.kept.values())

    def close(self) -> None:
        """Frees the images and the document; the model is empty afterwards."""
        if self.source is None:
            return
        self.beginResetModel()
        self.kept.clear()
        self.source.close()
        self.source = None
        self.endResetModel()


class PageDelegate(QStyledItemDelegate):
    """A page as wide as the view (or its own width, if wider), drawn in the middle, so that
    the pages stand centred on the window's background."""

    def __init__(self, pages: Pages, view: QListView) -> None:
        super().__init__(view)
        self.pages = pages
        self.view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = QSize(index.data(Qt.ItemDataRole.SizeHintRole))
        room = self.view.viewport().width() - 2 * self.view.spacing()
        return QSize(max(size.width(), room), size.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        image = self.pages.image(index.row())
        if image is None:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, translate(
                "attachments", "Diese Seite kann nicht angezeigt werden."))
            return
        painter.drawImage(QPoint(rect.x() + (rect.width() - image.width()) // 2, rect.y()),
                          image)


class PageList(QListView):
    """The pages one below the other, scrolled by SCROLL_KEYS or the wheel."""

    def __init__(self, pages: Pages) -> None:
        super().__init__()
        self.setModel(pages)
        self.setItemDelegate(PageDelegate(pages, self))
        self.setResizeMode(QListView.ResizeMode.Adjust)  # the pages centred again
        self.setSpacing(6)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)  # the pages' edges
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAccessibleName(pages.filename)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = SCROLL_KEYS.get(Qt.Key(event.key()))
        if step is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        orientation, action = step
        bar = (self.verticalScrollBar() if orientation == Qt.Orientation.Vertical
               else self.horizontalScrollBar())
        bar.triggerAction(action)


class AttachmentViewer(QDialog):
    """The pages of one document, one below the other, scrolled by keys or wheel. Raises
    :class:`Unshowable` for a document it cannot show. Deleted when closed."""

    def __init__(self, filename: str, media_type: str, content: bytes,
                 parent: QWidget | None = None) -> None:
        source = source_of(media_type, content)  # before the dialog: nothing left if it fails
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(filename)
        self.pages = Pages(source, filename, self)
        self.finished.connect(self.pages.close)
        layout = QVBoxLayout(self)
        self.list = PageList(self.pages)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("attachments", "&Schließen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            self.resize(int(screen.width() * 0.6), int(screen.height() * 0.85))
        self.list.setFocus()

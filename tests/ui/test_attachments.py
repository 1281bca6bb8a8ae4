"""Attachments in the client file: PDFs and images shown inside the program from memory,
other documents saved as a copy only after a warning, deletion with a question; every view,
copy and deletion in the audit log by record id."""

from __future__ import annotations

import gc
import io
import os
import stat
import struct
import tempfile
import weakref
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kim_desktop.core import services
from kim_desktop.core.models import Attachment, AuditEvent
from kim_desktop.ui.client_file import viewer as viewing
from kim_desktop.ui.client_file.viewer import AttachmentViewer
from kim_desktop.ui.qt import QFileDialog, Qt, isValid
from tests.ui.keys import activate, alt_to, focused, press
from tests.ui.test_client_file_editing import (
    answer_next_box,
    button,
    fresh_file,
    on_database,
    select_row,
    tab,
)


def pdf_of(count: int, *, password: str | None = None) -> bytes:
    """A PDF of ``count`` A4 pages, each with a line of text."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pages = canvas.Canvas(buffer, encrypt=password)
    for number in range(1, count + 1):
        pages.drawString(100, 750, f"Bescheid, Seite {number}")
        pages.showPage()
    pages.save()
    return buffer.getvalue()


def two_page_pdf() -> bytes:
    return pdf_of(2)


def huge_png(side: int) -> bytes:
    """A black-and-white PNG of ``side`` × ``side`` pixels, all white: a small file (its
    rows compress to almost nothing) of a very large image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    packer = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((side + 7) // 8)  # filter byte "none", then the pixels
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data)
            + chunk(b"IEND", b""))


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def attached(qtbot: Any, window: Any, filename: str, content: bytes) -> tuple[Any, Any, str]:
    """A fresh person's file with one attachment, its tab shown and the row selected."""
    view = fresh_file(qtbot, window, open_case=False)
    attachment_id = on_database(window, lambda s: services.add_attachment(
        s, client_id=view.client_id, filename=filename, content=content).ids[0])
    view.reload()
    page = tab(view, "Anhänge")
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=10_000)
    select_row(page, lambda a: True)
    activate(qtbot, window)
    return view, page, attachment_id


def logged(window: Any, attachment_id: str) -> list[tuple[str, str]]:
    return on_database(window, lambda s: [(e.action, e.detail) for e in s.scalars(
        select(AuditEvent).where(AuditEvent.record_id == attachment_id).order_by(
            AuditEvent.at))])


def test_a_pdf_opens_inside_the_program_and_the_view_is_logged(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "temp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))  # Qt's temporary files and Python's
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    _, page, attachment_id = attached(qtbot, window, "bescheid.pdf", two_page_pdf())
    alt_to(qtbot, button(page, "Anzeigen"))
    viewer = shown_viewer(qtbot, page)
    pages = viewer.pages
    assert pages.rowCount() == 2
    assert all(pages.image(row).width() > 500 for row in (0, 1))
    assert "Seite 2 von 2" in pages.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert logged(window, attachment_id) == [("create", "application/pdf"), ("view", "")]
    assert list(temporary.iterdir()) == []  # no decrypted copy anywhere temporary


def shown_viewer(qtbot: Any, page: Any) -> AttachmentViewer:
    qtbot.waitUntil(lambda: page.findChild(AttachmentViewer) is not None
                    and page.findChild(AttachmentViewer).isVisible(), timeout=60_000)
    viewer: AttachmentViewer = page.findChild(AttachmentViewer)
    return viewer


def test_a_pdf_of_400_pages_draws_the_pages_in_view_and_is_freed_when_closed(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2

    drawn: list[int] = []
    render = pypdfium2.PdfPage.render

    def counted(page: Any, *args: Any, **kwargs: Any) -> Any:
        drawn.append(1)
        return render(page, *args, **kwargs)

    monkeypatch.setattr(pypdfium2.PdfPage, "render", counted)
    _, page, attachment_id = attached(qtbot, window, "akte.pdf", pdf_of(400))
    alt_to(qtbot, button(page, "Anzeigen"))
    shown = [shown_viewer(qtbot, page)]  # a list, so that the viewer can be let go of
    viewer = shown[0]
    qtbot.waitUntil(lambda: bool(drawn), timeout=10_000)  # the first page, when painted
    assert len(drawn) <= 3  # what fits the window, not 400 pages
    activate(qtbot, viewer)
    press(qtbot, Qt.Key.Key_PageDown)
    press(qtbot, Qt.Key.Key_End)  # to the last page, as a reader looking for the newest
    bottom = viewer.list.viewport().rect().center()
    bottom.setY(viewer.list.viewport().height() - 20)  # on the last page, not in the margin
    qtbot.waitUntil(lambda: shown[0].list.indexAt(bottom).row() == 399, timeout=10_000)
    qtbot.waitUntil(lambda: 399 in shown[0].pages.kept, timeout=10_000)
    assert len(drawn) <= 8
    assert viewer.pages.kept_bytes() <= viewing.KEPT_BYTES
    assert logged(window, attachment_id) == [("create", "application/pdf"), ("view", "")]

    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isValid(shown[0]), timeout=10_000)  # deleted, not hidden
    gone = weakref.ref(shown.pop())
    del viewer
    gc.collect()
    assert gone() is None  # the tab keeps no viewer, nor its pages


def test_pages_drawn_one_after_another_keep_only_the_last_few(qapp: Any) -> None:
    pages = viewing.Pages(viewing.PdfSource(pdf_of(40)), "akte.pdf")
    for row in range(40):  # every page in turn, as scrolling through the document
        assert pages.image(row) is not None
    a4 = pages.image(39).sizeInBytes()
    assert 40 * a4 > viewing.KEPT_BYTES
    assert list(pages.kept) == list(range(40 - len(pages.kept), 40))  # the last ones seen
    assert pages.kept_bytes() <= viewing.KEPT_BYTES
    pages.close()
    assert pages.rowCount() == 0 and not pages.kept and pages.image(0) is None


def test_an_image_is_one_page_of_its_own_size(qapp: Any) -> None:
    pages = viewing.Pages(viewing.ImageSource(huge_png(100)), "foto.png")
    assert pages.rowCount() == 1
    assert pages.image(0).size().toTuple() == (100, 100)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The common umask 022, under which a file is created readable by every account."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_document_that_cannot_be_shown_is_saved_only_after_a_warning(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_umask: None
) -> None:
    target = tmp_path / "kopie.docx"
    asked: list[str] = []

    def where(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(target), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(where))
    _, page, attachment_id = attached(qtbot, window, "antrag.docx", docx())
    warnings: list[str] = []
    answer_next_box("Kopie speichern …", said=warnings)
    alt_to(qtbot, button(page, "Anzeigen"))  # a DOCX cannot be shown: a copy is offered
    qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)  # Alt clicks a moment later
    assert "nicht verschlüsselt" in warnings[0] and "nicht selbst anzeigen" in warnings[0]
    assert asked == ["antrag.docx"]
    content = docx_content(window, attachment_id)
    qtbot.waitUntil(lambda: target.exists() and target.read_bytes() == content,
                    timeout=10_000)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # on main: 0644 under umask 022
    qtbot.waitUntil(lambda: ("export", "copy") in logged(window, attachment_id),
                    timeout=10_000)
    assert [action for action, _ in logged(window, attachment_id)] == ["create", "export"]


def copy_offered(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                 filename: str, content: bytes) -> str:
    """Shows ``content`` by Anzeigen; it cannot be shown, so the copy is offered and taken.
    The words of the question."""
    target = tmp_path / "kopie"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    _, page, attachment_id = attached(qtbot, window, filename, content)
    said: list[str] = []
    answer_next_box("Kopie speichern …", said=said)
    alt_to(qtbot, button(page, "Anzeigen"))
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    qtbot.waitUntil(lambda: target.exists() and target.read_bytes() == content,
                    timeout=10_000)
    assert page.findChild(AttachmentViewer) is None  # no empty viewer either
    qtbot.waitUntil(lambda: ("export", "copy") in logged(window, attachment_id),
                    timeout=10_000)
    # The reading to show it is logged as before, the copy after it.
    assert [action for action, _ in logged(window, attachment_id)] == [
        "create", "view", "export"]
    assert "nicht verschlüsselt" in said[0]
    return said[0]


def test_a_damaged_pdf_says_so_and_offers_the_copy(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    damaged = b"%PDF-1.4\n1 0 obj<<>>\ngarbage garbage\n"
    said = copy_offered(qtbot, window, monkeypatch, tmp_path, "bescheid.pdf", damaged)
    assert said.startswith("Das Dokument ist beschädigt und kann nicht angezeigt werden.")


def test_a_pdf_with_a_password_says_so_and_offers_the_copy(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    locked = pdf_of(1, password="geheim")
    said = copy_offered(qtbot, window, monkeypatch, tmp_path, "bescheid.pdf", locked)
    assert said.startswith("Das Dokument ist mit einem Kennwort geschützt")


def test_an_image_too_large_to_show_says_so_and_offers_the_copy(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    huge = huge_png(30_000)
    assert len(huge) < 200_000
    said = copy_offered(qtbot, window, monkeypatch, tmp_path, "plan.png", huge)
    assert said.startswith("Das Bild ist zu groß, um es anzuzeigen (30000 × 30000 Pixel).")


def test_a_damaged_image_says_so_and_offers_the_copy(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    damaged = huge_png(100)[:60]  # cut off in its pixels
    said = copy_offered(qtbot, window, monkeypatch, tmp_path, "foto.png", damaged)
    assert said.startswith("Das Dokument ist beschädigt und kann nicht angezeigt werden.")


def test_saving_a_copy_can_be_called_off_at_the_warning(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Any] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: asked.append(a) or ("", "")))
    _, page, attachment_id = attached(qtbot, window, "bescheid.pdf", two_page_pdf())
    warnings: list[str] = []
    answer_next_box("Abbrechen", said=warnings)
    alt_to(qtbot, button(page, "Kopie speichern"))
    qtbot.waitUntil(lambda: bool(warnings), timeout=5_000)
    assert "nicht verschlüsselt" in warnings[0]
    assert asked == []
    assert [action for action, _ in logged(window, attachment_id)] == ["create"]


def test_an_error_goes_once_an_attachment_is_added(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = tmp_path / "notiz.txt"
    refused.write_text("kein Dokument")
    accepted = tmp_path / "bescheid.pdf"
    accepted.write_bytes(two_page_pdf())
    chosen = [refused, accepted]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(chosen.pop(0)), "")))
    view = fresh_file(qtbot, window, open_case=False)
    page = tab(view, "Anhänge")
    activate(qtbot, window)
    alt_to(qtbot, button(page, "Hinzufügen"))
    qtbot.waitUntil(lambda: not view.error.isHidden(), timeout=10_000)
    assert "PDF" in view.error.text()  # which kinds are taken
    alt_to(qtbot, button(page, "Hinzufügen"))
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: view.error.isHidden(), timeout=10_000)


def docx_content(window: Any, attachment_id: str) -> bytes:
    return bytes(on_database(window, lambda s: s.get(Attachment, attachment_id).content))


def test_an_attachment_is_deleted_after_a_question_and_the_deletion_is_logged(
    qtbot: Any, window: Any
) -> None:
    view, page, attachment_id = attached(qtbot, window, "bescheid.pdf", two_page_pdf())
    assert focused() is page.tree
    answer_next_box("Abbrechen")
    press(qtbot, Qt.Key.Key_Delete)  # in the list, where the row is selected
    assert page.tree.topLevelItemCount() == 1
    activate(qtbot, view.window())  # back from the question, as a window manager does
    answer_next_box("Löschen")
    press(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not view.data.attachments, timeout=10_000)
    assert page.tree.topLevelItemCount() == 0
    assert on_database(window, lambda s: s.get(Attachment, attachment_id).deleted_at) is not None
    assert [action for action, _ in logged(window, attachment_id)] == ["create", "delete"]

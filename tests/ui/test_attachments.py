"""Attachments in the client file: PDFs and images shown inside the program from memory,
other documents saved as a copy only after a warning, deletion with a question; every view,
copy and deletion in the audit log by record id."""

from __future__ import annotations

import io
import os
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kim_desktop.core import services
from kim_desktop.core.models import Attachment, AuditEvent
from kim_desktop.ui.qt import QFileDialog, Qt
from tests.ui.keys import activate, alt_to, focused, press
from tests.ui.test_client_file_editing import (
    answer_next_box,
    button,
    fresh_file,
    on_database,
    select_row,
    tab,
)


def two_page_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pages = canvas.Canvas(buffer)
    for number in (1, 2):
        pages.drawString(100, 750, f"Bescheid, Seite {number}")
        pages.showPage()
    pages.save()
    return buffer.getvalue()


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
    qtbot.waitUntil(lambda: getattr(page, "viewer", None) is not None
                    and page.viewer.isVisible(), timeout=10_000)
    pages = page.viewer.pages
    assert len(pages) == 2
    assert all(not p.pixmap().isNull() and p.pixmap().width() > 500 for p in pages)
    assert "Seite 2 von 2" in pages[1].accessibleName()
    assert logged(window, attachment_id) == [("create", "application/pdf"), ("view", "")]
    assert list(temporary.iterdir()) == []  # no decrypted copy anywhere temporary


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

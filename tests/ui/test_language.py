"""German by default; English switched live in Settings, remembered for the next start."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kim_desktop.core.errors import DomainError
from kim_desktop.ui import i18n
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import Qt
from kim_desktop.ui.settings import LANGUAGE


@pytest.fixture
def restore_german(qapp: Any) -> Iterator[None]:
    yield
    i18n.install("de")


def test_switching_to_english_retranslates_the_open_window(
    qtbot: Any, window: Any, restore_german: None
) -> None:
    assert window.tabs.tabText(1) == "Klient*innen"
    window.show_page("settings")
    page = window.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("en"))
    assert window.tabs.tabText(1) == "Clients"
    assert window.menuBar().actions()[0].text() == "&File"
    caseload = window.pages["caseload"]
    caseload.shown()
    qtbot.waitUntil(lambda: caseload.loaded, timeout=10_000)
    assert caseload.model.headerData(1, Qt.Orientation.Horizontal) == "Age"
    assert caseload.municipality.itemText(0) == "All municipalities"
    assert window.context.settings.get(LANGUAGE) == "en"
    assert user_message(DomainError("case_closed")) == "The case is closed."
    page = window.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("de"))
    assert window.tabs.tabText(1) == "Klient*innen"
    assert user_message(DomainError("case_closed")) == "Der Fall ist abgeschlossen."


def test_every_english_message_is_translated() -> None:
    from xml.etree import ElementTree

    root = ElementTree.parse(i18n.TRANSLATIONS / "kim_en.ts").getroot()
    unfinished = [m.findtext("source") for m in root.iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    for path in i18n.build():
        assert path.stat().st_size > 0

"""Counts read as German (and English) says them: "1 Klient*in", "2 Klient*innen"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kim_desktop.sync.status import SyncStatus
from kim_desktop.ui.sync_status import status_text
from tests.ui.conftest import _make_vault, unlock


def _status(count: int) -> SyncStatus:
    return SyncStatus(enrolled=True, last_sync=None, pending=0, rejected=0, conflicts=0,
                      quarantined=count, online=True, last_error=None, revoked=None,
                      reports_refused=count)


def test_the_status_bar_counts_one_record_in_the_singular() -> None:
    """Reproduced on main: "1 Datensätze … lassen sich nicht öffnen"."""
    one, two = status_text(_status(1)), status_text(_status(2))
    assert "1 Datensatz vom Server lässt sich nicht öffnen und wird" in one
    assert "1 Auswertungsangabe hat der Server abgelehnt" in one
    assert "2 Datensätze vom Server lassen sich nicht öffnen und werden" in two
    assert "2 Auswertungsangaben hat der Server abgelehnt" in two


def test_a_caseload_of_one_says_one_client(qtbot: Any, tmp_path: Path) -> None:
    """Reproduced on main: "1 Klient*innen"."""
    from kim_desktop.ui.app import AppController

    controller = AppController(_make_vault(tmp_path / "vault", clients=1))
    try:
        window = unlock(qtbot, controller)
        window.show_page("caseload")
        caseload = window.pages["caseload"]
        qtbot.waitUntil(lambda: caseload.loaded, timeout=10_000)
        qtbot.waitUntil(lambda: caseload.summary.text() == "1 Klient*in", timeout=5_000)
    finally:
        controller.close()

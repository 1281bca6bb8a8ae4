"""Erasure as people do it: a case manager requests it with a reason, the office admin
declines or grants it from the start page; the deletion run shows who is due under which
rule, insists on the archive copy the rule requires, and erases with progress."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from kim_desktop.core import services
from kim_desktop.core.models import Attachment, Case, Client
from kim_desktop.core.services import ClientData
from kim_desktop.core.services.erasure_requests import request_erasure
from kim_desktop.core.services.retention import add_years
from kim_desktop.core.vault import Role, Vault
from kim_desktop.ui.formats import file_number
from kim_desktop.ui.qt import QApplication, QInputDialog, Qt
from tests.ui.conftest import PASSWORD, USER
from tests.ui.keys import CTRL, activate, alt, alt_to, focused, press, type_text
from tests.ui.test_client_file_editing import on_database

COLLEAGUE = "bernd"
COLLEAGUE_PASSWORD = "Erstes Passwort für Bernd"


@pytest.fixture
def typed_confirmation(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers the question for the confirmation word with the word it asks for."""
    asked: list[str] = []

    def answer(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(text)
        return "LÖSCHEN", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    return asked


def person(window: Any, last_name: str, *, closed_years_ago: int | None = None,
           created_years_ago: int = 0) -> str:
    """A new person; with ``closed_years_ago``, with a case closed that long ago."""
    def create(session: Any) -> str:
        client_id = services.create_client(session, data=ClientData(
            last_name=last_name, first_name="Test", municipality_code="rahden")).client_id
        client = session.get(Client, client_id)
        client.created_at = client.updated_at = client.created_at.replace(
            year=client.created_at.year - created_years_ago)
        if closed_years_ago is not None:
            today = dt.date.today()
            case_id = services.open_case(
                session, client_id=client_id, opened_on=today - dt.timedelta(days=30),
                reason="Erstberatung", target_group_criteria=[]).ids[0]
            services.close_case(session, case_id=case_id, closed_on=today,
                                reason_code="goals_achieved")
            case = session.get(Case, case_id)
            case.opened_on = add_years(today, -closed_years_ago - 1)
            case.closed_on = add_years(today, -closed_years_ago)
        session.commit()
        return str(client_id)

    return str(on_database(window, create))


def sign_in(qtbot: Any, controller: Any, user: str, password: str) -> Any:
    """Locks and signs in as ``user``; the controller closes the window (this test signs in
    twice, and the first window is gone by then)."""
    controller.lock()
    dialog = controller.unlock_dialog
    dialog.user.setText(user)
    dialog.password.setText(password)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    return controller.window


def is_erased(window: Any, client_id: str) -> bool:
    return bool(on_database(window, lambda s: s.get(Client, client_id).erased_at is not None))


def test_the_deletion_run_requires_the_archive_copy_then_erases_with_progress(
    qtbot: Any, window: Any, tmp_path: Path, typed_confirmation: list[str]
) -> None:
    closed = person(window, "Abgeschlossen", closed_years_ago=4)
    no_case = person(window, "Ohnefall", created_years_ago=2)
    view = window.open_client(closed)  # an open file of someone the run erases closes
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    window.show()
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_1, CTRL)  # the start page
    start = window.pages["start"]
    start.reload()
    qtbot.waitUntil(lambda: start.admin.tasks is not None and start.admin.tasks.due >= 2,
                    timeout=10_000)
    assert start.admin.to_run.isVisible()
    alt(qtbot, "z")
    page = window.pages["deletion_run"]
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is page and page.loaded,
                    timeout=10_000)
    rows = {page.list.topLevelItem(i).text(0): page.list.topLevelItem(i)
            for i in range(page.list.topLevelItemCount())}
    assert rows["Abgeschlossen, Test"].text(4) == "verlangt"
    assert rows["Ohnefall, Test"].text(4) == "nicht verlangt"
    assert rows["Ohnefall, Test"].text(3) == "ohne Fall, letzter Kontakt"
    assert "3 Jahre nach dem Abschluss" in page.rules.text()
    wanted = {closed, no_case}
    assert {c.client_id for c in page.chosen()} == wanted  # the demo's people are not due

    alt(qtbot, "l")  # a button's Alt letter clicks it from the event loop
    qtbot.waitUntil(lambda: "verlangt die Regel vorher eine Archivkopie" in page.error.text(),
                    timeout=5_000)
    assert focused() is page.folder and typed_confirmation == []
    type_text(qtbot, str(tmp_path))
    alt(qtbot, "l")
    qtbot.waitUntil(lambda: bool(typed_confirmation), timeout=5_000)
    assert "2 Personen werden gelöscht, vorher je eine Archivkopie" in typed_confirmation[0]
    qtbot.waitUntil(lambda: page.summary.text().startswith("✓"), timeout=15_000)
    assert page.summary.text() == "✓ 2 von 2 Personen gelöscht."
    assert is_erased(window, closed) and is_erased(window, no_case)
    qtbot.waitUntil(lambda: closed not in window.client_files, timeout=5_000)
    archived = json.loads((tmp_path / f"{closed}.json").read_text(encoding="utf-8"))
    assert "Abgeschlossen" in json.dumps(archived, ensure_ascii=False)
    qtbot.waitUntil(lambda: page.list.topLevelItemCount() == 0, timeout=10_000)
    assert page.summary.text() == "✓ 2 von 2 Personen gelöscht."


def test_a_case_manager_requests_and_the_admin_declines_with_a_reason(
    qtbot: Any, controller: Any
) -> None:
    with Vault.unlock(controller.data_dir, user=USER, password=PASSWORD) as vault:
        vault.add_user(name=COLLEAGUE, role=Role.CASE_MANAGER, password=COLLEAGUE_PASSWORD)
        with vault.session() as session:
            client_id = services.create_client(session, data=ClientData(
                last_name="Antrag", first_name="Test", municipality_code="rahden")).client_id
    controller.start()
    window = sign_in(qtbot, controller, COLLEAGUE, COLLEAGUE_PASSWORD)
    assert "deletion_run" not in window.pages and window.pages["start"].admin is None
    window.show()
    view = window.open_client(client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    assert view.erase_button.text() == "&Löschung beantragen …"
    activate(qtbot, window)
    alt_to(qtbot, view.erase_button)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    dialog = activate(qtbot, QApplication.activeModalWidget())
    type_text(qtbot, "Die Person widerspricht der Verarbeitung")
    alt_to(qtbot, dialog.buttons.buttons()[0])
    qtbot.waitUntil(lambda: view.erasure.isVisible(), timeout=10_000)
    assert "Löschung beantragt" in view.erasure.text() and COLLEAGUE in view.erasure.text()
    assert not is_erased(window, client_id)

    admin = sign_in(qtbot, controller, USER, PASSWORD)
    admin.show()
    activate(qtbot, admin)
    panel = admin.pages["start"].admin
    qtbot.waitUntil(lambda: panel.tasks is not None and bool(panel.tasks.requests),
                    timeout=10_000)
    assert panel.requests.tree.topLevelItem(0).text(1) == "Antrag, Test"
    assert panel.requests.tree.topLevelItem(0).text(3) == \
        "Die Person widerspricht der Verarbeitung"
    alt(qtbot, "n")
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=5_000)
    dialog = activate(qtbot, QApplication.activeModalWidget())
    type_text(qtbot, "Die Aufbewahrungsfrist laeuft noch")
    alt_to(qtbot, dialog.buttons.buttons()[0])
    qtbot.waitUntil(lambda: panel.tasks is not None and not panel.tasks.requests,
                    timeout=10_000)
    view = admin.open_client(client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    assert "Löschantrag abgelehnt" in view.erasure.text()
    assert "Aufbewahrungsfrist laeuft noch" in view.erasure.text()
    assert not is_erased(admin, client_id)


def test_the_admin_grants_a_request_from_the_start_page(
    qtbot: Any, window: Any, typed_confirmation: list[str]
) -> None:
    client_id = person(window, "Genehmigt")

    def ask(session: Any) -> None:
        session.info.update(user=COLLEAGUE, role="case_manager")
        request_erasure(session, client_id=client_id, reason="Auf Wunsch der Person")

    on_database(window, ask)
    window.show()
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_1, CTRL)  # the start page
    start = window.pages["start"]
    start.reload()
    panel = start.admin
    qtbot.waitUntil(lambda: panel.tasks is not None and bool(panel.tasks.requests),
                    timeout=10_000)
    alt(qtbot, "g")
    qtbot.waitUntil(lambda: bool(typed_confirmation), timeout=5_000)
    assert "Genehmigt, Test wird auf Antrag von bernd gelöscht." in typed_confirmation[0]
    qtbot.waitUntil(lambda: is_erased(window, client_id), timeout=10_000)
    qtbot.waitUntil(lambda: not panel.tasks.requests, timeout=10_000)


def test_the_deletion_run_says_one_year_in_the_singular(qtbot: Any, window: Any) -> None:
    """Reproduced on main: the office's default rule read "1 Jahre nach dem letzten Kontakt"."""
    window.show_page("deletion_run")
    page = window.pages["deletion_run"]
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    assert "3 Jahre nach dem Abschluss des letzten Falls" in page.rules.text()
    assert "1 Jahr nach dem letzten Kontakt ohne Fall" in page.rules.text()


def test_the_deletion_run_says_one_person_in_the_singular(
    qtbot: Any, window: Any, typed_confirmation: list[str]
) -> None:
    """Reproduced on main: "1 Personen fällig.", on the start page "…: 1 Personen." and in
    the confirmation "1 Personen werden gelöscht."."""
    person(window, "Ohnefall", created_years_ago=2)
    start = window.pages["start"]
    start.reload()
    qtbot.waitUntil(lambda: start.admin.tasks is not None and start.admin.tasks.due == 1,
                    timeout=10_000)
    assert start.admin.due.text() == ("Zur Löschung fällig nach den Aufbewahrungsfristen: "
                                      "1 Person.")
    window.show_page("deletion_run")
    page = window.pages["deletion_run"]
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    page.reload()
    qtbot.waitUntil(lambda: page.summary.text() == "1 Person fällig.", timeout=10_000)
    page.erase_chosen()
    qtbot.waitUntil(lambda: bool(typed_confirmation), timeout=5_000)
    assert typed_confirmation[0].startswith("1 Person wird gelöscht.")


def _deletion_run(qtbot: Any, window: Any) -> Any:
    window.show()
    activate(qtbot, window)
    window.show_page("deletion_run")
    page = window.pages["deletion_run"]
    qtbot.waitUntil(lambda: page.loaded, timeout=10_000)
    return page


def _listed(page: Any) -> set[str]:
    return {str(page.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole))
            for i in range(page.list.topLevelItemCount())}


def _open_case(session: Any, client_id: str) -> Any:
    return services.open_case(session, client_id=client_id, opened_on=dt.date.today(),
                              reason="kommt wieder", target_group_criteria=[])


def test_the_deletion_run_skips_whom_a_new_case_made_no_longer_due(
    qtbot: Any, window: Any, typed_confirmation: list[str]
) -> None:
    """Reproduced on main: a person who got a new case after the list was read (by a sync, say,
    which the page does not hear of) was erased with the case."""
    back, gone = person(window, "Wieder", created_years_ago=2), person(window, "Fort",
                                                                        created_years_ago=2)
    page = _deletion_run(qtbot, window)
    page.reload()
    qtbot.waitUntil(lambda: _listed(page) == {back, gone}, timeout=10_000)
    on_database(window, lambda s: _open_case(s, back))
    alt(qtbot, "l")
    qtbot.waitUntil(lambda: bool(typed_confirmation), timeout=5_000)
    qtbot.waitUntil(lambda: page.summary.text().startswith("✓"), timeout=15_000)
    assert page.summary.text() == ("✓ 1 von 2 Personen gelöscht. 1 Person war nicht mehr "
                                   "fällig (etwa ein neuer Fall) und ist nicht gelöscht.")
    assert is_erased(window, gone) and not is_erased(window, back)


def test_the_deletion_run_reloads_when_a_case_is_opened(qtbot: Any, window: Any) -> None:
    """Reproduced on main: the page reloaded only on changes to a person, so it went on
    offering someone whose new case made them no longer due."""
    back, due = person(window, "Wieder", created_years_ago=2), person(window, "Bleibt",
                                                                       created_years_ago=2)
    page = _deletion_run(qtbot, window)
    page.reload()
    qtbot.waitUntil(lambda: _listed(page) == {back, due}, timeout=10_000)
    window.context.write(lambda s: _open_case(s, back))
    qtbot.waitUntil(lambda: _listed(page) == {due}, timeout=10_000)


def test_the_deletion_run_skips_whose_files_have_not_arrived(
    qtbot: Any, window: Any, tmp_path: Path, typed_confirmation: list[str]
) -> None:
    """Reproduced on main: the archive copy lacked a file the sync had not fetched yet, and the
    person was erased, the file with them on every machine."""
    waiting, gone = person(window, "Wartet", created_years_ago=2), person(window, "Fort",
                                                                           created_years_ago=2)

    def not_fetched(session: Any) -> None:
        attachment_id = services.add_attachment(
            session, client_id=waiting, filename="Zeugnis.pdf", content=b"%PDF-1.4 x").ids[0]
        added = session.get(Client, waiting).created_at  # two years ago, not activity now
        session.execute(update(Attachment).where(Attachment.id == attachment_id)
                        .values(content=None, created_at=added, updated_at=added))
        session.commit()

    on_database(window, not_fetched)
    page = _deletion_run(qtbot, window)
    page.reload()
    qtbot.waitUntil(lambda: _listed(page) == {waiting, gone}, timeout=10_000)
    page.folder.setFocus()
    type_text(qtbot, str(tmp_path))
    alt(qtbot, "l")
    qtbot.waitUntil(lambda: bool(typed_confirmation), timeout=5_000)
    qtbot.waitUntil(lambda: page.summary.text().startswith("✓"), timeout=15_000)
    assert page.summary.text() == (
        "✓ 1 von 2 Personen gelöscht. 1 Person ist nicht gelöscht, weil Dateien noch nicht "
        "auf diesem Rechner angekommen sind; bitte erst abgleichen: "
        f"{file_number(waiting)} („Zeugnis.pdf“).")
    assert is_erased(window, gone) and not is_erased(window, waiting)
    assert [p.stem for p in tmp_path.glob("*.json")] == [gone]

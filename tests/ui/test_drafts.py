"""What is typed survives the idle lock, Ctrl+L from a dialog and a crash: forms keep
drafts inside the vault and come back after unlock, and so do the open client files."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from kim_desktop.core.models import Client, Consultation
from kim_desktop.ui.qt import QApplication, QDialog, QPlainTextEdit, Qt
from tests.ui.conftest import unlock
from tests.ui.keys import CTRL, activate, alt_to, focused, press, type_text

NOTE = "halb geschrieben beim Rathaus"


def _read(window: Any, statement: Any) -> list[Any]:
    def read() -> list[Any]:
        with window.context.vault.session() as session:
            return list(session.scalars(statement))
    return list(window.context.taskman.run_blocking_on_database(read))


def _clients(window: Any, count: int) -> list[str]:
    return _read(window, select(Client.id).where(Client.deleted_at.is_(None))
                 .order_by(Client.last_name, Client.id).limit(count))


def _open_form(kind: str) -> Any:
    from kim_desktop.ui.widgets.rows import RecordForm

    forms = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, RecordForm) and w.isVisible() and type(w).__name__ == kind]
    return forms[0] if forms else None


def _write_a_note(qtbot: Any, window: Any, client_id: str) -> Any:
    """Opens the person's file, then Ctrl+N, and types a note into the new consultation."""
    file = window.open_client(client_id)
    qtbot.waitUntil(lambda: file.data is not None, timeout=10_000)
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: _open_form("ConsultationForm") is not None, timeout=5_000)
    form = activate(qtbot, _open_form("ConsultationForm"))
    qtbot.waitUntil(lambda: form.ready and bool(form.client.text()), timeout=5_000)
    alt_to(qtbot, form.fields)
    press(qtbot, Qt.Key.Key_Space)  # ticks the first field of action
    alt_to(qtbot, form.notes)
    assert isinstance(focused(), QPlainTextEdit)
    type_text(qtbot, NOTE)
    return form


def _drafts(window: Any) -> int:
    """The drafts kept in the vault (read with SQL: the table is the vault's own)."""
    return int(_read(window, text("SELECT count(*) FROM form_draft"))[0])


def _plaintext_on_disk(folder: Path, needle: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle.encode() in p.read_bytes()]


def test_the_idle_lock_keeps_a_half_written_consultation_and_gives_it_back(
    qtbot: Any, controller: Any, data_dir: Path, no_dialogs: list[str]
) -> None:
    window = unlock(qtbot, controller)
    client_id = _clients(window, 1)[0]
    form = _write_a_note(qtbot, window, client_id)
    assert form.notes.toPlainText() == NOTE
    controller.idle.set_interval_ms(50)
    controller.idle.start()
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert no_dialogs == []  # the lock asked nothing
    assert _plaintext_on_disk(data_dir, NOTE) == []  # kept inside the vault only

    window = unlock(qtbot, controller)
    qtbot.waitUntil(lambda: _open_form("ConsultationForm") is not None, timeout=10_000)
    form = activate(qtbot, _open_form("ConsultationForm"))
    qtbot.waitUntil(lambda: form.ready, timeout=5_000)
    assert form.notes.toPlainText() == NOTE
    assert form.chosen_client() == client_id
    assert list(window.client_files) == [client_id]  # its file is open again, too
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5_000)
    assert _read(window, select(Consultation.notes).where(
        Consultation.client_id == client_id, Consultation.notes == NOTE)) == [NOTE]
    qtbot.waitUntil(lambda: _drafts(window) == 0, timeout=5_000)  # saved: its draft goes


def test_unlock_opens_the_client_files_again(qtbot: Any, controller: Any) -> None:
    window = unlock(qtbot, controller)
    first, second = _clients(window, 2)
    window.open_client(first)
    window.open_client(second)
    shown = window.tabs.currentIndex()
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    window = unlock(qtbot, controller)
    assert list(window.client_files) == [first, second]
    assert window.tabs.currentIndex() == shown


def test_ctrl_l_locks_from_a_dialog_and_keeps_its_input(
    qtbot: Any, controller: Any, no_dialogs: list[str]
) -> None:
    window = unlock(qtbot, controller)
    activate(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _open_form("ClientForm") is not None, timeout=5_000)
    form = activate(qtbot, _open_form("ClientForm"))
    assert focused() is form.last_name
    type_text(qtbot, "Entwurfsname")
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert controller.unlock_dialog.isVisible()
    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: _open_form("ClientForm") is not None, timeout=10_000)
    assert _open_form("ClientForm").last_name.text() == "Entwurfsname"


def test_a_crash_loses_nothing_the_draft_kept(
    qtbot: Any, controller: Any, data_dir: Path, tmp_path: Path
) -> None:
    from kim_desktop.ui.app import AppController

    window = unlock(qtbot, controller)
    client_id = _clients(window, 1)[0]
    _write_a_note(qtbot, window, client_id)

    qtbot.waitUntil(lambda: _drafts(window) == 1, timeout=10_000)
    # The machine goes down now: what is on disk at this moment is all the next start has.
    crashed = tmp_path / "after-crash"
    shutil.copytree(data_dir, crashed, ignore=shutil.ignore_patterns("kim.lock"))
    assert _plaintext_on_disk(crashed, NOTE) == []
    again = AppController(crashed)
    try:
        unlock(qtbot, again)
        qtbot.waitUntil(lambda: any(
            type(w).__name__ == "ConsultationForm" and w.isVisible()
            and w.notes.toPlainText() == NOTE for w in again.window.findChildren(QDialog)),
            timeout=10_000)
    finally:
        again.close()


def _with_goal(window: Any) -> tuple[str, str, str]:
    """A person with an open case and a goal in it: (client, case, goal)."""
    from kim_desktop.core.models import Case, Goal

    goals = _read(window, select(Goal.id).join(Case, Case.id == Goal.case_id)
                  .where(Case.closed_on.is_(None), Goal.deleted_at.is_(None)).limit(1))
    assert goals, "the demo vault has no open case with a goal"
    goal_id = goals[0]
    case_id = _read(window, select(Goal.case_id).where(Goal.id == goal_id))[0]
    client_id = _read(window, select(Case.client_id).where(Case.id == case_id))[0]
    return client_id, case_id, goal_id


#: Each small form of the client file: how it is opened in the file (client, case and goal
#: ids given), and the field of it that takes typed text.
FILE_FORMS: dict[str, tuple[Any, str]] = {
    "GoalDialog": (lambda d, c, file, ids: d.GoalDialog(c, ids[1], file), "description"),
    "MeasureDialog": (lambda d, c, file, ids: d.MeasureDialog(c, ids[2], file),
                      "description"),
    "FollowUpDialog": (lambda d, c, file, ids: d.FollowUpDialog(c, ids[0], file), "text"),
    "ReferralDialog": (lambda d, c, file, ids: d.ReferralDialog(c, ids[0], file), "purpose"),
    "ConsentDialog": (lambda d, c, file, ids: d.ConsentDialog(c, ids[0], file), "purpose"),
    "NeedDialog": (lambda d, c, file, ids: d.NeedDialog(c, ids[1], file), "strengths"),
    "ResidencePeriodDialog": (lambda d, c, file, ids: d.ResidencePeriodDialog(c, ids[0], file),
                              "note"),
    "HouseholdMemberDialog": (lambda d, c, file, ids: _household(c, ids[0], file),
                              "first_name"),
    "SendReferralDialog": (lambda d, c, file, ids: _step(c, file, ids, "SendReferralDialog"),
                           "override_reason"),
    "DeclineReferralDialog": (lambda d, c, file, ids: _step(c, file, ids,
                                                            "DeclineReferralDialog"), "reason"),
    "CompleteReferralDialog": (lambda d, c, file, ids: _step(c, file, ids,
                                                             "CompleteReferralDialog"),
                               "reason"),
    "CancelReferralDialog": (lambda d, c, file, ids: _step(c, file, ids,
                                                           "CancelReferralDialog"), "reason"),
    "GapDialog": (lambda d, c, file, ids: _gap(c, file), "description"),
    "OpenCaseDialog": (lambda d, c, file, ids: d.OpenCaseDialog(c, ids[0], file), "reason"),
    "CloseCaseDialog": (lambda d, c, file, ids: d.CloseCaseDialog(c, ids[1], file), "note"),
    "ReopenCaseDialog": (lambda d, c, file, ids: d.ReopenCaseDialog(c, ids[1], file),
                         "reason"),
    "PhaseDialog": (lambda d, c, file, ids: _phase(c, file, ids[1]), "reason"),
    "RequestErasureDialog": (lambda d, c, file, ids: _erasure_form(c, file, ids[0], False),
                             "reason"),
    "DeclineErasureDialog": (lambda d, c, file, ids: _erasure_form(c, file, ids[0], True),
                             "reason"),
}


def _erasure_form(context: Any, file: Any, client_id: str, decline: bool) -> Any:
    """The request of the person's erasure; with ``decline``, the admin's refusal of one
    made for them (from the start page)."""
    from kim_desktop.core.services.erasure_requests import request_erasure
    from kim_desktop.ui.erasure import DeclineErasureDialog, RequestErasureDialog

    if not decline:
        return RequestErasureDialog(context, client_id, file)
    window = file.window()
    request_id = _in_session(window, lambda s: request_erasure(
        s, client_id=client_id, reason="Auf Wunsch").ids[0])
    return DeclineErasureDialog(context, request_id, window, client_id=client_id)


def _phase(context: Any, file: Any, case_id: str) -> Any:
    from kim_desktop.ui.client_file.phase import PhaseDialog

    return PhaseDialog(context, next(c for c in file.data.cases if c.id == case_id), file)


def _step(context: Any, file: Any, ids: tuple[str, ...], kind: str) -> Any:
    """A referral's step for the referral planned in the test (see :func:`_planned`)."""
    from kim_desktop.ui.client_file import referral_dialogs

    dialog_class = getattr(referral_dialogs, kind)
    if kind == "SendReferralDialog":
        referral = next(r for r in file.data.referrals if r.id == ids[3])
        return dialog_class(context, referral, [], file)
    return dialog_class(context, ids[3], file)


def _gap(context: Any, file: Any) -> Any:
    from kim_desktop.ui.gaps import GapDialog

    return GapDialog(context, file.window())


def _planned(window: Any, client_id: str) -> str:
    """A referral planned for ``client_id`` (to the Jobcenter, without a waiver)."""
    import datetime as dt

    from kim_desktop.core import services

    def plan(session: Any) -> str:
        return str(services.plan_referral(
            session, client_id=client_id, agency_code="jobcenter_minden_luebbecke",
            planned_on=dt.date.today(), purpose="Arbeitssuche").ids[0])

    return str(window.context.taskman.run_blocking_on_database(
        lambda: _in_session(window, plan)))


def _in_session(window: Any, work: Any) -> Any:
    with window.context.vault.session() as session:
        session.info["catalogs"] = window.context.catalogs
        return work(session)


def _household(context: Any, client_id: str, file: Any) -> Any:
    from kim_desktop.ui.client_file.household import HouseholdMemberDialog

    return HouseholdMemberDialog(context, client_id, parent=file)


def _file_form(kind: str) -> Any:
    forms = [w for w in QApplication.topLevelWidgets()
             if type(w).__name__ == kind and w.isVisible()]
    return forms[0] if forms else None


@pytest.mark.parametrize("kind", sorted(FILE_FORMS))
def test_every_form_of_the_client_file_keeps_its_typed_text_over_a_lock(
    qtbot: Any, controller: Any, data_dir: Path, no_dialogs: list[str], kind: str
) -> None:
    """Reproduced on main: only the consultation and the person kept a draft; the idle lock
    lost what was typed into a goal, a measure, a follow-up and every other small form."""
    from kim_desktop.ui.client_file import dialogs
    from kim_desktop.ui.widgets import field_value

    window = unlock(qtbot, controller)
    ids = (*_with_goal(window), "")
    ids = (*ids[:3], _planned(window, ids[0]))
    file = window.open_client(ids[0])
    qtbot.waitUntil(lambda: file.data is not None, timeout=10_000)
    make, field_name = FILE_FORMS[kind]
    form = make(dialogs, window.context, file, ids)
    form.open()
    activate(qtbot, form)
    alt_to(qtbot, getattr(form, field_name))
    type_text(qtbot, "Entwurf " + kind)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)
    assert _plaintext_on_disk(data_dir, "Entwurf " + kind) == []

    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: _file_form(kind) is not None, timeout=10_000)
    again = _file_form(kind)
    assert field_value(getattr(again, field_name)) == "Entwurf " + kind


def test_a_persons_erasure_takes_their_draft_with_it(
    qtbot: Any, controller: Any, data_dir: Path
) -> None:
    """Reproduced on main: a consultation half typed for a person stayed in the vault after
    ``kim-desktop erase`` while the program was closed, and came back at every unlock."""
    from kim_desktop.core.services.retention import erase_client
    from kim_desktop.core.vault import Vault
    from kim_desktop.ui.app import AppController
    from tests.ui.conftest import PASSWORD, USER

    window = unlock(qtbot, controller)
    client_id = _clients(window, 1)[0]
    _write_a_note(qtbot, window, client_id)
    qtbot.waitUntil(lambda: _drafts(window) == 1, timeout=10_000)
    controller.close()
    with Vault.unlock(data_dir, user=USER, password=PASSWORD) as vault, \
            vault.session() as session:
        erase_client(session, client_id=client_id, confirm=True)  # as the CLI does
    again = AppController(data_dir)
    try:
        window = unlock(qtbot, again)
        assert _drafts(window) == 0
        assert window.client_files == {}
        assert _open_form("ConsultationForm") is None
    finally:
        again.close()


def test_a_referral_prepared_from_the_precheck_keeps_its_edited_text_over_a_lock(
    qtbot: Any, controller: Any, no_dialogs: list[str]
) -> None:
    """Reproduced on main: the lock closed "Vermittlung vorbereiten" and the sentence added
    to its prepared "Anliegen" was lost."""
    window = unlock(qtbot, controller)
    client_id = _clients(window, 1)[0]
    file = window.open_client(client_id)
    qtbot.waitUntil(lambda: file.data is not None, timeout=10_000)
    panel = file.page_titled("Vorprüfung")
    file.tabs.setCurrentWidget(panel.parentWidget())
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10_000)
    dialog = activate(qtbot, panel.prepare_referral("auslaenderbehoerde"))
    prepared = dialog.purpose.toPlainText()
    alt_to(qtbot, dialog.purpose)
    press(qtbot, Qt.Key.Key_End, CTRL)
    type_text(qtbot, " Bitte Termin anbieten.")
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)

    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: _file_form("PrecheckReferralDialog") is not None, timeout=10_000)
    again = _file_form("PrecheckReferralDialog")
    assert again.purpose.toPlainText() == prepared + " Bitte Termin anbieten."
    assert again.agency_code == dialog.agency_code


def test_a_gap_release_keeps_its_confirmation_over_a_lock_while_the_names_stay(
    qtbot: Any, controller: Any, no_dialogs: list[str]
) -> None:
    """Reproduced on main: the lock closed "Fehlstelle freigeben" and it was not offered
    again after unlock."""
    import datetime as dt

    from kim_desktop.core import services

    window = unlock(qtbot, controller)

    def gap_made(session: Any) -> str:
        services.create_client(session, data=services.ClientData(
            first_name="Lotte", last_name="Koch", municipality_code="rahden"))
        return str(services.record_gap(
            session, category_code="housing_market", field_of_action_code="housing",
            municipality_code="rahden", observed_on=dt.date.today(),
            description="Der Koch der Unterkunft kocht nicht fuer Kinder mit Allergien").ids[0])

    gap_id = _in_session(window, gap_made)
    window.show_page("gaps")
    page = window.pages["gaps"]
    qtbot.waitUntil(lambda: any(g.id == gap_id for g in page.list._records), timeout=10_000)
    gap = next(g for g in page.list._records if g.id == gap_id)
    from kim_desktop.ui.gap_release import GapReleaseDialog

    dialog = GapReleaseDialog(window.context, gap, page)
    dialog.open()
    activate(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.not_meant.isVisible(), timeout=10_000)
    alt_to(qtbot, dialog.not_meant)
    qtbot.waitUntil(lambda: dialog.not_meant.isChecked(), timeout=5_000)
    press(qtbot, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)

    unlock(qtbot, controller)
    qtbot.waitUntil(lambda: _file_form("GapReleaseDialog") is not None, timeout=10_000)
    again = _file_form("GapReleaseDialog")
    qtbot.waitUntil(lambda: again.not_meant.isVisible(), timeout=10_000)
    assert again.gap_id == gap_id
    assert again.not_meant.isChecked() and again.release_button.isEnabled()

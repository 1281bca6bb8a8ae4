"""The accessibility walk (BITV NRW / EN 301 549): every screen and dialog, every focusable
widget must have an accessible name, from a label buddy, its own text or set explicitly."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from conftest import unlock

from kim_desktop.ui.qt import (
    QAbstractSpinBox,
    QAccessible,
    QComboBox,
    QFont,
    Qt,
    QWidget,
)


def _inside_composite(widget: QWidget) -> bool:
    """Parts of a spin box or combo box (its editor, its popup list) speak through it."""
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return True
        parent = parent.parent()
    return False


def unnamed(root: QWidget) -> list[str]:
    offenders = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isEnabledTo(root):
            continue
        if widget.isHidden() or _inside_composite(widget):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            offenders.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                             f"{type(widget.parent()).__name__}")
    return offenders


def test_every_screen_and_dialog_names_its_controls(qtbot: Any, window: Any,
                                                    no_dialogs: list[str]) -> None:
    assert "eligibility" in window.pages
    for key in window.pages:
        window.show_page(key)
        assert unnamed(window.pages[key]) == [], key
    assert unnamed(window.statusBar()) == []
    assert unnamed(window.tabs.tabBar()) == []
    caseload = window.pages["caseload"]
    view = window.open_client(caseload.model.row_at(0).client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        assert unnamed(view) == [], view.tabs.tabText(index)
    from kim_desktop.ui.client_file import dialogs
    from kim_desktop.ui.client_file.consultation import ConsultationDialog
    from kim_desktop.ui.client_file.household import HouseholdMemberDialog
    from kim_desktop.ui.client_file.precheck_referral import PrecheckReferralDialog
    from kim_desktop.ui.client_file.referral_dialogs import (
        AcceptReferralDialog,
        CancelReferralDialog,
        CompleteReferralDialog,
        DeclineReferralDialog,
        SendReferralDialog,
    )
    from kim_desktop.ui.gaps import GapDialog

    context = window.context
    case_id = "x"
    member = SimpleNamespace(id="x", relation="child", first_name="", birth_date=None,
                             unmarried=None, attends_school=None)
    need = SimpleNamespace(field_of_action_code="work", level="low", strengths="", notes="",
                           assessed_on=dt.date.today())
    referral = SimpleNamespace(id="x", agency_code="jobcenter_minden_luebbecke")
    for dialog in [
        HouseholdMemberDialog(context, "x"), HouseholdMemberDialog(context, "x", member),
        dialogs.NeedDialog(context, case_id, earlier=need),
        ConsultationDialog(context, view.data.consultations[0]),
        SendReferralDialog(context, referral, []), DeclineReferralDialog(context, "x"),
        CancelReferralDialog(context, "x"), AcceptReferralDialog(context, "x"),
        CompleteReferralDialog(context, "x"),
        window.quick_consultation(), window.new_client(), GapDialog(context),
        dialogs.OpenCaseDialog(context, view.client_id), dialogs.CloseCaseDialog(context, case_id),
        dialogs.ReopenCaseDialog(context, case_id), dialogs.FollowUpDialog(context, "x"),
        dialogs.ConsentDialog(context, "x"), dialogs.NeedDialog(context, case_id),
        dialogs.GoalDialog(context, case_id), dialogs.ReferralDialog(context, "x"),
        PrecheckReferralDialog(context, "x", "auslaenderbehoerde_kreis", "Vorprüfung"),
        window.pages["settings"].accounts.change_password(),
        window.pages["settings"].accounts.add_user(),
    ]:
        qtbot.addWidget(dialog)
        assert unnamed(dialog) == [], type(dialog).__name__


def test_unlock_and_first_run_name_their_controls(qtbot: Any, controller: Any,
                                                  empty_data_dir: Any) -> None:
    from kim_desktop.ui.first_run import FirstRunWizard
    from kim_desktop.ui.unlock import ResetPasswordDialog

    controller.start()
    assert unnamed(controller.unlock_dialog) == []
    reset = ResetPasswordDialog(controller.data_dir, controller.taskman, "anna")
    qtbot.addWidget(reset)
    assert unnamed(reset) == []
    wizard = FirstRunWizard(empty_data_dir, controller.taskman)
    qtbot.addWidget(wizard)
    wizard.show()
    for page in (wizard.admin_page, wizard.recovery_page, wizard.sync_page):
        assert unnamed(page) == []


def test_the_interface_scales_with_the_system_font(qtbot: Any, controller: Any) -> None:
    from kim_desktop.ui.qt import QApplication

    app = QApplication.instance()
    original = QFont(app.font())
    bigger = QFont(original)
    bigger.setPointSizeF(original.pointSizeF() * 1.6)
    app.setFont(bigger)
    try:
        window = unlock(qtbot, controller)
        window.show_page("caseload")
        caseload = window.pages["caseload"]
        qtbot.waitUntil(lambda: caseload.loaded, timeout=10_000)
        row_height = caseload.table.verticalHeader().defaultSectionSize()
        assert row_height >= caseload.fontMetrics().height()
        assert caseload.table.columnWidth(0) >= caseload.fontMetrics().averageCharWidth() * 20
    finally:
        app.setFont(original)


def test_the_walk_finds_a_nameless_field(qtbot: Any) -> None:
    from kim_desktop.ui.qt import QFormLayout, QLineEdit

    root = QWidget()
    qtbot.addWidget(root)
    form = QFormLayout(root)
    form.addRow("Benannt:", QLineEdit())
    form.addRow(QLineEdit())
    assert len(unnamed(root)) == 1

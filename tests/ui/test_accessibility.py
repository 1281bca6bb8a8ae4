"""The accessibility walk (BITV NRW / EN 301 549): every screen and dialog, every focusable
widget must have an accessible name, from a label buddy, its own text or set explicitly."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace
from typing import Any

import pytest

from kim_desktop.ui.qt import (
    QAbstractButton,
    QAbstractSpinBox,
    QAccessible,
    QComboBox,
    QFont,
    QGroupBox,
    QLabel,
    QMenuBar,
    Qt,
    QTabBar,
    QWidget,
)
from tests.ui.conftest import unlock


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


def _access_keys(widget: QWidget) -> list[str]:
    """The texts in ``widget`` that carry an Alt access key ("&Speichern")."""
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count()) if widget.isTabEnabled(i)]
    if isinstance(widget, QMenuBar):
        return [action.text() for action in widget.actions()]
    return []


def clashing_access_keys(root: QWidget) -> dict[str, list[str]]:
    """Alt letters that two visible controls share (a disabled one counts: it is enabled
    when a row is chosen): Qt then only moves the focus between them, so neither works by
    its access key."""
    holders: dict[str, list[str]] = {}
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        for text in _access_keys(widget):
            key = re.search(r"&([^&])", text.replace("&&", ""))
            if key:
                holders.setdefault(key.group(1).lower(), []).append(text.replace("&", ""))
    return {key: texts for key, texts in holders.items() if len(texts) > 1}


def keyless(root: QWidget) -> list[str]:
    """Visible buttons, field labels and tabs without an Alt letter (all letters taken, or
    none given): a person cannot reach them by key. A group box's title is a heading unless
    it can be ticked; the main window's tabs go by Ctrl+1 … Ctrl+5, not by letters."""
    def by_letters(widget: QWidget) -> bool:
        if isinstance(widget, QGroupBox):
            return widget.isCheckable()
        if isinstance(widget, QTabBar):
            return any("&" in text for text in _access_keys(widget))
        return not isinstance(widget, QMenuBar)

    return [text for widget in [root, *root.findChildren(QWidget)]
            if widget.isVisibleTo(root) and by_letters(widget)
            for text in _access_keys(widget)
            if text.strip() and not re.search(r"&([^&])", text.replace("&&", ""))]


def key_problems(root: QWidget) -> dict[str, list[str]]:
    """Shared Alt letters, and controls without one (under the key "ohne")."""
    problems = clashing_access_keys(root)
    if keyless(root):
        problems["ohne"] = keyless(root)
    return problems


def choose_language(window: Any, language: str) -> None:
    language_box = window.pages["settings"].language
    language_box.setCurrentIndex(language_box.findData(language))


@pytest.mark.parametrize("language", ["de", "en"])
def test_access_keys_are_unique_on_every_screen(qtbot: Any, window: Any, language: str) -> None:
    from kim_desktop.ui.client_file.view import case_action_text

    window.show()  # a tab's page counts as visible only in a shown window
    choose_language(window, language)
    clashes = {}
    for key in window.pages:
        window.show_page(key)
        clashes[key] = key_problems(window)
    caseload = window.pages["caseload"]
    qtbot.waitUntil(lambda: caseload.model.rowCount() > 0, timeout=10_000)
    view = window.open_client(caseload.model.row_at(0).client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    # The header's case button reads differently for an open, a closed and no case.
    for action in ("open", "close", "reopen"):
        view.case_button.setText(case_action_text(action))
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            qtbot.wait(1)  # a tab built on first view is shown from the event loop
            clashes[f"{view.tabs.tabText(index)} ({action})"] = key_problems(window)
    choose_language(window, "de")
    found = {screen: keys for screen, keys in clashes.items() if keys}
    assert not found, "\n".join(f"{screen}: {keys}" for screen, keys in found.items())


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_screen_and_dialog_names_its_controls(qtbot: Any, window: Any,
                                                    no_dialogs: list[str], language: str) -> None:
    """Also that no dialog gives one Alt letter to two controls, in either language."""
    from kim_desktop.ui import i18n

    choose_language(window, language)
    qtbot.waitUntil(lambda: window.pages["caseload"].model.rowCount() > 0, timeout=10_000)
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
    from kim_desktop.ui.accounts import RekeyDialog
    from kim_desktop.ui.client_file import dialogs
    from kim_desktop.ui.client_file.household import HouseholdMemberDialog
    from kim_desktop.ui.client_file.phase import PhaseDialog
    from kim_desktop.ui.client_file.precheck_referral import PrecheckReferralDialog
    from kim_desktop.ui.client_file.referral_dialogs import (
        AcceptReferralDialog,
        CancelReferralDialog,
        CompleteReferralDialog,
        DeclineReferralDialog,
        SendReferralDialog,
    )
    from kim_desktop.ui.client_form import ClientForm
    from kim_desktop.ui.conflicts import ConflictsDialog
    from kim_desktop.ui.consultation_form import ConsultationForm
    from kim_desktop.ui.erasure import DeclineErasureDialog, RequestErasureDialog
    from kim_desktop.ui.gaps import GapDialog
    from kim_desktop.ui.rejected import RejectedDialog
    from kim_desktop.ui.wipe import WipeDialog

    context = window.context
    case_id = "x"
    member = SimpleNamespace(id="x", relation="child", first_name="", birth_date=None,
                             unmarried=None, attends_school=None)
    need = SimpleNamespace(id="x", field_of_action_code="work", level="low", strengths="", notes="",
                           assessed_on=dt.date.today())
    referral = SimpleNamespace(id="x", agency_code="jobcenter_minden_luebbecke")
    data = view.data
    goal = SimpleNamespace(id="x", field_of_action_code="work", description="", status=None,
                           outcome=None, agreed_on=dt.date.today(), due_on=None)
    measure = SimpleNamespace(id="x", description="Bewerbung", status=None, outcome=None,
                              due_on=None)
    follow_up = SimpleNamespace(id="x", due_on=dt.date.today(), text="", assigned_user="anna")
    period = SimpleNamespace(id="x", status_code="", valid_from=dt.date.today(), valid_to=None,
                             legal_basis="", note="")
    case = SimpleNamespace(id="x", phase="assessment")
    clashes = {}
    for dialog in [
        HouseholdMemberDialog(context, "x"), HouseholdMemberDialog(context, "x", member),
        dialogs.NeedDialog(context, case_id, earlier=need),
        ConsultationForm(context, consultation=view.data.consultations[0]),
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
        window.pages["settings"].accounts.add_user(), RejectedDialog(context),
        WipeDialog("Löschung"),
        PhaseDialog(context, case), dialogs.GoalDialog(context, case_id, goal=goal),
        dialogs.MeasureDialog(context, "x"), dialogs.MeasureDialog(context, "x", measure=measure),
        dialogs.FollowUpDialog(context, "x", follow_up=follow_up),
        dialogs.ResidencePeriodDialog(context, "x"),
        dialogs.ResidencePeriodDialog(context, "x", period=period),
        ClientForm(context, client=data.client), ClientForm(context, client=data.client,
                                                            facts=True),
        RekeyDialog(context), ConflictsDialog(context),
        RequestErasureDialog(context, "x"), DeclineErasureDialog(context, "x"),
        window.office_export(),
    ]:
        qtbot.addWidget(dialog)
        assert unnamed(dialog) == [], type(dialog).__name__
        if key_problems(dialog):
            clashes[type(dialog).__name__ + " " + dialog.windowTitle()] = key_problems(dialog)
    i18n.install("de")  # for the tests after this one; the window need not be rebuilt
    assert not clashes, "\n".join(f"{name}: {keys}" for name, keys in clashes.items())


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


@pytest.mark.parametrize("language", ["de", "en"])
def test_unlock_and_first_run_give_each_control_its_own_alt_letter(
    qtbot: Any, controller: Any, empty_data_dir: Any, language: str
) -> None:
    """Reproduced on main: Alt+B led to "Benutzername" and "Beenden" on the unlock screen."""
    from kim_desktop.ui import i18n
    from kim_desktop.ui.first_run import FirstRunWizard
    from kim_desktop.ui.unlock import ResetPasswordDialog

    i18n.install(language)
    try:
        controller.start()
        unlock_dialog = controller.unlock_dialog
        unlock_dialog.show()
        reset = ResetPasswordDialog(controller.data_dir, controller.taskman, "anna")
        qtbot.addWidget(reset)
        reset.show()
        wizard = FirstRunWizard(empty_data_dir, controller.taskman)
        qtbot.addWidget(wizard)
        wizard.show()
        found = {"unlock": key_problems(unlock_dialog), "reset": key_problems(reset)}
        for page_id in wizard.pageIds():  # each page with the wizard's buttons around it
            wizard.setStartId(page_id)
            wizard.restart()
            found[type(wizard.currentPage()).__name__] = key_problems(wizard)
        wizard.sync_page.join.setChecked(True)  # the server's fields show
        found["joining"] = key_problems(wizard)
        found = {name: problems for name, problems in found.items() if problems}
        assert not found, found
    finally:
        i18n.install("de")


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


def test_the_access_key_check_finds_a_shared_letter(qtbot: Any) -> None:
    from kim_desktop.ui.qt import QHBoxLayout, QLineEdit, QPushButton

    root = QWidget()
    qtbot.addWidget(root)
    row = QHBoxLayout(root)
    field = QLineEdit()
    label = QLabel("&Name:")
    label.setBuddy(field)
    disabled = QPushButton("&Notiz …")
    disabled.setEnabled(False)
    for widget in (label, field, disabled, QPushButton("Speichern && &schließen")):
        row.addWidget(widget)
    assert clashing_access_keys(root) == {"n": ["Name:", "Notiz …"]}


def test_tab_leaves_every_table(qtbot: Any, window: Any) -> None:
    """Found by the AT-SPI walk: Tab in the list of persons went from cell to cell and never
    left the table, so a keyboard user was caught in it (Qt's default for tables)."""
    from kim_desktop.ui.qt import QAbstractItemView, QApplication

    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    caught = []
    for key in window.pages:
        window.show_page(key)
        for view in window.pages[key].findChildren(QAbstractItemView):
            if not view.isVisible() or view.focusPolicy() == Qt.FocusPolicy.NoFocus:
                continue
            view.setFocus()
            qtbot.waitUntil(lambda view=view: QApplication.focusWidget() is view, timeout=5_000)
            qtbot.keyClick(view, Qt.Key.Key_Tab)
            if QApplication.focusWidget() is view:
                caught.append(f"{key}: {view.accessibleName()}")
    assert caught == []


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_menu_gives_each_entry_its_own_letter(qtbot: Any, window: Any,
                                                    language: str) -> None:
    """Found by the AT-SPI walk: in Hilfe, "Erklärung zur &Barrierefreiheit" and "Ü&ber"
    shared the B (in English both the A), so the letter only moved between them and the
    statement did not open."""
    choose_language(window, language)
    try:
        clashes = {}
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            letters: dict[str, list[str]] = {}
            for action in menu.actions():
                key = re.search(r"&([^&])", action.text().replace("&&", ""))
                if action.isVisible() and not action.isSeparator() and key:
                    letters.setdefault(key.group(1).lower(), []).append(action.text())
            shared = {key: texts for key, texts in letters.items() if len(texts) > 1}
            if shared:
                clashes[menu_action.text()] = shared
        assert clashes == {}
    finally:
        choose_language(window, "de")

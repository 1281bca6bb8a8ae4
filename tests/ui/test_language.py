"""German by default; English switched live in Settings, remembered for the next start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kim_desktop.core.errors import DomainError, InvalidRecoveryKey, PasswordPolicyError
from kim_desktop.sync import messages as sync_messages
from kim_desktop.sync.enroll import EnrollError, enroll
from kim_desktop.sync.http import OfflineError, RefusedError
from kim_desktop.sync.status import SyncStatus
from kim_desktop.ui import i18n
from kim_desktop.ui.messages import user_message
from kim_desktop.ui.qt import Qt
from kim_desktop.ui.settings import LANGUAGE
from kim_desktop.ui.sync_status import status_text
from tests.sync.conftest import local_engine, session_factory


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


def test_domain_errors_and_precheck_texts_appear_in_english(
    qtbot: Any, window: Any, restore_german: None
) -> None:
    import re

    from kim_desktop.ui.gaps import GapDialog

    page = window.pages["settings"]
    page.language.setCurrentIndex(page.language.findData("en"))
    dialog = GapDialog(window.context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit()  # without a description
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.buttons.isEnabled(),
                    timeout=10_000)
    assert dialog.error.text() == '⚠ Please enter "Description (anonymous)".'

    view = window.open_client(window.pages["caseload"].model.row_at(1).client_id)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10_000)
    panel = view.page_titled("Pre-check")
    view.tabs.setCurrentWidget(panel.parentWidget())
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10_000)
    first = panel.tree.topLevelItem(0)
    assert first.text(0) == ("Residence permit for well-integrated adolescents and young "
                             "adults (§ 25a AufenthG)")
    shown = []
    for index, result in enumerate(panel.report.results):
        rule = panel.tree.topLevelItem(index)
        for row, condition in enumerate(result.conditions):
            item = rule.child(row)
            assert item.text(0) != condition.title
            assert item.text(3) != condition.explanation
            shown += [item.text(0), item.text(3)]
        for row, warning in enumerate(result.warnings, start=len(result.conditions)):
            assert rule.child(row).text(3) != warning.message
            shown.append(rule.child(row).text(3))
    text = "\n".join(shown)
    assert not re.search(r"\d\d\.\d\d\.\d{4}", text)  # dates as the English locale writes them
    assert not re.search(r"\b(ist|sind|nicht|Tage|Jahren?)\b", text), text


def test_vault_and_sync_errors_and_stored_codes_appear_in_english(
    qtbot: Any, controller: Any, restore_german: None, tmp_path: Path
) -> None:
    from kim_desktop.ui.first_run import password_problem
    from tests.ui.conftest import USER

    i18n.install("en")
    controller.start()
    dialog = controller.unlock_dialog
    dialog.user.setText(USER)
    dialog.password.setText("not the password at all")
    dialog.try_unlock()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
    assert "The user name or password is wrong." in dialog.message.text()
    assert password_problem("kurz", "kurz", USER).startswith(
        "The password is too short: it needs at least")
    assert user_message(InvalidRecoveryKey("recovery_key_typo_blocks", blocks="2, 5")) == (
        "The recovery key contains a typo (blocks 2, 5). Please compare it with the printed "
        "sheet.")
    # Phases and referral states are stored as codes; messages name them in words.
    assert user_message(DomainError("phase_transition", current="intake",
                                    target="evaluation")) == (
        'The phase "Intake" cannot move directly to "Evaluation".')
    assert user_message(DomainError("referral_transition", current="completed",
                                    target="sent")) == (
        'A referral in state "completed" cannot become "sent".')
    # Sync errors, and the last one the status keeps as German text.
    assert user_message(OfflineError(sync_messages.NO_CONNECTION)) == (
        "No connection to the sync server.")
    assert user_message(RefusedError(sync_messages.REFUSED, "", 418, http_status=418)) == (
        "The sync server refused the request (HTTP 418).")
    with pytest.raises(EnrollError) as bad_key, session_factory(local_engine(tmp_path / "d"))() \
            as session:
        enroll(session, server_url="http://127.0.0.1:9", code="X", office_recovery_key="UUU")
    assert user_message(bad_key.value).startswith("The recovery key contains invalid characters")
    status = SyncStatus(enrolled=True, last_sync=None, pending=0, rejected=0, conflicts=0,
                        quarantined=0, online=False, last_error=sync_messages.OFFLINE,
                        revoked=None)
    assert status_text(status) == ("Offline · never synced · ⚠ No connection to the sync "
                                   "server. The changes stay saved and will be sent later.")
    i18n.install("de")
    assert user_message(PasswordPolicyError("password_weak_keyboard")).startswith(
        "Das Passwort wäre zu schnell erraten: Es enthält eine Tastenfolge")
    assert user_message(DomainError("phase_transition", current="intake",
                                    target="evaluation")) == (
        "Von der Phase „Klärung“ geht es nicht direkt zur Phase „Evaluation“.")


def _placeholders(text: str) -> set[str]:
    import string

    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_core_message_and_rule_text_has_a_finished_english_translation() -> None:
    from xml.etree import ElementTree

    root = ElementTree.parse(i18n.TRANSLATIONS / "kim_en.ts").getroot()
    translations = {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context") for message in context.iter("message")
    }
    core = i18n._core_messages()
    assert {"DomainError", "DomainField", "VaultError", "SyncError", "precheck_rules"} <= set(core)
    assert len(core["precheck_rules"]) > 100  # every rule file's texts, not just a few
    for context, texts in core.items():
        for text in texts:
            translation = translations.get((context, text))
            assert translation is not None, (context, text)
            assert translation.get("type") is None and translation.text, (context, text)
            # A placeholder lost in translation would make the English screen fall back.
            assert _placeholders(translation.text) == _placeholders(text), (context, text)


def test_every_field_a_domain_error_names_is_declared() -> None:
    """Errors name fields by key (``field="client.last_name"``, ``earlier_field=``,
    ``later_field=``, and the key of a ``clean``): each literal key must be a declared field,
    so that its label shows in both languages; anything else must come from a parameter."""
    import ast

    from kim_desktop.core.fields import declared

    keywords = {"field", "earlier_field", "later_field", "earlier", "later"}
    unknown, computed = [], []
    for path in sorted((i18n.ROOT / "kim_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            values = [k.value for k in node.keywords if k.arg in keywords]
            function = getattr(node.func, "id", "")
            if function == "clean" and len(node.args) > 1:
                values.append(node.args[1])
            if (function == "clean_all" and len(node.args) > 2
                    and isinstance(node.args[1], ast.Constant)
                    and isinstance(node.args[2], ast.Dict)):
                values += [ast.Constant(f"{node.args[1].value}.{key.value}")
                           for key in node.args[2].keys if isinstance(key, ast.Constant)]
            for value in values:
                if isinstance(value, ast.IfExp):
                    values += [value.body, value.orelse]
                elif isinstance(value, ast.Constant):
                    try:
                        declared(value.value)
                    except KeyError:
                        unknown.append(f"{path.name}: {value.value}")
                elif not isinstance(value, ast.Name) and path.name != "_base.py":
                    computed.append(f"{path.name}:{node.lineno}")
    assert unknown == []
    assert computed == []


def test_field_keys_in_errors_read_as_labels_in_both_languages(
    qapp: Any, restore_german: None
) -> None:
    """The same field has one name: the error a service raises shows the declared label,
    translated; str() of it (the CLI's German) too."""
    from kim_desktop.core.errors import DomainError
    from kim_desktop.ui.messages import user_message

    error = DomainError("out_of_range", field="consultation.duration_minutes", low=1, high=720)
    assert str(error) == "„Dauer“ muss zwischen 1 und 720 liegen."
    assert user_message(error) == str(error)
    order = DomainError("date_order", earlier="consent.granted_on", later="consent.expires_on")
    i18n.install("en")
    assert user_message(error) == '"Duration" must be between 1 and 720.'
    assert user_message(order) == '"Valid until" must not be before "Granted on".'


def test_every_catalog_entry_but_proper_names_has_an_english_label() -> None:
    """Municipalities and partner agencies are names and stay as they are; every other entry
    a screen shows has its English label."""
    from kim_protocol.catalogs import load_catalogs

    catalogs = load_catalogs()
    untranslated = {
        name: [entry.code for entry in catalogs[name] if not entry.label_en]
        for name in catalogs.by_name if name not in {"municipalities", "partner_agencies"}
    }
    assert {name: codes for name, codes in untranslated.items() if codes} == {}
    assert len(untranslated) >= 8


def test_date_fields_follow_the_interface_language_with_four_digit_years(
    qapp: Any, restore_german: None
) -> None:
    import datetime as dt

    from kim_desktop.ui.widgets import date_edit, moment_edit

    moment = dt.datetime(2026, 3, 5, 14, 30)

    def shown(field: Any) -> str:
        return f"{field.day.text()} {field.clock.text()}"

    assert date_edit(dt.date(2026, 3, 5)).text() == "05.03.2026"
    assert shown(moment_edit(moment)) == "05.03.2026 14:30"
    i18n.install("en")
    assert date_edit(dt.date(2026, 3, 5)).text() == "3/5/2026"
    assert shown(moment_edit(moment)) == "3/5/2026 2:30\u202fPM"  # as CLDR writes it
    # and typed back the same way: month first in English
    assert date_edit().date() is None
    field = date_edit()
    field.setText("3/5/26")
    assert field.date() == dt.date(2026, 3, 5)

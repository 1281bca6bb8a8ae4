"""The typed settings registry: defaults, bad stored values, and nothing personal on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kim_desktop.ui.qt import Qt
from kim_desktop.ui.settings import (
    AUTO_LOCK_MINUTES,
    CASELOAD_COLUMNS,
    LANGUAGE,
    SYNC_AUTOMATIC,
    Settings,
)
from tests.ui.keys import CTRL, activate, alt_to, press, type_text


def test_defaults_and_round_trip(qapp: object, tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    assert settings.get(LANGUAGE) == "de"
    assert settings.get(AUTO_LOCK_MINUTES) == 10
    settings.set(AUTO_LOCK_MINUTES, 3)
    settings.set(CASELOAD_COLUMNS, ["name"])
    settings.set(SYNC_AUTOMATIC, False)
    again = Settings(tmp_path)
    assert again.get(AUTO_LOCK_MINUTES) == 3
    assert again.get(CASELOAD_COLUMNS) == ["name"]
    assert again.get(SYNC_AUTOMATIC) is False


def test_hand_edited_nonsense_falls_back_to_defaults(qapp: object, tmp_path: Path) -> None:
    (tmp_path / "settings.ini").write_text(
        "[ui]\nlanguage=klingon\n[security]\nauto_lock_minutes=-5\n"
        "[caseload]\ncolumns=@Invalid()\n",
        encoding="utf-8",
    )
    settings = Settings(tmp_path)
    assert settings.get(LANGUAGE) == "de"
    assert settings.get(AUTO_LOCK_MINUTES) == 10
    assert AUTO_LOCK_MINUTES.clean("🙂") == 10
    assert AUTO_LOCK_MINUTES.clean(10**9) == 10
    assert isinstance(settings.get(CASELOAD_COLUMNS), list)


def test_provisioning_sets_the_defaults_once(qapp: object, tmp_path: Path,
                                            monkeypatch: object) -> None:
    from kim_desktop.ui.app import AppController

    provisioning = tmp_path / "provisioning.toml"
    provisioning.write_text(
        '[server]\nurl = "https://kim.example.org"\n\n'
        '[office]\nname = "KIM Rahden"\nmunicipality = "Rahden"\n\n'
        '[settings]\nauto_lock_minutes = 5\nlanguage = "en"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("KIM_PROVISIONING", str(provisioning))  # type: ignore[attr-defined]
    controller = AppController(tmp_path / "data")
    try:
        assert controller.server_url == "https://kim.example.org"
        assert controller.settings.get(AUTO_LOCK_MINUTES) == 5
        assert controller.settings.get(LANGUAGE) == "en"
    finally:
        controller.close()
        from kim_desktop.ui import i18n

        i18n.install("de")


def test_a_broken_provisioning_file_is_said_and_ignored(
    qapp: object, tmp_path: Path, monkeypatch: object, no_dialogs: list[str]
) -> None:
    from kim_desktop.ui.app import AppController

    broken = tmp_path / "provisioning.toml"
    broken.write_text("[server\nurl = 3\n", encoding="utf-8")
    monkeypatch.setenv("KIM_PROVISIONING", str(broken))  # type: ignore[attr-defined]
    controller = AppController(tmp_path / "data")
    try:
        assert controller.provisioning is None
        assert no_dialogs == ["KIM Desktop"]
        assert controller.settings.get(LANGUAGE) == "de"
    finally:
        controller.close()


def test_the_units_say_one_minute_and_one_day(qtbot: Any, window: Any) -> None:
    """Reproduced on main: typing 1 left "1 Minuten" and "1 Tagen"."""
    window.show_page("settings")
    page = window.pages["settings"]
    activate(qtbot, window)
    for spin, one, many in ((page.auto_lock, "1 Minute", "15 Minuten"),
                            (page.sync_interval, "1 Minute", "15 Minuten"),
                            (page.reminder_days, "1 Tag", "15 Tagen")):
        alt_to(qtbot, spin)
        press(qtbot, Qt.Key.Key_A, CTRL)
        type_text(qtbot, "1")
        assert spin.text() == one
        type_text(qtbot, "5")  # typing on after the 1 keeps to the number
        assert spin.text() == many

"""The typed settings registry: defaults, bad stored values, and nothing personal on disk."""

from __future__ import annotations

from pathlib import Path

from kim_desktop.ui.settings import (
    AUTO_LOCK_MINUTES,
    CASELOAD_COLUMNS,
    LANGUAGE,
    SYNC_AUTOMATIC,
    Settings,
)


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

"""Every setting of the desktop program, declared once with its type and default (as Picard's
``options.py``).

Settings live in ``settings.ini`` in the data folder, outside the encrypted database, so they
hold only what is not personal: language, timings, column choices, window geometry. Names of
people, user names included, stay in the vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from kim_desktop.ui.qt import QByteArray, QSettings

T = TypeVar("T", bool, int, str, list[str], QByteArray)

#: Bump when a stored setting changes meaning; :func:`Settings._upgrade` moves old values.
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()

    def clean(self, value: object) -> T:
        """The stored value as ``T``, or the default when it is missing or out of range."""
        default = self.default
        if isinstance(default, bool):
            if isinstance(value, str):
                return cast(T, value.lower() in {"true", "1", "yes"})
            return cast(T, bool(value)) if value is not None else default
        if isinstance(default, int):
            try:
                number = int(cast(int, value))
            except (TypeError, ValueError):
                return default
            if self.minimum is not None and number < self.minimum:
                return default
            if self.maximum is not None and number > self.maximum:
                return default
            return cast(T, number)
        if isinstance(default, str):
            text = value if isinstance(value, str) else default
            return cast(T, text if not self.choices or text in self.choices else default)
        if isinstance(default, list):
            if isinstance(value, str):
                value = [value] if value else []
            if not isinstance(value, list):
                return default
            return cast(T, [str(item) for item in value])
        return cast(T, value if isinstance(value, QByteArray) else default)


LANGUAGE = Setting[str]("ui/language", "de", choices=("de", "en"))
AUTO_LOCK_MINUTES = Setting[int]("security/auto_lock_minutes", 10, minimum=1, maximum=240)
LAST_CONSULTATION_MODE = Setting[str]("consultation/last_mode", "")
CASELOAD_COLUMNS = Setting[list[str]](
    "caseload/columns", ["name", "age", "municipality", "phase", "next_follow_up", "consent"]
)
SYNC_INTERVAL_MINUTES = Setting[int]("sync/interval_minutes", 15, minimum=1, maximum=1440)
SYNC_AUTOMATIC = Setting[bool]("sync/automatic", True)
#: A referral sent this many days ago without an answer is a reminder on the start page.
REFERRAL_REMINDER_DAYS = Setting[int]("referrals/reminder_days", 14, minimum=1, maximum=365)
WINDOW_GEOMETRY = Setting[QByteArray]("window/geometry", QByteArray())


class Settings:
    """Typed access to ``settings.ini`` in a data folder."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
        self._upgrade()

    def get(self, setting: Setting[T]) -> T:
        return setting.clean(self._store.value(setting.key))

    def is_set(self, setting: Setting[T]) -> bool:
        return bool(self._store.contains(setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, setting.clean(value))
        self._store.sync()

    def _upgrade(self) -> None:
        version = Setting[int]("meta/version", 0).clean(self._store.value("meta/version"))
        if version < SCHEMA_VERSION:
            self._store.setValue("meta/version", SCHEMA_VERSION)

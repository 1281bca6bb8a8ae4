"""Settings: language (switched live), auto-lock time, sync timing; the own password and the
users of this computer (:mod:`kim_desktop.ui.accounts`); for the office admin, who the Art. 15
information names (:mod:`kim_desktop.ui.office_contacts`)."""

from __future__ import annotations

from kim_desktop.ui import i18n
from kim_desktop.ui.accounts import AccountsSection
from kim_desktop.ui.context import Context
from kim_desktop.ui.office_contacts import OfficeContactsSection
from kim_desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from kim_desktop.ui.settings import (
    AUTO_LOCK_MINUTES,
    LANGUAGE,
    REFERRAL_REMINDER_DAYS,
    SYNC_AUTOMATIC,
    SYNC_INTERVAL_MINUTES,
)
from kim_desktop.ui.widgets import add_row, scrolling


def unit(spin: QSpinBox, one: str, many: str) -> None:
    """The unit after ``spin``'s number, in the singular for 1: "1 Minute", "5 Minuten"."""
    def show(value: int) -> None:
        spin.setSuffix(one if value == 1 else many)

    spin.valueChanged.connect(show)
    show(spin.value())


class SettingsPage(QWidget):
    language_changed = Signal()
    auto_lock_changed = Signal(int)
    sync_changed = Signal()

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        settings = context.settings
        # The page scrolls: with the accounts and the backup it is taller than a 1366×768
        # screen at 150 % leaves it.
        body = QWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolling(body))
        layout = QVBoxLayout(body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox()
        for code, title in i18n.LANGUAGES.items():
            self.language.addItem(title, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.get(LANGUAGE)), 0))
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(AUTO_LOCK_MINUTES.minimum or 1, AUTO_LOCK_MINUTES.maximum or 240)
        self.auto_lock.setValue(settings.get(AUTO_LOCK_MINUTES))
        unit(self.auto_lock, translate("settings_page", " Minute"),
             translate("settings_page", " Minuten"))
        self.sync_automatic = QCheckBox(translate("settings_page", "Au&tomatisch abgleichen"))
        self.sync_automatic.setChecked(settings.get(SYNC_AUTOMATIC))
        self.sync_interval = QSpinBox()
        self.sync_interval.setRange(SYNC_INTERVAL_MINUTES.minimum or 1,
                                    SYNC_INTERVAL_MINUTES.maximum or 1440)
        self.sync_interval.setValue(settings.get(SYNC_INTERVAL_MINUTES))
        unit(self.sync_interval, translate("settings_page", " Minute"),
             translate("settings_page", " Minuten"))
        add_row(form, translate("settings_page", "&Sprache / Language:"), self.language)
        add_row(form, translate("settings_page", "Sperren nach &Inaktivität:"), self.auto_lock)
        form.addRow("", self.sync_automatic)
        add_row(form, translate("settings_page", "Abgleich a&lle:"), self.sync_interval)
        self.reminder_days = QSpinBox()
        self.reminder_days.setRange(REFERRAL_REMINDER_DAYS.minimum or 1,
                                    REFERRAL_REMINDER_DAYS.maximum or 365)
        self.reminder_days.setValue(settings.get(REFERRAL_REMINDER_DAYS))
        unit(self.reminder_days, translate("settings_page", " Tag"),
             translate("settings_page", " Tagen"))
        add_row(form, translate("settings_page", "An Vermittlung ohne Ant&wort erinnern nach:"),
                self.reminder_days)
        layout.addLayout(form)
        note = QLabel(translate(
            "settings_page",
            "Einstellungen gelten für diesen Rechner. Sie enthalten keine personenbezogenen "
            "Daten; diese liegen nur in der verschlüsselten Datenbank.",
        ))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.accounts = AccountsSection(context)
        layout.addWidget(self.accounts)
        self.office_contacts: OfficeContactsSection | None = None
        if context.is_admin:
            self.office_contacts = OfficeContactsSection(context)
            layout.addWidget(self.office_contacts)
        if context.demo:
            self.add_demo = QPushButton(
                translate("settings_page", "Erfundene Personen &hinzufügen (100) …")
            )
            self.add_demo.clicked.connect(self.add_demo_people)
            layout.addWidget(self.add_demo, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        self.language.currentIndexChanged.connect(self._language)
        self.auto_lock.valueChanged.connect(self._auto_lock)
        self.sync_automatic.toggled.connect(self._sync_automatic)
        self.sync_interval.valueChanged.connect(self._sync_interval)
        self.reminder_days.valueChanged.connect(
            lambda days: self.context.settings.set(REFERRAL_REMINDER_DAYS, days))

    def add_demo_people(self, clients: int = 100) -> QWidget:
        from kim_desktop.ui.demo_data import DemoDataDialog

        dialog = DemoDataDialog(self.context, clients, self)
        dialog.show()
        return dialog

    def _language(self) -> None:
        code = str(self.language.currentData())
        self.context.settings.set(LANGUAGE, code)
        i18n.install(code)
        self.language_changed.emit()

    def _sync_automatic(self, on: bool) -> None:
        self.context.settings.set(SYNC_AUTOMATIC, on)
        self.sync_changed.emit()

    def _sync_interval(self, minutes: int) -> None:
        self.context.settings.set(SYNC_INTERVAL_MINUTES, minutes)
        self.sync_changed.emit()

    def _auto_lock(self, minutes: int) -> None:
        self.context.settings.set(AUTO_LOCK_MINUTES, minutes)
        self.auto_lock_changed.emit(minutes)

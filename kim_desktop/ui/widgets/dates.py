"""The one date field of every form, and the time beside it for a moment.

A :class:`DateField` is a line of text, so it behaves as every other field does: Tab always
moves on, Delete clears it, a typed date is kept as typed until it is read. It takes a date
with or without dots (or slashes), with a two- or four-digit year, in the order of the
interface language: ``05.10.1994``, ``5.10.94``, ``05101994``, ``051094``, and ISO
``1994-10-05``. A two-digit year is read by the field's kind: for a date that cannot lie
ahead (a birth date) the latest such date not after today ("24.12.26" on 04.12.2026 is
24.12.1926), otherwise the year nearest to today, ahead when both are as near (a follow-up
"1.1.47" is 2047).
Alt+Down, F4 or the button opens a calendar at the date, or at today. A date that does not
exist ("31.02.1994") is never dropped: :meth:`DateField.problem` says so, and the form refuses
to save until it is fixed.
"""

from __future__ import annotations

import datetime as dt
import re

from kim_desktop.ui.qt import (
    QCalendarWidget,
    QDate,
    QEvent,
    QFocusEvent,
    QHBoxLayout,
    QKeyEvent,
    QLineEdit,
    QLocale,
    QObject,
    QPoint,
    QRect,
    QSize,
    QStyle,
    Qt,
    QTime,
    QWidget,
    Signal,
    translate,
)

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)
_SEPARATORS = re.compile(r"[.\-/ ]+")


class InvalidDate(ValueError):
    """The text of a date field is not a date; ``text`` is what was typed."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def date_format() -> str:
    """The interface language's short date, with four-digit years: a typed "50" must not
    have to mean 1950 or 2050."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def _order() -> str:
    """"dmy", "mdy" or "ymd": the order of day, month and year in the interface language."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    positions = {part: pattern.find(part) for part in "dMy"}
    return "".join(sorted(positions, key=positions.__getitem__)).replace("M", "m")


def _full_year(year: int, month: int, day: int, *, digits: int, past: bool,
               today: dt.date) -> int:
    if digits > 2:
        return year
    this_century = today.year // 100 * 100 + year
    if past:
        # the whole date decides: a birthday later this year lies a hundred years back
        return this_century if (this_century, month, day) <= (
            today.year, today.month, today.day) else this_century - 100
    return min((this_century + 100, this_century, this_century - 100),
               key=lambda candidate: abs(candidate - today.year))


def parse_date(text: str, *, past: bool = False, today: dt.date | None = None) -> dt.date | None:
    """The date ``text`` means (see the module's description); None for an empty text.
    Raises :class:`InvalidDate` for anything else."""
    cleaned = text.strip()
    if not cleaned:
        return None
    day_now = today or dt.date.today()
    parts = [p for p in _SEPARATORS.split(cleaned) if p]
    if not all(p.isdigit() for p in parts):
        raise InvalidDate(text)
    order = _order()
    if len(parts) == 1:
        digits = parts[0]
        if len(digits) not in (6, 8):
            raise InvalidDate(text)
        year_digits = len(digits) - 4
        if order == "ymd":
            parts = [digits[:year_digits], digits[year_digits:-2], digits[-2:]]
        else:
            parts = [digits[:2], digits[2:4], digits[4:]]
    if len(parts) != 3:
        raise InvalidDate(text)
    if len(parts[0]) == 4:
        order = "ymd"  # ISO, whatever the language
    values = dict(zip(order, parts, strict=True))
    year_text = values["y"]
    if len(year_text) not in (2, 4) or len(values["d"]) > 2 or len(values["m"]) > 2:
        raise InvalidDate(text)
    year = _full_year(int(year_text), int(values["m"]), int(values["d"]),
                      digits=len(year_text), past=past, today=day_now)
    try:
        value = dt.date(year, int(values["m"]), int(values["d"]))
    except ValueError:
        raise InvalidDate(text) from None
    if not EARLIEST <= value <= LATEST:
        raise InvalidDate(text)
    return value


def date_text(value: dt.date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())


class DateField(QLineEdit):
    """A date, typed or chosen in a calendar; :meth:`date` reads it. ``past`` says the date
    cannot lie ahead (for the reading of two-digit years)."""

    def __init__(self, value: dt.date | None = None, *, past: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.past = past
        self.setPlaceholderText(translate("widgets", "TT.MM.JJJJ"))
        self.setMaxLength(20)
        self.calendar_action = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
            QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(translate("widgets", "Kalender (Alt+Pfeil nach unten)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.set_date(value)

    def date(self) -> dt.date | None:
        """The date entered, None when empty; :class:`InvalidDate` when it is no date."""
        return parse_date(self.text(), past=self.past)

    def set_date(self, value: dt.date | None) -> None:
        self.setText(date_text(value))

    def problem(self) -> str:
        """Why the text is no date, or "" when it is one (or empty)."""
        try:
            self.date()
        except InvalidDate as error:
            return translate("widgets", "„{text}“ ist kein gültiges Datum. Bitte als "
                             "{example} eingeben.").format(text=error.text.strip(),
                                                          example=date_text(dt.date.today()))
        return ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if key == Qt.Key.Key_Delete and not self.isReadOnly():
            self.clear()  # a date is one value, not characters
            return
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down
                                    and modifiers & Qt.KeyboardModifier.AltModifier):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Writes a typed date the way the language writes it, so that what was understood
        shows; a text that is no date stays as typed."""
        super().focusOutEvent(event)
        if not self.problem() and self.text():
            self.set_date(self.date())

    def open_calendar(self) -> QCalendarWidget:
        """Shows the calendar below the field, at its date or at today."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setDateRange(QDate(EARLIEST.year, 1, 1), QDate(LATEST.year, 12, 31))
            self.calendar.setAccessibleName(translate("widgets", "Kalender"))
            self.calendar.activated.connect(self._chosen)
            self.calendar.clicked.connect(self._chosen)
            self.calendar.installEventFilter(self)
        try:
            value = self.date() or dt.date.today()
        except InvalidDate:
            value = dt.date.today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))
        self.calendar.show()  # shown first: its frame's size is known then
        self.calendar.move(popup_position(
            QRect(self.mapToGlobal(QPoint(0, 0)), self.size()),
            self.calendar.frameGeometry().size(), self.screen().availableGeometry()))
        self.calendar.setFocus()
        return self.calendar

    def _chosen(self, chosen: QDate) -> None:
        value = chosen.toPython()
        if isinstance(value, dt.date):
            self.set_date(value)
        self._close_calendar()

    def _close_calendar(self) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.calendar and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            self._close_calendar()
            return True
        return super().eventFilter(watched, event)


def parse_time(text: str) -> dt.time | None:
    """``14:30``, ``1430``, ``9:05``, ``9``, ``2:30 pm``; None for an empty text. Raises
    ValueError for anything else."""
    cleaned = text.strip().lower().replace(".", ":")
    if not cleaned:
        return None
    match = re.fullmatch(r"(\d{1,2})(?::?(\d{2}))?\s*(am|pm)?", cleaned)
    if match is None:
        raise ValueError(text)
    hour, minute = int(match[1]), int(match[2] or 0)
    if match[3]:
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if match[3] == "pm" else 0)
    return dt.time(hour, minute)


def time_text(value: dt.time) -> str:
    return QLocale().toString(QTime(value.hour, value.minute), QLocale.FormatType.ShortFormat)


class TimeField(QLineEdit):
    """A time of day, typed (``14:30`` or ``1430``)."""

    def __init__(self, value: dt.time, parent: QWidget | None = None) -> None:
        super().__init__(time_text(value), parent)
        self.setMaxLength(10)

    def time(self) -> dt.time | None:
        return parse_time(self.text())

    def problem(self) -> str:
        try:
            if self.time() is not None:
                return ""
        except ValueError:
            pass
        return translate("widgets", "„{text}“ ist keine gültige Uhrzeit. Bitte als {example} "
                         "eingeben.").format(text=self.text().strip(),
                                             example=time_text(dt.time(14, 30)))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        value = None if self.problem() else self.time()
        if value is not None:
            self.setText(time_text(value))


class MomentField(QWidget):
    """A date and a time of day (a consultation's): :meth:`moment` is local and aware."""

    changed = Signal()

    def __init__(self, value: dt.datetime, *, past: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        local = value.astimezone() if value.tzinfo else value
        self.day = DateField(local.date(), past=past)
        self.clock = TimeField(local.time())
        self.day.textChanged.connect(self.changed)
        self.clock.textChanged.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day, 3)
        layout.addWidget(self.clock, 1)
        self.setFocusProxy(self.day)

    def setAccessibleName(self, name: str) -> None:
        """Names both parts after the row's label."""
        super().setAccessibleName(name)
        self.day.setAccessibleName(translate("widgets", "{field}: Datum").format(field=name))
        self.clock.setAccessibleName(translate("widgets", "{field}: Uhrzeit").format(field=name))

    def moment(self) -> dt.datetime | None:
        """The moment entered, None while either part is empty; :class:`InvalidDate` or
        ValueError when a part is not a date or time."""
        day, clock = self.day.date(), self.clock.time()
        if day is None or clock is None:
            return None
        return dt.datetime.combine(day, clock).astimezone()

    def set_moment(self, value: dt.datetime) -> None:
        local = value.astimezone() if value.tzinfo else value
        self.day.set_date(local.date())
        self.clock.setText(time_text(local.time()))

    def problem(self) -> str:
        return self.day.problem() or self.clock.problem()

    def field_value(self) -> object:
        return [self.day.text(), self.clock.text()]

    def set_field_value(self, value: object) -> None:
        if isinstance(value, list) and len(value) == 2:
            self.day.setText(str(value[0]))
            self.clock.setText(str(value[1]))


def popup_position(field: QRect, size: QSize, screen: QRect) -> QPoint:
    """Where a popup of ``size`` goes for ``field`` (both on the screen): below it, or above
    it where the screen ends below, and never past the screen's sides."""
    y = field.bottom() + 1
    if y + size.height() > screen.bottom() + 1 and field.top() - size.height() >= screen.top():
        y = field.top() - size.height()
    x = max(screen.left(), min(field.left(), screen.right() + 1 - size.width()))
    y = max(screen.top(), min(y, screen.bottom() + 1 - size.height()))
    return QPoint(x, y)

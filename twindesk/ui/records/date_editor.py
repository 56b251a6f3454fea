"""A date field people type into: a plain line with a calendar button inside it.

What is typed is read by the domain's `parse_date` (ISO, 2027/3/15, 2027.3.15, 2027年3月15日, full-width
digits) or in the window's short form (15/03/2027 in English), and shown back in that short form when the
field is left. An empty field is empty: no sentinel date. Text that is no date stays as typed and goes to
the domain, which names the problem next to the field. Tab and Shift+Tab leave the field as any line's do;
Alt+Down or F4 opens the calendar, on the date shown, else on the related date the form gives (an end date
on the start date), else on today.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout

from twindesk.domain.model.fields import parse_date
from twindesk.domain.model.specs import RecordSpec
from twindesk.ui.common.formatting import window_locale
from twindesk.ui.records.editor_base import Editor

# A sub-record's date whose calendar opens on a date of its parent record: an itinerary day inside the visit.
PARENT_ANCHORS = {("itinerary_item", "day"): "start_on"}


def same_form_anchors(spec: RecordSpec) -> dict[str, str]:
    """date field -> the field of the same form it may not come before (the end date -> the start date)."""
    anchors = {}
    for rule in spec.rules:
        later, earlier = getattr(rule, "not_before", (None, None))
        if later and spec.field(later).kind == "date" and spec.field(earlier).kind == "date":
            anchors[later] = earlier
    return anchors


def _calendar_icon(color) -> QIcon:
    """A small calendar sheet, drawn so the field needs no icon file."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 2.4))
    painter.drawRoundedRect(QRectF(4, 6, 24, 22), 3, 3)
    painter.fillRect(QRectF(4, 6, 24, 6), color)
    for x in (10, 22):
        painter.drawLine(x, 3, x, 8)
    for row in range(2):
        for col in range(3):
            painter.fillRect(QRectF(8 + col * 6.5, 15 + row * 6, 3.5, 3.5), color)
    painter.end()
    return QIcon(pixmap)


class CalendarPopup(QFrame):
    """The calendar under the field; a popup window, so Esc or a click elsewhere closes it."""

    def __init__(self, locale: QLocale, parent):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("calendar")
        self.calendar.setLocale(locale)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateEditor(Editor):
    """`value()` is a date, None when empty, or the typed text when it reads as no date."""

    finished = Signal()  # the field was left (or Enter pressed): time to say whether it reads as a date

    def __init__(self, lang: str = "en"):
        line = QLineEdit()
        super().__init__(line)
        self.locale = window_locale(lang)
        self._format = self.locale.dateFormat(QLocale.FormatType.ShortFormat)
        self._shown: tuple[str, date] | None = None  # the text last shown for a date, and that date
        self.anchor: Callable[[], date | None] | None = None  # the related date an empty calendar opens on
        line.setClearButtonEnabled(True)
        line.setPlaceholderText(self.tr("e.g. %1").replace("%1", self.format(date(2027, 3, 15))))
        action = line.addAction(_calendar_icon(line.palette().color(QPalette.ColorRole.Text)),
                                QLineEdit.ActionPosition.TrailingPosition)
        action.setToolTip(self.tr("Pick a date from the calendar (Alt+Down)"))
        action.triggered.connect(self.open_calendar)
        self.popup = CalendarPopup(self.locale, line)
        self.calendar = self.popup.calendar
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        line.textChanged.connect(self.changed)
        line.editingFinished.connect(self._finish)
        line.installEventFilter(self)

    # --- reading and showing -------------------------------------------------------------------
    def format(self, value: date) -> str:
        return self.locale.toString(QDate(value.year, value.month, value.day), self._format)

    def _read(self, text: str):
        try:
            return parse_date(text)
        except ValueError:
            pass
        typed = self.locale.toDate(text, self._format)  # 15/03/2027 in an English window
        return date(typed.year(), typed.month(), typed.day()) if typed.isValid() else text

    def value(self):
        text = self.widget.text().strip()
        if not text:
            return None
        if self._shown is not None and text == self._shown[0]:
            return self._shown[1]
        return self._read(text)

    def set_value(self, value) -> None:
        if isinstance(value, date):
            self._show(value)
        else:
            self._shown = None
            self.widget.setText("" if value is None else str(value))

    def _show(self, value: date) -> None:
        text = self.format(value)
        self._shown = (text, value)
        if self.widget.text() != text:
            self.widget.setText(text)

    def _finish(self) -> None:
        value = self.value()
        if isinstance(value, date):
            self._show(value)
        self.finished.emit()

    # --- the calendar ---------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget and event.type() == event.Type.KeyPress:
            opens = event.key() == Qt.Key.Key_F4 or (
                event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if opens:
                self.open_calendar()
                return True
        return False

    def calendar_start(self) -> date:
        """The date shown, else the related date, else today."""
        value = self.value()
        if isinstance(value, date):
            return value
        related = self.anchor() if self.anchor is not None else None
        return related if isinstance(related, date) else date.today()

    def set_read_only(self, read_only: bool) -> None:
        """Readable and copyable, but no typing, no ✕ and no calendar (a read-only window)."""
        self.widget.setReadOnly(read_only)
        self.widget.setClearButtonEnabled(not read_only)
        for action in self.widget.actions():
            action.setEnabled(not read_only)

    def open_calendar(self) -> None:
        if self.widget.isReadOnly():
            return
        start = self.calendar_start()
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.setCurrentPage(start.year, start.month)
        line = self.widget
        self.popup.adjustSize()
        self.popup.move(line.mapToGlobal(QPoint(0, line.height())))
        self.popup.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, picked: QDate) -> None:
        self.popup.close()
        self._show(date(picked.year(), picked.month(), picked.day()))
        self.widget.setFocus(Qt.FocusReason.PopupFocusReason)
        self.finished.emit()

"""Picking a partner out of tens of thousands: type any part of a name (any script) or a country code.

A combo box with every partner would read and hold 100,000 names each time a form opens; this editor
asks the domain for the first matches as the user types (debounced) and shows them in a popup.
Entries read "兵库县 / Hyogo (JP)"; only where two partners are called the same does "· ID 23" tell
them apart, drawn in a quieter colour.
"""

import re
from collections import Counter

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyle, QStyledItemDelegate

from twindesk.domain.queries import details
from twindesk.ui.records.editor_base import Editor

SEARCH_DELAY_MS = 150
MATCHES_SHOWN = 50
ENTRY_ID = re.compile(r"(?:^|·\s*)ID\s*(\d+)$", re.IGNORECASE)
ID_MARK = " · ID "


def entries(found: list[tuple[int, str]], taken: Counter | None = None) -> list[str]:
    """The popup's lines: the label alone, or with its ID where the same label names several records
    (among `found`, and in `taken`: how often each label occurs beyond them)."""
    seen = Counter(label for _id, label in found) + (taken or Counter())
    return [f"{label}{ID_MARK}{record_id}" if seen[label] > 1 else label for record_id, label in found]


class QuietIdDelegate(QStyledItemDelegate):
    """A popup line with its "· ID n" (if any) in the placeholder's colour."""

    def paint(self, painter, option, index) -> None:
        text = index.data() or ""
        if ID_MARK not in text:
            super().paint(painter, option, index)
            return
        name, _, number = text.rpartition(ID_MARK)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = option.state & QStyle.StateFlag.State_Selected
        area = option.rect.adjusted(4, 0, -4, 0)
        painter.save()
        painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
        quiet = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        painter.setPen(quiet)
        painter.drawText(area.adjusted(option.fontMetrics.horizontalAdvance(name), 0, 0, 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, ID_MARK + number)
        painter.restore()


class RefPicker(Editor):
    """`value()` is the chosen record's id, None when empty, or the typed text when it names none
    (the domain then says so next to the field)."""

    def __init__(self, kind: str):
        super().__init__(QLineEdit())
        self.kind = kind
        self._chosen_id: int | None = None
        self._chosen_label = ""
        self._ids: list[int] = []
        line: QLineEdit = self.widget
        line.setClearButtonEnabled(True)
        line.setPlaceholderText(self.tr("Type part of a name or a country code"))
        self.matches = QStringListModel(self)
        self.completer = QCompleter(self.matches, self)
        # The domain already filtered; the completer only shows what it is given.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        line.setCompleter(self.completer)
        self.completer.popup().setItemDelegate(QuietIdDelegate(self.completer.popup()))
        self.completer.activated.connect(self._choose_text)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_if_shown)
        line.textEdited.connect(self._typed)

    def _typed(self, _text: str) -> None:
        self._timer.start()
        self.changed.emit()

    def _search_if_shown(self) -> None:
        # The pause after a keystroke may end after the form closed (and its database with it).
        if self.widget.isVisible():
            self.search()

    def search(self) -> None:
        """Fill the popup with the first matches for what is typed now."""
        text = self.widget.text().strip()
        found = details.find_choices(self.kind, text, MATCHES_SHOWN) if text else []
        self._ids = [record_id for record_id, _label in found]
        self.matches.setStringList(entries(found))
        if found and self.widget.hasFocus():
            self.completer.complete()

    def _choose_text(self, text: str) -> None:
        entries = self.matches.stringList()
        if text in entries:
            record_id = self._ids[entries.index(text)]
            self._set_chosen(record_id, text)
            self.changed.emit()

    def _set_chosen(self, record_id: int | None, text: str) -> None:
        self._chosen_id, self._chosen_label = record_id, text
        self.widget.setText(text)

    def value(self):
        text = self.widget.text().strip()
        if not text:
            return None
        if self._chosen_id is not None and text == self._chosen_label:
            return self._chosen_id
        by_id = ENTRY_ID.search(text)
        if by_id:  # an entry as the popup writes it, or "ID 12" typed by hand
            return int(by_id.group(1))
        found = details.find_choices(self.kind, text, 2)
        if len(found) == 1:  # typed precisely enough to name one record
            return found[0][0]
        return text

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setReadOnly(read_only)
        self.widget.setClearButtonEnabled(not read_only)

    def set_value(self, value) -> None:
        if value in (None, ""):
            self._set_chosen(None, "")
            return
        record_id = int(value)
        found = details.choice_with_namesakes(self.kind, record_id)  # one query: the name and its namesakes
        if found is None:
            self._set_chosen(record_id, str(value))
            return
        label, namesakes = found
        self._set_chosen(record_id, entries([(record_id, label)], Counter({label: 1}) if namesakes else None)[0])

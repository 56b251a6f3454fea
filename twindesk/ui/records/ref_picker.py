"""Picking a partner out of tens of thousands: type any part of a name (any script) or a country code.

A combo box with every partner would read and hold 100,000 names each time a form opens; this editor
asks the domain for the first matches as the user types (debounced) and shows them in a popup.
"""

import re

from PySide6.QtCore import QStringListModel, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit

from twindesk.domain.queries import details
from twindesk.ui.records.editor_base import Editor

SEARCH_DELAY_MS = 150
MATCHES_SHOWN = 50
ENTRY_ID = re.compile(r"(?:^|·\s*)ID\s*(\d+)$", re.IGNORECASE)


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
        self.completer.activated.connect(self._choose_text)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        line.textEdited.connect(self._typed)

    def _typed(self, _text: str) -> None:
        self._timer.start()
        self.changed.emit()

    def search(self) -> None:
        """Fill the popup with the first matches for what is typed now."""
        text = self.widget.text().strip()
        found = details.find_choices(self.kind, text, MATCHES_SHOWN) if text else []
        self._ids = [record_id for record_id, _label in found]
        self.matches.setStringList([self._entry(i, label) for i, label in found])
        if found and self.widget.hasFocus():
            self.completer.complete()

    @staticmethod
    def _entry(record_id: int, label: str) -> str:
        return f"{label} · ID {record_id}"  # same-named partners stay apart

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
        label = details.choice_label(self.kind, int(value))
        self._set_chosen(int(value), self._entry(int(value), label) if label else str(value))

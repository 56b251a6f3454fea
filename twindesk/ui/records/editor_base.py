"""The small interface every field editor has: `value()`, `set_value(v)`, `set_read_only(b)` and a
`changed` signal."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class Editor(QObject):
    """Owns one field's widget; every subclass gives `value()` and `set_value(v)`."""

    changed = Signal()

    def __init__(self, widget: QWidget):
        super().__init__(widget)
        self.widget = widget

    def focus_widget(self) -> QWidget:
        return self.widget

    def set_read_only(self, read_only: bool) -> None:
        """A read-only window: the value can be seen (and, where the widget allows, selected and
        copied) but not changed. Widgets without a read-only state are disabled."""
        self.widget.setEnabled(not read_only)

"""The small interface every field editor has: `value()`, `set_value(v)` and a `changed` signal."""

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

"""One signal tells every open view that data changed, whoever changed it."""

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    # The record kind that changed ("partner", "visit", … or "*" for everything, e.g. after a restore).
    changed = Signal(str)

    def notify(self, kind: str = "*") -> None:
        self.changed.emit(kind)


bus = DataBus()

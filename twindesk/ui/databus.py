"""One signal tells every open view that data changed, whoever changed it."""

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    # The record kind that changed ("partner", "visit", … or "*" for everything, e.g. after a restore).
    changed = Signal(str)
    # A change that Edit › Undo can take back (a twindesk.domain.operations.undo.UndoStep); the window keeps the last.
    undoable = Signal(object)

    def notify(self, kind: str = "*") -> None:
        self.changed.emit(kind)

    def offer_undo(self, step) -> None:
        self.undoable.emit(step)


bus = DataBus()

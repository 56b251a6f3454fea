"""The domain's change notices as a Qt signal: one notice per committed operation reaches every view.

Operations publish a `twindesk.domain.operations.door.Changes` when they commit, in whichever thread ran
them (an import runs on a worker); the signal delivers it to the views in the GUI thread. Views refresh
from these notices only (docs/architecture.md, "How a change reaches the window").
"""

from PySide6.QtCore import QObject, Signal

from twindesk.domain.operations import door


class DataBus(QObject):
    changed = Signal(object)  # a door.Changes

    def __init__(self):
        super().__init__()
        door.subscribe(self.changed.emit)


bus = DataBus()

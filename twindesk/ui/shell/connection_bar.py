"""The bar a window on the server shows while its connection is lost ("retrying…"), and the
"Reconnected" that follows in the status bar (ui/shell/connection_watch.py does the retrying)."""

from PySide6.QtWidgets import QLabel, QToolBar

from twindesk.ui.shell.connection_watch import connection_watch

RECONNECTED_SHOWN_MS = 8000


class ConnectionBar(QToolBar):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setObjectName("connection_bar")
        self.setMovable(False)
        self.setStyleSheet("QToolBar#connection_bar { background: #fff3cd; border: 1px solid #e0c36c; }")
        self.label = QLabel(self.tr("Connection to the server lost — retrying…"))
        self.label.setObjectName("connection_bar_text")
        self.label.setContentsMargins(8, 4, 8, 4)
        self.addWidget(self.label)
        self.hide()
        watch = connection_watch()
        watch.lost.connect(self.connection_lost)
        watch.reconnected.connect(self.connection_back)
        if watch.down:
            self.connection_lost()

    def connection_lost(self) -> None:
        self.show()
        self.window_.statusBar().showMessage(self.label.text())

    def connection_back(self) -> None:
        self.hide()
        self.window_.statusBar().showMessage(self.tr("Reconnected"), RECONNECTED_SHOWN_MS)


def add_connection_bar(window) -> ConnectionBar:
    """Above the pages, below the toolbar, hidden until the connection drops."""
    window.addToolBarBreak()
    bar = ConnectionBar(window)
    window.addToolBar(bar)
    return bar

"""The window's connection to the server, watched: when it drops (network lost, server restarted, the
backend killed) the window says so in a bar and gets it back by itself (docs/architecture.md,
"Connecting staff to the server").

Every error a person is shown passes `notice(exc)` (ui/common/error_text.py, ui/shell/crash.py). A
connection fault turns the bar on and starts the retries: every RETRY_MS a worker thread tries the
server (a fresh connection with a timeout: never the GUI thread's blocking path). Meanwhile no thread
of the window tries to connect (`server_connection.wait_for_server`), so a read fails at once instead
of waiting for a host that may not answer at all. Once the server answers, the GUI thread drops its
connection and opens a new one, the bar says "Reconnected" and every view reads again (an
"everything" change notice). On a database file nothing here is used.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, QTimer, Signal

RETRY_MS = 3000


class ConnectionWatch(QObject):
    lost = Signal()
    reconnected = Signal()
    _seen_elsewhere = Signal()  # a worker thread's notice, carried to the GUI thread (queued)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.address = None  # the server the session is on; None on a file
        self.password: str | None = None  # in memory only, to connect again
        self.down = False
        self._job = None
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.try_again)
        self._seen_elsewhere.connect(self._went_down)

    def watch(self, address, password: str | None) -> None:
        """The session is on `address` now (None: on a file, nothing to watch)."""
        self.address, self.password, self.down = address, password, False
        self.timer.stop()

    def notice(self, exc: BaseException | None) -> bool:
        """True when `exc` is the server's connection dropping (the bar shows it, retries run)."""
        if self.address is None:
            return False
        from twindesk.domain.server_connection import is_connection_fault

        if not is_connection_fault(exc):
            return False
        if QThread.currentThread() != self.thread():
            self._seen_elsewhere.emit()
        else:
            self._went_down()
        return True

    def _went_down(self) -> None:
        if not self.down and self.address is not None:
            from twindesk.domain.server_connection import wait_for_server

            self.down = True
            wait_for_server()  # until it answers, a read fails at once instead of waiting to connect
            self.timer.start()
            self.lost.emit()

    def try_again(self) -> None:
        if self._job is not None or not self.down:
            return
        from twindesk.domain.server_connection import server_is_back
        from twindesk.ui.common.background import BackgroundJob

        address, password = self.address, self.password
        job = self._job = BackgroundJob(lambda _progress: server_is_back(address, password), self)
        job.succeeded.connect(self._answered)
        job.finished.connect(self._ended)
        job.start()

    def _ended(self) -> None:
        self._job = None

    def _answered(self, back: bool) -> None:
        if not back or not self.down:
            return
        from twindesk.domain.operations import door
        from twindesk.domain.server_connection import reconnect
        from twindesk.ui.common.databus import bus

        try:
            reconnect()
        except Exception:  # gone again between the probe and now: the next try
            return
        self.down = False
        self.timer.stop()
        self.reconnected.emit()
        bus.changed.emit(door.Changes(0, "reconnected", {}, everything=True))  # every view reads again

    def stop(self) -> None:
        self.timer.stop()
        if self._job is not None:
            self._job.wait(10_000)


_watch: ConnectionWatch | None = None


def connection_watch() -> ConnectionWatch:
    """The one watch of this process (made on first use, in the GUI thread)."""
    global _watch
    if _watch is None:
        _watch = ConnectionWatch()
    return _watch


def notice(exc: BaseException | None) -> bool:
    """`ConnectionWatch.notice`, without making the watch when no server was ever opened."""
    return _watch is not None and _watch.notice(exc)

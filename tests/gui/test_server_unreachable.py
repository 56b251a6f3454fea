"""The window on a server whose host stops answering (switched off, the network gone): not a refusal,
which fails at once, but silence, which libpq waits out for its whole connect timeout. Once the window
says the connection is lost, its reads fail at once until the server answers again; they never hold
the window for the timeout each (domain/server_connection.wait_for_server)."""

import socket
import threading
import time
from urllib.parse import urlsplit, urlunsplit

import pytest
from PySide6.QtWidgets import QToolBar

from tests.gui.conftest import server_window
from twindesk.store.server.address import CONNECT_TIMEOUT_S
from twindesk.store.server.errors import ServerConnectionLost


class SilentHost:
    """A loopback stand-in for the server's host: it forwards to the real server, or goes silent (every
    connection it carried cut, new ones accepted and never answered, as a host that is gone)."""

    def __init__(self, port: int):
        self.port_to = port
        self.silent = False
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self._open.append(client)
                if self.silent:
                    continue  # accepted, never answered
            upstream = socket.create_connection(("127.0.0.1", self.port_to))
            with self._lock:
                self._open.append(upstream)
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for s in (source, target):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _cut(self) -> None:
        with self._lock:
            held, self._open = self._open, []
        for s in held:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def go_silent(self) -> None:
        self.silent = True
        self._cut()

    def answer_again(self) -> None:
        self.silent = False
        self._cut()  # the connections it left unanswered fail now

    def close(self) -> None:
        self._listener.close()
        self._cut()


@pytest.fixture
def host(pg_url):
    stand_in = SilentHost(urlsplit(pg_url).port)
    yield stand_in
    stand_in.close()


@pytest.fixture
def window(qtbot, app_settings, pg_url, host):
    """The window on the server through the stand-in host, on the dashboard, read through."""
    parts = urlsplit(pg_url)
    url = urlunsplit(parts._replace(netloc=f"{parts.username}@127.0.0.1:{host.port}"))
    yield from server_window(qtbot, app_settings, url)


def _read(window) -> tuple[float, BaseException | None]:
    """The list's read on the GUI thread, timed: (seconds, what it raised)."""
    start = time.monotonic()
    try:
        window.refresh_current()
    except Exception as exc:  # noqa: BLE001 - what it raised is the test's to look at
        return time.monotonic() - start, exc
    return time.monotonic() - start, None


@pytest.mark.qt_no_exception_capture  # the window's own hook takes what a slot raises, as in the app
def test_while_the_host_does_not_answer_reads_fail_at_once_and_the_window_gets_it_back(
        qtbot, window, host, monkeypatch, no_blocking_message_boxes):
    import sys

    from twindesk.ui.common.background import report_failure
    from twindesk.ui.shell import crash

    # A read in a slot (a change notice from the listener) fails too: the app's hook says it, not pytest-qt.
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: crash._present(t, e, tb, "MainThread"))

    window.nav.setCurrentRow(1)  # the partners list, as a person goes there
    qtbot.waitUntil(lambda: window.current_list_page() is not None)
    host.go_silent()
    _seconds, first = _read(window)  # finds its connection gone; connecting again gets no answer
    assert first is not None
    report_failure(window, first)  # as the window's exception hook does
    bar = window.findChild(QToolBar, "connection_bar")
    assert bar.isVisible()
    for _ in range(3):  # a person goes on working: each read says so at once
        seconds, again = _read(window)
        assert isinstance(again, ServerConnectionLost), again
        assert seconds < CONNECT_TIMEOUT_S / 5, seconds  # not libpq's 5 s wait on the window's thread
    assert "does not answer; TwinDesk tries again every few seconds" in str(again)
    assert "服务器没有应答；TwinDesk 每隔几秒重试一次" in again.text("zh_CN")
    host.answer_again()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=30_000)  # the watch's probe found it
    assert window.statusBar().currentMessage() == "Reconnected"
    assert _read(window)[1] is None  # and the window reads again
    assert crash._state.dialogs == [] and no_blocking_message_boxes == []  # the bar said it all

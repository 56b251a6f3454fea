"""Fixtures for driving the window as a user does: a fresh database, isolated settings, and a way to
answer the modal dialogs that buttons open."""

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from twindesk.domain import workspace
from twindesk.ui.shell import settings as S


@pytest.fixture
def gui_db(tmp_path):
    from twindesk.ui.common import background

    opened = workspace.open_workspace(tmp_path / "gui.db", take_backups=False)
    yield opened
    background.wait_for_all()  # the dashboard may still be reading on a worker thread
    workspace.close()


@pytest.fixture
def app_settings(tmp_path):
    return S.AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, gui_db, app_settings):
    from twindesk.ui.shell.main_window import MainWindow

    w = MainWindow(db_path=gui_db.path, settings=app_settings, lang="en", user="Li Na")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    for page in w.stack.built_pages():  # a search still waiting for the typing to pause when the test
        timer = getattr(page, "_timer", None)  # ended would read after its database closed
        if timer is not None:
            timer.stop()


def wait_until_ready(qtbot, window) -> None:
    """Until `window` is joined to its database and the page on screen is built (the shell paints first,
    the database and the first page follow: docs/architecture.md, "Start-up")."""
    qtbot.waitUntil(lambda: window.attached and window.stack.built(window.nav.currentRow()) is not None)


def server_window(qtbot, app_settings, url: str):
    """The window on the server at `url` as staff first see it: the dashboard, read through. Yields the
    window; closes it and the session after the test (use with `yield from`)."""
    from twindesk.ui.shell.session import Session

    session = Session(app_settings, "en")
    assert session.open_server(url)
    session.show_window()
    qtbot.addWidget(session.window)
    wait_until_ready(qtbot, session.window)
    dashboard = session.window.stack.built(0)
    qtbot.waitUntil(lambda: not dashboard.is_refreshing(), timeout=10_000)
    assert dashboard.heading.text().startswith("Overview as of ")  # read, not failed
    yield session.window
    session.window.close()
    session.shutdown()


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user. Non-ASCII goes in as an input-method commit (keyClicks aborts on it)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def answer_modal(handler):
    """Run `handler(dialog)` on the next modal dialog; returns a list that collects its errors."""
    errors: list[BaseException] = []

    def attempt(tries=[0]):  # noqa: B006 - a counter shared by the retries
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(10, attempt)
            return
        try:
            handler(dialog)
        except BaseException as exc:  # reported by the test after exec() returns
            errors.append(exc)
            if hasattr(dialog, "_dirty"):
                dialog._dirty = False  # no unsaved-changes prompt on the way out
            dialog.done(0)

    QTimer.singleShot(0, attempt)
    return errors


@pytest.fixture(autouse=True)
def collect_widgets_on_the_gui_thread():
    """A test's cyclic garbage (widgets among it) is collected here, on the GUI thread: left to the
    collector, it may run on a worker thread of a later test and delete Qt objects there (a crash)."""
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch):
    """A message box nobody answers would block the test run; by default answer like a user who
    wants to leave (Discard / No) and keep what was asked, so a test can check it."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        buttons = args[0] if args else kwargs.get("buttons")
        if buttons is not None and buttons & QMessageBox.StandardButton.Discard:
            return QMessageBox.StandardButton.Discard
        return QMessageBox.StandardButton.No

    def note(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, note)
    return asked

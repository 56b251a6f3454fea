"""Long work off the GUI thread: progress, Cancel, the user's errors and bugs."""

import sys
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from twindesk.domain.operations import records
from twindesk.domain.progress import Progress
from twindesk.store import models as m
from twindesk.store.errors import UserError
from twindesk.ui.common.background import BackgroundJob, run_with_progress


def test_a_job_reads_the_database_on_its_own_thread_and_reports_progress(qtbot, gui_db):
    records.save("partner", {"name_en": "Hyogo", "country": "JP"})
    seen = []

    def job(progress: Progress):
        progress.advance(1, 2, "counting")
        return threading.current_thread() is not threading.main_thread(), m.Partner.select().count()

    background = BackgroundJob(job)
    background.progressed.connect(lambda *args: seen.append(args))
    with qtbot.waitSignal(background.succeeded, timeout=5000) as result:
        background.start()
    assert result.args == [(True, 1)]
    assert seen == [(1, 2, "counting")]


def test_cancel_stops_the_job_at_its_next_step_and_nothing_follows(qtbot, gui_db):
    parent = QWidget()
    qtbot.addWidget(parent)
    started, release = threading.Event(), threading.Event()
    steps, results = [], []

    def job(progress: Progress):
        for i in range(1000):
            progress.advance(i, 1000)
            steps.append(i)
            started.set()
            release.wait(5)
        return "done"

    background = run_with_progress(parent, "Exporting", job, results.append)
    assert started.wait(5)
    dialog = parent.findChild(QProgressDialog, "progress_dialog")
    with qtbot.waitSignal(background.cancelled, timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # the user presses Cancel
        release.set()
    assert len(steps) < 1000
    assert results == []
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_users_error_becomes_a_plain_message_and_a_bug_the_crash_handler(qtbot, gui_db, monkeypatch,
                                                                           no_blocking_message_boxes):
    parent = QWidget()
    qtbot.addWidget(parent)
    shown = []
    monkeypatch.setattr("twindesk.ui.common.background.show_user_error", lambda _p, exc: shown.append(str(exc)))
    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: hooked.append(e))

    def wrong_folder(_progress):
        raise UserError("/nowhere/out.xlsx: the folder /nowhere does not exist")

    def bug(_progress):
        raise ZeroDivisionError("oops")

    run_with_progress(parent, "Exporting", wrong_folder, lambda r: None)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == ["/nowhere/out.xlsx: the folder /nowhere does not exist"]
    run_with_progress(parent, "Exporting", bug, lambda r: None)
    qtbot.waitUntil(lambda: bool(hooked), timeout=5000)
    assert isinstance(hooked[0], ZeroDivisionError)
    assert QApplication.activeModalWidget() is None

"""Long work off the GUI thread: exports, imports, briefing packs, the dashboard's queries.

`BackgroundJob` runs a function `job(progress)` in a QThread. The function never touches a widget; it
reports through `twindesk.domain.progress.Progress`, and the job's signals carry the progress, the
result or the error back to the GUI thread (queued connections). The worker thread gets its own
SQLite connection from peewee (one per thread) and closes it when it ends.

`run_with_progress` adds a progress dialog with Cancel for work the user waits for; Cancel sets the
Progress' flag, the job stops at its next step with `Cancelled`, and nothing is reported as an error.
"""

import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from twindesk.domain import workspace
from twindesk.domain.model.errors import is_environment_error
from twindesk.domain.progress import Cancelled, Progress
from twindesk.ui.shell.crash import show_user_error

# Jobs still running, so Python keeps them (and their threads) alive until they end.
_RUNNING: set["BackgroundJob"] = set()


class _Worker(QThread):
    def __init__(self, job: Callable[[Progress], object], progress: Progress):
        super().__init__()
        self.job = job
        self.progress = progress
        self.result = None
        self.error: BaseException | None = None
        self.was_cancelled = False

    def run(self) -> None:
        try:
            self.result = self.job(self.progress)
        except Cancelled:
            self.was_cancelled = True
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self.error = exc
        finally:
            workspace.close_thread_connection()


class BackgroundJob(QObject):
    """One run of `job(progress)` on a worker thread. Connect the signals, then `start()`."""

    progressed = Signal(int, int, str)  # done, total (0: unknown), what is being done
    succeeded = Signal(object)  # the job's return value
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, job: Callable[[Progress], object], parent: QObject | None = None):
        super().__init__(parent)
        self.progress = Progress(self._report)
        self._worker = _Worker(job, self.progress)
        self._worker.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def _report(self, done: int, total: int, text: str) -> None:
        self.progressed.emit(done, total, text)  # from the worker: queued to the GUI thread's slots

    def start(self) -> None:
        _RUNNING.add(self)
        self._worker.start()

    def cancel(self) -> None:
        self.progress.cancel()

    def is_running(self) -> bool:
        return self._worker.isRunning()

    def wait(self, ms: int = 30_000) -> bool:
        return self._worker.wait(ms)

    @property
    def result(self):
        return self._worker.result

    @property
    def error(self) -> BaseException | None:
        return self._worker.error

    @property
    def was_cancelled(self) -> bool:
        return self._worker.was_cancelled

    def _on_finished(self) -> None:
        _RUNNING.discard(self)
        worker = self._worker
        if worker.was_cancelled:
            self.cancelled.emit()
        elif worker.error is not None:
            self.failed.emit(worker.error)
        else:
            self.succeeded.emit(worker.result)
        self.finished.emit()


def wait_for_all(ms: int = 30_000) -> None:
    """Let running jobs end before the database closes (the window calls this as it closes)."""
    for job in list(_RUNNING):
        job.cancel()
        job.wait(ms)


def report_failure(parent: QWidget | None, exc: BaseException) -> None:
    """The user's or the environment's error: a plain message. A bug: the crash dialog."""
    if is_environment_error(exc):
        show_user_error(parent, exc)
    else:
        sys.excepthook(type(exc), exc, exc.__traceback__)


def run_with_progress(parent: QWidget, title: str, job: Callable[[Progress], object],
                      on_success: Callable[[object], None]) -> BackgroundJob:
    """Run `job` with a modal progress dialog and Cancel; call `on_success(result)` when it worked."""
    dialog = QProgressDialog(title, QCoreApplication.translate("BackgroundJob", "Cancel"), 0, 0, parent)
    dialog.setObjectName("progress_dialog")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # a quick job shows no dialog at all
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    background = BackgroundJob(job, parent)

    def progressed(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def cancel() -> None:
        dialog.setLabelText(QCoreApplication.translate("BackgroundJob", "Cancelling…"))
        background.cancel()

    def finished() -> None:  # the dialog goes first, so what follows is not hidden behind it
        dialog.canceled.disconnect(cancel)
        dialog.close()
        dialog.deleteLater()
        if background.error is not None:
            report_failure(parent, background.error)
        elif not background.was_cancelled:
            on_success(background.result)

    background.progressed.connect(progressed)
    dialog.canceled.connect(cancel)
    background.finished.connect(finished)
    dialog.setValue(0)
    background.start()
    return background

"""Progress and cancellation for long work (export, import, briefing packs), without Qt.

The long job calls `progress.advance(...)` as it goes; the window's worker hands in a Progress whose
callback forwards to a progress dialog and whose `cancel()` the dialog's Cancel button calls. The job
stops at its next `advance` or `check` by raising `Cancelled`, so whatever it was writing is abandoned
(and an atomic writer then leaves no partial file). The command line passes `Progress()`: no callback.
"""

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The user pressed Cancel; the job stopped and wrote nothing."""


class Progress:
    def __init__(self, report: Callable[[int, int, str], None] | None = None):
        self._report = report
        self._cancelled = threading.Event()  # set from the GUI thread, read from the worker

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled()

    def advance(self, done: int, total: int, text: str = "") -> None:
        """Say how far the job is (`done` of `total` steps, 0 total: unknown), and stop if cancelled."""
        self.check()
        if self._report is not None:
            self._report(done, total, text)


class RelayedProgress(Progress):
    """A part of a caller's progress: Cancel and the check are the caller's; `advance` is passed on as it
    is, or reshaped by a subclass (a stretch of the bar, the step texts left out)."""

    def __init__(self, parent: Progress):
        super().__init__()
        self.parent = parent

    def cancel(self) -> None:
        self.parent.cancel()

    @property
    def cancelled(self) -> bool:
        return self.parent.cancelled

    def check(self) -> None:
        self.parent.check()

    def advance(self, done: int, total: int, text: str = "") -> None:
        self.parent.advance(done, total, text)

"""Bugs get a crash dialog and a log file; the environment's errors get a plain message (docs/architecture.md).

`setup_logging()` opens the rotating log in the platform's log folder; `install_excepthook(log_path)`
replaces `sys.excepthook` and `threading.excepthook`. For a bug the hook writes the full traceback with
the versions to the log and shows `CrashDialog` (apology, what to do, copyable details, the log's path).
For a `UserError` or a recognised environment error (database locked, disk full, file damaged) it shows
only a warning with the plain message. The hook never raises and never recurses: while a crash dialog is
open further errors are logged and appended to it; if the dialog itself fails, the details go to stderr.
What it needs only when an error comes (the domain's messages, the log's folder) is imported then: the
hook is installed before the window's first paint (docs/architecture.md, "Start-up").
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal, Slot, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twindesk import APP_NAME, __version__

LOG_FILENAME = "twindesk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUP_COUNT = 5

log = logging.getLogger("twindesk.crash")

# The environment messages of twindesk.store.environment_errors, marked for lupdate. Keep in step.
_ENVIRONMENT_MESSAGES = (
    QT_TRANSLATE_NOOP("EnvironmentError",
                      "The database is busy (another program is writing to it). Wait a moment and try again; nothing "
                      "was lost."),
    QT_TRANSLATE_NOOP("EnvironmentError",
                      "The disk is full. Free some space and try again; nothing was lost."),
    QT_TRANSLATE_NOOP("EnvironmentError",
                      "The database file is damaged. Restore the latest backup: File › Restore from backup… in the "
                      "window, or twindesk restore BACKUP.db on the command line."),
    QT_TRANSLATE_NOOP("EnvironmentError",
                      "The file, its folder or the disk is read-only. Nothing was changed; choose a place you can write "
                      "to."),
    QT_TRANSLATE_NOOP("EnvironmentError",
                      "Permission denied: TwinDesk may not use this file or folder. Nothing was changed; check its "
                      "permissions or choose another place."),
    QT_TRANSLATE_NOOP("EnvironmentError",
                      "The path is a loop of symbolic links. Nothing was changed; give the file's real path."),
    QT_TRANSLATE_NOOP("EnvironmentError",
                      "An ID is out of range (IDs run from 1 to 9223372036854775807). Nothing was changed."),
)


# -- logging --------------------------------------------------------------------------------------------


def default_log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def setup_logging(log_dir: str | Path | None = None) -> Path:
    """Log TwinDesk's messages to a rotating file in `log_dir` (default: the platform's log folder).

    Returns the log file's path. Calling it again for the same file adds no second handler.
    """
    log_path = log_file(log_dir)
    _ensure_file_handler(log_path)
    return log_path


def log_file(log_dir: str | Path | None = None) -> Path:
    """Where `setup_logging` logs: `log_dir`, else the platform's log folder."""
    return (Path(log_dir) if log_dir is not None else default_log_dir()) / LOG_FILENAME


def _ensure_file_handler(log_path: Path) -> logging.Handler:
    app_logger = logging.getLogger("twindesk")
    target = str(Path(log_path).absolute())
    for handler in app_logger.handlers:
        if isinstance(handler, logging.FileHandler) and handler.baseFilename == target:
            return handler
    from logging.handlers import RotatingFileHandler  # socket, pickle, queue …: not before the first paint

    Path(log_path).parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        target, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUP_COUNT, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    app_logger.addHandler(handler)
    if app_logger.level == logging.NOTSET or app_logger.level > logging.INFO:
        app_logger.setLevel(logging.INFO)
    return handler


def format_details(exc_type, exc, tb, thread_name: str | None = None) -> str:
    """What support needs: time, versions, platform, thread, and the full traceback."""
    import platform
    from datetime import datetime
    lines = [
        f"{APP_NAME} {__version__}",
        f"Time: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"Python: {sys.version.split()[0]} ({platform.python_implementation()}, {sys.executable})",
        f"Qt: {qVersion()} (PySide6 {PYSIDE_VERSION})",
        f"Platform: {platform.platform()}",
        f"Thread: {thread_name or threading.current_thread().name}",
        "",
    ]
    return "\n".join(lines) + "".join(traceback.format_exception(exc_type, exc, tb))


# -- the hook -------------------------------------------------------------------------------------------


class _HookState:
    def __init__(self):
        self.log_path: Path | None = None
        self.modal = True
        self.busy = False  # guards against re-entry while we build or run a dialog
        self.relay: _Relay | None = None
        self.previous_excepthook = None
        self.previous_threading_excepthook = None
        self.dialogs: list[CrashDialog] = []  # open non-modal crash dialogs, kept alive here


_state = _HookState()


class _Relay(QObject):
    """Carries a crash from a worker thread to the GUI thread (queued connection)."""

    crashed = Signal(object, object, object, str)

    def __init__(self):
        super().__init__()
        self.crashed.connect(self._on_crashed)

    @Slot(object, object, object, str)
    def _on_crashed(self, exc_type, exc, tb, thread_name):
        _present(exc_type, exc, tb, thread_name)


def install_excepthook(log_path: str | Path | None, *, modal: bool = True) -> None:
    """Route uncaught exceptions (main and worker threads) to the log and the crash dialog.

    Call from the GUI thread. `modal=False` shows the crash dialog without a nested event loop.
    `log_path=None`: the default log file, found and opened by the first crash or by `setup_logging`.
    """
    _state.log_path = Path(log_path) if log_path is not None else None
    _state.modal = modal
    with contextlib.suppress(Exception):
        if log_path is not None:
            _ensure_file_handler(_state.log_path)
    if _state.relay is None:
        _state.relay = _Relay()
    if sys.excepthook is not excepthook:
        _state.previous_excepthook = sys.excepthook
        sys.excepthook = excepthook
    if threading.excepthook is not threading_excepthook:
        _state.previous_threading_excepthook = threading.excepthook
        threading.excepthook = threading_excepthook


def uninstall_excepthook() -> None:
    """Put back the hooks that were there before `install_excepthook` (tests use this)."""
    if sys.excepthook is excepthook:
        sys.excepthook = _state.previous_excepthook or sys.__excepthook__
    if threading.excepthook is threading_excepthook:
        threading.excepthook = _state.previous_threading_excepthook or threading.__excepthook__
    _state.previous_excepthook = _state.previous_threading_excepthook = None


def excepthook(exc_type, exc, tb) -> None:
    """`sys.excepthook`: log, then show the crash dialog or a plain warning. Never raises."""
    if exc_type is not None and issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        _handle(exc_type, exc, tb, threading.current_thread().name)
    except BaseException:  # the hook must not fail; last resort is stderr
        _print_stderr(exc_type, exc, tb)


def threading_excepthook(args) -> None:
    """`threading.excepthook`: same as `excepthook`, the dialog is shown by the GUI thread."""
    if args.exc_type is SystemExit:
        return
    thread_name = args.thread.name if args.thread is not None else "?"
    try:
        _handle(args.exc_type, args.exc_value, args.exc_traceback, thread_name)
    except BaseException:
        _print_stderr(args.exc_type, args.exc_value, args.exc_traceback)


def _handle(exc_type, exc, tb, thread_name: str) -> None:
    _log(exc_type, exc, tb, thread_name)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        _print_stderr(exc_type, exc, tb)
        return
    if QThread.currentThread() != app.thread():
        if _state.relay is not None:
            _state.relay.crashed.emit(exc_type, exc, tb, thread_name)
        else:
            _print_stderr(exc_type, exc, tb)
        return
    _present(exc_type, exc, tb, thread_name)


def _log(exc_type, exc, tb, thread_name: str) -> None:
    try:
        _state.log_path = _state.log_path or log_file()
        _ensure_file_handler(_state.log_path)
        if _is_environment_error(exc):
            log.warning("Environment error shown to the user (thread %s): %s\n%s", thread_name, exc,
                        "".join(traceback.format_exception(exc_type, exc, tb)))
        else:
            log.error("Uncaught exception\n%s", format_details(exc_type, exc, tb, thread_name))
    except Exception:
        _print_stderr(exc_type, exc, tb)


def _is_environment_error(exc: BaseException | None) -> bool:
    """Also the server's connection dropping under a read (a list, a page): the user's, not a bug."""
    from twindesk.domain.model.errors import describe_environment_error
    from twindesk.ui.shell.connection_watch import notice

    return exc is not None and (describe_environment_error(exc) is not None or notice(exc))


def _present(exc_type, exc, tb, thread_name: str) -> None:
    """On the GUI thread: a warning for the environment's errors, the crash dialog for bugs."""
    if _is_environment_error(exc):
        if _state.busy:
            return  # already showing something; it is logged
        _state.busy = True
        try:
            show_user_error(_parent_window(), exc)
        except Exception:
            _print_stderr(exc_type, exc, tb)
        finally:
            _state.busy = False
        return

    details = format_details(exc_type, exc, tb, thread_name)
    _print_stderr(exc_type, exc, tb)  # developers running from a terminal see it at once
    open_dialog = next((d for d in reversed(_state.dialogs) if d.isVisible()), None)
    if open_dialog is not None:
        with contextlib.suppress(Exception):
            open_dialog.append_details(details)
        return
    if _state.busy:
        return  # a modal dialog is being built or run; the error is in the log and on stderr
    _state.busy = True
    try:
        kwargs = {} if _state.modal else {"modal": False}
        show_crash_dialog(details, _state.log_path, _parent_window(), **kwargs)
    except Exception:
        with contextlib.suppress(Exception):
            sys.stderr.write("TwinDesk: could not show the crash dialog.\n")
            traceback.print_exc(file=sys.stderr)
    finally:
        _state.busy = False


def _parent_window() -> QWidget | None:
    return QApplication.activeModalWidget() or QApplication.activeWindow()


def _print_stderr(exc_type, exc, tb) -> None:
    with contextlib.suppress(Exception):
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)


# -- what the user sees ---------------------------------------------------------------------------------


class CrashDialog(QDialog):
    """An apology, what to do, the details to copy and where the log is."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("TwinDesk — unexpected error"))
        self.log_path = Path(log_path) if log_path is not None else None

        apology = QLabel(self.tr("<b>Sorry — TwinDesk ran into an unexpected problem.</b>"))
        advice = QLabel(
            self.tr(
                "Your data is safe: every change is saved in its own transaction. "
                "Copy the details below and send them to support."
            )
        )
        advice.setWordWrap(True)

        self.details_edit = QPlainTextEdit()
        self.details_edit.setObjectName("crashDetails")
        self.details_edit.setReadOnly(True)
        self.details_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details_edit.setPlainText(details)

        if self.log_path is not None:
            log_text = self.tr("The details were also written to the log file:\n{path}").format(
                path=str(self.log_path)
            )
        else:
            log_text = self.tr("No log file could be written.")
        self.log_label = QLabel(log_text)
        self.log_label.setObjectName("crashLogPath")
        self.log_label.setWordWrap(True)
        from PySide6.QtCore import Qt  # not at start-up: Qt's `Qt` namespace costs ~14 ms on first use

        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("copyDetailsButton")
        self.copy_button.setAutoDefault(False)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(apology)
        layout.addWidget(advice)
        layout.addWidget(self.details_edit, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def details(self) -> str:
        return self.details_edit.toPlainText()

    def append_details(self, more: str) -> None:
        self.details_edit.appendPlainText("\n" + "-" * 60 + "\n" + more)

    @Slot()
    def copy_details(self) -> None:
        text = self.details()
        if self.log_path is not None:
            text += f"\nLog file: {self.log_path}\n"
        QApplication.clipboard().setText(text)
        self.copy_button.setText(self.tr("Copied"))


def show_crash_dialog(
    details: str, log_path: Path | None, parent: QWidget | None = None, modal: bool = True
) -> CrashDialog:
    """Show the crash dialog. Modal: runs it and returns when closed. Otherwise shows and returns it."""
    dialog = CrashDialog(details, log_path, parent)
    _state.dialogs.append(dialog)  # further crashes while it is open are appended to it
    if modal:
        try:
            dialog.exec()
        finally:
            _forget(dialog)
        return dialog
    dialog.finished.connect(lambda _result, d=dialog: _forget(d))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _forget(dialog: CrashDialog) -> None:
    with contextlib.suppress(ValueError):
        _state.dialogs.remove(dialog)
    dialog.deleteLater()


def show_user_error(parent: QWidget | None, error: BaseException) -> None:
    """A plain warning for something the user or the environment can fix; no traceback. A dropped
    server connection is said by the window's reconnecting bar instead (ui/shell/connection_watch.py)."""
    from PySide6.QtWidgets import QMessageBox

    from twindesk.ui.common.error_text import user_error_message
    from twindesk.ui.shell.connection_watch import notice

    if not notice(error):
        QMessageBox.warning(parent, QCoreApplication.translate("CrashDialog", "TwinDesk"), user_error_message(error))

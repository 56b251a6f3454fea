"""Bugs get the crash dialog and a log file; the environment's errors a plain message (twindesk.ui.shell.crash).

pytest-qt normally replaces sys.excepthook during each test to turn exceptions in Qt slots into test
failures. These tests check our own hook, so the module opts out with `qt_no_exception_capture`.
"""

import errno
import logging
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import peewee as pw
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from twindesk import __version__
from twindesk.store import environment_errors
from twindesk.store.environment_errors import (
    DATABASE_BUSY,
    DATABASE_DAMAGED,
    DISK_FULL,
    ID_OUT_OF_RANGE,
    PERMISSION_DENIED,
    READ_ONLY,
    SYMLINK_LOOP,
    describe_environment_error,
)
from twindesk.store.errors import DatabaseFileError, UserError
from twindesk.ui.shell import crash

pytestmark = pytest.mark.qt_no_exception_capture

REPO = Path(__file__).resolve().parent.parent


def _drop_log_handlers(under: Path) -> None:
    app_logger = logging.getLogger("twindesk")
    for handler in list(app_logger.handlers):
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename).is_relative_to(under):
            app_logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def hook(qapp, tmp_path):
    """Our hook installed, non-modal; yields the log file path. Restores everything afterwards."""
    log_path = crash.setup_logging(tmp_path / "logs")
    crash.install_excepthook(log_path, modal=False)
    assert sys.excepthook is crash.excepthook
    yield log_path
    crash.uninstall_excepthook()
    for dialog in list(crash._state.dialogs):
        dialog.close()
        crash._forget(dialog)
    QApplication.processEvents()
    _drop_log_handlers(tmp_path)


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning replaced by a recorder (it would block)."""
    calls = []

    def fake_warning(parent, title, text, *args, **kwargs):
        calls.append((parent, title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake_warning))
    return calls


def open_crash_dialogs():
    return [d for d in crash._state.dialogs if d.isVisible()]


def boom():
    raise ZeroDivisionError("deliberate bug for the test")


# -- the hook, called directly ----------------------------------------------------------------------------


def test_hook_logs_and_shows_the_crash_dialog(qtbot, hook):
    try:
        boom()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())

    logged = hook.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "ZeroDivisionError: deliberate bug for the test" in logged
    assert "in boom" in logged
    assert f"TwinDesk {__version__}" in logged
    assert "Python: " in logged and "Qt: " in logged and "Platform: " in logged

    [dialog] = open_crash_dialogs()
    assert isinstance(dialog, crash.CrashDialog)
    assert "ZeroDivisionError: deliberate bug for the test" in dialog.details()
    assert dialog.details_edit.isReadOnly()
    assert str(hook) in dialog.log_label.text()
    texts = " ".join(label.text() for label in dialog.findChildren(crash.QLabel))
    assert "Your data is safe" in texts

    QApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "ZeroDivisionError: deliberate bug for the test" in copied
    assert str(hook) in copied

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert open_crash_dialogs() == []


def test_second_crash_while_dialog_open_is_appended(qtbot, hook):
    for message in ("first", "second"):
        try:
            raise RuntimeError(message)
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    [dialog] = open_crash_dialogs()
    assert "RuntimeError: first" in dialog.details()
    assert "RuntimeError: second" in dialog.details()
    assert hook.read_text(encoding="utf-8").count("Traceback (most recent call last)") == 2


def test_user_error_shows_a_warning_not_the_crash_dialog(qtbot, hook, warnings):
    try:
        raise DatabaseFileError("/data/office.db", "is not a TwinDesk database")
    except UserError:
        sys.excepthook(*sys.exc_info())
    assert open_crash_dialogs() == []
    [(_parent, _title, text)] = warnings
    assert text == "/data/office.db: is not a TwinDesk database"
    assert "Traceback" not in text


def test_escaped_environment_error_shows_the_plain_message(qtbot, hook, warnings):
    try:
        raise pw.OperationalError("database is locked")
    except pw.OperationalError:
        sys.excepthook(*sys.exc_info())
    assert open_crash_dialogs() == []
    assert [text for _p, _t, text in warnings] == [DATABASE_BUSY]
    assert "database is locked" in hook.read_text(encoding="utf-8")  # still logged for support


def test_keyboard_interrupt_goes_to_the_default_hook(qtbot, hook, monkeypatch):
    seen = []
    monkeypatch.setattr(sys, "__excepthook__", lambda *args: seen.append(args[0]))
    crash.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]
    assert open_crash_dialogs() == []


def test_a_failing_dialog_falls_back_to_stderr(qtbot, hook, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("the dialog itself is broken")

    monkeypatch.setattr(crash, "show_crash_dialog", broken)
    try:
        boom()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # must not raise
    err = capsys.readouterr().err
    assert "ZeroDivisionError: deliberate bug for the test" in err
    assert "could not show the crash dialog" in err
    assert "ZeroDivisionError" in hook.read_text(encoding="utf-8")


def test_hook_does_not_recurse(qtbot, hook, monkeypatch):
    calls = []

    def reentrant(details, log_path, parent=None, **kwargs):
        calls.append(details)
        try:
            raise ValueError("raised while showing the dialog")
        except ValueError:
            sys.excepthook(*sys.exc_info())

    monkeypatch.setattr(crash, "show_crash_dialog", reentrant)
    try:
        boom()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert len(calls) == 1
    assert "raised while showing the dialog" in hook.read_text(encoding="utf-8")


def test_hook_calls_the_module_level_show_function(qtbot, hook, monkeypatch):
    shown = []
    monkeypatch.setattr(
        crash,
        "show_crash_dialog",
        lambda details, log_path, parent=None, **kw: shown.append((details, log_path)),
    )
    try:
        boom()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    [(details, log_path)] = shown
    assert log_path == hook
    assert "ZeroDivisionError" in details and f"TwinDesk {__version__}" in details


# -- end to end: exceptions raised inside Qt ------------------------------------------------------------------


def test_exception_in_a_timer_slot_reaches_the_hook(qtbot, hook):
    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: open_crash_dialogs() != [], timeout=5000)
    [dialog] = open_crash_dialogs()
    assert "ZeroDivisionError: deliberate bug for the test" in dialog.details()
    assert "ZeroDivisionError" in hook.read_text(encoding="utf-8")


def test_exception_in_a_button_handler_reaches_the_hook(qtbot, hook):
    button = QPushButton("Save")
    qtbot.addWidget(button)
    button.clicked.connect(boom)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: open_crash_dialogs() != [], timeout=5000)
    assert "in boom" in open_crash_dialogs()[0].details()


def test_user_error_in_a_slot_shows_a_warning(qtbot, hook, warnings):
    def refuse():
        raise UserError("Partner 7 does not exist")

    QTimer.singleShot(0, refuse)
    qtbot.waitUntil(lambda: warnings != [], timeout=5000)
    assert warnings[0][2] == "Partner 7 does not exist"
    assert open_crash_dialogs() == []


def test_exception_in_a_worker_thread_is_shown_by_the_gui_thread(qtbot, hook):
    assert threading.excepthook is crash.threading_excepthook
    worker = threading.Thread(target=boom, name="export-worker")
    worker.start()
    worker.join(timeout=10)
    qtbot.waitUntil(lambda: open_crash_dialogs() != [], timeout=5000)
    [dialog] = open_crash_dialogs()
    assert "Thread: export-worker" in dialog.details()
    assert "ZeroDivisionError" in dialog.details()


def test_modal_dialog_closes_with_a_timer(qtbot, tmp_path):
    def close_it():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, crash.CrashDialog):
            dialog.close_button.click()
        else:
            QTimer.singleShot(10, close_it)

    QTimer.singleShot(0, close_it)
    dialog = crash.show_crash_dialog("details here", tmp_path / "x.log")  # modal: returns once closed
    assert dialog.details() == "details here"


def test_no_qapplication_prints_to_stderr(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from twindesk.ui.shell import crash
        log = crash.setup_logging(Path(sys.argv[1]))
        crash.install_excepthook(log)
        def broken():
            raise KeyError("headless bug")
        broken()
        """
    )
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=str(REPO),
        timeout=60,
    )
    assert out.returncode == 1
    assert "KeyError: 'headless bug'" in out.stderr
    assert "KeyError: 'headless bug'" in (tmp_path / crash.LOG_FILENAME).read_text(encoding="utf-8")


# -- logging ----------------------------------------------------------------------------------------------------


def test_setup_logging_is_rotating_and_idempotent(tmp_path):
    try:
        path = crash.setup_logging(tmp_path / "logs")
        again = crash.setup_logging(tmp_path / "logs")
        assert path == again == tmp_path / "logs" / crash.LOG_FILENAME
        mine = [
            h
            for h in logging.getLogger("twindesk").handlers
            if isinstance(h, logging.FileHandler) and Path(h.baseFilename).is_relative_to(tmp_path)
        ]
        assert len(mine) == 1
        assert isinstance(mine[0], logging.handlers.RotatingFileHandler)
        logging.getLogger("twindesk.test").info("hello 你好")
        assert "hello 你好" in path.read_text(encoding="utf-8")
    finally:
        _drop_log_handlers(tmp_path)


def test_default_log_dir_is_the_platforms():
    assert "TwinDesk" in crash.default_log_dir().parts


# -- environment errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "exc, expected",
    [
        (sqlite3.OperationalError("database is locked"), DATABASE_BUSY),
        (pw.OperationalError("database is locked"), DATABASE_BUSY),
        (sqlite3.OperationalError("database or disk is full"), DISK_FULL),
        (OSError(errno.ENOSPC, "No space left on device"), DISK_FULL),
        (sqlite3.DatabaseError("database disk image is malformed"), DATABASE_DAMAGED),
        (pw.DatabaseError("database disk image is malformed"), DATABASE_DAMAGED),
        (sqlite3.OperationalError("no such table: partner"), None),
        (OSError(errno.EACCES, "Permission denied"), PERMISSION_DENIED),
        (OSError(errno.EROFS, "Read-only file system", "/mnt/ro/x.db"), f"/mnt/ro/x.db: {READ_ONLY}"),
        (OSError(errno.ELOOP, "Too many levels of symbolic links", "loop.db"), f"loop.db: {SYMLINK_LOOP}"),
        (sqlite3.OperationalError("attempt to write a readonly database"), READ_ONLY),
        (OverflowError("Python int too large to convert to SQLite INTEGER"), ID_OUT_OF_RANGE),
        (OverflowError("math range error"), None),
        (OSError(errno.ENOENT, "No such file or directory"), None),
        (ValueError("database is locked"), None),  # only database errors count
        (UserError("Bad date in row 3"), "Bad date in row 3"),
    ],
)
def test_describe_environment_error(exc, expected):
    assert describe_environment_error(exc) == expected


def test_describe_follows_explicit_causes_only():
    try:
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.OperationalError as exc:
            raise RuntimeError("save failed") from exc
    except RuntimeError as wrapped:
        assert describe_environment_error(wrapped) == DATABASE_BUSY
    try:
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.OperationalError:
            raise KeyError("a bug in the handler") from None
    except KeyError as bug:
        assert describe_environment_error(bug) is None


def test_describe_a_real_locked_database(tmp_path):
    path = tmp_path / "busy.db"
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    db = pw.SqliteDatabase(str(path), timeout=0)
    try:
        with pytest.raises(pw.OperationalError) as info:
            db.execute_sql("INSERT INTO t VALUES (1)")
        assert describe_environment_error(info.value) == DATABASE_BUSY
    finally:
        db.close()
        holder.execute("ROLLBACK")
        holder.close()


def test_describe_a_real_damaged_file(tmp_path):
    path = tmp_path / "damaged.db"
    path.write_bytes(b"this is not SQLite at all" * 100)
    db = pw.SqliteDatabase(str(path))
    try:
        with pytest.raises(pw.DatabaseError) as info:
            db.execute_sql("SELECT * FROM sqlite_master")
        assert describe_environment_error(info.value) == DATABASE_DAMAGED
    finally:
        db.close()


def test_show_user_error_uses_the_plain_message(qapp, warnings):
    crash.show_user_error(None, pw.OperationalError("database is locked"))
    crash.show_user_error(None, OSError(errno.ENOSPC, "No space left on device"))
    crash.show_user_error(None, sqlite3.DatabaseError("database disk image is malformed"))
    assert [text for _p, _t, text in warnings] == [DATABASE_BUSY, DISK_FULL, DATABASE_DAMAGED]


def test_translation_markers_match_the_store_messages():
    assert crash._ENVIRONMENT_MESSAGES == environment_errors.MESSAGES


def test_disk_full_under_a_failed_rollback_is_a_plain_message_in_the_window(qtbot, hook, warnings, tmp_path):
    """What a save on a full disk really raises: peewee's "cannot rollback", SQLITE_FULL beneath it."""
    path = tmp_path / "full.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    db = pw.SqliteDatabase(str(path))
    try:
        pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
        db.execute_sql(f"PRAGMA max_page_count = {pages}")
        try:
            with db.atomic():
                db.execute_sql("INSERT INTO t VALUES (?)", ("x" * 1_000_000,))
        except pw.OperationalError:
            assert "rollback" in str(sys.exc_info()[1])
            sys.excepthook(*sys.exc_info())
    finally:
        db.close()
    assert open_crash_dialogs() == []
    assert [text for _p, _t, text in warnings] == [DISK_FULL]


@pytest.mark.parametrize("exc, english", [
    (OSError(errno.EROFS, "Read-only file system", "/media/usb/t.db"), READ_ONLY),
    (OSError(errno.EACCES, "Permission denied", "/srv/t.db"), PERMISSION_DENIED),
    (OSError(errno.ELOOP, "Too many levels of symbolic links", "/srv/t.db"), SYMLINK_LOOP),
    (OverflowError("Python int too large to convert to SQLite INTEGER"), ID_OUT_OF_RANGE),
])
def test_the_new_environment_messages_are_said_in_chinese_with_their_file(qapp, warnings, exc, english):
    from PySide6.QtCore import QCoreApplication

    from twindesk.ui.shell.i18n import install_language

    assert install_language("zh_CN")  # the window in Chinese: its translator and its locale
    try:
        crash.show_user_error(None, exc)
        chinese = QCoreApplication.translate("EnvironmentError", english)
    finally:
        install_language("en")
    [(_p, _t, text)] = warnings
    assert chinese != english
    # "PATH：message": the file first, with the Chinese colon.
    assert text == (f"{exc.filename}：{chinese}" if getattr(exc, "filename", None) else chinese)

"""One working session: the database, its lock and the window over it.

Settings can switch to another database file or another language while TwinDesk runs: the session
opens the new database (locking it first) before it lets go of the old one, so a file that cannot be
opened leaves the user where they were. A new window is built for the new database or language; the
old one saves its state and closes (its dialogs are modal, so no form is open with unsaved work).

The lock's heartbeat runs every few minutes. If it finds the lock taken by someone else (a window on
another machine that thought ours had died), this window reopens read-only and says why, so the two
never overwrite each other's work.
"""

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from twindesk import APP_NAME
from twindesk.domain import workspace
from twindesk.domain.model.errors import UserError
from twindesk.ui import background
from twindesk.ui import settings as S
from twindesk.ui.lock_prompt import ask_read_only, format_since
from twindesk.ui.main_window import MainWindow

LOCK_REFRESH_MS = 5 * 60 * 1000



class Session(QObject):
    def __init__(self, settings: S.AppSettings, lang: str, *, apply_language=None, resolve_language=None,
                 parent=None):
        super().__init__(parent)
        self.settings = settings
        self.lang = lang
        self.apply_language = apply_language or (lambda _lang: None)  # installs translators, locale
        self.resolve_language = resolve_language or (lambda chosen: chosen or "en")  # "" follows the system
        self.cancelled = False  # the user declined to open read-only
        self.path: Path | None = None
        self.read_only = False
        self.lock: workspace.DatabaseLock | None = None
        self.window = None
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(LOCK_REFRESH_MS)
        self.heartbeat.timeout.connect(self.check_lock)

    # --- opening ---------------------------------------------------------------------------------
    def open(self, path: Path, parent: QWidget | None = None) -> bool:
        """Lock and open `path`; on success the previous database (if any) is closed and unlocked.

        Asks for read-only when another window has it; False (the previous database still open)
        when the user cancels or the file cannot be opened, after saying why.
        """
        path = Path(path)
        if self.path is not None and path.resolve() == self.path.resolve():
            return True
        lock = workspace.DatabaseLock(path)
        read_only = False
        self.cancelled = False
        try:
            holder = lock.acquire()
            if holder is not None:
                if not ask_read_only(parent, holder):
                    self.cancelled = True
                    return False
                read_only = True
        except (UserError, OSError) as exc:
            self._cannot_open(parent, path, exc)
            return False
        previous = (self.path, self.read_only)
        self._close_database()
        try:
            workspace.open_workspace(path, read_only=read_only, lock=None if read_only else lock)
        except (UserError, OSError) as exc:
            lock.release()
            self._cannot_open(parent, path, exc)
            if previous[0] is not None:  # back to where the user was
                workspace.open_workspace(previous[0], read_only=previous[1],
                                         lock=None if previous[1] else self.lock)
            return False
        self._release_lock()
        self.lock = lock if not read_only else None
        self.path, self.read_only = path, read_only
        if self.lock is not None:
            self.heartbeat.start()
        return True

    def _cannot_open(self, parent, path: Path, exc: BaseException) -> None:
        QMessageBox.critical(parent, APP_NAME, self.tr("TwinDesk cannot open the database %1:")
                             .replace("%1", str(path)) + f"\n\n{exc}")

    def _close_database(self) -> None:
        background.wait_for_all()  # no worker may still read the database being closed
        workspace.close()

    def _release_lock(self) -> None:
        self.heartbeat.stop()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # --- the window ------------------------------------------------------------------------------
    def show_window(self) -> None:
        old = self.window
        if old is not None:
            old.save_state()
        self.window = MainWindow(db_path=self.path, settings=self.settings, lang=self.lang,
                                 read_only=self.read_only)
        self.window.switchDatabase.connect(self.switch_database)
        self.window.switchLanguage.connect(self.switch_language)
        if old is not None:
            old.close()
            old.deleteLater()
        self.window.show()

    def switch_database(self, path: str) -> None:
        if self.open(Path(path), self.window):
            self.show_window()
            self.window.statusBar().showMessage(self.tr("Opened %1").replace("%1", path), 8000)

    def switch_language(self, chosen: str) -> None:
        lang = self.resolve_language(chosen)
        if lang == self.lang:
            return
        self.lang = lang
        self.apply_language(lang)
        self.show_window()

    # --- the lock's heartbeat --------------------------------------------------------------------
    def check_lock(self) -> None:
        if self.lock is None or self.lock.refresh():
            return
        holder = self.lock.holder()
        if holder is None and self.lock.acquire() is None:
            return  # the lock file was removed, and is ours again
        self.lock = None
        self.heartbeat.stop()
        who = (self.tr("by %1 on %2 since %3").replace("%1", holder.user).replace("%2", holder.host)
               .replace("%3", format_since(holder.since)) if holder else "")
        form = QApplication.activeModalWidget()
        QMessageBox.warning(form or self.window, APP_NAME, self.tr(
            "Another TwinDesk window has taken over this database %1. This window now shows it read-only, "
            "so neither overwrites the other's work. Your saved changes are in the database.").replace("%1", who)
            + ("\n\n" + self.tr("The form you are typing in stays open: copy what you typed (it can no longer be "
                                  "saved here), then close it.") if form is not None else ""))
        self._reopen_read_only_when_no_form_is_open()

    def _reopen_read_only_when_no_form_is_open(self) -> None:
        """An open form keeps what was typed on screen (its Save is refused by the operations, which no
        longer find the lock): the window turns read-only once the last form is closed."""
        if QApplication.activeModalWidget() is not None:
            QTimer.singleShot(500, self._reopen_read_only_when_no_form_is_open)
            return
        path = self.path
        self._close_database()
        workspace.open_workspace(path, read_only=True)
        self.read_only = True
        self.show_window()

    def shutdown(self) -> None:
        self._close_database()
        self._release_lock()

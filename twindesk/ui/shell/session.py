"""One working session: the database, its lock and the window over it.

Settings can switch to another database file or another language while TwinDesk runs: the session
opens the new database (locking it first) before it lets go of the old one, so a file that cannot be
opened leaves the user where they were. A new window is built for the new database or language; the
old one saves its state and closes (its dialogs are modal, so no form is open with unsaved work).

The lock's heartbeat runs every few minutes. If it finds the lock taken by someone else (a window on
another machine that thought ours had died), this window reopens read-only and says why, so the two
never overwrite each other's work.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from twindesk import APP_NAME
from twindesk.domain import workspace
from twindesk.domain.model.errors import UserError
from twindesk.ui.common import background
from twindesk.ui.common.formatting import said
from twindesk.ui.shell import read_only_banner, recent_files
from twindesk.ui.shell import settings as S
from twindesk.ui.shell.connection_watch import connection_watch
from twindesk.ui.shell.crash import show_user_error
from twindesk.ui.shell.lock_prompt import ask_read_only, format_since
from twindesk.ui.shell.main_window import MainWindow
from twindesk.ui.shell.network_drive_prompt import READ_ONLY, ask_network_drive
from twindesk.ui.shell.network_drive_prompt import read_only_reason as network_read_only_reason
from twindesk.ui.shell.recent_files import is_server

if TYPE_CHECKING:
    from twindesk.ui.backups.restore_dialog import ChosenBackup

# The damaged-database screen and the restore are imported when needed, not at start-up
# (docs/architecture.md, "Start-up").

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
        self.address = None  # a ServerAddress when on the shared server (ui/shell/server_connect.py)
        self.password: str | None = None  # the server's, in memory only: to connect again after a drop
        self.read_only = False
        self.read_only_reason = ""  # the read-only window's banner: who holds the database, or why
        self.lock: workspace.DatabaseLock | None = None
        self.window = None
        self.notices: list[str] = []  # warnings for the next window: a missing backup, why read-only
        self.done_message: str | None = None  # for its status bar: a restore that worked
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(LOCK_REFRESH_MS)
        self.heartbeat.timeout.connect(self.check_lock)

    # --- opening ---------------------------------------------------------------------------------
    def open(self, path: Path, parent: QWidget | None = None) -> bool:
        """Lock and open `path`; on success the previous database (if any) is closed and unlocked.

        Asks for read-only when another window has it, and opens read-only (saying why) when the medium,
        folder or file is read-only. A damaged file opens to the offer to restore a backup over it.
        False (the previous database still open) when the user cancels or the file cannot be opened,
        after saying why.
        """
        if isinstance(path, str) and is_server(path):
            return self.open_server(path, parent)
        path = Path(path)
        if self.path is not None and path.resolve() == self.path.resolve():
            return True
        lock = workspace.DatabaseLock(path)
        read_only, reason, why = False, None, ""
        self.cancelled = False
        network = workspace.network_filesystem(path)  # SQLite's locking is not safe there: ask first
        if network is not None:
            answer = ask_network_drive(parent, path, network)
            if answer is None:
                self.cancelled = True
                return False
            read_only = answer == READ_ONLY
            why = network_read_only_reason(network) if read_only else ""
        try:
            holder = None if read_only else lock.acquire()
            if holder is not None:
                if not ask_read_only(parent, holder):
                    self.cancelled = True
                    return False
                read_only, why = True, read_only_banner.held_by(holder)
        except (UserError, OSError) as exc:
            reason = self._read_only_medium(path)
            if reason is None:
                self.cannot_open(parent, path, exc)
                return False
            read_only = True  # the lock cannot be written there, and nobody can write the database either
        previous = (self.path, self.read_only)
        self._close_database()
        opened, damage = None, None
        try:
            opened = workspace.open_workspace(path, read_only=read_only, lock=None if read_only else lock,
                                              read_only_fallback=True)
            damage = None if opened.read_only or not opened.backup_warning else _damage_in(path, opened.backup_warning)
            if damage is not None:
                workspace.close()
        except (UserError, OSError) as exc:
            from twindesk.ui.backups.damaged_dialog import is_damaged

            if read_only or not is_damaged(exc):
                lock.release()
                self.cannot_open(parent, path, exc)
                self._reopen(*previous)
                return False
            damage = exc
        if damage is not None:
            outcome = self._offer_repair(parent, path, damage, lock)
            if outcome is True:
                return True
            lock.release()
            self._reopen(*previous)
            return self.open(outcome, parent) if isinstance(outcome, Path) else False
        if opened.read_only and not read_only:  # read-only medium, file or folder
            lock.release()
            read_only, reason = True, opened.read_only_reason
        self._adopt(path, None if read_only else lock)
        self.read_only_reason = read_only_banner.read_only_medium(said(reason, self.lang)) if reason else why
        if reason:
            self.notices.append(self.tr("Opened read-only: %1").replace("%1", said(reason, self.lang)))
        if opened.backup_warning:
            self.notices.append(self.tr("The database is open, but a backup is missing: %1")
                                .replace("%1", said(opened.backup_warning, self.lang)))
        return True

    def open_server(self, url_or_address, parent: QWidget | None = None) -> bool:
        """The shared server (a URL or a ServerAddress); a refusal brings the connect dialog back."""
        from twindesk.domain import server_connection
        from twindesk.ui.shell import server_connect

        try:
            address = server_connection.parse(url_or_address) if isinstance(url_or_address, str) else url_or_address
        except UserError as exc:
            self.cannot_open(parent, url_or_address, exc)
            return False
        if address == self.address:
            return True
        return server_connect.open_or_ask(self, address, parent)

    def connect_to_server(self) -> bool:
        """File › Connect to server…: True once the window shows the server."""
        from twindesk.ui.shell import server_connect

        if not server_connect.connect_with_dialog(self, self.window, address=self.address):
            return False
        self.show_window()
        return True

    @property
    def location(self):
        """What the window shows: the database file's Path, or the server's ServerAddress."""
        return self.address if self.address is not None else self.path

    def adopt_server(self, address, password: str | None, opened) -> None:
        """The server is open: it becomes the session's database (no lock file: docs/architecture.md)."""
        self._release_lock()
        self.path, self.address, self.password = None, address, password
        self.read_only = bool(getattr(opened, "read_only", False))
        reason = getattr(opened, "read_only_reason", None)  # a reader's role, in the window's language
        self.read_only_reason = said(reason, self.lang) if reason else ""
        self.notices = []
        workspace.listen_for_other_staff()  # others' changes reach the window (docs/architecture.md)

    def close_for_switch(self) -> None:
        self._close_database()

    def reopen_previous(self, path: Path | None, read_only: bool) -> None:
        self._reopen(path, read_only)

    def _adopt(self, path: Path, lock: workspace.DatabaseLock | None) -> None:
        """`path` is open (read-write under `lock`, or read-only): it becomes the session's database."""
        self._release_lock()
        self.address = self.password = None
        connection_watch().watch(None, None)
        self.lock = lock
        self.path, self.read_only = path, lock is None
        recent_files.remember(self.settings, path)  # File › Recent databases
        self.notices = []
        if self.lock is not None:
            self.heartbeat.start()

    def _reopen(self, path: Path | None, read_only: bool) -> None:
        """Back to the database the user was in, after another one could not be opened."""
        if path is None and self.address is not None:  # the server it was on
            workspace.open_workspace(self.address, password=self.password, read_only=read_only)
            workspace.listen_for_other_staff()  # closing it stopped the listening
        elif path is not None:
            workspace.open_workspace(path, read_only=read_only, lock=None if read_only else self.lock)

    def _read_only_medium(self, path: Path) -> str | None:
        problem = workspace.read_only_media_problem(path)
        return f"{path}: {said(problem, self.lang)}" if problem else None

    # --- damaged files and restoring backups -----------------------------------------------------
    def _offer_repair(self, parent, path: Path, damage, lock: workspace.DatabaseLock) -> bool | Path | None:
        """The damaged-database screen, until the user is through: True once a backup was restored over
        `path` and it is open; the path of another database to open instead; None to give up."""
        from twindesk.ui.backups.damaged_dialog import DamagedDialog
        from twindesk.ui.backups.restore_dialog import run_restore

        while True:
            dialog = DamagedDialog(path, damage, lang=self.lang, at_start=self.path is None, parent=parent)
            dialog.exec()
            dialog.deleteLater()
            if dialog.choice == "other":
                return dialog.other_path
            if dialog.choice != "restore":
                return None
            try:
                safety = run_restore(parent, path, dialog.chosen.path, lock)
                workspace.open_workspace(path, lock=lock, take_backups=False)
            except (UserError, OSError) as exc:
                workspace.close()
                show_user_error(parent, exc)
                continue  # the screen again: another backup may do
            self._adopt(path, lock)
            self.done_message = self._restored_text(path, dialog.chosen, safety)
            return True

    def restore(self, chosen: ChosenBackup) -> bool:
        """Restore the backup `chosen` over the open database, then show the window on what it holds.

        The restore closes the database (and must not be read meanwhile), so background work ends
        first and the window is built again afterwards; if the restore fails, nothing was replaced and
        the database opens again as it was."""
        from twindesk.ui.backups.restore_dialog import run_restore

        if self.path is None or self.lock is None:
            return False
        path, lock, parent = self.path, self.lock, self.window
        self.heartbeat.stop()
        self._close_database()
        failure = None
        try:
            safety = run_restore(parent, path, chosen.path, lock)
        except Exception as exc:  # shown below, once the database is open again
            failure = exc
        workspace.open_workspace(path, lock=lock, take_backups=False)
        self.heartbeat.start()
        if failure is not None:
            background.report_failure(parent, failure)
            return False
        self.done_message = self._restored_text(path, chosen, safety)
        self.show_window()
        return True

    def _restored_text(self, path: Path, chosen: ChosenBackup, safety: Path | None) -> str:
        if safety is None:
            return self.tr("Restored the backup of %1.").replace("%1", chosen.label)
        try:
            kept = str(safety.relative_to(path.parent))
        except ValueError:
            kept = str(safety)
        return (self.tr("Restored the backup of %1; the previous content is saved as %2.")
                .replace("%1", chosen.label).replace("%2", kept))

    def cannot_open(self, parent, path, exc: BaseException) -> None:
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
    def adopt_window(self, shell: MainWindow) -> None:
        """At start-up: the shell already on screen becomes the window over the database just opened."""
        shell.attach(self.location, read_only=self.read_only, read_only_reason=self.read_only_reason)
        self._follow(shell)
        self._show_notices()

    def show_window(self) -> None:
        old = self.window
        if old is not None:
            old.save_state()
        self._follow(MainWindow(db_path=self.location, settings=self.settings, lang=self.lang,
                                read_only=self.read_only, read_only_reason=self.read_only_reason))
        if old is not None:
            old.close()
            old.deleteLater()
        self.window.show()
        self._show_notices()

    def _follow(self, window: MainWindow) -> None:
        self.window = window
        window.switchDatabase.connect(self.switch_database)
        window.switchLanguage.connect(self.switch_language)
        window.restoreBackup.connect(self.restore)
        window.connectServer.connect(self.connect_to_server)

    def _show_notices(self) -> None:
        """What the user must know about this open (a missing backup, why it is read-only, a restore):
        in the status bar, and for warnings a notice that does not stop the window from being used."""
        warnings, self.notices = self.notices, []
        done, self.done_message = self.done_message, None
        if done or warnings:
            self.window.statusBar().showMessage("  ".join(([done] if done else []) + warnings))
        if warnings:
            box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, "\n\n".join(warnings),
                              QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("open_notice")
            box.setModal(False)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.show()

    def switch_database(self, path: str) -> None:
        if self.open(path if is_server(path) else Path(path), self.window):
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
        self.read_only_reason = read_only_banner.held_by(holder) if holder else ""
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
        connection_watch().stop()
        self._close_database()
        self._release_lock()


def _damage_in(path: Path, warning: str) -> str | None:
    from twindesk.ui.backups.damaged_dialog import damage_in_backup_warning

    return damage_in_backup_warning(path, warning)

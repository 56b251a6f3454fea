"""The main window: navigation on the left, one page at a time, toolbar, menus and status bar.

The window is built in two steps (docs/architecture.md, "Start-up"): the shell (menus, toolbar,
navigation, an empty frame per page) needs no database and paints first; `attach` then joins it to the
database the session opened (undo, change notices, the pages, the counts). A window made with a
`db_path` is attached at once (switching databases or languages, tests).
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter  # QMessageBox where used: ~1.3 ms

from twindesk import APP_NAME
from twindesk.ui.common import last_folder
from twindesk.ui.shell import kind_access, menus, window_commands, window_pages, window_state
from twindesk.ui.shell import settings as S
from twindesk.ui.shell.connection_bar import add_connection_bar
from twindesk.ui.shell.navigation import Navigation
from twindesk.ui.shell.page_stack import PageStack
from twindesk.ui.shell.window_pages import PAGES
from twindesk.ui.shell.window_title import show_location

# Nothing of the database layer (peewee, the store, the domain's operations and queries) is imported
# here, nor anything a page, a dialog or a file format needs: each is imported where it is first used,
# once the shell has painted (tests/gui/test_startup_lazy.py holds this).

FIRST_PAGE_FALLBACK_MS = 200  # the first page is built after the first paint, or this long after show
COUNTS_LATEST_MS = 300  # the navigation's counts wait for the dashboard's first reading, at most this long

# Which list page shows a record kind (sub-records open from their parent's dialog).
PAGE_OF_KIND = {"partner": 1, "visit": 2, "shipment": 3, "activity": 4, "home_locality": 5}


class MainWindow(QMainWindow):
    switchDatabase = Signal(str)  # Settings chose another database file: the session opens it
    switchLanguage = Signal(str)  # Settings chose another language ("" follows the system)
    restoreBackup = Signal(object)  # a ChosenBackup to restore: the session restores it and rebuilds the window
    connectServer = Signal()  # File › Connect to server…: the session shows the connect dialog
    shellPainted = Signal()  # the shell is on screen (or FIRST_PAGE_FALLBACK_MS after show): open the database

    def __init__(self, *, db_path=None, settings: S.AppSettings, lang: str = "en", read_only: bool = False,
                 user: str = "", read_only_reason: str = "", parent=None):
        super().__init__(parent)
        self.db_path = None  # set by attach: the database file (None on the server)
        self.server = None  # set by attach: the ServerAddress when on the shared server
        self.settings = settings
        self.lang = lang
        self.read_only = read_only
        self.attached = False  # joined to an open database (attach)
        self.user = user or settings.get(S.STAFF_NAME)
        last_folder.use(settings)  # file dialogs start where the last one was answered
        self.setObjectName("main_window")
        self.setMinimumSize(QSize(960, 600))
        self.setWindowTitle(APP_NAME)

        self.stack = PageStack([lambda row=row: window_pages.build(self, row) for row in range(len(PAGES))])
        self.stack.pageBuilt.connect(lambda row, page: window_pages.connect(self, row, page))
        self._first_page_pending = True  # built once the shell has painted (event, showEvent)
        self._shell_painted = False
        self._counts_read = False
        self._closed = False

        self.nav = Navigation([(kind, title, list_name) for (kind, list_name), title in zip(PAGES, (
            self.tr("Dashboard"), self.tr("Partners"), self.tr("Visits"), self.tr("Shipments"),
            self.tr("Activities"), self.tr("Home localities")), strict=True)])
        self.nav.setMaximumWidth(240)
        self.nav.currentRowChanged.connect(self.show_page)

        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        splitter.setSizes([190, 1100])
        self.nav.setMinimumWidth(160)
        self.setCentralWidget(splitter)

        self._build_actions()
        self._build_menus()
        self.db_label = QLabel()
        self.statusBar().addPermanentWidget(self.db_label)
        add_connection_bar(self)  # hidden until a server's connection drops

        self._restore_state()
        self._update_actions()
        if db_path is not None:
            self.attach(db_path, read_only=read_only, read_only_reason=read_only_reason)
        else:
            self.statusBar().showMessage(self.tr("Opening the database…"))

    def attach(self, db_path, *, read_only: bool = False, read_only_reason: str = "") -> None:
        """Join the shell to the database the session opened (a file's path, or a ServerAddress): undo, change
        notices, then (once painted) the page and the counts. Until now the database's actions were off."""
        from twindesk.domain.operations import door
        from twindesk.ui.common.databus import bus
        from twindesk.ui.shell.read_only_banner import with_banner
        from twindesk.ui.shell.undo_actions import UndoActions

        assert not self.attached, "a window is attached to one database"
        self.server = db_path if hasattr(db_path, "display") else None
        self.db_path = None if self.server is not None else Path(db_path)
        self.read_only, self.attached = read_only, True
        door.set_staff_name(self.user)  # "who" on every change; else the system's user and host
        if read_only:
            self.setCentralWidget(with_banner(self.takeCentralWidget(), read_only_reason))
        show_location(self)
        self.statusBar().clearMessage()
        self.recent_menu.set_current(self.server or self.db_path)
        self.undo_actions = UndoActions(self, lang=self.lang, read_only=read_only)
        bus.changed.connect(self._data_changed)
        self.nav.follow_changes()
        self._update_actions()
        if self._shell_painted and self._first_page_pending:
            QTimer.singleShot(0, self._after_first_paint)

    # --- actions and menus ------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcuts([QKeySequence(shortcut)])  # setShortcut's overloads would load Qt's `Qt` (~14 ms)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New"), self.new_record, QKeySequence.StandardKey.New, "new")
        self.open_action = self._action(self.tr("&Open"), self.open_selected, None, "open")
        self.delete_action = self._action(self.tr("&Delete…"), self.delete_selected, None, "delete")
        self.undo_action = QAction(QCoreApplication.translate("UndoActions", "&Undo"), self)  # UndoActions, once attached
        self.undo_action.setObjectName("undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = QAction(QCoreApplication.translate("UndoActions", "&Redo"), self)
        self.redo_action.setObjectName("redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        self.find_action = self._action(self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find, "find")
        self.recent_action = self._action(self.tr("Recent &changes…"), self.recent_changes, None, "recent_changes")
        self.refresh_action = self._action(self.tr("&Refresh"), self.refresh_current,
                                           QKeySequence.StandardKey.Refresh, "refresh")
        self.brief_action = self._action(self.tr("&Briefing pack…"), self.brief_selected, "Ctrl+B", "brief")
        self.brief_action.setToolTip(self.tr("A PDF briefing pack for the selected visit or partner"))
        self.export_action = self._action(self.tr("&Export workbook…"), self.export_workbook, "Ctrl+Shift+E",
                                          "export")
        self.export_view_action = self._action(self.tr("Export this &view…"), self.export_view, "Ctrl+E",
                                               "export_view")
        self.export_view_action.setToolTip(self.tr("The rows and columns this list shows now, as a workbook"))
        self.import_action = self._action(self.tr("&Import…"), self.import_workbook, "Ctrl+I", "import")
        self.backup_action = self._action(self.tr("&Back up now…"), self.backup_now, None, "backup")
        self.restore_action = self._action(self.tr("&Restore from backup…"), self.restore_from_backup, None,
                                           "restore_backup")
        self.settings_action = self._action(self.tr("&Settings…"), self.show_settings,
                                            QKeySequence.StandardKey.Preferences, "settings")
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quit")
        self.about_action = self._action(self.tr("&About TwinDesk"), self.about, None, "about")
        self.toolbar = menus.build_toolbar(self)  # icons from ui/common/icons.py, words beside them

    def recent_changes(self) -> None:
        from twindesk.ui.history.recent_changes_dialog import RecentChangesDialog

        RecentChangesDialog(lang=self.lang, open_record=self.open_record, parent=self).exec()

    def _build_menus(self) -> None:
        menus.build_menus(self)  # File (recent databases), Edit, View, Help (the user guide, F1)

    # --- pages ------------------------------------------------------------------------------
    @property
    def dashboard(self):
        return self.stack.page(0)

    @property
    def list_pages(self) -> list:
        """Every list page, built now if it was not yet (the window itself only touches built ones)."""
        return [self.stack.page(row) for row in range(1, len(PAGES))]

    def current_list_page(self):
        row = self.stack.currentIndex()
        return self.stack.built(row) if row > 0 else None

    def show_page(self, row: int) -> None:
        if row < 0:
            return
        first, self._first_page_pending = self._first_page_pending, False
        page = self.stack.show_page(row)
        if not getattr(page, "is_refreshing", bool)():  # the dashboard starts reading as it is shown
            page.refresh()
        if first:  # the counts next; while the dashboard reads, once it has (or COUNTS_LATEST_MS on)
            reading = getattr(page, "is_refreshing", bool)()
            if reading:
                page.refreshed.connect(self._read_counts)
            QTimer.singleShot(COUNTS_LATEST_MS if reading else 0, self._read_counts)
        self._update_actions()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._first_page_pending:  # in case no paint comes (a hidden screen): build a moment later
            QTimer.singleShot(FIRST_PAGE_FALLBACK_MS, self._after_first_paint)

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and self._first_page_pending:
            QTimer.singleShot(0, self._after_first_paint)  # after this paint reached the screen
        return handled

    def _after_first_paint(self) -> None:
        """The shell is on screen: the session opens the database (shellPainted), then the first page,
        and the counts in the navigation."""
        if not self._first_page_pending or self._closed:
            return
        if not self._shell_painted:
            self._shell_painted = True
            self.shellPainted.emit()  # the start-up's session opens the database and attaches it now
        if not self.attached or self._closed:
            return  # attach builds the first page
        from twindesk.domain import workspace

        if not workspace.is_open():  # a restore is replacing the file: once it is open again
            QTimer.singleShot(FIRST_PAGE_FALLBACK_MS, self._after_first_paint)
            return
        self.show_page(self.nav.currentRow())  # the counts follow (show_page)

    def _read_counts(self) -> None:
        from twindesk.domain import workspace

        if not self._counts_read and not self._closed and workspace.is_open():
            self._counts_read = True  # then the change notices keep them (Navigation)
            self.nav.refresh_counts()

    def _update_actions(self) -> None:
        """What can be done now: nothing that needs the database before it is open (attach), nothing
        that writes in a read-only window."""
        page = self.current_list_page()
        has_selection = page is not None and page.selected_id() is not None
        writable = self.attached and not self.read_only
        self.new_action.setEnabled(page is not None and writable and kind_access.may_change(page))
        self.open_action.setEnabled(has_selection)
        self.delete_action.setEnabled(has_selection and writable and kind_access.may_change(page))
        self.find_action.setEnabled(page is not None)
        self.export_view_action.setEnabled(page is not None)
        self.brief_action.setEnabled(has_selection and page.spec.record_kind in _briefed_kinds())
        self.import_action.setEnabled(writable)
        self.restore_action.setEnabled(writable)  # a read-only window may not replace the data
        for action in (self.export_action, self.backup_action, self.recent_action, self.refresh_action,
                       self.settings_action, self.open_database_action, self.connect_server_action,
                       self.recent_menu.menuAction()):
            action.setEnabled(self.attached)
        if not self.attached:
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)

    def _data_changed(self, changes) -> None:
        """A change notice: the page on screen reads again if it shows what changed (the others
        read when they are shown)."""
        page = self.stack.built(self.stack.currentIndex())  # one not built yet reads when it is
        kinds = getattr(page, "kinds_shown", None)
        if page is not None and (kinds is None or changes.everything or kinds & changes.kinds):
            page.refresh()
        self._update_actions()

    def refresh_current(self) -> None:
        self.stack.show_page(self.stack.currentIndex()).refresh()
        self._update_actions()

    # --- record actions ---------------------------------------------------------------------
    def focus_search(self) -> None:
        page = self.current_list_page()
        if page is not None:
            page.focus_search()

    def new_record(self) -> None:
        page = self.current_list_page()
        if page is None or kind_access.read_only(self, page.spec.record_kind):
            return
        from twindesk.domain.model.specs import SPECS
        from twindesk.ui.records.forms import dialog_for

        defaults = {}
        home = self.settings.get(S.HOME_LOCALITY)
        if home and "home_locality" in SPECS[page.spec.record_kind].by_name:
            defaults["home_locality"] = home
        dialog = dialog_for(page.spec.record_kind, None, defaults=defaults, lang=self.lang, user=self.user,
                            parent=self)
        dialog.exec()
        if dialog.record_id is not None:
            page.refresh()
            row = page.model.row_of(dialog.record_id)
            if row is not None:
                page.view.selectRow(row)

    def open_selected(self) -> None:
        page = self.current_list_page()
        if page is not None:
            page.open_selected()

    def open_record(self, kind: str, record_id: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        from twindesk.domain.model.errors import UserError
        from twindesk.ui.common.error_text import user_error_message
        from twindesk.ui.records.forms import dialog_for

        try:
            dialog = dialog_for(kind, record_id, lang=self.lang, user=self.user,
                                read_only=kind_access.read_only(self, kind), parent=self)
        except UserError as exc:  # deleted meanwhile
            QMessageBox.information(self, APP_NAME, user_error_message(exc))
            self.refresh_current()
            return
        dialog.exec()

    def delete_selected(self) -> None:
        page = self.current_list_page()
        if page is not None:
            page.delete_selected()

    def delete_record(self, kind: str, record_id: int) -> None:
        from twindesk.domain.model.specs import SPECS
        from twindesk.ui.records.delete_confirm import delete_checked

        # Changed by someone else between the question and the delete: told who, and asked again.
        if kind_access.read_only(self, kind) or not delete_checked(self, kind, record_id, self.lang, self.user):
            return
        label = SPECS[kind].record_label(self.lang)
        self.statusBar().showMessage(self.tr("Deleted %1 %2.").replace("%1", label).replace("%2", str(record_id)), 5000)

    def brief_selected(self) -> None:
        page = self.current_list_page()
        record_id = page.selected_id() if page is not None else None
        if record_id is None or page.spec.record_kind not in _briefed_kinds():
            return
        from twindesk.ui.briefing.brief_dialog import BriefDialog  # reportlab: only when a pack is asked for

        BriefDialog(page.spec.record_kind, record_id, lang=self.lang, database=self.db_path, parent=self).exec()

    # --- workbooks ----------------------------------------------------------------------------
    def export_workbook(self) -> None:
        from twindesk.ui.exchange.export_dialog import ExportDialog  # openpyxl: only when asked for

        ExportDialog(lang=self.lang, database=self.db_path, parent=self).exec()

    def export_view(self) -> None:
        window_commands.export_view(self)

    def import_workbook(self) -> None:
        if not self.read_only:
            # the file readers load when Import is first used, not to show the window
            from twindesk.ui.exchange.import_wizard.wizard import ImportWizard

            self.import_wizard = ImportWizard(self, lang=self.lang, user=self.user)
            self.import_wizard.open()

    # --- file -------------------------------------------------------------------------------
    def backup_now(self) -> None:
        window_commands.backup_now(self)

    def restore_from_backup(self) -> None:
        window_commands.restore_from_backup(self)

    def show_settings(self) -> None:
        window_commands.show_settings(self)

    def about(self) -> None:
        window_commands.about(self)

    # --- state between runs (ui/shell/window_state.py) ---------------------------------------
    def _restore_state(self) -> None:
        window_state.restore(self)

    def save_state(self) -> None:
        window_state.save(self)

    def closeEvent(self, event) -> None:
        if self._closed:  # closed twice (a hidden window, then its owner): once is enough
            super().closeEvent(event)
            return
        self._closed = True
        if self.attached:  # a shell whose database never opened has nothing to keep
            from twindesk.ui.common import background
            from twindesk.ui.common.databus import bus

            self.save_state()
            bus.changed.disconnect(self._data_changed)  # a closed window no longer follows the data
            self.nav.detach()
            background.wait_for_all()  # no worker may still be reading when the database closes
        super().closeEvent(event)


def _briefed_kinds() -> tuple[str, ...]:
    from twindesk.ui.records.forms import BRIEFED_KINDS  # the record forms load with the first list page

    return BRIEFED_KINDS

"""The main window's toolbar and menus, built from the window's actions: icons beside the toolbar's
words, File with Open database…, Connect to server… and Recent databases, Help with the user guide (F1). Their words are
the main window's (translation context "MainWindow")."""

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar

from twindesk.ui.common.icons import icon
from twindesk.ui.shell.recent_files import RecentMenu

# action attribute of the window -> icon name (ui/common/icons.py)
ACTION_ICONS = {
    "new_action": "new", "open_action": "open", "delete_action": "delete", "find_action": "find",
    "refresh_action": "refresh", "brief_action": "brief", "export_action": "export",
    "export_view_action": "export_view", "import_action": "import", "backup_action": "backup",
    "restore_action": "restore", "settings_action": "settings", "quit_action": "quit", "about_action": "about",
    "undo_action": "undo", "redo_action": "redo", "recent_action": "history",
}


def toolbar_words(text: str) -> str:
    """A menu's words for the toolbar: "新建(&N)" -> "新建", "&Briefing pack…" -> "Briefing pack"."""
    return re.sub(r"\s*\(&\w\)", "", text).replace("&", "").rstrip("…").strip()


def build_toolbar(window) -> QToolBar:
    for name, icon_name in ACTION_ICONS.items():
        getattr(window, name).setIcon(icon(icon_name))
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main"))
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    # Qt.ToolButtonStyle.ToolButtonTextBesideIcon (2), set by name: Qt's `Qt` namespace costs ~14 ms on first use
    toolbar.setProperty("toolButtonStyle", 2)
    for action in (window.new_action, window.open_action, window.delete_action, None, window.find_action,
                   window.refresh_action, None, window.brief_action):
        if action is None:
            toolbar.addSeparator()
        else:
            action.setIconText(toolbar_words(action.text()))
            toolbar.addAction(action)
    window.addToolBar(toolbar)
    return toolbar


def _open_database(window) -> None:
    from twindesk.ui.common.file_dialogs import open_file_name

    path = open_file_name(window, QCoreApplication.translate("MainWindow", "Open a TwinDesk database"),
                          str(window.db_path.parent) if window.db_path is not None else "",
                          QCoreApplication.translate("MainWindow", "TwinDesk database (*.db);;All files (*)"))
    if path:
        window.switchDatabase.emit(path)


def show_guide(window):
    """One guide per window, brought to the front when asked for again."""
    from twindesk.ui.shell.user_guide import GuideDialog  # QTextBrowser: only when asked for

    guide = getattr(window, "guide", None)
    if guide is None:
        guide = window.guide = GuideDialog(window.lang, window)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide


def build_menus(window) -> None:
    window.open_database_action = window._action(QCoreApplication.translate("MainWindow", "&Open database…"), lambda: _open_database(window),
                                                 QKeySequence.StandardKey.Open, "open_database")
    window.open_database_action.setIcon(icon("open_database"))
    window.connect_server_action = window._action(QCoreApplication.translate("MainWindow", "Connect to &server…"),
                                                  lambda: window.connectServer.emit(), None, "connect_server")
    window.connect_server_action.setIcon(icon("connect_server"))
    window.recent_menu = RecentMenu(QCoreApplication.translate("MainWindow", "Recent &databases"), window.settings, window.db_path,
                                    window.switchDatabase.emit, window)
    window.guide_action = window._action(QCoreApplication.translate("MainWindow", "&User guide"), lambda: show_guide(window),
                                         QKeySequence.StandardKey.HelpContents, "user_guide")
    window.guide_action.setIcon(icon("guide"))

    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    menu.addAction(window.open_database_action)
    menu.addAction(window.connect_server_action)
    menu.addMenu(window.recent_menu)
    menu.addSeparator()
    menu.addAction(window.brief_action)
    menu.addSeparator()
    for action in (window.export_action, window.export_view_action, window.import_action):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(window.backup_action)
    menu.addAction(window.restore_action)
    menu.addSeparator()
    menu.addAction(window.settings_action)
    menu.addSeparator()
    menu.addAction(window.quit_action)

    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    menu.addAction(window.undo_action)
    menu.addAction(window.redo_action)
    menu.addSeparator()
    for action in (window.new_action, window.open_action, window.delete_action):
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(window.find_action)
    menu.addAction(window.recent_action)

    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        action = QAction(item.icon(), item.text(), window)
        action.setShortcuts([QKeySequence(f"Ctrl+{row + 1}")])  # not setShortcut: see MainWindow._action
        action.triggered.connect(lambda _checked=False, r=row: window.nav.setCurrentRow(r))
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(window.refresh_action)

    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    menu.addAction(window.guide_action)
    menu.addSeparator()
    menu.addAction(window.about_action)

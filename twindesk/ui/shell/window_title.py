"""What the window says it shows, in its title and status bar: the database file, or the server
("server twindesk on db.office:5432 as wang"), and whether it is read-only. The words are the main
window's (translation context "MainWindow")."""

from PySide6.QtCore import QCoreApplication

from twindesk import APP_NAME


def location_text(window) -> str:
    if window.server is not None:
        from twindesk.ui.common.formatting import server_name  # loads the domain: not at start-up
        return QCoreApplication.translate("MainWindow", "server %1").replace("%1", server_name(window.server))
    return str(window.db_path)


def show_location(window) -> None:
    """The title and the status bar's permanent label (the shell, before attach, has no database yet)."""
    if window.db_path is None and window.server is None:
        window.setWindowTitle(APP_NAME)
        return
    suffix = " — " + QCoreApplication.translate("MainWindow", "read-only") if window.read_only else ""
    name = location_text(window) if window.server is not None else window.db_path.name
    window.setWindowTitle(f"{APP_NAME} — {name}{suffix}")
    marked = "  " + QCoreApplication.translate("MainWindow", "(read-only)") if window.read_only else ""
    window.db_label.setText(location_text(window) + marked)

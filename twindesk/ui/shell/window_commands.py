"""The main window's commands that ask in a dialog and then act: export the list on screen, back up,
restore from a backup, settings, about. Their words are the main window's (translation context "MainWindow");
what each needs is imported when it is chosen, not at start-up (docs/architecture.md, "Start-up")."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from twindesk import __version__
from twindesk.ui.shell import settings as S


def export_view(window) -> None:
    """File › Export this view: the rows and columns the list on screen shows now, as a workbook."""
    page = window.current_list_page()
    if page is None:
        return
    from datetime import date

    from twindesk.ui.common.background import run_with_progress
    from twindesk.ui.common.default_folder import documents_folder
    from twindesk.ui.common.file_written import offer_file
    from twindesk.ui.common.replace_prompt import ask_to_write
    from twindesk.ui.exchange import view_export
    from twindesk.ui.exchange.export_dialog import choose_xlsx, show_export_warnings

    title = window.nav.currentItem().text()
    view = view_export.snapshot(page, title)
    suggested = str(documents_folder() / f"{title} {date.today().isoformat()}.xlsx")
    path = choose_xlsx(window, QCoreApplication.translate("MainWindow", "Export this view"), suggested)
    replace = ask_to_write(window, Path(path), window.db_path) if path else None
    if replace is None:
        return
    lang = window.lang

    def written(report) -> None:
        show_export_warnings(window, report, lang)
        offer_file(window, report.path, QCoreApplication.translate("MainWindow", "Workbook"))

    window.view_job = run_with_progress(
        window, QCoreApplication.translate("MainWindow", "Exporting %1 rows…").replace("%1", str(len(view.ids))),
        lambda progress: view_export.export(view, Path(path), lang, progress, replace), written)


def _on_the_server(window) -> bool:
    """The shared server's backups are its own (pg_dump): said instead of copying a file there is not."""
    if getattr(window, "server", None) is None:
        return False
    from PySide6.QtWidgets import QMessageBox

    from twindesk.ui.common.formatting import server_name  # loads the domain: not at start-up
    QMessageBox.information(window, QCoreApplication.translate("MainWindow", "Backup"), QCoreApplication.translate(
        "MainWindow", "%1 is on the shared server: it is backed up and restored there, with PostgreSQL's own "
        "pg_dump and pg_restore. Ask the office's database administrator.").replace("%1", server_name(window.server)))
    return True


def backup_now(window) -> None:
    """File › Back up now: a copy of the database where the user says."""
    if _on_the_server(window):
        return
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    from twindesk.domain import workspace
    from twindesk.domain.model.errors import UserError
    from twindesk.ui.common.error_text import user_error_message
    from twindesk.ui.common.file_dialogs import save_file_name
    from twindesk.ui.common.replace_prompt import ask_to_write

    if _said_pg_dump(window):
        return
    db_path = window.db_path
    suggested = str(db_path.with_name(f"{db_path.stem}-{datetime.now():%Y%m%d-%H%M}.db"))
    target = save_file_name(window, QCoreApplication.translate("MainWindow", "Back up the database"), suggested,
                            QCoreApplication.translate("MainWindow", "TwinDesk database (*.db)"))
    replace = ask_to_write(window, Path(target), db_path) if target else None
    if replace is None:
        return
    try:
        workspace.back_up_to(db_path, Path(target), replace=replace)  # the old file goes once the copy is whole
    except UserError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("MainWindow", "Backup"), user_error_message(exc))
        return
    window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Backup written to %1")
                                   .replace("%1", target), 8000)


def restore_from_backup(window) -> None:
    """File › Restore from backup: the session restores the chosen one and rebuilds the window."""
    if _on_the_server(window):
        return
    from twindesk.ui.backups.restore_dialog import choose_backup

    if _said_pg_dump(window):
        return
    chosen = None if window.read_only else choose_backup(window, window.db_path, window.lang)
    if chosen is not None:
        window.restoreBackup.emit(chosen)


def _said_pg_dump(window) -> bool:
    """On a server the backups are PostgreSQL's (pg_dump): say how, with the commands, instead."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from twindesk.domain import workspace
    from twindesk.domain.server_backup import advice

    opened = workspace.current()
    if opened is None or opened.address is None:
        return False
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "Backup"),
                      advice(opened.address).text(window.lang), QMessageBox.StandardButton.Ok, window)
    box.setObjectName("pgDumpAdvice")
    box.setTextInteractionFlags(box.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
    box.deleteLater()
    return True


def show_settings(window) -> None:
    """File › Settings; another database or language is the session's to open (the window's signals)."""
    settings = window.settings
    before = {setting: settings.get(setting) for setting in (S.LANGUAGE, S.DATABASE, S.QUIET_AFTER_DAYS)}
    from twindesk.domain import workspace
    from twindesk.domain.operations import door
    from twindesk.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, lang=window.lang, parent=window)
    if not dialog.exec():
        return
    window.user = settings.get(S.STAFF_NAME)
    door.set_staff_name(window.user)
    dashboard = window.stack.built(0)  # one built later reads the setting then
    if dashboard is not None:
        dashboard.set_quiet_after_days(settings.get(S.QUIET_AFTER_DAYS))
    database = settings.get(S.DATABASE)
    if database != before[S.DATABASE]:  # a server's URL as it is; a file's path resolved
        from twindesk.domain.server_connection import is_database_url

        window.switchDatabase.emit(database if is_database_url(database) else
                                   str(workspace.database_path(database or None)))
    if settings.get(S.LANGUAGE) != before[S.LANGUAGE]:
        window.switchLanguage.emit(settings.get(S.LANGUAGE))


def about(window) -> None:
    from PySide6.QtWidgets import QMessageBox

    text = QCoreApplication.translate("MainWindow", "TwinDesk %1\nPartner cities, delegation visits and aid shipments.")
    QMessageBox.about(window, QCoreApplication.translate("MainWindow", "About TwinDesk"), text.replace("%1", __version__))

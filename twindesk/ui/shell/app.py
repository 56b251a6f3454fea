"""Starting the window: Qt application, crash handling, language, the shell painted, then the session
(database + window).

The shell (menus, toolbar, navigation, an empty page frame) is shown before the database layer is
imported: once it has painted, the session opens the database over it (the lock prompt, the
damaged-database screen and the read-only fallback appear over the shell) and attaches it
(docs/architecture.md, "Start-up").
"""

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from twindesk import APP_NAME, __version__
from twindesk.resources import icon_files, resource_path
from twindesk.ui.shell import settings as S
from twindesk.ui.shell.crash import install_excepthook, setup_logging
from twindesk.ui.shell.i18n import install_language
from twindesk.ui.shell.main_window import MainWindow

# The session (and with it the domain, the store, peewee) is imported once the shell has painted.

URL_VARIABLE = "TWINDESK_DATABASE_URL"
LOG_OPENED_AFTER_MS = 1000  # the log file (logging.handlers: ~4 ms) is opened once the window is up


def choose_language(explicit: str | None, settings: S.AppSettings) -> str:
    """--lang, then the setting, then the system: Chinese for a Chinese system, English otherwise."""
    chosen = explicit or settings.get(S.LANGUAGE)
    if chosen:
        return chosen
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def choose_database(explicit: str | None, settings: S.AppSettings) -> Path:
    from twindesk.domain import workspace

    if explicit or workspace.path_from_environment():
        return workspace.database_path(explicit)
    return workspace.database_path(settings.get(S.DATABASE) or None)


def choose_target(db: str | None, database_url: str | None, settings: S.AppSettings):
    """--database-url, --db, TWINDESK_DATABASE_URL, TWINDESK_DB, then Settings (a file or a server's URL):
    a ServerAddress for the shared server, else the database file's Path."""
    import os

    from twindesk.domain import server_connection, workspace

    url = database_url or (None if db else os.environ.get(URL_VARIABLE))
    chosen = settings.get(S.DATABASE)
    if not url and not db and not workspace.path_from_environment() and server_connection.is_database_url(chosen):
        url = chosen
    return server_connection.parse(url) if url else choose_database(db, settings)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = QIcon()  # the window's icon, in every size we ship (from source and frozen)
    for path in icon_files():  # twindesk-<size>.png: with its size given, a file is read when that size is drawn
        side = int(path.stem.rpartition("-")[2])
        icon.addFile(str(path), QSize(side, side))
    app.setWindowIcon(icon)
    # A PC without Chinese fonts still shows Chinese when the installer brought WenQuanYi along.
    for font in sorted(resource_path("fonts").glob("*.tt[cf]")) if resource_path("fonts").is_dir() else ():
        QFontDatabase.addApplicationFont(str(font))
    return app


def run(db: str | None = None, *, lang: str | None = None, database_url: str | None = None) -> int:
    app = make_application()
    install_excepthook(None)  # the log file: found and opened once the shell has painted (or by a crash)
    settings = S.AppSettings()
    lang = choose_language(lang, settings)
    install_language(lang)
    shell = MainWindow(settings=settings, lang=lang)  # no database yet: its actions wait for one
    opened: dict = {}

    def open_database() -> None:
        """The shell has painted: open the database over it, or say why not and end."""
        from twindesk.domain.model.errors import UserError
        from twindesk.ui.shell.session import Session

        QTimer.singleShot(LOG_OPENED_AFTER_MS, lambda: install_excepthook(setup_logging()))  # a crash opens it sooner
        session = opened["session"] = Session(settings, lang, apply_language=install_language,
                                              resolve_language=lambda chosen: choose_language(chosen, settings))
        try:
            path = choose_target(db, database_url, settings)
        except UserError as exc:  # said in the window, and by the command line once it has closed
            opened["error"] = exc
            session.cannot_open(shell, database_url or db or "", exc)
            _give_up(app, shell, 2)
            return
        if not isinstance(path, Path):  # the shared server: a refusal brings the connect dialog
            if not session.open_server(path, shell):
                _give_up(app, shell, 0)  # the user cancelled the connect dialog
                return
            session.adopt_window(shell)
            return
        # The lock first: a database another window has open is opened read-only, and then neither
        # upgraded nor backed up behind that window's back.
        if not session.open(path, shell):
            _give_up(app, shell, 2 if session.path is None and not session.cancelled else 0)
            return
        session.adopt_window(shell)

    shell.shellPainted.connect(open_database)
    shell.show()
    try:
        code = app.exec()
    finally:
        if "session" in opened:
            opened["session"].shutdown()
    if "error" in opened:
        raise opened["error"]
    return code


def _give_up(app: QApplication, shell: MainWindow, code: int) -> None:
    """No database to show (cancelled, or it cannot be opened, which was said): the shell goes."""
    shell.close()
    app.exit(code)

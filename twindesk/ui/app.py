"""Starting the window: Qt application, crash handling, language, the database and its lock."""

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from twindesk import APP_NAME, __version__
from twindesk.store import close_database, open_database
from twindesk.store.errors import UserError
from twindesk.store.instance_lock import DatabaseLock
from twindesk.store.paths import ENV_VAR, resolve_database_path
from twindesk.ui import settings as S
from twindesk.ui.crash import install_excepthook, setup_logging
from twindesk.ui.lock_prompt import ask_read_only
from twindesk.ui.main_window import MainWindow

LOCK_REFRESH_MS = 5 * 60 * 1000


def choose_language(explicit: str | None, settings: S.AppSettings) -> str:
    """--lang, then the setting, then the system: Chinese for a Chinese system, English otherwise."""
    chosen = explicit or settings.get(S.LANGUAGE)
    if chosen:
        return chosen
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def choose_database(explicit: str | None, settings: S.AppSettings) -> Path:
    if explicit or os.environ.get(ENV_VAR):
        return resolve_database_path(explicit)
    return resolve_database_path(settings.get(S.DATABASE) or None)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run(db: str | None = None, *, lang: str | None = None) -> int:
    app = make_application()
    install_excepthook(setup_logging())
    settings = S.AppSettings()
    lang = choose_language(lang, settings)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if lang.startswith("zh") else QLocale.Language.English,
                               QLocale.Country.China if lang.startswith("zh") else QLocale.Country.UnitedKingdom))
    path = choose_database(db, settings)
    # The lock first: a database another window has open is opened read-only, and then neither
    # upgraded nor backed up behind that window's back.
    lock = DatabaseLock(path)
    read_only = False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        holder = lock.acquire()
        if holder is not None:
            if not ask_read_only(None, holder):
                return 0
            read_only = True
        open_database(path, create=True, read_only=read_only)
    except (UserError, OSError) as exc:
        if not read_only:
            lock.release()
        QMessageBox.critical(None, APP_NAME, QApplication.translate("App", "TwinDesk cannot open the database:")
                             + f"\n\n{exc}")
        return 2
    window = MainWindow(db_path=path, settings=settings, lang=lang, read_only=read_only)
    heartbeat = QTimer(window)
    if not read_only:
        heartbeat.timeout.connect(lock.refresh)
        heartbeat.start(LOCK_REFRESH_MS)
    window.show()
    try:
        return app.exec()
    finally:
        if not read_only:
            lock.release()
        close_database()

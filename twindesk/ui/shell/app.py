"""Starting the window: Qt application, crash handling, language, then the session (database + window)."""

import sys
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from twindesk import APP_NAME, __version__
from twindesk.domain import workspace
from twindesk.resources import icon_files, resource_path
from twindesk.ui.shell import settings as S
from twindesk.ui.shell.crash import install_excepthook, setup_logging
from twindesk.ui.shell.i18n import install_language
from twindesk.ui.shell.session import Session


def choose_language(explicit: str | None, settings: S.AppSettings) -> str:
    """--lang, then the setting, then the system: Chinese for a Chinese system, English otherwise."""
    chosen = explicit or settings.get(S.LANGUAGE)
    if chosen:
        return chosen
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def choose_database(explicit: str | None, settings: S.AppSettings) -> Path:
    if explicit or workspace.path_from_environment():
        return workspace.database_path(explicit)
    return workspace.database_path(settings.get(S.DATABASE) or None)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = QIcon()  # the window's icon, in every size we ship (from source and frozen)
    for path in icon_files():
        icon.addFile(str(path))
    app.setWindowIcon(icon)
    # A PC without Chinese fonts still shows Chinese when the installer brought WenQuanYi along.
    for font in sorted(resource_path("fonts").glob("*.tt[cf]")) if resource_path("fonts").is_dir() else ():
        QFontDatabase.addApplicationFont(str(font))
    return app


def run(db: str | None = None, *, lang: str | None = None) -> int:
    app = make_application()
    install_excepthook(setup_logging())
    settings = S.AppSettings()
    lang = choose_language(lang, settings)
    install_language(lang)
    session = Session(settings, lang, apply_language=install_language,
                      resolve_language=lambda chosen: choose_language(chosen, settings))
    # The lock first: a database another window has open is opened read-only, and then neither
    # upgraded nor backed up behind that window's back.
    if not session.open(choose_database(db, settings)):
        return 2 if session.path is None and not session.cancelled else 0
    session.show_window()
    try:
        return app.exec()
    finally:
        session.shutdown()

"""The window's language: Qt translators for TwinDesk's own strings and Qt's standard dialogs.

TwinDesk's translations are Qt Linguist files: `resources/translations/twindesk_<lang>.ts` (the source,
edited with Linguist or by hand) compiled to `.qm` by `make translations`. Qt's own `qtbase_<lang>.qm`
translates the standard dialogs and buttons (Open, Save, Cancel, the file dialog …). English is the
source language and needs no translator.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from twindesk.resources import resource_path

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """`resources/translations` of the source tree, or of the frozen application's bundle."""
    return resource_path("translations")


def _load(name: str, folder: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(name, folder) else None


def install_language(lang: str) -> bool:
    """Make `lang` the window's language (replacing the one before); True when its translation loaded.

    Also sets the default QLocale, so dates and numbers follow the language's conventions.
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    chinese = lang.startswith("zh")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if chinese else QLocale.Language.English,
                               QLocale.Country.China if chinese else QLocale.Country.UnitedKingdom))
    if lang == "en":
        return True
    ours = _load(f"twindesk_{lang}", str(translations_dir()))
    qt = _load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for translator in (qt, ours):
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    return ours is not None

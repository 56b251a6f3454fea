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


def qt_translations_dirs() -> list[str]:
    """Where Qt's own `qtbase_<lang>.qm` may be: where this Qt says, then beside the PySide6 package
    (the frozen build keeps them at PySide6/Qt/translations, packaging/twindesk.spec)."""
    import PySide6

    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")]


def load_qt_translation(lang: str) -> QTranslator | None:
    """Qt's translation of its standard dialogs and buttons into `lang`, or None when none is found."""
    for folder in qt_translations_dirs():
        translator = _load(f"qtbase_{lang}", folder)
        if translator is not None:
            return translator
    return None


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
    qt = load_qt_translation(lang)
    for translator in (qt, ours):
        if translator is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    return ours is not None

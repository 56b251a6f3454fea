"""Every file dialog the window opens, so they all behave (and speak) alike.

The platform's own dialog where it has one (Windows, macOS, a desktop with a file-chooser portal): it
speaks the system's language. Elsewhere (X11 without a desktop theme, the frozen Linux build) Qt shows
its own dialog, translated by Qt's `qtbase_zh_CN`, except for two labels Qt's Chinese catalogue lacks
("Look in:", "Files of type:"): TwinDesk's catalogue carries them under Qt's own context, and is
installed after Qt's, so it is asked first (ui/shell/i18n.py).

Save dialogs do not ask before replacing a file: the caller does, once, through replace_prompt, whether
the path was typed or chosen.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFileDialog, QWidget

from twindesk.ui.common import last_folder
from twindesk.ui.common.replace_prompt import NO_SECOND_QUESTION

QT_DIALOG_LABELS = (  # Qt's text, Chinese in resources/translations (context QFileDialog)
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def save_file_name(parent: QWidget | None, title: str, suggested: str, file_filter: str, *,
                   dialog_asks_to_replace: bool = False, in_last_folder: bool = True) -> str:
    """The path chosen to save to, or "" when cancelled. The dialog starts in the folder the last one was
    answered in (`in_last_folder`), with the suggested name."""
    options = QFileDialog.Option(0) if dialog_asks_to_replace else NO_SECOND_QUESTION
    start = last_folder.start_in(suggested) if in_last_folder else suggested
    path, _ = QFileDialog.getSaveFileName(parent, title, start, file_filter, options=options)
    last_folder.remember(path)
    return path


def open_file_name(parent: QWidget | None, title: str, folder: str, file_filter: str) -> str:
    """The path of an existing file chosen to open, or "" when cancelled (starting in the last folder)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, last_folder.start_in(folder), file_filter)
    last_folder.remember(path)
    return path


def open_file_names(parent: QWidget | None, title: str, folder: str, file_filter: str) -> list[str]:
    """The paths of existing files chosen to open, several at once; [] when cancelled (starts in the last folder)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, last_folder.start_in(folder), file_filter)
    if paths:
        last_folder.remember(paths[0])
    return paths

"""Before a Save-as writes: refuse what may never be replaced, and ask before replacing a file.

`ask_to_write(parent, target, database)` returns the `replace` to hand to the writer (False for a new
file, True after "Yes" to "… already exists. Replace it?"), or None when nothing is to be written: the
user said No, or the target is the database in use, one of its files, its backups folder or not a
regular file (said in a plain message). The file dialogs are told not to ask themselves
(`NO_SECOND_QUESTION`), so the user is asked once, whether the path was typed or chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from twindesk.domain.model.errors import UserError
from twindesk.domain.output_file import check_target
from twindesk.ui.common.error_text import user_error_message

NO_SECOND_QUESTION = QFileDialog.Option.DontConfirmOverwrite


def ask_to_write(parent: QWidget | None, target: Path, database: Path | None = None) -> bool | None:
    try:
        exists = check_target(target, replace=True, database=database)
    except UserError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("ReplacePrompt", "Cannot save here"), user_error_message(exc))
        return None
    if not exists:
        return False
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("ReplacePrompt", "Replace the file?"),
        QCoreApplication.translate("ReplacePrompt", "%1 already exists. Replace it?").replace("%1", str(target)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return True if answer == QMessageBox.StandardButton.Yes else None

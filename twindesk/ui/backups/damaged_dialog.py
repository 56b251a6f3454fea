"""What a damaged database opens to: what is wrong in plain words, and the ways on.

Instead of a refusal, the person is offered the one thing that mends it (restoring a backup; the
damaged file is kept as a safety copy), another database, or quitting.
"""

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from twindesk import APP_NAME
from twindesk.ui.backups.restore_dialog import ChosenBackup, choose_backup
from twindesk.ui.common.file_dialogs import open_file_name
from twindesk.ui.common.formatting import said

# How a damaged file shows in the errors of the pre-open check, of SQLite and of a rotating copy that
# read every page (store/fileinfo.py, store/integrity.py, store/backups.py). The window may not import
# `store`, so it goes by the class name and the words.
_DAMAGED_WORDS = ("is damaged", "malformed", "file is not a database", "failed its integrity check")


def is_damaged(error: BaseException | str | None) -> bool:
    """True when `error` (an exception, or a backup warning) says the database file itself is damaged."""
    if error is None:
        return False
    if isinstance(error, BaseException):
        if any(cls.__name__ == "DatabaseDamaged" for cls in type(error).__mro__):
            return True
        causes = [error]
        while causes[-1].__cause__ is not None and len(causes) < 10:
            causes.append(causes[-1].__cause__)
        return any(is_damaged(str(e)) for e in causes)
    text = error.lower()
    return any(words in text for words in _DAMAGED_WORDS)


def damage_in_backup_warning(path: Path, warning: str | None) -> str | None:
    """The day's backup copy reads every page: when that found the database damaged, say so as the
    pre-open check would ("…: is damaged (…)"); None for any other warning (a full disk, a read-only
    folder), which leaves the database as usable as before."""
    if not is_damaged(warning):
        return None
    found = re.findall(r"\(([^()]*)\)", warning)
    return f"{path}: is damaged ({found[-1] if found else warning})"


class DamagedDialog(QDialog):
    """After exec(): `choice` is "restore" (with `chosen`), "other" (with `other_path`) or "quit"."""

    def __init__(self, db_path: Path, error, *, lang: str = "en", at_start: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("damaged_dialog")
        self.db_path, self.lang = Path(db_path), lang
        self.choice = "quit"
        self.chosen: ChosenBackup | None = None
        self.other_path: Path | None = None
        self.setWindowTitle(APP_NAME)

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        headline = QLabel("<b>" + self.tr("The database %1 is damaged.").replace("%1", self.db_path.name)
                          + "</b>")
        headline.setObjectName("headline")
        explanation = QLabel(self.tr(
            "Part of the file cannot be read, so TwinDesk does not open it: working on it could lose more. "
            "Restore a backup instead: TwinDesk keeps a copy each day the database is opened and before "
            "every import and restore. The damaged file is kept as a safety copy, nothing is deleted."))
        explanation.setObjectName("explanation")
        explanation.setWordWrap(True)
        details = QLabel(self.tr("What TwinDesk found: %1").replace("%1", said(error, lang)))
        details.setObjectName("details")
        details.setWordWrap(True)
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy it into a report

        self.restore_button = QPushButton(self.tr("&Restore from backup…"))
        self.restore_button.setObjectName("restore")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore)
        self.other_button = QPushButton(self.tr("&Open another database…"))
        self.other_button.setObjectName("open_other")
        self.other_button.setAutoDefault(False)
        self.other_button.clicked.connect(self.open_other)
        self.quit_button = QPushButton(self.tr("&Quit") if at_start else self.tr("Cancel"))
        self.quit_button.setObjectName("quit")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)

        text = QVBoxLayout()
        text.addWidget(headline)
        text.addWidget(explanation)
        text.addWidget(details)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        for label in (headline, explanation, details):
            label.setMinimumWidth(520)  # wrapped text gets its height from this width
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def restore(self) -> None:
        chosen = choose_backup(self, self.db_path, self.lang)
        if chosen is not None:
            self.choice, self.chosen = "restore", chosen
            self.accept()

    def open_other(self) -> None:
        name = open_file_name(self, self.tr("Open another database"), str(self.db_path.parent),
                              self.tr("TwinDesk database (*.db)"))
        if name:
            self.choice, self.other_path = "other", Path(name)
            self.accept()

"""A "Save as" row: the file's path, editable, and Choose… for the save dialog. The file name keeps the
given suffix (.pdf, .xlsx) whatever the user types or picks; `ask_to_write` asks before a file is
replaced (typed or picked alike) and refuses what may never be replaced."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from twindesk.ui.common import replace_prompt
from twindesk.ui.common.file_dialogs import save_file_name


class SaveAsField(QWidget):
    changed = Signal()

    def __init__(self, path: Path, suffix: str, dialog_title: str, file_filter: str, parent=None):
        super().__init__(parent)
        self.suffix, self.dialog_title, self.file_filter = suffix, dialog_title, file_filter
        self.edit = QLineEdit(str(path))
        self._suggested = str(path)
        self.edit.setObjectName("output")
        self.edit.textChanged.connect(self.changed)
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)  # Enter is for the dialog's main button, not for this one
        browse.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        if not text:
            return None
        path = Path(text)
        if not path.name:  # "/" or "C:\\" while the user is still typing: no file name yet
            return None
        return path if path.suffix.lower() == self.suffix else path.with_name(path.name + self.suffix)

    def set_path(self, path: Path) -> None:
        self.edit.setText(str(path))

    def rename(self, name: str) -> None:
        """Another suggested file name in the same folder."""
        renamed = Path(self.edit.text()).with_name(name)
        if self.edit.text() == self._suggested:
            self._suggested = str(renamed)
        self.set_path(renamed)

    def ask_to_write(self, database: Path | None = None) -> tuple[Path, bool] | None:
        """(the path, whether to replace it), or None when nothing is to be written (see replace_prompt)."""
        path = self.path()
        if path is None:
            return None
        replace = replace_prompt.ask_to_write(self.window(), path, database)
        return None if replace is None else (path, replace)

    def choose(self) -> None:
        text = self.edit.text()
        # The last folder for the suggestion; what was typed wins.
        chosen = save_file_name(self, self.dialog_title, text, self.file_filter,
                                in_last_folder=text == self._suggested)
        if chosen:
            self.set_path(Path(chosen) if chosen.lower().endswith(self.suffix) else Path(chosen + self.suffix))
